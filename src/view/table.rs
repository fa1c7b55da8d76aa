//! A table in a box that scrolls sideways on a narrow screen rather than widen the page
//! (`.table-scroll` in style.css). The box takes the focus, so that the keyboard can scroll it,
//! and the table's caption names it for screen readers.

use leptos::prelude::*;

/// The box and the table around `contents`, its head and body. A function, not a component:
/// as a component with `Children` it cost 1.2 KB of brotli'd WASM more.
pub fn scroll_table(caption: String, id: Option<String>, contents: impl IntoView) -> impl IntoView {
    let label = caption.clone();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            <table id=id class="values-table">
                <caption>{caption}</caption>
                {contents}
            </table>
        </div>
    }
}
