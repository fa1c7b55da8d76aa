//! The lifecycle chart: each park's periods (open, suspended, closed) as a bar on a time axis,
//! with the support events as marks in a federal and a regional lane, and a legend of the
//! bars' looks; and the same periods as table rows. Where the comparison meets the timeline.
//! A period that runs on ends at the dataset's date (`Dataset::as_of`), never at a clock's.

use crate::format::{counted, Typography};
use crate::i18n::{strings, Strings};
use crate::model::problem::fill;
use crate::model::{Confidence, Dataset, Event, Level, Park, PartialDate, Precision, State};

use super::scale::Linear;
use super::spec::{lighten, Anchor, ChartSpec, Datum, Mark, YearCount, SMALL};

const INK: &str = "#1b1f24";
const MUTED: &str = "#59636e";
const GRID: &str = "#d8dde3";
const FEDERAL: &str = "#6b3fa0";
const REGIONAL: &str = "#0f7b6c";
const SELECTED: &str = "#c2571a";

/// Where in its year a date falls, as a fractional year: a year alone sits mid-year.
pub fn year_position(date: &PartialDate) -> f64 {
    let year = f64::from(date.year);
    match date.precision() {
        Precision::Year => year + 0.5,
        Precision::Month => year + (f64::from(date.month.unwrap_or(1)) - 0.5) / 12.0,
        Precision::Day => {
            year + (f64::from(date.month.unwrap_or(1)) - 1.0
                + (f64::from(date.day.unwrap_or(1)) - 0.5) / 31.0)
                / 12.0
        }
    }
}

/// The lifecycle chart for the events that pass the timeline's filter (`shown`: their
/// positions in `ds.events`, in order, as `analysis::timeline_years` gives them), with the
/// selected event drawn larger and a rule through every lane (`Lifecycle::selection`).
pub fn lifecycle_chart(
    ds: &Dataset,
    shown: &[usize],
    selected: Option<&str>,
    t: &dyn Typography,
    width: f64,
) -> ChartSpec {
    let chart = lifecycle(ds, shown, t, width);
    let selection = selected.map(|id| chart.selection(ds, id));
    let mut spec = chart.whole();
    spec.marks.extend(selection.into_iter().flatten());
    spec
}

/// The lifecycle chart laid out, with no event selected, in two drawings one above the other,
/// and what its selection needs. The app draws the selection over them, so that choosing an
/// event redraws two marks, not the chart; and a filter redraws the lanes, not the parks.
#[derive(Debug, Clone, PartialEq)]
pub struct Lifecycle {
    /// The lanes of event marks, at the top, with their hit areas (`data`) and the whole
    /// chart's text alternative (`alt`): what a filter changes.
    pub lanes: ChartSpec,
    /// The parks' bars, the years and the legend, below the lanes, in a drawing of their own
    /// (from y = 0): the same whatever the filter.
    pub parks: ChartSpec,
    x: Linear,
    /// Where the selection's rule starts and ends, top to bottom.
    rule: (f64, f64),
}

impl Lifecycle {
    /// The whole chart's height, lanes and parks.
    pub fn height(&self) -> f64 {
        self.lanes.height + self.parks.height
    }

    /// The chart as one drawing: the parks' marks moved below the lanes.
    pub fn whole(self) -> ChartSpec {
        let below = self.lanes.height;
        let mut spec = self.lanes;
        spec.height += self.parks.height;
        let parks = self.parks.marks.into_iter();
        spec.marks.extend(parks.map(|m| m.moved_down(below)));
        spec
    }

    /// The selected event's marks: its dot drawn larger, when it is shown, and a rule through
    /// every lane and bar at its date; nothing for an id the dataset lacks.
    pub fn selection(&self, ds: &Dataset, id: &str) -> Vec<Mark> {
        let Some(event) = ds.events.iter().find(|e| e.id == id) else {
            return Vec::new();
        };
        let px = self.x.map(year_position(&event.date));
        let mut marks = vec![Mark::Line {
            points: vec![(px, self.rule.0), (px, self.rule.1)],
            stroke: SELECTED.into(),
            width: 2.0,
            dashed: true,
        }];
        let datum = self
            .lanes
            .data
            .iter()
            .find(|d| d.event.as_deref() == Some(id));
        if let Some(d) = datum {
            marks.push(Mark::Dot {
                cx: d.x + d.w / 2.0,
                cy: d.y + d.h / 2.0,
                r: 8.0,
                color: SELECTED.into(),
                hollow: event.confidence.is_inferred(),
            });
        }
        marks
    }

    /// The selection alone, as a drawing of the chart's size to lay over it.
    pub fn selection_spec(&self, ds: &Dataset, id: &str) -> ChartSpec {
        ChartSpec {
            width: self.lanes.width,
            height: self.height(),
            marks: self.selection(ds, id),
            data: Vec::new(),
            alt: String::new(),
        }
    }
}

/// The lifecycle chart with no event selected, for the events at `shown` (positions in
/// `ds.events`, in order). A park's bar is solid while it is open, pale
/// with a dashed edge while its work is suspended, and ends in a rule where it closed; the
/// bars run to the dataset's date.
pub fn lifecycle(ds: &Dataset, shown: &[usize], t: &dyn Typography, width: f64) -> Lifecycle {
    let lang = t.lang();
    let s = strings(lang);
    let today = ds.as_of();
    let width = width.max(MIN_WIDTH);
    let first = ds
        .events
        .first()
        .map_or(2006, |e| e.date.year)
        .min(ds.parks.iter().map(|p| p.opened.year).min().unwrap_or(2006));
    let last = today.year;
    let (left, right) = (8.0, 16.0);
    let x = Linear {
        domain: (f64::from(first) - 0.6, f64::from(last) + 1.0),
        range: (left, width - right),
    };
    // Two drawings: the lanes' (`marks`), which a filter changes, and the parks' below them
    // (`park_marks`, from y = 0 in their own drawing).
    let mut marks = Vec::new();
    let mut park_marks = Vec::new();
    let mut data = Vec::new();
    let bar_h = 18.0;
    let top = 8.0;
    // Lanes of event marks, federal above regional: each mark's hit area is a TARGET square
    // around it (WCAG 2.5.8), so marks closer than that take turns on as many rows as they
    // need, TARGET apart, and no two areas overlap.
    // The rows are laid out as the narrowest chart spaces the marks, so they are the same at
    // every width: the first view's image for a range of widths (`prerender::lifecycle_images`)
    // is as tall as the app's drawing anywhere in that range. Wider, marks are further apart.
    // A lane whose marks would need more than MAX_ROWS rows (thousands of events) counts its
    // events by year instead: one mark a year, which shows that year's events in the timeline.
    let narrowest = Linear {
        domain: x.domain,
        range: (left, MIN_WIDTH - right),
    };
    let lanes: Vec<(Level, Vec<PlacedMark>, usize)> = [Level::Federal, Level::Regional]
        .into_iter()
        .map(|level| {
            let events: Vec<&Event> = shown
                .iter()
                .filter_map(|&i| ds.events.get(i))
                .filter(|e| e.level == level)
                .collect();
            let each = events
                .iter()
                .map(|&e| (LaneMark::Event(e), year_position(&e.date)));
            let (placed, rows) = place(each, TARGET, &x, &narrowest);
            if rows <= MAX_ROWS {
                return (level, placed, rows);
            }
            // Too many to draw one by one: a count for each year, at mid-year.
            // (The events arrive in date order.)
            let mut years: Vec<(i32, usize)> = Vec::new();
            for e in &events {
                match years.last_mut() {
                    Some((year, n)) if *year == e.date.year => *n += 1,
                    _ => years.push((e.date.year, 1)),
                }
            }
            let counts = years.into_iter().map(|(year, count)| {
                let mark = LaneMark::Year(YearCount { level, year, count });
                (mark, f64::from(year) + 0.5)
            });
            let (placed, rows) = place(counts, COUNT_W, &x, &narrowest);
            (level, placed, rows)
        })
        .collect();
    let lane_height = |rows: usize| LANE_LABEL + rows as f64 * TARGET + 2.0;
    let lanes_bottom = top + lanes.iter().map(|l| lane_height(l.2)).sum::<f64>();
    // Each park's line, wrapped to the chart's width; a row grows by a line for each.
    let lines: Vec<Vec<String>> = ds
        .parks
        .iter()
        .map(|p| wrap(&park_line(p, t), width - left - right))
        .collect();
    let row_tops: Vec<f64> = lines
        .iter()
        .scan(0.0, |y, l| {
            let top = *y;
            *y += ROW + LINE * (l.len().max(1) - 1) as f64;
            Some(top)
        })
        .collect();
    let rows_h: f64 = lines
        .iter()
        .map(|l| ROW + LINE * (l.len().max(1) - 1) as f64)
        .sum();
    // In the parks' drawing.
    let axis_bottom = rows_h + 30.0;
    let (legend, legend_h) = legend(s, left, axis_bottom + 6.0, width - left - right);
    let parks_height = axis_bottom + 6.0 + legend_h;

    // Year grid and labels.
    let step = if width < 520.0 { 4 } else { 2 };
    for year in (first..=last).filter(|y| (y - first) % step == 0) {
        let px = x.map(f64::from(year));
        for (drawing, y0, y1) in [
            (&mut marks, top, lanes_bottom),
            (&mut park_marks, 0.0, axis_bottom - 26.0),
        ] {
            drawing.push(Mark::Line {
                points: vec![(px, y0), (px, y1)],
                stroke: GRID.into(),
                width: 1.0,
                dashed: false,
            });
        }
        // Centred under its line, but never past the drawing's left edge (the first year sits
        // little more than half a year in).
        let half = year.to_string().len() as f64 * SMALL * 0.65 / 2.0;
        park_marks.push(text(
            px.max(half + 1.0),
            axis_bottom - 12.0,
            year.to_string(),
            Anchor::Middle,
            SMALL,
            MUTED,
            false,
        ));
    }

    let mut lane_top = top;
    for (level, placed, rows) in &lanes {
        let level = *level;
        let name = s.levels.of(level.key());
        let by_year = placed
            .iter()
            .any(|(mark, ..)| matches!(mark, LaneMark::Year(_)));
        let label = if by_year {
            fill(s.lifecycle_by_year, &[name.to_string()])
        } else {
            name.to_string()
        };
        marks.push(text(
            left,
            lane_top + 8.0,
            label,
            Anchor::Start,
            SMALL,
            MUTED,
            true,
        ));
        let color = if level == Level::Federal {
            FEDERAL
        } else {
            REGIONAL
        };
        for &(mark, cx, row) in placed {
            let cy = lane_top + LANE_LABEL + TARGET / 2.0 + row as f64 * TARGET;
            let (event, year, label) = match mark {
                LaneMark::Event(event) => {
                    marks.push(Mark::Dot {
                        cx,
                        cy,
                        r: 5.0,
                        color: color.into(),
                        hollow: event.confidence.is_inferred(),
                    });
                    let label = format!("{}: {}", t.date(&event.date), event.title.get(lang));
                    (Some(event.id.clone()), None, label)
                }
                LaneMark::Year(count) => {
                    // Outlined in the lane's colour, the count in the text's: legible in
                    // every theme and contrast scheme.
                    let (x0, x1) = (cx - COUNT_W / 2.0 + 2.0, cx + COUNT_W / 2.0 - 2.0);
                    let (y0, y1) = (cy - TARGET / 2.0 + 2.0, cy + TARGET / 2.0 - 2.0);
                    marks.push(Mark::Line {
                        points: vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)],
                        stroke: color.into(),
                        width: 2.0,
                        dashed: false,
                    });
                    let n = count.count as f64;
                    marks.push(text(
                        cx,
                        cy,
                        t.number(n, 0),
                        Anchor::Middle,
                        SMALL,
                        INK,
                        true,
                    ));
                    let label = fill(
                        s.lifecycle_year,
                        &[
                            count.year.to_string(),
                            name.to_lowercase(),
                            counted(t, &s.events_count, n),
                        ],
                    );
                    (None, Some(count), label)
                }
            };
            let w = if year.is_some() { COUNT_W } else { TARGET };
            data.push(Datum {
                x: cx - w / 2.0,
                y: cy - TARGET / 2.0,
                w,
                h: TARGET,
                park: String::new(),
                value: 0,
                event,
                year,
                label,
            });
        }
        lane_top += lane_height(*rows);
    }

    // One bar per park, a segment per period, from its opening to the dataset's date.
    for ((park, line), row_top) in ds.parks.iter().zip(&lines).zip(&row_tops) {
        for (k, part) in line.iter().enumerate() {
            park_marks.push(text(
                left,
                row_top + 8.0 + LINE * k as f64,
                part.clone(),
                Anchor::Start,
                SMALL,
                INK,
                true,
            ));
        }
        let periods = park.periods();
        let y = row_top + 18.0 + LINE * (line.len().max(1) - 1) as f64;
        for (k, (state, from, _)) in periods.iter().enumerate() {
            let to = periods.get(k + 1).map_or(today, |next| next.1);
            let x0 = x.map(year_position(from));
            let x1 = x.map(year_position(&to)).max(x0 + 2.0);
            segment(&mut park_marks, *state, &park.color, x0, x1, y, bar_h);
        }
    }

    park_marks.extend(legend);

    let parks: Vec<String> = ds.parks.iter().map(|p| park_line(p, t)).collect();
    // A park's line may end in a date's «г.»: the template's full stop is not doubled.
    let parks = parks.join("; ");
    let parks = parks.strip_suffix('.').unwrap_or(&parks).to_string();
    let alt = fill(
        s.lifecycle_alt,
        &[parks, counted(t, &s.events_count, shown.len() as f64)],
    );
    Lifecycle {
        lanes: ChartSpec {
            width,
            height: lanes_bottom,
            marks,
            data,
            alt,
        },
        parks: ChartSpec {
            width,
            height: parks_height,
            marks: park_marks,
            data: Vec::new(),
            alt: String::new(),
        },
        x,
        rule: (top, lanes_bottom + axis_bottom - 26.0),
    }
}

/// What a lane draws at a place on its rows: an event's mark, or a year's count of events.
#[derive(Debug, Clone, Copy)]
enum LaneMark<'a> {
    Event(&'a Event),
    Year(YearCount),
}

/// A mark in its lane: what it is, its x and its row.
type PlacedMark<'a> = (LaneMark<'a>, f64, usize);

/// Marks at their fractional years, in order, each on the first row whose last mark is at
/// least `gap` (their width) to its left on the narrowest chart (`narrowest`), so that no two
/// hit areas overlap at any width: each with its x on this chart (`x`) and its row; and how
/// many rows.
fn place<'a>(
    marks: impl Iterator<Item = (LaneMark<'a>, f64)>,
    gap: f64,
    x: &Linear,
    narrowest: &Linear,
) -> (Vec<PlacedMark<'a>>, usize) {
    let mut row_ends: Vec<f64> = Vec::new();
    let placed = marks
        .map(|(mark, year)| {
            let at = narrowest.map(year);
            let row = match row_ends.iter().position(|&end| at - end >= gap) {
                Some(row) => row,
                None => {
                    row_ends.push(f64::NEG_INFINITY);
                    row_ends.len() - 1
                }
            };
            row_ends[row] = at;
            (mark, x.map(year), row)
        })
        .collect();
    (placed, row_ends.len().max(1))
}

/// The most rows of event marks a lane takes: with more, it counts its events by year.
pub const MAX_ROWS: usize = 24;

/// The narrowest the chart is drawn.
const MIN_WIDTH: f64 = 280.0;

/// The side of an event mark's hit area, in the chart's pixels: WCAG 2.5.8's minimum target.
pub const TARGET: f64 = 24.0;
/// The width of a year's count (three digits in bold small type), as high as an event's.
const COUNT_W: f64 = 34.0;
/// A lane's label above its marks.
const LANE_LABEL: f64 = 18.0;

/// A park's row: its line of text and its bar.
const ROW: f64 = 48.0;
/// Each further line of a park's wrapped text.
const LINE: f64 = 17.0;

/// A text cut at spaces into lines no wider than `width` (bold small type, roughly); a word
/// wider than that stays whole on its line.
fn wrap(text: &str, width: f64) -> Vec<String> {
    let per_line = (width / (SMALL * 0.6)).floor().max(8.0) as usize;
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= per_line => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// A park's line above its bar, by its latest state: «Технопарк работал с 2016, с 12 января
/// 2023 г. работа приостановлена (≈)»; `(≈)` when the date of the change is inferred.
fn park_line(park: &Park, t: &dyn Typography) -> String {
    let s = strings(t.lang());
    let (state, since) = match park.status.last() {
        Some(c) if c.state != State::Open => {
            let mark = if c.confidence.is_inferred() {
                " (≈)"
            } else {
                ""
            };
            (c.state, format!("{}{mark}", t.date(&c.date)))
        }
        _ => (State::Open, String::new()),
    };
    let template = s
        .lifecycle_periods
        .get(state.key())
        .copied()
        .unwrap_or_default();
    fill(
        template,
        &[
            park.name.get(t.lang()).to_string(),
            t.date(&park.opened),
            since,
        ],
    )
}

/// One period of a bar: solid while open; pale with a dashed edge while suspended; a closure
/// draws no bar, only a rule where it began.
fn segment(marks: &mut Vec<Mark>, state: State, color: &str, x0: f64, x1: f64, y: f64, h: f64) {
    match state {
        State::Open => marks.push(Mark::Rect {
            x: x0,
            y,
            w: x1 - x0,
            h,
            fill: color.into(),
        }),
        State::Suspended => {
            marks.push(Mark::Rect {
                x: x0,
                y,
                w: x1 - x0,
                h,
                fill: lighten(color),
            });
            for edge in [y + 1.0, y + h - 1.0] {
                marks.push(Mark::Line {
                    points: vec![(x0, edge), (x1, edge)],
                    stroke: color.into(),
                    width: 2.0,
                    dashed: true,
                });
            }
        }
        State::Closed => marks.push(Mark::Line {
            points: vec![(x0, y - 4.0), (x0, y + h + 4.0)],
            stroke: INK.into(),
            width: 3.0,
            dashed: false,
        }),
    }
}

/// The legend of the bars' looks, one entry per state, wrapped to `width` from (`x`, `y`):
/// its marks and its height.
fn legend(s: &Strings, x: f64, y: f64, width: f64) -> (Vec<Mark>, f64) {
    const SWATCH: f64 = 28.0;
    const LEGEND_ROW: f64 = 24.0;
    let mut marks = Vec::new();
    let (mut cx, mut row) = (x, 0.0);
    for state in State::ALL {
        let label = s
            .lifecycle_legend
            .get(state.key())
            .copied()
            .unwrap_or_default();
        // Rough text width, as the comparison's charts keep room for text; a label wider than
        // the chart wraps under itself.
        let lines = wrap(label, width - SWATCH - 6.0);
        let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        let w = SWATCH + 6.0 + longest as f64 * SMALL * 0.6;
        if cx > x && cx + w > x + width {
            cx = x;
            row += 1.0;
        }
        let cy = y + row * LEGEND_ROW + LEGEND_ROW / 2.0;
        let (x0, x1) = (cx, cx + SWATCH);
        match state {
            State::Closed => {
                segment(&mut marks, State::Open, MUTED, x0, x1 - 8.0, cy - 6.0, 12.0);
                segment(
                    &mut marks,
                    State::Closed,
                    MUTED,
                    x1 - 8.0,
                    x1,
                    cy - 6.0,
                    12.0,
                );
            }
            _ => segment(&mut marks, state, MUTED, x0, x1, cy - 6.0, 12.0),
        }
        for (k, line) in lines.iter().enumerate() {
            marks.push(text(
                x1 + 6.0,
                cy + LINE * k as f64,
                line.clone(),
                Anchor::Start,
                SMALL,
                INK,
                false,
            ));
        }
        row += LINE * (lines.len().max(1) - 1) as f64 / LEGEND_ROW;
        cx += w + 24.0;
    }
    (marks, (row + 1.0) * LEGEND_ROW)
}

/// One period of a park as a row of the lifecycle chart's table.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodRow {
    pub park: String,
    pub name: String,
    pub state: State,
    /// The state in words.
    pub state_text: String,
    pub from: String,
    /// The next period's start, or «без изменений на 26 ноября 2026 г.» for the last.
    pub to: String,
    /// Of the change that began the period (of the opening for the first).
    pub confidence: Confidence,
    /// The change's sources; none for the opening (the park's own, in the sources list).
    pub sources: Vec<String>,
    pub note: Option<String>,
}

/// Every park's periods, parks in dataset order, each park's in date order: what the chart's
/// bars show, as a table says it.
pub fn lifecycle_periods(ds: &Dataset, t: &dyn Typography) -> Vec<PeriodRow> {
    let lang = t.lang();
    let s = strings(lang);
    let ongoing = fill(s.lifecycle_ongoing, &[t.date(&ds.as_of())]);
    let mut rows = Vec::new();
    for park in &ds.parks {
        let periods = park.periods();
        for (k, (state, from, change)) in periods.iter().enumerate() {
            rows.push(PeriodRow {
                park: park.id.clone(),
                name: park.name.get(lang).to_string(),
                state: *state,
                state_text: s
                    .states
                    .get(state.key())
                    .copied()
                    .unwrap_or_default()
                    .into(),
                from: t.date(from),
                to: periods
                    .get(k + 1)
                    .map_or(ongoing.clone(), |next| t.date(&next.1)),
                confidence: change.map_or(park.opened_confidence, |c| c.confidence),
                sources: change.map_or(Vec::new(), |c| c.sources.clone()),
                note: change.and_then(|c| c.note.as_ref().map(|n| n.get(lang).to_string())),
            });
        }
    }
    rows
}

fn text(x: f64, y: f64, text: String, anchor: Anchor, size: f64, color: &str, bold: bool) -> Mark {
    Mark::Text {
        x,
        y,
        text,
        anchor,
        size,
        color: color.into(),
        bold,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_wraps_at_spaces_and_a_short_one_does_not() {
        let line = "Технопарк Пермь работал с 2016, с 12 января 2023 г. (≈) работа приостановлена";
        assert_eq!(wrap(line, 900.0), [line]);
        let wrapped = wrap(line, 300.0);
        assert!(wrapped.len() > 1, "{wrapped:?}");
        assert_eq!(wrapped.join(" "), line);
        assert!(wrapped
            .iter()
            .all(|l| l.chars().count() as f64 * SMALL * 0.6 <= 300.0));
    }

    #[test]
    fn every_mark_has_a_target_of_its_own_at_every_width() {
        use crate::format::ReferenceTypography;
        use crate::i18n::Lang;
        let ds = crate::model::load_dataset(include_bytes!("../../public/data/technoparks.json"))
            .expect("valid dataset");
        let shown: Vec<usize> = (0..ds.events.len()).collect();
        let t = ReferenceTypography { lang: Lang::Ru };
        for width in [280.0, 328.0, 380.0, 520.0, 736.0, 1248.0] {
            let third = Some(ds.events[3].id.as_str());
            let spec = lifecycle_chart(&ds, &shown, third, &t, width);
            assert_eq!(spec.data.len(), ds.events.len());
            for (i, a) in spec.data.iter().enumerate() {
                assert!(a.w >= TARGET && a.h >= TARGET, "{width}: {a:?}");
                assert!(
                    a.x >= 0.0 && a.x + a.w <= width,
                    "{width}: inside the chart"
                );
                for b in &spec.data[i + 1..] {
                    let apart = a.x + a.w <= b.x + 1e-9
                        || b.x + b.w <= a.x + 1e-9
                        || a.y + a.h <= b.y + 1e-9
                        || b.y + b.h <= a.y + 1e-9;
                    assert!(apart, "{width}: {} and {} overlap", a.label, b.label);
                }
            }
            // Keyboard order: a lane after the other, each in the dataset's (date) order.
            let ids: Vec<&str> = spec
                .data
                .iter()
                .filter_map(|d| d.event.as_deref())
                .collect();
            let mut expected: Vec<&str> = Vec::new();
            for level in [Level::Federal, Level::Regional] {
                expected.extend(
                    ds.events
                        .iter()
                        .filter(|e| e.level == level)
                        .map(|e| e.id.as_str()),
                );
            }
            assert_eq!(ids, expected);
        }
        // The marks' rows do not depend on the width (the chart's height does only through
        // the parks' lines, which wrap).
        let rows = |width: f64| {
            let spec = lifecycle_chart(&ds, &shown, None, &t, width);
            spec.data.iter().map(|d| d.y).collect::<Vec<f64>>()
        };
        assert_eq!(rows(328.0), rows(1248.0));
        assert_eq!(rows(703.0), rows(735.0));
    }

    /// The bundled dataset with each federal event copied `times` over (ids of their own), in
    /// date order.
    fn many_federal(times: usize) -> Dataset {
        let mut ds =
            crate::model::load_dataset(include_bytes!("../../public/data/technoparks.json"))
                .expect("valid dataset");
        let mut events = Vec::new();
        for e in &ds.events {
            let copies = if e.level == Level::Federal { times } else { 1 };
            for k in 0..copies {
                let mut copy = e.clone();
                if k > 0 {
                    copy.id = format!("{}-{k}", e.id);
                }
                events.push(copy);
            }
        }
        ds.events = events;
        ds
    }

    #[test]
    fn a_lane_of_too_many_marks_counts_its_events_by_year() {
        use crate::analysis::{timeline_years, TimelineFilter};
        use crate::format::ReferenceTypography;
        use crate::i18n::Lang;
        let ds = many_federal(20);
        let shown: Vec<usize> = (0..ds.events.len()).collect();
        let t = ReferenceTypography { lang: Lang::Ru };
        let chart = lifecycle(&ds, &shown, &t, 736.0);
        let data = &chart.lanes.data;
        let federal: Vec<&Event> = ds
            .events
            .iter()
            .filter(|e| e.level == Level::Federal)
            .collect();
        // The federal lane: a count for each year with events, in year order, adding up.
        let counts: Vec<YearCount> = data.iter().filter_map(|d| d.year).collect();
        assert!(data.iter().all(|d| d.year.is_some() != d.event.is_some()));
        assert!(counts.iter().all(|c| c.level == Level::Federal));
        assert!(counts.windows(2).all(|w| w[0].year < w[1].year));
        assert_eq!(counts.iter().map(|c| c.count).sum::<usize>(), federal.len());
        for c in &counts {
            let in_year = federal.iter().filter(|e| e.date.year == c.year).count();
            assert_eq!(c.count, in_year, "{}", c.year);
            // What the count leads to lists them: that year's federal events.
            let listed: usize = timeline_years(
                &ds.events,
                &TimelineFilter::default().to_year(c.level, c.year),
                Lang::Ru,
            )
            .iter()
            .map(|(_, events)| events.len())
            .sum();
            assert_eq!(listed, c.count);
        }
        // The regional lane, which fits, still draws each event.
        let regional = ds.events.iter().filter(|e| e.level == Level::Regional);
        let marked: Vec<&str> = data.iter().filter_map(|d| d.event.as_deref()).collect();
        assert_eq!(marked, regional.map(|e| e.id.as_str()).collect::<Vec<_>>());
        // A count says what it is, and the lane's label that it counts.
        let c2019 = data.iter().find(|d| d.year.is_some_and(|c| c.year == 2019));
        assert_eq!(
            c2019.map(|d| d.label.as_str()),
            Some("2019 год, федеральный уровень: 20\u{a0}событий. Показать в хронологии"),
        );
        let texts: Vec<&str> = chart
            .lanes
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert!(
            texts.contains(&"Федеральный: число событий по годам"),
            "{texts:?}"
        );
        assert!(texts.contains(&"Региональный"), "{texts:?}");
        assert!(texts.contains(&"20"), "2019's count drawn: {texts:?}");
        // Far shorter than 20 rows of marks, and no two counts' areas overlap at any width.
        for width in [280.0, 520.0, 1248.0] {
            let data = lifecycle(&ds, &shown, &t, width).lanes.data;
            let boxes: Vec<&Datum> = data.iter().filter(|d| d.year.is_some()).collect();
            assert!(boxes.iter().map(|d| d.y).fold(0.0, f64::max) < 8.0 + 18.0 + 4.0 * TARGET);
            for (i, a) in boxes.iter().enumerate() {
                for b in &boxes[i + 1..] {
                    let apart = a.x + a.w <= b.x + 1e-9
                        || b.x + b.w <= a.x + 1e-9
                        || a.y + a.h <= b.y + 1e-9
                        || b.y + b.h <= a.y + 1e-9;
                    assert!(apart, "{width}: {} and {} overlap", a.label, b.label);
                }
            }
        }
        // An event of a counted lane selected: its rule, no dot of its own to enlarge.
        let id = federal[0].id.as_str();
        let selection = chart.selection(&ds, id);
        assert_eq!(selection.len(), 1);
        assert!(matches!(selection[0], Mark::Line { dashed: true, .. }));
        // Fewer shown (a filter): the lane draws each of them again; the parks' drawing is the
        // same, so the app leaves it as it is.
        let few: Vec<usize> = (0..ds.events.len())
            .filter(|&i| ds.events[i].level == Level::Federal)
            .take(5)
            .collect();
        let filtered = lifecycle(&ds, &few, &t, 736.0);
        assert!(filtered.lanes.data.iter().all(|d| d.year.is_none()));
        assert_eq!(filtered.lanes.data.len(), 5);
        assert!(filtered.lanes.height < chart.lanes.height);
        assert_eq!(filtered.parks, chart.parks);
        // As one drawing (the first view's), the parks sit below the lanes.
        let whole = filtered.clone().whole();
        assert_eq!(whole.height, filtered.height());
        assert_eq!(
            whole.marks.len(),
            filtered.lanes.marks.len() + filtered.parks.marks.len()
        );
    }

    #[test]
    fn the_bundled_lanes_fit_their_rows() {
        let ds = crate::model::load_dataset(include_bytes!("../../public/data/technoparks.json"))
            .expect("valid dataset");
        let t = crate::format::ReferenceTypography {
            lang: crate::i18n::Lang::En,
        };
        let shown: Vec<usize> = (0..ds.events.len()).collect();
        let data = lifecycle(&ds, &shown, &t, 280.0).lanes.data;
        let rows = |level: Level| {
            let ys: std::collections::BTreeSet<i64> = data
                .iter()
                .filter(|d| {
                    ds.events
                        .iter()
                        .any(|e| Some(e.id.as_str()) == d.event.as_deref() && e.level == level)
                })
                .map(|d| d.y as i64)
                .collect();
            ys.len()
        };
        let (federal, regional) = (rows(Level::Federal), rows(Level::Regional));
        // Room for twice the marks before a lane counts by year (9 rows of 24 at 48 events).
        assert!(federal * 2 <= MAX_ROWS, "{federal}");
        assert!(regional * 2 <= MAX_ROWS, "{regional}");
    }

    #[test]
    fn dates_sit_inside_their_year_at_their_precision() {
        let d = |s| year_position(&PartialDate::parse(s).unwrap());
        assert_eq!(d("2019"), 2019.5);
        assert!((d("2019-10") - (2019.0 + 9.5 / 12.0)).abs() < 1e-9);
        assert!(d("2019-10-10") > d("2019-10-01") && d("2019-10-10") < d("2019-11-01"));
    }
}
