//! The comparison view's content for one metric: per-park cards and the chart spec.

use crate::analysis::{is_series, metric_catalogue, park_values, MetricInfo, ParkValues, Value};
use crate::format::{counted, format_value, Typography};
use crate::i18n::strings;
use crate::model::problem::fill;
use crate::model::{Dataset, Unit};

use super::spec::{bar_chart, rank_chart, BarRow, ChartSpec, SeriesLine, SeriesPoint};

/// Everything the comparison shows for one metric.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub metric: MetricInfo,
    pub cards: Vec<ParkCard>,
    pub chart: ChartSpec,
}

/// The comparison of the parks on one metric, at no particular width: the cards and the
/// chart's marks with their text, typeset once. `Compared::at` lays the chart out at a width,
/// which changes nothing else (a resize, or the first measurement of the chart's box, costs a
/// layout, not the typesetting of every value).
#[derive(Debug, Clone, PartialEq)]
pub struct Compared {
    pub metric: MetricInfo,
    pub cards: Vec<ParkCard>,
    marks: Marks,
    alt: String,
}

/// What the chart draws: a bar per park (one value each), or a line of places per park.
#[derive(Debug, Clone, PartialEq)]
enum Marks {
    Bars(Vec<BarRow>),
    Ranks {
        lines: Vec<SeriesLine>,
        axis: &'static str,
    },
}

impl Compared {
    /// The chart laid out `width` CSS pixels wide.
    pub fn chart(&self, width: f64) -> ChartSpec {
        match &self.marks {
            Marks::Bars(rows) => bar_chart(rows, width, self.alt.clone()),
            Marks::Ranks { lines, axis } => rank_chart(lines, width, axis, self.alt.clone()),
        }
    }

    /// The whole comparison, its chart `width` CSS pixels wide.
    pub fn at(&self, width: f64) -> Comparison {
        Comparison {
            metric: self.metric.clone(),
            cards: self.cards.clone(),
            chart: self.chart(width),
        }
    }
}

/// A park's figures under the chart, each with source and confidence.
#[derive(Debug, Clone, PartialEq)]
pub struct ParkCard {
    pub park: String,
    pub name: String,
    pub color: String,
    /// Empty: "no data".
    pub values: Vec<ShownValue>,
}

/// How many values a card lists; earlier ones fold away behind a disclosure (the chart and the
/// table show them all). A long series would otherwise make a card as tall as the page.
pub const CARD_VALUES: usize = 5;

impl ParkCard {
    /// The card's values split into those folded away (earlier) and those listed (the latest
    /// `CARD_VALUES`), both in date order.
    pub fn folded(&self) -> (&[ShownValue], &[ShownValue]) {
        self.values
            .split_at(self.values.len().saturating_sub(CARD_VALUES))
    }
}

/// The folded values' label: «Ещё 15 значений (2005–2019)», «3 earlier values (2016)».
pub fn earlier_label(t: &dyn Typography, earlier: &[ShownValue]) -> String {
    let count = counted(t, &strings(t.lang()).earlier_values, earlier.len() as f64);
    let (Some(first), Some(last)) = (earlier.first(), earlier.last()) else {
        return count;
    };
    let (from, to) = (first.value.date.year, last.value.date.year);
    if from == to {
        format!("{count} ({from})")
    } else {
        format!("{count} ({from}\u{2013}{to})")
    }
}

/// A value typeset, with its date and provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownValue {
    pub text: String,
    pub date: String,
    pub value: Value,
}

/// «Наибольшее значение (Morion Digital) больше наименьшего в 5,1 раза»: how the largest value
/// compares with the smallest, for quantities (not years, spans of years or places), when the
/// difference is worth saying. The values are compared, not the parks (a park is not "5.1
/// times larger" for having more investment per m²), and no park name need be declined.
fn ratio_sentence(cards: &[ParkCard], unit: Unit, t: &dyn Typography) -> Option<String> {
    if matches!(unit, Unit::Year | Unit::Years | Unit::Rank) {
        return None;
    }
    let known: Vec<(&str, f64)> = cards
        .iter()
        .filter_map(|c| c.values.first().map(|v| (c.name.as_str(), v.value.value)))
        .collect();
    let (top, high) = known.iter().copied().max_by(|a, b| a.1.total_cmp(&b.1))?;
    let (_, low) = known.iter().copied().min_by(|a, b| a.1.total_cmp(&b.1))?;
    if known.len() < 2 || low <= 0.0 || high / low < 1.05 {
        return None;
    }
    let s = strings(t.lang());
    let ratio = (high / low * 10.0).round() / 10.0;
    let times = fill(s.times.pick(t.plural(ratio)), &[t.number(ratio, 1)]);
    Some(fill(s.chart_alt_ratio, &[top.to_string(), times]))
}

/// The comparison of all parks on a metric, its chart `width` CSS pixels wide; `None` when the
/// metric does not exist.
pub fn comparison(
    ds: &Dataset,
    metric: &str,
    t: &dyn Typography,
    width: f64,
) -> Option<Comparison> {
    Some(compared(ds, metric, t)?.at(width))
}

/// The comparison of all parks on a metric at no particular width (`Compared::at`); `None`
/// when the metric does not exist.
pub fn compared(ds: &Dataset, metric: &str, t: &dyn Typography) -> Option<Compared> {
    let lang = t.lang();
    let s = strings(lang);
    let info = metric_catalogue(ds, lang)
        .into_iter()
        .find(|m| m.id == metric)?;
    let values = park_values(ds, metric);
    let shown = |v: &Value| ShownValue {
        text: format_value(t, info.unit, v.value),
        date: t.date(&v.date),
        value: v.clone(),
    };
    let series = is_series(info.unit, &values);
    let cards: Vec<ParkCard> = values
        .iter()
        .map(|pv: &ParkValues| ParkCard {
            park: pv.park.id.clone(),
            name: pv.park.name.get(lang).to_string(),
            color: pv.park.color.clone(),
            values: if series {
                pv.values.iter().map(shown).collect()
            } else {
                pv.latest().map(shown).into_iter().collect()
            },
        })
        .collect();

    let alt_items: Vec<String> = cards
        .iter()
        .map(|c| {
            if c.values.is_empty() {
                fill(s.chart_alt_missing, std::slice::from_ref(&c.name))
            } else if series {
                let list: Vec<String> = c
                    .values
                    .iter()
                    .map(|v| format!("{}: {}", v.value.date.year, v.text))
                    .collect();
                fill(s.chart_alt_item, &[c.name.clone(), list.join(", ")])
            } else {
                fill(
                    s.chart_alt_item,
                    &[c.name.clone(), c.values[0].text.clone()],
                )
            }
        })
        .collect();
    let template = if series {
        &s.chart_alt_series
    } else {
        &s.chart_alt_bars
    };
    // Series items list years with commas inside, so parks are set apart by semicolons there.
    let separator = if series { "; " } else { ", " };
    let mut alt = fill(template, &[info.label.clone(), alt_items.join(separator)]);
    if let Some(ratio) = ratio_sentence(&cards, info.unit, t).filter(|_| !series) {
        // A sentence of its own: it starts with a capital.
        alt = format!("{alt} {ratio}");
    }

    let marks = if series {
        let lines: Vec<SeriesLine> = cards
            .iter()
            .map(|c| SeriesLine {
                park: c.park.clone(),
                label: c.name.clone(),
                color: c.color.clone(),
                points: c
                    .values
                    .iter()
                    .map(|v| SeriesPoint {
                        year: v.value.date.year,
                        value: v.value.value,
                        text: t.number(v.value.value, 1),
                        label: format!("{}: {}", v.value.date.year, v.text),
                        inferred: v.value.confidence.is_inferred(),
                    })
                    .collect(),
                empty_text: s.no_data.to_string(),
            })
            .collect();
        Marks::Ranks {
            lines,
            axis: s.rank_axis,
        }
    } else {
        let rows: Vec<BarRow> = cards
            .iter()
            .map(|c| {
                let v = c.values.first();
                BarRow {
                    park: c.park.clone(),
                    label: c.name.clone(),
                    color: c.color.clone(),
                    value: v.map(|v| v.value.value),
                    value_text: v.map_or(s.no_data.to_string(), |v| v.text.clone()),
                    inferred: v.is_some_and(|v| v.value.confidence.is_inferred()),
                }
            })
            .collect();
        Marks::Bars(rows)
    };
    Some(Compared {
        metric: info,
        cards,
        marks,
        alt,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::ReferenceTypography;
    use crate::i18n::Lang;
    use crate::model::{Confidence, PartialDate};

    fn card(years: std::ops::RangeInclusive<i32>) -> ParkCard {
        ParkCard {
            park: "p".into(),
            name: "P".into(),
            color: "#000".into(),
            values: years
                .map(|year| ShownValue {
                    text: year.to_string(),
                    date: year.to_string(),
                    value: Value {
                        value: f64::from(year),
                        date: PartialDate {
                            year,
                            month: None,
                            day: None,
                        },
                        sources: vec![],
                        confidence: Confidence::High,
                        note: None,
                    },
                })
                .collect(),
        }
    }

    fn years(values: &[ShownValue]) -> Vec<i32> {
        values.iter().map(|v| v.value.date.year).collect()
    }

    #[test]
    fn a_card_lists_its_latest_values_and_folds_the_earlier_ones() {
        let long = card(2005..=2024);
        let (earlier, latest) = long.folded();
        assert_eq!(years(latest), (2020..=2024).collect::<Vec<_>>());
        assert_eq!(years(earlier), (2005..=2019).collect::<Vec<_>>());

        let none = ParkCard {
            values: vec![],
            ..card(2020..=2020)
        };
        for short in [card(2019..=2023), card(2020..=2020), none] {
            let (earlier, latest) = short.folded();
            assert!(earlier.is_empty());
            assert_eq!(latest.len(), short.values.len());
        }
    }

    #[test]
    fn the_fold_says_how_many_values_and_which_years_in_both_languages() {
        let ru = ReferenceTypography { lang: Lang::Ru };
        let en = ReferenceTypography { lang: Lang::En };
        let long = card(2005..=2024);
        let (earlier, _) = long.folded();
        assert_eq!(earlier_label(&ru, earlier), "Ещё 15 значений (2005–2019)");
        assert_eq!(earlier_label(&en, earlier), "15 earlier values (2005–2019)");
        let six = card(2018..=2023);
        let (one, _) = six.folded();
        assert_eq!(earlier_label(&ru, one), "Ещё 1 значение (2018)");
        assert_eq!(earlier_label(&en, one), "1 earlier value (2018)");
        let eight = card(2016..=2023);
        assert_eq!(
            earlier_label(&ru, eight.folded().0),
            "Ещё 3 значения (2016–2018)"
        );
    }

    #[test]
    fn a_comparison_typeset_once_lays_out_at_any_width_as_if_made_there() {
        let ds = crate::model::load_dataset(include_bytes!("../../public/data/technoparks.json"))
            .expect("valid dataset");
        let t = ReferenceTypography { lang: Lang::Ru };
        for metric in ["area_m2", "akit_rank"] {
            let typeset = compared(&ds, metric, &t).expect("a metric");
            for width in [300.0, 640.0] {
                let whole = comparison(&ds, metric, &t, width).expect("a metric");
                assert_eq!(typeset.at(width), whole, "{metric} at {width}");
                assert_eq!(typeset.chart(width).width, width);
            }
            // The width changes the chart's layout, nothing else.
            let (narrow, wide) = (typeset.at(300.0), typeset.at(640.0));
            assert_ne!(narrow.chart, wide.chart);
            assert_eq!(narrow.chart.alt, wide.chart.alt);
            assert_eq!((narrow.metric, narrow.cards), (wide.metric, wide.cards));
        }
        assert_eq!(compared(&ds, "no_such_metric", &t), None);
    }
}
