//! The stylesheet shows one prerendered drawing per range of viewport widths; its ranges must
//! be the ones `prerender::VIEWPORT_STEPS` draws for, or a reader would see none or two. And it
//! shows the chosen metric's view, for each view the prerender makes.

use perm_technoparks::prerender::{PRERENDERED_METRICS, VIEWPORT_STEPS};

/// `(min, max)` viewport widths of the media query that shows drawing `.w{index}`.
fn range_in_css(css: &str, index: usize) -> Option<(Option<f64>, Option<f64>)> {
    let rule = format!(".static-chart > .w{index} {{");
    let line = css.lines().find(|l| l.contains(&rule))?;
    let number_after = |key: &str| {
        let rest = &line[line.find(key)? + key.len()..];
        let end = rest.find("px")?;
        rest[..end].trim().parse::<f64>().ok()
    };
    Some((number_after("min-width:"), number_after("max-width:")))
}

#[test]
fn every_step_has_its_media_query_and_the_ranges_meet() {
    let css = std::fs::read_to_string("style.css").expect("style.css");
    for (i, &step) in VIEWPORT_STEPS.iter().enumerate() {
        let (min, max) = range_in_css(&css, i).unwrap_or_else(|| panic!("no rule for .w{i}"));
        let expected_min = (step > 0).then_some(f64::from(step));
        assert_eq!(min, expected_min, ".w{i}: min-width");
        let expected_max = VIEWPORT_STEPS
            .get(i + 1)
            .map(|&next| f64::from(next) - 0.02);
        assert_eq!(max, expected_max, ".w{i}: max-width");
    }
    assert!(
        range_in_css(&css, VIEWPORT_STEPS.len()).is_none(),
        "a rule for a drawing that is not made"
    );
}

#[test]
fn every_prerendered_metric_has_its_rule_and_no_more() {
    let css = std::fs::read_to_string("style.css").expect("style.css");
    let rule = |i: usize| {
        format!(
            ".prerendered:has(option:nth-child({}):checked) .m{i} {{ display: contents; }}",
            i + 1
        )
    };
    for i in 0..PRERENDERED_METRICS {
        assert!(css.contains(&rule(i)), "no rule for .m{i}");
    }
    assert!(
        !css.contains(&format!(" .m{PRERENDERED_METRICS} ")),
        "a rule for a metric view that is not made"
    );
}
