//! What of the page's link the explorer could not apply (`url::SetAside`): read with the URL
//! at start (`state::provide_app_state`), more once the dataset is in (ids it lacks, years
//! outside its timeline), and said above the explorer, in the reader's language, until the
//! reader closes the notice. The view is shown without those pairs, and the address is written
//! again without them.

use std::sync::Arc;

use leptos::prelude::*;

use super::dom::focus_first;
use super::state::{current_url_state, AppState};
use crate::contract::MAIN;
use crate::i18n::strings;
use crate::model::Dataset;
use crate::url::{Known, SetAside};

/// Drawn when the dataset is in, before the explorer: first sets aside what `ds` cannot show
/// of the reader's state (each then at its default), then lists each pair set aside and why.
/// Closed, the focus goes to the main region.
#[component]
pub fn LinkNotice(
    state: AppState,
    ds: Arc<Dataset>,
    set_aside: RwSignal<Vec<SetAside>>,
) -> impl IntoView {
    let mut url = untrack(|| current_url_state(&state));
    let unknown = url.fit(&Known::of(&ds));
    if !unknown.is_empty() {
        state.metric.set(url.metric);
        state.filter.set(url.filter);
        state.event.set(url.event);
        set_aside.update(|pairs| pairs.extend(unknown));
    }
    move || {
        let lang = state.lang.get();
        let s = strings(lang);
        set_aside.with(|pairs| {
            (!pairs.is_empty()).then(|| {
                let items = pairs
                    .iter()
                    // The pair as plain text: a `<code>` would shrink it to the browser's
                    // monospace size, below the visually-impaired mode's.
                    .map(|odd| view! { <li>{odd.pair()}" — "{odd.reason(lang)}</li> })
                    .collect_view();
                let close = move |_| {
                    set_aside.set(Vec::new());
                    focus_first(&format!("#{MAIN}"));
                };
                view! {
                    <div id="link-notice" class="panel" role="status">
                        <p class="inferred">{s.link_set_aside}</p>
                        <ul>{items}</ul>
                        <button type="button" on:click=close>{s.link_close}</button>
                    </div>
                }
            })
        })
    }
}
