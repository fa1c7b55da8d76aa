//! The dataset after validation: every text in both languages, every date parsed, every id
//! reference resolvable. Code past `validate` relies on these guarantees.

use super::date::PartialDate;
pub use super::raw::{Confidence, EventKind, Level, State, Unit};
use crate::i18n::Lang;

/// A text in both interface languages.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Text {
    pub ru: String,
    pub en: String,
}

impl Text {
    /// The text in a language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
        }
    }
}

/// A validated dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub meta: Meta,
    pub sources: Vec<Source>,
    pub parks: Vec<Park>,
    pub metrics: Vec<Metric>,
    pub observations: Vec<Observation>,
    /// In chronological order.
    pub events: Vec<Event>,
    /// What no source states, in the dataset's order.
    pub unknowns: Vec<Unknown>,
}

/// Something no source states, though it was looked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Unknown {
    pub id: String,
    pub topic: Text,
    pub detail: Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    pub title: Text,
    pub description: Text,
    pub license: Text,
    pub updated: PartialDate,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub title: Text,
    pub publisher: Text,
    /// Always `http://` or `https://`.
    pub url: String,
    pub date: Option<PartialDate>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Park {
    pub id: String,
    pub name: Text,
    pub opened: PartialDate,
    pub opened_confidence: Confidence,
    /// Changes of state after the opening, in date order, each to a state other than the one
    /// before it (the park is open from `opened` until the first).
    pub status: Vec<StatusChange>,
    pub founder: Option<Text>,
    pub address: Option<Text>,
    /// `#rrggbb`.
    pub color: String,
    pub sources: Vec<String>,
    pub note: Option<Text>,
}

/// A dated change of a park's state.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusChange {
    pub state: State,
    /// Not before the park's opening or the change before it, not after `meta.updated`.
    pub date: PartialDate,
    /// At least one.
    pub sources: Vec<String>,
    pub confidence: Confidence,
    pub note: Option<Text>,
}

impl Park {
    /// The change that stopped its work, if it is not at work now: its latest change, when
    /// that is a suspension or a closure.
    pub fn stopped(&self) -> Option<&StatusChange> {
        self.status.last().filter(|c| c.state != State::Open)
    }

    /// Its periods in order: each state, from when, and the change that began it (`None` for
    /// the opening), until the next one begins (the last runs on).
    pub fn periods(&self) -> Vec<(State, PartialDate, Option<&StatusChange>)> {
        std::iter::once((State::Open, self.opened, None))
            .chain(self.status.iter().map(|c| (c.state, c.date, Some(c))))
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    pub id: String,
    pub label: Text,
    pub unit: Unit,
    pub description: Option<Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub park: String,
    pub metric: String,
    /// Finite; non-negative; a whole number from 1 for ranks.
    pub value: f64,
    pub date: PartialDate,
    /// At least one.
    pub sources: Vec<String>,
    pub confidence: Confidence,
    pub note: Option<Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: String,
    pub date: PartialDate,
    pub level: Level,
    pub kind: EventKind,
    pub parks: Vec<String>,
    pub title: Text,
    pub summary: Text,
    /// At least one.
    pub sources: Vec<String>,
    pub confidence: Confidence,
    pub note: Option<Text>,
}

impl Dataset {
    /// The park with this id.
    pub fn park(&self, id: &str) -> Option<&Park> {
        self.parks.iter().find(|p| p.id == id)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}

impl Confidence {
    /// Every level, surest first.
    pub const ALL: [Confidence; 3] = [Confidence::High, Confidence::Medium, Confidence::Derived];

    /// The word the dataset uses, also the locale key.
    pub fn key(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Derived => "derived",
        }
    }

    /// Whether the reader must be told the fact is inferred.
    pub fn is_inferred(self) -> bool {
        self != Confidence::High
    }
}

impl State {
    /// Every state, in the legend's order.
    pub const ALL: [State; 3] = [State::Open, State::Suspended, State::Closed];

    /// The word the dataset uses, also the locale key.
    pub fn key(self) -> &'static str {
        match self {
            State::Open => "open",
            State::Suspended => "suspended",
            State::Closed => "closed",
        }
    }
}

impl Dataset {
    /// The one date every value that depends on "now" is computed as of (years active, the
    /// end of an open bar): the dataset's `meta.updated`, never a clock, so the build and the
    /// app say the same whatever day it is.
    pub fn as_of(&self) -> PartialDate {
        self.meta.updated
    }
}

impl Level {
    /// Both levels, in filter order.
    pub const ALL: [Level; 2] = [Level::Federal, Level::Regional];

    /// The word the dataset and the URL use, also the locale key.
    pub fn key(self) -> &'static str {
        match self {
            Level::Federal => "federal",
            Level::Regional => "regional",
        }
    }
}

impl EventKind {
    /// Every kind, in filter order.
    pub const ALL: [EventKind; 6] = [
        EventKind::Law,
        EventKind::Decree,
        EventKind::Programme,
        EventKind::Subsidy,
        EventKind::Event,
        EventKind::Milestone,
    ];

    /// The word the dataset and the URL use, also the locale key.
    pub fn key(self) -> &'static str {
        match self {
            EventKind::Law => "law",
            EventKind::Decree => "decree",
            EventKind::Programme => "programme",
            EventKind::Subsidy => "subsidy",
            EventKind::Event => "event",
            EventKind::Milestone => "milestone",
        }
    }
}
