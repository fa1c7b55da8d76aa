//! The stylesheet gives the first view the visually-impaired mode's look for each choice of its
//! settings bar, beside the app's. (The rules that follow the first view's own numbers are
//! written by the build: `prerender::first_view_css`.)

use perm_technoparks::contract::VI_SWITCH;
use perm_technoparks::vi::{ViScheme, ViSettings, ViSize};

#[test]
fn every_visually_impaired_choice_of_the_prerender_has_its_rule_beside_the_apps() {
    let css = std::fs::read_to_string("style.css").expect("style.css");
    let rule_naming = |app: &str, copy: &str| {
        css.lines()
            .any(|line| line.contains(app) && line.contains(copy))
    };
    // The mode itself, then each size and each scheme but the default (the mode's own colours).
    assert!(rule_naming(
        ".a11y, ",
        &format!(":has(#{VI_SWITCH}:checked)")
    ));
    let sizes = ViSize::ALL.map(|size| {
        let key = size.key();
        (format!(":has(.vi-size-{key})"), format!("size-{key}"))
    });
    let schemes = ViScheme::ALL
        .into_iter()
        .filter(|&scheme| scheme != ViSettings::default().scheme)
        .map(|scheme| {
            let key = scheme.key();
            (format!(".a11y.vi-scheme-{key}"), format!("scheme-{key}"))
        });
    for (app, choice) in sizes.into_iter().chain(schemes) {
        let copy = format!(":has(#{VI_SWITCH}-{choice}:checked)");
        assert!(rule_naming(&app, &copy), "no rule naming {app} and {copy}");
    }
}
