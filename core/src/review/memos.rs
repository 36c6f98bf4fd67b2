//! What leaves the desk: the review table as a spreadsheet, and one 复核意见书 per unit as a
//! Word file laid out as a bureau sends it (title, addressee, body, each form's conclusion and
//! findings, the reviewer's signature line), all of them in one .zip.

use std::borrow::Borrow;

use crate::export::layout::Layout;
use crate::export::markup::escaped;
use crate::model::Document;
use crate::model::FormKind;
use crate::number::{percent, plain, two_places};
use crate::report::{review_report, severity_name, FormReport};
use crate::review::ReviewRow;
use crate::score::Grade;
use crate::zip::write_stored;
use crate::Evaluation;

/// The review table's header, in its columns' order.
const HEADER: [&str; 14] = [
    "文件",
    "单位",
    "类型",
    "名称",
    "填报总分",
    "计算总分",
    "差值",
    "填报等级",
    "计算等级",
    "执行率",
    "错误",
    "提醒",
    "提示",
    "序号",
];

/// The review table as a layout, for .xlsx and .csv: one row per form, in `order`.
pub fn table_layout(rows: &[ReviewRow], order: &[usize]) -> Layout {
    let number = |value: Option<rust_decimal::Decimal>| value.map(plain).unwrap_or_default();
    let grade = |value: Option<Grade>| value.map(Grade::label).unwrap_or_default().to_owned();
    let cells = order
        .iter()
        .filter_map(|&index| rows.get(index))
        .map(|row| {
            vec![
                row.file.clone(),
                row.unit.clone(),
                kind_short(row.kind).to_owned(),
                row.name.clone(),
                number(row.claimed_total),
                row.total.map(two_places).unwrap_or_default(),
                number(row.difference),
                grade(row.claimed_grade),
                grade(row.grade),
                row.rate.map(percent).unwrap_or_default(),
                row.errors.to_string(),
                row.warnings.to_string(),
                row.infos.to_string(),
                row.index_in_file.saturating_add(1).to_string(),
            ]
        })
        .collect();
    Layout::table(
        vec![24, 22, 9, 28, 9, 9, 8, 8, 8, 9, 6, 6, 6, 6],
        &HEADER,
        cells,
    )
}

/// A form's kind in the table: 部门整体 or 项目支出.
pub fn kind_short(kind: FormKind) -> &'static str {
    match kind {
        FormKind::Department => "部门整体",
        FormKind::Project => "项目支出",
    }
}

/// One unit's memo: who it is addressed to and each of its forms' reports.
pub struct Memo<'a> {
    pub unit: &'a str,
    pub forms: Vec<&'a FormReport>,
}

impl Memo<'_> {
    /// The memo's paragraphs, as the Word file and the plain text both lay them out.
    pub fn paragraphs(&self, date: &str) -> Vec<Paragraph> {
        let mut out = vec![
            Paragraph::title(format!("关于{}预算绩效自评的复核意见", self.unit)),
            Paragraph::plain(format!("{}：", self.unit)),
            Paragraph::body(format!(
                "经复核，你单位报送的{}张绩效自评表复核情况如下：",
                self.forms.len()
            )),
        ];
        for (number, report) in (1_usize..).zip(&self.forms) {
            out.push(Paragraph::heading(format!(
                "{}、{}",
                chinese_number(number),
                report.title
            )));
            out.push(Paragraph::body(format!("结论：{}", report.conclusion)));
            for figure in &report.figures {
                let claimed = if figure.claimed.is_empty() {
                    "未填"
                } else {
                    figure.claimed.as_str()
                };
                let mark = if figure.differs {
                    "（不一致）"
                } else {
                    ""
                };
                out.push(Paragraph::body(format!(
                    "{}：填报 {claimed}，复核 {}{mark}。",
                    figure.label, figure.computed
                )));
            }
            if report.lines.is_empty() {
                out.push(Paragraph::body("未发现问题。".to_owned()));
            }
            for (n, line) in (1_usize..).zip(&report.lines) {
                out.push(Paragraph::body(format!(
                    "（{n}）{}：{}（{}）",
                    line.title,
                    line.text,
                    severity_name(line.severity)
                )));
            }
        }
        out.push(Paragraph::body(
            "请对照以上意见核实修改，并按规定时间重新报送。".to_owned(),
        ));
        out.push(Paragraph::signature("复核单位：".to_owned()));
        out.push(Paragraph::signature(date.to_owned()));
        out
    }

    /// The memo as plain text.
    pub fn to_text(&self, date: &str) -> String {
        self.paragraphs(date)
            .iter()
            .map(|paragraph| match paragraph.style {
                Style::Body => format!("　　{}", paragraph.text),
                _ => paragraph.text.clone(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The memos of a document's forms (one evaluation per form), one per unit in the order the
/// units first appear; forms with no unit are addressed by their own name.
pub fn memos<'a>(document: &'a Document, reports: &'a [FormReport]) -> Vec<Memo<'a>> {
    let mut memos: Vec<Memo> = Vec::new();
    for (form, report) in document.forms.iter().zip(reports) {
        let unit = match form.filer() {
            "" => form.name.trim(),
            filer => filer,
        };
        match memos.iter_mut().find(|memo| memo.unit == unit) {
            Some(memo) => memo.forms.push(report),
            None => memos.push(Memo {
                unit,
                forms: vec![report],
            }),
        }
    }
    memos
}

/// Every unit's memo as a Word file, named 复核意见书-单位.docx, in one .zip; `date` is the
/// line under the signature (2024年3月18日).
pub fn memos_zip<E: Borrow<Evaluation>>(
    document: &Document,
    evaluations: &[E],
    date: &str,
) -> Vec<u8> {
    let report = review_report(document, evaluations);
    let files: Vec<(String, Vec<u8>)> = memos(document, &report.forms)
        .iter()
        .enumerate()
        .map(|(n, memo)| {
            let unit = file_safe(memo.unit);
            let name = if unit.is_empty() {
                format!("复核意见书-{}.docx", n.saturating_add(1))
            } else {
                format!("复核意见书-{unit}.docx")
            };
            (name, docx(&memo.paragraphs(date)))
        })
        .collect();
    let named: Vec<(&str, Vec<u8>)> = files
        .iter()
        .map(|(name, bytes)| (name.as_str(), bytes.clone()))
        .collect();
    write_stored(&named)
}

/// A name without the characters file systems refuse.
fn file_safe(name: &str) -> String {
    name.chars()
        .filter(|c| !"\\/:*?\"<>|\r\n\t".contains(*c))
        .collect::<String>()
        .trim()
        .to_owned()
}

/// 1 → 一, 12 → 十二, 25 → 二十五: the numbers of a memo's headings.
fn chinese_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let digit = |d: usize| DIGITS.get(d).copied().unwrap_or_default();
    match n {
        0..=9 => digit(n).to_owned(),
        10..=19 => format!("十{}", if n == 10 { "" } else { digit(n % 10) }),
        20..=99 => format!(
            "{}十{}",
            digit(n / 10),
            if n % 10 == 0 { "" } else { digit(n % 10) }
        ),
        _ => n.to_string(),
    }
}

/// How a memo's paragraph is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Centred, 小标宋 二号.
    Title,
    /// The addressee: flush left, 仿宋 三号.
    Plain,
    /// A form's heading: 黑体 三号, indented two characters.
    Heading,
    /// 仿宋 三号, the first line indented two characters.
    Body,
    /// The signature lines, right-aligned.
    Signature,
}

/// One paragraph of a memo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub style: Style,
    pub text: String,
}

impl Paragraph {
    fn title(text: String) -> Paragraph {
        Paragraph {
            style: Style::Title,
            text,
        }
    }
    fn plain(text: String) -> Paragraph {
        Paragraph {
            style: Style::Plain,
            text,
        }
    }
    fn heading(text: String) -> Paragraph {
        Paragraph {
            style: Style::Heading,
            text,
        }
    }
    fn body(text: String) -> Paragraph {
        Paragraph {
            style: Style::Body,
            text,
        }
    }
    fn signature(text: String) -> Paragraph {
        Paragraph {
            style: Style::Signature,
            text,
        }
    }
}

/// A paragraph as WordprocessingML: alignment, indent, font and size by its style (sizes in
/// half-points: 二号 44, 三号 32).
fn paragraph_xml(paragraph: &Paragraph) -> String {
    let (alignment, indent, font, size) = match paragraph.style {
        Style::Title => ("center", "", "方正小标宋简体", 44),
        Style::Plain => ("left", "", "仿宋_GB2312", 32),
        Style::Heading => (
            "left",
            "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>",
            "黑体",
            32,
        ),
        Style::Body => (
            "both",
            "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>",
            "仿宋_GB2312",
            32,
        ),
        Style::Signature => ("right", "", "仿宋_GB2312", 32),
    };
    format!(
        "<w:p><w:pPr><w:spacing w:line=\"560\" w:lineRule=\"exact\"/>{indent}<w:jc w:val=\"{alignment}\"/></w:pPr>\
<w:r><w:rPr><w:rFonts w:ascii=\"{font}\" w:eastAsia=\"{font}\" w:hAnsi=\"{font}\"/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/></w:rPr>\
<w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        escaped(&paragraph.text)
    )
}

/// A Word file of paragraphs on A4 with the margins of official documents (GB/T 9704: top
/// 37 mm, bottom 35 mm, left 28 mm, right 26 mm).
pub fn docx(paragraphs: &[Paragraph]) -> Vec<u8> {
    let body: String = paragraphs.iter().map(paragraph_xml).collect();
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}\
<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>\
</w:body></w:document>"
    );
    write_stored(&[
        (
            "[Content_Types].xml",
            b"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
</Types>"
                .to_vec(),
        ),
        (
            "_rels/.rels",
            b"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
</Relationships>"
                .to_vec(),
        ),
        ("word/document.xml", document.into_bytes()),
    ])
}
