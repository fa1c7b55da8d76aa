//! The page's header and the visually-impaired mode's settings bar, as both copies draw them.
//! The first view's visually-impaired switch and settings work with no script (a checkbox and
//! radios: `style.css` gives the copy the mode's look); its other buttons wait for the app.

use leptos::prelude::*;

use super::state::{use_app_state, use_page_copy};
use crate::contract::VI;
use crate::i18n::strings;
use crate::model::problem::fill;
use crate::vi::{ViChoice, ViScheme, ViSize};

/// Title, subtitle and the actions: `children` (the full page's Share menu, which an embed
/// has not), the language switch and the visually-impaired mode's switch.
#[component]
pub fn SiteHeader<C: IntoView + 'static>(children: TypedChildren<C>) -> impl IntoView {
    // Typed, not `Children`: a type-erased view carries code for every way to render it.
    let children = children.into_inner();
    let state = use_app_state();
    let s = move || strings(state.lang.get());
    view! {
        <header class="site-header">
            <div>
                <h1>{move || s().app_title}</h1>
                <p class="subtitle">{move || s().app_subtitle}</p>
            </div>
            // The visually-impaired switch last: its settings bar follows it, in the Tab order too.
            <div class="header-actions">
                {children()}
                <LangSwitch/>
                <ViSwitch/>
            </div>
        </header>
    }
}

/// A header button: the app's, or the first view's waiting for it (disabled; `style.css`
/// dims it).
#[component]
pub fn ActionButton(
    /// The app's id (the first view's is `pre-{id}`).
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] title: Option<Signal<String>>,
    #[prop(optional)] on_click: Option<Callback<()>>,
) -> impl IntoView {
    let copy = use_page_copy();
    view! {
        <button
            id=copy.id(id)
            type="button"
            class="secondary"
            title=move || title.map(|t| t.get())
            disabled=copy.waits()
            on:click=move |_| {
                if let Some(f) = on_click {
                    f.run(());
                }
            }
        >
            {label}
        </button>
    }
}

/// Turns the mode on or off; always in the header, as Russian public sites place it. A
/// checkbox, named for the mode whatever its state, with a label drawn as a button that says
/// what it turns to (`style.css` picks the words from the checkbox), so that it works in the
/// first view with no script.
#[component]
fn ViSwitch() -> impl IntoView {
    let state = use_app_state();
    let copy = use_page_copy();
    let s = move || strings(state.lang.get());
    let id = copy.id(VI);
    view! {
        <input
            type="checkbox"
            id=id.clone()
            class="visually-hidden vi-switch"
            data-vi=ViChoice::On.storage_pair()
            aria-label=move || s().vi_on
            checked=state.vi.get_untracked().on
            prop:checked=move || state.vi.get().on
            on:change=move |ev| {
                let on = event_target_checked(&ev);
                state.vi.update(|v| v.on = on);
            }
        />
        <label for=id class="button secondary vi-button">
            <svg class="icon" width="20" height="14" viewBox="0 0 20 14" aria-hidden="true">
                <ellipse cx="10" cy="7" rx="9" ry="6" fill="none" stroke="currentColor" stroke-width="2"></ellipse>
                <circle cx="10" cy="7" r="3" fill="currentColor"></circle>
            </svg>
            <span class="vi-turn-on">{move || s().vi_on}</span>
            <span class="vi-turn-off">{move || s().vi_off}</span>
        </label>
    }
}

/// Switches the interface and data language; labelled in the language it switches to.
#[component]
fn LangSwitch() -> impl IntoView {
    let state = use_app_state();
    let copy = use_page_copy();
    let other = move || state.lang.get().other();
    view! {
        <button
            id=copy.id("lang-toggle")
            type="button"
            class="lang-toggle"
            lang=move || other().code()
            aria-label=move || strings(state.lang.get()).switch_lang_label
            disabled=copy.waits()
            on:click=move |_| state.lang.set(other())
        >
            {move || strings(state.lang.get()).switch_lang}
        </button>
    }
}

/// Size, colours and charts-as-tables. The app's is drawn while the mode is on; the first
/// view's always, shown while its switch is checked (`style.css`).
#[component]
pub fn ViPanel() -> impl IntoView {
    let state = use_app_state();
    let copy = use_page_copy();
    let s = move || strings(state.lang.get());
    let group = move |name: &str| copy.id(&format!("{VI}-{name}"));
    move || {
        (copy.waits() || state.vi.get().on).then(|| {
            let initial = state.vi.get_untracked();
            let sizes = ViSize::ALL
                .into_iter()
                .map(|size| {
                    view! {
                        <label class="vi-choice">
                            <input
                                type="radio"
                                name=group("size")
                                id=group(&format!("size-{}", size.key()))
                                value=size.key()
                                data-vi=ViChoice::Size(size).storage_pair()
                                checked=initial.size == size
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
                                name=group("scheme")
                                id=group(&format!("scheme-{}", scheme.key()))
                                value=scheme.key()
                                data-vi=ViChoice::Scheme(scheme).storage_pair()
                                checked=initial.scheme == scheme
                                prop:checked=move || state.vi.get().scheme == scheme
                                on:change=move |_| state.vi.update(|v| v.scheme = scheme)
                            />
                            {move || s().vi_schemes.of(scheme.key())}
                        </label>
                    }
                })
                .collect_view();
            view! {
                <section id=copy.id("a11y-panel") class="vi-panel" aria-label=move || s().vi_settings>
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
                            id=group("images")
                            data-vi=ViChoice::ImagesOff.storage_pair()
                            checked=initial.images_off
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
