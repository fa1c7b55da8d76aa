//! The bundled dataset loads, validates, and says what the sources say.
#![cfg(not(target_arch = "wasm32"))]

use perm_technoparks::analysis::{metric_catalogue, park_values};
use perm_technoparks::chart::{comparison, render_svg};
use perm_technoparks::format::ReferenceTypography;
use perm_technoparks::i18n::Lang;
use perm_technoparks::model::{load_dataset, Confidence, Dataset, Level};

fn bundled() -> Dataset {
    let bytes = include_bytes!("../public/data/technoparks.json");
    match load_dataset(bytes) {
        Ok(ds) => ds,
        Err(problems) => panic!("bundled dataset is invalid: {problems:#?}"),
    }
}

#[test]
fn has_both_parks_and_at_least_twenty_events_from_2006() {
    let ds = bundled();
    let names: Vec<&str> = ds.parks.iter().map(|p| p.name.en.as_str()).collect();
    assert_eq!(names, ["Morion Digital", "Technopark Perm"]);
    assert!(ds.events.len() >= 20, "{} events", ds.events.len());
    assert_eq!(ds.events[0].date.year, 2006);
    assert!(ds.events.iter().any(|e| e.level == Level::Federal));
    assert!(ds.events.iter().any(|e| e.level == Level::Regional));
}

#[test]
fn strategic_session_is_dated_2019_10_10_and_marked_derived() {
    let ds = bundled();
    let session = ds
        .events
        .iter()
        .find(|e| e.id == "strategic-session-2019")
        .expect("the strategic session is in the dataset");
    assert_eq!(session.date.to_string(), "2019-10-10");
    assert_eq!(session.confidence, Confidence::Derived);
    assert!(session.note.is_some(), "a derived event says how");
    assert_eq!(session.parks.len(), 2);
}

#[test]
fn headline_figures_match_the_founding_article() {
    let ds = bundled();
    let latest = |metric: &str, park: usize| {
        park_values(&ds, metric, 2026)[park]
            .latest()
            .map(|v| v.value)
    };
    assert_eq!(latest("area_m2", 0), Some(86_000.0));
    assert_eq!(latest("area_m2", 1), Some(16_949.0));
    assert_eq!(latest("investment_rub", 0), Some(726_200_000.0));
    assert_eq!(latest("investment_rub", 1), Some(97_000_000.0));
    assert_eq!(
        latest("planned_area_m2", 1),
        None,
        "no source gives it: no data, not zero"
    );
    let per_m2 = latest("investment_per_m2", 0).unwrap();
    assert!((per_m2 - 726_200_000.0 / 86_000.0).abs() < 1e-6);
    assert_eq!(latest("opened_year", 1), Some(2016.0));
    assert_eq!(
        latest("years_active", 1),
        Some(7.0),
        "2016 to the 2023 stop"
    );
    assert_eq!(latest("years_active", 0), Some(8.0), "2018 to 2026");
}

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
    let c = comparison(&ds, "area_m2", &t, 600.0, 2026).unwrap();
    assert_eq!(
        c.chart.alt,
        "Общая площадь: Morion Digital — 86\u{a0}000\u{a0}м², Технопарк Пермь — 16\u{a0}949\u{a0}м²; Morion Digital больше в 5,1\u{a0}раза."
    );
    let rank = comparison(&ds, "akit_rank", &t, 600.0, 2026).unwrap();
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
        let c = comparison(&ds, &metric.id, &t, 480.0, 2026).unwrap();
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
    use perm_technoparks::model::PartialDate;
    let ds = bundled();
    let t = ReferenceTypography { lang: Lang::Ru };
    let today = PartialDate::parse("2026-11-26").unwrap();
    let all: Vec<&str> = ds.events.iter().map(|e| e.id.as_str()).collect();
    let spec = lifecycle_chart(&ds, &all, Some("strategic-session-2019"), &t, 900.0, &today);
    assert_eq!(
        spec.data.len(),
        ds.events.len(),
        "one pointable mark per event"
    );
    assert!(spec
        .data
        .iter()
        .all(|d| d.x >= 0.0 && d.x + d.w <= spec.width + 1.0));
    let dashed = spec
        .marks
        .iter()
        .filter(|m| matches!(m, Mark::Line { dashed: true, .. }))
        .count();
    assert_eq!(dashed, 1, "the selected event's rule");
    // Technopark Perm's bar stops in 2023; Morion Digital's runs to today.
    let bars: Vec<(f64, f64)> = spec
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Rect { x, w, .. } => Some((*x, x + w)),
            _ => None,
        })
        .collect();
    assert_eq!(bars.len(), 2);
    assert!(
        bars[1].1 < bars[0].1,
        "Technopark Perm ends before Morion Digital: {bars:?}"
    );
    assert!(bars[1].0 < bars[0].0, "and started before it");
    assert!(
        spec.alt
            .contains("Технопарк Пермь 2016 — 12 января 2023 г."),
        "{}",
        spec.alt
    );
    let filtered = lifecycle_chart(&ds, &all[..3], None, &t, 900.0, &today);
    assert_eq!(
        filtered.data.len(),
        3,
        "only what the timeline's filter shows"
    );
}
