//! The timeline: which events a filter keeps, how many each filter value would show, and how
//! they group by year.

use crate::i18n::Lang;
use crate::model::{Event, EventKind, Level};

/// What the reader filters the timeline by; empty fields keep all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TimelineFilter {
    pub level: Option<Level>,
    pub kind: Option<EventKind>,
    /// Events that concern this park.
    pub park: Option<String>,
    /// First and last year shown, inclusive.
    pub from: Option<i32>,
    pub to: Option<i32>,
    /// Words looked for in titles and summaries in the reader's language.
    pub query: String,
}

/// Folds case and `ё` into `е`, as Russian readers search.
pub fn fold(text: &str) -> String {
    text.to_lowercase().replace('ё', "е")
}

impl TimelineFilter {
    /// Whether any filter is set.
    pub fn is_active(&self) -> bool {
        *self != TimelineFilter::default()
    }

    /// Whether an event passes, its texts read in `lang`.
    pub fn keeps(&self, event: &Event, lang: Lang) -> bool {
        self.level.is_none_or(|l| event.level == l)
            && self.kind.is_none_or(|k| event.kind == k)
            && self.park.as_ref().is_none_or(|p| event.parks.contains(p))
            && self.from.is_none_or(|y| event.date.year >= y)
            && self.to.is_none_or(|y| event.date.year <= y)
            && self.matches_query(event, lang)
    }

    fn matches_query(&self, event: &Event, lang: Lang) -> bool {
        let query = fold(self.query.trim());
        if query.is_empty() {
            return true;
        }
        let text = fold(&format!(
            "{} {}",
            event.title.get(lang),
            event.summary.get(lang)
        ));
        query.split_whitespace().all(|word| text.contains(word))
    }
}

/// How many events each value of a filter would show, the other filters kept (facet counts).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FilterCounts {
    pub level: Vec<(Level, usize)>,
    pub kind: Vec<(EventKind, usize)>,
    pub park: Vec<(String, usize)>,
}

/// The counts beside each filter choice.
pub fn filter_counts(
    events: &[Event],
    filter: &TimelineFilter,
    parks: &[String],
    lang: Lang,
) -> FilterCounts {
    let count = |f: TimelineFilter| events.iter().filter(|e| f.keeps(e, lang)).count();
    FilterCounts {
        level: Level::ALL
            .into_iter()
            .map(|l| {
                (
                    l,
                    count(TimelineFilter {
                        level: Some(l),
                        ..filter.clone()
                    }),
                )
            })
            .collect(),
        kind: EventKind::ALL
            .into_iter()
            .map(|k| {
                (
                    k,
                    count(TimelineFilter {
                        kind: Some(k),
                        ..filter.clone()
                    }),
                )
            })
            .collect(),
        park: parks
            .iter()
            .map(|p| {
                (
                    p.clone(),
                    count(TimelineFilter {
                        park: Some(p.clone()),
                        ..filter.clone()
                    }),
                )
            })
            .collect(),
    }
}

/// Events that pass, grouped by year in chronological order (events arrive sorted).
pub fn timeline_years<'a>(
    events: &'a [Event],
    filter: &TimelineFilter,
    lang: Lang,
) -> Vec<(i32, Vec<&'a Event>)> {
    let mut years: Vec<(i32, Vec<&Event>)> = Vec::new();
    for event in events.iter().filter(|e| filter.keeps(e, lang)) {
        match years.last_mut() {
            Some((year, list)) if *year == event.date.year => list.push(event),
            _ => years.push((event.date.year, vec![event])),
        }
    }
    years
}
