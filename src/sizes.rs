//! The table of sizes: the page's layout numbers (paddings, borders, the widest content, the
//! grid's gap and fractions, the breakpoints), written once in `style.css` and read from it
//! here, at build time, so that the first view's drawings are as wide as the app's charts are
//! shown (`prerender::chart_width_at`). The lengths are the custom properties of style.css's
//! first `:root` rule, which its rules use; the breakpoints are the `@media` rules that use
//! two of them.

/// The stylesheet the table is read from.
pub const STYLE: &str = include_str!("../style.css");

/// The layout's numbers, in CSS pixels (fractions for the grid's columns).
#[derive(Debug, Clone, PartialEq)]
pub struct Sizes {
    /// The page's side padding: wide, up to `narrow_max`, in the embed.
    pub pad: f64,
    pub pad_narrow: f64,
    pub embed_pad: f64,
    /// A panel's padding, wide and narrow, and its border.
    pub panel_pad: f64,
    pub panel_pad_narrow: f64,
    pub border: f64,
    /// The widest the page's content gets.
    pub max: f64,
    /// The gap between the comparison and the timeline.
    pub gap: f64,
    /// The grid's fractions from `columns_from`: the comparison's and the timeline's.
    pub compare_fr: f64,
    pub timeline_fr: f64,
    /// The widest viewport with the narrow paddings (`@media (max-width: …)`).
    pub narrow_max: f64,
    /// The narrowest viewport with two columns (`@media (min-width: …)`).
    pub columns_from: f64,
}

impl Sizes {
    /// The table as `style.css` holds it.
    pub fn of_style() -> Result<Self, String> {
        Self::read(STYLE)
    }

    /// Reads the table from a stylesheet; names what is missing or malformed.
    pub fn read(css: &str) -> Result<Self, String> {
        let root = root_rule(css).ok_or("no `:root { … }` rule")?;
        let px = |name: &str| length(property(root, name)?, "px", name);
        let columns = property(root, "--columns")?;
        let fractions: Vec<f64> = columns
            .split_whitespace()
            .filter_map(|part| part.trim_end_matches(')').strip_suffix("fr"))
            .map(|n| {
                n.parse::<f64>()
                    .map_err(|_| format!("--columns: `{columns}`"))
            })
            .collect::<Result<_, _>>()?;
        let [compare_fr, timeline_fr] = fractions[..] else {
            return Err(format!("--columns: two fractions expected in `{columns}`"));
        };
        Ok(Sizes {
            pad: px("--pad")?,
            pad_narrow: px("--pad-narrow")?,
            embed_pad: px("--embed-pad")?,
            panel_pad: px("--panel-pad")?,
            panel_pad_narrow: px("--panel-pad-narrow")?,
            border: px("--border")?,
            max: px("--max")?,
            gap: px("--gap")?,
            compare_fr,
            timeline_fr,
            narrow_max: breakpoint(css, "var(--pad-narrow)", "max-width")?,
            columns_from: breakpoint(css, "var(--columns)", "min-width")?,
        })
    }
}

/// The body of the first `:root { … }` rule.
fn root_rule(css: &str) -> Option<&str> {
    let start = css.find(":root {")? + ":root {".len();
    let end = start + css[start..].find('}')?;
    Some(&css[start..end])
}

/// A custom property's value in a rule's body.
fn property<'a>(body: &'a str, name: &str) -> Result<&'a str, String> {
    let key = format!("{name}:");
    let start = body.find(&key).ok_or(format!("no `{name}` in `:root`"))? + key.len();
    let end = start
        + body[start..]
            .find(';')
            .ok_or(format!("`{name}` has no `;`"))?;
    Ok(body[start..end].trim())
}

/// A number with its unit (`16px`).
fn length(value: &str, unit: &str, name: &str) -> Result<f64, String> {
    value
        .strip_suffix(unit)
        .and_then(|n| n.parse().ok())
        .ok_or(format!("{name}: `{value}` is not a length in {unit}"))
}

/// The width in the `@media (feature: Npx)` rule around the first use of `used`.
fn breakpoint(css: &str, used: &str, feature: &str) -> Result<f64, String> {
    let at = css.find(used).ok_or(format!("`{used}` is used nowhere"))?;
    let media = css[..at]
        .rfind("@media")
        .ok_or(format!("`{used}` is not in an @media rule"))?;
    let query = &css[media..at];
    let key = format!("({feature}:");
    let start = query
        .find(&key)
        .ok_or(format!("the @media rule around `{used}` has no {feature}"))?
        + key.len();
    let end = start + query[start..].find(')').unwrap_or(0);
    length(query[start..end].trim(), "px", feature)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn style_css_holds_the_table() {
        let sizes = Sizes::of_style().expect("style.css holds the table of sizes");
        assert!(sizes.narrow_max < sizes.columns_from, "{sizes:?}");
        assert!(sizes.pad_narrow <= sizes.pad && sizes.panel_pad_narrow <= sizes.panel_pad);
        assert!(sizes.compare_fr > 0.0 && sizes.timeline_fr > 0.0);
    }

    #[test]
    fn reads_each_number_where_it_is_written() {
        let css =
            ":root {\n  --ink: #000;\n  --pad: 20px; --pad-narrow: 9px; --embed-pad: 7px;\n  \
            --panel-pad: 15px; --panel-pad-narrow: 11px; --border: 2px; --max: 1200px;\n  \
            --gap: 12px; --columns: minmax(0, 1.5fr) minmax(0, 1fr);\n}\n\
            .x { padding: var(--pad); }\n\
            @media (max-width: 500px) { .app-root { padding: 0 var(--pad-narrow); } }\n\
            @media (min-width: 900px) { .explorer { grid-template-columns: var(--columns); } }\n";
        let sizes = Sizes::read(css).expect("a table");
        assert_eq!(
            sizes,
            Sizes {
                pad: 20.0,
                pad_narrow: 9.0,
                embed_pad: 7.0,
                panel_pad: 15.0,
                panel_pad_narrow: 11.0,
                border: 2.0,
                max: 1200.0,
                gap: 12.0,
                compare_fr: 1.5,
                timeline_fr: 1.0,
                narrow_max: 500.0,
                columns_from: 900.0,
            }
        );
    }

    #[test]
    fn says_what_is_missing_or_malformed() {
        let root = ":root { --pad: 16px; --pad-narrow: 10px; --embed-pad: 8px; --panel-pad: 16px; \
            --panel-pad-narrow: 12px; --border: 1px; --max: 1320px; --gap: 16px; \
            --columns: minmax(0, 1.1fr) minmax(0, 1fr); }";
        let media = "@media (max-width: 480px) { a { padding: var(--pad-narrow); } }\
            @media (min-width: 1000px) { b { grid-template-columns: var(--columns); } }";
        assert!(Sizes::read(&format!("{root}{media}")).is_ok());
        let cases = [
            (root.replace("--gap: 16px;", ""), "no `--gap`"),
            (
                root.replace("--max: 1320px", "--max: 82rem"),
                "--max: `82rem`",
            ),
            (root.replace(" minmax(0, 1fr)", ""), "two fractions"),
        ];
        for (root, expected) in cases {
            let error = Sizes::read(&format!("{root}{media}")).expect_err(expected);
            assert!(error.contains(expected), "{error}");
        }
        let error =
            Sizes::read(&format!("{root}b {{ x: var(--columns) }}")).expect_err("no breakpoints");
        assert!(error.contains("var(--pad-narrow)"), "{error}");
        assert!(Sizes::read(".a { }").is_err());
    }
}
