//! The names that the build, the app, `public/boot.js` and `style.css` share: ids, the
//! first view's prefix, data attributes and the storage key. Each is written here once; the
//! build writes what `boot.js` needs into the page as attributes (`data-*` on the first view's
//! root), and the rules that mirror constants are written by the build into a stylesheet.

/// The first view's root element (`prerender::first_view`); `boot.js` finds it by this id.
pub const FIRST_VIEW_ROOT: &str = "prerender";

/// The prefix of every id in the first view. It shares the document with the app until the
/// take-over, so where the app's element is `x`, the first view's is `pre-x`
/// (`view::PageCopy::id`), and the take-over finds an element's counterpart by dropping it.
pub const FIRST_VIEW_ID_PREFIX: &str = "pre-";

/// The first view's table switch: one checkbox before the metrics' views, which each carry a
/// `<label>` for it in their toolbar, so the choice holds across metrics as the app's does.
pub const TABLE_SWITCH: &str = "pre-table";

/// The first view's visually-impaired mode switch, a checkbox in the header. Its settings bar
/// (sizes `{VI_SWITCH}-size-{key}`, schemes `{VI_SWITCH}-scheme-{key}`, `{VI_SWITCH}-images`)
/// is the app's `ui::vi::ViPanel`, shown while it is checked.
pub const VI_SWITCH: &str = "pre-vi";

/// Where the visually-impaired mode's choice is kept between visits (`vi::ViSettings`'s
/// storage string); the build writes it on the first view's root for `boot.js`
/// (`data-vi-key`).
pub const VI_STORAGE_KEY: &str = "technoparks.vi";

/// The comparison's metric select (the first view's is `pre-metric-select`).
pub const METRIC_SELECT: &str = "metric-select";

/// The stylesheet the build writes beside the page: the first view's rules that follow its own
/// numbers (`prerender::first_view_css`), linked from the page's head.
pub const FIRST_VIEW_CSS: &str = "first-view.css";

/// The app's root element.
pub const APP_ROOT: &str = "app";

/// The app's main region, where the focus goes when the copy's control has no counterpart.
pub const MAIN: &str = "main";

/// The id the first view gives the element that the app calls `name`.
pub fn first_view_id(name: &str) -> String {
    format!("{FIRST_VIEW_ID_PREFIX}{name}")
}
