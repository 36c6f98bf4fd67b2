//! A report's narrative as sentences: each paragraph cut after 。；！？, every sentence keeping
//! its place (its byte range in the paragraph) so that a finding can quote it and the page can mark
//! it; and which paragraphs are headings.

/// One sentence of the narrative.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence<'a> {
    /// Byte range in its paragraph.
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '；' | '！' | '？' | ';' | '!' | '?')
}

/// The sentences of a paragraph, in order; blank ones left out.
pub fn sentences(text: &str) -> Vec<Sentence<'_>> {
    let mut found = Vec::new();
    let mut start = 0;
    let mut push = |start: usize, end: usize| {
        if let Some(piece) = text.get(start..end) {
            let leading = piece.len().saturating_sub(piece.trim_start().len());
            let trimmed = piece.trim();
            if !trimmed.is_empty() {
                let start = start.saturating_add(leading);
                found.push(Sentence {
                    start,
                    end: start.saturating_add(trimmed.len()),
                    text: trimmed,
                });
            }
        }
    };
    for (at, c) in text.char_indices() {
        if ends_sentence(c) {
            let end = at.saturating_add(c.len_utf8());
            push(start, end);
            start = end;
        }
    }
    push(start, text.len());
    found
}

/// How a heading numbers itself: 一、 （一） with Chinese numerals, 1. 1、 （1） with digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Numbering {
    Chinese,
    Digits,
}

/// A heading's numbering and its style (in brackets or not, the mark after it): headings of
/// one style are siblings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Numbered {
    pub kind: Numbering,
    pub bracketed: bool,
    pub mark: char,
}

/// The numbering a text starts with, if any.
pub fn numbering(text: &str) -> Option<Numbered> {
    let text = text.trim_start();
    let inside = text.strip_prefix('（').or_else(|| text.strip_prefix('('));
    let rest = inside.unwrap_or(text);
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let chinese = rest
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .count();
    let (kind, length) = match (digits, chinese) {
        (0, 0) => return None,
        (0, length) => (Numbering::Chinese, length),
        (length, _) => (Numbering::Digits, length),
    };
    let mark = rest.chars().nth(length)?;
    matches!(mark, '、' | '.' | '．' | '）' | ')').then_some(Numbered {
        kind,
        bracketed: inside.is_some(),
        mark,
    })
}

/// Whether a paragraph is a heading: short, no full stop, no figure, and numbered or very
/// short (一、预算单位基本情况；（1）网格员专项经费).
pub fn is_heading(text: &str) -> bool {
    let text = text.trim();
    let length = text.chars().count();
    length > 0
        && length <= 40
        && !text.contains('。')
        && !super::figures::has_figure(text)
        && (numbering(text).is_some() || length <= 16)
}

#[cfg(test)]
mod tests {
    use super::{is_heading, sentences};

    #[test]
    fn sentences_keep_their_place() {
        let text = "2022年支出701.29万元，其中基本支出119.22万元。 其他资金来源0万元。尾句";
        let found = sentences(text);
        let texts: Vec<&str> = found.iter().map(|s| s.text).collect();
        assert_eq!(
            texts,
            [
                "2022年支出701.29万元，其中基本支出119.22万元。",
                "其他资金来源0万元。",
                "尾句"
            ]
        );
        for sentence in &found {
            assert_eq!(&text[sentence.start..sentence.end], sentence.text);
        }
    }

    #[test]
    fn headings() {
        for heading in [
            "一、预算单位基本情况",
            "2、 预算收支情况",
            "（二）项目支出绩效情况",
            "（1）网格员专项经费",
            "四、存在的问题及下一步改进措施",
        ] {
            assert!(is_heading(heading), "{heading}");
        }
        for prose in [
            "2022年预算收入671.71万元，其中年初预算126.11万元。",
            "1.网格管理成效提升。全区划分网格184个。",
            "项目支出290.32万元，主要用于全区网格员工资发放",
        ] {
            assert!(!is_heading(prose), "{prose}");
        }
    }
}
