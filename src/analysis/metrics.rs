//! The metric catalogue and each park's values for a metric.

use crate::i18n::{strings, Lang};
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

/// Every metric in the dataset, then the derived ones, labelled in a language.
pub fn metric_catalogue(ds: &Dataset, lang: Lang) -> Vec<MetricInfo> {
    let s = strings(lang);
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
            formula: Some(text.formula.to_string()),
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

/// Each park's values for a metric, parks in dataset order. `this_year` ends open periods.
pub fn park_values<'a>(ds: &'a Dataset, metric: &str, this_year: i32) -> Vec<ParkValues<'a>> {
    ds.parks
        .iter()
        .map(|park| ParkValues {
            park,
            values: match metric {
                "investment_per_m2" => investment_per_m2(ds, park).into_iter().collect(),
                "opened_year" => vec![opened_year(park)],
                "years_active" => vec![years_active(park, this_year)],
                _ => stated(ds, &park.id, metric),
            },
        })
        .collect()
}

fn stated(ds: &Dataset, park: &str, metric: &str) -> Vec<Value> {
    let mut values: Vec<Value> = ds
        .observations
        .iter()
        .filter(|o| o.park == park && o.metric == metric)
        .map(Value::from)
        .collect();
    values.sort_by_key(|v| v.date);
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
fn investment_per_m2(ds: &Dataset, park: &Park) -> Option<Value> {
    let investment = stated(ds, &park.id, "investment_rub").pop()?;
    let area = stated(ds, &park.id, "area_m2").pop()?;
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

fn years_active(park: &Park, this_year: i32) -> Value {
    let (end, confidence) = match park.closed {
        Some((closed, c)) => (closed, c.max(park.opened_confidence)),
        None => (PartialDate::year(this_year), park.opened_confidence),
    };
    Value {
        value: f64::from((end.year - park.opened.year).max(0)),
        date: end,
        sources: park.sources.clone(),
        confidence,
        note: None,
    }
}
