//! The timeline: which events a filter keeps, how many each filter value would show, and how
//! they group by year.

use std::collections::HashMap;

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

    /// This filter narrowed to `level`'s events of `year` (its other conditions kept): where a
    /// lifecycle lane's count of a year's events leads (`chart::YearCount`).
    pub fn to_year(&self, level: Level, year: i32) -> Self {
        TimelineFilter {
            level: Some(level),
            from: Some(year),
            to: Some(year),
            ..self.clone()
        }
    }

    /// Whether an event passes, its texts read in `lang`: the rule for one event, which the
    /// tests state the lists and counts against. The page's lists prepare the filter once
    /// (`Conditions`) instead.
    #[cfg(test)]
    pub fn keeps(&self, event: &Event, lang: Lang) -> bool {
        Conditions::new(self, lang).met(event).all()
    }
}

/// A filter made ready to test many events: its words folded once, not once per event.
struct Conditions<'f> {
    filter: &'f TimelineFilter,
    words: Vec<String>,
    lang: Lang,
}

/// Which of a filter's conditions an event meets: level, kind and park apart (each has its
/// counts), the years and the words together.
#[derive(Clone, Copy)]
struct Met {
    level: bool,
    kind: bool,
    park: bool,
    rest: bool,
}

impl Met {
    fn all(self) -> bool {
        self.level && self.kind && self.park && self.rest
    }
}

impl<'f> Conditions<'f> {
    fn new(filter: &'f TimelineFilter, lang: Lang) -> Self {
        let words = fold(filter.query.trim())
            .split_whitespace()
            .map(str::to_string)
            .collect();
        Conditions {
            filter,
            words,
            lang,
        }
    }

    fn met(&self, event: &Event) -> Met {
        let f = self.filter;
        let years = f.from.is_none_or(|y| event.date.year >= y)
            && f.to.is_none_or(|y| event.date.year <= y);
        Met {
            level: f.level.is_none_or(|l| event.level == l),
            kind: f.kind.is_none_or(|k| event.kind == k),
            park: f.park.as_ref().is_none_or(|p| event.parks.contains(p)),
            rest: years && self.has_words(event),
        }
    }

    fn has_words(&self, event: &Event) -> bool {
        if self.words.is_empty() {
            return true;
        }
        let lang = self.lang;
        let text = fold(&format!(
            "{} {} {}",
            event.title.get(lang),
            event.summary.get(lang),
            searchable_date(&event.date, lang)
        ));
        self.words.iter().all(|word| text.contains(word.as_str()))
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

/// The counts beside each filter choice: for each value, how many events the filter would
/// keep with that value chosen instead. One pass over the events: an event counts for a level
/// when it meets every condition but the level's, and so on.
pub fn filter_counts(
    events: &[Event],
    filter: &TimelineFilter,
    parks: &[String],
    lang: Lang,
) -> FilterCounts {
    let conditions = Conditions::new(filter, lang);
    // Park ids are unique (the validator's rule), so each has one place in the counts.
    let place: HashMap<&str, usize> = parks
        .iter()
        .enumerate()
        .map(|(i, p)| (p.as_str(), i))
        .collect();
    let mut counts = FilterCounts {
        level: Level::ALL.into_iter().map(|l| (l, 0)).collect(),
        kind: EventKind::ALL.into_iter().map(|k| (k, 0)).collect(),
        park: parks.iter().map(|p| (p.clone(), 0)).collect(),
    };
    for event in events {
        let met = conditions.met(event);
        if !met.rest {
            continue;
        }
        if met.kind && met.park {
            bump(&mut counts.level, |&l| l == event.level);
        }
        if met.level && met.park {
            bump(&mut counts.kind, |&k| k == event.kind);
        }
        if met.level && met.kind {
            for (i, park) in event.parks.iter().enumerate() {
                // A park named twice in an event's list counts the event once.
                let first = !event.parks[..i].contains(park);
                if let Some(&at) = place.get(park.as_str()).filter(|_| first) {
                    counts.park[at].1 += 1;
                }
            }
        }
    }
    counts
}

/// Adds one to the count of every value that `chosen` picks.
fn bump<T>(counts: &mut [(T, usize)], chosen: impl Fn(&T) -> bool) {
    for (value, n) in counts.iter_mut() {
        if chosen(value) {
            *n += 1;
        }
    }
}

/// The timeline's first and last year, which its year filters offer (events arrive sorted);
/// with no events, 2006 to 2025.
pub fn year_span(events: &[Event]) -> (i32, i32) {
    (
        events.first().map_or(2006, |e| e.date.year),
        events.last().map_or(2025, |e| e.date.year),
    )
}

/// The events that pass, grouped by year in chronological order (events arrive sorted), as
/// their positions in `events`: what a list of thousands keeps between changes, not copies.
pub fn timeline_years(
    events: &[Event],
    filter: &TimelineFilter,
    lang: Lang,
) -> Vec<(i32, Vec<usize>)> {
    let conditions = Conditions::new(filter, lang);
    let mut years: Vec<(i32, Vec<usize>)> = Vec::new();
    for (i, event) in events.iter().enumerate() {
        if !conditions.met(event).all() {
            continue;
        }
        match years.last_mut() {
            Some((year, list)) if *year == event.date.year => list.push(i),
            _ => years.push((event.date.year, vec![i])),
        }
    }
    years
}

/// The events a list keeps drawn, by year: those it lists (`listed`, as `timeline_years` groups
/// them, maybe cut short) and the first `first` of all `events`, what it lists with no filter.
/// A filter hides those of the first that it leaves out rather than removing them, so clearing
/// it shows them again instead of drawing them anew. In the order of `events`, as `listed` is.
pub fn kept_years(
    events: &[Event],
    listed: &[(i32, Vec<usize>)],
    first: usize,
) -> Vec<(i32, Vec<usize>)> {
    let first = first.min(events.len());
    let beyond = listed
        .iter()
        .flat_map(|(_, list)| list.iter().copied())
        .filter(|&i| i >= first);
    let mut years: Vec<(i32, Vec<usize>)> = Vec::new();
    for i in (0..first).chain(beyond) {
        let year = events[i].date.year;
        match years.last_mut() {
            Some((y, list)) if *y == year => list.push(i),
            _ => years.push((year, vec![i])),
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

    /// The counts by their definition: the filter with each value chosen instead, run over
    /// every event.
    fn counts_by_definition(
        events: &[Event],
        filter: &TimelineFilter,
        parks: &[String],
    ) -> FilterCounts {
        let count = |f: TimelineFilter| events.iter().filter(|e| f.keeps(e, Lang::Ru)).count();
        let with = |change: &dyn Fn(&mut TimelineFilter)| {
            let mut f = filter.clone();
            change(&mut f);
            count(f)
        };
        FilterCounts {
            level: Level::ALL
                .map(|l| (l, with(&|f| f.level = Some(l))))
                .to_vec(),
            kind: EventKind::ALL
                .map(|k| (k, with(&|f| f.kind = Some(k))))
                .to_vec(),
            park: parks
                .iter()
                .map(|p| (p.clone(), with(&|f| f.park = Some(p.clone()))))
                .collect(),
        }
    }

    #[test]
    fn facet_counts_in_one_pass_match_their_definition() {
        // Every level and kind, six years, park lists empty, single, shared, repeated and
        // naming a park the list does not offer; one title with the words looked for.
        let park_lists: [&[&str]; 6] = [&[], &["a"], &["b"], &["a", "b"], &["a", "a"], &["z"]];
        let mut events = Vec::new();
        for (i, kind) in EventKind::ALL.into_iter().enumerate() {
            for (j, level) in Level::ALL.into_iter().enumerate() {
                for year in 2015..2021 {
                    let mut e = event(year, Some(10), Some(10));
                    e.kind = kind;
                    e.level = level;
                    let parks = park_lists[(i + j + year as usize) % park_lists.len()];
                    e.parks = parks.iter().map(|p| p.to_string()).collect();
                    if (i + j) % 3 != 0 {
                        e.title.ru = format!("Событие {i}");
                    }
                    events.push(e);
                }
            }
        }
        let parks = ["a".to_string(), "b".to_string(), "c".to_string()];
        let mut filters = Vec::new();
        for level in [None, Some(Level::Federal)] {
            for kind in [None, Some(EventKind::Law)] {
                for park in [None, Some("a"), Some("z")] {
                    for (from, to) in [(None, None), (Some(2017), Some(2019))] {
                        for query in ["", "сессия", "в октябре 2016"] {
                            filters.push(TimelineFilter {
                                level,
                                kind,
                                park: park.map(str::to_string),
                                from,
                                to,
                                query: query.into(),
                            });
                        }
                    }
                }
            }
        }
        for filter in &filters {
            assert_eq!(
                filter_counts(&events, filter, &parks, Lang::Ru),
                counts_by_definition(&events, filter, &parks),
                "{filter:?}"
            );
        }
        let all = filter_counts(&events, &TimelineFilter::default(), &parks, Lang::Ru);
        assert_eq!(
            all.level.iter().map(|(_, n)| n).sum::<usize>(),
            events.len()
        );
        let naming = |p: &str| {
            events
                .iter()
                .filter(|e| e.parks.iter().any(|q| q == p))
                .count()
        };
        assert_eq!(
            all.park,
            vec![
                ("a".into(), naming("a")),
                ("b".into(), naming("b")),
                ("c".into(), 0)
            ]
        );
    }

    #[test]
    fn a_list_keeps_what_it_lists_and_the_first_of_all() {
        // Years 2016, 2016, 2018, 2019, 2019, 2020; a filter lists the 2019s and the 2020.
        let events: Vec<Event> = [2016, 2016, 2018, 2019, 2019, 2020]
            .into_iter()
            .map(|y| event(y, None, None))
            .collect();
        let listed = vec![(2019, vec![3, 4]), (2020, vec![5])];
        assert_eq!(
            kept_years(&events, &listed, 2),
            vec![(2016, vec![0, 1]), (2019, vec![3, 4]), (2020, vec![5])],
            "the first two kept, the listed in their years, in the events' order"
        );
        assert_eq!(
            kept_years(&events, &[(2016, vec![1]), (2018, vec![2])], 3),
            vec![(2016, vec![0, 1]), (2018, vec![2])],
            "one event listed and kept is kept once"
        );
        assert_eq!(
            kept_years(&events, &listed, 0),
            listed,
            "none first: the listed"
        );
        let kept: usize = kept_years(&events, &[], 99)
            .iter()
            .map(|(_, l)| l.len())
            .sum();
        assert_eq!(kept, events.len(), "no more than there are");
        // With no filter, what a list keeps is what it lists.
        let all = timeline_years(&events, &TimelineFilter::default(), Lang::Ru);
        assert_eq!(kept_years(&events, &all, events.len()), all);
    }
}
