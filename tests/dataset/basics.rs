//! Who and when: the parks, the first events, the founding figures, a park's status.

use perm_technoparks::analysis::{metric_catalogue, park_values};
use perm_technoparks::format::ReferenceTypography;
use perm_technoparks::i18n::Lang;
use perm_technoparks::model::{Confidence, Level};

use super::{bundled, plain};

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
    let latest =
        |metric: &str, park: usize| park_values(&ds, metric)[park].latest().map(|v| v.value);
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
        "2016 to the 2023 suspension"
    );
    assert_eq!(
        latest("years_active", 0),
        Some(8.0),
        "2018 to the dataset's date, 2026"
    );
}

#[test]
fn technopark_perm_is_suspended_not_closed_and_years_active_say_so() {
    use perm_technoparks::chart::lifecycle_periods;
    use perm_technoparks::model::State;
    let ds = bundled();
    let perm = ds.park("technopark-perm").expect("Technopark Perm");
    // One change: work suspended on the report's dateline, the year inferred (medium).
    assert_eq!(perm.status.len(), 1, "{:?}", perm.status);
    let change = &perm.status[0];
    assert_eq!(change.state, State::Suspended);
    assert_eq!(change.date.to_string(), "2023-01-12");
    assert_eq!(change.confidence, Confidence::Medium);
    assert!(change
        .sources
        .iter()
        .any(|s| s == "aif-technopark-perm-stop"));
    let note = change
        .note
        .as_ref()
        .expect("the suspension says what its date is");
    assert!(plain(&note.ru).contains("дата сообщения"), "{}", note.ru);
    assert!(plain(&note.ru).contains("возобновлении"), "{}", note.ru);
    assert!(note.en.contains("dateline"), "{}", note.en);
    assert!(note.en.contains("No resumption"), "{}", note.en);
    assert_eq!(perm.stopped(), Some(change));
    // No park is drawn as closed: no source says any closed.
    assert!(ds
        .parks
        .iter()
        .all(|p| p.status.iter().all(|c| c.state != State::Closed)));
    assert!(ds.park("morion-digital").unwrap().status.is_empty());

    // Years active: to the suspension for Technopark Perm, to the dataset's date for Morion
    // Digital, and the formula says so, with that date.
    let years = park_values(&ds, "years_active");
    let perm_years = years[1].latest().unwrap();
    assert_eq!(
        (perm_years.value, perm_years.date.to_string()),
        (7.0, "2023-01-12".into())
    );
    assert_eq!(perm_years.confidence, Confidence::Medium);
    let morion_years = years[0].latest().unwrap();
    assert_eq!(
        (morion_years.value, morion_years.date.to_string()),
        (8.0, "2026-11-26".into())
    );
    for (lang, said) in [
        (Lang::Ru, "по состоянию на 26 ноября 2026 г."),
        (Lang::En, "as of 26 November 2026"),
    ] {
        let formula = metric_catalogue(&ds, lang)
            .into_iter()
            .find(|m| m.id == "years_active")
            .and_then(|m| m.formula)
            .unwrap();
        assert!(plain(&formula).ends_with(said), "{formula}");
        assert!(
            plain(&formula).contains("приостановлена") || formula.contains("suspended"),
            "{formula}"
        );
    }

    // The lifecycle table: Technopark Perm open to the suspension, then suspended, unchanged
    // as of the dataset's date.
    let rows = lifecycle_periods(&ds, &ReferenceTypography { lang: Lang::Ru });
    let perm_rows: Vec<(State, String, String)> = rows
        .iter()
        .filter(|r| r.park == "technopark-perm")
        .map(|r| (r.state, plain(&r.from), plain(&r.to)))
        .collect();
    assert_eq!(
        perm_rows,
        [
            (State::Open, "2016".into(), "12 января 2023 г.".into()),
            (
                State::Suspended,
                "12 января 2023 г.".into(),
                "без изменений на 26 ноября 2026 г.".into()
            ),
        ]
    );
    let suspended = rows.iter().find(|r| r.state == State::Suspended).unwrap();
    assert_eq!(plain(&suspended.state_text), "работа приостановлена");
    assert!(suspended.note.as_deref().unwrap().contains("возобновлении"));
}
