//! Drawing a [`ChartSpec`] as SVG with plotters.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::spec::{Anchor, ChartSpec, Mark};

/// Why a chart could not be drawn.
#[derive(Debug, thiserror::Error)]
#[error("chart could not be drawn: {0}")]
pub struct RenderError(String);

/// What `render_svg` adds to the drawing's `<svg>` tag for the page: the figure around it
/// carries the text alternative, the drawing itself is decoration. (No `focusable="false"`:
/// only Internet Explorer put an SVG in the tab order; 89 B of the first view's brotli.)
pub const DECORATION: &str = " aria-hidden=\"true\"";

/// The namespace plotters writes on the `<svg>` tag. `render_svg` leaves it off: in the page
/// the HTML parser puts an `<svg>` in it (101 B of the first view's brotli); a file needs it,
/// and `export` writes it in the decoration's place.
pub const SVG_NAMESPACE: &str = " xmlns=\"http://www.w3.org/2000/svg\"";

/// The chart as an SVG document. Text is escaped by plotters: data never becomes markup.
pub fn render_svg(spec: &ChartSpec) -> Result<String, RenderError> {
    let mut svg = String::new();
    {
        let size = (spec.width.round() as u32, spec.height.round() as u32);
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        for mark in &spec.marks {
            draw(&root, mark).map_err(|e| RenderError(e.to_string()))?;
        }
        root.present().map_err(|e| RenderError(e.to_string()))?;
    }
    Ok(compact(&svg).replacen(SVG_NAMESPACE, "", 1).replacen(
        "<svg ",
        &format!("<svg{DECORATION} "),
        1,
    ))
}

/// plotters writes every default out and an element per line. Without them a drawing is a
/// sixth smaller, and the first view parses its 84 drawings sooner. The text plotters writes is
/// escaped (`&lt;`, `&quot;`), so these patterns only ever match its own markup, and SVG drops
/// a text's leading and trailing newline anyway.
fn compact(svg: &str) -> String {
    svg.replace(" opacity=\"1\"", "")
        .replace(" stroke=\"none\"", "")
        .replace(">\n", ">")
        .replace("\n<", "<")
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;
type DrawResult =
    Result<(), DrawingAreaErrorKind<<SVGBackend<'static> as DrawingBackend>::ErrorType>>;

fn draw(root: &Area, mark: &Mark) -> DrawResult {
    match mark {
        Mark::Rect { x, y, w, h, fill } => root.draw(&Rectangle::new(
            [(px(*x), px(*y)), (px(x + w), px(y + h))],
            color(fill).filled(),
        )),
        Mark::Line {
            points,
            stroke,
            width,
            dashed,
        } => {
            let style = color(stroke).stroke_width(width.round().max(1.0) as u32);
            let segments = if *dashed {
                dashes(points)
            } else {
                vec![points.clone()]
            };
            for segment in segments {
                let path: Vec<(i32, i32)> = segment.iter().map(|(x, y)| (px(*x), px(*y))).collect();
                root.draw(&PathElement::new(path, style))?;
            }
            Ok(())
        }
        Mark::Dot {
            cx,
            cy,
            r,
            color: c,
            hollow,
        } => {
            let center = (px(*cx), px(*cy));
            let radius = r.round() as i32;
            if *hollow {
                root.draw(&Circle::new(center, radius, WHITE.filled()))?;
                root.draw(&Circle::new(center, radius, color(c).stroke_width(2)))
            } else {
                root.draw(&Circle::new(center, radius, color(c).filled()))
            }
        }
        Mark::Text {
            x,
            y,
            text,
            anchor,
            size,
            color: c,
            bold,
        } => {
            let h = match anchor {
                Anchor::Start => HPos::Left,
                Anchor::Middle => HPos::Center,
                Anchor::End => HPos::Right,
            };
            let weight = if *bold {
                FontStyle::Bold
            } else {
                FontStyle::Normal
            };
            let style = ("sans-serif", *size * 1.24, weight)
                .into_font()
                .color(&color(c))
                .pos(Pos::new(h, VPos::Center));
            root.draw(&Text::new(text.clone(), (px(*x), px(*y)), style))
        }
    }
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

/// `#rrggbb` (validated in the dataset) to a plotters colour; anything else is grey.
fn color(hex: &str) -> RGBColor {
    let channel = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|c| u8::from_str_radix(c, 16).ok())
            .unwrap_or(128)
    };
    RGBColor(channel(1), channel(3), channel(5))
}

/// A two-point line cut into 6 px dashes with 5 px gaps.
fn dashes(points: &[(f64, f64)]) -> Vec<Vec<(f64, f64)>> {
    let (Some(&(x0, y0)), Some(&(x1, y1))) = (points.first(), points.last()) else {
        return Vec::new();
    };
    let length = ((x1 - x0).powi(2) + (y1 - y0).powi(2)).sqrt();
    let at = |d: f64| (x0 + (x1 - x0) * d / length, y0 + (y1 - y0) * d / length);
    let mut out = Vec::new();
    let mut d = 0.0;
    while d < length {
        out.push(vec![at(d), at((d + 6.0).min(length))]);
        d += 11.0;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::spec::Anchor;

    #[test]
    fn compacting_drops_plotters_defaults_never_the_text() {
        let hostile = " opacity=\"1\" stroke=\"none\">\n<b>x</b>\n";
        let spec = ChartSpec {
            width: 200.0,
            height: 40.0,
            marks: vec![
                Mark::Rect {
                    x: 0.0,
                    y: 0.0,
                    w: 10.0,
                    h: 10.0,
                    fill: "#1f5fa8".into(),
                },
                Mark::Text {
                    x: 20.0,
                    y: 20.0,
                    text: hostile.into(),
                    anchor: Anchor::Start,
                    size: 16.0,
                    color: "#1b1f24".into(),
                    bold: false,
                },
            ],
            data: Vec::new(),
            alt: String::new(),
        };
        let svg = render_svg(&spec).expect("drawn");
        assert!(!svg.contains(" opacity=\"1\""), "{svg}");
        assert!(!svg.contains(" stroke=\"none\""), "{svg}");
        assert!(
            svg.contains("\"/><text"),
            "one element after another: {svg}"
        );
        // The text is all there, escaped, its own newlines kept.
        assert!(
            svg.contains(
                " opacity=&quot;1&quot; stroke=&quot;none&quot;&gt;\n&lt;b&gt;x&lt;/b&gt;"
            ),
            "{svg}"
        );
        assert!(svg.contains("<rect x=\"0\" y=\"0\" width=\"10\" height=\"10\" fill=\"#1F5FA8\"/>"));
    }
}
