//! What no source states (the dataset's `unknowns`), said on the page so that a missing bar is
//! not read as a zero, nor a silence as a fact.

use std::sync::Arc;

use leptos::prelude::*;

use super::state::{use_app_state, use_page_copy};
use crate::i18n::strings;
use crate::model::Dataset;

/// Each thing looked for and not found, with what was found instead; nothing when the dataset
/// lists none.
#[component]
pub fn Unknowns(ds: Arc<Dataset>) -> impl IntoView {
    let state = use_app_state();
    let copy = use_page_copy();
    let s = move || strings(state.lang.get());
    (!ds.unknowns.is_empty()).then(|| {
        view! {
            <section id=copy.id("unknowns") class="panel unknowns" aria-labelledby=copy.id("unknowns-title")>
                <h2 id=copy.id("unknowns-title")>{move || s().unknowns_title}</h2>
                <p>{move || s().unknowns_intro}</p>
                <ul class="unknown-list">
                    {move || {
                        let lang = state.lang.get();
                        ds.unknowns
                            .iter()
                            .map(|u| {
                                view! {
                                    <li data-unknown-id=u.id.clone()>
                                        <strong>{u.topic.get(lang).to_string()}</strong>
                                        " — "
                                        {u.detail.get(lang).to_string()}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </section>
        }
    })
}
