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
        let closing = format!("</{name}");
        let at = self.rest.to_ascii_lowercase().find(&closing);
        self.rest = match at {
            Some(at) => {
                let after = self.rest.get(at..).unwrap_or("");
                after
                    .find('>')
                    .map_or("", |end| after.get(end + 1..).unwrap_or(""))
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
                    self.rest = body
                        .find(end)
                        .map_or("", |at| body.get(at + end.len()..).unwrap_or(""));
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
            self.rest = after.get(close + 1..).unwrap_or("");
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
    while let Some(at) = rest.find('&') {
        out.push_str(rest.get(..at).unwrap_or(""));
        let after = rest.get(at + 1..).unwrap_or("");
        let end = after.find(';').filter(|&end| end <= 10);
        let decoded = end.and_then(|end| entity(after.get(..end).unwrap_or("")));
        match (decoded, end) {
            (Some(c), Some(end)) => {
                out.push(c);
                rest = after.get(end + 1..).unwrap_or("");
            }
            _ => {
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
