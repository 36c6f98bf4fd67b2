//! Hostile pastes at the import limit: the shapes a careless or malicious clipboard can hold,
//! each built to `size` bytes (the page refuses more than 4 MB). The native benchmark times the
//! importer on them at 1, 2 and 4 MB (linear time shows as a ratio near 2 per doubling); the
//! browser benchmark pastes the files the native one writes.

/// One hostile paste: its name, its `text/plain` and, when it is markup, its `text/html`.
pub struct Hostile {
    pub name: &'static str,
    pub text: String,
    pub html: Option<String>,
}

fn repeat_to(unit: &str, size: usize) -> String {
    unit.repeat(size / unit.len().max(1))
}

/// `open` `depth` times, `middle`, then `close` as often.
fn nested(open: &str, middle: &str, close: &str, depth: usize) -> String {
    format!("{}{middle}{}", open.repeat(depth), close.repeat(depth))
}

/// A small real table, so the importer has something to find after the hostile part.
const TABLE: &str = "<table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td></tr>\
<tr><td>产出指标</td><td>数量指标</td><td>培训人次</td><td>≥500人次</td><td>520人次</td><td>90</td><td>90</td></tr></table>";

/// Every hostile shape at about `size` bytes.
pub fn all(size: usize) -> Vec<Hostile> {
    let html = |name, body: String| Hostile {
        name,
        text: String::new(),
        html: Some(format!("<html><body>{body}{TABLE}</body></html>")),
    };
    let text = |name, text: String| Hostile {
        name,
        text,
        html: None,
    };
    let depth = (size / 11).min(100_000);
    vec![
        html("many-style-elements", repeat_to("<style>p{}</style>", size)),
        html(
            "many-script-elements",
            repeat_to("<script>x</script>", size),
        ),
        html("many-comments", repeat_to("<!-- c -->", size)),
        html("many-empty-tags", repeat_to("<b></b>", size)),
        html(
            "nesting-100000-deep",
            nested("<div><span>", "", "</span></div>", depth),
        ),
        html(
            "one-huge-attribute",
            format!(
                "<table><tr><td title=\"{}\">x</td></tr></table>",
                "A".repeat(size)
            ),
        ),
        html(
            "100000-tables",
            repeat_to("<table><tr><td>1</td></tr></table>", size.min(100_000 * 34)),
        ),
        html(
            "merged-cells-covering-billions",
            repeat_to(
                "<table><tr><td rowspan=\"65534\" colspan=\"1000\">x</td></tr></table>",
                size,
            ),
        ),
        html(
            "wide-colspans",
            format!(
                "<table><tr>{}</tr></table>",
                repeat_to("<td colspan=\"1000\">x</td>", size)
            ),
        ),
        html("unterminated-comment", format!("<!--{}", "x".repeat(size))),
        html(
            "unterminated-tag",
            format!("<td {}", "a=b ".repeat(size / 4)),
        ),
        html(
            "nested-tables-deep",
            nested("<table><tr><td>", "x", "</td></tr></table>", size / 34),
        ),
        text("a-million-one-character-cells", {
            let row = "1\t".repeat(999) + "1\n";
            repeat_to(&row, size)
        }),
        text(
            "one-4mb-cell",
            format!("一级指标\t二级指标\n{}\t1\n", "汉".repeat(size / 3)),
        ),
        text("4mb-of-line-breaks", "\n".repeat(size)),
        text(
            "crlf-cr-mixes",
            repeat_to("产出指标\t数量\t培训\t≥1\t1\t1\t1\r\n\r1\t2\n", size),
        ),
        text("word-extract-cells", repeat_to("\t单元格\n\n", size)),
        text("short-text-rows", repeat_to("年度执行\t实际完成率\n", size)),
        text(
            "quotes-never-closed",
            format!("\"{}", "a\tb\n".repeat(size / 4)),
        ),
    ]
}
