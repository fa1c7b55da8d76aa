//! Hostile text: valid data, kept exactly, and never markup in a chart.

use perm_technoparks::analysis::metric_catalogue;
use perm_technoparks::chart::{comparison, render_svg};
use perm_technoparks::format::ReferenceTypography;
use perm_technoparks::i18n::Lang;
use perm_technoparks::model::{load_dataset, Dataset, Text};

use super::{listing, read, s};

const HOSTILE: &str = "<img src=x onerror=alert(1)><script>alert(2)</script>";

/// The minimal dataset with every optional text added, an investment metric (so that every
/// derived metric has values), and every text in both languages replaced by [`HOSTILE`].
/// Returns the JSON text and how many texts it holds.
fn hostile_dataset() -> (String, usize) {
    use serde_json::{json, Value};
    let mut v: Value = serde_json::from_slice(&read("_valid_minimal.json")).expect("JSON");
    let text = || json!({"ru": "?", "en": "?"});
    for park in v["parks"].as_array_mut().expect("parks") {
        park["founder"] = text();
        park["address"] = text();
        park["note"] = text();
    }
    v["metrics"]
        .as_array_mut()
        .expect("metrics")
        .push(json!({"id": "investment_rub", "label": text(), "unit": "rub"}));
    for metric in v["metrics"].as_array_mut().expect("metrics") {
        metric["description"] = text();
    }
    for park in ["morion-digital", "technopark-perm"] {
        v["observations"]
            .as_array_mut()
            .expect("observations")
            .push(json!({
                "park": park, "metric": "investment_rub", "value": 1.5e9, "date": "2020",
                "sources": ["mirs"], "confidence": "high"
            }));
    }
    for list in ["observations", "events"] {
        for item in v[list].as_array_mut().expect("a list") {
            item["note"] = text();
        }
    }
    fn replace(v: &mut Value) -> usize {
        match v {
            Value::Object(map) if !map.is_empty() && map.keys().all(|k| k == "ru" || k == "en") => {
                for value in map.values_mut() {
                    *value = Value::String(HOSTILE.into());
                }
                1
            }
            Value::Object(map) => map.values_mut().map(replace).sum(),
            Value::Array(items) => items.iter_mut().map(replace).sum(),
            _ => 0,
        }
    }
    let texts = replace(&mut v);
    (serde_json::to_string_pretty(&v).expect("JSON"), texts)
}

/// Every text of a dataset, named by where it is.
fn all_texts(ds: &Dataset) -> Vec<(String, &Text)> {
    let mut out: Vec<(String, &Text)> = vec![
        (s("meta.title"), &ds.meta.title),
        (s("meta.description"), &ds.meta.description),
        (s("meta.license"), &ds.meta.license),
    ];
    for (i, x) in ds.sources.iter().enumerate() {
        out.push((format!("sources[{i}].title"), &x.title));
        out.push((format!("sources[{i}].publisher"), &x.publisher));
    }
    for (i, x) in ds.parks.iter().enumerate() {
        out.push((format!("parks[{i}].name"), &x.name));
        out.extend(x.founder.iter().map(|t| (format!("parks[{i}].founder"), t)));
        out.extend(x.address.iter().map(|t| (format!("parks[{i}].address"), t)));
        out.extend(x.note.iter().map(|t| (format!("parks[{i}].note"), t)));
    }
    for (i, x) in ds.metrics.iter().enumerate() {
        out.push((format!("metrics[{i}].label"), &x.label));
        out.extend(
            x.description
                .iter()
                .map(|t| (format!("metrics[{i}].description"), t)),
        );
    }
    for (i, x) in ds.observations.iter().enumerate() {
        out.extend(
            x.note
                .iter()
                .map(|t| (format!("observations[{i}].note"), t)),
        );
    }
    for (i, x) in ds.events.iter().enumerate() {
        out.push((format!("events[{i}].title"), &x.title));
        out.push((format!("events[{i}].summary"), &x.summary));
        out.extend(x.note.iter().map(|t| (format!("events[{i}].note"), t)));
    }
    out
}

#[test]
fn hostile_text_is_valid_data_and_is_kept_exactly() {
    let (text, count) = hostile_dataset();
    let ds = match load_dataset(text.as_bytes()) {
        Ok(ds) => ds,
        Err(problems) => panic!("the hostile dataset is refused:\n{}", listing(&problems)),
    };
    let texts = all_texts(&ds);
    assert_eq!(
        texts.len(),
        count,
        "every text of the file is in the dataset"
    );
    for (at, t) in texts {
        assert_eq!(t.ru, HOSTILE, "{at}.ru");
        assert_eq!(t.en, HOSTILE, "{at}.en");
    }
}

#[test]
fn hostile_text_is_escaped_in_every_comparison_chart() {
    let (text, _) = hostile_dataset();
    let ds = load_dataset(text.as_bytes()).expect("the hostile dataset loads");
    for lang in [Lang::Ru, Lang::En] {
        let t = ReferenceTypography { lang };
        let catalogue = metric_catalogue(&ds, lang);
        assert!(
            catalogue.len() >= 6,
            "{lang:?}: every stated and derived metric"
        );
        for metric in catalogue {
            let c = comparison(&ds, &metric.id, &t, 600.0)
                .unwrap_or_else(|| panic!("{lang:?} {}: no comparison", metric.id));
            assert!(
                !c.chart.data.is_empty(),
                "{lang:?} {}: the chart has no values",
                metric.id
            );
            for card in &c.cards {
                assert_eq!(card.name, HOSTILE, "{lang:?} {}: card name", metric.id);
            }
            assert!(c.chart.alt.contains(HOSTILE), "{lang:?} {}: alt", metric.id);
            let svg =
                render_svg(&c.chart).unwrap_or_else(|e| panic!("{lang:?} {}: {e}", metric.id));
            let at = format!("{lang:?} {}:\n{svg}", metric.id);
            assert!(svg.contains("&lt;img"), "no escaped name in {at}");
            assert!(svg.contains("&lt;script&gt;"), "no escaped name in {at}");
            assert!(!svg.contains("<img"), "raw <img in {at}");
            assert!(!svg.contains("<script"), "raw <script in {at}");
        }
    }
}
