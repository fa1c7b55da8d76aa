//! The comparison as both copies draw it: its panel (heading, metric select, the chart/table
//! switch), each metric's view (headline, formula, the chart's frame with its tabs and the
//! Download menu, the table, the value cards), each park's card and the table of every value.
//! The chart itself is the caller's: the app's measured drawing with its keyboard layer, or the
//! first view's drawings, one per range of widths.

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;

use super::sources::{ConfidenceLegend, ConfidenceMark, SourceLinks};
use super::state::{use_app_state, use_page_copy, DrawnWhenOpened, PageCopy};
use super::table::scroll_table;
use crate::analysis::MetricInfo;
use crate::chart::{earlier_label, up_front, Comparison, ParkCard, ShownValue};
use crate::contract::{COMPARE, METRIC_SELECT, VIEW_CHART, VIEW_TABLE};
use crate::export::{static_download, Kind};
use crate::format::{counted, ReferenceTypography};
use crate::i18n::{strings, Lang};
use crate::model::Dataset;

/// The comparison's panel: its heading, the metric select and the chart/table switch (two
/// radios, before the views, so that `style.css` can show what they choose with no script),
/// then `children`, the metric's view (the first view: every drawn metric's). The options from
/// `ready` on wait for the app (the first view draws only so many metrics).
#[component]
pub fn ComparePanel<C: IntoView + 'static>(
    #[prop(into)] metrics: Signal<Vec<MetricInfo>>,
    #[prop(into)] metric: Signal<String>,
    /// The table rather than the chart.
    #[prop(into)]
    as_table: Signal<bool>,
    #[prop(optional)] on_metric: Option<Callback<String>>,
    #[prop(optional)] on_table: Option<Callback<bool>>,
    #[prop(default = usize::MAX)] ready: usize,
    children: TypedChildren<C>,
) -> impl IntoView {
    let children = children.into_inner();
    let state = use_app_state();
    let copy = use_page_copy();
    let s = move || strings(state.lang.get());
    let radio = move |name: &'static str, table: bool| {
        view! {
            <input
                type="radio"
                name=copy.id("chart-view")
                id=copy.id(name)
                class=format!("visually-hidden {name}")
                checked=as_table.get_untracked() == table
                prop:checked=move || as_table.get() == table
                on:change=move |_| {
                    if let Some(f) = on_table {
                        f.run(table);
                    }
                }
            />
        }
    };
    view! {
        <section id=copy.id(COMPARE) class="panel compare" aria-labelledby=copy.id("compare-title")>
            <h2 id=copy.id("compare-title") class="visually-hidden">{move || s().compare_title}</h2>
            <div class="control">
                <label for=copy.id(METRIC_SELECT)>{move || s().metric_label}</label>
                <select
                    id=copy.id(METRIC_SELECT)
                    prop:value=move || metric.get()
                    on:change=move |ev| {
                        if let Some(f) = on_metric {
                            f.run(event_target_value(&ev));
                        }
                    }
                >
                    {move || {
                        let chosen = metric.get_untracked();
                        metrics
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(i, m)| {
                                view! {
                                    <option value=m.id.clone() selected=m.id == chosen disabled={i >= ready}>
                                        {m.label.clone()}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            {radio(VIEW_CHART, false)}
            {radio(VIEW_TABLE, true)}
            {children()}
            <ConfidenceLegend/>
        </section>
    }
}

/// One metric's view: the headline that says what the chart shows, the formula of a derived
/// metric, the chart's frame (`children`: the drawing), the keyboard hint (shown while the
/// chart has the focus), the table, the chart/table tabs and the Download menu, and the value
/// cards (`ValueCards`). `index`: the first view's place of the metric in the select (its view shows while
/// that option is chosen, `first-view.css`); the app's one view has none.
#[component]
pub fn MetricView<C, T, K>(
    ds: Arc<Dataset>,
    #[prop(into)] metric: Signal<String>,
    #[prop(into)] headline: Signal<String>,
    #[prop(into)] formula: Signal<Option<String>>,
    /// Which parks the chart draws, when not all.
    #[prop(into)]
    selection: Signal<Option<String>>,
    #[prop(into)] alt: Signal<String>,
    table: T,
    cards: K,
    #[prop(optional)] index: Option<usize>,
    #[prop(optional)] container: NodeRef<Div>,
    #[prop(optional)] on_download: Option<Callback<Kind>>,
    children: TypedChildren<C>,
) -> impl IntoView
where
    C: IntoView + 'static,
    T: IntoView + 'static,
    K: IntoView + 'static,
{
    let children = children.into_inner();
    let state = use_app_state();
    let copy = use_page_copy();
    let s = move || strings(state.lang.get());
    let class = match index {
        Some(i) => format!("metric-view m{i}"),
        None => "metric-view".to_string(),
    };
    let id = |name: &str| (copy == PageCopy::App).then(|| name.to_string());
    view! {
        <div class=class>
            <p class="headline" id=id("headline")>{headline}</p>
            {move || formula.get().map(|formula| view! {
                <p class="formula">{move || s().formula} ": " {formula}</p>
            })}
            {move || selection.get().map(|text| view! { <p class="formula">{text}</p> })}
            <figure id=id("compare-chart") class="chart-figure">
                <div class="chart-wrap" node_ref=container>{children()}</div>
                <p class="chart-hint">{move || s().chart_keys_hint}</p>
                {table}
                <div class="chart-toolbar">
                    <label for=copy.id(VIEW_CHART) class="tab tab-chart">{move || s().show_chart}</label>
                    <label for=copy.id(VIEW_TABLE) class="tab tab-table">{move || s().show_table}</label>
                    <DownloadMenu ds metric on_download/>
                </div>
                <figcaption class="visually-hidden" aria-live="polite">{alt}</figcaption>
            </figure>
            {cards}
        </div>
    }
}

/// «Скачать»: a menu of the formats (a native disclosure, so it opens with no script). Each is
/// a link to the file the build writes (`export::static_download`), which the app, where it has
/// `on_download`, makes afresh instead (the chart as wide as shown, the reader's language);
/// PNG, which needs the browser to draw it, is a button that waits for the app.
#[component]
fn DownloadMenu(
    ds: Arc<Dataset>,
    metric: Signal<String>,
    on_download: Option<Callback<Kind>>,
) -> impl IntoView {
    let state = use_app_state();
    let copy = use_page_copy();
    let s = move || strings(state.lang.get());
    // Drawn once first opened: seven formats, each a link made for the metric and language.
    let fold = DrawnWhenOpened::new();
    let items = move || {
        fold.drawn()
            .then(|| formats(&ds, copy, state.lang.get(), &metric.get(), on_download))
    };
    view! {
        <details class="menu download-menu" on:toggle=move |_| fold.opened()>
            <summary class="button secondary">{move || s().downloads_label}</summary>
            <ul class="menu-list">{items}</ul>
        </details>
    }
}

/// The download menu's items: each format, as a link to the file the build writes or a button
/// that makes it.
fn formats(
    ds: &Arc<Dataset>,
    copy: PageCopy,
    lang: Lang,
    metric: &str,
    on_download: Option<Callback<Kind>>,
) -> impl IntoView {
    let s = strings(lang);
    Kind::offered(lang)
        .map(|kind| {
            let id = (copy == PageCopy::App).then_some(kind.id());
            let text = view! {
                <span class="menu-label">{kind.label(s)}</span>
                <span class="menu-hint">{kind.hint(s)}</span>
            };
            let item = match static_download(ds, lang, kind, metric) {
                Some(file) => view! {
                    <a
                        class="menu-item"
                        id=id
                        data-kind=kind.id()
                        href=file.href
                        download=file.name
                        on:click=move |ev| {
                            if let Some(f) = on_download {
                                ev.prevent_default();
                                f.run(kind);
                            }
                        }
                    >
                        {text}
                    </a>
                }
                .into_any(),
                None => view! {
                    <button
                        type="button"
                        class="menu-item"
                        id=id
                        data-kind=kind.id()
                        disabled=copy.waits()
                        on:click=move |_| {
                            if let Some(f) = on_download {
                                f.run(kind);
                            }
                        }
                    >
                        {text}
                    </button>
                }
                .into_any(),
            };
            view! { <li>{item}</li> }
        })
        .collect_view()
}

/// «Поделиться»: the links to this chart and this view, and the embed code, in a menu (a native
/// disclosure, as the Download menu). `children`: its items.
#[component]
pub fn ShareMenu<C: IntoView + 'static>(children: TypedChildren<C>) -> impl IntoView {
    let children = children.into_inner();
    let state = use_app_state();
    view! {
        <details class="menu share-menu">
            <summary class="button secondary">{move || strings(state.lang.get()).share}</summary>
            <div class="menu-list">{children()}</div>
        </details>
    }
}

/// The parks' cards: those the chart draws (`up_front`), then the others behind «Ещё 188
/// технопарков», drawn by the app once first opened (the first view, with no script, holds
/// them from the start).
#[component]
pub fn ValueCards(ds: Arc<Dataset>, cards: Vec<ParkCard>, lang: Lang) -> impl IntoView {
    let copy = use_page_copy();
    let (first, rest) = up_front(&cards);
    let id = (copy == PageCopy::App).then_some("compare-values");
    let shown = card_list(&ds, first, lang, id);
    let rest = (!rest.is_empty()).then(|| {
        let t = ReferenceTypography { lang };
        let label = counted(&t, &strings(lang).more_parks, rest.len() as f64);
        let fold = DrawnWhenOpened::new();
        let rest = rest.to_vec();
        view! {
            <details class="more-parks" on:toggle=move |_| fold.opened()>
                <summary>{label}</summary>
                {move || fold.drawn().then(|| card_list(&ds, &rest, lang, None))}
            </details>
        }
    });
    view! { {shown} {rest} }
}

fn card_list(ds: &Arc<Dataset>, cards: &[ParkCard], lang: Lang, id: Option<&str>) -> impl IntoView {
    let items = cards
        .iter()
        .map(|card| view! { <ValueCard ds=ds.clone() card=card.clone() lang/> })
        .collect_view();
    view! { <ul id=id.map(str::to_string) class="value-cards">{items}</ul> }
}

/// A park's figures for the metric, for a glance: each value and its date large, how sure it
/// is as a short mark; where each comes from, and its note, behind «Источники и примечания»,
/// which opens in place. Or "no data". A long series lists its latest values; the earlier ones
/// fold into a disclosure, drawn only when opened.
#[component]
pub fn ValueCard(ds: Arc<Dataset>, card: ParkCard, lang: Lang) -> impl IntoView {
    let s = strings(lang);
    let (earlier, latest) = card.folded();
    let (earlier, latest) = (earlier.to_vec(), latest.to_vec());
    let fold = (!earlier.is_empty()).then(|| {
        let label = earlier_label(&ReferenceTypography { lang }, &earlier);
        let drawn = DrawnWhenOpened::new();
        let ds = ds.clone();
        view! {
            <details class="earlier" on:toggle=move |_| drawn.opened()>
                <summary>{label}</summary>
                {move || drawn.drawn().then(|| view! {
                    {figures(&earlier, lang)}
                    {provenance(&ds, &earlier, lang)}
                })}
            </details>
        }
    });
    let listed = if card.values.is_empty() {
        view! { <p class="no-data">{s.no_data}</p> }.into_any()
    } else {
        view! {
            {figures(&latest, lang)}
            <details class="provenance">
                <summary>{s.sources_and_notes}</summary>
                {provenance(&ds, &latest, lang)}
            </details>
        }
        .into_any()
    };
    view! {
        <li class="value-card" data-park=card.park.clone()>
            <h3 class="park-name">
                <svg class="swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
                    <rect width="14" height="14" rx="3" fill=card.color.clone()></rect>
                </svg>
                {card.name.clone()}
            </h3>
            {fold}
            {listed}
        </li>
    }
}

/// Values with their date and how sure each is.
fn figures(values: &[ShownValue], lang: Lang) -> impl IntoView {
    values
        .iter()
        .map(|v| {
            view! {
                <div class="figure">
                    <p class="value">{v.text.clone()}</p>
                    <p class="as-of">
                        <span class="date">{v.date.clone()}</span>
                        " · "
                        <ConfidenceMark confidence=v.value.confidence lang/>
                    </p>
                </div>
            }
        })
        .collect_view()
}

/// Where each value comes from, and its note; dated where a card lists more than one.
fn provenance(ds: &Arc<Dataset>, values: &[ShownValue], lang: Lang) -> impl IntoView {
    let s = strings(lang);
    let dated = values.len() > 1;
    values
        .iter()
        .map(|v| {
            let note = v
                .value
                .note
                .as_ref()
                .map(|n| view! { <p class="note">{n.get(lang).to_string()}</p> });
            view! {
                <p class="sources-of">
                    {dated.then(|| format!("{}: ", v.date))}
                    {s.sources_label(v.value.sources.len())} ": "
                    <SourceLinks ds=ds.clone() ids=v.value.sources.clone() lang/>
                </p>
                {note}
            }
        })
        .collect_view()
}

/// Every value of the comparison as a table: a row per value (or "no data"), its confidence.
/// Scrolls sideways on a narrow screen rather than leave the page, and takes the focus so that
/// the keyboard can scroll it. Only the app's has an id: the first view draws one per metric.
#[component]
pub fn ValuesTable(comparison: Comparison, lang: Lang) -> impl IntoView {
    let s = strings(lang);
    let c = comparison;
    let rows = c
        .cards
        .iter()
        .flat_map(|card| {
            let no_data = card.values.is_empty().then(|| {
                view! {
                    <tr data-park=card.park.clone()>
                        <th scope="row">{card.name.clone()}</th>
                        <td colspan="3" class="no-data">{s.no_data}</td>
                    </tr>
                }
                .into_any()
            });
            let values = card.values.iter().map(|v| {
                view! {
                    <tr data-park=card.park.clone()>
                        <th scope="row">{card.name.clone()}</th>
                        <td>{v.text.clone()}</td>
                        <td>{v.date.clone()}</td>
                        <td><ConfidenceMark confidence=v.value.confidence lang/></td>
                    </tr>
                }
                .into_any()
            });
            no_data.into_iter().chain(values).collect::<Vec<_>>()
        })
        .collect_view();
    let id = (use_page_copy() == PageCopy::App).then(|| "values-table".to_string());
    scroll_table(
        c.metric.label.clone(),
        id,
        view! {
            <thead>
                <tr>
                    <th scope="col">{s.park}</th>
                    <th scope="col">{s.value}</th>
                    <th scope="col">{s.date}</th>
                    <th scope="col">{s.confidence_title}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        },
    )
}
