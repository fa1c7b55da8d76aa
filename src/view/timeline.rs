//! The timeline of support measures and milestones, filtered by level and kind.

use std::sync::Arc;

use leptos::prelude::*;

use crate::contract::TIMELINE;

use super::sources::{ConfidenceMark, SourceLinks};
use super::state::{events_drawn, part_lang, use_app_state, use_page_copy};
use crate::analysis::{filter_counts, kept_years, timeline_years, year_span, TimelineFilter};
use crate::format::ReferenceTypography;
use crate::format::{counted, Typography};
use crate::i18n::{strings, Lang};
use crate::model::problem::fill;
use crate::model::{Dataset, Event, EventKind, Level};
use crate::url::clean_query;

/// The events that pass the timeline's filter, by year, as positions in `ds.events`
/// (`analysis::timeline_years`): made once by the page and read by the timeline's list and
/// the lifecycle chart's marks, so a filter runs through thousands of events once.
pub type ShownYears = Memo<Vec<(i32, Vec<usize>)>>;

/// The page's `ShownYears`, following the filter and the language (words match in it).
pub fn shown_years(ds: Arc<Dataset>) -> ShownYears {
    let state = use_app_state();
    Memo::new(move |_| timeline_years(&ds.events, &state.filter.get(), state.lang.get()))
}

/// Events grouped by year, with filters (level, kind, park, years, words), the count of each
/// choice, the count of what is shown, and a clear-all. `years`: what the filter lets through
/// (`shown_years`).
#[component]
pub fn Timeline(ds: Arc<Dataset>, years: ShownYears) -> impl IntoView {
    let state = use_app_state();
    let copy = use_page_copy();
    // In the first view the filters wait for the app (drawn disabled, dimmed by style.css).
    let waits = copy.waits();
    let s = move || strings(state.lang.get());
    let total = ds.events.len();
    let park_ids: Vec<String> = ds.parks.iter().map(|p| p.id.clone()).collect();
    let (first_year, last_year) = year_span(&ds.events);

    // The list shows a page at a time (thousands of events would make every change slow);
    // a new filter starts again from the first page, and a selected event is always listed.
    let more = RwSignal::new((TimelineFilter::default(), PAGE));
    let drawn = events_drawn();
    let ds_for_limit = ds.clone();
    let limit = Memo::new(move |_| {
        let filter = state.filter.get();
        let (for_filter, n) = more.get();
        let base = if for_filter == filter { n } else { PAGE };
        let selected = state.event.get().and_then(|id| {
            years
                .read()
                .iter()
                .flat_map(|(_, events)| events)
                .position(|&i| ds_for_limit.events[i].id == id)
        });
        selected.map_or(base, |i| base.max(i + 1)).min(drawn.get())
    });
    let listed = Memo::new(move |_| {
        let mut left = limit.get();
        years
            .read()
            .iter()
            .map_while(|(year, events)| {
                let take = events.len().min(left);
                left -= take;
                (take > 0).then(|| (*year, events[..take].to_vec()))
            })
            .collect::<Vec<_>>()
    });
    // The items drawn: those listed, and the first page of all events kept hidden while a
    // filter leaves them out, so clearing it shows them again rather than building them anew
    // (`kept_years`). Whether each is listed, by its position in `ds.events`.
    let ds_for_kept = ds.clone();
    let kept = Memo::new(move |_| {
        listed.with(|listed| kept_years(&ds_for_kept.events, listed, PAGE.min(drawn.get())))
    });
    let is_listed = Memo::new(move |_| {
        let mut flags = vec![false; total];
        listed.with(|years| {
            for &at in years.iter().flat_map(|(_, events)| events) {
                flags[at] = true;
            }
        });
        flags
    });
    // How many events pass the filters (a count, not a copy of them).
    let shown = Memo::new(move |_| years.read().iter().map(|(_, e)| e.len()).sum::<usize>());
    let left = move || shown.get().saturating_sub(limit.get());
    let ds_for_counts = ds.clone();
    let counts = Memo::new(move |_| {
        filter_counts(
            &ds_for_counts.events,
            &state.filter.get(),
            &park_ids,
            state.lang.get(),
        )
    });
    let count_text = move || {
        let t = ReferenceTypography {
            lang: state.lang.get(),
        };
        let n = counted(&t, &s().events_count, shown.get() as f64);
        if shown.get() == total {
            n
        } else {
            let all = counted(&t, &s().events_count, total as f64);
            let args = [
                t.number(shown.get() as f64, 0),
                t.number(total as f64, 0),
                n,
                all,
            ];
            fill(s().shown_of, &args)
        }
    };
    // "Федеральный (12)": what choosing it would show, the other filters kept.
    let with_count = move |label: &str, n: Option<usize>| match n {
        Some(n) => {
            let t = ReferenceTypography {
                lang: state.lang.get(),
            };
            format!("{label} ({})", t.number(n as f64, 0))
        }
        None => label.to_string(),
    };

    let filter = move || state.filter.get();
    let set = move |change: &dyn Fn(&mut TimelineFilter)| state.filter.update(|f| change(f));
    // Drawn once: a filter changes which year is selected, not the list.
    let year_options = move |chosen: fn(&TimelineFilter) -> Option<i32>| {
        (first_year..=last_year)
            .map(|y| view! { <option value=y.to_string() selected=move || state.filter.with(chosen) == Some(y)>{y.to_string()}</option> })
            .collect_view()
    };

    let parks_for_select = ds.parks.clone();
    view! {
        <section id=copy.id(TIMELINE) class="panel timeline-panel" aria-labelledby=copy.id("timeline-title")>
            <h2 id=copy.id("timeline-title")>{move || s().timeline_title}</h2>
            // On a phone the filters fold behind «Фильтры (n)», so the list comes right after
            // the comparison; wider, the fold is always open (style.css).
            <details class="filters-fold">
                <summary>
                    {move || match filter().active_count() {
                        0 => s().filters.to_string(),
                        n => format!("{} ({n})", s().filters),
                    }}
                </summary>
                <div class="filters">
                    <div class="control control-wide">
                        <label for=copy.id("filter-search")>{move || s().search_label}</label>
                        <input
                            id=copy.id("filter-search")
                            type="search"
                            disabled=waits
                            autocomplete="off"
                            placeholder=move || s().search_placeholder
                            prop:value=move || filter().query
                            on:input=move |ev| {
                                let text = clean_query(&event_target_value(&ev));
                                set(&|f| f.query = text.clone());
                            }
                        />
                    </div>
                    <div class="control">
                        <label for=copy.id("filter-level")>{move || s().filter_level}</label>
                        <select
                            id=copy.id("filter-level")
                            disabled=waits
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                set(&|f| f.level = Level::ALL.into_iter().find(|l| l.key() == v));
                            }
                            prop:value=move || filter().level.map(Level::key).unwrap_or_default()
                        >
                            <option value="">{move || s().filter_all}</option>
                            {Level::ALL
                                .into_iter()
                                .map(|l| view! {
                                    <option value=l.key() selected=move || filter().level == Some(l)>
                                        {move || with_count(
                                            s().levels.of(l.key()),
                                            counts.get().level.iter().find(|(x, _)| *x == l).map(|(_, n)| *n),
                                        )}
                                    </option>
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="control">
                        <label for=copy.id("filter-kind")>{move || s().filter_kind}</label>
                        <select
                            id=copy.id("filter-kind")
                            disabled=waits
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                set(&|f| f.kind = EventKind::ALL.into_iter().find(|k| k.key() == v));
                            }
                            prop:value=move || filter().kind.map(EventKind::key).unwrap_or_default()
                        >
                            <option value="">{move || s().filter_all}</option>
                            {EventKind::ALL
                                .into_iter()
                                .map(|k| view! {
                                    <option value=k.key() selected=move || filter().kind == Some(k)>
                                        {move || with_count(
                                            s().kinds.of(k.key()),
                                            counts.get().kind.iter().find(|(x, _)| *x == k).map(|(_, n)| *n),
                                        )}
                                    </option>
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="control">
                        <label for=copy.id("filter-park")>{move || s().filter_park}</label>
                        <select
                            id=copy.id("filter-park")
                            disabled=waits
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                set(&|f| f.park = (!v.is_empty()).then(|| v.clone()));
                            }
                            prop:value=move || filter().park.unwrap_or_default()
                        >
                            <option value="">{move || s().filter_all}</option>
                            {parks_for_select
                                .into_iter()
                                .map(|p| {
                                    let id = p.id.clone();
                                    let id_for_count = p.id.clone();
                                    let id_for_selected = p.id.clone();
                                    view! {
                                        <option value=id selected=move || filter().park.as_deref() == Some(id_for_selected.as_str())>
                                            {move || with_count(
                                                p.name.get(state.lang.get()),
                                                counts.get().park.iter().find(|(x, _)| *x == id_for_count).map(|(_, n)| *n),
                                            )}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="control control-year">
                        <label for=copy.id("filter-from")>{move || s().filter_from}</label>
                        <select
                            id=copy.id("filter-from")
                            disabled=waits
                            on:change=move |ev| {
                                let v = event_target_value(&ev).parse().ok();
                                set(&|f| f.from = v);
                            }
                            prop:value=move || filter().from.map(|y| y.to_string()).unwrap_or_default()
                        >
                            <option value="">{move || s().filter_any_year}</option>
                            {year_options(|f| f.from)}
                        </select>
                    </div>
                    <div class="control control-year">
                        <label for=copy.id("filter-to")>{move || s().filter_to}</label>
                        <select
                            id=copy.id("filter-to")
                            disabled=waits
                            on:change=move |ev| {
                                let v = event_target_value(&ev).parse().ok();
                                set(&|f| f.to = v);
                            }
                            prop:value=move || filter().to.map(|y| y.to_string()).unwrap_or_default()
                        >
                            <option value="">{move || s().filter_any_year}</option>
                            {year_options(|f| f.to)}
                        </select>
                    </div>
                </div>
            </details>
            <div class="count-row">
                <p id=copy.id("event-count") class="event-count" role="status" data-count=move || shown.get().to_string()>
                    {count_text}
                </p>
                // Clears the selected event too: it is state a shared link carries unseen.
                {move || (filter().is_active() || state.event.get().is_some()).then(|| view! {
                    <button
                        id=copy.id("clear-filters")
                        type="button"
                        class="secondary"
                        on:click=move |_| {
                            state.filter.set(TimelineFilter::default());
                            state.event.set(None);
                        }
                    >
                        {move || s().clear_filters}
                    </button>
                })}
            </div>
            {move || (shown.get() == 0).then(|| view! { <p class="no-events">{s().no_events}</p> })}
            // Keyed by year and by event: a filter hides and shows the kept events, adds and
            // removes the others that come and go, and leaves the rest as they are; a language
            // change sets their texts (`EventItem`).
            <ol class="timeline">
                <For
                    each=move || kept.with(|years| years.iter().map(|(year, _)| *year).collect::<Vec<_>>())
                    key=|year| *year
                    children=move |year| {
                        let ds = ds.clone();
                        // Positions in `ds.events`: no event is copied to list it.
                        let events = move || {
                            kept.with(|years| {
                                years
                                    .iter()
                                    .find(|(y, _)| *y == year)
                                    .map(|(_, events)| events.clone())
                                    .unwrap_or_default()
                            })
                        };
                        let year_hidden = Memo::new(move |_| {
                            listed.with(|years| !years.iter().any(|(y, _)| *y == year))
                        });
                        // A year is a part in a language of its own (`part_lang`): its events
                        // follow a switch together, as the page lays the year out.
                        let id = copy.id(&format!("year-{year}"));
                        let lang = part_lang(id.clone());
                        view! {
                            <li class="timeline-year" id=id data-year=year.to_string() hidden=move || year_hidden.get()>
                                <h3 class="year">{year.to_string()}</h3>
                                <ol class="events">
                                    <For
                                        each=events
                                        key=|&at: &usize| at
                                        children=move |at| {
                                            let hidden = Memo::new(move |_| !is_listed.with(|f| f[at]));
                                            view! { <EventItem ds=ds.clone() at hidden lang/> }
                                        }
                                    />
                                </ol>
                            </li>
                        }
                    }
                />
            </ol>
            // One button for the life of the list, so the keyboard focus stays on it.
            <button
                id=copy.id("show-more")
                type="button"
                class="secondary show-more"
                class:hidden=move || left() == 0
                on:click=move |_| more.set((state.filter.get_untracked(), limit.get_untracked() + PAGE))
            >
                {move || {
                    let t = ReferenceTypography { lang: state.lang.get() };
                    let next = counted(&t, &s().events_count, left().min(PAGE) as f64);
                    if left() <= PAGE {
                        fill(s().show_rest, &[next])
                    } else {
                        fill(s().show_more, &[next, t.number(left() as f64, 0)])
                    }
                }}
            </button>
        </section>
    }
}

/// Events listed at a time.
pub const PAGE: usize = 50;

/// One event, the one `at` its position in `ds.events`: date at its precision, level, kind,
/// parks, summary, sources, inference mark. A language change sets its texts in place, the
/// element and its focus kept (each text a `Signal`: one way to draw them, not one per text).
/// `hidden`: kept in the list while a filter leaves it out (`kept_years`). `lang`: its year's
/// (`part_lang`).
#[component]
fn EventItem(
    ds: Arc<Dataset>,
    at: usize,
    hidden: Memo<bool>,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let state = use_app_state();
    let copy = use_page_copy();
    let event = &ds.events[at];
    let id = event.id.clone();
    let id_for_class = event.id.clone();
    let selected = Memo::new(move |_| state.event.get().as_deref() == Some(id_for_class.as_str()));
    // A text of the event in the reader's language.
    let text = |f: fn(&Event, Lang) -> String| {
        let ds = ds.clone();
        Signal::derive(move || f(&ds.events[at], lang.get()))
    };
    let date = text(|e, lang| ReferenceTypography { lang }.date(&e.date));
    let level = text(|e, lang| strings(lang).levels.of(e.level.key()).to_string());
    let kind = text(|e, lang| strings(lang).kinds.of(e.kind.key()).to_string());
    let title = text(|e, lang| e.title.get(lang).to_string());
    let summary = text(|e, lang| e.summary.get(lang).to_string());
    let show_on_chart = Signal::derive(move || strings(lang.get()).show_on_chart.to_string());
    let inferred = event.confidence.is_inferred().then(|| {
        let confidence = event.confidence;
        view! {
            <span class="inferred">
                // Read aloud, «≈» would be «приблизительно равно»: the words say it.
                <span aria-hidden="true">"≈ "</span>
                {move || {
                    let lang = lang.get();
                    view! { {strings(lang).inferred} " (" <ConfidenceMark confidence lang/> ")" }
                }}
            </span>
        }
    });
    let ds_for_parks = ds.clone();
    let parks = (!event.parks.is_empty()).then(|| {
        let names = Signal::derive(move || {
            let lang = lang.get();
            let ds = &ds_for_parks;
            let names: Vec<&str> = ds.events[at]
                .parks
                .iter()
                .filter_map(|id| ds.park(id))
                .map(|p| p.name.get(lang))
                .collect();
            format!("{}: {}", strings(lang).concerns, names.join(", "))
        });
        view! { <p class="event-parks">{names}</p> }
    });
    let note = event.note.is_some().then(|| {
        let note = text(|e, lang| {
            e.note
                .as_ref()
                .map(|n| n.get(lang).to_string())
                .unwrap_or_default()
        });
        view! { <p class="note">{note}</p> }
    });
    let ds_for_sources = ds.clone();
    let sources = move || {
        let lang = lang.get();
        let ids = ds_for_sources.events[at].sources.clone();
        view! {
            {strings(lang).sources_label(ids.len())} ": "
            <SourceLinks ds=ds_for_sources.clone() ids lang/>
        }
    };
    view! {
        <li
            class="event"
            hidden=move || hidden.get()
            class:selected=move || selected.get()
            id=copy.id(&format!("event-{}", event.id))
            data-event-id=event.id.clone()
            data-level=event.level.key()
            data-kind=event.kind.key()
        >
            <p class="event-meta">
                <time class="event-date" datetime=event.date.to_string()>{date}</time>
                <span class=format!("badge level level-{}", event.level.key())>{level}</span>
                <span class="badge kind">{kind}</span>
                {inferred}
            </p>
            <h4 class="event-title">
                <button
                    type="button"
                    class="event-select"
                    disabled=copy.waits()
                    aria-pressed=move || selected.get().to_string()
                    title=show_on_chart
                    on:click=move |_| state.event.set(Some(id.clone()))
                >
                    {title}
                </button>
            </h4>
            <p class="event-summary">{summary}</p>
            {parks}
            {note}
            <p class="event-sources">{sources}</p>
        </li>
    }
}
