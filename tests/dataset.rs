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
    let all: Vec<&str> = ds.events.iter().map(|e| e.id.as_str()).collect();
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

/// A text with its no-break spaces as plain ones: what a test compares, whatever the
/// typographer decides about spacing.
fn plain(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
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

// ---- Issue 22: the dataset says what its sources say (../shared/sources/dataset-audit.md) ----

fn event<'a>(ds: &'a Dataset, id: &str) -> &'a perm_technoparks::model::Event {
    ds.events
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("event {id} is in the dataset"))
}

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
    let raw = include_str!("../public/data/technoparks.json");
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
    let raw = include_str!("../public/data/technoparks.json");
    for s in &ds.sources {
        assert!(
            raw.matches(&format!("\"{}\"", s.id)).count() >= 2,
            "{} is listed but cited nowhere",
            s.id
        );
    }
}

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
        serde_json::from_slice(include_bytes!("../public/data/technoparks.json")).unwrap();
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
