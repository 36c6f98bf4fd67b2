//! A small tag scanner for the markup zipin reads — clipboard HTML and the XML inside .docx
//! and .xlsx files. It only finds tags, their attributes and the text between them; it never
//! builds a tree, so hostile nesting costs nothing, and it never fails: whatever is not a
//! tag is text.

/// One piece of markup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token<'a> {
    /// `<name attrs>` or `<name attrs/>`; the name is lower-case, without its namespace prefix.
    Open {
        name: String,
        attributes: &'a str,
        self_closing: bool,
    },
    /// `</name>`.
    Close { name: String },
    /// Text between tags, entities not yet decoded.
    Text(&'a str),
}

/// The tokens of a text, in order.
pub struct Tokens<'a> {
    rest: &'a str,
}

impl<'a> Tokens<'a> {
    /// Scans `text`.
    pub fn new(text: &'a str) -> Self {
        Tokens { rest: text }
    }

    /// Skips everything up to and including `</name>` (the raw text of `<script>`, `<style>`).
    pub fn skip_element(&mut self, name: &str) {
        let at = find_tag(self.rest, "</", name);
        self.rest = match at {
            Some(at) => {
                let after = self.rest.get(at..).unwrap_or("");
                after.split_once('>').map_or("", |(_, rest)| rest)
            }
            None => "",
        };
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            let Some(open) = self.rest.find('<') else {
                let text = self.rest;
                self.rest = "";
                return Some(Token::Text(text));
            };
            if open > 0 {
                let (text, rest) = self.rest.split_at(open);
                self.rest = rest;
                return Some(Token::Text(text));
            }
            let after = self.rest;
            for (start, end) in [("<!--", "-->"), ("<?", "?>")] {
                if let Some(body) = after.strip_prefix(start) {
                    self.rest = body.split_once(end).map_or("", |(_, rest)| rest);
                }
            }
            if self.rest.len() != after.len() {
                continue;
            }
            if let Some(body) = after.strip_prefix("<![CDATA[") {
                let (text, rest) = body.split_once("]]>").unwrap_or((body, ""));
                self.rest = rest;
                return Some(Token::Text(text));
            }
            let Some(close) = tag_end(after) else {
                self.rest = "";
                return Some(Token::Text(after));
            };
            let tag = after.get(1..close).unwrap_or("");
            self.rest = after.get(close.saturating_add(1)..).unwrap_or("");
            if tag.starts_with('!') {
                continue;
            }
            let (closing, body) = match tag.strip_prefix('/') {
                Some(body) => (true, body),
                None => (false, tag),
            };
            let name_end = body
                .find(|c: char| c.is_whitespace() || c == '/')
                .unwrap_or(body.len());
            let name = local_name(body.get(..name_end).unwrap_or(""));
            if name.is_empty() {
                continue;
            }
            return Some(if closing {
                Token::Close { name }
            } else {
                let attributes = body.get(name_end..).unwrap_or("");
                let self_closing = attributes.trim_end().ends_with('/');
                Token::Open {
                    name,
                    attributes,
                    self_closing,
                }
            });
        }
    }
}

/// The index of the `>` that ends the tag starting at 0, respecting quoted attributes.
fn tag_end(text: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in text.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// Where `opening` (`<` or `</`) followed by the tag `name` (any case) first stands in
/// `text`. It walks the text once without copying it: a paste with thousands of `<style>`
/// elements asks once per element, so a lower-cased copy of the rest each time would read a
/// 4 MB paste in quadratic time.
pub fn find_tag(text: &str, opening: &str, name: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = text.get(from..).and_then(|rest| rest.find(opening)) {
        let at = from.saturating_add(found);
        let start = at.saturating_add(opening.len());
        let tag = bytes.get(start..start.saturating_add(name.len()));
        if tag.is_some_and(|tag| tag.eq_ignore_ascii_case(name.as_bytes())) {
            return Some(at);
        }
        from = start;
    }
    None
}

/// `w:tc` → `tc`, lower-cased.
fn local_name(name: &str) -> String {
    name.rsplit(':')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// An attribute's value (entities decoded), by its name with or without namespace prefix
/// (`val` finds `w:val`), case-insensitively.
pub fn attribute(attributes: &str, name: &str) -> Option<String> {
    let mut rest = attributes;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            return None;
        }
        let key_end = rest
            .find(|c: char| c == '=' || c.is_whitespace() || c == '/')
            .unwrap_or(rest.len());
        let key = rest.get(..key_end).unwrap_or("");
        rest = rest.get(key_end..).unwrap_or("").trim_start();
        let value = if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (value, remaining) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let inner = after.get(1..).unwrap_or("");
                    inner.split_once(q).unwrap_or((inner, ""))
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    (
                        after.get(..end).unwrap_or(""),
                        after.get(end..).unwrap_or(""),
                    )
                }
            };
            rest = remaining;
            Some(value)
        } else {
            None
        };
        if local_name(key) == name.to_ascii_lowercase() {
            return Some(decode_entities(value.unwrap_or("")));
        }
    }
}

/// Decodes the entities Office writes: named (`&nbsp;`, `&lt;` …) and numeric.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, after)) = rest.split_once('&') {
        out.push_str(before);
        let decoded = after
            .split_once(';')
            .filter(|(name, _)| name.len() <= 10)
            .and_then(|(name, tail)| Some((entity(name)?, tail)));
        match decoded {
            Some((c, tail)) => {
                out.push(c);
                rest = tail;
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "nbsp" => '\u{a0}',
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "ge" => '≥',
        "le" => '≤',
        "times" => '×',
        "divide" => '÷',
        "middot" => '·',
        "mdash" => '—',
        "ndash" => '–',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "yen" => '¥',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_attributes_and_text() {
        let tokens: Vec<_> = Tokens::new("<?xml version=\"1.0\"?><w:tc a='x>y'><w:gridSpan w:val=\"2\"/>文字&amp;<![CDATA[<b>]]></w:tc>").collect();
        assert_eq!(
            tokens[0],
            Token::Open {
                name: "tc".into(),
                attributes: " a='x>y'",
                self_closing: false
            }
        );
        let Token::Open {
            attributes,
            self_closing: true,
            ..
        } = &tokens[1]
        else {
            panic!("{tokens:?}")
        };
        assert_eq!(attribute(attributes, "val").as_deref(), Some("2"));
        assert_eq!(tokens[2], Token::Text("文字&amp;"));
        assert_eq!(tokens[3], Token::Text("<b>"));
        assert_eq!(tokens[4], Token::Close { name: "tc".into() });
        assert_eq!(
            attribute(" rowspan=3 colspan = \"2\"", "colspan").as_deref(),
            Some("2")
        );
        assert_eq!(attribute(" r=\"B12\" t=\"s\"", "t").as_deref(), Some("s"));
        assert_eq!(
            decode_entities("&ge;95&#37;&#x4E00;&bogus;"),
            "≥95%一&bogus;"
        );
    }
}
