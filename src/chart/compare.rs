//! The comparison view's content for one metric: per-park cards and the chart spec.

use crate::analysis::{is_series, metric_catalogue, park_values, MetricInfo, ParkValues, Value};
use crate::format::{counted, format_value, Typography};
use crate::i18n::strings;
use crate::model::problem::fill;
use crate::model::{Dataset, Unit};

use super::lifecycle::year_position;
use super::spec::{bar_chart, rank_chart, BarRow, ChartSpec, SeriesLine, SeriesPoint};

/// Everything the comparison shows for one metric.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub metric: MetricInfo,
    pub cards: Vec<ParkCard>,
    pub headline: String,
    /// What part of the parks the chart draws, when not all (`CHART_PARKS`).
    pub selection: Option<String>,
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
    /// What the chart shows, in a sentence (`headline`).
    pub headline: String,
    /// «На графике — 12 из 200 технопарков…», when the chart draws only some (`CHART_PARKS`).
    pub selection: Option<String>,
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
            headline: self.headline.clone(),
            selection: self.selection.clone(),
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

/// How many parks the chart draws and the cards show before «Ещё 188 технопарков». With more
/// parks than this, the parks are ordered by their latest value (highest first, best place
/// first for a rating; no data last) and the chart draws the first ones, as it says above it:
/// 200 bars or lines would be neither readable nor quick. The table lists every park.
pub const CHART_PARKS: usize = 12;

/// The cards shown up front (the parks the chart draws) and those behind «Ещё …».
pub fn up_front(cards: &[ParkCard]) -> (&[ParkCard], &[ParkCard]) {
    cards.split_at(cards.len().min(CHART_PARKS))
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

/// What a screen reader hears for a value beside its park and figure, as the tooltip shows it:
/// «2019; источники: «Калибр», «Новый компаньон»; вероятно».
pub fn value_description(ds: &Dataset, value: &ShownValue, lang: crate::i18n::Lang) -> String {
    let s = strings(lang);
    let publishers: Vec<&str> = value
        .value
        .sources
        .iter()
        .filter_map(|id| ds.source(id).map(|src| src.publisher.get(lang)))
        .collect();
    let confidence = s
        .confidence
        .get(value.value.confidence.key())
        .copied()
        .unwrap_or_default();
    format!(
        "{}; {}: {}; {confidence}",
        value.date,
        s.sources_label(publishers.len()).to_lowercase(),
        publishers.join(", ")
    )
}

/// The headline over the chart: what it shows, said from the data. «Общая площадь: Morion
/// Digital — в 5,1 раза больше, чем Технопарк Пермь» where the parks' latest values compare
/// (`Comparability::Ratio`); otherwise the metric and why no ratio is given. It also leads the
/// chart's text alternative and the downloads' titles. No park name need be declined.
pub fn headline(
    cards: &[ParkCard],
    metric: &MetricInfo,
    series: bool,
    t: &dyn Typography,
) -> String {
    let s = strings(t.lang());
    let label = metric.label.clone();
    match comparability(cards, metric.unit, series) {
        Comparability::Ratio { high, low, ratio } => {
            let ratio = (ratio * 10.0).round() / 10.0;
            let times = fill(s.times.pick(t.plural(ratio)), &[t.number(ratio, 1)]);
            fill(
                s.headline_ratio,
                &[
                    label,
                    cards[high].name.clone(),
                    times,
                    cards[low].name.clone(),
                ],
            )
        }
        Comparability::NearlyEqual => fill(s.headline_equal, &[label]),
        Comparability::NotQuantity if metric.unit == Unit::Rank || series => {
            fill(s.headline_places, &[label])
        }
        Comparability::NotQuantity => fill(s.headline_years, &[label]),
        Comparability::Missing => fill(s.headline_missing, &[label]),
        Comparability::Apart(a, b) => fill(
            s.headline_apart,
            &[
                label,
                cards[a].values[0].date.clone(),
                cards[b].values[0].date.clone(),
            ],
        ),
    }
}

/// Whether the parks' values on a metric can be set side by side as "n times", and if not, why.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Comparability {
    /// The card `high`'s value is `ratio` times the card `low`'s.
    Ratio { high: usize, low: usize, ratio: f64 },
    /// Less than 5 % apart: "n times" would say nothing.
    NearlyEqual,
    /// Places, years or spans of years, or a series by year: not quantities to divide.
    NotQuantity,
    /// Fewer than two parks have a value (or a value is not above zero).
    Missing,
    /// The values were stated for dates more than a year apart (the two cards' indexes).
    Apart(usize, usize),
}

/// The largest of the dates' distance in years that still compares: "within a year".
const COMPARABLE_WITHIN_YEARS: f64 = 1.0;

/// How the parks' latest values on a metric compare (see `Comparability`).
pub fn comparability(cards: &[ParkCard], unit: Unit, series: bool) -> Comparability {
    if series || matches!(unit, Unit::Year | Unit::Years | Unit::Rank) {
        return Comparability::NotQuantity;
    }
    let known: Vec<(usize, &ShownValue)> = cards
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.values.last().map(|v| (i, v)))
        .collect();
    if known.len() < 2
        || known.len() < cards.len()
        || known.iter().any(|(_, v)| v.value.value <= 0.0)
    {
        return Comparability::Missing;
    }
    let by_value = |a: &&(usize, &ShownValue), b: &&(usize, &ShownValue)| {
        a.1.value.value.total_cmp(&b.1.value.value)
    };
    let (Some(&(high, top)), Some(&(low, bottom))) =
        (known.iter().max_by(by_value), known.iter().min_by(by_value))
    else {
        return Comparability::Missing;
    };
    let at = |v: &ShownValue| year_position(&v.value.date);
    let (first, last) = known
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), (_, v)| {
            (lo.min(at(v)), hi.max(at(v)))
        });
    if last - first > COMPARABLE_WITHIN_YEARS {
        let earliest = known
            .iter()
            .min_by(|a, b| at(a.1).total_cmp(&at(b.1)))
            .map_or(low, |k| k.0);
        let latest = known
            .iter()
            .max_by(|a, b| at(a.1).total_cmp(&at(b.1)))
            .map_or(high, |k| k.0);
        return Comparability::Apart(earliest, latest);
    }
    let ratio = top.value.value / bottom.value.value;
    if ratio < 1.05 {
        return Comparability::NearlyEqual;
    }
    Comparability::Ratio { high, low, ratio }
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
    let all = cards.len();
    let cards = if all > CHART_PARKS {
        by_latest(cards, info.unit)
    } else {
        cards
    };
    let (drawn, _) = up_front(&cards);
    let selection = (drawn.len() < all).then(|| {
        let template = if info.unit == Unit::Rank {
            s.chart_selection_ranks
        } else {
            s.chart_selection
        };
        fill(
            template,
            &[
                t.number(drawn.len() as f64, 0),
                counted(t, &s.of_parks, all as f64),
            ],
        )
    });

    let alt_items: Vec<String> = drawn
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
    let headline = headline(&cards, &info, series, t);
    // The headline first, then which parks are drawn, when not all, then every value drawn.
    let alt = format!(
        "{headline}. {}{}",
        selection
            .as_ref()
            .map_or(String::new(), |s| format!("{s} ")),
        fill(template, &[info.label.clone(), alt_items.join(separator)])
    );

    let marks = if series {
        let lines: Vec<SeriesLine> = drawn
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
        let rows: Vec<BarRow> = drawn
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
        headline,
        selection,
        marks,
        alt,
    })
}

/// The cards by their latest value: highest first, or best place first for a rating; cards
/// with no value last; ties in dataset order. An insertion sort: a few hundred cards at most,
/// and it costs the WASM a tenth of the standard library's sort.
fn by_latest(mut cards: Vec<ParkCard>, unit: Unit) -> Vec<ParkCard> {
    let key = |c: &ParkCard| match c.values.last() {
        Some(v) if unit == Unit::Rank => v.value.value,
        Some(v) => -v.value.value,
        None => f64::INFINITY,
    };
    for i in 1..cards.len() {
        let mut j = i;
        while j > 0 && key(&cards[j]) < key(&cards[j - 1]) {
            cards.swap(j, j - 1);
            j -= 1;
        }
    }
    cards
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::ReferenceTypography;
    use crate::i18n::Lang;
    use crate::model::{Confidence, Observation, Park, PartialDate, Text};

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

    /// A park with one value stated in `year`.
    fn valued(name: &str, value: f64, year: i32) -> ParkCard {
        let mut c = card(year..=year);
        c.name = name.into();
        c.values[0].value.value = value;
        c
    }

    #[test]
    fn values_compare_as_a_ratio_only_when_both_are_quantities_stated_within_a_year() {
        use Comparability::*;
        let (a, b) = (valued("A", 86_000.0, 2019), valued("B", 16_949.0, 2020));
        let Ratio { high, low, ratio } = comparability(&[b.clone(), a.clone()], Unit::M2, false)
        else {
            panic!("a ratio");
        };
        assert_eq!((high, low), (1, 0));
        assert!((ratio - 86_000.0 / 16_949.0).abs() < 1e-9);
        // Years apart: no ratio, and the dates that say why, earliest first.
        let late = valued("B", 16_949.0, 2023);
        assert_eq!(
            comparability(&[late.clone(), a.clone()], Unit::M2, false),
            Apart(1, 0)
        );
        // A park with no value; a value of zero.
        let none = ParkCard {
            values: vec![],
            ..b.clone()
        };
        assert_eq!(comparability(&[a.clone(), none], Unit::M2, false), Missing);
        assert_eq!(
            comparability(&[a.clone(), valued("B", 0.0, 2019)], Unit::Rub, false),
            Missing
        );
        // Nearly equal; places and years; a series.
        assert_eq!(
            comparability(&[a.clone(), valued("B", 84_000.0, 2019)], Unit::M2, false),
            NearlyEqual
        );
        for unit in [Unit::Rank, Unit::Year, Unit::Years] {
            assert_eq!(
                comparability(&[a.clone(), b.clone()], unit, false),
                NotQuantity
            );
        }
        assert_eq!(
            comparability(&[a.clone(), b.clone()], Unit::M2, true),
            NotQuantity
        );
    }

    #[test]
    fn a_values_description_names_its_date_sources_and_confidence() {
        let ds = crate::model::load_dataset(include_bytes!("../../public/data/technoparks.json"))
            .expect("valid");
        let t = ReferenceTypography { lang: Lang::Ru };
        let c = comparison(&ds, "area_m2", &t, 600.0).expect("area");
        let v = &c.cards[0].values[0];
        let text = value_description(&ds, v, Lang::Ru);
        assert!(text.starts_with("2019; источники: "), "{text}");
        assert!(text.ends_with("; вероятно"), "{text}");
        for id in &v.value.sources {
            let publisher = ds.source(id).expect("cited").publisher.get(Lang::Ru);
            assert!(text.contains(publisher), "{text} names {publisher}");
        }
    }

    #[test]
    fn the_headline_says_why_no_ratio_is_given() {
        let t = ReferenceTypography { lang: Lang::Ru };
        let metric = MetricInfo {
            id: "area_m2".into(),
            label: "Общая площадь".into(),
            unit: Unit::M2,
            formula: None,
            description: None,
        };
        let apart = [valued("A", 2.0, 2019), valued("B", 1.0, 2023)];
        assert_eq!(
            headline(&apart, &metric, false, &t),
            "Общая площадь: отношение не приводится — значения относятся к разным датам (2019 и 2023)"
        );
        let close = [valued("A", 5.0, 2019), valued("B", 1.0, 2019)];
        assert_eq!(
            headline(&close, &metric, false, &t),
            "Общая площадь: A — в 5\u{a0}раз больше, чем B"
        );
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

    /// The bundled dataset with `values.len()` parks, copies of the first, park `p{i}` valued
    /// `values[i]` on `metric` (none where `None`) in 2020, and for the rating 1st in 2019.
    fn many_parks(metric: &str, values: &[Option<f64>]) -> Dataset {
        let mut ds =
            crate::model::load_dataset(include_bytes!("../../public/data/technoparks.json"))
                .expect("valid dataset");
        let (park, obs) = (
            ds.parks[0].clone(),
            ds.observations
                .iter()
                .find(|o| o.metric == metric)
                .expect("observed")
                .clone(),
        );
        ds.observations.retain(|o| o.metric != metric);
        ds.parks = (0..values.len())
            .map(|i| Park {
                id: format!("p{i}"),
                name: Text {
                    ru: format!("П{i}"),
                    en: format!("P{i}"),
                },
                ..park.clone()
            })
            .collect();
        for (i, v) in values.iter().enumerate() {
            let years: &[i32] = if metric == "akit_rank" {
                &[2019, 2020]
            } else {
                &[2020]
            };
            for &year in years {
                if let Some(v) = v {
                    ds.observations.push(Observation {
                        park: format!("p{i}"),
                        value: if year == 2020 { *v } else { 1.0 },
                        date: PartialDate {
                            year,
                            month: None,
                            day: None,
                        },
                        ..obs.clone()
                    });
                }
            }
        }
        ds
    }

    fn parks(cards: &[ParkCard]) -> Vec<&str> {
        cards.iter().map(|c| c.park.as_str()).collect()
    }

    #[test]
    fn a_few_parks_keep_their_order_and_are_all_drawn() {
        let ds = many_parks("area_m2", &[Some(1.0), None, Some(3.0)]);
        let t = ReferenceTypography { lang: Lang::Ru };
        let c = comparison(&ds, "area_m2", &t, 640.0).expect("a metric");
        assert_eq!(parks(&c.cards), ["p0", "p1", "p2"]);
        assert_eq!(c.selection, None);
        assert_eq!(up_front(&c.cards).1.len(), 0);
    }

    #[test]
    fn with_many_parks_the_chart_draws_the_first_by_latest_value_and_says_so() {
        let n = CHART_PARKS + 3;
        // p0 has no data; p1..: values rising, p5 and p6 tied.
        let values: Vec<Option<f64>> = (0..n)
            .map(|i| match i {
                0 => None,
                6 => Some(50.0),
                i => Some(i as f64 * 10.0),
            })
            .collect();
        // Bars (one value each), and a rating's lines.
        for (metric, best_first) in [("area_m2", true), ("akit_rank", false)] {
            let ds = many_parks(metric, &values);
            let t = ReferenceTypography { lang: Lang::Ru };
            let c = comparison(&ds, metric, &t, 640.0).expect("a metric");
            let mut want: Vec<String> = (1..n).map(|i| format!("p{i}")).collect();
            if best_first {
                want.reverse();
                // Ties keep the dataset's order: p5 before p6.
                let (a, b) = (
                    want.iter().position(|p| p == "p5").unwrap(),
                    want.iter().position(|p| p == "p6").unwrap(),
                );
                want.swap(a, b);
            }
            want.push("p0".into());
            assert_eq!(parks(&c.cards), want, "{metric}: no data last");
            let (drawn, rest) = up_front(&c.cards);
            assert_eq!((drawn.len(), rest.len()), (CHART_PARKS, 3));
            let mut on_chart: Vec<&str> = c.chart.data.iter().map(|d| d.park.as_str()).collect();
            on_chart.dedup();
            assert_eq!(
                on_chart,
                parks(drawn),
                "{metric}: the chart draws the cards up front"
            );
            assert!(c.chart.alt.contains(&format!("{} — ", drawn[0].name)));
            let selection = c.selection.clone().expect("a selection");
            assert!(
                selection.starts_with("На графике — 12 из 15 технопарков"),
                "{selection}"
            );
            assert!(c.chart.alt.contains(&selection), "{}", c.chart.alt);
            assert!(
                !c.chart.alt.contains(&format!("{} — ", rest[0].name)),
                "{}: only the drawn parks",
                c.chart.alt
            );
        }
        let ds = many_parks("akit_rank", &values);
        let en = comparison(
            &ds,
            "akit_rank",
            &ReferenceTypography { lang: Lang::En },
            640.0,
        )
        .expect("a metric");
        assert!(en
            .selection
            .expect("a selection")
            .starts_with("The chart shows 12 of 15 parks, those with the best latest places"));
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
