//! A chart's hit layer as markup: a focusable box over each bar, point or event mark (its
//! `Datum`), for the keyboard, the pointer and assistive technology; the comparison's and the
//! lifecycle's, written here once and set whole (`innerHTML`). Built as Leptos views, the two
//! layers cost the WASM 2.3 KB more (at the scale dataset the time is the same either way:
//! the browser makes 5 000 elements). Every attribute value is escaped (`html::escape`), so
//! no datum's text becomes markup.

use std::fmt::Write;

use super::spec::Datum;
use crate::html::escape;

/// What the boxes are to assistive technology.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HitRole<'a> {
    /// A value, read out (the comparison's bars and points).
    Value,
    /// An event to select, pressed while it is the `selected` one (the lifecycle's marks); a
    /// year's count of events (a lane's mark when it counts them by year), a button.
    Event { selected: Option<&'a str> },
}

/// The boxes for `regions` (each datum with the label it is read as), the one at `stop` in the
/// tab order: `<rect class="hit" data-index=… role=… aria-label=…>`, with the datum's park or
/// event in `data-park` / `data-event` where it has one, a year's count in `data-level`,
/// `data-year` and `data-count`.
pub fn hit_markup<'a>(
    regions: impl IntoIterator<Item = (&'a Datum, String)>,
    stop: usize,
    role: HitRole,
) -> String {
    let mut out = String::new();
    for (i, (d, label)) in regions.into_iter().enumerate() {
        let event = d.event.as_deref();
        // A value is read out; an event is a toggle, pressed while selected; a year's count
        // is a button.
        let pressed = match (role, d.year) {
            (HitRole::Value, _) | (HitRole::Event { .. }, Some(_)) => None,
            (HitRole::Event { selected }, None) => Some(event.is_some() && event == selected),
        };
        let (class, _) = pressed_state(pressed == Some(true));
        let _ = write!(out, "<rect class=\"{class}\" data-index=\"{i}\"");
        if !d.park.is_empty() {
            let _ = write!(out, " data-park=\"{}\"", escape(&d.park));
        }
        if let Some(event) = event {
            let _ = write!(out, " data-event=\"{}\"", escape(event));
        }
        if let Some(y) = d.year {
            let _ = write!(
                out,
                " data-level=\"{}\" data-year=\"{}\" data-count=\"{}\"",
                y.level.key(),
                y.year,
                y.count
            );
        }
        let tab = if i == stop { 0 } else { -1 };
        let _ = write!(
            out,
            " x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" tabindex=\"{tab}\"",
            d.x, d.y, d.w, d.h
        );
        match (role, pressed) {
            (HitRole::Value, _) => out.push_str(" role=\"img\""),
            (_, None) => out.push_str(" role=\"button\""),
            (_, Some(p)) => {
                let (_, aria) = pressed_state(p);
                let _ = write!(out, " role=\"button\" aria-pressed=\"{aria}\"");
            }
        }
        let _ = write!(out, " aria-label=\"{}\"></rect>", escape(&label));
    }
    out
}

/// An event box's `class` and `aria-pressed`, selected or not: what `hit_markup` writes and
/// what the app sets by hand when the selection moves (`ui::dom::mark_selected`).
pub fn pressed_state(selected: bool) -> (&'static str, &'static str) {
    if selected {
        ("hit selected", "true")
    } else {
        ("hit", "false")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn datum(park: &str, event: Option<&str>, label: &str) -> Datum {
        Datum {
            x: 1.5,
            y: 2.0,
            w: 24.0,
            h: 24.0,
            park: park.into(),
            value: 0,
            event: event.map(str::to_string),
            year: None,
            label: label.into(),
        }
    }

    #[test]
    fn each_datum_is_a_box_in_order_one_in_the_tab_order() {
        let data = [
            datum("morion-digital", None, "a"),
            datum("technopark-perm", None, "b"),
        ];
        let markup = hit_markup(data.iter().map(|d| (d, d.label.clone())), 1, HitRole::Value);
        assert_eq!(
            markup,
            "<rect class=\"hit\" data-index=\"0\" data-park=\"morion-digital\" x=\"1.5\" y=\"2\" \
             width=\"24\" height=\"24\" tabindex=\"-1\" role=\"img\" aria-label=\"a\"></rect>\
             <rect class=\"hit\" data-index=\"1\" data-park=\"technopark-perm\" x=\"1.5\" y=\"2\" \
             width=\"24\" height=\"24\" tabindex=\"0\" role=\"img\" aria-label=\"b\"></rect>"
        );
    }

    #[test]
    fn an_event_box_is_a_button_pressed_while_selected() {
        let data = [datum("", Some("e1"), "one"), datum("", Some("e2"), "two")];
        let regions = || data.iter().map(|d| (d, d.label.clone()));
        let markup = hit_markup(
            regions(),
            0,
            HitRole::Event {
                selected: Some("e2"),
            },
        );
        assert!(markup.starts_with(
            "<rect class=\"hit\" data-index=\"0\" data-event=\"e1\" x=\"1.5\" y=\"2\" width=\"24\" \
             height=\"24\" tabindex=\"0\" role=\"button\" aria-pressed=\"false\" aria-label=\"one\">"
        ));
        assert!(markup.contains("<rect class=\"hit selected\" data-index=\"1\" data-event=\"e2\""));
        assert!(markup.contains("aria-pressed=\"true\" aria-label=\"two\""));
        let none = hit_markup(regions(), 0, HitRole::Event { selected: None });
        assert!(!none.contains("selected") && !none.contains("\"true\""));
        assert!(!none.contains("data-park"), "no park, no attribute");
    }

    #[test]
    fn a_years_count_is_a_button_that_says_its_year_level_and_count() {
        use crate::chart::YearCount;
        use crate::model::Level;
        let mut count = datum("", None, "2019");
        count.year = Some(YearCount {
            level: Level::Regional,
            year: 2019,
            count: 143,
        });
        let data = [datum("", Some("e1"), "one"), count];
        let markup = hit_markup(
            data.iter().map(|d| (d, d.label.clone())),
            0,
            HitRole::Event { selected: None },
        );
        assert!(markup.ends_with(
            "<rect class=\"hit\" data-index=\"1\" data-level=\"regional\" data-year=\"2019\" \
             data-count=\"143\" x=\"1.5\" y=\"2\" width=\"24\" height=\"24\" tabindex=\"-1\" \
             role=\"button\" aria-label=\"2019\"></rect>"
        ));
        assert_eq!(
            markup.matches("aria-pressed").count(),
            1,
            "the event's only"
        );
    }

    #[test]
    fn a_datums_text_never_becomes_markup() {
        let hostile = "\"><script>alert(1)</script><rect onclick='x' a=\"";
        let data = [datum(hostile, Some(hostile), hostile)];
        let markup = hit_markup(
            data.iter().map(|d| (d, d.label.clone())),
            0,
            HitRole::Event { selected: None },
        );
        assert!(!markup.contains('\''), "{markup}");
        assert_eq!(
            markup.matches('<').count(),
            2,
            "one element, opened and closed: {markup}"
        );
        assert_eq!(
            markup.matches("\"><").count(),
            1,
            "the attributes end once: {markup}"
        );
        assert!(markup.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
}
