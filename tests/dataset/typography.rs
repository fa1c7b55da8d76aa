//! The texts as readers get them: typeset Russian prose, and what no source states.

use perm_technoparks::i18n::Lang;
use perm_technoparks::model::Dataset;

use super::bundled;

/// Every text of the dataset, as the app, the first view, the downloads and the static pages
/// read it.
fn every_text(ds: &Dataset) -> Vec<&perm_technoparks::model::Text> {
    let mut texts = vec![&ds.meta.title, &ds.meta.description, &ds.meta.license];
    for s in &ds.sources {
        texts.extend([&s.title, &s.publisher]);
    }
    for p in &ds.parks {
        texts.push(&p.name);
        texts.extend(p.founder.iter().chain(&p.address).chain(&p.note));
        texts.extend(p.status.iter().filter_map(|c| c.note.as_ref()));
    }
    for m in &ds.metrics {
        texts.push(&m.label);
        texts.extend(&m.description);
    }
    texts.extend(ds.observations.iter().filter_map(|o| o.note.as_ref()));
    for e in &ds.events {
        texts.extend([&e.title, &e.summary]);
        texts.extend(&e.note);
    }
    texts
}

/// T-1: the Russian prose is typeset where the dataset is validated (`typography::typeset`),
/// so editors type ordinary spaces and every reader gets no-break ones: after «№» and
/// one-letter words, between a number and its unit, in digit groups, before «—».
#[test]
fn russian_texts_are_typeset_for_display() {
    use perm_technoparks::typography::typeset;
    let ds = bundled();
    let texts = every_text(&ds);
    assert!(texts.len() > 150, "{} texts", texts.len());
    for t in &texts {
        assert_eq!(typeset(Lang::Ru, &t.ru), t.ru, "not typeset: {}", t.ru);
        assert_eq!(typeset(Lang::En, &t.en), t.en, "not typeset: {}", t.en);
        for loose in ["№ ", " —", " в ", " с ", " к ", " и ", " о ", " у ", " а "] {
            assert!(
                !t.ru.contains(loose),
                "{loose:?} with a breaking space: {}",
                t.ru
            );
        }
    }
    let ru: Vec<&str> = texts.iter().map(|t| t.ru.as_str()).collect();
    let nbsp: usize = ru.iter().map(|t| t.matches('\u{a0}').count()).sum();
    assert!(
        nbsp >= 250,
        "only {nbsp} no-break spaces in the Russian texts"
    );
    for sample in [
        "№\u{a0}10",
        "№\u{a0}328-р",
        "16\u{a0}949\u{a0}м²",
        "500\u{a0}млн\u{a0}рублей",
        "с\u{a0}2006\u{a0}года",
        "ул.\u{a0}Стахановская",
        "\u{a0}— ",
        "в\u{a0}Перми",
        "\u{a0}%",
    ] {
        assert!(
            ru.iter().any(|t| t.contains(sample)),
            "no Russian text has {sample:?}"
        );
    }
    // What must not change: every source address stays as written.
    let raw: serde_json::Value =
        serde_json::from_slice(include_bytes!("../../public/data/technoparks.json")).unwrap();
    for (source, written) in ds.sources.iter().zip(raw["sources"].as_array().unwrap()) {
        assert_eq!(source.url, written["url"].as_str().unwrap());
        assert!(!source.url.contains('\u{a0}'));
    }
}

#[test]
fn the_page_says_what_no_source_states() {
    let ds = bundled();
    let ids: Vec<&str> = ds.unknowns.iter().map(|u| u.id.as_str()).collect();
    // The audit's §5.4: each was searched for and not found.
    for id in [
        "resident-counts",
        "jobs-and-revenue",
        "akit-places-2023-2024",
        "session-year",
        "federal-register",
        "decree-texts",
    ] {
        assert!(ids.contains(&id), "{id} is not said");
    }
    let year = ds
        .unknowns
        .iter()
        .find(|u| u.id == "session-year")
        .expect("the session's year");
    assert!(year.detail.ru.contains("выведен из контекста"));
    assert!(year.detail.en.contains("inferred"));
}
