//! Finding the forms in a pasted document: each form's name and kind, its funds block, its
//! 年度总体目标, its indicator table and what the filer claimed, from titles, header rows
//! and row labels. Tables that are not scored forms (附件1-1 基础数据表) are skipped and said.

use std::collections::HashMap;
use std::rc::Rc;

use crate::import::grid::Block;
use crate::import::header::{amount_unit, header_key, header_width, is_title, role_of, Role};
use crate::model::{Form, FormKind, FundsBlock, Indicator, Section};
use crate::normalize::{contains_word, folded_key};
use crate::number::{read_number, NumberCell};
use crate::value::{read_value, Reading};

/// A column mapping the user chose for a table layout, keyed by [`layout_key`].
pub type Layouts = HashMap<String, Vec<Option<Role>>>;

/// Something the user should know about an import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A table whose columns could not all be mapped; the user maps them once and the
    /// choice is remembered for this layout.
    NeedsMapping {
        layout: String,
        /// The header cells (or, for a table without a header, its first row).
        header: Vec<String>,
        /// The roles recognized so far, one per column.
        guess: Vec<Option<Role>>,
        /// A table with no header row at all: every row is data.
        headerless: bool,
    },
    /// A table or block that was read but is not part of a scored form.
    Skipped(String),
    /// Nothing in the paste is a form, and why.
    NoForm(String),
}

/// What an import found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    pub forms: Vec<Form>,
    pub notices: Vec<Notice>,
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
    fn of(header: &[String]) -> Columns {
        Columns(header.iter().map(|cell| role_of(cell)).collect())
    }

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
    notices: Vec<Notice>,
    form: Option<Form>,
    /// The kind and title the last title line announced.
    kind: Option<FormKind>,
    title: Option<String>,
    mode: Mode,
    level2: String,
    /// The indicator table's columns, for the 总分 and 等级 rows after it.
    last_columns: Columns,
    /// Indicator rows read so far, against [`MAX_ROWS`].
    rows_read: usize,
}

/// The most indicator rows one import brings in: beyond this a page would build tens of
/// thousands of cells at once. The rest are left out, and the notice says so.
pub const MAX_ROWS: usize = 5_000;

/// Finds the forms in blocks read from a paste or a file. `layouts` holds the column
/// mappings the user chose for layouts zipin could not map by itself.
pub fn find_forms(blocks: Vec<Block>, layouts: &Layouts) -> Imported {
    let mut reader = Reader {
        layouts,
        forms: Vec::new(),
        notices: Vec::new(),
        form: None,
        kind: None,
        title: None,
        mode: Mode::Idle,
        level2: String::new(),
        last_columns: Columns::default(),
        rows_read: 0,
    };
    for block in blocks {
        match block {
            Block::Line(line) => reader.line(&line),
            Block::Table(table) => reader.table(table.rows),
        }
    }
    reader.finish_form();
    if reader.rows_read > MAX_ROWS {
        reader.notices.push(Notice::Skipped(format!(
            "内容有 {} 行指标，一次最多导入 {MAX_ROWS} 行：只导入了前 {MAX_ROWS} 行，其余请分批粘贴",
            reader.rows_read
        )));
    }
    Imported {
        forms: reader.forms,
        notices: reader.notices,
    }
}

fn first_text(row: &[String]) -> Option<(usize, &str)> {
    row.iter()
        .enumerate()
        .find(|(_, c)| !c.trim().is_empty())
        .map(|(i, c)| (i, c.as_str()))
}

/// A 总分 or 等级 row: the filer's claimed total and grade.
fn is_claim_row(row: &[String]) -> bool {
    first_text(row).is_some_and(|(_, text)| {
        let key = folded_key(text);
        ["总分", "总计", "等级", "自评等级", "评价等级"]
            .iter()
            .any(|word| key.starts_with(word))
    })
}

fn is_blank_row(row: &[String]) -> bool {
    row.iter().all(|cell| cell.trim().is_empty())
}

/// The kind a title names, if it names a scored form.
fn kind_in(text: &str) -> Option<FormKind> {
    // Every line of a pasted report is asked; both names hold 评, which no fold produces.
    if !contains_word(text, "评") {
        return None;
    }
    let key = folded_key(text);
    if key.contains("部门整体") && (key.contains("自评") || key.contains("评价表")) {
        Some(FormKind::Department)
    } else if key.contains("项目支出") && (key.contains("自评") || key.contains("评价表"))
    {
        Some(FormKind::Project)
    } else {
        None
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
            self.notices.push(Notice::Skipped(format!(
                "“{}”不是评分表，已跳过",
                line.trim()
            )));
        } else if let Some(name) = labelled_name(line) {
            self.start_form(FormKind::Project, name);
        }
    }

    fn table(&mut self, rows: Vec<Vec<String>>) {
        if let Mode::Skip = self.mode {
            if !rows.iter().any(|row| name_in_row(row).is_some()) {
                return;
            }
        }
        let known_header = rows
            .iter()
            .any(|row| header_width(row).is_some() || name_in_row(row).is_some());
        let chosen = rows
            .first()
            .map(|first| (first, self.layouts.get(&layout_key(first, true))))
            .and_then(|(f, c)| c.map(|c| (f.len(), c.clone())));
        if !known_header {
            match chosen {
                Some((_, roles)) => {
                    self.ensure_form();
                    self.mode = Mode::Indicators(Columns(roles));
                }
                None => {
                    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
                    if width >= 3 && !rows.is_empty() {
                        let header = rows.first().cloned().unwrap_or_default();
                        self.notices.push(Notice::NeedsMapping {
                            layout: layout_key(&header, true),
                            guess: official_order(header.len()),
                            header,
                            headerless: true,
                        });
                    }
                    return;
                }
            }
        }
        for row in rows {
            self.row(row);
        }
    }

    fn row(&mut self, row: Vec<String>) {
        if is_blank_row(&row) {
            return;
        }
        if self.rows_read > MAX_ROWS {
            // Past the cap only counting remains, for the notice.
            self.rows_read += 1;
            return;
        }
        if let Some((label, name)) = name_in_row(&row) {
            let kind = if label.contains("部门") || label.contains("单位") {
                FormKind::Department
            } else {
                FormKind::Project
            };
            self.start_form(self.kind.unwrap_or(kind), name);
            return;
        }
        if header_width(&row).is_some() {
            self.header(&row);
            return;
        }
        if let Some(kind) = row.iter().find_map(|cell| kind_in(cell)) {
            // A title inside the table (a merged first row).
            self.finish_form();
            self.kind = Some(kind);
            return;
        }
        if is_claim_row(&row) && self.form.is_some() {
            let columns = self.last_columns.clone();
            self.claims(&row, &columns);
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

    fn header(&mut self, header: &[String]) {
        let key = layout_key(header, false);
        let columns = match self.layouts.get(&key) {
            Some(roles) => Columns(roles.clone()),
            None => Columns::of(header),
        };
        if columns.is_indicators() {
            self.ensure_form();
            self.level2.clear();
            let unmapped = header
                .iter()
                .zip(&columns.0)
                .any(|(cell, role)| role.is_none() && !cell.trim().is_empty());
            if unmapped && !self.layouts.contains_key(&key) {
                self.notices.push(Notice::NeedsMapping {
                    layout: key,
                    header: header.to_vec(),
                    guess: columns.0.clone(),
                    headerless: false,
                });
            }
            self.last_columns = columns.clone();
            self.mode = Mode::Indicators(columns);
        } else if columns.is_funds() {
            let form = self.ensure_form();
            if let Some(unit) = header.iter().find_map(|cell| amount_unit(cell)) {
                form.funds.unit = unit;
            }
            self.mode = Mode::Funds(columns);
        } else {
            let position = |word: &str| {
                header
                    .iter()
                    .position(|cell| header_key(cell).starts_with(word))
            };
            match (position("预期目标"), position("实际完成情况")) {
                (Some(expected), Some(achieved)) => self.mode = Mode::Goals { expected, achieved },
                _ => self.mode = Mode::Idle,
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
        let form = self.ensure_form();
        let funds = &mut form.funds;
        let Some(slot) = slot.or_else(|| funds.total.full_year.is_empty().then_some(0)) else {
            return;
        };
        let target = if slot == 0 {
            &mut funds.total
        } else {
            match funds.sub_rows.get_mut(slot - 1) {
                Some(row) => row,
                None => return,
            }
        };
        let get = |role| columns.cell(row, role).trim().to_owned();
        target.initial = get(Role::Initial);
        target.full_year = get(Role::FullYear);
        target.executed = get(Role::Executed);
        target.claimed_rate = get(Role::Rate);
        if slot == 0 {
            funds.weight = get(Role::Weight);
            target.claimed_score = get(Role::Score);
        }
        if !label.is_empty() && slot != 0 {
            target.label = label_text(row, &label);
        }
    }

    fn indicator_row(&mut self, row: &[String], columns: &Columns) {
        if first_text(row).is_some_and(|(_, text)| folded_key(text).starts_with("合计")) {
            self.claims(row, columns);
            return;
        }
        let cell = |role: Role| columns.cell(row, role).trim().to_owned();
        let level1 = cell(Role::Level1);
        let level2 = folded_key(&cell(Role::Level2));
        let name = cell(Role::Name);
        let target = join_sichuan(&cell(Role::Nature), &cell(Role::Target), &cell(Role::Unit));
        let actual = join_actual(&cell(Role::Actual), &cell(Role::Unit));
        let weight = cell(Role::Weight);
        let score = cell(Role::Score);
        let reason = cell(Role::Reason);
        let level2_changed = !level2.is_empty();
        let form = self.ensure_form();
        if !level1.is_empty() || form.sections.is_empty() {
            let (section_name, declared) = split_declared(&level1);
            form.sections.push(Section {
                name: section_name,
                declared_weight: declared,
                ..Section::default()
            });
            self.level2.clear();
        }
        if level2_changed {
            self.level2 = level2;
        }
        let has_row = [&name, &target, &actual, &weight, &score, &reason]
            .iter()
            .any(|c| !c.is_empty());
        if !has_row {
            return;
        }
        self.rows_read += 1;
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
            ..Indicator::default()
        };
        let form = self.ensure_form();
        if let Some(section) = form.sections.last_mut() {
            section.rows.push(Rc::new(indicator));
        }
    }

    /// 总分 / 等级 rows: what the filer claimed.
    fn claims(&mut self, row: &[String], columns: &Columns) {
        let form = self.ensure_form();
        if let Some(grade) = row.iter().find(|cell| {
            let key = folded_key(cell);
            key.starts_with("等级")
                || key.starts_with("自评等级")
                || matches!(key.as_str(), "优" | "良" | "中" | "差")
        }) {
            let key = folded_key(grade);
            let value = key.rsplit([':', '：']).next().unwrap_or("").to_owned();
            let next = row
                .iter()
                .skip_while(|c| *c != grade)
                .skip(1)
                .map(|c| folded_key(c))
                .find(|k| !k.is_empty())
                .unwrap_or_default();
            let written =
                if value.is_empty() || value.starts_with("等级") || value.starts_with("自评等级")
                {
                    next
                } else {
                    key.clone()
                };
            // Keep the grade itself ("优"), or the text as written when it names none.
            form.claim.grade = crate::score::Grade::parse(&written)
                .map_or(written, |grade| grade.label().to_owned());
        }
        let numbers: Vec<String> = row
            .iter()
            .map(|c| folded_key(c))
            .filter(|key| matches!(read_number(key), NumberCell::Number(_)))
            .collect();
        let at_score = folded_key(columns.cell(row, Role::Score));
        let total = if matches!(read_number(&at_score), NumberCell::Number(_)) {
            Some(at_score)
        } else if numbers.len() >= 2 {
            numbers.get(1).cloned()
        } else {
            numbers.first().cloned()
        };
        if let Some(total) = total {
            form.claim.total = total;
        }
        self.mode = Mode::Idle;
    }

    fn start_form(&mut self, kind: FormKind, name: String) {
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
        let name = self
            .title
            .clone()
            .map(|t| t.trim().to_owned())
            .unwrap_or_default();
        self.form.get_or_insert_with(|| Form {
            kind,
            name,
            ..Form::default()
        })
    }

    fn finish_form(&mut self) {
        if let Some(form) = self.form.take() {
            if !form.sections.is_empty() || form.has_content() {
                self.forms.push(form);
            }
        }
        self.title = None;
    }
}

/// The name on a name row: 部门名称 | 株洲市… or 项目支出名称 | 网格员专项经费.
fn name_in_row(row: &[String]) -> Option<(String, String)> {
    let (index, label) = row.iter().enumerate().find_map(|(i, cell)| {
        let key = folded_key(cell);
        let key = key.trim_end_matches([':', '：']);
        matches!(
            key,
            "部门名称" | "单位名称" | "项目名称" | "项目支出名称" | "部门(单位)名称"
        )
        .then(|| (i, key.to_owned()))
    })?;
    let name = row
        .iter()
        .skip(index + 1)
        .map(|c| c.trim())
        .find(|c| !c.is_empty())
        .unwrap_or("");
    Some((label, name.trim_matches(['　', ' ']).to_owned()))
}

/// A name given in a line of text: "项目名称：网格员专项经费".
fn labelled_name(line: &str) -> Option<String> {
    let key = folded_key(line);
    for label in ["项目名称:", "项目支出名称:", "项目名称：", "项目支出名称："]
    {
        if let Some(name) = key.strip_prefix(label) {
            return Some(name.to_owned());
        }
    }
    None
}

/// Which funds row a label names: 0 the total, 1–3 the sub-rows.
fn funds_slot(label: &str) -> Option<usize> {
    let label = label
        .trim_start_matches("其中")
        .trim_start_matches([':', '：']);
    if label.is_empty() {
        return None;
    }
    if [
        "合计",
        "年度资金总额",
        "资金总额",
        "总额",
        "总计",
        "项目资金总额",
    ]
    .contains(&label)
    {
        Some(0)
    } else if label.contains("财政拨款") || label.contains("财政资金") {
        Some(1)
    } else if label.contains("结转") {
        Some(2)
    } else if label.contains("其他") {
        Some(3)
    } else {
        None
    }
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
    let mut depth = 0;
    for c in key.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => {
                depth -= 1;
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
    (name, declared)
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
