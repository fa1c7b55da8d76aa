//! Issue 22: the dataset says what its sources say (`../shared/sources/dataset-audit.md`):
//! names, figures and their confidence, texts that say no more than the sources.

use perm_technoparks::model::{Confidence, Dataset};

use super::{bundled, event, plain};

/// Every text of the dataset in both languages, with where it is.
fn all_texts(ds: &Dataset) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut put = |at: String, t: &perm_technoparks::model::Text| {
        out.push((format!("{at}.ru"), t.ru.clone()));
        out.push((format!("{at}.en"), t.en.clone()));
    };
    put("meta.title".into(), &ds.meta.title);
    put("meta.description".into(), &ds.meta.description);
    for s in &ds.sources {
        put(format!("sources[{}].title", s.id), &s.title);
        put(format!("sources[{}].publisher", s.id), &s.publisher);
    }
    for p in &ds.parks {
        put(format!("parks[{}].name", p.id), &p.name);
        for t in [&p.founder, &p.address, &p.note].into_iter().flatten() {
            put(format!("parks[{}]", p.id), t);
        }
    }
    for m in &ds.metrics {
        put(format!("metrics[{}].label", m.id), &m.label);
        if let Some(d) = &m.description {
            put(format!("metrics[{}].description", m.id), d);
        }
    }
    for o in &ds.observations {
        if let Some(n) = &o.note {
            put(format!("observations[{}/{}].note", o.park, o.metric), n);
        }
    }
    for e in &ds.events {
        put(format!("events[{}].title", e.id), &e.title);
        put(format!("events[{}].summary", e.id), &e.summary);
        if let Some(n) = &e.note {
            put(format!("events[{}].note", e.id), n);
        }
    }
    out
}

#[test]
fn park_names_are_the_sources_own_morion_digital_and_technopark_perm() {
    let ds = bundled();
    let ru: Vec<&str> = ds.parks.iter().map(|p| p.name.ru.as_str()).collect();
    assert_eq!(ru, ["Morion Digital", "Технопарк Пермь"]);
    // No source writes «Морион Диджитал», nor Технопарк «Пермь» with the quotes moved.
    let raw = include_str!("../../public/data/technoparks.json");
    for wrong in [
        "Морион Диджитал",
        "Технопарк «Пермь»",
        "Технопарка «Пермь»",
        "Также «Т.Парк»",
        "Also known as T.Park",
    ] {
        assert!(!raw.contains(wrong), "{wrong:?} is back in the dataset");
    }
    for (at, text) in all_texts(&ds) {
        assert!(!text.contains("Диджитал"), "{at}: {text}");
    }
    assert!(plain(&ds.meta.title.ru).contains("Morion Digital"));
    assert!(plain(&ds.meta.title.ru).contains("«Технопарк Пермь»"));
    assert!(plain(&ds.meta.description.ru).contains("«Технопарка Пермь»"));
}

#[test]
fn the_founding_articles_figures_are_medium_and_cite_the_kalibr_copy_first() {
    let ds = bundled();
    let article = |park: &str, metric: &str| {
        ds.observations
            .iter()
            .find(|o| o.park == park && o.metric == metric && o.date.to_string() == "2019")
            .unwrap_or_else(|| panic!("{park} {metric} 2019"))
    };
    for (park, metric, value) in [
        ("morion-digital", "area_m2", 86_000.0),
        ("technopark-perm", "area_m2", 16_949.0),
        ("morion-digital", "investment_rub", 726_200_000.0),
        ("technopark-perm", "investment_rub", 97_000_000.0),
    ] {
        let o = article(park, metric);
        assert_eq!(o.value, value, "{park} {metric}");
        // The values are stated, their year (2019) comes from context.
        assert_eq!(o.confidence, Confidence::Medium, "{park} {metric}");
        // The text read is Kalibr's English copy; the ministry's item is its unread original.
        assert_eq!(
            o.sources[..2],
            ["kalibr-56879", "mirs-3519"],
            "{park} {metric}"
        );
        let note = o.note.as_ref().expect("says where the year comes from");
        assert!(
            plain(&note.ru).contains("выведен из контекста"),
            "{}",
            note.ru
        );
    }
    for id in [
        "technopark-perm-opens-2016",
        "morion-digital-opens-2018",
        "strategic-session-2019",
    ] {
        assert_eq!(
            event(&ds, id).sources[..2],
            ["kalibr-56879", "mirs-3519"],
            "{id}"
        );
    }
    let original = ds.source("mirs-3519").unwrap();
    assert!(
        plain(&original.title.ru).contains("не получен"),
        "{}",
        original.title.ru
    );
    assert!(
        original.title.en.contains("not retrieved"),
        "{}",
        original.title.en
    );
    let read = ds.source("kalibr-56879").unwrap();
    assert!(read
        .title
        .en
        .starts_with("The experience of Kalibr Technopark is presented in the framework"));
}

#[test]
fn years_inferred_from_context_are_not_labelled_high() {
    let ds = bundled();
    for id in [
        "technopark-perm-working-group-2018",
        "pk-digital-economy-concept-2018",
        "rf-decree-1119-2014",
        "rf-decree-1863-2019",
        "rf-decree-1433-2021",
    ] {
        assert_eq!(event(&ds, id).confidence, Confidence::Medium, "{id}");
    }
    // Every record that is not stated outright says how it was worked out.
    for e in &ds.events {
        if e.confidence == Confidence::Derived {
            assert!(e.note.is_some(), "{}: a derived event says how", e.id);
        }
    }
    for o in &ds.observations {
        if o.confidence != Confidence::High {
            assert!(o.note.is_some(), "{} {}: says why", o.park, o.metric);
        }
    }
}

#[test]
fn texts_say_no_more_than_their_sources() {
    let ds = bundled();
    // P-2: a temporary suspension, its 40 % as the source has it, the dateline explained.
    let stop = event(&ds, "technopark-perm-stops-2023");
    assert_eq!(stop.title.ru, "«Технопарк Пермь» приостанавливает работу");
    assert_eq!(stop.title.en, "Technopark Perm suspends work");
    assert!(plain(&stop.summary.ru)
        .contains("на 40 % (так в источнике; рост с 2,5 до 4 млн рублей в месяц — это 60 %)"));
    assert!(plain(&stop.summary.ru).contains("временно приостановить"));
    assert!(plain(&stop.summary.ru).contains("в других регионах проект не сворачивали"));
    assert!(plain(&stop.note.as_ref().unwrap().ru).contains("дата сообщения"));
    // P-4: what the sources say, and no more.
    let group = event(&ds, "technopark-perm-working-group-2018");
    assert!(plain(&group.summary.ru).contains("курирует"));
    assert!(!group.summary.en.contains("chaired"));
    let network = event(&ds, "morion-network-2021");
    assert!(plain(&network.summary.ru).contains("работает над запуском"));
    assert!(plain(&network.summary.ru).contains("пока готов только пермский"));
    let building = event(&ds, "technopark-perm-new-building-2023");
    assert!(plain(&building.summary.ru)
        .contains("рассматривают даже строительство собственного здания"));
    let putin = event(&ds, "rf-100-technoparks-2024");
    assert!(plain(&putin.summary.ru).contains("индустриальных технопарков"));
    assert!(putin.title.en.contains("industrial technoparks"));
    assert!(putin.sources.iter().any(|s| s == "regnum-372967519"));
    // T-3, T-4
    let concept = event(&ds, "pk-digital-economy-concept-2018");
    assert_eq!(
        plain(&concept.title.ru),
        "Концепция развития цифровой экономики Пермского края в 2018–2024 гг."
    );
    assert!(plain(&concept.summary.ru).contains("почти на 100"));
    assert!(plain(&concept.summary.ru).contains("доли ИКТ в экономике края"));
    assert_eq!(
        plain(&event(&ds, "technopark-perm-opens-2016").title.ru),
        "«Технопарк Пермь» работает с 2016 года"
    );
    assert_eq!(
        plain(&event(&ds, "morion-digital-opens-2018").title.ru),
        "Morion Digital работает с 2018 года"
    );
    let rank_2020 = ds
        .observations
        .iter()
        .find(|o| o.metric == "akit_rank" && o.date.to_string() == "2020")
        .unwrap();
    assert!(plain(&rank_2020.note.as_ref().unwrap().ru).contains("«поднялся на три пункта»"));
    assert!(all_texts(&ds)
        .iter()
        .all(|(_, t)| !t.contains("поднявшись на три пункта»")));
    // P-14, P-15: the rating's method changed; the association's name.
    let rank = ds.metrics.iter().find(|m| m.id == "akit_rank").unwrap();
    let about = &plain(&rank.description.as_ref().unwrap().ru);
    assert!(
        about.contains("методика менялась в 2022 и 2025 годах"),
        "{about}"
    );
    assert!(
        about.contains("Ассоциации кластеров, технопарков и ОЭЗ России"),
        "{about}"
    );
    // T-6: one spelling of the currency in English.
    for (at, text) in all_texts(&ds) {
        if at.ends_with(".en") {
            assert!(!text.contains("ruble"), "{at}: {text}");
        }
    }
}
