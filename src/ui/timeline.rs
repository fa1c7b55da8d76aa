//! The timeline of support measures and milestones, filtered by level and kind.

use std::sync::Arc;

use leptos::prelude::*;

use super::intl::IntlTypography;
use super::sources::{ConfidenceMark, SourceLinks};
use super::state::use_app_state;
use crate::analysis::timeline_years;
use crate::format::{counted, Typography};
use crate::i18n::{strings, Lang};
use crate::model::problem::fill;
use crate::model::{Dataset, Event, EventKind, Level};

/// Events grouped by year, with filters and the count of what is shown.
#[component]
pub fn Timeline(ds: Arc<Dataset>) -> impl IntoView {
    let state = use_app_state();
    let s = move || strings(state.lang.get());
    let total = ds.events.len();

    let ds_for_years = ds.clone();
    let years = Memo::new(move |_| {
        timeline_years(&ds_for_years.events, &state.filter.get())
            .into_iter()
            .map(|(year, events)| (year, events.into_iter().cloned().collect::<Vec<Event>>()))
            .collect::<Vec<_>>()
    });
    let shown = move || years.get().iter().map(|(_, e)| e.len()).sum::<usize>();
    let count_text = move || {
        let t = IntlTypography {
            lang: state.lang.get(),
        };
        let n = counted(&t, &s().events_count, shown() as f64);
        if shown() == total {
            n
        } else {
            fill(&s().shown_of, &[n, t.number(total as f64, 0)])
        }
    };

    let set_level = move |ev| {
        let value = event_target_value(&ev);
        state
            .filter
            .update(|f| f.level = Level::ALL.into_iter().find(|l| l.key() == value));
    };
    let set_kind = move |ev| {
        let value = event_target_value(&ev);
        state
            .filter
            .update(|f| f.kind = EventKind::ALL.into_iter().find(|k| k.key() == value));
    };
    let filter = move || state.filter.get();

    view! {
        <section id="timeline" class="panel" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{move || s().timeline_title.clone()}</h2>
            <div class="filters">
                <div class="control">
                    <label for="filter-level">{move || s().filter_level.clone()}</label>
                    <select id="filter-level" on:change=set_level prop:value=move || filter().level.map(Level::key).unwrap_or_default()>
                        <option value="">{move || s().filter_all.clone()}</option>
                        {Level::ALL
                            .into_iter()
                            .map(|l| view! {
                                <option value=l.key() selected=move || filter().level == Some(l)>
                                    {move || s().levels.get(l.key()).cloned().unwrap_or_default()}
                                </option>
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="control">
                    <label for="filter-kind">{move || s().filter_kind.clone()}</label>
                    <select id="filter-kind" on:change=set_kind prop:value=move || filter().kind.map(EventKind::key).unwrap_or_default()>
                        <option value="">{move || s().filter_all.clone()}</option>
                        {EventKind::ALL
                            .into_iter()
                            .map(|k| view! {
                                <option value=k.key() selected=move || filter().kind == Some(k)>
                                    {move || s().kinds.get(k.key()).cloned().unwrap_or_default()}
                                </option>
                            })
                            .collect_view()}
                    </select>
                </div>
            </div>
            <p id="event-count" class="event-count" role="status" data-count=move || shown().to_string()>
                {count_text}
            </p>
            {move || (shown() == 0).then(|| view! { <p class="no-events">{s().no_events.clone()}</p> })}
            <ol class="timeline">
                {move || {
                    let lang = state.lang.get();
                    years
                        .get()
                        .into_iter()
                        .map(|(year, events)| {
                            let ds = ds.clone();
                            view! {
                                <li class="timeline-year" data-year=year.to_string()>
                                    <h3 class="year">{year.to_string()}</h3>
                                    <ol class="events">
                                        {events
                                            .into_iter()
                                            .map(|event| view! { <EventItem ds=ds.clone() event lang/> })
                                            .collect_view()}
                                    </ol>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </section>
    }
}

/// One event: date at its precision, level, kind, parks, summary, sources, inference mark.
#[component]
fn EventItem(ds: Arc<Dataset>, event: Event, lang: Lang) -> impl IntoView {
    let s = strings(lang);
    let t = IntlTypography { lang };
    let parks: Vec<String> = event
        .parks
        .iter()
        .filter_map(|id| ds.park(id))
        .map(|p| p.name.get(lang).to_string())
        .collect();
    let inferred = event.confidence.is_inferred().then(|| {
        view! {
            <span class="inferred">
                "≈ " {s.inferred.clone()} " ("
                <ConfidenceMark confidence=event.confidence/>
                ")"
            </span>
        }
    });
    view! {
        <li
            class="event"
            id=format!("event-{}", event.id)
            data-event-id=event.id.clone()
            data-level=event.level.key()
            data-kind=event.kind.key()
        >
            <p class="event-meta">
                <time class="event-date" datetime=event.date.to_string()>{t.date(&event.date)}</time>
                <span class=format!("badge level level-{}", event.level.key())>
                    {s.levels.get(event.level.key()).cloned().unwrap_or_default()}
                </span>
                <span class="badge kind">{s.kinds.get(event.kind.key()).cloned().unwrap_or_default()}</span>
                {inferred}
            </p>
            <h4 class="event-title">{event.title.get(lang).to_string()}</h4>
            <p class="event-summary">{event.summary.get(lang).to_string()}</p>
            {(!parks.is_empty()).then(|| view! {
                <p class="event-parks">{s.concerns.clone()} ": " {parks.join(", ")}</p>
            })}
            {event.note.as_ref().map(|n| view! { <p class="note">{n.get(lang).to_string()}</p> })}
            <p class="event-sources">
                {s.source.clone()} ": "
                <SourceLinks ds=ds.clone() ids=event.sources.clone()/>
            </p>
        </li>
    }
}
