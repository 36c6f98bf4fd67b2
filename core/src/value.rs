//! Reading an indicator value (SPEC §3): "≥95%", "覆盖率≥100%", "≤365天/年", "290.32万元",
//! "不断提升" become a direction, a number and a unit, or a qualitative reading.

use std::borrow::Cow;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::normalize::{contains_word, is_empty_marker, normalize_compact};
use crate::number::parse_decimal;

/// Which way an indicator counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    /// ≥ (正向指标): more is better.
    AtLeast,
    /// ≤ (反向指标): less is better (costs, durations).
    AtMost,
    /// = : exactly the target.
    Equal,
}

/// The three levels of a qualitative indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Level {
    /// 达成
    Achieved,
    /// 部分达成
    Partial,
    /// 未达成
    NotAchieved,
}

impl Level {
    /// All levels, best first.
    pub const ALL: [Level; 3] = [Level::Achieved, Level::Partial, Level::NotAchieved];

    /// The level as the forms write it.
    pub fn label(self) -> &'static str {
        match self {
            Level::Achieved => "达成",
            Level::Partial => "部分达成",
            Level::NotAchieved => "未达成",
        }
    }
}

/// A number read from a value, with its direction and unit. The unit borrows from the cell
/// when the cell needed no normalising: reading a 100,000-row form allocates nothing for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quantity<'a> {
    /// The direction the text states (by sign or word); `None` when it states none.
    pub direction: Option<Direction>,
    pub amount: Decimal,
    /// The unit after the number ("%", "万元", "个项目", "天/年"); empty when none.
    pub unit: Cow<'a, str>,
}

/// What a value cell says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reading<'a> {
    Empty,
    Quantity(Quantity<'a>),
    /// Words or periods; the level when the words name one.
    Qualitative(Option<Level>),
}

/// Reads a value cell.
pub fn read_value(text: &str) -> Reading<'_> {
    read_common(text).unwrap_or_else(|| read_any(text))
}

/// The common cell read in one walk: ideographs, a sign (≥ ≤ > <), a plain number, then `%`
/// and ideographs, each part optional but the number ("≥100人", "合格率≥95%", "12.5万元",
/// "97%"). Nothing in it is changed by normalising, and it holds no space, comma, 百, period
/// (年 月 号 after the number) or direction word, so [`read_any`] would read it the same (a
/// proptest holds the two equal); `None` leaves every other cell to it. Every row has two
/// value cells, and this is most of them.
fn read_common(text: &str) -> Option<Reading<'_>> {
    let bytes = text.as_bytes();
    let mut at = 0;
    while plain_ideograph(bytes, at).is_some() {
        at = at.saturating_add(3);
    }
    let sign = match (bytes.get(at..at.saturating_add(3)), bytes.get(at)) {
        (Some([0xE2, 0x89, 0xA5]), _) => Some((Direction::AtLeast, 3)), // ≥
        (Some([0xE2, 0x89, 0xA4]), _) => Some((Direction::AtMost, 3)),  // ≤
        (_, Some(b'>')) => Some((Direction::AtLeast, 1)),
        (_, Some(b'<')) => Some((Direction::AtMost, 1)),
        _ => None,
    };
    at = at.saturating_add(sign.map_or(0, |(_, width)| width));
    let start = at;
    at = digits_end(bytes, at);
    if at == start {
        return None;
    }
    let fraction = at.saturating_add(1);
    if bytes.get(at) == Some(&b'.') && bytes.get(fraction).is_some_and(u8::is_ascii_digit) {
        at = digits_end(bytes, fraction);
    }
    let end = at;
    while let Some(&byte) = bytes.get(at) {
        match (byte, plain_ideograph(bytes, at)) {
            (b'%', _) => at = at.saturating_add(1),
            (_, Some('年' | '月' | '号')) if at == end => return None,
            (_, Some(_)) => at = at.saturating_add(3),
            (_, None) => return None,
        }
    }
    let amount = parse_decimal(text.get(start..end)?)?;
    let unit = Cow::Borrowed(text.get(end..)?);
    Some(Reading::Quantity(Quantity {
        direction: sign.map(|(direction, _)| direction),
        amount,
        unit,
    }))
}

/// The character at `at` when the common cell may hold it: an ideograph U+4E00…U+9FFF (three
/// bytes led by 0xE4…0xE9) other than 百 and the first characters of the direction words.
#[inline]
fn plain_ideograph(bytes: &[u8], at: usize) -> Option<char> {
    let [lead @ 0xE4..=0xE9, second, third] = *bytes.get(at..at.saturating_add(3))? else {
        return None;
    };
    let code =
        u32::from(lead & 0x0F) << 12 | u32::from(second & 0x3F) << 6 | u32::from(third & 0x3F);
    char::from_u32(code)
        .filter(|c| *c >= '\u{4e00}' && *c != '百' && !DIRECTION_WORD_STARTS.contains(c))
}

/// Reads any value cell (see the module doc).
fn read_any(text: &str) -> Reading<'_> {
    let normalized = normalize_compact(text);
    // A filler (—, /, 无数据) holds no digit, so only a text without a number is asked.
    let Some((start, end)) = first_number(&normalized) else {
        if is_empty_marker(&normalized) {
            return Reading::Empty;
        }
        return Reading::Qualitative(level_of(&normalized));
    };
    let (prefix, number) = (
        normalized.get(..start).unwrap_or(""),
        normalized.get(start..end).unwrap_or(""),
    );
    let suffix = normalized.get(end..).unwrap_or("");
    if is_period(number, suffix) || suffix.bytes().any(|b| b.is_ascii_digit()) {
        return Reading::Qualitative(None);
    }
    let Some(amount) = parse_decimal(number) else {
        return Reading::Qualitative(None);
    };
    let (prefix_rest, sign) = split_sign(prefix);
    let prefix_word = direction_word(prefix_rest);
    let suffix_word = direction_word(suffix);
    let direction = sign.or(prefix_word).or(suffix_word);
    let unit = match (suffix_word, &normalized) {
        (Some(_), _) => Cow::Owned(trim_unit(&strip_direction_words(suffix)).to_owned()),
        (None, Cow::Borrowed(cell)) => Cow::Borrowed(trim_unit(cell.get(end..).unwrap_or(""))),
        (None, Cow::Owned(_)) => Cow::Owned(trim_unit(suffix).to_owned()),
    };
    Reading::Quantity(Quantity {
        direction,
        amount,
        unit,
    })
}

/// A unit without the punctuation a sentence leaves after it ("人。", "万元)").
/// Most units end in none of them, which the last byte tells without decoding a character
/// (0x82 ends `。`, U+3002).
fn trim_unit(unit: &str) -> &str {
    match unit.as_bytes().last() {
        Some(b'.' | b',' | b';' | b':' | b'(' | b')' | 0x82) => {
            unit.trim_end_matches(['。', '.', ',', ';', ':', '(', ')'])
        }
        _ => unit,
    }
}

/// The level named by qualitative words: 未达成 and 部分达成 before the 达成 they contain.
/// (`str::contains` with a CJK `char` sets up a substring searcher on every call.)
pub fn level_of(words: &str) -> Option<Level> {
    let has = |word| contains_word(words, word);
    if !has("达") {
        None
    } else if has("未达成") || has("未达到") {
        Some(Level::NotAchieved)
    } else if has("部分达成") || has("部分达到") {
        Some(Level::Partial)
    } else if has("达成") {
        Some(Level::Achieved)
    } else {
        None
    }
}

/// The first number's byte range: digits with an optional fraction, and a leading minus
/// when the text starts with it ("-10.62").
fn first_number(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let first = bytes.iter().position(u8::is_ascii_digit)?;
    let mut end = digits_end(bytes, first);
    let fraction = end.saturating_add(1);
    if bytes.get(end) == Some(&b'.') && bytes.get(fraction).is_some_and(u8::is_ascii_digit) {
        end = digits_end(bytes, fraction);
    }
    let start = if first == 1 && bytes.first() == Some(&b'-') {
        0
    } else {
        first
    };
    Some((start, end))
}

/// Where the run of ASCII digits from `at` ends (`at` itself when there is none).
#[inline]
fn digits_end(bytes: &[u8], at: usize) -> usize {
    let run = bytes.get(at..).map_or(0, |rest| {
        rest.iter().take_while(|byte| byte.is_ascii_digit()).count()
    });
    at.saturating_add(run)
}

/// Whether the number is part of a date or period: a year ("2022年"), a month ("6月底前",
/// but not "3个月"), or a range of them.
fn is_period(number: &str, suffix: &str) -> bool {
    match suffix.chars().next() {
        Some('年') => number.len() == 4 && number.bytes().all(|b| b.is_ascii_digit()),
        Some('月') | Some('号') => true,
        _ => false,
    }
}

/// Splits an operator sign off the end of the text before the number.
fn split_sign(prefix: &str) -> (&str, Option<Direction>) {
    let prefix = prefix.strip_suffix('-').unwrap_or(prefix);
    let mut chars = prefix.chars();
    let direction = match chars.next_back() {
        Some('≥') | Some('>') => Direction::AtLeast,
        Some('≤') | Some('<') => Direction::AtMost,
        Some('=') => Direction::Equal,
        _ => return (prefix, None),
    };
    (chars.as_str(), Some(direction))
}

/// Direction words, longest first so that 不超过 is not read as 超过.
const DIRECTION_WORDS: [(&str, Direction); 21] = [
    ("大于等于", Direction::AtLeast),
    ("小于等于", Direction::AtMost),
    ("不低于", Direction::AtLeast),
    ("不少于", Direction::AtLeast),
    ("不小于", Direction::AtLeast),
    ("不超过", Direction::AtMost),
    ("不高于", Direction::AtMost),
    ("不大于", Direction::AtMost),
    ("控制在", Direction::AtMost),
    ("以上", Direction::AtLeast),
    ("至少", Direction::AtLeast),
    ("大于", Direction::AtLeast),
    ("高于", Direction::AtLeast),
    ("超过", Direction::AtLeast),
    ("达到", Direction::AtLeast),
    ("以下", Direction::AtMost),
    ("以内", Direction::AtMost),
    ("之内", Direction::AtMost),
    ("小于", Direction::AtMost),
    ("低于", Direction::AtMost),
    ("少于", Direction::AtMost),
];

/// The characters every direction word starts with; most units hold none of them.
const DIRECTION_WORD_STARTS: [char; 12] = [
    '大', '小', '不', '控', '以', '至', '高', '超', '达', '低', '少', '之',
];

/// The direction the first direction word in a text states, if any (texts without any
/// non-ASCII character hold none).
fn direction_word(text: &str) -> Option<Direction> {
    if text.is_ascii() || !text.contains(DIRECTION_WORD_STARTS) {
        return None;
    }
    DIRECTION_WORDS
        .iter()
        .find(|(word, _)| text.contains(word))
        .map(|(_, direction)| *direction)
}

/// A text without its direction words.
fn strip_direction_words(text: &str) -> String {
    let mut rest = text.to_owned();
    for (word, _) in DIRECTION_WORDS {
        if rest.contains(word) {
            rest = rest.replace(word, "");
        }
    }
    rest
}

/// Money units and their size in 元, for comparing 元 with 万元.
const MONEY_UNITS: [(&str, i64); 4] = [
    ("元", 1),
    ("千元", 1_000),
    ("万元", 10_000),
    ("亿元", 100_000_000),
];

/// Why two quantities cannot be compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitsDiffer {
    pub target: String,
    pub actual: String,
}

impl Quantity<'_> {
    /// The target's and the actual's amounts in one unit, and that unit, or why they cannot
    /// be compared. Equal units agree; 元 and 万元 convert (to 元); "个" and "个项目" agree on
    /// the leading unit; a number with no unit takes the other side's unit.
    pub fn common_unit(
        &self,
        actual: &Quantity,
    ) -> Result<(Decimal, Decimal, Cow<'static, str>), UnitsDiffer> {
        let differ = || UnitsDiffer {
            target: self.unit.to_string(),
            actual: actual.unit.to_string(),
        };
        let money = |unit: &str| {
            MONEY_UNITS
                .iter()
                .find(|(name, _)| *name == unit)
                .map(|(_, size)| Decimal::from(*size))
        };
        if self.unit != actual.unit {
            if let (Some(target_size), Some(actual_size)) = (money(&self.unit), money(&actual.unit))
            {
                let target = self.amount.checked_mul(target_size).ok_or_else(differ)?;
                let actual = actual.amount.checked_mul(actual_size).ok_or_else(differ)?;
                return Ok((target, actual, Cow::Borrowed("元")));
            }
        }
        let shorter = if self.unit.len() <= actual.unit.len() {
            &self.unit
        } else {
            &actual.unit
        };
        let longer = if self.unit.len() > actual.unit.len() {
            &self.unit
        } else {
            &actual.unit
        };
        if shorter.is_empty() {
            Ok((self.amount, actual.amount, kept_unit(longer)))
        } else if longer.starts_with(shorter.as_ref()) {
            Ok((self.amount, actual.amount, kept_unit(shorter)))
        } else {
            Err(differ())
        }
    }
}

/// The units forms write most, kept without allocating: scoring a form keeps a unit for
/// every quantitative row, and a 100,000-row form would otherwise allocate 100,000 of them.
const COMMON_UNITS: [&str; 24] = [
    "%",
    "人",
    "人次",
    "个",
    "项",
    "次",
    "天",
    "元",
    "万元",
    "户",
    "家",
    "台",
    "套",
    "场",
    "小时",
    "公里",
    "平方米",
    "吨",
    "亩",
    "件",
    "份",
    "所",
    "名",
    "个项目",
];

/// A unit to keep beyond the cell it was read from.
fn kept_unit(unit: &str) -> Cow<'static, str> {
    match COMMON_UNITS.iter().find(|common| **common == unit) {
        Some(common) => Cow::Borrowed(common),
        None => Cow::Owned(unit.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Value cells shaped as the common reader expects — words, sign, number, unit — with
    /// each part drawn from what it must accept and what it must refuse.
    fn cell_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let words = prop::sample::select(vec![
            "",
            "",
            "合格率",
            "覆盖率",
            "大",
            "之",
            "百",
            "㐀",
            "鿿",
            "一",
            "人数",
            " ",
            "达到",
        ]);
        let sign = prop::sample::select(vec![
            "", "", "≥", "≤", ">", "<", "=", ">=", "≧", "-", "+", "—",
        ]);
        let number = prop::sample::select(vec![
            "9", "100", "12.5", "2022", "5.", "0", "0.50", "1,234", "９", "1.2.3", "",
        ]);
        let unit = prop::sample::select(vec![
            "",
            "",
            "%",
            "人",
            "万元",
            "个项目",
            "年",
            "月",
            "号",
            "以上",
            "以内",
            "达到",
            "百分比",
            "kg",
            "。",
            ")",
            " ",
            "　",
            "%人",
            "天/年",
        ]);
        let tail = prop::sample::select(vec!["", "", "", "5", "%", "人", "以下", " "]);
        (words, sign, number, unit, tail).prop_map(|(w, s, n, u, t)| [w, s, n, u, t].concat())
    }

    proptest::proptest! {
        /// The common cell reads as the general reader reads it.
        #[test]
        fn the_common_reader_agrees_with_the_general_one(text in cell_text()) {
            if let Some(common) = read_common(&text) {
                proptest::prop_assert_eq!(common, read_any(&text), "{:?}", text);
            }
        }
    }

    #[test]
    fn common_cells_take_the_short_way_and_others_do_not() {
        for text in [
            "≥100人",
            "合格率≥95%",
            "12.5万元",
            "97%",
            "≤30天",
            "28天",
            "96",
            "<5个项目",
            "覆盖率100%",
        ] {
            assert_eq!(read_common(text), Some(read_any(text)), "{text}");
        }
        for text in [
            "95%以上",
            "2022年",
            "1,234",
            "≥ 95%",
            "百分比95",
            "不低于90%",
            "部分达成",
            "",
            "≥=5",
            "-5",
            "5.",
            "9月",
            "5kg",
        ] {
            assert_eq!(read_common(text), None, "{text}");
        }
    }

    proptest::proptest! {
        /// The byte shortcut answers as decoding every character would.
        #[test]
        fn the_unit_shortcut_agrees_with_decoding(pieces in proptest::collection::vec(proptest::sample::select(vec![
            "人", "万元", "%", "9", "。", ".", ",", ")", "(", "≥", "—", "“", "Ă", "₂", "。人",
        ]), 0..8)) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(trim_unit(&text), text.trim_end_matches(['。', '.', ',', ';', ':', '(', ')']), "{:?}", text);
        }
    }
}
