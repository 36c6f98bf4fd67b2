//! Text put inside XML or HTML markup that zipin writes (the .xlsx, the .docx memos, the desk's
//! table): escaped, and without the control characters XML forbids, so that a unit name
//! holding `<`, `&` or a stray control character cannot break the file or the page.

/// Appends `text` to `out`, safe inside an element or a double-quoted attribute.
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if u32::from(c) < 0x20 || matches!(c, '\u{fffe}' | '\u{ffff}') => {}
            c => out.push(c),
        }
    }
}

/// `text` escaped as [`push_escaped`] does it.
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::escaped;

    #[test]
    fn markup_and_forbidden_characters() {
        assert_eq!(
            escaped("A&B <x> \"q\"\u{1}\u{fffe}\t文"),
            "A&amp;B &lt;x&gt; &quot;q&quot;\t文"
        );
    }
}
