//! The lifecycle chart's frame, as both copies draw it: heading, the chart (the app's at its
//! measured width with its hit layer, `ui::lifecycle`; the first view's drawings), the caption
//! of the mark pointed at, the keyboard hint, and each park's periods (open, suspended,
//! closed) as a table. They run to the dataset's date, not the reader's clock.

use std::sync::Arc;

use leptos::prelude::*;

use crate::contract::LIFECYCLE;

use super::sources::{ConfidenceMark, SourceLinks};
use super::state::use_page_copy;
use super::table::scroll_table;
use crate::chart::lifecycle_periods;
use crate::format::{ReferenceTypography, Typography};
use crate::i18n::{strings, Lang};
use crate::model::problem::fill;
use crate::model::Dataset;

/// The section around the lifecycle chart (`children`), in `lang` (`part_lang`); `caption`
/// names the mark pointed at or selected.
#[component]
pub fn LifecycleFrame<C: IntoView + 'static>(
    ds: Arc<Dataset>,
    lang: RwSignal<Lang>,
    #[prop(optional, into)] caption: Signal<Option<String>>,
    children: TypedChildren<C>,
) -> impl IntoView {
    // Typed, not `Children`: a type-erased view carries code for every way to render it.
    let children = children.into_inner();
    let copy = use_page_copy();
    let s = move || strings(lang.get());
    view! {
        <section id=copy.id(LIFECYCLE) class="panel lifecycle" aria-labelledby=copy.id("lifecycle-title")>
            <h2 id=copy.id("lifecycle-title")>{move || s().lifecycle_title}</h2>
            {children()}
            <p id=copy.id("lifecycle-caption") class="lifecycle-caption" aria-live="polite">{move || caption.get()}</p>
            <p class="chart-hint">{move || s().lifecycle_hint}</p>
            {move || view! { <PeriodsTable ds=ds.clone() lang=lang.get()/> }}
        </section>
    }
}

/// Each park's periods as a table: state, from, to, confidence and sources, a note below its
/// period across the row; the caption says the date they run to. What the bars show, in words.
#[component]
fn PeriodsTable(ds: Arc<Dataset>, lang: Lang) -> impl IntoView {
    let s = strings(lang);
    let t = ReferenceTypography { lang };
    let caption = fill(s.lifecycle_table_caption, &[t.date(&ds.as_of())]);
    let rows = lifecycle_periods(&ds, &t)
        .into_iter()
        .map(|row| {
            let note = row.note.clone().map(|note| {
                view! {
                    <tr class="period-note" data-park=row.park.clone()>
                        <td colspan="5">{s.note_title} ": " {note}</td>
                    </tr>
                }
            });
            view! {
                <tr data-park=row.park.clone() data-state=row.state.key()>
                    <th scope="row">{row.name.clone()}</th>
                    <td>{row.state_text.clone()}</td>
                    <td>{row.from.clone()}</td>
                    <td>{row.to.clone()}</td>
                    <td>
                        <ConfidenceMark confidence=row.confidence lang/>
                        {(!row.sources.is_empty()).then_some(" · ")}
                        <SourceLinks ds=ds.clone() ids=row.sources.clone() lang/>
                    </td>
                </tr>
                {note}
            }
        })
        .collect_view();
    let copy = use_page_copy();
    scroll_table(
        caption,
        Some(copy.id("lifecycle-table")),
        view! {
            <thead>
                <tr>
                    <th scope="col">{s.park}</th>
                    <th scope="col">{s.lifecycle_state}</th>
                    <th scope="col">{s.lifecycle_from}</th>
                    <th scope="col">{s.lifecycle_to}</th>
                    <th scope="col">{s.confidence_title} " · " {s.sources_title}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        },
    )
}
