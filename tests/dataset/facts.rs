//! Issue 22, continued: facts dated by their sources, headlines as published, new facts with
//! their sources.

use perm_technoparks::model::Confidence;

use super::{bundled, event, plain};

#[test]
fn the_2013_subsidies_are_one_decision_dated_by_its_weekday() {
    let ds = bundled();
    assert!(ds
        .events
        .iter()
        .all(|e| e.id != "rf-competitive-subsidies-2014"));
    let merged: Vec<_> = ds
        .events
        .iter()
        .filter(|e| e.summary.ru.contains("1,037") || e.summary.ru.contains("1,048"))
        .collect();
    assert_eq!(merged.len(), 1, "one event for the one order");
    let e = merged[0];
    assert_eq!(e.id, "rf-competitive-subsidies-2013");
    assert_eq!(e.date.to_string(), "2013-12-24");
    assert_eq!(e.confidence, Confidence::Derived);
    assert!(plain(&e.summary.ru).contains("1,037") && e.summary.ru.contains("1,048"));
    assert!(plain(&e.summary.ru).contains("Пермского края среди них нет"));
    assert!(plain(&e.note.as_ref().unwrap().ru).contains("вторник"));
    let copy = ds.source("littlewood-gomesspos258").unwrap();
    assert!(plain(&copy.title.ru).contains("копия сообщения РИА Новости"));
}

#[test]
fn the_sessions_note_gives_the_reasoning_for_2019() {
    let ds = bundled();
    let session = event(&ds, "strategic-session-2019");
    let note = &session.note.as_ref().unwrap().ru;
    for step in [
        "«с 2018 года»",
        "25 сентября 2020 года",
        "node 56879",
        "31 октября 2019 года",
        "node 57784",
        "около 900 номеров",
        "Прямого указания года нет",
    ] {
        assert!(
            plain(note).contains(step),
            "the note lacks {step:?}: {note}"
        );
    }
    assert!(session
        .note
        .as_ref()
        .unwrap()
        .en
        .contains("No text found states the year"));
    for id in [
        "kalibr-57784",
        "sidenews-kolesnikov",
        "zwezda-reshetnikov-2020",
    ] {
        assert!(session.sources.iter().any(|s| s == id), "{id}");
    }
    assert!(
        plain(&session.summary.ru).contains("технопарки в сфере высоких технологий как инструмент")
    );
    assert!(plain(&session.summary.ru).contains("перевод с английской версии"));
}

#[test]
fn sources_carry_their_real_headlines() {
    let ds = bundled();
    for (id, headline) in [
        ("newsko-5464435", "В Перми может появиться ещё один технопарк"),
        ("rbc-643d30fb", "Руководство «Технопарка Пермь» готово построить собственное здание"),
        ("aif-technopark-perm-stop", "«Технопарк Пермь» прекратил работу из-за роста платы за аренду помещения"),
        ("kommersant-8099892", "Morion Digital вновь вошел в пятерку лучших технопарков страны"),
        ("goszakaz-7782", "Минпромторг России стал единым оператором по государственной поддержке всех видов технопарков"),
        ("it-world-concept", "В Перми построят сразу два новых IT-парка"),
        ("akitrf-permskogo-perioda", "Технопарк пермского периода"),
        ("t7-inform-20171120", "В крае поддержали идею создания отечественного программного обеспечения"),
    ] {
        let title = plain(&ds.source(id).unwrap().title.ru);
        assert!(title.starts_with(headline), "{id}: {title}");
    }
    // P-5: the amending law is not the consolidated 197-ПК.
    assert!(plain(&ds.source("kontur-46706").unwrap().title.ru).contains("О внесении изменений"));
    // P-16
    for (id, date) in [
        ("kommersant-8099892", "2025-10-08"),
        ("sobaka-205790", "2025-10-09"),
        ("goszakaz-7782", "2022-11-22"),
        ("rbc-pressrelease-akit-2022", "2022-10-07"),
    ] {
        assert_eq!(
            ds.source(id)
                .unwrap()
                .date
                .map(|d| d.to_string())
                .as_deref(),
            Some(date),
            "{id}"
        );
    }
    // A title that is a description, not a headline seen, is marked as supplied: [ … ].
    assert!(ds
        .source("kommersant-3629441")
        .unwrap()
        .title
        .ru
        .starts_with('['));
}

#[test]
fn new_facts_are_in_with_their_sources() {
    let ds = bundled();
    let new = [
        ("rf-decree-1114-2010", "comnews-53952"),
        ("morion-innovation-centre-2011", "business-class-24652"),
        ("morion-rezoning-2013", "properm-52555"),
        ("rf-programme-wound-up-2014", "newlate-prompolitika"),
        ("rf-compensation-2017-2019", "d-russia-6-8"),
        ("pk-it-sector-2017", "kremlin-55566"),
        ("rf-subsidy-regions-2022", "rg-2022-03-22"),
        ("morion-krasnoyarsk-2022", "pulse19-126369"),
        ("rf-high-tech-technopark-law-2023", "gxpnews-2023-08"),
        ("rf-high-tech-support-rules-2023", "asninfo-109870"),
        ("pk-campus-technopark-2023", "business-class-kampus-2023"),
        ("pk-campus-expertise-2024", "v-kurse-2024-12-29"),
        ("akit-rating-method-2025", "kommersant-8099892"),
    ];
    assert!(new.len() >= 10);
    for (id, source) in new {
        let e = event(&ds, id);
        assert!(e.sources.iter().any(|s| s == source), "{id} cites {source}");
        for s in &e.sources {
            let s = ds.source(s).unwrap();
            assert!(s.url.starts_with("http"), "{id}: {}", s.url);
        }
        if e.confidence != Confidence::High {
            assert!(e.note.is_some(), "{id}: says why it is not stated outright");
        }
    }
    // Facts are said no more strongly than the sources: the Krasnoyarsk plan's year is a bound.
    assert_eq!(
        event(&ds, "morion-krasnoyarsk-2022").confidence,
        Confidence::Derived
    );
    assert_eq!(
        event(&ds, "rf-programme-wound-up-2014").confidence,
        Confidence::Medium
    );
    // Every source is cited by something.
    let raw = include_str!("../../public/data/technoparks.json");
    for s in &ds.sources {
        assert!(
            raw.matches(&format!("\"{}\"", s.id)).count() >= 2,
            "{} is listed but cited nowhere",
            s.id
        );
    }
}
