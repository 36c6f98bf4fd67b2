//! Header words → column roles (SPEC §2 "Header words"). Forms name the same column many
//! ways; a header cell is compared after removing spaces, line breaks and bracketed notes
//! ("年度\n指标值", "执行率(B/A)", "得分（分值×执行率）").

use serde::{Deserialize, Serialize};

use crate::normalize::folded_key;
use crate::number::{read_number, NumberCell};

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
    /// 调整指标值: the target as adjusted during the year; where a row has one, it is the
    /// target the row is scored against.
    AdjustedTarget,
    /// 权重占比(%): the share of the row's score that counts (河北).
    Share,
    /// 折算得分: the row's score times its share, as the filer computed it (河北).
    Converted,
    /// 得分系数(%): the share of the weight the row earned; its score is weight × 系数 (重庆).
    Coefficient,
}

impl Role {
    /// Every role, in the order of the official indicator table.
    pub const ALL: [Role; 19] = [
        Role::Level1,
        Role::Level2,
        Role::Name,
        Role::Target,
        Role::AdjustedTarget,
        Role::Actual,
        Role::Nature,
        Role::Unit,
        Role::Weight,
        Role::Score,
        Role::Coefficient,
        Role::Share,
        Role::Converted,
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
            Role::AdjustedTarget => "调整后指标值",
            Role::Share => "权重占比（%）",
            Role::Converted => "折算得分",
            Role::Coefficient => "得分系数（%）",
        }
    }

    /// The `data-role` name of the automation contract.
    pub fn key(self) -> &'static str {
        match self {
            Role::Initial => "initial",
            Role::FullYear => "full-year",
            Role::Executed => "executed",
            Role::Rate => "rate",
            Role::Weight => "weight",
            Role::Score => "score",
            Role::Level1 => "level1",
            Role::Level2 => "level2",
            Role::Name => "name",
            Role::Target => "target",
            Role::Actual => "actual",
            Role::Nature => "nature",
            Role::Unit => "unit",
            Role::Reason => "reason",
            Role::Label => "label",
            Role::AdjustedTarget => "adjusted-target",
            Role::Share => "share",
            Role::Converted => "converted",
            Role::Coefficient => "coefficient",
        }
    }

    /// Whether the column holds numbers only (amounts, rates, weights, scores).
    pub fn holds_numbers(self) -> bool {
        matches!(
            self,
            Role::Initial
                | Role::FullYear
                | Role::Executed
                | Role::Rate
                | Role::Weight
                | Role::Score
                | Role::Share
                | Role::Converted
                | Role::Coefficient
        )
    }

    /// Whether the role belongs to the funds block rather than the indicator table.
    pub fn is_funds(self) -> bool {
        matches!(
            self,
            Role::Initial | Role::FullYear | Role::Executed | Role::Rate
        )
    }
}

/// The words of each role, compared after [`header_key`]. A header equal to a word names
/// its role; a short header containing one names the role of the word it ends with, else of
/// the longest word it contains (年初目标值 → 目标值, 单项指标折算得分 → 折算得分), except for the
/// words of
/// [`EXACT_ONLY`], which stand inside too many other names (实施单位, 评分标准).
const WORDS: &[(Role, &[&str])] = &[
    (
        Role::Initial,
        &["年初预算数", "年初预算", "年初数", "年初预算金额"],
    ),
    (
        Role::FullYear,
        &[
            "全年预算数",
            "调整后预算数",
            "调整后预算",
            "全年预算",
            "预算数",
            "预算金额",
            "全年预算金额",
            "预算安排数",
            "批复预算数",
            "调整预算数",
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
            "执行金额",
            "实际支出数",
            "支出数",
            "实际执行数",
        ],
    ),
    (Role::Rate, &["执行率", "预算执行率", "资金执行率"]),
    (
        Role::Weight,
        &[
            "分值",
            "权重",
            "指标分值",
            "标准分",
            "权重分值",
            "指标权重",
            "满分",
            "标准分值",
            "满分值",
            "参考分值",
        ],
    ),
    (
        Role::Score,
        &[
            "得分",
            "自评得分",
            "实际得分",
            "评分",
            "指标得分",
            "单项指标得分",
            "评价得分",
            "考核得分",
            "自评分",
        ],
    ),
    (Role::Level1, &["一级指标", "一级"]),
    (Role::Level2, &["二级指标", "二级"]),
    (
        Role::Name,
        &[
            "三级指标",
            "指标名称",
            "绩效指标名称",
            "三级指标名称",
            "指标内容",
            "具体指标",
            "三级",
        ],
    ),
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
            "年初指标值",
            "计划值",
            "年度计划值",
            "预期值",
        ],
    ),
    (
        Role::AdjustedTarget,
        &["调整指标值", "调整后指标值", "调整后目标值", "调整目标值"],
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
            "实际完成",
            "完成情况",
            "实际完成数",
            "完成数",
            "实际达成值",
        ],
    ),
    (
        Role::Nature,
        &["指标性质", "指标方向", "计算符号", "指标属性"],
    ),
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
            "改进措施",
            "未完成原因",
            "原因说明",
            "扣分原因",
            "扣分说明",
            "扣分理由",
        ],
    ),
    (Role::Share, &["权重占比", "权重比例", "占比"]),
    (Role::Converted, &["折算得分", "折算分", "折算后得分"]),
    (Role::Coefficient, &["得分系数", "系数", "完成系数"]),
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
            "预算执行情况",
            "资金来源",
        ],
    ),
];

/// Words that name their role only standing alone: inside a longer header they mean
/// something else (实施单位, 评分标准, 项目名称, 完成情况说明).
const EXACT_ONLY: &[&str] = &[
    "单位",
    "项目",
    "原因",
    "评分",
    "占比",
    "系数",
    "完成情况",
    "一级",
    "二级",
    "三级",
];

/// Headers no role is read from, though they contain a role's word: explanations, scoring
/// rules and figures zipin does not score (评分标准 holds 评分, 到位数 is money received).
/// Their columns are left out without asking, even where they hold numbers.
const NOT_A_COLUMN: &[&str] = &[
    "到位数",
    "到位资金",
    "是否核心指标",
    "评分标准",
    "评分规则",
    "评分方法",
    "计分方法",
    "计算方法",
    "序号",
    "指标解释",
    "指标说明",
    "备注",
    "数据来源",
    "佐证材料",
];

/// A header cell reduced for comparison: compatibility-folded, spaces and line breaks
/// removed, bracketed notes dropped.
pub fn header_key(text: &str) -> String {
    let folded = folded_key(text);
    let mut key = String::with_capacity(folded.len());
    let mut depth = 0usize;
    for c in folded.chars() {
        match c {
            '(' | '[' | '【' | '〔' => depth = depth.saturating_add(1),
            ')' | ']' | '】' | '〕' => depth = depth.saturating_sub(1),
            c if depth == 0 => key.push(c),
            _ => {}
        }
    }
    without_year(&key)
}

/// A header without the year some forms put in it ("2023年预算数", "2023年度目标值").
fn without_year(key: &str) -> String {
    let digits = key.chars().take_while(char::is_ascii_digit).count();
    let rest = key.get(digits..).unwrap_or_default();
    match (
        digits,
        rest.strip_prefix("年度")
            .or_else(|| rest.strip_prefix('年')),
    ) {
        (4, Some(rest)) if !rest.is_empty() => rest.to_owned(),
        _ => key.to_owned(),
    }
}

/// A word that only qualifies the group over it: 预算数 over 年初 | 调整后, 年度指标值 over
/// 年初 | 调整后.
pub fn is_qualifier(key: &str) -> bool {
    matches!(
        key,
        "年初" | "年初数" | "调整后" | "调整" | "调整数" | "调整后数" | "全年" | "年中调整"
    )
}

/// Whether a header names a column zipin knows and leaves out (评分标准, 序号, 到位数 …).
pub fn known_unscored(text: &str) -> bool {
    let key = header_key(text);
    NOT_A_COLUMN.iter().any(|word| key.contains(word))
}

/// The role a header cell names, if any.
pub fn role_of(text: &str) -> Option<Role> {
    role_of_key(&header_key(text))
}

/// Headers longer than this are sentences, not column names: no word is looked for inside.
const MAX_CONTAINING: usize = 16;

/// The role a [`header_key`] names, if any.
pub fn role_of_key(key: &str) -> Option<Role> {
    if key.is_empty() {
        return None;
    }
    let lexicon = lexicon();
    if let Some(role) = lexicon.exact.get(key) {
        return Some(*role);
    }
    if !may_contain_a_word(key) {
        return None;
    }
    // A Chinese compound ends with what it names (执行率权重 is a weight, 执行率得分 a score):
    // a word the header ends with wins over one inside it, then the longer word, then the
    // later in [`WORDS`].
    key.char_indices()
        .flat_map(|(at, first)| {
            let rest = key.get(at..).unwrap_or_default();
            lexicon
                .by_first
                .get(&first)
                .into_iter()
                .flatten()
                .filter(move |entry| rest.starts_with(entry.word))
                .map(move |entry| {
                    (
                        (
                            rest.len() == entry.word.len(),
                            entry.word.len(),
                            entry.order,
                        ),
                        entry.role,
                    )
                })
        })
        .max_by_key(|(rank, _)| *rank)
        .map(|(_, role)| role)
}

/// Whether a key is short and plain enough to be looked inside for a word.
fn may_contain_a_word(key: &str) -> bool {
    key.chars().count() <= MAX_CONTAINING
        && !key.chars().any(|c| c.is_ascii_digit())
        && !NOT_A_COLUMN.iter().any(|word| key.contains(word))
}

/// A word of [`WORDS`] that may stand inside a longer header, and its place in the table.
struct Contained {
    order: usize,
    role: Role,
    word: &'static str,
}

/// [`WORDS`] indexed once: whole headers by their text, and the words a header may contain
/// by their first character, so a key is compared with the few words that can start at each
/// of its characters instead of every word. Every pasted row is asked whether it is a header,
/// and comparing with every word would take a 4 MB paste of one-cell rows past the 2 s import
/// target (docs/HOSTILE.md); the plain scan stays as the test's reference.
struct Lexicon {
    exact: std::collections::HashMap<&'static str, Role>,
    by_first: std::collections::HashMap<char, Vec<Contained>>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut lexicon = Lexicon {
            exact: std::collections::HashMap::new(),
            by_first: std::collections::HashMap::new(),
        };
        let all = WORDS
            .iter()
            .flat_map(|(role, words)| words.iter().map(move |word| (*role, *word)));
        for (order, (role, word)) in all.enumerate() {
            lexicon.exact.entry(word).or_insert(role);
            if let Some(first) = word.chars().next().filter(|_| !EXACT_ONLY.contains(&word)) {
                let entry = Contained { order, role, word };
                lexicon.by_first.entry(first).or_default().push(entry);
            }
        }
        lexicon
    })
}

/// The points a header or row label declares: "产出指标(60分)" → 60, "得分(20分*执行率)" → 20,
/// "预算执行情况(万元)(10分)" → 10, "年度绩效目标（80分）" → 80. The first bracket that opens
/// with a number followed by 分 counts.
pub fn declared_points(text: &str) -> Option<String> {
    let key = folded_key(text);
    let mut inside: Option<String> = None;
    for c in key.chars() {
        match (c, inside.as_mut()) {
            ('(' | '[' | '【' | '〔', _) => inside = Some(String::new()),
            (')' | ']' | '】' | '〕', Some(content)) => {
                if let Some(points) = leading_points(content) {
                    return Some(points);
                }
                inside = None;
            }
            (c, Some(content)) => content.push(c),
            _ => {}
        }
    }
    inside.as_deref().and_then(leading_points)
}

/// "20分*执行率" → "20"; "万元" → none.
fn leading_points(content: &str) -> Option<String> {
    let content = content.trim_start_matches(['满', '共']);
    let end = content
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(content.len());
    let (number, rest) = content.split_at(end);
    (rest.starts_with('分') && matches!(read_number(number), NumberCell::Number(_)))
        .then(|| number.to_owned())
}

/// Whether a row is a header row: it names at least two columns, one of them a column
/// only headers contain, and holds no plain number. Returns the row's width when it is.
/// Every row of a paste is asked, so each cell is reduced to its key once.
pub fn header_width(row: &[String]) -> Option<usize> {
    if row.iter().any(|cell| is_number_cell(cell)) {
        return None;
    }
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
                | Role::AdjustedTarget
                | Role::Actual
        )
    });
    ((core && roles.len() >= 2) || is_goals_header(&keys)).then_some(row.len())
}

/// The header of the 年度总体目标 row: 预期目标 beside 实际完成情况.
pub fn is_goals_header(keys: &[String]) -> bool {
    keys.iter().any(|key| key == "预期目标")
        && keys.iter().any(|key| key.starts_with("实际完成情况"))
}

/// A cell that is a number and nothing else ("96", "1,234.50", "95%"): data, never a header.
pub fn is_number_cell(cell: &str) -> bool {
    let cell = cell.trim();
    !cell.is_empty()
        && cell
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '-' | '+' | '％' | '．'))
        && cell.chars().any(|c| c.is_ascii_digit())
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

/// Which funds row a label names: 0 the total, 1–3 the sub-rows.
pub fn funds_slot(label: &str) -> Option<usize> {
    let label = label
        .trim_start_matches("其中")
        .trim_start_matches([':', '：'])
        .trim_end_matches([':', '：']);
    if label.is_empty() {
        return None;
    }
    if ["合计", "总额", "总计"]
        .iter()
        .any(|end| label.ends_with(end))
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`role_of_key`] as the rules say it, scanning every word: the reference the index
    /// must agree with.
    fn role_of_key_plain(key: &str) -> Option<Role> {
        if key.is_empty() {
            return None;
        }
        if let Some((role, _)) = WORDS.iter().find(|(_, words)| words.contains(&key)) {
            return Some(*role);
        }
        if !may_contain_a_word(key) {
            return None;
        }
        WORDS
            .iter()
            .flat_map(|(role, words)| words.iter().map(move |word| (*role, *word)))
            .enumerate()
            .filter(|(_, (_, word))| !EXACT_ONLY.contains(word) && key.contains(word))
            .max_by_key(|(order, (_, word))| (key.ends_with(word), word.len(), *order))
            .map(|(_, (role, _))| role)
    }

    fn all_words() -> Vec<&'static str> {
        WORDS
            .iter()
            .flat_map(|(_, words)| words.iter().copied())
            .collect()
    }

    proptest! {
        #[test]
        fn the_index_reads_as_the_plain_scan(
            pieces in prop::collection::vec(
                prop_oneof![
                    prop::sample::select(all_words()).prop_map(str::to_owned),
                    "[年度实际完成执行率分值得数预算调整后单位指标]{1,3}",
                    "[a-z0-9（）()]{1,2}",
                ],
                1..4,
            )
        ) {
            let key = header_key(&pieces.concat());
            prop_assert_eq!(role_of_key(&key), role_of_key_plain(&key), "{}", key);
        }
    }

    #[test]
    fn every_word_reads_as_the_plain_scan() {
        for word in all_words() {
            for key in [
                word.to_owned(),
                format!("年初{word}"),
                format!("{word}说明"),
            ] {
                assert_eq!(role_of_key(&key), role_of_key_plain(&key), "{key}");
            }
        }
    }

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
        // Headers seen on published forms, read by the words they contain.
        for (text, role) in [
            ("年初目标值(A)", Role::Target),
            ("全年(调整)预算数", Role::FullYear),
            ("执行率权重", Role::Weight),
            ("执行率得分（分）", Role::Score),
            ("单项指标折算得分", Role::Converted),
            ("权重占比(%)", Role::Share),
            ("得分系数（%）", Role::Coefficient),
            ("调整指标值", Role::AdjustedTarget),
            ("全年完成值", Role::Actual),
            ("偏差原因及改进措施", Role::Reason),
            ("未完成原因和改进措施", Role::Reason),
            ("实际执行数", Role::Executed),
        ] {
            assert_eq!(role_of(text), Some(role), "{text:?}");
        }
        for text in [
            "评分标准",
            "得分计算方法",
            "实施单位",
            "是否核心指标",
            "实际到位数",
            "序号",
        ] {
            assert_eq!(role_of(text), None, "{text:?}");
            assert!(known_unscored(text) || text == "实施单位", "{text:?}");
        }
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
