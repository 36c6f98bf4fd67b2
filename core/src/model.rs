//! The document as the filer wrote it: every cell is kept as the raw text that was typed or
//! pasted, so nothing is ever lost or reformatted behind the user's back. Reading the text
//! into numbers is the job of [`crate::number`] and [`crate::value`]; scoring it is
//! [`crate::score`]'s.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::normalize::contains_word;
use crate::profile::Profile;

/// The saved-document format version. Bump it, and teach [`crate::migrate`] the old shape,
/// whenever a change would make an older saved document read differently.
pub const DOCUMENT_VERSION: u32 = 1;

/// The most forms one document holds: a reviewer checks a few hundred reports at once, and
/// the page lists every form in its summary and tabs, which past this holds it for seconds
/// (8,000 forms take over 2 s to open in Chromium). Imports stop here and say so; a saved
/// document or file with more is refused with the count.
pub const MAX_FORMS: usize = 1_000;

// Forms, sections and rows have stable identities. The page keys its lists on these, so they
// never repeat within a document (across all three kinds: they come from one counter) and
// survive edits, moves and saves. Each is saved as a plain number.

/// A form's stable id, a type of its own so that no section or row id can stand in for it.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct FormId(pub u64);

/// A section's stable id, a type of its own so that no form or row id can stand in for it.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct SectionId(pub u64);

/// A row's stable id, a type of its own so that no form or section id can stand in for it.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct RowId(pub u64);

/// One or more forms, scored under one rule profile.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub version: u32,
    pub profile: Profile,
    pub forms: Vec<Rc<Form>>,
    /// The next id the `fresh_…_id` methods hand out, whatever its kind; kept above every id
    /// in use.
    pub next_id: u64,
    /// The report's paragraphs outside its tables (报告正文), when a whole report was read:
    /// checked against the forms (`narrative`). Not written when empty, so a document
    /// without one saves as it always did.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub narrative: Vec<String>,
}

/// 部门整体支出 or 项目支出: both share one shape; the kind only names the form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum FormKind {
    /// 部门整体支出绩效自评表
    #[default]
    Department,
    /// 项目支出绩效自评表
    Project,
}

/// One self-evaluation form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Form {
    pub id: FormId,
    pub kind: FormKind,
    /// 部门名称 or 项目名称.
    pub name: String,
    /// The unit the form is filed by (实施单位, 预算单位, 填报单位 or 主管部门), when the form
    /// names one apart from its name: a reviewer sorts and writes back by unit.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// The file the form was read from, when it came from one: a reviewer's set holds
    /// hundreds, and each row of the review table says which.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    pub funds: FundsBlock,
    /// 年度总体目标: 预期目标 and 实际完成情况, free text.
    #[serde(default)]
    pub goals: Goals,
    pub sections: Vec<Section>,
    /// What the filer wrote as the result; compared with what zipin computes, never trusted.
    #[serde(default)]
    pub claim: Claim,
}

impl Form {
    /// Who filed the form: its unit, or, for a department's own form, its name.
    pub fn filer(&self) -> &str {
        match (self.unit.trim(), self.kind) {
            ("", FormKind::Department) => self.name.trim(),
            (unit, _) => unit,
        }
    }
}

/// 年度总体目标 (free text, not scored).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Goals {
    pub expected: String,
    pub achieved: String,
}

/// The amounts' unit as the block header states it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AmountUnit {
    #[default]
    TenThousandYuan,
    Yuan,
}

impl AmountUnit {
    /// The unit as a form writes it.
    pub fn label(self) -> &'static str {
        match self {
            AmountUnit::TenThousandYuan => "万元",
            AmountUnit::Yuan => "元",
        }
    }
}

/// 资金情况: the total row (年度资金总额) and its sub-rows (当年财政拨款, 上年结转资金, 其他资金).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FundsBlock {
    pub unit: AmountUnit,
    /// 分值 of the block, as written; empty means the profile's budget weight.
    pub weight: String,
    pub total: FundsRow,
    pub sub_rows: Vec<FundsRow>,
    /// The filer's explanation of a low execution rate (required by some profiles).
    #[serde(default)]
    pub reason: String,
}

impl Default for FundsBlock {
    fn default() -> Self {
        let row = |label: &str| FundsRow {
            label: label.to_owned(),
            ..FundsRow::default()
        };
        FundsBlock {
            unit: AmountUnit::TenThousandYuan,
            weight: String::new(),
            total: row("年度资金总额"),
            sub_rows: vec![
                row("其中：当年财政拨款"),
                row("上年结转资金"),
                row("其他资金"),
            ],
            reason: String::new(),
        }
    }
}

/// One row of the funds block. The claimed rate and score are what the filer wrote.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FundsRow {
    pub label: String,
    /// 年初预算数
    pub initial: String,
    /// 全年预算数 (调整后预算数)
    pub full_year: String,
    /// 全年执行数
    pub executed: String,
    /// 执行率 as the filer wrote it.
    #[serde(default)]
    pub claimed_rate: String,
    /// 得分 as the filer wrote it (the total row only).
    #[serde(default)]
    pub claimed_score: String,
}

/// The amount columns of the funds block, used to point at a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FundsColumn {
    Initial,
    FullYear,
    Executed,
    Weight,
    ClaimedRate,
    ClaimedScore,
}

impl FundsColumn {
    /// Every column, for reading one back from its name.
    pub const ALL: [FundsColumn; 6] = [
        FundsColumn::Initial,
        FundsColumn::FullYear,
        FundsColumn::Executed,
        FundsColumn::Weight,
        FundsColumn::ClaimedRate,
        FundsColumn::ClaimedScore,
    ];
}

impl FundsBlock {
    /// Row `index` as findings and edits number the block's rows: 0 the total, then the
    /// sub-rows.
    pub fn row_mut(&mut self, index: usize) -> Option<&mut FundsRow> {
        match index.checked_sub(1) {
            None => Some(&mut self.total),
            Some(sub) => self.sub_rows.get_mut(sub),
        }
    }
}

impl FundsRow {
    /// The raw text of an amount column.
    pub fn amount(&self, column: FundsColumn) -> &str {
        match column {
            FundsColumn::Initial => &self.initial,
            FundsColumn::FullYear => &self.full_year,
            FundsColumn::Executed => &self.executed,
            FundsColumn::ClaimedRate => &self.claimed_rate,
            FundsColumn::ClaimedScore => &self.claimed_score,
            FundsColumn::Weight => "",
        }
    }
}

/// A first-level section (产出指标, 效益指标, 满意度指标 …) and its rows.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: SectionId,
    /// 一级指标, as shown (without the declared weight).
    pub name: String,
    /// The weight the header declares ("产出指标(50分)" → "50"); empty when none is declared.
    pub declared_weight: String,
    pub rows: Vec<Rc<Indicator>>,
}

/// A third-level indicator row. Its first level is the section it sits in.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: RowId,
    /// 二级指标 (数量指标, 质量指标 …).
    pub level2: String,
    /// 三级指标.
    pub name: String,
    /// 年度指标值 (A).
    pub target: String,
    /// 实际完成值 (B).
    pub actual: String,
    /// 分值 (w).
    pub weight: String,
    /// 得分 as entered or pasted; empty means "use the computed score".
    pub score: String,
    /// 偏差原因分析及改进措施.
    pub reason: String,
    /// The qualitative level the user chose; `None` reads it from the actual value.
    #[serde(default)]
    pub level: Option<crate::value::Level>,
    /// 得分系数 as written (重庆: "90%"): the share of the weight the filer judged earned; the
    /// row's score is then weight × 系数, and a written score that differs is a finding.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub coefficient: String,
    /// 权重占比 as written (河北: "20%"): the share of the row's weight and score that counts
    /// toward the total; the row weighs 分值 × 占比 and counts 得分 × 占比.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub share: String,
    /// 折算得分 as the filer wrote it (得分 × 权重占比), checked against that product.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub converted: String,
}

/// The editable text fields of an indicator row, in the order of the official form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RowField {
    Level1,
    Level2,
    Name,
    Target,
    Actual,
    Weight,
    Score,
    Reason,
}

impl RowField {
    /// Every field, in column order.
    pub const ALL: [RowField; 8] = [
        RowField::Level1,
        RowField::Level2,
        RowField::Name,
        RowField::Target,
        RowField::Actual,
        RowField::Weight,
        RowField::Score,
        RowField::Reason,
    ];

    /// The field a `data-field` name names.
    pub fn from_key(key: &str) -> Option<RowField> {
        RowField::ALL.into_iter().find(|field| field.key() == key)
    }

    /// The `data-field` name of the automation contract.
    pub fn key(self) -> &'static str {
        match self {
            RowField::Level1 => "level1",
            RowField::Level2 => "level2",
            RowField::Name => "name",
            RowField::Target => "target",
            RowField::Actual => "actual",
            RowField::Weight => "weight",
            RowField::Score => "score",
            RowField::Reason => "reason",
        }
    }
}

impl Indicator {
    /// The raw text of a field (the first level lives on the section, so it is not here).
    pub fn field(&self, field: RowField) -> &str {
        match field {
            RowField::Level1 => "",
            RowField::Level2 => &self.level2,
            RowField::Name => &self.name,
            RowField::Target => &self.target,
            RowField::Actual => &self.actual,
            RowField::Weight => &self.weight,
            RowField::Score => &self.score,
            RowField::Reason => &self.reason,
        }
    }

    /// Sets a field's raw text; the first level is the section's and is ignored here.
    pub fn set_field(&mut self, field: RowField, text: String) {
        match field {
            RowField::Level1 => {}
            RowField::Level2 => self.level2 = text,
            RowField::Name => self.name = text,
            RowField::Target => self.target = text,
            RowField::Actual => self.actual = text,
            RowField::Weight => self.weight = text,
            RowField::Score => self.score = text,
            RowField::Reason => self.reason = text,
        }
    }
}

/// What the filer claimed as the form's result.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// 总分 as written.
    pub total: String,
    /// 等级 as written (优/良/中/差, possibly with a label such as "等级：优").
    pub grade: String,
}

impl Document {
    /// An empty document under `profile`.
    pub fn new(profile: Profile) -> Self {
        Document {
            version: DOCUMENT_VERSION,
            profile,
            forms: Vec::new(),
            next_id: 1,
            narrative: Vec::new(),
        }
    }

    /// A new form id, never used before in this document (by any kind of id).
    pub fn fresh_form_id(&mut self) -> FormId {
        FormId(self.fresh_raw())
    }

    /// A new section id, never used before in this document (by any kind of id).
    pub fn fresh_section_id(&mut self) -> SectionId {
        SectionId(self.fresh_raw())
    }

    /// A new row id, never used before in this document (by any kind of id).
    pub fn fresh_row_id(&mut self) -> RowId {
        RowId(self.fresh_raw())
    }

    /// The next number of the one counter all kinds of id share.
    fn fresh_raw(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id = self.next_id.saturating_add(1);
        id
    }

    /// How many more forms fit under [`MAX_FORMS`].
    pub fn room(&self) -> usize {
        MAX_FORMS.saturating_sub(self.forms.len())
    }

    /// Adds a form built elsewhere (an import, a copy), giving it and everything in it fresh
    /// ids so that keys never collide with the forms already here.
    pub fn push_form(&mut self, mut form: Form) {
        self.renumber(&mut form);
        self.forms.push(Rc::new(form));
    }

    /// Gives a form, its sections and its rows fresh ids.
    pub fn renumber(&mut self, form: &mut Form) {
        form.id = self.fresh_form_id();
        for section in &mut form.sections {
            section.id = self.fresh_section_id();
            for row in &mut section.rows {
                Rc::make_mut(row).id = self.fresh_row_id();
            }
        }
    }

    /// Makes every id unique and non-zero, renumbering everything if a loaded or hand-edited
    /// document repeats one (the page keys its lists on ids; a repeat would break them).
    pub fn ensure_unique_ids(&mut self) {
        let mut seen = std::collections::HashSet::new();
        let unique = self.forms.iter().all(|form| {
            seen.insert(form.id.0)
                && form.sections.iter().all(|section| {
                    seen.insert(section.id.0)
                        && section.rows.iter().all(|row| seen.insert(row.id.0))
                })
        });
        if unique && !seen.contains(&0) {
            self.next_id = self.next_id.max(self.ids_in_use_end());
            return;
        }
        self.next_id = 1;
        let mut forms = std::mem::take(&mut self.forms);
        for form in &mut forms {
            self.renumber(Rc::make_mut(form));
        }
        self.forms = forms;
    }

    /// The form with this id.
    pub fn form(&self, id: FormId) -> Option<&Rc<Form>> {
        self.forms.iter().find(|form| form.id == id)
    }

    /// The highest id in use, plus one: what `next_id` must at least be after a load.
    pub fn ids_in_use_end(&self) -> u64 {
        let mut end = 0;
        for form in &self.forms {
            end = end.max(form.id.0);
            for section in &form.sections {
                end = end.max(section.id.0);
                for row in &section.rows {
                    end = end.max(row.id.0);
                }
            }
        }
        end.saturating_add(1)
    }
}

/// An indicator row in its place on the form.
#[derive(Clone, Copy, Debug)]
pub struct RowContext<'a> {
    pub section: &'a Section,
    /// The row's 二级指标 as the paper form shows it: an empty cell continues the one above,
    /// as a merged cell does.
    pub level2: &'a str,
    pub row: &'a Rc<Indicator>,
    /// Whether the section's name says 成本 (read once per section, not per row).
    section_is_cost: bool,
    /// The form's rows carry no weights (templates that cap only their sections,
    /// 产出指标(60分)): each written score counts as it stands, bounded by its section.
    pub unweighted: bool,
}

impl RowContext<'_> {
    /// Under a 成本 indicator (second level, or first level since 2021): less is better.
    pub fn is_cost(&self) -> bool {
        self.section_is_cost || contains_word(self.level2, "成本")
    }

    /// Under a 数量, 质量 or 成本 indicator: the target must be a number.
    pub fn is_measured(&self) -> bool {
        self.is_cost() || contains_word(self.level2, "数量") || contains_word(self.level2, "质量")
    }
}

impl Section {
    /// Every row with its effective 二级指标, on a form whose rows are weighted or not.
    pub fn contexts(&self, unweighted: bool) -> impl Iterator<Item = RowContext<'_>> {
        let section_is_cost = contains_word(&self.name, "成本");
        self.rows.iter().scan("", move |level2, row| {
            if !row.level2.chars().all(char::is_whitespace) {
                *level2 = row.level2.as_str();
            }
            Some(RowContext {
                section: self,
                level2,
                row,
                section_is_cost,
                unweighted,
            })
        })
    }
}

impl Form {
    /// Every indicator row, in order, in its place on the form.
    pub fn rows(&self) -> impl Iterator<Item = RowContext<'_>> {
        let unweighted = self.rows_unweighted();
        self.sections
            .iter()
            .flat_map(move |section| section.contexts(unweighted))
    }

    /// Whether the form's rows carry no weights at all while some carry a score: a template
    /// that writes weights only for its sections (产出指标(60分)), not a form half typed.
    pub fn rows_unweighted(&self) -> bool {
        let all = || self.sections.iter().flat_map(|section| &section.rows);
        all().all(|row| row.weight.trim().is_empty())
            && all().any(|row| !row.score.trim().is_empty())
    }

    /// Whether anything has been typed or pasted into the form.
    pub fn has_content(&self) -> bool {
        let funds = std::iter::once(&self.funds.total).chain(&self.funds.sub_rows);
        !self.name.trim().is_empty()
            || funds.into_iter().any(|row| {
                !(row.initial.trim().is_empty()
                    && row.full_year.trim().is_empty()
                    && row.executed.trim().is_empty())
            })
            || self.rows().any(|c| {
                RowField::ALL
                    .iter()
                    .any(|f| !c.row.field(*f).trim().is_empty())
            })
    }

    /// Whether another form holds the same content (ids aside): the same report pasted twice.
    pub fn same_content(&self, other: &Form) -> bool {
        let rows = |form: &Form| {
            form.sections
                .iter()
                .map(|section| {
                    let rows: Vec<Indicator> = section
                        .rows
                        .iter()
                        .map(|row| Indicator {
                            id: RowId::default(),
                            ..(**row).clone()
                        })
                        .collect();
                    (section.name.clone(), section.declared_weight.clone(), rows)
                })
                .collect::<Vec<_>>()
        };
        self.kind == other.kind
            && self.name == other.name
            && self.funds == other.funds
            && self.claim == other.claim
            && self.row_count() == other.row_count()
            && rows(self) == rows(other)
    }

    /// The number of indicator rows.
    pub fn row_count(&self) -> usize {
        self.sections.iter().map(|section| section.rows.len()).sum()
    }
}
