//! The dataset as it stands in the JSON file: serde types, before validation.
//!
//! Strict in shape (serde reports the first type error with its path), lenient in content:
//! dates, ids and texts are kept as written so that `validate` can report *every* problem.

use std::fmt;

use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// A text in both interface languages; either may be missing here, validation says so.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct RawText {
    #[serde(default)]
    pub ru: Option<String>,
    #[serde(default)]
    pub en: Option<String>,
}

/// How sure the dataset is of a value or an event.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Stated outright in the source.
    High,
    /// Stated, but the year or number comes from context or a secondary outlet.
    Medium,
    /// Derived from the sources; the note says how.
    Derived,
}

/// Who acted: the federal government or Perm Krai.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Federal,
    Regional,
}

/// What sort of support measure or event it was.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Law,
    Decree,
    Programme,
    Subsidy,
    Event,
    Milestone,
}

/// The unit a metric's values are in; it decides how a value is typeset.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Hash)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Square metres.
    M2,
    /// Russian roubles.
    Rub,
    /// Roubles per square metre.
    RubPerM2,
    /// A calendar year.
    Year,
    /// A count of years.
    Years,
    /// A place in a rating (1 is best).
    Rank,
    /// A count of things (residents, companies).
    Count,
}

/// The whole file.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct RawDataset {
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    pub schema_version: u32,
    pub meta: RawMeta,
    pub sources: Vec<RawSource>,
    pub parks: Vec<RawPark>,
    pub metrics: Vec<RawMetric>,
    pub observations: Vec<RawObservation>,
    pub events: Vec<RawEvent>,
    /// What the sources were searched for and do not state: said on the page, so that a
    /// missing bar is not read as a zero, nor a silence as a fact.
    #[serde(default)]
    pub unknowns: Vec<RawUnknown>,
}

/// Something no source states, though it was looked for.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct RawUnknown {
    pub id: String,
    /// What is not known, in a few words («Число резидентов по годам»).
    pub topic: RawText,
    /// What was found instead, or where it was looked for.
    pub detail: RawText,
}

/// What the dataset is, who may use it, when it was last updated.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct RawMeta {
    pub title: RawText,
    pub description: RawText,
    pub license: RawText,
    /// `YYYY-MM-DD`: no observation or event may be dated after it.
    pub updated: String,
}

/// A publication a value or an event comes from.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct RawSource {
    pub id: String,
    pub title: RawText,
    pub publisher: RawText,
    pub url: String,
    /// Publication date at the precision known (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
    #[serde(default)]
    pub date: Option<String>,
}

/// A technology park.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct RawPark {
    pub id: String,
    pub name: RawText,
    /// Opening date at the precision known.
    pub opened: String,
    pub opened_confidence: Confidence,
    /// What happened to it after it opened, oldest first: each change of state dated and
    /// sourced (a suspension, a resumption, a closure). None: open to this day.
    #[serde(default)]
    pub status: Vec<RawStatusChange>,
    /// Version 1's closing date, replaced by `status`: reported as a problem if given.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub closed: Option<AnyValue>,
    /// Version 1's, with `closed`.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub closed_confidence: Option<AnyValue>,
    #[serde(default)]
    pub founder: Option<RawText>,
    #[serde(default)]
    pub address: Option<RawText>,
    /// `#rrggbb`, the park's colour in every chart.
    pub color: String,
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: Option<RawText>,
}

/// A park's state: at work, its work suspended (for a time, as far as the source says), or
/// closed for good.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// At work (again, after a suspension).
    Open,
    /// Work stopped for a time; the park is not said to be closed.
    Suspended,
    /// Closed for good.
    Closed,
}

/// A change of a park's state on a date, with the sources that state it.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct RawStatusChange {
    /// The state from this date on.
    pub state: State,
    /// At the precision known (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`): not before the opening, not
    /// before the previous change, not after `meta.updated`.
    pub date: String,
    pub sources: Vec<String>,
    pub confidence: Confidence,
    #[serde(default)]
    pub note: Option<RawText>,
}

/// A quantity measured for parks; observations give its values.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct RawMetric {
    pub id: String,
    pub label: RawText,
    pub unit: Unit,
    #[serde(default)]
    pub description: Option<RawText>,
}

/// One value of one metric for one park at one date.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct RawObservation {
    pub park: String,
    pub metric: String,
    pub value: f64,
    pub date: String,
    pub sources: Vec<String>,
    pub confidence: Confidence,
    #[serde(default)]
    pub note: Option<RawText>,
}

/// A support measure or a milestone on the timeline.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct RawEvent {
    pub id: String,
    pub date: String,
    pub level: Level,
    pub kind: EventKind,
    #[serde(default)]
    pub parks: Vec<String>,
    pub title: RawText,
    pub summary: RawText,
    pub sources: Vec<String>,
    pub confidence: Confidence,
    #[serde(default)]
    pub note: Option<RawText>,
}

/// A value read whole and dropped, whatever it is: for a field whose presence alone matters
/// (version 1's `closed`). Not serde's `IgnoredAny`, whose values `serde_ignored` reports as
/// unknown fields; not a `serde_json::Value`, whose reader cost the WASM 2.9 KB brotli
/// (bench/LOG.md, stop 42).
#[derive(Debug, Clone, Copy)]
pub struct AnyValue;

impl<'de> Deserialize<'de> for AnyValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AnyValue)
    }
}

impl<'de> Visitor<'de> for AnyValue {
    type Value = AnyValue;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self, E> {
        Ok(AnyValue)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Self, E> {
        Ok(AnyValue)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Self, E> {
        Ok(AnyValue)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Self, E> {
        Ok(AnyValue)
    }

    fn visit_str<E>(self, _: &str) -> Result<Self, E> {
        Ok(AnyValue)
    }

    fn visit_unit<E>(self) -> Result<Self, E> {
        Ok(AnyValue)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Self, A::Error> {
        while items.next_element::<AnyValue>()?.is_some() {}
        Ok(AnyValue)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Self, A::Error> {
        while entries.next_entry::<AnyValue, AnyValue>()?.is_some() {}
        Ok(AnyValue)
    }
}
