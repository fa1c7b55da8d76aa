//! The comparison's parts that the first view shows as the app does: each park's value card,
//! with its figures and their provenance, and the table of every value.

use std::sync::Arc;

use leptos::prelude::*;

use super::sources::{ConfidenceMark, SourceLinks};
use super::state::{use_page_copy, PageCopy};
use crate::chart::{earlier_label, Comparison, ParkCard, ShownValue};
use crate::format::ReferenceTypography;
use crate::i18n::{strings, Lang};
use crate::model::Dataset;

/// A park's figures for the metric: value, date, source, confidence, note; or "no data".
/// A long series lists its latest values; the earlier ones fold into a disclosure, drawn only
/// when opened.
#[component]
pub fn ValueCard(ds: Arc<Dataset>, card: ParkCard, lang: Lang) -> impl IntoView {
    let s = strings(lang);
    let (earlier, latest) = card.folded();
    let (earlier, latest) = (earlier.to_vec(), latest.to_vec());
    let fold = (!earlier.is_empty()).then(|| {
        let label = earlier_label(&ReferenceTypography { lang }, &earlier);
        // The app draws the earlier values once the fold is first opened; the first view, which
        // has no script, holds them from the start.
        let open = RwSignal::new(use_page_copy() == PageCopy::FirstView);
        let ds = ds.clone();
        view! {
            <details class="earlier" on:toggle=move |_| open.set(true)>
                <summary>{label}</summary>
                {move || open.get().then(|| figures(&ds, &earlier, lang).into_any())}
            </details>
        }
    });
    let listed = if card.values.is_empty() {
        view! { <p class="no-data">{s.no_data}</p> }.into_any()
    } else {
        figures(&ds, &latest, lang).into_any()
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

/// Values with their date, sources, confidence and note.
fn figures(ds: &Arc<Dataset>, values: &[ShownValue], lang: Lang) -> impl IntoView {
    let s = strings(lang);
    values
        .iter()
        .map(|v| {
            let note = v
                .value
                .note
                .as_ref()
                .map(|n| view! { <p class="note">{n.get(lang).to_string()}</p> });
            view! {
                <div class="figure">
                    <p class="value">{v.text.clone()}</p>
                    <p class="provenance">
                        <span class="as-of">{v.date.clone()}</span>
                        " · " {s.sources_label(v.value.sources.len())} ": "
                        <SourceLinks ds=ds.clone() ids=v.value.sources.clone() lang/>
                        " · "
                        <ConfidenceMark confidence=v.value.confidence lang/>
                    </p>
                    {note}
                </div>
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
    let id = (use_page_copy() == PageCopy::App).then_some("values-table");
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=c.metric.label.clone()>
            <table id=id class="values-table">
                <caption>{c.metric.label.clone()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{s.park}</th>
                        <th scope="col">{s.value}</th>
                        <th scope="col">{s.date}</th>
                        <th scope="col">{s.confidence_title}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
