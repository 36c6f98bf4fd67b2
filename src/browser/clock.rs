//! Today's date, from the browser's clock: a new set is named by it, a memo dated by it.

/// A calendar day.
pub struct Day {
    pub year: u32,
    pub month: u32,
    pub day: u32,
}

impl Day {
    /// Today, in the computer's time zone.
    pub fn today() -> Day {
        let date = js_sys::Date::new_0();
        Day {
            year: date.get_full_year(),
            month: date.get_month().saturating_add(1),
            day: date.get_date(),
        }
    }

    /// 2024-03-18.
    pub fn iso(&self) -> String {
        format!("{}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// 2024年3月18日, as a memo is dated.
    pub fn in_words(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }
}
