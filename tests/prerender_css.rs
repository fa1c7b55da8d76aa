//! The stylesheet shows one prerendered drawing per range of viewport widths; its ranges must
//! be the ones `prerender::VIEWPORT_STEPS` draws for, or a reader would see none or two. And it
//! shows the chosen metric's view, for each view the prerender makes, and the
//! visually-impaired mode's look for each choice of the prerender's settings bar.

use perm_technoparks::prerender::{PRERENDERED_METRICS, VIEWPORT_STEPS, VI_SWITCH};
use perm_technoparks::vi::{ViScheme, ViSettings, ViSize};

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

#[test]
fn every_visually_impaired_choice_of_the_prerender_has_its_rule_beside_the_apps() {
    let css = std::fs::read_to_string("style.css").expect("style.css");
    let rule_naming = |app: &str, copy: &str| {
        css.lines()
            .any(|line| line.contains(app) && line.contains(copy))
    };
    // The mode itself, then each size and each scheme but the default (the mode's own colours).
    assert!(rule_naming(
        ".a11y, ",
        &format!(":has(#{VI_SWITCH}:checked)")
    ));
    let sizes = ViSize::ALL.map(|size| {
        let key = size.key();
        (format!(":has(.vi-size-{key})"), format!("size-{key}"))
    });
    let schemes = ViScheme::ALL
        .into_iter()
        .filter(|&scheme| scheme != ViSettings::default().scheme)
        .map(|scheme| {
            let key = scheme.key();
            (format!(".a11y.vi-scheme-{key}"), format!("scheme-{key}"))
        });
    for (app, choice) in sizes.into_iter().chain(schemes) {
        let copy = format!(":has(#{VI_SWITCH}-{choice}:checked)");
        assert!(rule_naming(&app, &copy), "no rule naming {app} and {copy}");
    }
}
