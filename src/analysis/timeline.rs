//! The timeline: which events a filter keeps, how many each filter value would show, and how
//! they group by year.

use crate::format::{ReferenceTypography, Typography, RU_MONTHS};
use crate::i18n::Lang;
use crate::model::{Event, EventKind, Level, PartialDate};

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
    /// Words looked for in titles, summaries and dates as shown, in the reader's language.
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

    /// How many filters are set (the words looked for count as one), for «Фильтры (2)».
    pub fn active_count(&self) -> usize {
        [
            self.level.is_some(),
            self.kind.is_some(),
            self.park.is_some(),
            self.from.is_some(),
            self.to.is_some(),
            !self.query.trim().is_empty(),
        ]
        .into_iter()
        .filter(|&set| set)
        .count()
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
            "{} {} {}",
            event.title.get(lang),
            event.summary.get(lang),
            searchable_date(&event.date, lang)
        ));
        query.split_whitespace().all(|word| text.contains(word))
    }
}

/// An event's date as the page shows it («10 октября 2019 г.», "10 October 2019"), and in
/// Russian its month in every case, so that «10 октября», «в октябре» and «2019» find it.
fn searchable_date(date: &PartialDate, lang: Lang) -> String {
    let shown = ReferenceTypography { lang }.date(date);
    match (lang, date.month) {
        (Lang::Ru, Some(month)) => {
            let nominative = RU_MONTHS[usize::from(month.clamp(1, 12)) - 1];
            format!("{shown} {}", ru_month_forms(nominative).join(" "))
        }
        _ => shown,
    }
}

/// A Russian month's name in its cases (the accusative is the nominative): «октябрь, октября,
/// октябрю, октябрем, октябре»; «март, марта, марту, мартом, марте»; «май, мая, маю, маем, мае».
fn ru_month_forms(nominative: &str) -> [String; 5] {
    match nominative
        .strip_suffix('ь')
        .or_else(|| nominative.strip_suffix('й'))
    {
        Some(stem) => [
            nominative.to_string(),
            format!("{stem}я"),
            format!("{stem}ю"),
            format!("{stem}ем"),
            format!("{stem}е"),
        ],
        None => [
            nominative.to_string(),
            format!("{nominative}а"),
            format!("{nominative}у"),
            format!("{nominative}ом"),
            format!("{nominative}е"),
        ],
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fold_counts_the_filters_set() {
        let mut f = TimelineFilter::default();
        assert_eq!(f.active_count(), 0);
        f.level = Some(Level::Federal);
        f.from = Some(2019);
        f.query = "  ".into();
        assert_eq!(f.active_count(), 2, "blank words are no filter");
        f.query = "сессия".into();
        assert_eq!(f.active_count(), 3);
    }
    use crate::model::{Confidence, Text};

    fn event(year: i32, month: Option<u8>, day: Option<u8>) -> Event {
        let text = |t: &str| Text {
            ru: t.into(),
            en: t.into(),
        };
        Event {
            id: "session".into(),
            date: PartialDate { year, month, day },
            level: Level::Regional,
            kind: EventKind::Event,
            parks: vec![],
            title: text("Стратегическая сессия"),
            summary: text("Координационный совет"),
            sources: vec!["s".into()],
            confidence: Confidence::Derived,
            note: None,
        }
    }

    fn finds(query: &str, event: &Event, lang: Lang) -> bool {
        TimelineFilter {
            query: query.into(),
            ..TimelineFilter::default()
        }
        .keeps(event, lang)
    }

    #[test]
    fn search_finds_dates_as_shown_with_the_month_in_any_case() {
        let session = event(2019, Some(10), Some(10));
        for query in [
            "10 октября",
            "2019",
            "октябрь 2019",
            "в октябре",
            "ОКТЯБРЁМ",
            "сессия 10 октября",
        ] {
            assert!(finds(query, &session, Lang::Ru), "{query}");
        }
        for query in ["10 October", "October 2019", "2019"] {
            assert!(finds(query, &session, Lang::En), "{query}");
        }
        // Another day, month or year is not a match; a month alone has no day to find.
        for query in ["11 октября", "в ноябре", "2018"] {
            assert!(!finds(query, &session, Lang::Ru), "{query}");
        }
        let in_march = event(2013, Some(3), None);
        assert!(finds("в марте 2013", &in_march, Lang::Ru));
        assert!(finds("март", &in_march, Lang::Ru));
        let in_may = event(2020, Some(5), None);
        assert!(finds("мае", &in_may, Lang::Ru));
        assert!(finds("2020", &event(2020, None, None), Lang::Ru));
    }
}
