//! Build step (a Trunk `post_build` hook, release builds): writes the first view (the whole
//! page as the app draws it, holding the no-script summary) into the staged `index.html`, and
//! the same page with the embed's first view as `embed.html` (what embed snippets frame); the
//! rules that follow its numbers (`first-view.css`), the files its download links point to,
//! the plain table pages beside it, from the bundled dataset, and the editors' `check.html`
//! (the built page's head around the check page's root, `check::check_page`).
//! An invalid dataset fails the build with every problem listed.
//!
//! A build tool: natively only (the first view's rendering, `prerender`, is not in the WASM).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    build::main()
}

/// Nothing to do in the browser.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod build {
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use perm_technoparks::check::check_page;
    use perm_technoparks::contract::{CHECK_PAGE, FIRST_VIEW_CSS, FIRST_VIEW_MARK as MARK};
    use perm_technoparks::format::ReferenceTypography;
    use perm_technoparks::i18n::{strings, Lang};
    use perm_technoparks::model::load_dataset;
    use perm_technoparks::prerender::{
        first_view, first_view_css, lifecycle_images, static_files, Layout, CHARTS_DIR,
        DOWNLOADS_DIR,
    };
    use perm_technoparks::static_page::{
        noscript_summary, table_file, table_page, with_stylesheet,
    };
    use perm_technoparks::url::EMBED_PAGE;

    pub fn main() -> ExitCode {
        let dir = match std::env::var_os("TRUNK_STAGING_DIR").or_else(|| std::env::args_os().nth(1))
        {
            Some(dir) => PathBuf::from(dir),
            None => {
                eprintln!("usage: static-pages DIR (or TRUNK_STAGING_DIR set by Trunk)");
                return ExitCode::from(2);
            }
        };
        match run(&dir) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("static-pages: {message}");
                ExitCode::FAILURE
            }
        }
    }

    fn run(dir: &Path) -> Result<(), String> {
        let data_path = dir.join("data/technoparks.json");
        let bytes =
            std::fs::read(&data_path).map_err(|e| format!("{}: {e}", data_path.display()))?;
        let ds = load_dataset(&bytes).map_err(|problems| {
            let s = strings(Lang::En);
            let lines: Vec<String> = problems
                .iter()
                .map(|p| format!("{}:{}", data_path.display(), p.describe(s)))
                .collect();
            lines.join("\n")
        })?;
        for lang in Lang::ALL {
            let page = table_page(&ds, &ReferenceTypography { lang });
            write(&dir.join(table_file(lang)), &page)?;
        }
        let index_path = dir.join("index.html");
        let index = std::fs::read_to_string(&index_path)
            .map_err(|e| format!("{}: {e}", index_path.display()))?;
        if !index.contains(MARK) {
            return Err(format!("{} has no {MARK}", index_path.display()));
        }
        // The editors' check page: this page's head (the hashed JS, WASM and stylesheet)
        // around the check page's root, before the first view's stylesheet is linked.
        let check = check_page(&index, MARK)
            .ok_or_else(|| format!("{}: no title or head", index_path.display()))?;
        write(&dir.join(CHECK_PAGE), &check)?;
        let t = ReferenceTypography { lang: Lang::Ru };
        let downloads = dir.join(DOWNLOADS_DIR);
        std::fs::create_dir_all(&downloads).map_err(|e| format!("{}: {e}", downloads.display()))?;
        for (link, text) in static_files(&ds, &t) {
            write(&dir.join(&link.href), &text)?;
        }
        write(&dir.join(FIRST_VIEW_CSS), &first_view_css(&ds))?;
        let index = with_stylesheet(&index, FIRST_VIEW_CSS)
            .ok_or_else(|| format!("{}: no </head>", index_path.display()))?;
        let summary = noscript_summary(&ds, &t);
        for (layout, path) in [
            (Layout::Embed, dir.join(EMBED_PAGE)),
            (Layout::Page, index_path),
        ] {
            let view = first_view(&ds, &t, &summary, layout)
                .ok_or_else(|| format!("{}: no metric to draw", data_path.display()))?;
            // The mark stays after the view (an empty, inert `<template>`), so that the app's
            // root, appended to the body, does not follow the first view directly: in Chromium
            // an element added right after it restyles all of it, for the rules that read the
            // first view's visually-impaired switch with `:has()` (1 154 elements, 9 ms at
            // CPU ×1 when the app mounts).
            write(&path, &index.replace(MARK, &format!("{view}{MARK}")))?;
            // The lifecycle chart's drawings that the first view's <picture> chooses from.
            let (_, images) = lifecycle_images(&ds, &t, layout)
                .ok_or_else(|| format!("{}: the lifecycle chart", data_path.display()))?;
            let charts = dir.join(CHARTS_DIR);
            std::fs::create_dir_all(&charts).map_err(|e| format!("{}: {e}", charts.display()))?;
            for image in &images {
                for (file, text) in [&image.light, &image.dark] {
                    write(&dir.join(file), text)?;
                }
            }
        }
        Ok(())
    }

    fn write(path: &Path, text: &str) -> Result<(), String> {
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
    }
}
