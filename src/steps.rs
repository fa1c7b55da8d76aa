//! The order the explorer is drawn in at start-up, one task a step (`ui::Explorer` waits a
//! task between steps, `dom::next_task`), so that the start-up holds the main thread in short
//! tasks rather than one long one:
//!
//! 0. the comparison's panel (its metric select and tabs);
//! 1. the metric's view: headline, the chart's frame, toolbar (the chart is drawn in the task
//!    after, once its width is known: `ui::dom::measured_width`);
//! 2. its value cards;
//! 3. the timeline's panel (its search and filters), with no event yet;
//! 4. … its events, `EVENTS_PER_STEP` more a step, up to its first page;
//! 5. the lifecycle chart;
//! 6. what no source states, and the sources.
//!
//! (The comparison with its cards was a task of 50–57 ms at CPU ×4, the timeline's panel with
//! its first events 46–59; bench/LOG.md, stops 37 and 38. The panel with its metric view was
//! 70 ms, most of it V8 compiling 461 functions on their first call; stop 41. Twelve events a
//! step were laid out in frames of 31–70 ms, about 360 layout objects each; eight a step halved
//! the start-up's time over 50 ms, traced: stop 44.)

/// The step that draws the metric's view.
pub const METRIC_VIEW_STEP: usize = 1;
/// The step that draws the comparison's value cards.
pub const CARDS_STEP: usize = 2;
/// The step that draws the timeline's panel, with no event yet.
pub const TIMELINE_STEP: usize = 3;
/// Events the timeline adds per step.
pub const EVENTS_PER_STEP: usize = 8;

// The panel, its view, the cards, then the timeline.
const _: () =
    assert!(0 < METRIC_VIEW_STEP && METRIC_VIEW_STEP < CARDS_STEP && CARDS_STEP < TIMELINE_STEP);

/// The steps for a dataset's events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DrawingSteps {
    /// The step that draws the last events of the timeline's first page.
    timeline_end: usize,
}

impl DrawingSteps {
    /// For `events` events, of which the timeline lists `page` at first.
    pub fn new(events: usize, page: usize) -> Self {
        let timeline_end = TIMELINE_STEP + events.min(page).div_ceil(EVENTS_PER_STEP);
        Self { timeline_end }
    }

    /// The step that draws the lifecycle chart.
    pub fn lifecycle(self) -> usize {
        self.timeline_end + 1
    }

    /// The last step: what no source states and the sources.
    pub fn last(self) -> usize {
        self.timeline_end + 2
    }

    /// The events the timeline may list at `step`: none before and with its panel, then
    /// `EVENTS_PER_STEP` more a step, and all of them once its steps are done.
    pub fn events_at(self, step: usize) -> usize {
        if step > self.timeline_end {
            usize::MAX
        } else {
            step.saturating_sub(TIMELINE_STEP) * EVENTS_PER_STEP
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_comparison_then_its_cards_then_the_timelines_panel_alone() {
        let steps = DrawingSteps::new(48, 100);
        for step in 0..=TIMELINE_STEP {
            assert_eq!(steps.events_at(step), 0, "step {step}");
        }
    }

    #[test]
    fn the_first_page_eight_events_a_step_then_every_event() {
        // 48 events, a page of 100: six steps of 8 after the panel.
        let steps = DrawingSteps::new(48, 100);
        let listed: Vec<usize> = (TIMELINE_STEP..=TIMELINE_STEP + 6)
            .map(|step| steps.events_at(step))
            .collect();
        assert_eq!(listed, [0, 8, 16, 24, 32, 40, 48]);
        assert_eq!(steps.lifecycle(), TIMELINE_STEP + 7);
        assert_eq!(steps.events_at(steps.lifecycle()), usize::MAX);
        assert_eq!(steps.last(), steps.lifecycle() + 1);
    }

    #[test]
    fn only_the_first_page_in_steps_however_many_events() {
        // 5 000 events, a page of 100: thirteen steps (the last with 4), then the rest at once.
        let steps = DrawingSteps::new(5_000, 100);
        assert_eq!(steps.lifecycle(), TIMELINE_STEP + 13 + 1);
        assert_eq!(steps.events_at(TIMELINE_STEP + 13), 104);
        assert_eq!(steps.events_at(steps.lifecycle()), usize::MAX);
    }

    #[test]
    fn no_event_no_timeline_steps_after_its_panel() {
        let steps = DrawingSteps::new(0, 100);
        assert_eq!(steps.lifecycle(), TIMELINE_STEP + 1);
        assert_eq!(steps.last(), TIMELINE_STEP + 2);
    }
}
