//! One small form in every shape a paste arrives in, read while the page is idle (the page
//! runs several rounds). Browsers compile a wasm function the first time it runs and
//! optimise it once it has run for a while, so the user's first paste paid for compiling the
//! whole import path and ran it unoptimised: the sample report's paste handler took twice as
//! long the first time as the second. Reading these forms first moves that cost out of the way.

use rust_decimal::Decimal;

use crate::import::forms::Layouts;
use crate::import::import;
use crate::profile::Profile;

/// A project form: its name, funds block and three indicator rows (one per section), with two
/// of the mistakes reviewers meet most (a deduction with no reason, a score over its weight),
/// so that the checks' findings and their display run too.
const FORM: [&[&str]; 7] = [
    &["项目名称", "社区养老服务补助"],
    &[
        "项目资金（万元）",
        "",
        "年初预算数",
        "全年预算数",
        "全年执行数",
        "分值",
        "执行率",
        "得分",
    ],
    &["", "年度资金总额", "120", "120", "114", "10", "95%", "9.5"],
    &[
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    ],
    &[
        "产出指标(50分)",
        "数量指标",
        "助餐服务人次",
        "≥12,000人次",
        "11,400人次",
        "50",
        "47.5",
        "冬季就餐人数减少",
    ],
    &[
        "效益指标(30分)",
        "社会效益指标",
        "老年人生活质量",
        "有所提升",
        "达成",
        "30",
        "28",
        "",
    ],
    &[
        "满意度指标(10分)",
        "服务对象满意度指标",
        "老年人满意率",
        "≥90%",
        "93.5%",
        "10",
        "12",
        "",
    ],
];

/// The form as Excel or WPS copies it (tab-separated), as Word's text extract gives it
/// (a cell per line after a tab, a blank line after each row), and as an HTML table.
pub fn shapes() -> [(String, Option<String>); 3] {
    let tsv = FORM
        .iter()
        .map(|row| row.join("\t"))
        .collect::<Vec<_>>()
        .join("\r\n");
    let word = FORM
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| format!("\t{cell}\n"))
                .collect::<String>()
                + "\n"
        })
        .collect();
    let rows: String = FORM
        .iter()
        .map(|row| {
            format!(
                "<tr>{}</tr>",
                row.iter()
                    .map(|cell| format!("<td>{cell}</td>"))
                    .collect::<String>()
            )
        })
        .collect();
    let html = format!("<html><body><table>{rows}</table></body></html>");
    [(tsv.clone(), None), (word, None), (tsv, Some(html))]
}

/// Imports, scores and checks the form in every shape; returns the sum of the totals
/// (3 × 95 when every shape reads).
pub fn warm_up() -> Decimal {
    let profile = Profile::default();
    shapes()
        .iter()
        .flat_map(|(text, html)| import(text, html.as_deref(), &Layouts::new()).forms)
        .filter_map(|form| crate::evaluate(&form, &profile).score.total)
        .fold(Decimal::ZERO, |sum, total| sum.saturating_add(total))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each shape must really take its own reader to the end: a shape that read as nothing
    /// would compile nothing.
    #[test]
    fn every_shape_reads_as_the_same_scored_form() {
        let profile = Profile::default();
        for (text, html) in shapes() {
            let forms = import(&text, html.as_deref(), &Layouts::new()).forms;
            assert_eq!(forms.len(), 1, "{text}");
            let evaluation = crate::evaluate(&forms[0], &profile);
            assert_eq!(forms[0].name, "社区养老服务补助");
            assert_eq!(
                evaluation.score.total.map(|t| t.to_string()).as_deref(),
                Some("95.00"),
                "{text}"
            );
            let codes: Vec<&str> = evaluation
                .findings
                .iter()
                .map(|finding| finding.code.key())
                .collect();
            assert_eq!(
                codes,
                [
                    "DEDUCTION_NO_REASON",
                    "SCORE_OVER_WEIGHT",
                    "SCORE_DIFFERS_FROM_RULE"
                ],
                "{text}"
            );
        }
        assert_eq!(warm_up(), Decimal::from(285));
    }
}
