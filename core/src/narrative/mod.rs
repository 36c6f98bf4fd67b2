//! The report's words against its tables (SPEC §9): the narrative a report carries beside its
//! forms is read for the figures it states — amounts, scores, rates and grades bound to the
//! labels before them, `其中` parts bound to their total, each sentence bound to its project
//! or to the department — and checked: sums in the text, figures against the forms, and
//! projects scored in the text with no form. What the text states without a label zipin knows
//! is left alone.

pub mod figures;
pub mod sentences;
pub mod subjects;

use std::borrow::Borrow;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::check::{Code, Finding, Place, Severity};
use crate::model::{Document, Form, FormId, FormKind, FundsColumn};
use crate::number::{plain, rate_matches_claim, read_number, two_places, NumberCell};
use crate::score::Grade;
use crate::Evaluation;
use figures::{figures, Figure, Label, Value};
use sentences::sentences;
use subjects::{project_names, Scope, Subject};

/// One finding on the narrative: what it says, the sentence it quotes, and the form (and
/// cell) it concerns — the form it disagrees with, else the department's form, under whose
/// unit the memo lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NarrativeFinding {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    /// The paragraph, and the sentence's byte range in it.
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    pub form: Option<FormId>,
    pub place: Place,
}

/// How much of a narrative is read: a report's words run to a few dozen KB; a paste of
/// megabytes of text would hold the page at every edit. Paragraphs past it are not read, and
/// the page says so ([`unchecked_from`]).
pub const MAX_CHECKED_BYTES: usize = 256 * 1024;

/// The longest sentence read: a real one is a few hundred characters; a longer run without a
/// full stop is not a sentence whose figures can be bound with confidence.
pub const MAX_SENTENCE_BYTES: usize = 3_000;

/// The first paragraph past [`MAX_CHECKED_BYTES`], when the narrative runs past it.
pub fn unchecked_from(document: &Document) -> Option<usize> {
    let mut read = 0_usize;
    document.narrative.iter().position(|paragraph| {
        read = read.saturating_add(paragraph.len());
        read > MAX_CHECKED_BYTES
    })
}

/// The most of a sentence a memo quotes.
const QUOTE_CHARS: usize = 60;

impl NarrativeFinding {
    /// The sentence it quotes.
    pub fn sentence<'a>(&self, document: &'a Document) -> &'a str {
        document
            .narrative
            .get(self.paragraph)
            .and_then(|paragraph| paragraph.get(self.start..self.end))
            .unwrap_or_default()
    }

    /// The finding as a memo lists it: its message, and the sentence it quotes.
    pub fn as_finding(&self, document: &Document) -> Finding {
        let sentence = self.sentence(document);
        let quoted: String = sentence.chars().take(QUOTE_CHARS).collect();
        let more = if sentence.chars().count() > QUOTE_CHARS {
            "…"
        } else {
            ""
        };
        Finding {
            code: self.code,
            severity: self.severity,
            place: self.place,
            message: format!("{}（正文：“{quoted}{more}”）", self.message),
        }
    }
}

/// The department's form: the first 部门整体 form, else none.
fn department(document: &Document) -> Option<&Form> {
    document
        .forms
        .iter()
        .map(|form| &**form)
        .find(|form| form.kind == FormKind::Department)
}

/// `value` rounded to `places` decimals, as a figure written with them reads.
fn rounded(value: Decimal, places: u32) -> Decimal {
    value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
}

/// A form's amount cell in 万元.
fn amount_wan(form: &Form, text: &str) -> Option<Decimal> {
    let NumberCell::Number(value) = read_number(text) else {
        return None;
    };
    match form.funds.unit {
        crate::model::AmountUnit::TenThousandYuan => Some(value),
        crate::model::AmountUnit::Yuan => value.checked_div(Decimal::from(10_000)),
    }
}

/// Checks the document's narrative against itself and its forms (one evaluation per form).
pub fn check_narrative<E: Borrow<Evaluation>>(
    document: &Document,
    evaluations: &[E],
) -> Vec<NarrativeFinding> {
    let forms: Vec<&Form> = document.forms.iter().map(|form| &**form).collect();
    let names = project_names(&forms);
    let department_form = department(document);
    let evaluation_of = |id: FormId| {
        document
            .forms
            .iter()
            .zip(evaluations)
            .find(|(form, _)| form.id == id)
            .map(|(form, evaluation)| (&**form, evaluation.borrow()))
    };
    let mut scope = Scope::new(&names);
    let mut found = Vec::new();
    let checked = unchecked_from(document).unwrap_or(document.narrative.len());
    for (index, paragraph) in document.narrative.iter().enumerate().take(checked) {
        let Some(paragraph_subject) = scope.paragraph(paragraph) else {
            continue;
        };
        let mut subject_of_paragraph = paragraph_subject;
        // A total the previous sentence ended on: a sentence that starts with 其中 lists its
        // parts (支出：799.12万元。其中：人员经费支出…).
        let mut last_total: Option<Figure> = None;
        for (number, sentence) in sentences(paragraph).into_iter().enumerate() {
            if sentence.text.len() > MAX_SENTENCE_BYTES {
                last_total = None;
                continue;
            }
            let subject = scope.sentence(sentence.text, &subject_of_paragraph);
            // A paragraph's first sentence naming its project speaks for the paragraph.
            if number == 0 && matches!(subject, Subject::Project(_) | Subject::Unmatched(Some(_))) {
                subject_of_paragraph = subject.clone();
            }
            let stated = figures(sentence.text);
            let at = |code: Code,
                      severity: Severity,
                      message: String,
                      form: Option<FormId>,
                      place: Place| {
                NarrativeFinding {
                    code,
                    severity,
                    message,
                    paragraph: index,
                    start: sentence.start,
                    end: sentence.end,
                    form,
                    place,
                }
            };
            let continues = sentence
                .text
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with("其中");
            let carried = last_total.take().filter(|_| continues);
            let sentence_sums = sums(sentence.text, &stated, carried.as_ref());
            last_total = stated
                .last()
                .filter(|figure| figure.label.is_total())
                .cloned();
            for sum in sentence_sums {
                found.push(at(
                    Code::NarrativeSumMismatch,
                    sum.severity,
                    sum.message,
                    department_form.map(|form| form.id),
                    Place::Form,
                ));
            }
            match &subject {
                Subject::Unmatched(name) => {
                    for figure in stated.iter().filter(|f| f.label == Label::Score) {
                        let project = name
                            .as_deref()
                            .map_or("一个项目".to_owned(), |name| format!("“{name}”项目"));
                        found.push(at(
                            Code::NarrativeNoForm,
                            Severity::Info,
                            format!(
                                "报告正文写{project}的自评得分为 {}，文档中没有这个项目的自评表",
                                figure.written
                            ),
                            department_form.map(|form| form.id),
                            Place::Form,
                        ));
                    }
                }
                Subject::Department | Subject::Project(_) => {
                    let form = match &subject {
                        Subject::Project(id) => evaluation_of(*id),
                        _ => department_form.and_then(|form| evaluation_of(form.id)),
                    };
                    let Some((form, evaluation)) = form else {
                        continue;
                    };
                    for figure in &stated {
                        if let Some((message, place)) = against_form(figure, form, evaluation) {
                            found.push(at(
                                Code::NarrativeFormMismatch,
                                Severity::Warning,
                                format!("{}：{message}", form.name.trim()),
                                Some(form.id),
                                place,
                            ));
                        }
                    }
                }
            }
        }
    }
    found
}

/// A sum the text states that its parts do not make.
struct Sum {
    severity: Severity,
    message: String,
}

/// The totals of a sentence checked against the parts `其中` lists after them; `carried`, a
/// total the previous sentence ended on, when this one opens with `其中`.
fn sums(text: &str, stated: &[Figure], carried: Option<&Figure>) -> Vec<Sum> {
    let own = stated.iter().enumerate().filter_map(|(index, figure)| {
        let after = figure.at.saturating_add(figure.written.len());
        let listed_from = text.get(after..)?.find("其中")?.saturating_add(after);
        Some((figure, listed_from, index.saturating_add(1)))
    });
    carried
        .map(|total| (total, 0, 0))
        .into_iter()
        .chain(own)
        .filter(|(total, _, _)| total.label.is_total())
        .filter_map(|(total, listed_from, next)| {
            let parts: Vec<(&Figure, Decimal, Decimal)> = stated
                .iter()
                .skip(next)
                .take_while(|figure| !figure.label.is_total())
                .filter(|figure| figure.at >= listed_from)
                .filter_map(|figure| match figure.value {
                    Value::Amount { wan, .. } => figure
                        .label
                        .part_of(total.label)
                        .map(|sign| (figure, wan, sign)),
                    _ => None,
                })
                .collect();
            sum_of(total, parts)
        })
        .collect()
}

/// A total against its parts: nothing when they add up.
fn sum_of(total: &Figure, mut parts: Vec<(&Figure, Decimal, Decimal)>) -> Option<Sum> {
    let Value::Amount {
        wan: total_wan,
        places,
    } = total.value
    else {
        return None;
    };
    // 人员经费 and 公用经费 make 基本支出: where both are listed, the parts are 基本支出's.
    if parts
        .iter()
        .any(|(figure, _, _)| figure.label == Label::Basic)
    {
        parts.retain(|(figure, _, _)| !matches!(figure.label, Label::Personnel | Label::Operating));
    }
    if parts.len() < 2 {
        return None;
    }
    let sum = parts
        .iter()
        .try_fold(Decimal::ZERO, |sum, (_, wan, sign)| {
            wan.checked_mul(*sign)
                .and_then(|part| sum.checked_add(part))
        })?;
    let difference = total_wan.checked_sub(sum)?.abs();
    if difference.is_zero() {
        return None;
    }
    // Rounding: a cent a part (SPEC §9), and half the last place of a total written coarser
    // than cents (支出701万元).
    let cents = Decimal::new(1, 2).checked_mul(Decimal::from(parts.len()))?;
    let coarse = if places < 2 {
        Decimal::new(5, places.saturating_add(1))
    } else {
        Decimal::ZERO
    };
    let rounding = difference <= cents.checked_add(coarse)?;
    let mut listed = String::new();
    for (index, (figure, _, sign)) in parts.iter().enumerate() {
        if sign.is_sign_negative() {
            listed.push_str(" − ");
        } else if index > 0 {
            listed.push_str(" + ");
        }
        listed.push_str(&figure.written);
    }
    Some(Sum {
        severity: if rounding {
            Severity::Info
        } else {
            Severity::Warning
        },
        message: format!(
            "报告正文写 {}，其中各项（{listed}）合计 {} 万元，相差 {} 万元{}",
            total.written,
            two_places(sum),
            two_places(difference),
            if rounding {
                "（可能是四舍五入）"
            } else {
                ""
            }
        ),
    })
}

/// What a figure of the text says against its form, when they disagree: the message and the
/// cell.
fn against_form(figure: &Figure, form: &Form, evaluation: &Evaluation) -> Option<(String, Place)> {
    let funds = |column: FundsColumn| Place::Funds { row: 0, column };
    match (&figure.value, figure.label) {
        (Value::Amount { wan, places }, Label::FullYear | Label::Executed) => {
            let (cell, column, name) = if figure.label == Label::FullYear {
                (
                    &form.funds.total.full_year,
                    FundsColumn::FullYear,
                    "全年预算数",
                )
            } else {
                (
                    &form.funds.total.executed,
                    FundsColumn::Executed,
                    "全年执行数",
                )
            };
            let on_form = amount_wan(form, cell)?;
            // At the coarser of the two precisions (7,012,912元 against a form's 701.29).
            let shared = (*places).min(on_form.scale());
            (rounded(on_form, shared) != rounded(*wan, shared)).then(|| {
                (
                    format!(
                        "报告正文写{name} {}，自评表为 {} 万元",
                        figure.written,
                        plain(on_form)
                    ),
                    funds(column),
                )
            })
        }
        (Value::Rate(written), Label::Rate) => {
            let rate = evaluation.score.funds.rate?;
            (rate_matches_claim(rate, written) == Some(false)).then(|| {
                (
                    format!(
                        "报告正文写执行率 {written}，自评表计算为 {}",
                        crate::number::percent(rate)
                    ),
                    funds(FundsColumn::ClaimedRate),
                )
            })
        }
        (Value::Score { points, places }, Label::Score) => {
            let claimed = match read_number(&form.claim.total) {
                NumberCell::Number(value) => Some(value),
                _ => None,
            };
            let (on_form, said) = match claimed {
                Some(value) => (value, format!("自评表填报总分 {}", plain(value))),
                None => {
                    let total = evaluation.score.total?;
                    (total, format!("自评表计算总分 {}", two_places(total)))
                }
            };
            (rounded(on_form, *places) != *points).then(|| {
                (
                    format!("报告正文写自评得分 {}，{said}", figure.written),
                    Place::Form,
                )
            })
        }
        (Value::Grade(grade), Label::Grade) => {
            let on_form = Grade::parse(&form.claim.grade).or(evaluation.score.grade)?;
            (on_form != *grade).then(|| {
                (
                    format!(
                        "报告正文写等级 {}，自评表为 {}",
                        grade.label(),
                        on_form.label()
                    ),
                    Place::Form,
                )
            })
        }
        _ => None,
    }
}
