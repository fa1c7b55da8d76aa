//! The timeline: which events a filter keeps, and how they group by year.

use crate::model::{Event, EventKind, Level};

/// What the reader filters the timeline by; `None` keeps all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TimelineFilter {
    pub level: Option<Level>,
    pub kind: Option<EventKind>,
}

impl TimelineFilter {
    /// Whether an event passes.
    pub fn keeps(&self, event: &Event) -> bool {
        self.level.is_none_or(|l| event.level == l) && self.kind.is_none_or(|k| event.kind == k)
    }
}

/// Events that pass, grouped by year in chronological order (events arrive sorted).
pub fn timeline_years<'a>(
    events: &'a [Event],
    filter: &TimelineFilter,
) -> Vec<(i32, Vec<&'a Event>)> {
    let mut years: Vec<(i32, Vec<&Event>)> = Vec::new();
    for event in events.iter().filter(|e| filter.keeps(e)) {
        match years.last_mut() {
            Some((year, list)) if *year == event.date.year => list.push(event),
            _ => years.push((event.date.year, vec![event])),
        }
    }
    years
}
