//! Inputs for the engine benchmarks: large, real-looking forms built the way users paste them,
//! and hostile pastes at the import limit ([`hostile`]).

pub mod hostile;

use std::rc::Rc;

use zipin_core::import::forms::Layouts;
use zipin_core::import::import;
use zipin_core::model::{Document, Form, Indicator, Section};
use zipin_core::profile::Profile;

/// The kinds of rows real forms carry (signs, words, units, qualitative targets, a cost
/// section, deductions with and without a reason): 二级指标, target, actual, weight, score, reason.
const ROWS: [[&str; 6]; 6] = [
    ["数量指标", "≥100人", "96人", "0.05", "0.05", ""],
    ["质量指标", "合格率≥95%", "97%", "0.05", "", ""],
    ["时效指标", "≤30天", "28天", "0.04", "0.04", ""],
    ["成本指标", "12.5万元", "13万元", "0.04", "0.03", "材料涨价"],
    [
        "社会效益指标",
        "有所提升",
        "部分达成",
        "0.04",
        "0.03",
        "宣传不足",
    ],
    ["满意度指标", "≥90%", "92.5%", "0.04", "0.04", ""],
];

/// The first-level section that row `i` of `rows` opens, if any: three sections in thirds.
fn section_opened_at(i: usize, rows: usize) -> Option<&'static str> {
    match i {
        0 => Some("产出指标"),
        i if i == rows / 3 => Some("效益指标"),
        i if i == 2 * rows / 3 => Some("满意度指标"),
        _ => None,
    }
}

/// A form of `rows` indicator rows as Excel TSV, in three sections.
pub fn large_form_tsv(rows: usize) -> String {
    let mut lines = vec![
        "项目名称\t大表测试".to_owned(),
        "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分".to_owned(),
        "\t年度资金总额\t100\t100\t96.5\t10\t96.5%\t9.65".to_owned(),
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施"
            .to_owned(),
    ];
    for i in 0..rows {
        let [level2, target, actual, weight, score, reason] = ROWS[i % ROWS.len()];
        let section = section_opened_at(i, rows).unwrap_or_default();
        lines.push(format!(
            "{section}\t{level2}\t指标{i}\t{target}\t{actual}\t{weight}\t{score}\t{reason}"
        ));
    }
    lines.join("\n")
}

/// That form with `rows` rows. One paste brings in at most
/// [`zipin_core::import::forms::MAX_ROWS`] rows, so the form's head (name, funds block) is
/// imported and its rows are built directly, with the same texts, then numbered as a document
/// numbers an imported form.
pub fn large_form(rows: usize) -> Form {
    let mut form = import(&large_form_tsv(1), None, &Layouts::new())
        .forms
        .pop()
        .unwrap_or_default();
    form.sections.clear();
    for i in 0..rows {
        if let Some(name) = section_opened_at(i, rows) {
            form.sections.push(Section {
                name: name.to_owned(),
                ..Section::default()
            });
        }
        let [level2, target, actual, weight, score, reason] =
            ROWS[i % ROWS.len()].map(str::to_owned);
        let row = Indicator {
            level2,
            name: format!("指标{i}"),
            target,
            actual,
            weight,
            score,
            reason,
            ..Indicator::default()
        };
        if let Some(section) = form.sections.last_mut() {
            section.rows.push(Rc::new(row));
        }
    }
    Document::new(Profile::default()).renumber(&mut form);
    form
}

#[cfg(test)]
mod tests {
    use super::*;
    use zipin_core::import::forms::MAX_ROWS;

    /// The benchmarks time what they name: a bench input that silently shrank (as when the
    /// import cap came in) would make every figure meaningless.
    #[test]
    fn the_inputs_are_the_size_they_claim() {
        let form = large_form(100_000);
        assert_eq!(form.row_count(), 100_000);
        let sections: Vec<_> = form
            .sections
            .iter()
            .map(|s| (s.name.as_str(), s.rows.len()))
            .collect();
        assert_eq!(
            sections,
            [
                ("产出指标", 33_333),
                ("效益指标", 33_333),
                ("满意度指标", 33_334)
            ]
        );
        assert_eq!(form.funds.total.executed, "96.5");
        let pasted = import(&large_form_tsv(MAX_ROWS), None, &Layouts::new());
        assert_eq!(
            pasted.forms.iter().map(Form::row_count).collect::<Vec<_>>(),
            [MAX_ROWS]
        );
    }
}
