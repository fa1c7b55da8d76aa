//! What the reader sees while the data loads, and when it cannot be shown.

use leptos::prelude::*;

use super::load::LoadError;
use super::state::use_app_state;
use crate::contract::APP_STOPPED;
use crate::i18n::strings;
use crate::model::problem::fill;

/// A polite loading message in place of the views.
#[component]
pub fn Loading() -> impl IntoView {
    let state = use_app_state();
    view! {
        <p id="loading" class="loading" role="status">
            {move || strings(state.lang.get()).loading}
        </p>
    }
}

/// The note that `boot.js` reveals, not the app, if the app stops on an error of its own (a
/// trap): hidden until then, in the reader's language, with a Reload button that `boot.js`
/// wires (the app no longer runs). On the explorer and on the editors' check page.
#[component]
pub fn StoppedNote() -> impl IntoView {
    let state = use_app_state();
    let s = move || strings(state.lang.get());
    view! {
        <div id=APP_STOPPED class="panel load-error" role="alert" hidden>
            <p>{move || s().app_stopped}</p>
            <button type="button">{move || s().reload}</button>
        </div>
    }
}

/// Why the data is not shown, what to do, and a retry.
#[component]
pub fn LoadErrorView(error: LoadError, retry: impl Fn() + 'static) -> impl IntoView {
    let state = use_app_state();
    let s = move || strings(state.lang.get());
    let invalid = matches!(error, LoadError::Invalid(_));
    let error_for_detail = error.clone();
    view! {
        <section id="load-error" class="panel load-error" role="alert" aria-labelledby="load-error-title">
            <h2 id="load-error-title">
                {move || if invalid { s().invalid_title } else { s().load_failed }}
            </h2>
            // What to do, for the reader: a server's error is not the reader's network.
            <p>
                {move || match error {
                    LoadError::Invalid(_) => s().invalid_hint,
                    LoadError::Http(_) => s().http_failed_hint,
                    LoadError::Network(_) => s().load_failed_hint,
                }}
            </p>
            {move || match &error_for_detail {
                LoadError::Invalid(problems) => {
                    let items = problems
                        .iter()
                        .map(|p| view! { <li><code>{p.describe_for_reader(s())}</code></li> })
                        .collect_view();
                    view! {
                        <p class="error-list-intro">{s().invalid_details}</p>
                        <ol id="error-list" class="error-list">{items}</ol>
                    }
                    .into_any()
                }
                LoadError::Http(status) => {
                    view! { <p class="error-detail">{fill(s().http_status, &[status.to_string()])}</p> }
                        .into_any()
                }
                // The browser's own words ("TypeError: Failed to fetch") are in its language,
                // not the reader's: the reader gets a sentence, the console the detail.
                LoadError::Network(_) => {
                    view! { <p class="error-detail">{s().network_error}</p> }.into_any()
                }
            }}
            <button id="retry" type="button" on:click=move |_| retry()>
                {move || s().retry}
            </button>
        </section>
    }
}
