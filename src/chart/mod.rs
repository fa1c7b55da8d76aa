//! Charts: a specification in pixel space built from data (pure, tested natively), and its
//! rendering to an SVG string with plotters.

mod compare;
mod hits;
mod lifecycle;
mod render;
mod scale;
mod spec;

pub use compare::{
    compared, comparison, earlier_label, up_front, value_description, Compared, Comparison,
    ParkCard, ShownValue, CHART_PARKS,
};
pub use hits::{hit_markup, pressed_state, HitRole};
pub use lifecycle::{
    lifecycle, lifecycle_chart, lifecycle_periods, year_position, Lifecycle, PeriodRow,
};
pub use render::{render_svg, DECORATION, SVG_NAMESPACE};
pub use scale::{nice_ticks, Linear};
pub use spec::*;
