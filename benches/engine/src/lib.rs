//! Inputs for the engine benchmarks: large, real-looking forms built the way users paste them.

use zipin_core::import::forms::Layouts;
use zipin_core::import::import;
use zipin_core::model::Form;

/// A form of `rows` indicator rows as Excel TSV, with the kinds of values real forms carry
/// (signs, words, units, qualitative targets, a cost section, deductions with and without a
/// reason), in three sections.
pub fn large_form_tsv(rows: usize) -> String {
    let mut lines = vec![
        "项目名称\t大表测试".to_owned(),
        "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分".to_owned(),
        "\t年度资金总额\t100\t100\t96.5\t10\t96.5%\t9.65".to_owned(),
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施".to_owned(),
    ];
    let values = [
        ("数量指标", "≥100人", "96人", "0.05", "0.05", ""),
        ("质量指标", "合格率≥95%", "97%", "0.05", "", ""),
        ("时效指标", "≤30天", "28天", "0.04", "0.04", ""),
        ("成本指标", "12.5万元", "13万元", "0.04", "0.03", "材料涨价"),
        ("社会效益指标", "有所提升", "部分达成", "0.04", "0.03", "宣传不足"),
        ("满意度指标", "≥90%", "92.5%", "0.04", "0.04", ""),
    ];
    for i in 0..rows {
        let section = match i {
            0 => "产出指标",
            i if i == rows / 3 => "效益指标",
            i if i == 2 * rows / 3 => "满意度指标",
            _ => "",
        };
        let (level2, target, actual, weight, score, reason) = values[i % values.len()];
        lines.push(format!("{section}\t{level2}\t指标{i}\t{target}\t{actual}\t{weight}\t{score}\t{reason}"));
    }
    lines.join("\n")
}

/// That form, imported.
pub fn large_form(rows: usize) -> Form {
    import(&large_form_tsv(rows), None, &Layouts::new()).forms.remove(0)
}
