//! Finding the forms in a pasted document: each form's name and kind, its funds block, its
//! 年度总体目标, its indicator table and what the filer claimed, from titles, header blocks
//! and row labels. Tables that are not scored forms (附件1-1 基础数据表) are skipped and said.
//! Every form comes with its [`FormReading`]: how its columns and rows were read.

use std::collections::HashMap;
use std::rc::Rc;

use crate::import::grid::{Block, Table};
use crate::import::header::{
    amount_unit, declared_points, funds_slot, header_key, is_goals_header, is_number_cell,
    is_title, known_unscored, role_of, Role,
};
use crate::import::header_block::{header_blocks, HeaderBlock};
use crate::import::notices::{Notice, Skip};
use crate::import::reading::{
    ColumnReading, FormReading, Part, PartReading, SkipReason, Skipped, WeightSource,
};
use crate::import::transposed;
use crate::model::{Form, FormKind, FundsBlock, Indicator, Section};
use crate::normalize::{contains_word, folded_key};
use crate::number::{read_number, read_rate, NumberCell};
use crate::value::{read_value, Reading};

/// A column mapping the user chose for a table layout, keyed by [`layout_key`].
pub type Layouts = HashMap<String, Vec<Option<Role>>>;

/// What an import found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    pub forms: Vec<Form>,
    /// How each form was read, one per form, in order.
    pub readings: Vec<FormReading>,
    pub notices: Vec<Notice>,
    /// The report's paragraphs outside its tables, when it has prose (报告正文).
    pub narrative: Vec<String>,
}

impl Imported {
    /// Whether some table's columns must be chosen before the forms can be trusted.
    pub fn needs_mapping(&self) -> bool {
        self.notices
            .iter()
            .any(|n| matches!(n, Notice::NeedsMapping { .. }))
    }
}

/// The key a table layout is remembered by: its header cells' words.
pub fn layout_key(header: &[String], headerless: bool) -> String {
    if headerless {
        return format!("无表头:{}", header.len());
    }
    header
        .iter()
        .map(|cell| header_key(cell))
        .collect::<Vec<_>>()
        .join("|")
}

#[derive(Clone, Debug, Default)]
struct Columns(Vec<Option<Role>>);

impl Columns {
    fn index(&self, role: Role) -> Option<usize> {
        self.0.iter().position(|r| *r == Some(role))
    }

    fn cell<'a>(&self, row: &'a [String], role: Role) -> &'a str {
        self.index(role)
            .and_then(|i| row.get(i))
            .map_or("", String::as_str)
    }

    fn has(&self, role: Role) -> bool {
        self.index(role).is_some()
    }

    fn is_funds(&self) -> bool {
        self.has(Role::FullYear) || self.has(Role::Executed) || self.has(Role::Initial)
    }

    fn is_indicators(&self) -> bool {
        [
            Role::Level1,
            Role::Level2,
            Role::Name,
            Role::Target,
            Role::AdjustedTarget,
            Role::Actual,
        ]
        .iter()
        .filter(|r| self.has(**r))
        .count()
            >= 2
    }
}

#[derive(Clone, Debug)]
enum Mode {
    Idle,
    Funds(Columns),
    Goals { expected: usize, achieved: usize },
    Indicators(Columns),
    Skip,
}

struct Reader<'a> {
    layouts: &'a Layouts,
    forms: Vec<Form>,
    readings: Vec<FormReading>,
    notices: Vec<Notice>,
    form: Option<Form>,
    reading: FormReading,
    /// The kind and title the last title line announced.
    kind: Option<FormKind>,
    title: Option<String>,
    mode: Mode,
    level2: String,
    /// The indicator table's columns, for the 总分 and 等级 rows after it.
    last_columns: Columns,
    /// Points an indicator block's header declares for all its rows (绩效指标(90分)).
    indicator_points: Option<String>,
    /// Indicator rows read so far, against [`MAX_ROWS`].
    rows_read: usize,
}

/// Words that name a source of funds (单位资金, 财政专户管理资金, 市县补助): a row of the funds
/// block labelled otherwise (a 年度主要任务 listed with its budget) is not one of its sources.
const FUNDS_WORDS: &[&str] = &[
    "资金", "拨款", "经费", "收入", "专户", "自筹", "补助", "结转", "结余", "资本", "投入",
];

/// The most sources of funds a form lists under its total.
const MAX_SUB_ROWS: usize = 12;

/// The most indicator rows one import brings in: beyond this a page would build tens of
/// thousands of cells at once. The rest are left out, and the notice says so.
pub const MAX_ROWS: usize = 5_000;

/// The most columns a table without a header is offered for choosing: the widest published
/// form zipin has seen has 11, and a choice per column past a screen's width helps nobody.
pub const MAX_MAPPED_COLUMNS: usize = 40;

/// Finds the forms in blocks read from a paste or a file. `layouts` holds the column
/// mappings the user chose for layouts zipin could not map by itself.
pub fn find_forms(blocks: Vec<Block>, layouts: &Layouts) -> Imported {
    let mut reader = Reader {
        layouts,
        forms: Vec::new(),
        readings: Vec::new(),
        notices: Vec::new(),
        form: None,
        reading: FormReading::default(),
        kind: None,
        title: None,
        mode: Mode::Idle,
        level2: String::new(),
        last_columns: Columns::default(),
        indicator_points: None,
        rows_read: 0,
    };
    for block in blocks {
        match block {
            Block::Line(line) => reader.line(&line),
            Block::Table(table) => reader.table(table),
            Block::LeftOut(why) => reader.notices.push(Notice::Skipped(why)),
        }
    }
    reader.finish_form();
    if reader.rows_read > MAX_ROWS {
        reader.notices.push(Notice::Skipped(Skip::TooManyRows {
            rows: reader.rows_read,
        }));
    }
    Imported {
        forms: reader.forms,
        readings: reader.readings,
        notices: reader.notices,
        narrative: Vec::new(),
    }
}

fn first_text(row: &[String]) -> Option<(usize, &str)> {
    row.iter()
        .enumerate()
        .find(|(_, c)| !c.trim().is_empty())
        .map(|(i, c)| (i, c.as_str()))
}

/// The labels of what the filer claims as the form's result.
const CLAIM_WORDS: &[&str] = &[
    "总分",
    "总计",
    "等级",
    "自评等级",
    "评价等级",
    "自评总分",
    "综合得分",
    "评价总分",
    "总得分",
    "自评得分合计",
    "自评得分",
];

/// A 总分 or 等级 row: the filer's claimed total and grade.
fn is_claim_row(row: &[String]) -> bool {
    first_text(row).is_some_and(|(_, text)| is_claim_label(&folded_key(text)))
}

/// A label of what the filer claims: one of [`CLAIM_WORDS`], or a short label naming a
/// total or a grade in other words (自评总得分, 项目自评得分, 综合评价等级).
fn is_claim_label(key: &str) -> bool {
    let label = key.split([':', '：']).next().unwrap_or(key);
    CLAIM_WORDS.iter().any(|word| label.starts_with(word))
        || (label.chars().count() <= 10
            && ["总分", "总得分", "等级", "自评得分", "评价得分"]
                .iter()
                .any(|word| label.ends_with(word)))
}

/// The labels of the unit a form is filed by, the one that files it first: 实施单位 does the
/// work, 预算单位 holds the budget, 填报单位 signs the form, 主管部门 oversees them.
const UNIT_LABELS: [&str; 6] = [
    "实施单位",
    "预算单位",
    "填报单位",
    "项目单位",
    "主管部门",
    "主管部门及代码",
];

/// The unit a row names (主管部门 | 县民政局 | 实施单位 | 县养老服务中心 → 县养老服务中心), in
/// a cell of its own after its label or with it ("实施单位：…").
fn unit_in_row(row: &[String]) -> Option<String> {
    let found = |label: &str| {
        labelled_value(row, |key| key == label)
            .or_else(|| {
                row.iter().find_map(|cell| {
                    let (key, value) = cell.trim().split_once([':', '：'])?;
                    (header_key(key) == label).then(|| value.trim().to_owned())
                })
            })
            .filter(|value| !is_number_cell(value))
    };
    UNIT_LABELS
        .iter()
        .find_map(|label| found(label))
        .map(|value| clean_unit(&value))
        .filter(|unit| !unit.is_empty())
}

/// A unit's name as written, without what a cell carries beside it: the code before it
/// (312003-池州市…), the next label after a run of spaces (…检验检疫局　　　单位负责人：), and
/// the line breaks of a wrapped cell.
fn clean_unit(value: &str) -> String {
    let value = value.trim();
    let first = value
        .split("  ")
        .next()
        .unwrap_or(value)
        .split("　")
        .find(|part| !part.trim().is_empty())
        .unwrap_or_default();
    let without_code = first.trim_start_matches(|c: char| c.is_ascii_digit());
    let without_code = match without_code.strip_prefix(['-', '－', '_']) {
        Some(rest) if without_code.len() < first.len() => rest,
        _ => first,
    };
    without_code.split_whitespace().collect()
}

/// The unit a line of text names: "填报单位（盖章）：县民政局　　填报日期：2023年3月" → 县民政局.
fn unit_in_line(line: &str) -> Option<String> {
    let (label, rest) = line.trim().split_once([':', '：'])?;
    let unit = clean_unit(rest.split_whitespace().next()?);
    (UNIT_LABELS.contains(&header_key(label).as_str()) && !unit.is_empty()).then_some(unit)
}

/// The first non-empty cell after a label the test accepts (compared by [`header_key`],
/// without its trailing colon).
fn labelled_value(row: &[String], label: impl Fn(&str) -> bool) -> Option<String> {
    let at = row.iter().position(|cell| {
        let key = header_key(cell);
        label(key.trim_end_matches([':', '：']))
    })?;
    first_filled_after(row, at).map(str::to_owned)
}

/// The first non-empty cell after cell `at`, trimmed.
fn first_filled_after(row: &[String], at: usize) -> Option<&str> {
    row.iter()
        .skip(at.saturating_add(1))
        .map(|cell| cell.trim())
        .find(|cell| !cell.is_empty())
}

fn is_blank_row(row: &[String]) -> bool {
    row.iter().all(|cell| cell.trim().is_empty())
}

/// A row that is not part of the table's data: a note under it, or checkboxes.
fn not_data(row: &[String]) -> Option<SkipReason> {
    let (_, first) = first_text(row)?;
    let key = folded_key(first);
    let note = [
        "备注",
        "填报说明",
        "填表说明",
        "说明:",
        "说明：",
        "注:",
        "注：",
        "注1",
        "指标说明",
    ];
    if note.iter().any(|word| key.starts_with(word)) {
        return Some(SkipReason::Note);
    }
    let boxes = ['□', '☑', '☐', '☒', '■', '▢', '✓', '✔', '√'];
    let has_box = row.iter().any(|cell| cell.contains(boxes));
    (has_box && !row.iter().any(|cell| is_number_cell(cell))).then_some(SkipReason::Checkbox)
}

/// The kind a title names, if it names a scored form.
fn kind_in(text: &str) -> Option<FormKind> {
    // Every line of a pasted report is asked; both names hold 评, which no fold produces.
    if !contains_word(text, "评") {
        return None;
    }
    let key = folded_key(text);
    let evaluation = key.contains("自评") || key.contains("评价表");
    if key.contains("部门整体") && evaluation {
        Some(FormKind::Department)
    } else if (key.contains("项目支出") || key.contains("项目绩效")) && evaluation {
        Some(FormKind::Project)
    } else {
        None
    }
}

/// A heading row of a flat indicator list.
enum Heading {
    Section(String),
    Level2(String),
}

/// The first levels forms use, including the evaluation framework's (项目决策 …).
const FIRST_LEVELS: &[&str] = &[
    "产出指标",
    "效益指标",
    "满意度指标",
    "项目决策",
    "项目过程",
    "项目管理",
    "项目产出",
    "项目效益",
    "决策",
    "过程",
    "产出",
    "效益",
    "满意度",
];

/// What a name with no target and no actual heads in a flat list: a first level, a second
/// level (数量指标 …), or nothing (an indicator left unfilled). 成本指标 is a second level
/// under 产出 and a first level of its own since 财预〔2021〕101号.
fn heading_of(name: &str, form: Option<&Form>) -> Option<Heading> {
    let key = header_key(without_numbering(name));
    let under_output = form
        .and_then(|form| form.sections.last())
        .is_some_and(|section| section.name.contains("产出"));
    if FIRST_LEVELS.contains(&key.as_str()) || (key == "成本指标" && !under_output) {
        Some(Heading::Section(key))
    } else if key.ends_with("指标") && key.chars().count() <= 12 {
        Some(Heading::Level2(key))
    } else {
        None
    }
}

/// A heading without its numbering: "一、产出指标", "（一）数量指标", "1.满意度".
fn without_numbering(text: &str) -> &str {
    let text = text.trim();
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let inner = text
        .strip_prefix(['（', '('])
        .map(|rest| rest.trim_start_matches(numeral))
        .and_then(|rest| rest.strip_prefix(['）', ')']));
    if let Some(rest) = inner {
        return rest.trim_start();
    }
    let rest = text.trim_start_matches(numeral);
    if rest.len() < text.len() {
        if let Some(rest) = rest.strip_prefix(['、', '.', '．', ' ']) {
            return rest.trim_start();
        }
    }
    text
}

/// A cell that holds nothing: empty, or the dashes, slashes and ellipses templates leave in
/// rows no one filled (指标2： | …… | / | /).
fn is_filler(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace() || matches!(c, '—' | '-' | '/' | '\\' | '…' | '.' | '．' | '、' | '─')
    })
}

/// A row that states the year's overall goal beside its label (年度总体目标 | … | …).
fn is_goals_row(row: &[String]) -> bool {
    first_text(row).is_some_and(|(_, text)| {
        let key = folded_key(text);
        key.starts_with("年度总体目标") || key.starts_with("总体目标")
    }) && row.iter().filter(|cell| !cell.trim().is_empty()).count() >= 2
}

/// Label/value pairs side by side: 预算数 | 6.84 | 到位数 | 6.84 | 执行数 | 6.84.
fn funds_pairs(row: &[String]) -> Vec<(Role, String)> {
    let cells: Vec<&str> = row
        .iter()
        .map(|cell| cell.trim())
        .filter(|cell| !cell.is_empty())
        .collect();
    let pairs: Vec<(Role, String)> = cells
        .windows(2)
        .filter_map(|pair| match pair {
            [label, value] if !is_number_cell(label) && is_number_cell(value) => {
                role_of(label).map(|role| (role, (*value).to_owned()))
            }
            _ => None,
        })
        .collect();
    let has = |role| pairs.iter().any(|(r, _)| *r == role);
    if has(Role::FullYear) && has(Role::Executed) {
        pairs
    } else {
        Vec::new()
    }
}

impl Reader<'_> {
    fn line(&mut self, line: &str) {
        if let Some(kind) = kind_in(line) {
            self.finish_form();
            self.kind = Some(kind);
            self.title = Some(line.trim().to_owned());
            self.mode = Mode::Idle;
        } else if is_title(line) && !line.trim().starts_with("附件") {
            self.finish_form();
            self.kind = None;
            self.title = None;
            self.mode = Mode::Skip;
            self.notices.push(Notice::Skipped(Skip::NotAForm {
                title: line.trim().to_owned(),
            }));
        } else if let Some(name) = labelled_name(line) {
            self.start_form(FormKind::Project, name);
        } else if let Some(unit) = unit_in_line(line) {
            self.ensure_form().unit = unit;
        }
    }

    fn table(&mut self, mut table: Table) {
        transposed::turn(&mut table);
        if let Mode::Skip = self.mode {
            if !table.rows.iter().any(|row| name_in_row(row).is_some()) {
                return;
            }
        }
        let blocks = header_blocks(&table);
        let known_header = !blocks.is_empty()
            || table.rows.iter().any(|row| {
                name_in_row(row).is_some()
                    || is_goals_header(&row.iter().map(|c| header_key(c)).collect::<Vec<_>>())
            });
        if !known_header && !self.headerless(&table.rows) {
            return;
        }
        let mut blocks = blocks.into_iter().peekable();
        let data_end = |start: usize, next: Option<&HeaderBlock>| {
            next.map_or(table.rows.len(), |block| block.rows.start)
                .max(start)
        };
        let rows = &table.rows;
        let mut index = 0;
        while let Some(row) = rows.get(index) {
            if let Some(block) = blocks.next_if(|block| block.rows.start == index) {
                let end = data_end(block.rows.end, blocks.peek());
                let data = rows.get(block.rows.end..end).unwrap_or_default();
                self.header(&block, data);
                index = block.rows.end.max(index.saturating_add(1));
                continue;
            }
            self.row(row.clone());
            index = index.saturating_add(1);
        }
    }

    /// A table with no header row: imported with the columns the user chose for its width,
    /// or asked about. Returns whether its rows are to be read.
    fn headerless(&mut self, rows: &[Vec<String>]) -> bool {
        let Some(first) = rows.first() else {
            return false;
        };
        let key = layout_key(first, true);
        if let Some(roles) = self.layouts.get(&key) {
            self.ensure_form();
            let columns = Columns(roles.clone());
            self.reading.parts.push(PartReading {
                part: Part::Indicators,
                layout: key,
                columns: roles
                    .iter()
                    .map(|role| ColumnReading {
                        header: String::new(),
                        role: *role,
                        numbers: false,
                    })
                    .collect(),
            });
            self.last_columns = columns.clone();
            self.mode = Mode::Indicators(columns);
            return true;
        }
        // Rows of words alone (a list of findings, a cover page) are no indicator table: only
        // rows that carry numbers, as weights and scores are, are worth asking about.
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let numbers = rows
            .iter()
            .any(|row| row.iter().filter(|cell| is_number_cell(cell)).count() >= 1);
        if width > MAX_MAPPED_COLUMNS && numbers {
            self.notices
                .push(Notice::Skipped(Skip::TooWide { columns: width }));
        } else if width >= 3 && numbers {
            self.notices.push(Notice::NeedsMapping {
                layout: key,
                guess: official_order(first.len()),
                header: first.clone(),
                headerless: true,
            });
        }
        false
    }

    fn row(&mut self, row: Vec<String>) {
        if is_blank_row(&row) {
            return;
        }
        if self.rows_read > MAX_ROWS {
            // Past the cap only counting remains, for the notice.
            self.rows_read = self.rows_read.saturating_add(1);
            return;
        }
        if let Some((label, name)) = name_in_row(&row) {
            let kind = if label.contains("部门") || label.contains("单位") {
                FormKind::Department
            } else {
                FormKind::Project
            };
            self.start_form(self.kind.unwrap_or(kind), name);
            if let Some(unit) = unit_in_row(&row) {
                self.ensure_form().unit = unit;
            }
            // A claimed total beside the name (项目名称 | … | 自评得分 | 96.5).
            if let Some(total) = labelled_value(&row, is_claim_label).filter(|t| is_number_cell(t))
            {
                self.ensure_form().claim.total = total;
            }
            if let Some(grade) = claimed_grade(&row).and_then(|g| crate::score::Grade::parse(&g)) {
                self.ensure_form().claim.grade = grade.label().to_owned();
            }
            return;
        }
        if let Some(unit) = unit_in_row(&row) {
            self.ensure_form().unit = unit;
        }
        if let Some(unit) =
            labelled_value(&row, |key| matches!(key, "主管部门" | "预算单位" | "部门"))
        {
            // A department's form named only by its 主管部门 line, often with the claimed
            // total beside it (主管部门 | … | 自评总分 | 99.18).
            let title = self.title.clone();
            let form = self.ensure_form();
            if form.kind == FormKind::Department
                && (form.name.is_empty() || Some(&form.name) == title.as_ref())
            {
                form.name = unit;
            }
            if let Some(total) = labelled_value(&row, |key| CLAIM_WORDS.contains(&key))
                .filter(|total| is_number_cell(total))
            {
                form.claim.total = total;
            }
            return;
        }
        let keys: Vec<String> = row.iter().map(|cell| header_key(cell)).collect();
        if is_goals_header(&keys) {
            let position = |word: &str| keys.iter().position(|key| key.starts_with(word));
            if let (Some(expected), Some(achieved)) =
                (position("预期目标"), position("实际完成情况"))
            {
                self.mode = Mode::Goals { expected, achieved };
            }
            return;
        }
        if let Some((kind, title)) = row
            .iter()
            .find_map(|cell| kind_in(cell).map(|kind| (kind, cell)))
        {
            // A title inside the table (a merged first row).
            self.finish_form();
            self.kind = Some(kind);
            self.title = Some(title.trim().to_owned());
            return;
        }
        let funds_total = matches!(self.mode, Mode::Funds(_))
            && first_text(&row).is_some_and(|(_, text)| funds_slot(&folded_key(text)) == Some(0))
            && row.iter().any(|cell| is_number_cell(cell));
        if is_claim_row(&row) && !funds_total {
            let columns = self.last_columns.clone();
            self.claims(&row, &columns);
            return;
        }
        if let Some(why) = not_data(&row) {
            self.skip(&row, why);
            return;
        }
        let pairs = funds_pairs(&row);
        if !pairs.is_empty() {
            self.funds_pairs(pairs);
            return;
        }
        if is_goals_row(&row) {
            self.goals_row(&row);
            return;
        }
        match self.mode.clone() {
            Mode::Idle | Mode::Skip => {}
            Mode::Funds(columns) => self.funds_row(&row, &columns),
            Mode::Goals { expected, achieved } => {
                let form = self.ensure_form();
                let cell = |i: usize| row.get(i).map(|c| c.trim().to_owned()).unwrap_or_default();
                if form.goals.expected.is_empty() {
                    form.goals.expected = cell(expected);
                    form.goals.achieved = cell(achieved);
                }
            }
            Mode::Indicators(columns) => self.indicator_row(&row, &columns),
        }
    }

    /// 年度总体目标 | what was planned | what was achieved, with no header row of its own.
    fn goals_row(&mut self, row: &[String]) {
        let texts: Vec<String> = row
            .iter()
            .skip(1)
            .map(|cell| cell.trim().to_owned())
            .filter(|cell| !cell.is_empty())
            .collect();
        let form = self.ensure_form();
        if form.goals.expected.is_empty() {
            let mut texts = texts.into_iter();
            form.goals.expected = texts.next().unwrap_or_default();
            form.goals.achieved = texts.next().unwrap_or_default();
        }
        self.mode = Mode::Idle;
    }

    fn skip(&mut self, row: &[String], why: SkipReason) {
        if self.form.is_none() {
            return;
        }
        self.reading.skipped.push(Skipped {
            text: row_text(row),
            why,
        });
    }

    /// A header block: the columns of the rows under it, named from its words (or as the user
    /// chose for this layout). `data` are the rows it heads, to tell which columns hold numbers.
    fn header(&mut self, block: &HeaderBlock, data: &[Vec<String>]) {
        let headers: Vec<String> = block.columns.iter().map(|c| c.header()).collect();
        let key = layout_key(&headers, false);
        let chosen = self.layouts.get(&key);
        let columns = Columns(
            chosen
                .cloned()
                .unwrap_or_else(|| row_weight(held_by_data(block.roles(), data))),
        );
        let part = if columns.is_indicators() {
            Part::Indicators
        } else if columns.is_funds() {
            Part::Funds
        } else {
            self.mode = Mode::Idle;
            return;
        };
        let numbers: Vec<bool> = (0..headers.len())
            .map(|c| {
                data.iter()
                    .any(|row| row.get(c).is_some_and(|cell| is_number_cell(cell)))
            })
            .collect();
        let unnamed_numbers = headers.iter().enumerate().any(|(c, header)| {
            columns.0.get(c).copied().flatten().is_none()
                && numbers.get(c) == Some(&true)
                && !header.is_empty()
                && role_of(header).is_none()
                && !known_unscored(header)
        }) || headers.is_empty();
        self.ensure_form();
        let asked = self
            .notices
            .iter()
            .any(|notice| matches!(notice, Notice::NeedsMapping { layout, .. } if *layout == key));
        if unnamed_numbers && chosen.is_none() && !asked {
            self.notices.push(Notice::NeedsMapping {
                layout: key.clone(),
                header: headers.clone(),
                guess: columns.0.clone(),
                headerless: false,
            });
        }
        self.reading.parts.push(PartReading {
            part,
            layout: key,
            columns: headers
                .into_iter()
                .zip(&columns.0)
                .zip(numbers)
                .map(|((header, role), numbers)| ColumnReading {
                    header,
                    role: *role,
                    numbers,
                })
                .collect(),
        });
        let points = block
            .columns
            .iter()
            .flat_map(|column| &column.words)
            .find_map(|word| declared_points(word).map(|points| (points, word.clone())));
        match part {
            Part::Indicators => {
                self.level2.clear();
                // A weight over the whole indicator block (绩效指标(90分)), not a section's.
                self.indicator_points = points
                    .filter(|(_, word)| {
                        !matches!(
                            role_of(word),
                            Some(Role::Level1 | Role::Level2 | Role::Name)
                        )
                    })
                    .map(|(points, _)| points);
                self.last_columns = columns.clone();
                self.mode = Mode::Indicators(columns);
            }
            Part::Funds => {
                let form = self.ensure_form();
                let words = block.columns.iter().flat_map(|column| &column.words);
                if let Some(unit) = words.clone().find_map(|word| amount_unit(word)) {
                    form.funds.unit = unit;
                }
                if let Some((points, word)) = points {
                    form.funds.weight = points;
                    self.reading.budget_weight = WeightSource::Header(folded_key(&word));
                }
                self.mode = Mode::Funds(columns);
            }
        }
    }

    fn funds_row(&mut self, row: &[String], columns: &Columns) {
        let label = row
            .iter()
            .enumerate()
            .filter(|(i, _)| !matches!(columns.0.get(*i).copied().flatten(), Some(r) if r != Role::Label))
            .map(|(_, cell)| folded_key(cell))
            .find(|key| !key.is_empty() && read_number(key) == NumberCell::Unreadable)
            .unwrap_or_default();
        if label.starts_with("执行偏差原因") || label == "偏差原因" {
            let reason = row
                .iter()
                .skip_while(|cell| folded_key(cell) != label)
                .skip(1)
                .map(|c| c.trim())
                .find(|c| !c.is_empty());
            self.ensure_form().funds.reason = reason.unwrap_or_default().to_owned();
            return;
        }
        let slot = funds_slot(&label);
        let stated_points = declared_points(&label).filter(|_| slot.is_none());
        let mut source = None;
        self.ensure_form();
        let Some(form) = self.form.as_mut() else {
            return;
        };
        let funds = &mut form.funds;
        let total_empty = [
            &funds.total.initial,
            &funds.total.full_year,
            &funds.total.executed,
        ]
        .iter()
        .all(|cell| cell.trim().is_empty());
        let amounts = [Role::Initial, Role::FullYear, Role::Executed]
            .iter()
            .any(|role| is_number_cell(columns.cell(row, *role)));
        let taken = |slot: usize| {
            slot.checked_sub(1)
                .and_then(|i| funds.sub_rows.get(i))
                .is_some_and(|row| {
                    [&row.initial, &row.full_year, &row.executed]
                        .iter()
                        .any(|c| !c.trim().is_empty())
                })
        };
        // A second source of the same kind (省级财政资金, then 市县财政资金) is a row of its own.
        let slot = slot.filter(|slot| !taken(*slot));
        let slot = slot
            .or_else(|| (label.is_empty() && total_empty).then_some(0))
            .or_else(|| {
                // A source of funds the official form does not list (单位资金, 财政专户管理资金):
                // a sub-row of its own, so the sub-rows still add up to the total.
                let funds_like = FUNDS_WORDS.iter().any(|word| label.contains(word));
                (funds_like && amounts && funds.sub_rows.len() < MAX_SUB_ROWS).then(|| {
                    funds.sub_rows.push(crate::model::FundsRow {
                        label: label_text(row, &label),
                        ..Default::default()
                    });
                    funds.sub_rows.len()
                })
            });
        let Some(slot) = slot else {
            return;
        };
        let Some(target) = funds.row_mut(slot) else {
            return;
        };
        let get = |role| columns.cell(row, role).trim().to_owned();
        target.initial = get(Role::Initial);
        target.full_year = get(Role::FullYear);
        target.executed = get(Role::Executed);
        target.claimed_rate = get(Role::Rate);
        if !label.is_empty() && slot != 0 {
            target.label = label_text(row, &label);
        }
        if slot == 0 {
            target.claimed_score = get(Role::Score);
            let weight = get(Role::Weight);
            if !weight.is_empty() {
                funds.weight = weight;
                source = Some(WeightSource::Cell);
            } else if let Some(points) = stated_points {
                // A row label that states the weight: 预算执行情况（10分）.
                funds.weight = points;
                source = Some(WeightSource::Header(label.clone()));
            }
        }
        if let Some(source) = source {
            self.reading.budget_weight = source;
        }
    }

    /// 预算数 6.84 | 到位数 6.84 | 执行数 6.84, written across one row.
    fn funds_pairs(&mut self, pairs: Vec<(Role, String)>) {
        let total = &mut self.ensure_form().funds.total;
        for (role, value) in pairs {
            match role {
                Role::Initial => total.initial = value,
                Role::FullYear if total.full_year.is_empty() => total.full_year = value,
                Role::Executed => total.executed = value,
                Role::Rate => total.claimed_rate = value,
                Role::Score => total.claimed_score = value,
                _ => {}
            }
        }
    }

    fn indicator_row(&mut self, row: &[String], columns: &Columns) {
        let first = first_text(row).map(|(_, text)| folded_key(text));
        if first.as_deref().is_some_and(|key| key.starts_with("合计")) {
            self.skip(row, SkipReason::Sum);
            self.sum_row(row, columns);
            self.mode = Mode::Idle;
            return;
        }
        if row.iter().any(|cell| folded_key(cell) == "小计") {
            // A section's subtotal (zipin's own spreadsheets write one): computed, not read.
            self.skip(row, SkipReason::Subtotal);
            return;
        }
        let cell = |role: Role| columns.cell(row, role).trim().to_owned();
        let level1 = cell(Role::Level1);
        let level2 = folded_key(&cell(Role::Level2));
        let name = cell(Role::Name);
        let adjusted = cell(Role::AdjustedTarget);
        let written = if adjusted.is_empty() {
            cell(Role::Target)
        } else {
            adjusted
        };
        let target = join_sichuan(&cell(Role::Nature), &written, &cell(Role::Unit));
        let actual = join_actual(&cell(Role::Actual), &cell(Role::Unit));
        let weight = cell(Role::Weight);
        let score = cell(Role::Score);
        let reason = cell(Role::Reason);
        if !columns.has(Role::Level1) && target.is_empty() && actual.is_empty() {
            // The heading's words may fall in another column (a 序号 column merged with the
            // name's): its first text is what it says.
            let words = if name.is_empty() {
                first_text(row).map_or("", |(_, text)| text).trim()
            } else {
                name.as_str()
            };
            let heading = heading_of(words, self.form.as_ref())
                .filter(|h| !columns.has(Role::Level2) || matches!(h, Heading::Section(_)));
            if let Some(heading) = heading {
                let (_, declared) = split_declared(words);
                let weight = if declared.is_empty() {
                    weight
                } else {
                    declared
                };
                self.heading(row, heading, weight);
                return;
            }
        }
        let level2_changed = !level2.is_empty();
        let form = self.ensure_form();
        if !level1.is_empty() || form.sections.is_empty() {
            let (section_name, declared) = split_declared(&level1);
            // The same heading again right after its rows is the section going on over a
            // page break (Word repeats a merged cell split across pages), not a new one.
            let continues = form.sections.last().is_some_and(|last| {
                !section_name.is_empty()
                    && last.name == section_name
                    && (declared.is_empty() || declared == last.declared_weight)
            });
            if !continues {
                form.sections.push(Section {
                    name: section_name,
                    declared_weight: declared,
                    ..Section::default()
                });
                self.level2.clear();
            }
        }
        if level2_changed {
            self.level2 = level2;
        }
        let nothing = |c: &String| is_filler(c) || c.as_str() == "无";
        let placeholder = nothing(&name)
            && nothing(&target)
            && nothing(&actual)
            && [&weight, &score]
                .iter()
                .all(|c| is_filler(c) || read_number(c).value().is_some_and(|v| v.is_zero()));
        let has_row = !placeholder
            && [&target, &actual, &weight, &score]
                .iter()
                .any(|c| !is_filler(c))
            || [Role::Coefficient, Role::Converted]
                .iter()
                .any(|role| !is_filler(columns.cell(row, *role)));
        if !has_row {
            if row.iter().filter(|cell| !cell.trim().is_empty()).count() > 1 {
                self.skip(row, SkipReason::NoIndicator);
            }
            return;
        }
        self.rows_read = self.rows_read.saturating_add(1);
        if self.rows_read > MAX_ROWS {
            return;
        }
        let indicator = Indicator {
            level2: self.level2.clone(),
            name,
            target,
            actual,
            weight,
            score,
            reason,
            coefficient: cell(Role::Coefficient),
            share: cell(Role::Share),
            converted: cell(Role::Converted),
            ..Indicator::default()
        };
        let form = self.ensure_form();
        if let Some(section) = form.sections.last_mut() {
            section.rows.push(Rc::new(indicator));
        }
    }

    /// A flat list's heading row (产出指标 | | | 60 | 58.25; 数量指标 | … ): the section or
    /// second level the rows under it belong to. Its weight is the section's declared weight;
    /// its score is the filer's subtotal, which zipin computes itself.
    fn heading(&mut self, row: &[String], heading: Heading, weight: String) {
        self.skip(row, SkipReason::Heading);
        match heading {
            Heading::Section(name) => {
                self.ensure_form().sections.push(Section {
                    name,
                    declared_weight: weight,
                    ..Section::default()
                });
                self.level2.clear();
            }
            Heading::Level2(name) => self.level2 = name,
        }
    }

    /// 合计: its score is the claimed total where its weight is the whole 100 (or not
    /// written); where it sums the indicators only (90), the claimed budget score completes it.
    fn sum_row(&mut self, row: &[String], columns: &Columns) {
        let score = read_number(columns.cell(row, Role::Score)).value();
        let weight = read_number(columns.cell(row, Role::Weight)).value();
        let form = self.ensure_form();
        let claimed = match (score, weight) {
            (Some(score), None) => Some(score),
            (Some(score), Some(weight)) if weight == rust_decimal::Decimal::ONE_HUNDRED => {
                Some(score)
            }
            (Some(score), Some(_)) => read_number(&form.funds.total.claimed_score)
                .value()
                .and_then(|budget| score.checked_add(budget)),
            (None, _) => None,
        };
        if let Some(claimed) = claimed {
            form.claim.total = claimed.normalize().to_string();
        }
        if let Some(grade) =
            claimed_grade(row).and_then(|written| crate::score::Grade::parse(&written))
        {
            form.claim.grade = grade.label().to_owned();
        }
    }

    /// 总分 / 等级 rows: what the filer claimed.
    fn claims(&mut self, row: &[String], columns: &Columns) {
        let form = self.ensure_form();
        if let Some(written) = claimed_grade(row) {
            // Keep the grade itself ("优"), or the text as written when it names none.
            form.claim.grade = crate::score::Grade::parse(&written)
                .map_or(written, |grade| grade.label().to_owned());
        }
        // The total stands in the score column; a number under 分值 is the weights' sum, not
        // a claim. Rows rebuilt from Word's text lose their positions: there, of the other
        // numbers, the last of two (总分 | 100 | 95) or the only one.
        let weight_at = columns.index(Role::Weight);
        let numbers: Vec<String> = row
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != weight_at)
            .map(|(_, c)| folded_key(c))
            .filter(|key| matches!(read_number(key), NumberCell::Number(_)))
            .collect();
        let at_score = folded_key(columns.cell(row, Role::Score));
        // "自评总分：98.84分　　自评等级：优" in one cell.
        let in_cell = row.iter().find_map(|cell| {
            let key = folded_key(cell);
            let (_, rest) = key.split_once("总分")?;
            let rest = rest.trim_start_matches([':', '：']);
            let end = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(rest.len());
            let number = rest.get(..end)?;
            matches!(read_number(number), NumberCell::Number(_)).then(|| number.to_owned())
        });
        let total = if matches!(read_number(&at_score), NumberCell::Number(_)) {
            Some(at_score)
        } else if in_cell.is_some() {
            in_cell
        } else if numbers.len() >= 2 {
            numbers.get(1).cloned()
        } else {
            numbers.first().cloned()
        };
        if let Some(total) = total {
            form.claim.total = total;
        }
        if !matches!(self.mode, Mode::Funds(_)) {
            self.mode = Mode::Idle;
        }
    }

    fn start_form(&mut self, kind: FormKind, name: String) {
        // A name given twice (a cover line 项目名称：…, then the table's 项目名称 row) names one
        // form: the table's wins.
        if let Some(form) = self
            .form
            .as_mut()
            .filter(|form| form.sections.is_empty() && !has_funds(form))
        {
            form.name = name;
            form.kind = kind;
            return;
        }
        self.finish_form();
        self.form = Some(Form {
            kind,
            name,
            funds: FundsBlock::default(),
            ..Form::default()
        });
        self.kind = None;
        self.mode = Mode::Idle;
        self.level2.clear();
    }

    fn ensure_form(&mut self) -> &mut Form {
        let kind = self.kind.unwrap_or_default();
        let name = self.title.as_deref().map(name_in_title).unwrap_or_default();
        self.form.get_or_insert_with(|| Form {
            kind,
            name,
            ..Form::default()
        })
    }

    fn finish_form(&mut self) {
        let mut reading = std::mem::take(&mut self.reading);
        let indicator_points = self.indicator_points.take();
        if let Some(mut form) = self.form.take() {
            // A first-level heading with no indicator under it (a page's repeated heading,
            // the text rows under the table) is not a section.
            form.sections.retain(|section| !section.rows.is_empty());
            if !form.sections.is_empty() || form.has_content() {
                settle_budget_weight(&mut form, &mut reading, indicator_points);
                reading.missing = missing_columns(&form, &reading);
                self.forms.push(form);
                self.readings.push(reading);
            }
        }
        self.title = None;
    }
}

/// Words name a column, and the rows under it confirm it: a column of amounts, weights or
/// scores whose cells are mostly words is a column of row labels (年度预算数（万元） over
/// 总额 / 其中：财政资金), not the column its header's words suggest.
fn held_by_data(roles: Vec<Option<Role>>, data: &[Vec<String>]) -> Vec<Option<Role>> {
    roles
        .into_iter()
        .enumerate()
        .map(|(c, role)| match role {
            Some(role) if role.holds_numbers() => {
                let read = |cell: &String| match role {
                    Role::Rate | Role::Share | Role::Coefficient => read_rate(cell).0,
                    _ => read_number(cell),
                };
                // Rows with no number at all (goals text, notes) say nothing about a column.
                let cells = data
                    .iter()
                    .filter(|row| row.iter().any(|cell| is_number_cell(cell)))
                    .filter_map(|row| row.get(c))
                    .map(read)
                    .filter(|cell| *cell != NumberCell::Empty);
                let (words, all) = cells.fold((0_usize, 0_usize), |(words, all), cell| {
                    let word = usize::from(cell == NumberCell::Unreadable);
                    (words.saturating_add(word), all.saturating_add(1))
                });
                if words.saturating_mul(2) > all {
                    role.is_funds().then_some(Role::Label)
                } else {
                    Some(role)
                }
            }
            role => role,
        })
        .collect()
}

/// Some forms give every level a 分值 column (一级 | 分值 | 二级 | 分值 | 三级 | 分值): the
/// row's weight is the one after its 三级指标; the others weigh the levels, which zipin sums.
fn row_weight(mut roles: Vec<Option<Role>>) -> Vec<Option<Role>> {
    let weights = roles.iter().filter(|r| **r == Some(Role::Weight)).count();
    let name = roles.iter().position(|r| *r == Some(Role::Name));
    if let (2.., Some(name)) = (weights, name) {
        let after = roles
            .iter()
            .enumerate()
            .skip(name)
            .find(|(_, r)| **r == Some(Role::Weight))
            .map(|(i, _)| i);
        if after.is_some() {
            for (i, role) in roles.iter_mut().enumerate() {
                if *role == Some(Role::Weight) && Some(i) != after {
                    *role = None;
                }
            }
        }
    }
    roles
}

/// A form that states no budget weight: where a header declares the indicators' share
/// (绩效指标(90分)), the budget part is the rest of 100; where the indicators' own weights
/// already add up to 100 and the form scores no budget part, it weighs 0; otherwise the
/// profile's weight stands.
fn settle_budget_weight(
    form: &mut Form,
    reading: &mut FormReading,
    indicator_points: Option<String>,
) {
    if reading.budget_weight != WeightSource::Profile {
        return;
    }
    let hundred = rust_decimal::Decimal::ONE_HUNDRED;
    if let Some(rest) = indicator_points
        .as_deref()
        .and_then(|points| read_number(points).value())
        .and_then(|points| hundred.checked_sub(points))
        .filter(|rest| !rest.is_sign_negative())
    {
        form.funds.weight = rest.normalize().to_string();
        reading.budget_weight = WeightSource::Header(format!(
            "指标合计 {}分",
            indicator_points.unwrap_or_default()
        ));
        return;
    }
    // Every section declares its weight (产出指标(50分) …, or the framework's 项目决策(10分)
    // … 项目效益(35分)): the budget part is what they leave of 100.
    let declared = form
        .sections
        .iter()
        .map(|section| read_number(&section.declared_weight).value())
        .collect::<Option<Vec<_>>>()
        .filter(|weights| !weights.is_empty())
        .and_then(|weights| {
            weights
                .into_iter()
                .try_fold(rust_decimal::Decimal::ZERO, |sum, w| sum.checked_add(w))
        });
    if let Some(rest) = declared
        .and_then(|sum| hundred.checked_sub(sum))
        .filter(|rest| !rest.is_sign_negative())
    {
        form.funds.weight = rest.normalize().to_string();
        reading.budget_weight = WeightSource::Header(format!(
            "一级指标分值合计 {} 分",
            declared.unwrap_or_default().normalize()
        ));
        return;
    }
    let weights = form
        .rows()
        .map(|context| read_number(&context.row.weight).value())
        .collect::<Option<Vec<_>>>();
    let sum = weights.and_then(|weights| {
        weights
            .into_iter()
            .try_fold(rust_decimal::Decimal::ZERO, |sum, w| sum.checked_add(w))
    });
    let scores_budget = !form.funds.total.claimed_score.trim().is_empty();
    if sum == Some(hundred) && !scores_budget && form.row_count() > 0 {
        form.funds.weight = "0".to_owned();
        reading.budget_weight = WeightSource::NoBudgetPart;
    }
}

/// The columns an indicator table's rows need that the form's tables do not have.
fn missing_columns(form: &Form, reading: &FormReading) -> Vec<Role> {
    if form.row_count() == 0 {
        return Vec::new();
    }
    let has = |role| reading.has_indicator_role(role);
    let mut missing = Vec::new();
    if !has(Role::Actual) {
        missing.push(Role::Actual);
    }
    if !has(Role::Weight) && !has(Role::Coefficient) {
        missing.push(Role::Weight);
    }
    if !has(Role::Score) && !has(Role::Converted) && !has(Role::Coefficient) {
        missing.push(Role::Score);
    }
    missing
}

/// The name on a name row: 部门名称 | 株洲市… or 项目支出名称 | 网格员专项经费.
fn name_in_row(row: &[String]) -> Option<(String, String)> {
    // The label and the name in one cell: "项目名称：网格员专项经费".
    let in_one = row.iter().find_map(|cell| {
        let (label, name) = cell.trim().split_once([':', '：'])?;
        let label = folded_key(label);
        (is_name_label(&label) && !name.trim().is_empty())
            .then(|| (label, name.trim_matches(['　', ' ']).to_owned()))
    });
    if in_one.is_some() {
        return in_one;
    }
    let (index, label) = row.iter().enumerate().find_map(|(i, cell)| {
        let key = folded_key(cell);
        let key = key.trim_end_matches([':', '：']);
        is_name_label(key).then(|| (i, key.to_owned()))
    })?;
    let name = first_filled_after(row, index).unwrap_or("");
    Some((label, name.trim_matches(['　', ' ']).to_owned()))
}

/// The name a title gives a form: "进境粮食检疫监管能力建设项目支出绩效评价表" names its project;
/// "2022年度部门整体支出绩效自评表" names none (a 部门名称 or 项目名称 row will).
fn name_in_title(title: &str) -> String {
    let title = title.trim();
    let Some(end) = ["部门整体", "项目支出", "项目绩效", "绩效自评", "绩效评价"]
        .iter()
        .filter_map(|kind| title.find(kind))
        .min()
    else {
        return title.to_owned();
    };
    let name = title.get(..end).unwrap_or_default().trim();
    let name = name.strip_prefix("附件").unwrap_or(name);
    let name = name.trim_matches(|c: char| {
        c.is_ascii_digit() || c.is_whitespace() || "年度（）()-—:：、.".contains(c)
    });
    name.to_owned()
}

/// A row as one line: its non-empty cells, each on one line, joined by " | ".
fn row_text(row: &[String]) -> String {
    row.iter()
        .map(|cell| cell.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|cell| !cell.is_empty())
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Whether a form holds any amount in its funds block.
fn has_funds(form: &Form) -> bool {
    std::iter::once(&form.funds.total)
        .chain(&form.funds.sub_rows)
        .any(|row| {
            [&row.initial, &row.full_year, &row.executed]
                .iter()
                .any(|c| !c.trim().is_empty())
        })
}

/// The grade a 总分 / 等级 row states: in the cell after its label ("自评等级 | 优"), in the
/// label's own cell ("等级：优", "（自评等级）优"), or alone ("优").
fn claimed_grade(row: &[String]) -> Option<String> {
    let keys: Vec<String> = row.iter().map(|cell| folded_key(cell)).collect();
    let labelled = keys.iter().position(|key| key.contains("等级"));
    if let Some(at) = labelled {
        let key = keys.get(at)?;
        let rest = key
            .rsplit(['等', ':', '：', ')', '）'])
            .next()
            .unwrap_or_default()
            .trim_start_matches('级');
        if !rest.is_empty() {
            return Some(rest.to_owned());
        }
        return keys
            .iter()
            .skip(at.saturating_add(1))
            .find(|key| !key.is_empty())
            .cloned();
    }
    keys.into_iter()
        .find(|key| matches!(key.as_str(), "优" | "良" | "中" | "差" | "优秀" | "良好"))
}

/// The label of a form's name: 部门名称, 单位名称, 项目名称, 项目支出名称, 专项资金名称,
/// 部门(单位)名称 … — a short label ending in 名称 that does not name an indicator column.
fn is_name_label(key: &str) -> bool {
    let length = key.chars().count();
    key.ends_with("名称")
        && (4..=10).contains(&length)
        && !key.contains("指标")
        && (key.contains("部门")
            || key.contains("单位")
            || key.contains("项目")
            || key.contains("资金"))
}

/// A name given in a line of text: "项目名称：网格员专项经费".
fn labelled_name(line: &str) -> Option<String> {
    let (label, name) = line.trim().split_once([':', '：'])?;
    matches!(folded_key(label).as_str(), "项目名称" | "项目支出名称")
        .then(|| name.trim().to_owned())
        .filter(|name| !name.is_empty())
}

fn label_text(row: &[String], key: &str) -> String {
    row.iter()
        .find(|cell| folded_key(cell) == key)
        .map(|c| c.trim().to_owned())
        .unwrap_or_else(|| key.to_owned())
}

/// "产出\n指标\n(50分)" → ("产出指标", "50"); "效益指标\n（20分）" → ("效益指标", "20").
pub fn split_declared(level1: &str) -> (String, String) {
    let key = folded_key(level1);
    let mut name = String::new();
    let mut declared = String::new();
    let mut in_bracket = String::new();
    let mut depth = 0_usize;
    for c in key.chars() {
        match c {
            '(' => depth = depth.saturating_add(1),
            ')' if depth > 0 => {
                depth = depth.saturating_sub(1);
                if let Some(points) = in_bracket.strip_suffix('分') {
                    if matches!(read_number(points), NumberCell::Number(_)) {
                        declared = points.to_owned();
                    }
                }
                in_bracket.clear();
            }
            c if depth > 0 => in_bracket.push(c),
            c => name.push(c),
        }
    }
    (without_numbering(&name).to_owned(), declared)
}

/// The Sichuan layout writes the target in three columns: 指标性质 (≥, ≤, =, 正向/反向),
/// 指标值 and 度量单位. Joined, they read like any other target.
fn join_sichuan(nature: &str, value: &str, unit: &str) -> String {
    if nature.is_empty() && unit.is_empty() {
        return value.to_owned();
    }
    let sign = match folded_key(nature).as_str() {
        "正向" | "正向指标" | "≥" | ">=" | ">" | "大于等于" => "≥",
        "反向" | "反向指标" | "≤" | "<=" | "<" | "小于等于" => "≤",
        "=" | "等于" => "=",
        _ => "",
    };
    let needs_unit = matches!(read_value(value), Reading::Quantity(ref q) if q.unit.is_empty());
    format!("{sign}{value}{}", if needs_unit { unit } else { "" })
}

/// An actual written as a bare number takes the layout's unit column.
fn join_actual(actual: &str, unit: &str) -> String {
    match read_value(actual) {
        Reading::Quantity(q) if q.unit.is_empty() && !unit.is_empty() => format!("{actual}{unit}"),
        _ => actual.to_owned(),
    }
}

/// The official column order, as a first guess for a table without a header.
fn official_order(width: usize) -> Vec<Option<Role>> {
    let order = [
        Role::Level1,
        Role::Level2,
        Role::Name,
        Role::Target,
        Role::Actual,
        Role::Weight,
        Role::Score,
        Role::Reason,
    ];
    let skip = width.saturating_sub(order.len());
    (0..width)
        .map(|i| i.checked_sub(skip).and_then(|j| order.get(j)).copied())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_names_its_project_but_not_its_year_or_kind() {
        for (title, name) in [
            (
                "进境粮食检疫监管能力建设项目支出绩效评价表",
                "进境粮食检疫监管能力建设",
            ),
            ("2022年度部门整体支出绩效自评表", ""),
            ("附件2：项目支出绩效自评表", ""),
            ("（2023年度）项目绩效自评表", ""),
        ] {
            assert_eq!(name_in_title(title), name, "{title}");
        }
    }
}
