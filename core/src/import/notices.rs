//! What an import tells the user besides its forms: a table whose columns must be chosen,
//! what was read but left out, and why nothing was found. Each is data; its `Display` is the
//! Chinese the page shows (the page words it in its own language from the same data).

use std::fmt;

use crate::import::forms::{MAX_MAPPED_COLUMNS, MAX_ROWS};
use crate::import::grid::MAX_POSITIONS;
use crate::import::header::Role;
use crate::import::MAX_BYTES;
use crate::model::MAX_FORMS;

/// Something the user should know about an import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A table whose columns zipin cannot name with confidence (numbers under a header it does
    /// not know, or no header at all); the user maps them once, the import waits for it, and
    /// the choice is remembered for this layout.
    NeedsMapping {
        layout: String,
        /// The header words over each column (or, for a table without a header, its first row).
        header: Vec<String>,
        /// The roles recognized so far, one per column.
        guess: Vec<Option<Role>>,
        /// A table with no header row at all: every row is data.
        headerless: bool,
    },
    /// A table or block that was read but is not part of a scored form.
    Skipped(Skip),
    /// Nothing in the paste is a form, and why.
    NoForm(NoForm),
}

/// What an import left out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Skip {
    /// A source laying out more than [`MAX_POSITIONS`] cells: the rest of it is not read.
    TooManyCells,
    /// More indicator rows than [`MAX_ROWS`]: only the first are imported.
    TooManyRows { rows: usize },
    /// A titled table that is not a scored form (附件1-1 基础数据表).
    NotAForm { title: String },
    /// A table without a header, wider than [`MAX_MAPPED_COLUMNS`]: not offered for choosing.
    TooWide { columns: usize },
    /// More forms than the document has room for ([`MAX_FORMS`]): `taken` came in, `left`
    /// did not.
    DocumentFull { taken: usize, left: usize },
}

/// Why an import found no form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoForm {
    /// Content over [`MAX_BYTES`], refused before it is read.
    TooLarge { bytes: usize },
    /// Nothing was pasted or the file is empty.
    Empty,
    /// Content with no table zipin recognizes as a form.
    NotFound,
}

/// A size in megabytes to one decimal ("6.0 MB"), rounded down.
pub fn megabytes(bytes: usize) -> String {
    let tenths = u64::try_from(bytes).unwrap_or(u64::MAX).saturating_mul(10) / 1_048_576;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Skip::TooManyCells => write!(
                f,
                "表格过大：单元格（合并单元格按其覆盖的格数计）超过 {} 万个，其余部分未读取",
                MAX_POSITIONS / 10_000
            ),
            Skip::TooManyRows { rows } => write!(
                f,
                "内容有 {rows} 行指标，一次最多导入 {MAX_ROWS} 行：只导入了前 {MAX_ROWS} 行，其余请分批粘贴"
            ),
            Skip::NotAForm { title } => write!(f, "“{title}”不是评分表，已跳过"),
            Skip::TooWide { columns } => write!(
                f,
                "一张没有表头的表有 {columns} 列，多于指标表可能有的 {MAX_MAPPED_COLUMNS} 列，未读取"
            ),
            Skip::DocumentFull { taken, left } => write!(
                f,
                "一个文档最多容纳 {MAX_FORMS} 张表：这次只导入了前 {taken} 张，其余 {left} 张未导入"
            ),
        }
    }
}

impl fmt::Display for NoForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoForm::TooLarge { bytes } => write!(
                f,
                "内容过大（{}），一次最多导入 {} MB：请分批粘贴，或只复制需要的表格。",
                megabytes(*bytes),
                MAX_BYTES / 1_048_576
            ),
            NoForm::Empty => f.write_str("内容是空的。"),
            NoForm::NotFound => f.write_str("没有找到可评分的表：需要带表头的指标表（一级指标、二级指标、三级指标、年度指标值、实际完成值、分值、得分）或资金情况表（全年预算数、全年执行数）。"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_notice_says_its_numbers_in_chinese() {
        assert_eq!(
            NoForm::TooLarge {
                bytes: 6 * 1_048_576
            }
            .to_string(),
            "内容过大（6.0 MB），一次最多导入 4 MB：请分批粘贴，或只复制需要的表格。"
        );
        assert_eq!(
            Skip::TooManyCells.to_string(),
            "表格过大：单元格（合并单元格按其覆盖的格数计）超过 200 万个，其余部分未读取"
        );
        assert_eq!(
            Skip::NotAForm {
                title: "附件1-1 基础数据表".to_owned()
            }
            .to_string(),
            "“附件1-1 基础数据表”不是评分表，已跳过"
        );
        assert_eq!(
            Skip::DocumentFull { taken: 3, left: 2 }.to_string(),
            "一个文档最多容纳 1000 张表：这次只导入了前 3 张，其余 2 张未导入"
        );
        assert!(Skip::TooManyRows { rows: 6_000 }
            .to_string()
            .starts_with("内容有 6000 行指标，一次最多导入 5000 行"));
        assert!(Skip::TooWide { columns: 41 }
            .to_string()
            .contains("有 41 列，多于指标表可能有的 40 列"));
    }

    #[test]
    fn megabytes_are_rounded_down_to_a_tenth() {
        assert_eq!(megabytes(0), "0.0 MB");
        assert_eq!(megabytes(1_048_575), "0.9 MB");
        assert_eq!(megabytes(10 * 1_048_576 + 600_000), "10.5 MB");
    }
}
