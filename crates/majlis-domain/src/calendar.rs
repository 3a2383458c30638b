//! The month view of the calendar: which days a month's grid shows.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// A month as shown: whole weeks from Monday (the week of Moroccan offices)
/// to Sunday, the days of the neighbouring months included.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthGrid {
    pub first: NaiveDate,
    pub weeks: Vec<[NaiveDate; 7]>,
}

impl MonthGrid {
    /// The grid of `year`-`month`, or `None` for a month that does not exist.
    pub fn new(year: i32, month: u32) -> Option<Self> {
        let first = NaiveDate::from_ymd_opt(year, month, 1)?;
        let start = first - Duration::days(first.weekday().num_days_from_monday().into());
        let next = next_month(first);
        let mut weeks = Vec::new();
        let mut day = start;
        while day < next {
            let mut week = [day; 7];
            for (i, d) in week.iter_mut().enumerate() {
                *d = day + Duration::days(i as i64);
            }
            weeks.push(week);
            day += Duration::days(7);
        }
        Some(Self { first, weeks })
    }

    /// First shown day and the day after the last shown day.
    pub fn range(&self) -> (NaiveDate, NaiveDate) {
        let first = self.weeks[0][0];
        let last = self.weeks[self.weeks.len() - 1][6];
        (first, last + Duration::days(1))
    }

    pub fn previous(&self) -> NaiveDate {
        let d = self.first - Duration::days(1);
        d.with_day(1).unwrap_or(d)
    }

    pub fn next(&self) -> NaiveDate {
        next_month(self.first)
    }
}

fn next_month(first: NaiveDate) -> NaiveDate {
    let d = first + Duration::days(32);
    d.with_day(1).unwrap_or(d)
}

/// Monday first, as the grid's header.
pub const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn december_2016() {
        let g = MonthGrid::new(2016, 12).unwrap();
        // 1 December 2016 was a Thursday: the grid starts on Monday 28 November.
        assert_eq!(g.weeks[0][0], d(2016, 11, 28));
        assert_eq!(g.weeks[0][3], d(2016, 12, 1));
        assert_eq!(g.weeks.len(), 5);
        assert_eq!(g.range(), (d(2016, 11, 28), d(2017, 1, 2)));
        // Monday 19 December is the first day of the fourth week.
        assert_eq!(g.weeks[3][0], d(2016, 12, 19));
        assert_eq!(g.previous(), d(2016, 11, 1));
        assert_eq!(g.next(), d(2017, 1, 1));
    }

    #[test]
    fn months_of_four_to_six_weeks() {
        assert_eq!(MonthGrid::new(2021, 2).unwrap().weeks.len(), 4);
        assert_eq!(MonthGrid::new(2017, 7).unwrap().weeks.len(), 6);
        assert!(MonthGrid::new(2017, 13).is_none());
    }
}
