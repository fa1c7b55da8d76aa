//! Chart specifications: marks already placed in pixels, and the text that says what they show.
//!
//! Builders take labelled, formatted inputs and know nothing of the dataset or the browser.

use super::scale::{nice_ticks, Linear};

/// Horizontal text alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// One drawn thing, in pixels.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: String,
    },
    Line {
        points: Vec<(f64, f64)>,
        stroke: String,
        width: f64,
        dashed: bool,
    },
    /// A dot; `hollow` ones (inferred values) are outlined only.
    Dot {
        cx: f64,
        cy: f64,
        r: f64,
        color: String,
        hollow: bool,
    },
    /// `y` is the text's vertical centre.
    Text {
        x: f64,
        y: f64,
        text: String,
        anchor: Anchor,
        size: f64,
        color: String,
        bold: bool,
    },
}

impl Mark {
    /// The mark `dy` lower (higher for a negative `dy`).
    pub fn moved_down(self, dy: f64) -> Mark {
        match self {
            Mark::Rect { x, y, w, h, fill } => Mark::Rect {
                x,
                y: y + dy,
                w,
                h,
                fill,
            },
            Mark::Line {
                points,
                stroke,
                width,
                dashed,
            } => Mark::Line {
                points: points.into_iter().map(|(x, y)| (x, y + dy)).collect(),
                stroke,
                width,
                dashed,
            },
            Mark::Dot {
                cx,
                cy,
                r,
                color,
                hollow,
            } => Mark::Dot {
                cx,
                cy: cy + dy,
                r,
                color,
                hollow,
            },
            Mark::Text {
                x,
                y,
                text,
                anchor,
                size,
                color,
                bold,
            } => Mark::Text {
                x,
                y: y + dy,
                text,
                anchor,
                size,
                color,
                bold,
            },
        }
    }
}

/// A datum the reader can point at: its box and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct Datum {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub park: String,
    /// Which of the park's values (oldest first) the datum shows.
    pub value: usize,
    /// The event a mark of the lifecycle chart stands for.
    pub event: Option<String>,
    /// The events of a lifecycle lane's year, where the lane counts them by year.
    pub year: Option<YearCount>,
    pub label: String,
}

/// A lane's events in one year, counted: what a lifecycle lane draws for each year when its
/// events would need more than `MAX_ROWS` rows of marks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YearCount {
    pub level: crate::model::Level,
    pub year: i32,
    pub count: usize,
}

/// A chart ready to render: size, marks in drawing order, data boxes, and a text alternative.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    pub width: f64,
    pub height: f64,
    pub marks: Vec<Mark>,
    pub data: Vec<Datum>,
    pub alt: String,
}

/// One park's row of a bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    pub park: String,
    pub label: String,
    pub color: String,
    /// `None`: no data, drawn as words, never as a zero bar.
    pub value: Option<f64>,
    /// The value typeset, or the "no data" words.
    pub value_text: String,
    /// An inferred value: drawn lighter.
    pub inferred: bool,
}

/// One park's line of a series chart.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesLine {
    pub park: String,
    pub label: String,
    pub color: String,
    pub points: Vec<SeriesPoint>,
    /// Shown in the legend when the park has no points.
    pub empty_text: String,
}

/// One value of a series.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesPoint {
    pub year: i32,
    pub value: f64,
    /// What the label beside the dot says.
    pub text: String,
    /// The full description for the reader (`2021: 2-е место`).
    pub label: String,
    pub inferred: bool,
}

const INK: &str = "#1b1f24";
const MUTED: &str = "#59636e";
const GRID: &str = "#d8dde3";
/// Chart text uses the page's type scale (style.css): 1rem and 0.875rem at the root's 16 px.
const FONT: f64 = 16.0;
pub(crate) const SMALL: f64 = 14.0;

/// Rough text width for layout; the browser draws the text, this only keeps room for it.
fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.56
}

/// Horizontal bars, one row per park: name above, bar, value at its end (direct labels).
pub fn bar_chart(rows: &[BarRow], width: f64, alt: String) -> ChartSpec {
    let width = width.max(240.0);
    let (left, right) = (4.0, 8.0);
    // Bars thick enough to read at a glance and to tap (32 px, WCAG's 24 and more).
    let row_h = 66.0;
    let bar_h = 32.0;
    let max = rows.iter().filter_map(|r| r.value).fold(0.0_f64, f64::max);
    let label_room = rows
        .iter()
        .map(|r| text_width(&r.value_text, FONT) + 10.0)
        .fold(0.0_f64, f64::max);
    let x = Linear {
        domain: (0.0, if max > 0.0 { max } else { 1.0 }),
        range: (left, (width - right - label_room).max(left + 40.0)),
    };
    let mut marks = Vec::new();
    let mut data = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let top = 8.0 + i as f64 * row_h;
        marks.push(Mark::Text {
            x: left,
            y: top + 9.0,
            text: row.label.clone(),
            anchor: Anchor::Start,
            size: FONT,
            color: INK.into(),
            bold: true,
        });
        let bar_y = top + 22.0;
        match row.value {
            Some(v) => {
                let end = x.map(v).max(left + 2.0);
                marks.push(Mark::Rect {
                    x: left,
                    y: bar_y,
                    w: end - left,
                    h: bar_h,
                    fill: if row.inferred {
                        lighten(&row.color)
                    } else {
                        row.color.clone()
                    },
                });
                marks.push(Mark::Text {
                    x: end + 6.0,
                    y: bar_y + bar_h / 2.0,
                    text: row.value_text.clone(),
                    anchor: Anchor::Start,
                    size: FONT,
                    color: INK.into(),
                    bold: false,
                });
                data.push(Datum {
                    x: left,
                    y: bar_y,
                    w: end - left,
                    h: bar_h,
                    park: row.park.clone(),
                    value: 0,
                    event: None,
                    year: None,
                    label: format!("{}: {}", row.label, row.value_text),
                });
            }
            None => marks.push(Mark::Text {
                x: left,
                y: bar_y + bar_h / 2.0,
                text: row.value_text.clone(),
                anchor: Anchor::Start,
                size: FONT,
                color: MUTED.into(),
                bold: false,
            }),
        }
    }
    // The zero line the bars grow from.
    let height = 8.0 + rows.len() as f64 * row_h;
    marks.push(Mark::Line {
        points: vec![(left, 26.0), (left, height - 6.0)],
        stroke: MUTED.into(),
        width: 1.0,
        dashed: false,
    });
    ChartSpec {
        width,
        height,
        marks,
        data,
        alt,
    }
}

/// Lines over years with the value axis inverted (1 at the top): a rating's places.
pub fn rank_chart(lines: &[SeriesLine], width: f64, axis_title: &str, alt: String) -> ChartSpec {
    let width = width.max(240.0);
    let legend_h = 24.0 * lines.len() as f64 + 8.0;
    let (left, right, top, bottom) = (40.0, 24.0, legend_h + 28.0, 36.0);
    let height = top + 220.0 + bottom;
    let points = lines.iter().flat_map(|l| l.points.iter());
    let (min_year, max_year) = points.clone().fold((i32::MAX, i32::MIN), |(lo, hi), p| {
        (lo.min(p.year), hi.max(p.year))
    });
    let (min_year, max_year) = if min_year > max_year {
        (2016, 2025)
    } else {
        (min_year, max_year)
    };
    let worst = points.map(|p| p.value).fold(5.0_f64, f64::max).ceil();
    let x = Linear {
        domain: (f64::from(min_year) - 0.5, f64::from(max_year) + 0.5),
        range: (left, width - right),
    };
    let y = Linear {
        domain: (0.5, worst + 0.5),
        range: (top, height - bottom),
    };
    let mut marks = Vec::new();

    for (i, line) in lines.iter().enumerate() {
        let ly = 12.0 + i as f64 * 24.0;
        marks.push(Mark::Rect {
            x: 4.0,
            y: ly - 5.0,
            w: 18.0,
            h: 10.0,
            fill: line.color.clone(),
        });
        let text = if line.points.is_empty() {
            format!("{} — {}", line.label, line.empty_text)
        } else {
            line.label.clone()
        };
        marks.push(Mark::Text {
            x: 28.0,
            y: ly,
            text,
            anchor: Anchor::Start,
            size: FONT,
            color: INK.into(),
            bold: false,
        });
    }
    marks.push(Mark::Text {
        x: 4.0,
        y: top - 16.0,
        text: axis_title.into(),
        anchor: Anchor::Start,
        size: SMALL,
        color: MUTED.into(),
        bold: false,
    });
    for rank in nice_ticks(1.0, worst, 5) {
        let py = y.map(rank);
        marks.push(Mark::Line {
            points: vec![(left, py), (width - right, py)],
            stroke: GRID.into(),
            width: 1.0,
            dashed: false,
        });
        marks.push(Mark::Text {
            x: left - 8.0,
            y: py,
            text: format!("{rank}"),
            anchor: Anchor::End,
            size: SMALL,
            color: MUTED.into(),
            bold: false,
        });
    }
    let years = max_year - min_year + 1;
    let every = if (width - left - right) / f64::from(years) < 44.0 {
        2
    } else {
        1
    };
    for year in (min_year..=max_year).filter(|y| (y - min_year) % every == 0) {
        marks.push(Mark::Text {
            x: x.map(f64::from(year)),
            y: height - bottom + 18.0,
            text: year.to_string(),
            anchor: Anchor::Middle,
            size: SMALL,
            color: MUTED.into(),
            bold: false,
        });
    }

    let mut data = Vec::new();
    for line in lines {
        let at = |p: &SeriesPoint| (x.map(f64::from(p.year)), y.map(p.value));
        // Consecutive years are joined solid, one line per run of them (not a line per pair:
        // 200 parks over 20 years would be 3 800 elements); a gap of unknown years is bridged
        // dashed.
        let line_of = |points: Vec<(f64, f64)>, dashed: bool| Mark::Line {
            points,
            stroke: line.color.clone(),
            width: 2.5,
            dashed,
        };
        let mut run = Vec::new();
        for pair in line.points.windows(2) {
            if pair[1].year - pair[0].year > 1 {
                if run.len() > 1 {
                    marks.push(line_of(std::mem::take(&mut run), false));
                }
                run.clear();
                marks.push(line_of(vec![at(&pair[0]), at(&pair[1])], true));
            } else {
                if run.is_empty() {
                    run.push(at(&pair[0]));
                }
                run.push(at(&pair[1]));
            }
        }
        if run.len() > 1 {
            marks.push(line_of(run, false));
        }
        for (index, p) in line.points.iter().enumerate() {
            let (cx, cy) = at(p);
            marks.push(Mark::Dot {
                cx,
                cy,
                r: 6.0,
                color: line.color.clone(),
                hollow: p.inferred,
            });
            marks.push(Mark::Text {
                x: cx,
                y: cy - 16.0,
                text: p.text.clone(),
                anchor: Anchor::Middle,
                size: FONT,
                color: INK.into(),
                bold: true,
            });
            data.push(Datum {
                x: cx - 10.0,
                y: cy - 10.0,
                w: 20.0,
                h: 20.0,
                park: line.park.clone(),
                value: index,
                event: None,
                year: None,
                label: format!("{}, {}", line.label, p.label),
            });
        }
    }
    ChartSpec {
        width,
        height,
        marks,
        data,
        alt,
    }
}

/// The colour mixed halfway to white, for inferred values.
pub(crate) fn lighten(hex: &str) -> String {
    let channel =
        |i: usize| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("80"), 16).unwrap_or(128);
    let mix = |c: u8| (u16::from(c) + 255) / 2;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(channel(1)),
        mix(channel(3)),
        mix(channel(5))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(park: &str, value: Option<f64>) -> BarRow {
        BarRow {
            park: park.into(),
            label: park.into(),
            color: "#1f5fa8".into(),
            value,
            value_text: value.map_or("no data".into(), |v| v.to_string()),
            inferred: false,
        }
    }

    fn bars(spec: &ChartSpec) -> Vec<f64> {
        spec.marks
            .iter()
            .filter_map(|m| match m {
                Mark::Rect { w, .. } => Some(*w),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn bars_are_proportional_to_values() {
        let spec = bar_chart(
            &[row("a", Some(86_000.0)), row("b", Some(16_949.0))],
            600.0,
            String::new(),
        );
        let widths = bars(&spec);
        assert_eq!(widths.len(), 2);
        let ratio = widths[0] / widths[1];
        assert!((ratio - 86_000.0 / 16_949.0).abs() < 0.01, "ratio {ratio}");
        assert!(spec.data.iter().all(|d| d.x + d.w <= spec.width));
    }

    #[test]
    fn missing_value_is_words_not_a_zero_bar() {
        let spec = bar_chart(
            &[row("a", Some(95_000.0)), row("b", None)],
            600.0,
            String::new(),
        );
        assert_eq!(bars(&spec).len(), 1);
        assert_eq!(spec.data.len(), 1);
        assert!(spec
            .marks
            .iter()
            .any(|m| matches!(m, Mark::Text { text, .. } if text == "no data")));
    }

    #[test]
    fn rank_axis_puts_first_place_on_top_and_bridges_gaps_dashed() {
        let point = |year, value| SeriesPoint {
            year,
            value,
            text: format!("{value}"),
            label: String::new(),
            inferred: false,
        };
        let line = SeriesLine {
            park: "a".into(),
            label: "A".into(),
            color: "#1f5fa8".into(),
            points: vec![point(2021, 2.0), point(2022, 4.0), point(2025, 5.0)],
            empty_text: String::new(),
        };
        let spec = rank_chart(&[line], 600.0, "place", String::new());
        let ys: Vec<f64> = spec.data.iter().map(|d| d.y).collect();
        assert!(
            ys[0] < ys[1] && ys[1] < ys[2],
            "better places are higher: {ys:?}"
        );
        let dashed: Vec<bool> = spec
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Line { dashed, stroke, .. } if stroke == "#1f5fa8" => Some(*dashed),
                _ => None,
            })
            .collect();
        assert_eq!(dashed, [false, true]);
    }

    #[test]
    fn a_run_of_consecutive_years_is_one_line() {
        let point = |year| SeriesPoint {
            year,
            value: 1.0,
            text: String::new(),
            label: String::new(),
            inferred: false,
        };
        let years = [2019, 2020, 2021, 2023, 2024, 2025, 2027];
        let line = SeriesLine {
            park: "a".into(),
            label: "A".into(),
            color: "#1f5fa8".into(),
            points: years.into_iter().map(point).collect(),
            empty_text: String::new(),
        };
        let spec = rank_chart(&[line], 600.0, "place", String::new());
        let lines: Vec<(usize, bool)> = spec
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Line {
                    points,
                    dashed,
                    stroke,
                    ..
                } if stroke == "#1f5fa8" => Some((points.len(), *dashed)),
                _ => None,
            })
            .collect();
        // 2019–2021 solid, dashed to 2023, 2023–2025 solid, dashed to 2027.
        assert_eq!(lines, [(3, false), (2, true), (3, false), (2, true)]);
    }
}
