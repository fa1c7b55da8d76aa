//! The lifecycle chart: each park's active years as a bar on a time axis, with the support
//! events as marks in a federal and a regional lane. Where the comparison meets the timeline.

use crate::format::Typography;
use crate::i18n::strings;
use crate::model::problem::fill;
use crate::model::{Dataset, Level, PartialDate, Precision};

use super::scale::Linear;
use super::spec::{Anchor, ChartSpec, Datum, Mark, SMALL};

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

/// The lifecycle chart for the events that pass the timeline's filter (`shown`), with the
/// selected event drawn larger and a rule through every lane. `today` ends open bars.
pub fn lifecycle_chart(
    ds: &Dataset,
    shown: &[&str],
    selected: Option<&str>,
    t: &dyn Typography,
    width: f64,
    today: &PartialDate,
) -> ChartSpec {
    let lang = t.lang();
    let s = strings(lang);
    let width = width.max(280.0);
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
    // A set: with thousands of events, a list lookup per event is quadratic.
    let shown_ids: std::collections::HashSet<&str> = shown.iter().copied().collect();
    let mut marks = Vec::new();
    let mut data = Vec::new();
    let lane_h = 44.0;
    let bar_h = 18.0;
    let top = 8.0;
    let lanes_bottom = top + 2.0 * lane_h;
    let height = lanes_bottom + ds.parks.len() as f64 * 48.0 + 30.0;

    // Year grid and labels.
    let step = if width < 520.0 { 4 } else { 2 };
    for year in (first..=last).filter(|y| (y - first) % step == 0) {
        let px = x.map(f64::from(year));
        marks.push(Mark::Line {
            points: vec![(px, top), (px, height - 26.0)],
            stroke: GRID.into(),
            width: 1.0,
            dashed: false,
        });
        marks.push(text(
            px,
            height - 12.0,
            year.to_string(),
            Anchor::Middle,
            SMALL,
            MUTED,
            false,
        ));
    }

    // Lanes of event marks, federal above regional.
    for (lane, level) in [Level::Federal, Level::Regional].into_iter().enumerate() {
        let lane_top = top + lane as f64 * lane_h;
        let label = s
            .levels
            .get(level.key())
            .copied()
            .unwrap_or_default()
            .to_string();
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
        // Marks closer than a dot's width take turns on two rows, so each stays pointable.
        let mut last_x = [f64::NEG_INFINITY; 2];
        for event in ds
            .events
            .iter()
            .filter(|e| e.level == level && shown_ids.contains(e.id.as_str()))
        {
            let cx = x.map(year_position(&event.date));
            let row = if cx - last_x[0] >= 11.0 { 0 } else { 1 };
            last_x[row] = cx;
            let cy = lane_top + 24.0 + row as f64 * 11.0;
            let is_selected = selected == Some(event.id.as_str());
            marks.push(Mark::Dot {
                cx,
                cy,
                r: if is_selected { 8.0 } else { 5.0 },
                color: if is_selected {
                    SELECTED.into()
                } else {
                    color.into()
                },
                hollow: event.confidence.is_inferred(),
            });
            data.push(Datum {
                x: cx - 6.0,
                y: cy - 6.0,
                w: 12.0,
                h: 12.0,
                park: String::new(),
                value: 0,
                event: Some(event.id.clone()),
                label: format!("{}: {}", t.date(&event.date), event.title.get(lang)),
            });
        }
    }

    // One bar per park, from its opening to its stop or today.
    for (i, park) in ds.parks.iter().enumerate() {
        let row_top = lanes_bottom + i as f64 * 48.0;
        let (end, end_text) = match park.closed {
            Some((closed, confidence)) => {
                let mark = if confidence.is_inferred() {
                    " (≈)"
                } else {
                    ""
                };
                (closed, format!("{}{mark}", t.date(&closed)))
            }
            None => (*today, s.lifecycle_now.to_string()),
        };
        let label = format!(
            "{}: {} — {}",
            park.name.get(lang),
            t.date(&park.opened),
            end_text
        );
        marks.push(text(
            left,
            row_top + 8.0,
            label.clone(),
            Anchor::Start,
            SMALL,
            INK,
            true,
        ));
        let x0 = x.map(year_position(&park.opened));
        let x1 = x.map(year_position(&end)).max(x0 + 2.0);
        marks.push(Mark::Rect {
            x: x0,
            y: row_top + 18.0,
            w: x1 - x0,
            h: bar_h,
            fill: park.color.clone(),
        });
    }

    // The selected event: a rule through every lane and bar.
    if let Some(event) = selected.and_then(|id| ds.events.iter().find(|e| e.id == id)) {
        let px = x.map(year_position(&event.date));
        marks.push(Mark::Line {
            points: vec![(px, top), (px, height - 26.0)],
            stroke: SELECTED.into(),
            width: 2.0,
            dashed: true,
        });
    }

    let parks: Vec<String> = ds
        .parks
        .iter()
        .map(|p| {
            let end = p
                .closed
                .map_or(s.lifecycle_now.to_string(), |(c, _)| t.date(&c));
            format!("{} {} — {}", p.name.get(lang), t.date(&p.opened), end)
        })
        .collect();
    let alt = fill(
        s.lifecycle_alt,
        &[parks.join("; "), shown.len().to_string()],
    );
    ChartSpec {
        width,
        height,
        marks,
        data,
        alt,
    }
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
    fn dates_sit_inside_their_year_at_their_precision() {
        let d = |s| year_position(&PartialDate::parse(s).unwrap());
        assert_eq!(d("2019"), 2019.5);
        assert!((d("2019-10") - (2019.0 + 9.5 / 12.0)).abs() < 1e-9);
        assert!(d("2019-10-10") > d("2019-10-01") && d("2019-10-10") < d("2019-11-01"));
    }
}
