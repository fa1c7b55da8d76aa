//! The visually-impaired mode's switch and its settings bar.

use leptos::prelude::*;

use super::state::use_app_state;
use crate::i18n::strings;
use crate::model::problem::fill;
use crate::vi::{ViScheme, ViSize};

/// Turns the mode on or off; always in the header, as Russian public sites place it.
#[component]
pub fn ViToggle() -> impl IntoView {
    let state = use_app_state();
    let s = move || strings(state.lang.get());
    let on = move || state.vi.get().on;
    view! {
        <button
            id="a11y-toggle"
            type="button"
            class="secondary"
            on:click=move |_| state.vi.update(|v| v.on = !v.on)
        >
            <svg class="icon" width="20" height="14" viewBox="0 0 20 14" aria-hidden="true">
                <ellipse cx="10" cy="7" rx="9" ry="6" fill="none" stroke="currentColor" stroke-width="2"></ellipse>
                <circle cx="10" cy="7" r="3" fill="currentColor"></circle>
            </svg>
            // The usual label that names the other version; no aria-pressed, which would
            // read «Обычная версия, нажата» while the mode is on.
            {move || if on() { s().vi_off } else { s().vi_on }}
        </button>
    }
}

/// Size, colours and charts-as-tables, shown while the mode is on.
#[component]
pub fn ViPanel() -> impl IntoView {
    let state = use_app_state();
    let s = move || strings(state.lang.get());
    move || {
        state.vi.get().on.then(|| {
            let sizes = ViSize::ALL
                .into_iter()
                .map(|size| {
                    view! {
                        <label class="vi-choice">
                            <input
                                type="radio"
                                name="vi-size"
                                value=size.key()
                                prop:checked=move || state.vi.get().size == size
                                on:change=move |_| state.vi.update(|v| v.size = size)
                            />
                            {move || fill(s().vi_size_value, &[size.key().to_string()])}
                        </label>
                    }
                })
                .collect_view();
            let schemes = ViScheme::ALL
                .into_iter()
                .map(|scheme| {
                    view! {
                        <label class=format!("vi-choice vi-sample-{}", scheme.key())>
                            <input
                                type="radio"
                                name="vi-scheme"
                                value=scheme.key()
                                prop:checked=move || state.vi.get().scheme == scheme
                                on:change=move |_| state.vi.update(|v| v.scheme = scheme)
                            />
                            {move || s().vi_schemes.get(scheme.key()).cloned().unwrap_or_default()}
                        </label>
                    }
                })
                .collect_view();
            view! {
                <section id="a11y-panel" class="vi-panel" aria-label=move || s().vi_settings>
                    <fieldset>
                        <legend>{move || s().vi_size}</legend>
                        {sizes}
                    </fieldset>
                    <fieldset>
                        <legend>{move || s().vi_scheme}</legend>
                        {schemes}
                    </fieldset>
                    <label class="vi-choice">
                        <input
                            type="checkbox"
                            id="vi-images"
                            prop:checked=move || state.vi.get().images_off
                            on:change=move |_| state.vi.update(|v| v.images_off = !v.images_off)
                        />
                        {move || s().vi_images}
                    </label>
                </section>
            }
        })
    }
}
