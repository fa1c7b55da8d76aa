//! From [`RawDataset`] to [`Dataset`], collecting every semantic problem at once.

use std::collections::{HashMap, HashSet};

use super::dataset::*;
use super::date::{DateError, PartialDate};
use super::parse::{
    may_have_misplaced_array, misplaced_arrays, parse_raw, parse_raw_noting_unknown, scan,
};
use super::problem::{sort_by_position, Pos, Problem, ProblemKind};
use super::raw::*;
use crate::i18n::Lang;

/// The schema version this app reads. Version 2 replaced a park's `closed` date (and
/// `closed_confidence`) with its `status`: a list of dated, sourced changes of state.
pub const SCHEMA_VERSION: u32 = 2;

/// Parses and validates a dataset file; on failure, every problem found, in file order.
/// What the app runs; [`check_dataset`] also reports warnings.
pub fn load_dataset(bytes: &[u8]) -> Result<Dataset, Vec<Problem>> {
    let raw = parse_raw(bytes).map_err(|p| vec![p])?;
    load_parsed(bytes, &raw)
}

/// [`load_dataset`]'s second half: validates `raw`, parsed from `bytes` (which place its
/// problems). Apart, so that the app can parse and validate in two tasks.
pub fn load_parsed(bytes: &[u8], raw: &RawDataset) -> Result<Dataset, Vec<Problem>> {
    checked(bytes, raw, Vec::new()).outcome
}

/// What checking a file found: the dataset or its errors, and warnings either way.
#[derive(Debug)]
pub struct Checked {
    pub outcome: Result<Dataset, Vec<Problem>>,
    /// Things that do not stop the dataset from loading (unknown fields), in file order.
    pub warnings: Vec<Problem>,
}

/// Parses and validates, keeping warnings apart from errors.
pub fn check_dataset(bytes: &[u8]) -> Checked {
    match parse_raw_noting_unknown(bytes) {
        Ok((raw, unknown)) => checked(bytes, &raw, unknown),
        Err(problem) => Checked {
            outcome: Err(vec![problem]),
            warnings: Vec::new(),
        },
    }
}

/// What [`check_dataset`] finds, the unknown fields found in the scan of the text
/// (`unknown::unknown_fields`) rather than by `serde_ignored`: the same answer (a test says so),
/// without a second copy of the deserializer in the WASM. The browser's check page runs it.
pub fn check_dataset_scanning(bytes: &[u8]) -> Checked {
    match parse_raw(bytes) {
        Ok(raw) => {
            let unknown = super::unknown::unknown_fields(&scan(&String::from_utf8_lossy(bytes)));
            checked(bytes, &raw, unknown)
        }
        Err(problem) => Checked {
            outcome: Err(vec![problem]),
            warnings: Vec::new(),
        },
    }
}

/// Validation of a parsed file, with every problem and warning placed in the file.
///
/// The full scan of the text (every value's place) costs more than parsing; it runs only when
/// there is something to place, or when the quick look finds an array that may be misplaced.
fn checked(bytes: &[u8], raw: &RawDataset, unknown: Vec<String>) -> Checked {
    let text = String::from_utf8_lossy(bytes);
    let scanned = std::cell::OnceCell::new();
    let scanned = || scanned.get_or_init(|| scan(&text));
    if may_have_misplaced_array(&text) {
        let misplaced = misplaced_arrays(scanned());
        if !misplaced.is_empty() {
            return Checked {
                outcome: Err(misplaced),
                warnings: Vec::new(),
            };
        }
    }
    let placed = |mut problems: Vec<Problem>| {
        if problems.is_empty() {
            return problems;
        }
        let positions = &scanned().positions;
        for p in &mut problems {
            p.pos = position_of(positions, &p.path);
        }
        sort_by_position(&mut problems);
        problems
    };
    let warnings = unknown
        .into_iter()
        .map(|path| Problem {
            path,
            pos: None,
            kind: ProblemKind::UnknownField,
        })
        .collect();
    Checked {
        outcome: validate(raw).map_err(placed),
        warnings: placed(warnings),
    }
}

/// The place of a path, or of its nearest ancestor that is in the file (a missing field).
fn position_of(positions: &HashMap<String, Pos>, path: &str) -> Option<Pos> {
    let mut path = path;
    loop {
        if let Some(pos) = positions.get(path) {
            return Some(*pos);
        }
        let cut = path.rfind(['.', '['])?;
        path = &path[..cut];
        if path.is_empty() {
            return positions.get(".").copied();
        }
    }
}

/// Checks a parsed dataset; the problems come without positions (`load_dataset` adds them).
pub fn validate(raw: &RawDataset) -> Result<Dataset, Vec<Problem>> {
    let mut v = Validator::default();
    if raw.schema_version != SCHEMA_VERSION {
        v.report(
            "schema_version",
            ProblemKind::UnsupportedSchemaVersion(raw.schema_version),
        );
    }
    let updated = v.date("meta.updated", &raw.meta.updated);
    let meta = Meta {
        title: v.text("meta.title", &raw.meta.title),
        description: v.text("meta.description", &raw.meta.description),
        license: v.text("meta.license", &raw.meta.license),
        updated: updated.unwrap_or(PartialDate::year(9999)),
    };
    v.updated = updated;

    let source_ids = v.ids("sources", raw.sources.iter().map(|s| s.id.as_str()));
    let park_ids = v.ids("parks", raw.parks.iter().map(|p| p.id.as_str()));
    let metric_ids = v.ids("metrics", raw.metrics.iter().map(|m| m.id.as_str()));
    v.ids("events", raw.events.iter().map(|e| e.id.as_str()));
    v.ids("unknowns", raw.unknowns.iter().map(|u| u.id.as_str()));
    if raw.parks.is_empty() {
        v.report("parks", ProblemKind::NoParks);
    }

    let sources = raw
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let at = format!("sources[{i}]");
            if !is_http_url(&s.url) {
                v.report(format!("{at}.url"), ProblemKind::BadUrl(s.url.clone()));
            }
            Source {
                id: s.id.clone(),
                title: v.text(&format!("{at}.title"), &s.title),
                publisher: v.text(&format!("{at}.publisher"), &s.publisher),
                url: s.url.clone(),
                date: s
                    .date
                    .as_ref()
                    .and_then(|d| v.date(&format!("{at}.date"), d)),
            }
        })
        .collect();

    let parks = raw
        .parks
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let at = format!("parks[{i}]");
            let opened = v.date(&format!("{at}.opened"), &p.opened);
            for (field, given) in [
                ("closed", p.closed.is_some()),
                ("closed_confidence", p.closed_confidence.is_some()),
            ] {
                if given {
                    v.report(format!("{at}.{field}"), ProblemKind::ClosedIsNowStatus);
                }
            }
            let status = v.status(&at, opened, &p.status, &source_ids);
            if !is_hex_color(&p.color) {
                v.report(
                    format!("{at}.color"),
                    ProblemKind::BadColor(p.color.clone()),
                );
            }
            v.refs(
                &format!("{at}.sources"),
                &p.sources,
                &source_ids,
                Ref::Source,
            );
            Park {
                id: p.id.clone(),
                name: v.text(&format!("{at}.name"), &p.name),
                opened: opened.unwrap_or(PartialDate::year(0)),
                opened_confidence: p.opened_confidence,
                status,
                founder: v.opt_text(&format!("{at}.founder"), &p.founder),
                address: v.opt_text(&format!("{at}.address"), &p.address),
                color: p.color.clone(),
                sources: p.sources.clone(),
                note: v.opt_text(&format!("{at}.note"), &p.note),
            }
        })
        .collect();

    let metrics: Vec<Metric> = raw
        .metrics
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let at = format!("metrics[{i}]");
            Metric {
                id: m.id.clone(),
                label: v.text(&format!("{at}.label"), &m.label),
                unit: m.unit,
                description: v.opt_text(&format!("{at}.description"), &m.description),
            }
        })
        .collect();
    let units: HashMap<&str, Unit> = raw
        .metrics
        .iter()
        .map(|m| (m.id.as_str(), m.unit))
        .collect();

    let observations = raw
        .observations
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let at = format!("observations[{i}]");
            v.one_ref(&format!("{at}.park"), &o.park, &park_ids, Ref::Park);
            v.one_ref(&format!("{at}.metric"), &o.metric, &metric_ids, Ref::Metric);
            v.refs(
                &format!("{at}.sources"),
                &o.sources,
                &source_ids,
                Ref::Source,
            );
            let value_at = format!("{at}.value");
            if units.get(o.metric.as_str()) == Some(&Unit::Rank) {
                if o.value < 1.0 || o.value.fract() != 0.0 {
                    v.report(value_at, ProblemKind::BadRank(o.value));
                }
            } else if o.value < 0.0 {
                v.report(value_at, ProblemKind::Negative(o.value));
            }
            Observation {
                park: o.park.clone(),
                metric: o.metric.clone(),
                value: o.value,
                date: v.dated(&format!("{at}.date"), &o.date),
                sources: o.sources.clone(),
                confidence: o.confidence,
                note: v.opt_text(&format!("{at}.note"), &o.note),
            }
        })
        .collect();

    let mut events: Vec<Event> = raw
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let at = format!("events[{i}]");
            v.refs(&format!("{at}.parks"), &e.parks, &park_ids, Ref::Park);
            v.refs(
                &format!("{at}.sources"),
                &e.sources,
                &source_ids,
                Ref::Source,
            );
            Event {
                id: e.id.clone(),
                date: v.dated(&format!("{at}.date"), &e.date),
                level: e.level,
                kind: e.kind,
                parks: e.parks.clone(),
                title: v.text(&format!("{at}.title"), &e.title),
                summary: v.text(&format!("{at}.summary"), &e.summary),
                sources: e.sources.clone(),
                confidence: e.confidence,
                note: v.opt_text(&format!("{at}.note"), &e.note),
            }
        })
        .collect();
    events.sort_by_key(|e| e.date);

    let unknowns = raw
        .unknowns
        .iter()
        .enumerate()
        .map(|(i, u)| Unknown {
            id: u.id.clone(),
            topic: v.text(&format!("unknowns[{i}].topic"), &u.topic),
            detail: v.text(&format!("unknowns[{i}].detail"), &u.detail),
        })
        .collect();

    if v.problems.is_empty() {
        Ok(Dataset {
            meta,
            sources,
            parks,
            metrics,
            observations,
            events,
            unknowns,
        })
    } else {
        Err(v.problems)
    }
}

#[derive(Clone, Copy)]
enum Ref {
    Park,
    Metric,
    Source,
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
    updated: Option<PartialDate>,
}

impl Validator {
    fn report(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.problems.push(Problem {
            path: path.into(),
            pos: None,
            kind,
        });
    }

    fn text(&mut self, at: &str, raw: &RawText) -> Text {
        let mut get = |lang: Lang, value: &Option<String>| match value {
            None => {
                self.report(
                    format!("{at}.{}", lang.code()),
                    ProblemKind::MissingTranslation(lang),
                );
                String::new()
            }
            Some(s) if s.trim().is_empty() => {
                self.report(format!("{at}.{}", lang.code()), ProblemKind::Empty);
                String::new()
            }
            // Every text the reader sees is typeset here, once: the app, the first view,
            // the downloads and the static pages all start from the validated dataset.
            Some(s) => crate::typography::typeset(lang, s),
        };
        Text {
            ru: get(Lang::Ru, &raw.ru),
            en: get(Lang::En, &raw.en),
        }
    }

    fn opt_text(&mut self, at: &str, raw: &Option<RawText>) -> Option<Text> {
        raw.as_ref().map(|t| self.text(at, t))
    }

    fn date(&mut self, at: &str, text: &str) -> Option<PartialDate> {
        match PartialDate::parse(text) {
            Ok(d) => Some(d),
            Err(DateError::Format) => {
                self.report(at, ProblemKind::BadDate(text.into()));
                None
            }
            Err(DateError::Impossible) => {
                self.report(at, ProblemKind::ImpossibleDate(text.into()));
                None
            }
        }
    }

    /// A date that must not lie after `meta.updated`.
    fn dated(&mut self, at: &str, text: &str) -> PartialDate {
        self.dated_or_none(at, text).unwrap_or(PartialDate::year(0))
    }

    /// A date that must not lie after `meta.updated`; `None` when it is not a date.
    fn dated_or_none(&mut self, at: &str, text: &str) -> Option<PartialDate> {
        let date = self.date(at, text)?;
        if let Some(updated) = self.updated {
            if date.wholly_after(&updated) {
                self.report(
                    at,
                    ProblemKind::DateAfterUpdate {
                        date: date.to_string(),
                        updated: updated.to_string(),
                    },
                );
            }
        }
        Some(date)
    }

    /// A park's changes of state (`{at}.status`): each dated (not after `meta.updated`),
    /// sourced and to a state other than the one before it (the first from "open"); the first
    /// not before the opening, each not before the one before it.
    fn status(
        &mut self,
        at: &str,
        opened: Option<PartialDate>,
        changes: &[RawStatusChange],
        source_ids: &HashSet<String>,
    ) -> Vec<StatusChange> {
        let mut state = State::Open;
        // The latest date known so far: the opening, then each change's.
        let mut floor = opened.map(|d| (d, None::<PartialDate>));
        let mut out = Vec::with_capacity(changes.len());
        for (i, c) in changes.iter().enumerate() {
            let cat = format!("{at}.status[{i}]");
            let date = self.dated_or_none(&format!("{cat}.date"), &c.date);
            if let (Some(date), Some((before, previous))) = (date, floor) {
                if before.wholly_after(&date) {
                    let kind = match previous {
                        None => ProblemKind::StatusBeforeOpened {
                            date: date.to_string(),
                            opened: before.to_string(),
                        },
                        Some(previous) => ProblemKind::StatusOutOfOrder {
                            date: date.to_string(),
                            previous: previous.to_string(),
                        },
                    };
                    self.report(format!("{cat}.date"), kind);
                }
            }
            if let Some(date) = date {
                floor = Some((date, Some(date)));
            }
            if c.state == state {
                self.report(
                    format!("{cat}.state"),
                    ProblemKind::StatusUnchanged(c.state),
                );
            }
            state = c.state;
            self.refs(
                &format!("{cat}.sources"),
                &c.sources,
                source_ids,
                Ref::Source,
            );
            out.push(StatusChange {
                state: c.state,
                date: date.unwrap_or(PartialDate::year(0)),
                sources: c.sources.clone(),
                confidence: c.confidence,
                note: self.opt_text(&format!("{cat}.note"), &c.note),
            });
        }
        out
    }

    /// Ids of a list: none empty, none twice. Returns the set for reference checks.
    fn ids<'a>(&mut self, list: &str, ids: impl Iterator<Item = &'a str>) -> HashSet<String> {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            let at = format!("{list}[{i}].id");
            if id.trim().is_empty() {
                self.report(at, ProblemKind::Empty);
            } else if !seen.insert(id.to_string()) {
                self.report(at, ProblemKind::DuplicateId(id.into()));
            }
        }
        seen
    }

    /// A list of references: each must resolve; a source list must not be empty.
    fn refs(&mut self, at: &str, ids: &[String], known: &HashSet<String>, kind: Ref) {
        if ids.is_empty() && matches!(kind, Ref::Source) {
            self.report(at, ProblemKind::NoSource);
        }
        for (i, id) in ids.iter().enumerate() {
            self.one_ref(&format!("{at}[{i}]"), id, known, kind);
        }
    }

    /// A single reference that must resolve.
    fn one_ref(&mut self, at: &str, id: &str, known: &HashSet<String>, kind: Ref) {
        if known.contains(id) {
            return;
        }
        let id = id.to_string();
        let problem = match kind {
            Ref::Park => ProblemKind::UnknownPark(id),
            Ref::Metric => ProblemKind::UnknownMetric(id),
            Ref::Source => ProblemKind::UnknownSource(id),
        };
        self.report(at, problem);
    }
}

/// `http://` or `https://`, then a host: nothing a browser would run (`javascript:`, `data:`).
fn is_http_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty()
            && !r.starts_with('/')
            && !r.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

fn is_hex_color(text: &str) -> bool {
    text.len() == 7 && text.starts_with('#') && text[1..].bytes().all(|b| b.is_ascii_hexdigit())
}
