//! Reading plain number cells (amounts, weights, scores, claimed rates) and the one rounding
//! rule of the forms: half away from zero (四舍五入) to 0.01.

use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::normalize::{is_empty_marker, normalize};

/// What a number cell holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberCell {
    /// Nothing, or a filler such as "—" or "/".
    Empty,
    Number(Decimal),
    /// Text that is not a number; the cell keeps it and a finding says so.
    Unreadable,
}

impl NumberCell {
    /// The number, or `None` for empty and unreadable cells.
    pub fn value(self) -> Option<Decimal> {
        match self {
            NumberCell::Number(value) => Some(value),
            _ => None,
        }
    }

    /// The number, 0 for an empty or unreadable cell: how sums treat them.
    pub fn or_zero(self) -> Decimal {
        self.value().unwrap_or(Decimal::ZERO)
    }
}

/// Reads an amount, weight or score: "1,234.56", "９５", "10分", "290.32万元".
pub fn read_number(text: &str) -> NumberCell {
    if text.is_empty() {
        return NumberCell::Empty;
    }
    // A plain number ("10", "0.05", "-3.5") is what normalising would leave it, and most
    // cells are one: it is read at once.
    match parse_plain(text) {
        Some(number) => NumberCell::Number(number),
        None => read_any_number(text),
    }
}

fn read_any_number(text: &str) -> NumberCell {
    let normalized = normalize(text);
    let trimmed = without_unit(&normalized);
    // A number has a digit and a filler (—, /, 无数据) none, so the filler test waits.
    match parse_decimal(trimmed) {
        Some(number) => NumberCell::Number(number),
        None if is_empty_marker(trimmed) => NumberCell::Empty,
        None => NumberCell::Unreadable,
    }
}

/// Reads a rate as a fraction: "100%" → 1, "99.83%" → 0.9983, "0.95" → 0.95, "95" → 0.95.
/// Also returns how many decimals the percentage was written with, for comparing "to the
/// shown precision".
pub fn read_rate(text: &str) -> (NumberCell, u32) {
    if text.is_empty() {
        return (NumberCell::Empty, 0);
    }
    let normalized = normalize(text);
    if is_empty_marker(&normalized) {
        return (NumberCell::Empty, 0);
    }
    let (digits, percent) = match normalized.strip_suffix('%') {
        Some(digits) => (digits.trim(), true),
        None => (normalized.as_ref(), false),
    };
    let Some(value) = parse_decimal(digits) else {
        return (NumberCell::Unreadable, 0);
    };
    if percent || value > Decimal::ONE {
        let shown = value.normalize().scale();
        // Dividing by 100 cannot overflow: never `Unreadable`.
        match value.checked_div(Decimal::ONE_HUNDRED) {
            Some(rate) => (NumberCell::Number(rate), shown),
            None => (NumberCell::Unreadable, 0),
        }
    } else {
        let shown = value.normalize().scale().saturating_sub(2);
        (NumberCell::Number(value), shown)
    }
}

/// Reads a 得分系数 or 权重占比: a part of the whole, so a negative one is not a reading
/// but a slip, and scaling a weight by it would make the ceiling negative.
pub fn read_part(text: &str) -> NumberCell {
    match read_rate(text).0 {
        NumberCell::Number(part) if part.is_sign_negative() && !part.is_zero() => {
            NumberCell::Unreadable
        }
        cell => cell,
    }
}

/// Whether the text reads as a negative number (to say why it was refused).
pub fn is_negative(text: &str) -> bool {
    parse_decimal(normalize(text).trim_end_matches('%').trim())
        .is_some_and(|number| number.is_sign_negative() && !number.is_zero())
}

/// Whether a claimed rate ("100%", "99.8%") equals the computed one to the precision it is
/// written with; `None` when no readable rate is claimed.
pub fn rate_matches_claim(rate: Decimal, claimed: &str) -> Option<bool> {
    let (NumberCell::Number(claimed), shown) = read_rate(claimed) else {
        return None;
    };
    let as_shown = |r: Decimal| {
        r.checked_mul(Decimal::ONE_HUNDRED)
            .map(|p| p.round_dp_with_strategy(shown, RoundingStrategy::MidpointAwayFromZero))
    };
    Some(as_shown(rate) == as_shown(claimed))
}

/// Parses a plain decimal, with an optional leading sign. `None` for anything else.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let text = text.strip_prefix('+').unwrap_or(text);
    parse_plain(text).or_else(|| parse_unusual(text).filter(|value| in_range(*value)))
}

/// The largest magnitude a cell may hold: a thousand trillion, far past any budget in 元,
/// and far enough below `Decimal`'s limit that a product of two cells, or a sum of every row,
/// cannot overflow it. Past it, a cell is not a number zipin computes with.
pub const MAX_MAGNITUDE: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);

/// The most decimal places a cell may have.
pub const MAX_PLACES: u32 = 12;

/// Whether a number is one zipin computes with (see [`MAX_MAGNITUDE`], [`MAX_PLACES`]).
fn in_range(value: Decimal) -> bool {
    value.abs() < MAX_MAGNITUDE && value.scale() <= MAX_PLACES
}

/// Whether a cell is written as a number but lies beyond what zipin computes with
/// (`-79228162514264337593543950335`, 30 decimal places): said as such, not as words.
pub fn beyond_range(text: &str) -> bool {
    let normalized = normalize(text);
    let trimmed = without_unit(&normalized);
    let trimmed = trimmed.strip_prefix('+').unwrap_or(trimmed);
    let numeric = trimmed.bytes().any(|b| b.is_ascii_digit())
        && trimmed
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'e' | b'E'));
    numeric && parse_decimal(trimmed).is_none()
}

/// Any other number `Decimal::from_str` reads ("1.", ".5", more than 18 digits), once the text
/// is known to hold nothing but digits, points and signs; out of line, as few cells need it.
#[cold]
fn parse_unusual(text: &str) -> Option<Decimal> {
    let valid = text
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        && text.bytes().any(|b| b.is_ascii_digit());
    if !valid {
        return None;
    }
    Decimal::from_str(text).ok()
}

/// `-?digits(.digits)?` of at most 18 bytes, the shape of nearly every amount, weight and
/// score: read straight into a mantissa and a scale, the same `Decimal` that `from_str`
/// builds (a test holds them equal) at a fraction of its cost, which the engine pays for
/// each of a row's four numbers; the range ([`MAX_MAGNITUDE`], [`MAX_PLACES`]) is judged
/// on the digits. Anything else is left to `from_str`.
fn parse_plain(text: &str) -> Option<Decimal> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest.as_bytes()),
        None => (false, text.as_bytes()),
    };
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut mantissa: i64 = 0;
    let mut scale = 0;
    for (at, &byte) in digits.iter().enumerate() {
        match byte {
            // At most 18 digits fit an `i64`: never `None`, and `from_str` would read it.
            b'0'..=b'9' => {
                mantissa = mantissa
                    .checked_mul(10)?
                    .checked_add(i64::from(byte.saturating_sub(b'0')))?;
            }
            b'.' if scale == 0 && at > 0 && at.saturating_add(1) < digits.len() => {
                scale = digits.len().saturating_sub(at.saturating_add(1));
            }
            _ => return None,
        }
    }
    let scale = u32::try_from(scale).ok()?;
    // Within range: at most 12 places and an integer part below 10^15 (a limit past `i64`
    // is above any 18-digit mantissa).
    let below_limit = 10_i64
        .checked_pow(scale.saturating_add(15))
        .is_none_or(|limit| mantissa < limit);
    if scale > MAX_PLACES || !below_limit {
        return None;
    }
    let mut value = Decimal::try_new(mantissa, scale).ok()?;
    // `from_str` reads "-0" as a zero without a sign.
    value.set_sign_negative(negative && mantissa != 0);
    Some(value)
}

/// A number cell without its unit (万元, 元 or 分) and the space before it. Each unit ends in a
/// non-ASCII byte, so a cell ending in an ASCII one (a digit, the common case) is passed at once.
fn without_unit(text: &str) -> &str {
    if text.as_bytes().last().is_none_or(u8::is_ascii) {
        return text;
    }
    ["万元", "元", "分"]
        .iter()
        .find_map(|unit| text.strip_suffix(unit))
        .map_or(text, str::trim_end)
}

/// Rounds half away from zero (四舍五入) to 0.01, the precision of every score.
/// (`Decimal::round_dp` alone would round half to even: 9.385 → 9.38.)
/// Most scores already have two places or fewer and come back as they are, without a call.
pub fn round2(value: Decimal) -> Decimal {
    if value.scale() <= 2 {
        return value;
    }
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// How far apart two numbers are, to compare with a tolerance. Exact for any two a cell may
/// hold (see [`MAX_MAGNITUDE`]); a difference past `Decimal`'s range is as far apart as
/// numbers get.
pub fn distance(a: Decimal, b: Decimal) -> Decimal {
    a.checked_sub(b)
        .map_or(Decimal::MAX, |difference| difference.abs())
}

/// Formats a decimal for people: no trailing zeros ("95", "9.5", "0.9983").
pub fn plain(value: Decimal) -> String {
    Plain(value).to_string()
}

/// A decimal as [`plain`] writes it, formatted in place: a message of several numbers is
/// then written in one allocation (the checks write one for every finding).
pub struct Plain(pub Decimal);

impl std::fmt::Display for Plain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.normalize().fmt(f)
    }
}

/// Formats a score with two decimals ("9.75", "10.00"), as the forms print them.
pub fn two_places(value: Decimal) -> String {
    let mut rounded = round2(value);
    rounded.rescale(2);
    rounded.to_string()
}

/// Formats a fraction as a percentage with two decimals: 0.99834 → "99.83%".
pub fn percent(rate: Decimal) -> String {
    match rate.checked_mul(Decimal::ONE_HUNDRED) {
        Some(hundredfold) => format!("{}%", two_places(hundredfold)),
        None => "—".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_range_is_a_thousand_trillion_and_twelve_places() {
        assert_eq!(MAX_MAGNITUDE, Decimal::from(1_000_000_000_000_000_i64));
        assert_eq!(
            read_number("999999999999999.99"),
            NumberCell::Number("999999999999999.99".parse().unwrap())
        );
        for text in [
            "1000000000000000",
            "-79228162514264337593543950335",
            "0.0000000000001",
        ] {
            assert_eq!(read_number(text), NumberCell::Unreadable, "{text}");
            assert!(beyond_range(text), "{text}");
        }
        assert!(!beyond_range("一百"));
    }

    use super::*;

    fn dec(text: &str) -> Decimal {
        text.parse()
            .unwrap_or_else(|_| panic!("not a decimal: {text}"))
    }

    #[track_caller]
    fn number(input: &str, expected: NumberCell) {
        assert_eq!(read_number(input), expected, "read_number({input:?})");
    }

    #[test]
    fn reads_number_cells() {
        number("10", NumberCell::Number(dec("10")));
        number("　10", NumberCell::Number(dec("10")));
        number("0　", NumberCell::Number(dec("0")));
        number("1,234.56", NumberCell::Number(dec("1234.56")));
        number("１２３．４", NumberCell::Number(dec("123.4")));
        number("10分", NumberCell::Number(dec("10")));
        number("290.32万元", NumberCell::Number(dec("290.32")));
        number("12 元", NumberCell::Number(dec("12")));
        number("元", NumberCell::Empty);
        number("-10.62", NumberCell::Number(dec("-10.62")));
        number("+5", NumberCell::Number(dec("5")));
        number("—", NumberCell::Empty);
        number("——", NumberCell::Empty);
        number("/", NumberCell::Empty);
        number("　", NumberCell::Empty);
        number("", NumberCell::Empty);
        number("十", NumberCell::Unreadable);
        number("1.2.3", NumberCell::Unreadable);
        number("12a", NumberCell::Unreadable);
        number("99999999999999999999999999999999", NumberCell::Unreadable);
    }

    #[test]
    fn reads_rates_as_fractions_with_shown_precision() {
        assert_eq!(read_rate("100%"), (NumberCell::Number(dec("1")), 0));
        assert_eq!(read_rate("99.83%"), (NumberCell::Number(dec("0.9983")), 2));
        assert_eq!(read_rate("１００％"), (NumberCell::Number(dec("1")), 0));
        assert_eq!(read_rate("0.95"), (NumberCell::Number(dec("0.95")), 0));
        assert_eq!(read_rate("95.5"), (NumberCell::Number(dec("0.955")), 1));
        assert_eq!(read_rate(""), (NumberCell::Empty, 0));
        assert_eq!(read_rate("全部"), (NumberCell::Unreadable, 0));
        assert_eq!(read_part("-1"), NumberCell::Unreadable);
        assert_eq!(read_part("0.3"), NumberCell::Number(dec("0.3")));
        assert_eq!(read_part("-0"), NumberCell::Number(dec("0")));
        assert!(is_negative("－20%") && !is_negative("20%") && !is_negative("无"));
    }

    proptest::proptest! {
        /// The fast path builds exactly what `Decimal::from_str` builds (sign, mantissa and
        /// scale alike), and refuses what it does not read, so nothing reads differently.
        #[test]
        fn plain_numbers_read_as_from_str_reads_them(text in r"[-+]?[0-9]{0,17}(\.[0-9]{0,14})?(\.|[0-9]|-|a)?") {
            let fast = parse_plain(&text);
            if let Some(fast) = fast {
                let parsed = Decimal::from_str(&text).unwrap();
                proptest::prop_assert_eq!(fast.serialize(), parsed.serialize(), "{}", text);
                proptest::prop_assert!(in_range(fast), "{}", text);
            }
            let expected = parse_decimal_slowly(&text).filter(|value| in_range(*value));
            proptest::prop_assert_eq!(parse_decimal(&text).map(|d| d.serialize()), expected.map(|d| d.serialize()), "{}", text);
        }
    }

    proptest::proptest! {
        /// A number cell read at once reads as the full path reads it.
        #[test]
        fn plain_number_cells_read_as_any_cell_does(text in r"[ 　+\-]?[0-9０-９]{0,6}([.,．][0-9]{0,3})?(万元|元|分| |—)?") {
            proptest::prop_assert_eq!(read_number(&text), read_any_number(&text), "{:?}", text);
        }
    }

    /// `parse_decimal` without the fast path.
    fn parse_decimal_slowly(text: &str) -> Option<Decimal> {
        parse_unusual(text.strip_prefix('+').unwrap_or(text))
    }

    #[test]
    fn plain_numbers_take_the_fast_path() {
        for (text, mantissa, scale) in [
            ("0.05", 5, 2),
            ("10", 10, 0),
            ("-10.620", -10620, 3),
            ("007", 7, 0),
            ("999999999999999", 999999999999999, 0),
            ("-0.123456789012", -123456789012, 12),
        ] {
            let value = parse_plain(text).unwrap();
            assert_eq!(
                (value.mantissa(), value.scale()),
                (mantissa, scale),
                "{text}"
            );
        }
        for text in [
            "",
            "-",
            ".5",
            "5.",
            "1.2.3",
            "1e5",
            "1234567890123456789",
            "1000000000000000",
            "0.1234567890123",
            "--1",
            "1-",
        ] {
            assert_eq!(parse_plain(text), None, "{text}");
        }
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(round2(dec("9.375")), dec("9.38"));
        assert_eq!(round2(dec("9.385")), dec("9.39"));
        assert_eq!(round2(dec("9.384999")), dec("9.38"));
        assert_eq!(round2(dec("-9.385")), dec("-9.39"));
        assert_eq!(two_places(dec("10")), "10.00");
        assert_eq!(percent(dec("0.99834")), "99.83%");
        assert_eq!(percent(dec("1")), "100.00%");
        assert_eq!(plain(dec("95.00")), "95");
    }
}
