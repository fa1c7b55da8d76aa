//! What changed between two datasets: records added, removed and changed, by id, each with
//! its fields' old and new values as the file writes them. The editors' check page shows it
//! above the preview of a file (`ui::check`), against the bundled dataset. Pure.

use crate::export::unit_key;
use crate::model::{Dataset, Event, Metric, Observation, Park, Source, Text, Unknown};

/// The part of the file a record belongs to, in the file's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    Meta,
    Sources,
    Parks,
    Metrics,
    Values,
    Events,
    Unknowns,
}

impl Section {
    /// The key of the file (`observations` for values), also the locale key.
    pub fn key(self) -> &'static str {
        match self {
            Section::Meta => "meta",
            Section::Sources => "sources",
            Section::Parks => "parks",
            Section::Metrics => "metrics",
            Section::Values => "observations",
            Section::Events => "events",
            Section::Unknowns => "unknowns",
        }
    }
}

/// How a record differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

impl ChangeKind {
    /// The locale key.
    pub fn key(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
        }
    }
}

/// One field of a record, before and after (`None`: absent on that side).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// As the file names it, inside the record: `value`, `title.ru`, `status[0].date`.
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// One record that differs: an added one lists its fields with their new values, a removed
/// one with its old ones, a changed one only the fields that differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordChange {
    pub section: Section,
    /// Its id; a value's is `park / metric / date`, the three that tell values apart.
    pub id: String,
    pub kind: ChangeKind,
    pub fields: Vec<FieldChange>,
}

/// Every record of `new` that is not in `old` as it is, and every record of `old` that `new`
/// lacks: by section, then in `new`'s order, the removed ones after.
pub fn diff(old: &Dataset, new: &Dataset) -> Vec<RecordChange> {
    let mut changes = Vec::new();
    compare(
        &mut changes,
        Section::Meta,
        &[("meta".to_string(), meta_fields(old))],
        &[("meta".to_string(), meta_fields(new))],
    );
    let mut section = |section, old: Vec<Keyed>, new: Vec<Keyed>| {
        compare(&mut changes, section, &old, &new);
    };
    section(
        Section::Sources,
        keyed(&old.sources, source),
        keyed(&new.sources, source),
    );
    section(
        Section::Parks,
        keyed(&old.parks, park),
        keyed(&new.parks, park),
    );
    section(
        Section::Metrics,
        keyed(&old.metrics, metric),
        keyed(&new.metrics, metric),
    );
    section(
        Section::Values,
        numbered(keyed(&old.observations, observation)),
        numbered(keyed(&new.observations, observation)),
    );
    section(
        Section::Events,
        keyed(&old.events, event),
        keyed(&new.events, event),
    );
    section(
        Section::Unknowns,
        keyed(&old.unknowns, unknown),
        keyed(&new.unknowns, unknown),
    );
    changes
}

/// A record's id and its fields, flattened: `(field, value as written)`.
type Fields = Vec<(String, String)>;
type Keyed = (String, Fields);

fn keyed<T>(records: &[T], fields: fn(&T) -> Keyed) -> Vec<Keyed> {
    records.iter().map(fields).collect()
}

/// Values that share park, metric and date (the file allows it) are told apart by their
/// order: the second is `… #2`.
fn numbered(mut records: Vec<Keyed>) -> Vec<Keyed> {
    let mut seen: Vec<String> = Vec::new();
    for (id, _) in &mut records {
        let n = seen.iter().filter(|s| *s == id).count();
        seen.push(id.clone());
        if n > 0 {
            id.push_str(&format!(" #{}", n + 1));
        }
    }
    records
}

fn compare(changes: &mut Vec<RecordChange>, section: Section, old: &[Keyed], new: &[Keyed]) {
    let find = |records: &'_ [Keyed], id: &str| -> Option<usize> {
        records.iter().position(|(key, _)| key == id)
    };
    for (id, fields) in new {
        let record = match find(old, id) {
            None => RecordChange {
                section,
                id: id.clone(),
                kind: ChangeKind::Added,
                fields: one_side(fields, false),
            },
            Some(i) => {
                let fields = changed_fields(&old[i].1, fields);
                if fields.is_empty() {
                    continue;
                }
                RecordChange {
                    section,
                    id: id.clone(),
                    kind: ChangeKind::Changed,
                    fields,
                }
            }
        };
        changes.push(record);
    }
    for (id, fields) in old {
        if find(new, id).is_none() {
            changes.push(RecordChange {
                section,
                id: id.clone(),
                kind: ChangeKind::Removed,
                fields: one_side(fields, true),
            });
        }
    }
}

fn one_side(fields: &Fields, old: bool) -> Vec<FieldChange> {
    fields
        .iter()
        .map(|(field, value)| FieldChange {
            field: field.clone(),
            old: old.then(|| value.clone()),
            new: (!old).then(|| value.clone()),
        })
        .collect()
}

/// The fields whose values differ, in `new`'s order, then those only `old` has.
fn changed_fields(old: &Fields, new: &Fields) -> Vec<FieldChange> {
    let get = |fields: &Fields, name: &str| {
        fields
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| value.clone())
    };
    let mut changes: Vec<FieldChange> = new
        .iter()
        .filter_map(|(field, value)| {
            let before = get(old, field);
            (before.as_deref() != Some(value.as_str())).then(|| FieldChange {
                field: field.clone(),
                old: before,
                new: Some(value.clone()),
            })
        })
        .collect();
    changes.extend(
        old.iter()
            .filter(|(field, _)| get(new, field).is_none())
            .map(|(field, value)| FieldChange {
                field: field.clone(),
                old: Some(value.clone()),
                new: None,
            }),
    );
    changes
}

/// Collects a record's fields; absent optional ones are left out.
#[derive(Default)]
struct Out(Fields);

impl Out {
    fn put(&mut self, field: &str, value: impl ToString) -> &mut Self {
        self.0.push((field.to_string(), value.to_string()));
        self
    }

    fn text(&mut self, field: &str, text: &Text) -> &mut Self {
        self.put(&format!("{field}.ru"), &text.ru)
            .put(&format!("{field}.en"), &text.en)
    }

    fn maybe_text(&mut self, field: &str, text: &Option<Text>) -> &mut Self {
        if let Some(text) = text {
            self.text(field, text);
        }
        self
    }

    fn list(&mut self, field: &str, ids: &[String]) -> &mut Self {
        self.put(field, ids.join(", "))
    }

    fn done(&mut self, id: &str) -> Keyed {
        (id.to_string(), std::mem::take(&mut self.0))
    }
}

fn meta_fields(ds: &Dataset) -> Fields {
    Out::default()
        .text("title", &ds.meta.title)
        .text("description", &ds.meta.description)
        .text("license", &ds.meta.license)
        .put("updated", ds.meta.updated)
        .done("")
        .1
}

fn source(s: &Source) -> Keyed {
    let mut out = Out::default();
    out.text("title", &s.title)
        .text("publisher", &s.publisher)
        .put("url", &s.url);
    if let Some(date) = s.date {
        out.put("date", date);
    }
    out.done(&s.id)
}

fn park(p: &Park) -> Keyed {
    let mut out = Out::default();
    out.text("name", &p.name)
        .put("opened", p.opened)
        .put("opened_confidence", p.opened_confidence.key());
    for (i, change) in p.status.iter().enumerate() {
        let at = |field: &str| format!("status[{i}].{field}");
        out.put(&at("state"), change.state.key())
            .put(&at("date"), change.date)
            .list(&at("sources"), &change.sources)
            .put(&at("confidence"), change.confidence.key())
            .maybe_text(&at("note"), &change.note);
    }
    out.maybe_text("founder", &p.founder)
        .maybe_text("address", &p.address)
        .put("color", &p.color)
        .list("sources", &p.sources)
        .maybe_text("note", &p.note)
        .done(&p.id)
}

fn metric(m: &Metric) -> Keyed {
    Out::default()
        .text("label", &m.label)
        .put("unit", unit_key(m.unit))
        .maybe_text("description", &m.description)
        .done(&m.id)
}

fn observation(o: &Observation) -> Keyed {
    Out::default()
        .put("value", o.value)
        .list("sources", &o.sources)
        .put("confidence", o.confidence.key())
        .maybe_text("note", &o.note)
        .done(&format!("{} / {} / {}", o.park, o.metric, o.date))
}

fn event(e: &Event) -> Keyed {
    Out::default()
        .put("date", e.date)
        .put("level", e.level.key())
        .put("kind", e.kind.key())
        .list("parks", &e.parks)
        .text("title", &e.title)
        .text("summary", &e.summary)
        .list("sources", &e.sources)
        .put("confidence", e.confidence.key())
        .maybe_text("note", &e.note)
        .done(&e.id)
}

fn unknown(u: &Unknown) -> Keyed {
    Out::default()
        .text("topic", &u.topic)
        .text("detail", &u.detail)
        .done(&u.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_dataset;

    fn bundled() -> Dataset {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/data/technoparks.json"
        ))
        .unwrap();
        load_dataset(&bytes).unwrap()
    }

    #[test]
    fn a_dataset_does_not_differ_from_itself() {
        let ds = bundled();
        assert_eq!(diff(&ds, &ds.clone()), vec![]);
    }

    #[test]
    fn a_changed_value_names_its_record_with_old_and_new() {
        let old = bundled();
        let mut new = old.clone();
        let o = new
            .observations
            .iter_mut()
            .find(|o| o.park == "morion-digital" && o.metric == "area_m2")
            .unwrap();
        let before = o.value;
        o.value = 91_000.0;
        let id = format!("morion-digital / area_m2 / {}", o.date);
        assert_eq!(
            diff(&old, &new),
            vec![RecordChange {
                section: Section::Values,
                id,
                kind: ChangeKind::Changed,
                fields: vec![FieldChange {
                    field: "value".into(),
                    old: Some(before.to_string()),
                    new: Some("91000".into()),
                }],
            }]
        );
    }

    #[test]
    fn added_and_removed_records_carry_their_fields() {
        let old = bundled();
        let mut new = old.clone();
        let removed = new.events.remove(0);
        let mut added = new.sources[0].clone();
        added.id = "new-source".into();
        added.date = None;
        new.sources.push(added.clone());
        let changes = diff(&old, &new);
        assert_eq!(changes.len(), 2, "{changes:#?}");
        // Sources come before events, whatever the order they were found in.
        assert_eq!(
            (changes[0].section, changes[0].id.as_str(), changes[0].kind),
            (Section::Sources, "new-source", ChangeKind::Added)
        );
        assert!(changes[0].fields.iter().all(|f| f.old.is_none()));
        assert!(changes[0].fields.contains(&FieldChange {
            field: "url".into(),
            old: None,
            new: Some(added.url.clone()),
        }));
        assert!(!changes[0].fields.iter().any(|f| f.field == "date"));
        assert_eq!(
            (changes[1].section, changes[1].id.as_str(), changes[1].kind),
            (Section::Events, removed.id.as_str(), ChangeKind::Removed)
        );
        assert!(changes[1].fields.contains(&FieldChange {
            field: "title.ru".into(),
            old: Some(removed.title.ru.clone()),
            new: None,
        }));
    }

    #[test]
    fn fields_gained_and_lost_and_nested_status_are_named() {
        let old = bundled();
        let mut new = old.clone();
        let event = &mut new.events[1];
        let had_note = event.note.is_some();
        event.note = if had_note {
            None
        } else {
            Some(Text {
                ru: "примечание".into(),
                en: "a note".into(),
            })
        };
        event.title.en = "<img src=x onerror=alert(1)>".into();
        let id = event.id.clone();
        let park = new.parks.iter_mut().find(|p| !p.status.is_empty()).unwrap();
        let park_id = park.id.clone();
        park.status[0].confidence = crate::model::Confidence::Derived;
        new.meta.updated = crate::model::PartialDate::parse("2026-12-01").unwrap();
        let changes = diff(&old, &new);
        let fields = |section, id: &str| -> Vec<String> {
            changes
                .iter()
                .find(|c| c.section == section && c.id == id)
                .unwrap_or_else(|| panic!("{id}: {changes:#?}"))
                .fields
                .iter()
                .map(|f| f.field.clone())
                .collect()
        };
        assert_eq!(fields(Section::Meta, "meta"), ["updated"]);
        assert_eq!(
            fields(Section::Events, &id),
            ["title.en", "note.ru", "note.en"]
        );
        let event = changes.iter().find(|c| c.id == id).unwrap();
        assert_eq!(
            event.fields[0].new.as_deref(),
            Some("<img src=x onerror=alert(1)>")
        );
        assert_eq!(event.fields[1].new.is_some(), !had_note);
        assert_eq!(event.fields[1].old.is_some(), had_note);
        let status = changes.iter().find(|c| c.id == park_id).unwrap();
        assert_eq!(status.fields[0].field, "status[0].confidence");
        assert_eq!(status.fields[0].new.as_deref(), Some("derived"));
    }

    #[test]
    fn values_sharing_park_metric_and_date_are_numbered() {
        let old = bundled();
        let mut new = old.clone();
        let mut twin = new.observations[0].clone();
        twin.value += 1.0;
        new.observations.push(twin.clone());
        let changes = diff(&old, &new);
        assert_eq!(changes.len(), 1, "{changes:#?}");
        assert_eq!(
            changes[0].id,
            format!("{} / {} / {} #2", twin.park, twin.metric, twin.date)
        );
        assert_eq!(changes[0].kind, ChangeKind::Added);
    }
}
