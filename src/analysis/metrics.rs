//! The metric catalogue and each park's values for a metric.

use std::collections::HashMap;

use crate::format::{ReferenceTypography, Typography};
use crate::i18n::{strings, Lang};
use crate::model::problem::fill;
use crate::model::{Confidence, Dataset, Observation, Park, PartialDate, Text, Unit};

/// Metrics the app computes from others; their labels and formulas are interface strings.
pub const DERIVED_METRIC_IDS: [&str; 3] = ["investment_per_m2", "opened_year", "years_active"];

/// A metric the reader can choose, from the dataset or derived.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricInfo {
    pub id: String,
    pub label: String,
    pub unit: Unit,
    /// How a derived metric is computed; `None` for values the sources state.
    pub formula: Option<String>,
    pub description: Option<String>,
}

/// One value of a metric for a park, with where it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub value: f64,
    pub date: PartialDate,
    pub sources: Vec<String>,
    pub confidence: Confidence,
    pub note: Option<Text>,
}

/// A park's values for one metric, oldest first; empty means "no data".
#[derive(Debug, Clone, PartialEq)]
pub struct ParkValues<'a> {
    pub park: &'a Park,
    pub values: Vec<Value>,
}

impl ParkValues<'_> {
    /// The most recent value, what a bar shows.
    pub fn latest(&self) -> Option<&Value> {
        self.values.last()
    }
}

/// Every metric in the dataset, then the derived ones, labelled in a language. A formula
/// that depends on "now" says the date it is computed as of (`Dataset::as_of`).
pub fn metric_catalogue(ds: &Dataset, lang: Lang) -> Vec<MetricInfo> {
    let s = strings(lang);
    let as_of = ReferenceTypography { lang }.date(&ds.as_of());
    let stated = ds.metrics.iter().map(|m| MetricInfo {
        id: m.id.clone(),
        label: m.label.get(lang).to_string(),
        unit: m.unit,
        formula: None,
        description: m.description.as_ref().map(|d| d.get(lang).to_string()),
    });
    let derived = DERIVED_METRIC_IDS.iter().filter_map(|id| {
        let text = s.derived_metrics.get(id)?;
        Some(MetricInfo {
            id: id.to_string(),
            label: text.label.to_string(),
            unit: derived_unit(id),
            formula: Some(fill(text.formula, std::slice::from_ref(&as_of))),
            description: None,
        })
    });
    stated.chain(derived).collect()
}

fn derived_unit(id: &str) -> Unit {
    match id {
        "investment_per_m2" => Unit::RubPerM2,
        "opened_year" => Unit::Year,
        _ => Unit::Years,
    }
}

/// Whether a metric is drawn as a series over years (a rating) rather than one bar per park.
pub fn is_series(unit: Unit, values: &[ParkValues]) -> bool {
    unit == Unit::Rank || values.iter().any(|p| p.values.len() > 1)
}

/// Each park's values for a metric, parks in dataset order. A period that runs on ends at the
/// dataset's date (`Dataset::as_of`), never at a clock's: the build and the app agree.
pub fn park_values<'a>(ds: &'a Dataset, metric: &str) -> Vec<ParkValues<'a>> {
    let values: Vec<Vec<Value>> = match metric {
        "investment_per_m2" => stated(ds, "investment_rub")
            .into_iter()
            .zip(stated(ds, "area_m2"))
            .map(|(mut i, mut a)| investment_per_m2(i.pop(), a.pop()).into_iter().collect())
            .collect(),
        "opened_year" => ds.parks.iter().map(|p| vec![opened_year(p)]).collect(),
        "years_active" => ds
            .parks
            .iter()
            .map(|p| vec![years_active(p, ds.as_of())])
            .collect(),
        _ => stated(ds, metric),
    };
    ds.parks
        .iter()
        .zip(values)
        .map(|(park, values)| ParkValues { park, values })
        .collect()
}

/// Each park's stated values for a metric, in the parks' order, each oldest first: one pass
/// over the observations, not one per park (200 parks × 16 000 observations at scale).
fn stated(ds: &Dataset, metric: &str) -> Vec<Vec<Value>> {
    // Park ids are unique and every observation's park is one of them (the validator's rules).
    let place: HashMap<&str, usize> = ds
        .parks
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let mut values: Vec<Vec<Value>> = ds.parks.iter().map(|_| Vec::new()).collect();
    for o in ds.observations.iter().filter(|o| o.metric == metric) {
        if let Some(&i) = place.get(o.park.as_str()) {
            values[i].push(Value::from(o));
        }
    }
    for v in &mut values {
        v.sort_by_key(|v| v.date);
    }
    values
}

impl From<&Observation> for Value {
    fn from(o: &Observation) -> Self {
        Value {
            value: o.value,
            date: o.date,
            sources: o.sources.clone(),
            confidence: o.confidence,
            note: o.note.clone(),
        }
    }
}

/// Latest investment over latest area; as sure as the less sure of the two.
fn investment_per_m2(investment: Option<Value>, area: Option<Value>) -> Option<Value> {
    let (investment, area) = (investment?, area?);
    if area.value <= 0.0 {
        return None;
    }
    let mut sources = investment.sources.clone();
    sources.extend(
        area.sources
            .iter()
            .filter(|s| !investment.sources.contains(s))
            .cloned(),
    );
    Some(Value {
        value: investment.value / area.value,
        date: investment.date.max(area.date),
        sources,
        confidence: investment.confidence.max(area.confidence),
        note: None,
    })
}

fn opened_year(park: &Park) -> Value {
    Value {
        value: f64::from(park.opened.year),
        date: park.opened,
        sources: park.sources.clone(),
        confidence: park.opened_confidence,
        note: None,
    }
}

/// Whole years from the opening to the suspension or closure that stopped its work, or, for a
/// park at work, to the dataset's date (`as_of`), by calendar year. Dated to that end, as sure
/// as the less sure of its two ends; a stop brings its sources and note.
fn years_active(park: &Park, as_of: PartialDate) -> Value {
    let (end, confidence, sources, note) = match park.stopped() {
        Some(stop) => {
            let mut sources = park.sources.clone();
            sources.extend(
                stop.sources
                    .iter()
                    .filter(|s| !park.sources.contains(s))
                    .cloned(),
            );
            (
                stop.date,
                stop.confidence.max(park.opened_confidence),
                sources,
                stop.note.clone(),
            )
        }
        None => (as_of, park.opened_confidence, park.sources.clone(), None),
    };
    Value {
        value: f64::from((end.year - park.opened.year).max(0)),
        date: end,
        sources,
        confidence,
        note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_dataset;

    fn bundled() -> Dataset {
        load_dataset(include_bytes!("../../public/data/technoparks.json")).expect("valid dataset")
    }

    fn years(ds: &Dataset) -> Vec<(f64, String)> {
        park_values(ds, "years_active")
            .iter()
            .filter_map(|pv| pv.latest().map(|v| (v.value, v.date.to_string())))
            .collect()
    }

    /// One clock: "years active" is computed as of the dataset's date, whatever day it is where
    /// it runs (nothing here reads a clock to compare with); moving that date moves the value of
    /// a park at work, not of one whose work stopped, and the formula says the date.
    #[test]
    fn years_active_count_to_the_dataset_s_date_not_a_clock() {
        let ds = bundled();
        assert_eq!(ds.as_of(), ds.meta.updated);
        let now = years(&ds);
        assert_eq!(
            now,
            [(8.0, "2026-11-26".into()), (7.0, "2023-01-12".into())]
        );
        assert_eq!(years(&ds), now, "the same on every call");

        let mut later = ds.clone();
        later.meta.updated = PartialDate::parse("2031-06-01").unwrap();
        assert_eq!(
            years(&later),
            [(13.0, "2031-06-01".into()), (7.0, "2023-01-12".into())]
        );
        let formula = |ds: &Dataset, lang| {
            metric_catalogue(ds, lang)
                .into_iter()
                .find(|m| m.id == "years_active")
                .and_then(|m| m.formula)
                .unwrap()
                .replace('\u{a0}', " ")
        };
        assert!(formula(&ds, Lang::En).ends_with("as of 26 November 2026"));
        assert!(formula(&later, Lang::En).ends_with("as of 1 June 2031"));
        assert!(formula(&later, Lang::Ru).ends_with("по состоянию на 1 июня 2031 г."));
    }

    /// No code that computes what the page shows reads a clock: the only one left in `src/`
    /// dates a downloaded file's name (the day it was saved), which is no derived value.
    #[test]
    fn nothing_but_a_download_s_name_reads_the_clock() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut dirs = vec![root.clone()];
        let mut readers = Vec::new();
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    let clocks = [
                        "Date::new_0",
                        "Date::now",
                        "SystemTime::now",
                        "Instant::now",
                    ];
                    if clocks.iter().any(|c| text.contains(c)) {
                        let name = path.strip_prefix(&root).unwrap().to_string_lossy();
                        readers.push(name.replace('\\', "/"));
                    }
                }
            }
        }
        readers.sort();
        // This file names them, in the list above.
        readers.retain(|r| r != "analysis/metrics.rs");
        assert_eq!(readers, ["ui/downloads.rs"]);
    }
}
