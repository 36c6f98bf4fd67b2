//! How an import read each form: which column it took as what, where the budget weight came
//! from, which rows it left out and why, and which columns the form lacks. Templates differ
//! by province and city, and a misread column gives a confident wrong total: the page shows
//! this after every import so a wrong reading is seen and corrected, and tests assert it.

use crate::import::header::Role;

/// The reading of one imported form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormReading {
    /// Each table part (funds block, indicator table) with its columns, in order.
    pub parts: Vec<PartReading>,
    pub budget_weight: WeightSource,
    pub skipped: Vec<Skipped>,
    /// Columns the form's rows need that none of its tables has.
    pub missing: Vec<Role>,
}

/// Which part of a form a header block heads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Funds,
    Indicators,
}

impl Part {
    /// The part's name on the form.
    pub fn label(self) -> &'static str {
        match self {
            Part::Funds => "资金情况",
            Part::Indicators => "绩效指标",
        }
    }
}

/// One header block as it was read.
#[derive(Clone, Debug, PartialEq)]
pub struct PartReading {
    pub part: Part,
    /// The key a column choice for this layout is remembered by.
    pub layout: String,
    pub columns: Vec<ColumnReading>,
}

/// One column as it was read.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnReading {
    /// The words above the column ("年度指标值 / 指标值").
    pub header: String,
    /// What the column was read as; `None` when it was left out.
    pub role: Option<Role>,
    /// Whether the rows under it hold plain numbers: a column of numbers that no word names
    /// is asked about rather than left out silently.
    pub numbers: bool,
}

/// Where the budget execution weight of a form came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum WeightSource {
    /// The rule profile's weight: the form states none.
    #[default]
    Profile,
    /// The 分值 cell of the funds block.
    Cell,
    /// A header or row label that states it ("得分(20分*执行率)", "预算执行情况(10分)").
    Header(String),
    /// The form has no budget score: its indicator weights already add up to 100 (预算执行率
    /// is one of its indicators), so the budget part weighs 0.
    NoBudgetPart,
}

impl WeightSource {
    /// The source in words, for the reading shown after an import.
    pub fn describe(&self) -> String {
        match self {
            WeightSource::Profile => "表内未写明，按所选口径".to_owned(),
            WeightSource::Cell => "资金情况的“分值”栏".to_owned(),
            WeightSource::Header(text) => format!("表头“{text}”"),
            WeightSource::NoBudgetPart => {
                "表内没有预算执行得分，指标分值合计已为 100，预算执行计 0 分".to_owned()
            }
        }
    }
}

/// A row the import left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The row's cells, joined ("备注：1.…").
    pub text: String,
    pub why: SkipReason,
}

/// Why a row is not an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// 备注, 填报说明, 注：… lines.
    Note,
    /// 项目类别 □ 常年性 ☑ 一次性 …
    Checkbox,
    /// A first- or second-level name with no indicator under it, or a row of placeholders.
    NoIndicator,
    /// 合计: the sums of the weights and scores, read as what the filer claimed.
    Sum,
    /// A flat list's 产出指标 / 数量指标 row: the heading of the rows under it.
    Heading,
    /// 小计: a section's sums, which zipin computes itself.
    Subtotal,
}

impl SkipReason {
    /// Why, in words.
    pub fn label(self) -> &'static str {
        match self {
            SkipReason::Note => "备注或填报说明",
            SkipReason::Checkbox => "勾选项（项目类别等），不是指标",
            SkipReason::NoIndicator => "只有指标层级名称，没有三级指标",
            SkipReason::Sum => "合计行：读作填报的合计得分",
            SkipReason::Subtotal => "小计行：一级指标的合计，由本工具自行计算",
            SkipReason::Heading => "一级或二级指标的标题行：其分值读作该级分值，得分由各指标合计",
        }
    }
}

/// A missing column (one of [`FormReading::missing`]) and what its absence means for the
/// form's figures, in words.
pub fn missing_note(role: Role) -> &'static str {
    match role {
        Role::Weight => "分值（三级指标未设分值：按填报得分计，按一级指标上限复核）",
        Role::Actual => "实际完成值（各指标得分无法按规则核对）",
        Role::Score => "得分（各指标得分按规则计算）",
        other => other.label(),
    }
}

impl FormReading {
    /// The roles read anywhere in the form's indicator tables.
    pub fn has_indicator_role(&self, role: Role) -> bool {
        self.parts
            .iter()
            .filter(|part| part.part == Part::Indicators)
            .flat_map(|part| &part.columns)
            .any(|column| column.role == Some(role))
    }
}
