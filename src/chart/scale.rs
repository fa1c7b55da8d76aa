//! Mapping data values to pixels, and the round numbers an axis is labelled with.

/// A linear map from a data interval onto a pixel interval (either may run backwards).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Linear {
    /// The pixel for a data value.
    pub fn map(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return (r0 + r1) / 2.0;
        }
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// Round tick values (1, 2 or 5 times a power of ten) covering `[min, max]`, about `count` of them.
pub fn nice_ticks(min: f64, max: f64, count: usize) -> Vec<f64> {
    if !(min.is_finite() && max.is_finite()) || max <= min || count == 0 {
        return vec![min];
    }
    let raw = (max - min) / count as f64;
    let power = 10f64.powf(raw.log10().floor());
    let step = power
        * match raw / power {
            r if r < 1.5 => 1.0,
            r if r < 3.0 => 2.0,
            r if r < 7.0 => 5.0,
            _ => 10.0,
        };
    let first = (min / step).ceil() as i64;
    let last = (max / step).floor() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_and_inverts() {
        let rank = Linear {
            domain: (1.0, 5.0),
            range: (200.0, 20.0),
        };
        assert_eq!(rank.map(1.0), 200.0);
        assert_eq!(rank.map(5.0), 20.0);
        assert_eq!(rank.map(3.0), 110.0);
    }

    #[test]
    fn ticks_are_round() {
        assert_eq!(
            nice_ticks(0.0, 86_000.0, 4),
            vec![0.0, 20_000.0, 40_000.0, 60_000.0, 80_000.0]
        );
        assert_eq!(nice_ticks(1.0, 5.0, 4), vec![1.0, 2.0, 3.0, 4.0, 5.0]);
    }
}
