//! Dates at the precision a source gives: a year, a month or a day.

use std::cmp::Ordering;
use std::fmt;

/// A calendar date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// How precisely a [`PartialDate`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("not YYYY, YYYY-MM or YYYY-MM-DD")]
    Format,
    /// Well-formed, but no such day or month (`2019-13-01`, `2019-02-30`).
    #[error("no such date")]
    Impossible,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, refusing impossible dates.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let parts: Vec<&str> = text.split('-').collect();
        let widths_ok = match parts.as_slice() {
            [y] => y.len() == 4,
            [y, m] => y.len() == 4 && m.len() == 2,
            [y, m, d] => y.len() == 4 && m.len() == 2 && d.len() == 2,
            _ => false,
        };
        if !widths_ok || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
            return Err(DateError::Format);
        }
        let num = |s: &str| s.parse::<u16>().map_err(|_| DateError::Format);
        let year = i32::from(num(parts[0])?);
        let month = parts.get(1).map(|m| num(m)).transpose()?;
        let day = parts.get(2).map(|d| num(d)).transpose()?;
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError::Impossible);
            }
        }
        if let (Some(m), Some(d)) = (month, day) {
            if d < 1 || d > u16::from(days_in_month(year, m as u8)) {
                return Err(DateError::Impossible);
            }
        }
        Ok(Self {
            year,
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
        })
    }

    /// A whole year.
    pub fn year(year: i32) -> Self {
        Self {
            year,
            month: None,
            day: None,
        }
    }

    /// How precisely the date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The earliest day the date can mean, as (year, month, day).
    pub fn first_day(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The latest day the date can mean, as (year, month, day).
    pub fn last_day(&self) -> (i32, u8, u8) {
        let month = self.month.unwrap_or(12);
        (
            self.year,
            month,
            self.day.unwrap_or(days_in_month(self.year, month)),
        )
    }

    /// Whether the date lies wholly after `other`, each at its own precision
    /// (`2024-06-15` is not after `2024`; `2025` is).
    pub fn wholly_after(&self, other: &PartialDate) -> bool {
        self.first_day() > other.last_day()
    }
}

/// Chronological, and at equal start the less precise date first (a year heads its months).
impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0)).cmp(&(
            other.year,
            other.month.unwrap_or(0),
            other.day.unwrap_or(0),
        ))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The ISO form it was written in: `2019`, `2019-10`, `2019-10-10`.
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_prints_it_back() {
        for text in ["2019", "2019-10", "2019-10-10", "2024-02-29"] {
            assert_eq!(
                PartialDate::parse(text).map(|d| d.to_string()),
                Ok(text.to_string())
            );
        }
        assert_eq!(
            PartialDate::parse("2019-10").unwrap().precision(),
            Precision::Month
        );
    }

    #[test]
    fn refuses_ill_formed_and_impossible_dates() {
        for text in [
            "19-10",
            "2019-1-01",
            "2019/10/10",
            "",
            "2019-10-10T00",
            "+201",
            "２０１９",
        ] {
            assert_eq!(PartialDate::parse(text), Err(DateError::Format), "{text}");
        }
        for text in [
            "2019-13-01",
            "2019-02-30",
            "2023-02-29",
            "2019-00",
            "2019-10-00",
        ] {
            assert_eq!(
                PartialDate::parse(text),
                Err(DateError::Impossible),
                "{text}"
            );
        }
    }

    #[test]
    fn compares_at_the_coarser_precision() {
        let d = |s| PartialDate::parse(s).unwrap();
        assert!(!d("2024-06-15").wholly_after(&d("2024")));
        assert!(d("2025").wholly_after(&d("2024-12-31")));
        assert!(!d("2010-12").wholly_after(&d("2010")));
        assert_eq!(d("2024-02").last_day(), (2024, 2, 29));
    }

    #[test]
    fn orders_chronologically_with_the_vaguer_date_first() {
        let mut dates: Vec<_> = ["2019-10-10", "2018", "2019", "2019-10", "2019-06-30"]
            .iter()
            .map(|t| PartialDate::parse(t).unwrap())
            .collect();
        dates.sort();
        let printed: Vec<_> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(
            printed,
            ["2018", "2019", "2019-06-30", "2019-10", "2019-10-10"]
        );
    }
}
