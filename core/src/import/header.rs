//! Header words → column roles (SPEC §2 "Header words"). Forms name the same column many
//! ways; a header cell is compared after removing spaces, line breaks and bracketed notes
//! ("年度\n指标值", "执行率(B/A)", "得分（分值×执行率）").

use serde::{Deserialize, Serialize};

use crate::normalize::folded_key;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// 年初预算数
    Initial,
    /// 全年预算数 / 调整后预算数
    FullYear,
    /// 全年执行数
    Executed,
    /// 执行率
    Rate,
    /// 分值
    Weight,
    /// 得分
    Score,
    /// 一级指标
    Level1,
    /// 二级指标
    Level2,
    /// 三级指标
    Name,
    /// 年度指标值 (or 指标值 in the Sichuan layout)
    Target,
    /// 实际完成值
    Actual,
    /// 指标性质 (Sichuan: ≥, ≤, =)
    Nature,
    /// 度量单位 (Sichuan)
    Unit,
    /// 偏差原因分析及改进措施
    Reason,
    /// A column that labels rows (资金情况, 年度资金总额 as a header, the merged 绩效指标).
    Label,
}

impl Role {
    /// Every role, in the order of the official indicator table.
    pub const ALL: [Role; 15] = [
        Role::Level1,
        Role::Level2,
        Role::Name,
        Role::Target,
        Role::Actual,
        Role::Nature,
        Role::Unit,
        Role::Weight,
        Role::Score,
        Role::Reason,
        Role::Initial,
        Role::FullYear,
        Role::Executed,
        Role::Rate,
        Role::Label,
    ];

    /// The column's name on the official form.
    pub fn label(self) -> &'static str {
        match self {
            Role::Initial => "年初预算数",
            Role::FullYear => "全年预算数",
            Role::Executed => "全年执行数",
            Role::Rate => "执行率",
            Role::Weight => "分值",
            Role::Score => "得分",
            Role::Level1 => "一级指标",
            Role::Level2 => "二级指标",
            Role::Name => "三级指标",
            Role::Target => "年度指标值",
            Role::Actual => "实际完成值",
            Role::Nature => "指标性质",
            Role::Unit => "度量单位",
            Role::Reason => "偏差原因分析及改进措施",
            Role::Label => "（行标题）",
        }
    }
}

/// The words of each role, compared after [`header_key`].
const WORDS: &[(Role, &[&str])] = &[
    (Role::Initial, &["年初预算数", "年初预算", "年初数"]),
    (
        Role::FullYear,
        &[
            "全年预算数",
            "调整后预算数",
            "调整后预算",
            "全年预算",
            "预算数",
        ],
    ),
    (
        Role::Executed,
        &[
            "全年执行数",
            "预算执行数",
            "执行数",
            "实际支出",
            "全年实际支出",
        ],
    ),
    (Role::Rate, &["执行率", "预算执行率"]),
    (
        Role::Weight,
        &["分值", "权重", "指标分值", "标准分", "权重分值"],
    ),
    (Role::Score, &["得分", "自评得分", "实际得分", "评分"]),
    (Role::Level1, &["一级指标"]),
    (Role::Level2, &["二级指标"]),
    (Role::Name, &["三级指标", "指标名称", "绩效指标名称"]),
    (
        Role::Target,
        &[
            "年度指标值",
            "指标值",
            "年度目标值",
            "目标值",
            "预期指标值",
            "年度目标",
            "预期目标值",
        ],
    ),
    (
        Role::Actual,
        &[
            "实际完成值",
            "完成值",
            "全年实际值",
            "实际值",
            "实际完成情况值",
            "全年实际完成值",
        ],
    ),
    (Role::Nature, &["指标性质", "指标方向", "计算符号"]),
    (Role::Unit, &["度量单位", "计量单位", "单位"]),
    (
        Role::Reason,
        &[
            "偏差原因分析及改进措施",
            "偏差原因分析",
            "未完成原因分析",
            "原因分析",
            "原因",
            "偏差原因",
            "偏差原因分析及改进措施说明",
        ],
    ),
    (
        Role::Label,
        &[
            "绩效指标",
            "资金情况",
            "项目资金",
            "年度资金总额",
            "资金总额",
            "预算资金",
            "项目",
        ],
    ),
];

/// A header cell reduced for comparison: compatibility-folded, spaces and line breaks
/// removed, bracketed notes dropped.
pub fn header_key(text: &str) -> String {
    let folded = folded_key(text);
    let mut key = String::with_capacity(folded.len());
    let mut depth = 0usize;
    for c in folded.chars() {
        match c {
            '(' | '[' | '【' | '〔' => depth += 1,
            ')' | ']' | '】' | '〕' => depth = depth.saturating_sub(1),
            c if depth == 0 => key.push(c),
            _ => {}
        }
    }
    key
}

/// The role a header cell names, if any.
pub fn role_of(text: &str) -> Option<Role> {
    role_of_key(&header_key(text))
}

/// The role a [`header_key`] names, if any.
fn role_of_key(key: &str) -> Option<Role> {
    if key.is_empty() {
        return None;
    }
    WORDS
        .iter()
        .find(|(_, words)| words.contains(&key))
        .map(|(role, _)| *role)
}

/// Whether a row is a header row: it names at least two columns, one of them a column
/// only headers contain. Returns the row's width when it is. Every row of a paste is asked,
/// so each cell is reduced to its key once.
pub fn header_width(row: &[String]) -> Option<usize> {
    let keys: Vec<String> = row.iter().map(|cell| header_key(cell)).collect();
    let roles: Vec<Role> = keys.iter().filter_map(|key| role_of_key(key)).collect();
    let core = roles.iter().any(|role| {
        matches!(
            role,
            Role::Initial
                | Role::FullYear
                | Role::Executed
                | Role::Level1
                | Role::Level2
                | Role::Name
                | Role::Target
                | Role::Actual
        )
    });
    let goals = keys.iter().any(|key| key == "预期目标")
        && keys.iter().any(|key| key.starts_with("实际完成情况"));
    ((core && roles.len() >= 2) || goals).then_some(row.len())
}

/// Whether a line is a title between tables ("附件1-2", "2022年度部门整体支出绩效自评表",
/// "…基础数据表") rather than text of a cell.
pub fn is_title(line: &str) -> bool {
    let text = line.trim();
    let text = text.trim_end_matches(['。', '：', ':']);
    !text.is_empty()
        && text.chars().count() <= 60
        && (text.starts_with("附件") || text.ends_with('表'))
}

/// The unit a header states for amounts: "（元）" → 元; "（万元）" or none → 万元.
pub fn amount_unit(text: &str) -> Option<crate::model::AmountUnit> {
    let folded = folded_key(text);
    if folded.contains("(万元)") {
        Some(crate::model::AmountUnit::TenThousandYuan)
    } else if folded.contains("(元)") {
        Some(crate::model::AmountUnit::Yuan)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_map_to_roles() {
        for (text, role) in [
            ("年度\n指标值", Role::Target),
            ("实际\n完成值", Role::Actual),
            ("偏差原因\n分析及改进措施", Role::Reason),
            ("得分（分值×执行率）", Role::Score),
            ("执行率(B/A)", Role::Rate),
            ("全年\n\n预算数", Role::FullYear),
            ("调整后预算数", Role::FullYear),
            ("预算执行数", Role::Executed),
            ("权重", Role::Weight),
            ("计量单位", Role::Unit),
            ("指标性质", Role::Nature),
            ("年初\n\n预算数", Role::Initial),
            ("绩\n效\n指\n标", Role::Label),
            ("资金情况\n（万元）", Role::Label),
        ] {
            assert_eq!(role_of(text), Some(role), "{text:?}");
        }
        assert_eq!(role_of("城区城乡帮困项目"), None);
    }

    #[test]
    fn titles_and_units() {
        assert!(is_title("附件1-2"));
        assert!(is_title("2022年度项目支出绩效自评表"));
        assert!(!is_title(
            "负责全区网格化建设的统筹、协调、督查、考核，指导。"
        ));
        assert_eq!(
            amount_unit("项目资金\n（元）"),
            Some(crate::model::AmountUnit::Yuan)
        );
        assert_eq!(
            amount_unit("资金情况（万元）"),
            Some(crate::model::AmountUnit::TenThousandYuan)
        );
    }
}
