//! What the charts make of the dataset: the metric catalogue, the comparison's text and
//! drawing, the headline's ratio, the lifecycle chart.

use perm_technoparks::analysis::metric_catalogue;
use perm_technoparks::chart::{comparison, render_svg};
use perm_technoparks::format::ReferenceTypography;
use perm_technoparks::i18n::Lang;

use super::{bundled, plain};

#[test]
fn catalogue_offers_every_metric_with_formulas_for_derived_ones() {
    let ds = bundled();
    let catalogue = metric_catalogue(&ds, Lang::Ru);
    let ids: Vec<&str> = catalogue.iter().map(|m| m.id.as_str()).collect();
    for id in [
        "area_m2",
        "investment_rub",
        "planned_area_m2",
        "akit_rank",
        "investment_per_m2",
        "opened_year",
        "years_active",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    let derived = catalogue
        .iter()
        .find(|m| m.id == "investment_per_m2")
        .unwrap();
    assert_eq!(
        derived.formula.as_deref(),
        Some("инвестиции ÷ общая площадь")
    );
}

#[test]
fn comparison_alt_text_reads_the_data_in_russian() {
    let ds = bundled();
    let t = ReferenceTypography { lang: Lang::Ru };
    let c = comparison(&ds, "area_m2", &t, 600.0).unwrap();
    // The headline leads, then every value.
    assert_eq!(
        c.chart.alt,
        "Общая площадь: Morion Digital — в 5,1\u{a0}раза больше, чем Технопарк Пермь. Общая площадь: Morion Digital — 86\u{a0}000\u{a0}м², Технопарк Пермь — 16\u{a0}949\u{a0}м²."
    );
    let rank = comparison(&ds, "akit_rank", &t, 600.0).unwrap();
    assert!(
        rank.chart.alt.contains("2021: 2-е место"),
        "{}",
        rank.chart.alt
    );
    assert!(
        rank.chart.alt.contains("Технопарк Пермь — нет данных"),
        "{}",
        rank.chart.alt
    );
}

#[test]
fn every_metric_renders_to_svg_with_one_datum_per_known_value() {
    let ds = bundled();
    let t = ReferenceTypography { lang: Lang::En };
    for metric in metric_catalogue(&ds, Lang::En) {
        let c = comparison(&ds, &metric.id, &t, 480.0).unwrap();
        let known: usize = c.cards.iter().map(|card| card.values.len()).sum();
        assert_eq!(c.chart.data.len(), known, "{}", metric.id);
        let svg = render_svg(&c.chart).unwrap();
        assert!(
            svg.starts_with("<svg aria-hidden=\"true\""),
            "{}",
            metric.id
        );
        assert!(svg.contains("Morion Digital"));
    }
}

#[test]
fn lifecycle_chart_marks_every_shown_event_and_the_selected_one() {
    use perm_technoparks::chart::lifecycle_chart;
    use perm_technoparks::chart::Mark;
    let ds = bundled();
    let t = ReferenceTypography { lang: Lang::Ru };
    let all: Vec<usize> = (0..ds.events.len()).collect();
    let spec = lifecycle_chart(&ds, &all, Some("strategic-session-2019"), &t, 900.0);
    assert_eq!(
        spec.data.len(),
        ds.events.len(),
        "one pointable mark per event"
    );
    assert!(spec
        .data
        .iter()
        .all(|d| d.x >= 0.0 && d.x + d.w <= spec.width + 1.0));
    let rules = spec
        .marks
        .iter()
        .filter(
            |m| matches!(m, Mark::Line { dashed: true, points, .. } if points[0].0 == points[1].0),
        )
        .count();
    assert_eq!(rules, 1, "the selected event's rule");
    // Technopark Perm's bar is solid to its 2023 suspension, then pale to the dataset's date,
    // where Morion Digital's ends too.
    let bars = |fill: &str| -> Vec<(f64, f64)> {
        spec.marks
            .iter()
            .filter_map(|m| match m {
                Mark::Rect { x, w, fill: f, .. } if f == fill => Some((*x, x + w)),
                _ => None,
            })
            .collect()
    };
    let (morion, perm) = (bars(&ds.parks[0].color), bars(&ds.parks[1].color));
    // Its colour, #c2571a, halfway to white.
    let perm_suspended = bars("#e0ab8c");
    assert_eq!((morion.len(), perm.len(), perm_suspended.len()), (1, 1, 1));
    assert!(
        perm[0].1 < morion[0].1,
        "Technopark Perm's work stops first"
    );
    assert!(perm[0].0 < morion[0].0, "and started before it");
    assert_eq!(perm_suspended[0].0, perm[0].1, "the suspension follows");
    assert_eq!(perm_suspended[0].1, morion[0].1, "to the dataset's date");
    let perm_line = format!(
        "{} работал с 2016, с 12 января 2023 г. (≈) работа приостановлена",
        ds.parks[1].name.ru
    );
    assert!(plain(&spec.alt).contains(&perm_line), "{}", spec.alt);
    let filtered = lifecycle_chart(&ds, &all[..3], None, &t, 900.0);
    assert_eq!(
        filtered.data.len(),
        3,
        "only what the timeline's filter shows"
    );
}

#[test]
fn every_metric_has_a_headline_and_a_ratio_only_where_the_values_compare() {
    let ds = bundled();
    for lang in Lang::ALL {
        let t = ReferenceTypography { lang };
        for m in perm_technoparks::analysis::metric_catalogue(&ds, lang) {
            let c = comparison(&ds, &m.id, &t, 600.0).unwrap();
            eprintln!("{lang:?} {}: {}", m.id, c.headline);
            assert!(c.headline.starts_with(&m.label), "{}", c.headline);
            assert!(c.chart.alt.starts_with(&c.headline), "{}", c.chart.alt);
        }
    }
    let en = ReferenceTypography { lang: Lang::En };
    let area = comparison(&ds, "area_m2", &en, 600.0).unwrap();
    assert_eq!(
        area.headline,
        "Total area: Morion Digital — 5.1 times that of Technopark Perm"
    );
}
