//! Living in a host page: reporting the content height to the parent frame, and the dialog
//! that writes the embed snippets.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::state::{current_url_state, use_app_state};
use crate::contract::EMBED_OPEN;
use crate::i18n::strings;
use crate::i18n::Lang;
use crate::url::{
    embed_page_url, embed_snippets, full_page_path, EmbedLook, OddChoice, EMBED_THEMES,
};
use crate::view::ActionButton;

/// The message `embed.js` accepts: `{type: "technoparks:height", height: <px>}`.
const HEIGHT_MESSAGE: &str = "technoparks:height";

/// When framed, posts the document's height to the parent on every size change, and nothing
/// else. The parent (`embed.js`) checks the sender window and origin and clamps the value.
pub fn report_height_when_framed() {
    let win = window();
    let Ok(Some(parent)) = win.parent() else {
        return;
    };
    if parent == win {
        return;
    }
    let post = move || {
        // The content's own height: the root's scrollHeight never drops below the frame's
        // height, so a frame could grow but never shrink.
        let height = document()
            .body()
            .map(|body| body.get_bounding_client_rect().height().ceil())
            .unwrap_or_default();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from(height));
        // The height is not a secret; the host's origin is not known in advance.
        let _ = parent.post_message(&message, "*");
    };
    post();
    let callback = Closure::<dyn FnMut()>::new(post);
    if let (Ok(observer), Some(body)) = (
        web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()),
        document().body(),
    ) {
        observer.observe(&body);
        // The observer lives as long as the page.
        std::mem::forget(observer);
    }
    callback.forget();
}

/// The "open full explorer" link shown in embed mode: this view, without `embed=1`.
#[component]
pub fn OpenFull() -> impl IntoView {
    let state = use_app_state();
    let href = move || {
        let mut url = current_url_state(&state);
        url.display.embed = false;
        let path = window().location().pathname().unwrap_or_default();
        format!("{}{}", full_page_path(&path), url.to_query())
    };
    view! {
        <a class="open-full" href=href target="_blank" rel="noopener">
            {move || strings(state.lang.get()).open_full}
            // The arrow is a picture («стрелка вверх вправо» read aloud); the words say it.
            <span aria-hidden="true">" ↗"</span>
            <span class="visually-hidden">" " {move || strings(state.lang.get()).new_tab}</span>
        </a>
    }
}

/// A button that opens a dialog with both embed snippets for the current view, in the theme
/// and language chosen there (`url::EmbedLook`), and a preview on demand: the framed page
/// itself, framed only while the dialog and its disclosure are open. The dialog is built at
/// its first opening, not at the app's start (its controls were 17 ms of a 70 ms start-up
/// task at CPU ×4; bench/LOG.md, stop 38), and its snippets are written only while it is open.
#[component]
pub fn EmbedDialog() -> impl IntoView {
    let state = use_app_state();
    let s = move || strings(state.lang.get());
    let dialog = NodeRef::<html::Dialog>::new();
    let look = RwSignal::new(EmbedLook::default());
    let shown = RwSignal::new(false);
    let previewing = RwSignal::new(false);
    let page = move || {
        let location = window().location();
        format!(
            "{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default()
        )
    };
    let embedded = move || look.get().apply(&current_url_state(&state));
    let snippets = move || {
        if !shown.get() {
            return (String::new(), String::new());
        }
        let look = look.get();
        embed_snippets(&page(), &embedded(), strings(look.lang).app_title)
    };
    let built = RwSignal::new(false);
    // The first opening shows the dialog once it is in the page. (Not `NodeRef::on_load`: it
    // panics if the reference is set again.)
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            if shown.get_untracked() && !d.open() {
                let _ = d.show_modal();
            }
        }
    });
    let open = Callback::new(move |()| {
        // The page as it is now: the reader's theme and language.
        look.set(EmbedLook::of(&current_url_state(&state)));
        shown.set(true);
        built.set(true);
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
    });
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    // A radio's value as a choice; its values are ours, but an odd one is said, not obeyed.
    let choose = move |choice: Result<EmbedLook, OddChoice>| match choice {
        Ok(chosen) => look.set(chosen),
        Err(odd) => leptos::logging::warn!("{odd}"),
    };
    let contents = move || {
        let themes = EMBED_THEMES
            .into_iter()
            .map(|key| {
                view! {
                    <label class="vi-choice">
                        <input
                            type="radio"
                            name="embed-theme"
                            value=key
                            prop:checked=move || look.get().theme_key() == key
                            on:change=move |ev| choose(look.get_untracked().with_theme(&event_target_value(&ev)))
                        />
                        {move || s().embed_themes.get(key).copied().unwrap_or(key)}
                    </label>
                }
            })
            .collect_view();
        let langs = Lang::ALL
            .into_iter()
            .map(|lang| {
                view! {
                    // Each language named in itself (the other language's switch says it).
                    <label class="vi-choice" lang=lang.code()>
                        <input
                            type="radio"
                            name="embed-lang"
                            value=lang.code()
                            prop:checked=move || look.get().lang == lang
                            on:change=move |ev| choose(look.get_untracked().with_lang(&event_target_value(&ev)))
                        />
                        {strings(lang.other()).switch_lang}
                    </label>
                }
            })
            .collect_view();
        view! {
            <dialog id="embed-dialog" node_ref=dialog aria-labelledby="embed-title" on:close=move |_| shown.set(false)>
                <h2 id="embed-title">{move || s().embed_title}</h2>
                <p>{move || s().embed_intro}</p>
                <fieldset class="embed-look">
                    <legend>{move || s().embed_theme}</legend>
                    {themes}
                </fieldset>
                <fieldset class="embed-look">
                    <legend>{move || s().embed_lang}</legend>
                    {langs}
                </fieldset>
                <Snippet id="embed-script" label=Signal::derive(move || s().embed_script_label.to_string()) text=Signal::derive(move || snippets().1)/>
                <Snippet id="embed-iframe" label=Signal::derive(move || s().embed_iframe_label.to_string()) text=Signal::derive(move || snippets().0)/>
                // The framed page on demand: a second explorer's download, and no request left
                // half-done by a dialog closed at once.
                <details
                    class="embed-preview-fold"
                    on:toggle=move |ev| previewing.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())
                >
                    <summary>{move || s().embed_preview}</summary>
                    {move || (shown.get() && previewing.get()).then(|| view! {
                        // A picture of the embed, not a second explorer: inert, so that Tab and Esc
                        // stay with the dialog (a framed page would keep Esc to itself).
                        <iframe
                            id="embed-preview"
                            class="embed-preview"
                            inert=true
                            src=move || embed_page_url(&page(), &embedded())
                            title=move || strings(look.get().lang).app_title
                        ></iframe>
                    })}
                </details>
                <button type="button" class="close" on:click=close>{move || s().close}</button>
            </dialog>
        }
    };
    view! {
        <ActionButton id=EMBED_OPEN label=Signal::derive(move || s().embed_open.to_string()) on_click=open/>
        {move || built.get().then(contents)}
    }
}

/// A read-only snippet with its label and a copy button.
#[component]
fn Snippet(id: &'static str, label: Signal<String>, text: Signal<String>) -> impl IntoView {
    let state = use_app_state();
    let copied = RwSignal::new(false);
    let copy = move |_| {
        copy_to_clipboard(&text.get_untracked());
        copied.set(true);
    };
    view! {
        <div class="snippet">
            <label for=id id=format!("{id}-label")>{label}</label>
            <textarea id=id readonly rows="4" prop:value=text></textarea>
            // Two «Скопировать код» buttons: each is described by its snippet's label.
            <button type="button" on:click=copy aria-describedby=format!("{id}-label")>
                {move || {
                    let s = strings(state.lang.get());
                    if copied.get() { s.copied } else { s.copy }
                }}
            </button>
        </div>
    }
}

/// `navigator.clipboard.writeText(text)`; where the browser refuses, the text stays selectable.
pub(crate) fn copy_to_clipboard(text: &str) {
    let navigator = window().navigator();
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &"clipboard".into()) else {
        return;
    };
    let Ok(write) = js_sys::Reflect::get(&clipboard, &"writeText".into()) else {
        return;
    };
    if let Some(write) = write.dyn_ref::<js_sys::Function>() {
        let _ = write.call1(&clipboard, &text.into());
    }
}
