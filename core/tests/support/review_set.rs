//! A reviewer's set of reports, generated: files of three forms each (one unit's department
//! form and two of its projects, or three projects), as .docx (written by the zip crate),
//! .xlsx (rust_xlsxwriter) and .txt (tab-separated), with the mistakes reviewers meet: totals
//! claimed above what the rows give, scores over their weight, deductions with no reason,
//! grades claimed a step too high. The same seed gives the same set.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use zipin_core::export::delimited::tsv;
use zipin_core::export::layout::{form_layout, kind_title, Figures};
use zipin_core::model::{Form, FormKind};

use super::office::{docx, xlsx};
use super::{form, funds, row, section};

const PLACES: [&str; 12] = [
    "荷塘区",
    "芦淞区",
    "石峰区",
    "天元区",
    "渌口区",
    "醴陵市",
    "攸县",
    "茶陵县",
    "炎陵县",
    "云龙区",
    "株洲县",
    "城南区",
];
const OFFICES: [&str; 10] = [
    "民政局",
    "教育局",
    "卫生健康局",
    "交通运输局",
    "水利局",
    "农业农村局",
    "文化旅游局",
    "市场监督管理局",
    "住房和城乡建设局",
    "自然资源局",
];
const PROJECTS: [&str; 12] = [
    "城乡低保补助",
    "网格员专项经费",
    "农村公路养护",
    "饮水安全巩固提升",
    "老年人助餐服务",
    "义务教育营养改善",
    "基层医疗能力提升",
    "文物保护修缮",
    "食品安全抽检",
    "老旧小区改造",
    "高标准农田建设",
    "国土空间规划编制",
];
/// (二级指标, 三级指标, unit of its target) per section.
const OUTPUTS: [(&str, &str, &str); 6] = [
    ("数量指标", "服务人次", "人次"),
    ("数量指标", "完成项目数", "个"),
    ("质量指标", "验收合格率", "%"),
    ("质量指标", "资金使用合规率", "%"),
    ("时效指标", "按期完成率", "%"),
    ("成本指标", "人均成本", "元"),
];
const EFFECTS: [(&str, &str, &str); 3] = [
    ("社会效益指标", "群众生活条件改善", ""),
    ("可持续影响指标", "长效机制建立", ""),
    ("经济效益指标", "带动就业人数", "人"),
];

/// One form, with or without the mistakes `rng` picks.
fn generated_form(rng: &mut StdRng, kind: FormKind, name: &str) -> Form {
    let budget: u32 = rng.random_range(50..900);
    let executed = budget * rng.random_range(80..=100) / 100;
    let mut outputs = Vec::new();
    let mut total_lost = 0;
    // Some units did their work, some fell short on most indicators.
    let shortfall = [0.1, 0.25, 0.5, 0.8][rng.random_range(0..4)];
    let count: u32 = rng.random_range(3..=5);
    let mut weights = vec![50 / count; count as usize];
    weights[0] += 50 - weights.iter().sum::<u32>();
    for (n, weight) in weights.iter().enumerate() {
        let (level2, name, unit) =
            OUTPUTS[(n + rng.random_range(0..OUTPUTS.len())) % OUTPUTS.len()];
        let target: u32 = if unit == "%" {
            95
        } else {
            rng.random_range(10..500)
        };
        let short = rng.random_bool(shortfall);
        let actual = if short {
            target * rng.random_range(70..95) / 100
        } else {
            target
        };
        let score = if short {
            let lost = (weight * rng.random_range(10..60)).div_ceil(100);
            total_lost += lost;
            weight - lost
        } else {
            *weight
        };
        // A deduction with no reason, sometimes; a score over its weight, sometimes.
        let reason = if short && rng.random_bool(0.6) {
            "部分任务因天气原因延后"
        } else {
            ""
        };
        let score = if rng.random_bool(0.05) {
            weight + 2
        } else {
            score
        };
        let sign = if level2 == "成本指标" {
            "≤"
        } else {
            "≥"
        };
        outputs.push(row([
            level2,
            name,
            &format!("{sign}{target}{unit}"),
            &format!("{actual}{unit}"),
            &weight.to_string(),
            &score.to_string(),
            reason,
        ]));
    }
    let effect = EFFECTS[rng.random_range(0..EFFECTS.len())];
    let effects = vec![row([
        effect.0,
        effect.1,
        "有所提升",
        "达成",
        "30",
        "30",
        "",
    ])];
    let satisfaction = vec![row([
        "服务对象满意度指标",
        "群众满意度",
        "≥90%",
        "93%",
        "10",
        "10",
        "",
    ])];
    let rate = f64::from(executed) / f64::from(budget);
    let budget_score = (10.0 * rate * 100.0).round() / 100.0;
    let honest = 90.0 - f64::from(total_lost) + budget_score;
    // Some claim more than the rows give, and a grade to match.
    let claimed = if rng.random_bool(0.3) {
        honest + f64::from(rng.random_range(1..6))
    } else {
        honest
    };
    let grade = match claimed {
        c if c >= 90.0 => "优",
        c if c >= 80.0 => "良",
        c if c >= 60.0 => "中",
        _ => "差",
    };
    let grade = if rng.random_bool(0.08) && grade == "良" {
        "优"
    } else {
        grade
    };
    let (b, e) = (budget.to_string(), executed.to_string());
    form(
        kind,
        name,
        funds(
            [&b, &b, &e],
            "10",
            [
                &format!("{:.2}%", rate * 100.0),
                &format!("{budget_score:.2}"),
            ],
            [[&b, &b, &e], ["0", "0", "0"], ["0", "0", "0"]],
        ),
        vec![
            section("产出指标", "50", outputs),
            section("效益指标", "30", effects),
            section("满意度指标", "10", satisfaction),
        ],
        [&format!("{claimed:.2}"), grade],
    )
}

/// One generated file: its name, its bytes, and the forms written into it.
pub struct GeneratedFile {
    pub name: String,
    pub bytes: Vec<u8>,
    pub forms: Vec<Form>,
}

/// The engine's records (`../shared/CONTRACT.md`, "The command line") of every form of
/// `set`, each evaluated as generated, not as read back from its file: what a reader of the
/// files must give.
pub fn expected_records(set: &[GeneratedFile]) -> Vec<serde_json::Value> {
    let profile = zipin_core::profile::Profile::default();
    let mut expected = Vec::new();
    for file in set {
        for (index, form) in file.forms.iter().enumerate() {
            let form = Form {
                source: file.name.clone(),
                ..form.clone()
            };
            let evaluation = zipin_core::evaluate(&form, &profile);
            let row = zipin_core::review::ReviewRow::of(&form, &evaluation, index);
            let record = zipin_core::review::FormRecord::of(&row, &evaluation.findings);
            expected.push(serde_json::to_value(record).unwrap());
        }
    }
    expected
}

/// `files` files of the set `seed` names.
pub fn generate(files: usize, seed: u64) -> Vec<GeneratedFile> {
    let mut rng = StdRng::seed_from_u64(seed);
    (0..files).map(|n| generated_file(&mut rng, n)).collect()
}

fn generated_file(rng: &mut StdRng, n: usize) -> GeneratedFile {
    let unit = format!(
        "{}{}",
        PLACES[n % PLACES.len()],
        OFFICES[(n / PLACES.len()) % OFFICES.len()]
    );
    let projects: Vec<String> = (0..3)
        .map(|k| {
            format!(
                "{}{}",
                PROJECTS[(n + k * 5) % PROJECTS.len()],
                if n >= PROJECTS.len() {
                    format!("（{}）", n / PROJECTS.len())
                } else {
                    String::new()
                }
            )
        })
        .collect();
    let forms: Vec<Form> = match n % 3 {
        // A unit's Word report: its department form, then two projects.
        0 => std::iter::once(generated_form(rng, FormKind::Department, &unit))
            .chain(
                projects
                    .iter()
                    .take(2)
                    .map(|name| generated_form(rng, FormKind::Project, name)),
            )
            .collect(),
        _ => projects
            .iter()
            .map(|name| generated_form(rng, FormKind::Project, name))
            .collect(),
    };
    let forms: Vec<Form> = forms
        .into_iter()
        .map(|form| match form.kind {
            // A project form names the unit that files it under its name.
            FormKind::Project => Form {
                unit: unit.clone(),
                ..form
            },
            FormKind::Department => form,
        })
        .collect();
    let layouts: Vec<_> = forms
        .iter()
        .map(|form| (kind_title(form.kind), form_layout(form, Figures::AsTyped)))
        .collect();
    let stem = format!("{:03}-{unit}", n + 1);
    let (name, bytes) = match n % 3 {
        0 => {
            let parts: Vec<_> = layouts
                .iter()
                .map(|(title, layout)| (*title, layout.clone()))
                .collect();
            (format!("{stem}.docx"), docx(&parts))
        }
        1 => {
            let sheets: Vec<(String, _)> = forms
                .iter()
                .zip(&layouts)
                .map(|(form, (_, layout))| (form.name.chars().take(28).collect(), layout.clone()))
                .collect();
            let named: Vec<(&str, _)> = sheets
                .iter()
                .map(|(name, layout)| (name.as_str(), layout.clone()))
                .collect();
            (format!("{stem}.xlsx"), xlsx(&named))
        }
        _ => {
            let text: String = layouts
                .iter()
                .map(|(title, layout)| format!("{title}\n{}\n", tsv(layout)))
                .collect();
            (format!("{stem}.txt"), text.into_bytes())
        }
    };
    GeneratedFile { name, bytes, forms }
}
