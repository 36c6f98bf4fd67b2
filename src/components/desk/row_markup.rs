//! The review table's rows as markup, written straight into the table's body.
//!
//! A set has hundreds of forms. Drawn as Yew nodes, every row held some forty DOM handles, and
//! dropping them when a sort or a filter replaced the body cost more than a frame (measured:
//! 22 ms of a 25 ms sort over 900 forms, in `benches/browser/desk.mjs`). Written as markup, a
//! chunk of rows is one string and one parse, and the old body leaves the page in one removal.
//! Every text from a file is escaped ([`push_escaped`]); the rows carry the same test hooks and
//! `data-` values the contract names.

use std::fmt::Write;

use rust_decimal::Decimal;
use zipin_core::export::markup::push_escaped;
use zipin_core::model::FormKind;
use zipin_core::number::{percent, plain, two_places};
use zipin_core::review::ReviewRow;
use zipin_core::score::Grade;

use crate::components::summary::grade_class;
use crate::i18n::{Lang, T};

/// The kind as the table shows it.
pub fn kind_text(kind: FormKind, lang: Lang) -> &'static str {
    match kind {
        FormKind::Department => T::KindDepartmentShort.text(lang),
        FormKind::Project => T::KindProjectShort.text(lang),
    }
}

/// A cell: its field, its classes, its exact value (when it has one) and its text.
fn cell(out: &mut String, field: &str, classes: &[&str], value: Option<&str>, text: &str) {
    let _ = write!(out, "<td data-field=\"{field}\"");
    let classes: Vec<&str> = classes.iter().copied().filter(|c| !c.is_empty()).collect();
    if !classes.is_empty() {
        let _ = write!(out, " class=\"{}\"", classes.join(" "));
    }
    if let Some(value) = value {
        out.push_str(" data-value=\"");
        push_escaped(out, value);
        out.push('"');
    }
    out.push('>');
    push_escaped(out, text);
    out.push_str("</td>");
}

fn number(out: &mut String, field: &str, value: Option<Decimal>, text: fn(Decimal) -> String) {
    let exact = value.map(plain).unwrap_or_default();
    let shown = value.map_or_else(|| "—".to_owned(), text);
    cell(out, field, &["num"], Some(&exact), &shown);
}

fn grade(out: &mut String, field: &str, grade: Option<Grade>, differs: bool) {
    let classes = [
        "grade",
        grade_class(grade),
        if differs { "differs" } else { "" },
    ];
    cell(out, field, &classes, None, grade.map_or("—", Grade::label));
}

fn count(out: &mut String, field: &str, count: usize, class: &str) {
    let (class, text) = if count > 0 {
        (class, count.to_string())
    } else {
        ("", String::new())
    };
    cell(out, field, &["num", class], Some(&count.to_string()), &text);
}

/// Appends one form's row; `active` marks the form last opened from the table.
pub fn push_row(out: &mut String, row: &ReviewRow, active: bool, lang: Lang) {
    let _ = write!(
        out,
        "<tr data-testid=\"review-row\" data-form-id=\"{}\" tabindex=\"0\"{} title=\"",
        row.form.0,
        if active { " class=\"active\"" } else { "" }
    );
    push_escaped(out, T::OpenInEditor.text(lang));
    out.push_str("\">");
    cell(out, "file", &["file"], None, &row.file);
    cell(out, "unit", &[], None, &row.unit);
    cell(out, "kind", &[], None, kind_text(row.kind, lang));
    out.push_str("<th scope=\"row\" data-field=\"name\">");
    push_escaped(out, &row.name);
    out.push_str("</th>");
    number(out, "claimed-total", row.claimed_total, plain);
    number(out, "total", row.total, two_places);
    let difference = row.difference.map(|d| format!("{:+}", d.normalize()));
    cell(
        out,
        "difference",
        &["num", if difference.is_some() { "differs" } else { "" }],
        Some(&row.difference.map(plain).unwrap_or_default()),
        difference.as_deref().unwrap_or_default(),
    );
    grade(out, "claimed-grade", row.claimed_grade, false);
    grade(out, "grade", row.grade, row.grade_changed());
    number(out, "rate", row.rate, percent);
    count(out, "errors", row.errors, "error");
    count(out, "warnings", row.warnings, "warning");
    count(out, "infos", row.infos, "info");
    out.push_str("</tr>");
}
