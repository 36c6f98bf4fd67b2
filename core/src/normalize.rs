//! Text normalization shared by every reader: forms arrive from Word, WPS and Excel with
//! full-width digits (９５％), compatibility signs (≧, ＞＝), thousands separators and
//! ideographic spaces, and all of them must read the same as their plain forms.
//!
//! The compatibility fold is NFKC restricted to the characters forms contain (full-width
//! ASCII, spaces, small form variants, circled numbers, squared units). A full NFKC crate
//! adds 62 KB gzip to the page for tables of scripts no form uses; the tests check this
//! fold against the real NFKC character by character.

use std::borrow::Cow;

/// NFKC of the characters forms use, then the extra map of SPEC §3 (`≧`→`≥`, `≦`→`≤`, `═`→`=`,
/// `>=`→`≥`, `<=`→`≤`, `百分比`→`%`), thousands separators removed and surrounding
/// whitespace trimmed.
pub fn normalize(text: &str) -> Cow<'_, str> {
    if is_normal(text) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(normalize_owned(text))
}

/// Whether a text is already what [`normalize`] would make of it: no compatibility
/// character, no operator pair, no comma, no "百分比", nothing to trim — the common case.
/// Every cell of a form is asked, so it walks bytes: ASCII and the ideographs whose UTF-8
/// starts with 0xE4…0xE9 (U+4000…U+9FFF: CJK extension A, the hexagrams and the unified
/// ideographs, none of which NFKC changes) are judged without decoding a character.
fn is_normal(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&lead) = bytes.get(at) {
        let width = match lead {
            b',' => return false,
            b'=' if follows_sign(bytes.get(..at).unwrap_or_default()) => return false,
            0x00..=0x7F => 1,
            0xE7 if text.get(at..).is_some_and(|rest| rest.starts_with('百')) => return false,
            0xE4..=0xE9 => 3,
            _ => match text.get(at..).and_then(|rest| rest.chars().next()) {
                Some(c) if is_plain_char(c) => c.len_utf8(),
                _ => return false,
            },
        };
        at = at.saturating_add(width);
    }
    // Every non-ASCII space was refused above; an ASCII one at either end needs trimming.
    let space = |byte: Option<&u8>| byte.is_some_and(|b| char::from(*b).is_whitespace());
    !space(bytes.first()) && !space(bytes.last())
}

/// Whether the text before an `=` ends with a sign it joins (`>=` is `≥`).
fn follows_sign(before: &[u8]) -> bool {
    [">", "<", "≥", "≤"]
        .iter()
        .any(|sign| before.ends_with(sign.as_bytes()))
}

/// Whether a non-ASCII character outside the ideographs `is_normal` judges by their lead byte
/// is its own normal form here: the signs and punctuation forms write.
fn is_plain_char(c: char) -> bool {
    matches!(c, '≥' | '≤' | '“' | '”' | '、' | '。' | '—')
}

/// [`normalize`] without any whitespace, as the value reader reads a cell ("≥ 95 %" is
/// "≥95%"). A text `normalize` passes unchanged has no non-ASCII whitespace (`is_normal`
/// refuses every such character; a test checks all of them), so only its ASCII bytes are
/// looked at: the common cell is judged in one walk and not copied.
pub fn normalize_compact(text: &str) -> Cow<'_, str> {
    match normalize(text) {
        Cow::Borrowed(cell) if !cell.bytes().any(|b| matches!(b, b'\t'..=b'\r' | b' ')) => {
            Cow::Borrowed(cell)
        }
        Cow::Owned(folded) if !folded.contains(char::is_whitespace) => Cow::Owned(folded),
        spaced => Cow::Owned(spaced.chars().filter(|c| !c.is_whitespace()).collect()),
    }
}

/// The full fold, for the few texts `is_normal` refuses; kept out of line so that the common
/// case pays no more than its walk.
#[cold]
fn normalize_owned(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let folded = if c.is_ascii() {
            None
        } else {
            Some(fold_char(c, &mut out))
        };
        match (c, folded) {
            (_, Some(true)) => {}
            ('=', None) if out.ends_with('>') || out.ends_with('≥') => {
                out.pop();
                out.push('≥');
            }
            ('=', None) if out.ends_with('<') || out.ends_with('≤') => {
                out.pop();
                out.push('≤');
            }
            ('≧', _) => out.push('≥'),
            ('≦', _) => out.push('≤'),
            // A double rule (═) is how some templates' fonts print an equals sign.
            ('═', _) => out.push('='),
            _ => out.push(c),
        }
    }
    // A folded `＝` arrives as `=` through `fold_char`: join it to a sign before it too.
    if out.contains(">=") || out.contains("<=") || out.contains("≥=") || out.contains("≤=") {
        out = out
            .replace(">=", "≥")
            .replace("≥=", "≥")
            .replace("<=", "≤")
            .replace("≤=", "≤");
    }
    if out.contains(',') {
        out = remove_thousands_separators(&out);
    }
    if out.contains("百分比") {
        // "95%(百分比)": the unit said twice is the unit once.
        out = out.replace("百分比", "%").replace("%(%)", "%");
    }
    let trimmed = out.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_owned()
    }
}

fn remove_thousands_separators(text: &str) -> String {
    let bytes = text.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let separator = c == ','
            && i.checked_sub(1).is_some_and(digit)
            && (1..=3).all(|k| digit(i.saturating_add(k)))
            && !digit(i.saturating_add(4));
        if !separator {
            out.push(c);
        }
    }
    out
}

/// Small form variants (U+FE50…U+FE6B) and their NFKC forms.
const SMALL_FORMS: [(char, char); 26] = [
    ('\u{fe50}', ','),
    ('\u{fe51}', '、'),
    ('\u{fe52}', '.'),
    ('\u{fe54}', ';'),
    ('\u{fe55}', ':'),
    ('\u{fe56}', '?'),
    ('\u{fe57}', '!'),
    ('\u{fe58}', '—'),
    ('\u{fe59}', '('),
    ('\u{fe5a}', ')'),
    ('\u{fe5b}', '{'),
    ('\u{fe5c}', '}'),
    ('\u{fe5d}', '〔'),
    ('\u{fe5e}', '〕'),
    ('\u{fe5f}', '#'),
    ('\u{fe60}', '&'),
    ('\u{fe61}', '*'),
    ('\u{fe62}', '+'),
    ('\u{fe63}', '-'),
    ('\u{fe64}', '<'),
    ('\u{fe65}', '>'),
    ('\u{fe66}', '='),
    ('\u{fe68}', '\\'),
    ('\u{fe69}', '$'),
    ('\u{fe6a}', '%'),
    ('\u{fe6b}', '@'),
];

/// Units and signs written as one compatibility character, and their NFKC forms.
const SQUARED: [(char, &str); 12] = [
    ('\u{33a1}', "m2"),
    ('\u{33a5}', "m3"),
    ('\u{339e}', "km"),
    ('\u{338f}', "kg"),
    ('\u{338e}', "mg"),
    ('\u{339d}', "cm"),
    ('\u{339c}', "mm"),
    ('\u{2103}', "°C"),
    ('\u{00b2}', "2"),
    ('\u{00b3}', "3"),
    ('\u{00b9}', "1"),
    ('\u{ffe5}', "¥"),
];

/// NFKC of one character when it is one forms use; `None` when it is its own NFKC here.
fn fold_char(c: char, out: &mut String) -> bool {
    let code = u32::from(c);
    if (0x3400..0xFE50).contains(&code) && code != 0x3000 && !(0x3300..0x3400).contains(&code) {
        // CJK ideographs and their punctuation: their own NFKC, the common case, at once.
        return false;
    }
    let mapped = match code {
        0xFF01..=0xFF5E => code.checked_sub(0xFEE0).and_then(char::from_u32),
        0x3000 | 0x00A0 | 0x2000..=0x200A | 0x202F | 0x205F => Some(' '),
        _ => None,
    };
    if let Some(mapped) = mapped {
        out.push(mapped);
        return true;
    }
    if (0x2460..=0x2473).contains(&code) {
        // ① is U+2460.
        out.push_str(&code.saturating_sub(0x2460 - 1).to_string());
        return true;
    }
    if let Some((_, mapped)) = SMALL_FORMS.iter().find(|(from, _)| *from == c) {
        out.push(*mapped);
        return true;
    }
    if let Some((_, mapped)) = SQUARED.iter().find(|(from, _)| *from == c) {
        out.push_str(mapped);
        return true;
    }
    false
}

/// The compatibility fold of a text without its whitespace: what headers and titles are
/// compared by. (Every character the fold turns into a space is itself whitespace, so it is
/// dropped before folding.)
pub fn folded_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        if c.is_ascii() || !fold_char(c, &mut out) {
            out.push(c);
        }
    }
    out
}

/// The compatibility fold of a whole string (see the module doc).
pub fn compat_fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() || !fold_char(c, &mut out) {
            out.push(c);
        }
    }
    out
}

/// Whether `text` contains `word`. Every row's headings are asked for short words such as
/// 成本; `str::contains` pays a `memcmp` call at each candidate position, and in CJK text
/// most positions share the word's first byte. Comparing the few bytes in place does not.
pub fn contains_word(text: &str, word: &str) -> bool {
    let (text, word) = (text.as_bytes(), word.as_bytes());
    let Some((&first, rest)) = word.split_first() else {
        return true;
    };
    text.iter().enumerate().any(|(i, &byte)| {
        byte == first
            && text
                .get(i.saturating_add(1)..i.saturating_add(word.len()))
                .is_some_and(|tail| tail.iter().eq(rest))
    })
}

/// Whether a cell means "nothing here": empty, or one of the fillers forms use for it.
pub fn is_empty_marker(normalized: &str) -> bool {
    normalized == "无数据"
        || normalized
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '—' | '-' | '/' | '\\'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(input: &str, expected: &str) {
        assert_eq!(normalize(input), expected, "normalize({input:?})");
    }

    #[test]
    fn normalizes_real_cells() {
        case("９５％", "95%");
        case("＞＝95%", "≥95%");
        case("≧95%", "≥95%");
        case("≦3天", "≤3天");
        case(">=90", "≥90");
        case("<=100万元", "≤100万元");
        case("1,234.56", "1234.56");
        case("12,345,678", "12345678");
        case("1,2", "1,2");
        case("　0", "0");
        case("290.32　", "290.32");
        case("百分比95", "%95");
        case("\u{feff}10", "10");
    }

    #[test]
    fn fold_equals_nfkc_on_every_character_it_maps() {
        use unicode_normalization::UnicodeNormalization;
        let mut checked = 0;
        for code in 0..=0x10FFFF_u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let mut folded = String::new();
            if fold_char(c, &mut folded) {
                let nfkc: String = c.to_string().nfkc().collect();
                assert_eq!(folded, nfkc, "U+{code:04X}");
                checked += 1;
            }
        }
        assert!(checked > 150, "{checked}");
    }

    #[test]
    fn fold_equals_nfkc_on_form_text() {
        use unicode_normalization::UnicodeNormalization;
        for text in [
            "覆盖率≥１００％",
            "２０２２年１月－１２月",
            "　290.32万元　",
            "①项目（含）",
            "建筑面积１２０㎡",
            "≤３６５天／年",
        ] {
            assert_eq!(compat_fold(text), text.nfkc().collect::<String>(), "{text}");
        }
    }

    /// Every character whose UTF-8 starts with 0xE4…0xE9 is its own NFKC, as `is_normal`
    /// takes for granted.
    #[test]
    fn the_lead_bytes_judged_at_once_are_their_own_nfkc() {
        use unicode_normalization::UnicodeNormalization;
        for code in 0x4000..=0x9FFF_u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            assert!(
                matches!(c.to_string().as_bytes().first(), Some(0xE4..=0xE9)),
                "U+{code:04X}"
            );
            assert_eq!(
                c.to_string().nfkc().collect::<String>(),
                c.to_string(),
                "U+{code:04X}"
            );
        }
    }

    /// Texts built from the characters the fast paths judge differently: ASCII, signs,
    /// ideographs on both sides of the 0xE4…0xE9 lead bytes, 百, full-width and spaces.
    fn form_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop::sample::select(vec![
            "9",
            "5",
            ".",
            ",",
            "1,234",
            ">=",
            "百分比",
            "\u{2028}",
            "\u{1680}",
            "\u{a0}",
            "\r\n",
            "%",
            "=",
            ">",
            "<",
            "≥",
            "≤",
            "≧",
            " ",
            "　",
            "\t",
            "\u{b}",
            "人",
            "万",
            "元",
            "个",
            "百",
            "分",
            "比",
            "率",
            "鿿",
            "一",
            "㐀",
            "㿿",
            "䀀",
            "䷀",
            "ꀀ",
            "㎡",
            "９",
            "％",
            "＞",
            "＝",
            "—",
            "“",
            "、",
            "\u{feff}",
            "\u{85}",
        ]);
        proptest::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
    }

    #[test]
    fn a_compact_text_has_no_whitespace_of_any_kind() {
        for (text, compact) in [
            ("≥95%", "≥95%"),
            ("≥ 95 %", "≥95%"),
            ("9\t5人", "95人"),
            ("9\u{b}5", "95"),
            ("合格率\r\n≥95%", "合格率≥95%"),
            ("９５ ％", "95%"),
            ("95\u{2028}人", "95人"),
        ] {
            assert_eq!(normalize_compact(text), compact, "{text:?}");
        }
    }

    /// `normalize_compact` relies on it: no whitespace but ASCII is ever judged normal.
    #[test]
    fn no_text_judged_normal_holds_whitespace_but_ascii() {
        for c in (0..=0x10FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace() && !c.is_ascii())
        {
            assert!(!is_normal(&format!("9{c}9")), "U+{:04X}", u32::from(c));
        }
    }

    proptest::proptest! {
        #[test]
        fn a_compact_text_is_the_normal_text_without_whitespace(text in form_text()) {
            let expected: String = normalize(&text).chars().filter(|c| !c.is_whitespace()).collect();
            proptest::prop_assert_eq!(normalize_compact(&text), expected);
        }

        /// The shortcut never passes a text the full normalisation would change.
        #[test]
        fn a_text_judged_normal_is_left_as_it_is(text in form_text()) {
            if is_normal(&text) {
                proptest::prop_assert_eq!(normalize_owned(&text), text);
            }
        }

        #[test]
        fn finds_words_as_str_contains_does_on_any_text(text in form_text(), word in form_text()) {
            proptest::prop_assert_eq!(contains_word(&text, &word), text.contains(word.as_str()));
        }
    }

    #[test]
    fn finds_words_as_str_contains_does() {
        for (text, word) in [
            ("成本指标", "成本"),
            ("经济成本指标", "成本"),
            ("社会效益指标", "成本"),
            ("成", "成本"),
            ("", "成本"),
            ("质量指标", "质量"),
            ("abc", "bc"),
            ("ab", "abc"),
            ("本成本", "成本"),
            ("x", ""),
        ] {
            assert_eq!(
                contains_word(text, word),
                text.contains(word),
                "{text:?} {word:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn a_folded_key_is_the_fold_without_whitespace(text in form_text()) {
            let expected: String = compat_fold(&text).chars().filter(|c| !c.is_whitespace()).collect();
            proptest::prop_assert_eq!(folded_key(&text), expected);
        }
    }

    #[test]
    fn recognizes_empty_markers() {
        for marker in ["", "—", "——", "-", "/", "———"] {
            assert!(is_empty_marker(marker), "{marker:?}");
        }
        assert!(!is_empty_marker("0"));
    }
}
