//! Shared test data: a compact way to write a form down, and the three forms of the sample
//! report (fixtures/hetang-2022-report.txt, a copy of ../shared/fixtures) written out by hand.
#![allow(dead_code)]

pub mod office;
pub mod review_set;

use std::rc::Rc;

use rust_decimal::Decimal;
use zipin_core::model::{
    Claim, Document, Form, FormKind, FundsBlock, FundsRow, Indicator, Section,
};
use zipin_core::profile::Profile;

/// A decimal from its text.
pub fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

/// A funds row: label, 年初预算数, 全年预算数, 全年执行数.
pub fn funds_row(label: &str, initial: &str, full_year: &str, executed: &str) -> FundsRow {
    FundsRow {
        label: label.into(),
        initial: initial.into(),
        full_year: full_year.into(),
        executed: executed.into(),
        ..FundsRow::default()
    }
}

/// A funds block: the total row with its weight, claimed rate and claimed score, and the
/// three sub-rows' (年初, 全年, 执行) amounts.
pub fn funds(
    total: [&str; 3],
    weight: &str,
    claimed: [&str; 2],
    subs: [[&str; 3]; 3],
) -> FundsBlock {
    let labels = ["其中：当年财政拨款", "上年结转资金", "其他资金"];
    let mut total_row = funds_row("年度资金总额", total[0], total[1], total[2]);
    total_row.claimed_rate = claimed[0].into();
    total_row.claimed_score = claimed[1].into();
    FundsBlock {
        weight: weight.into(),
        total: total_row,
        sub_rows: labels
            .iter()
            .zip(subs)
            .map(|(label, [a, b, c])| funds_row(label, a, b, c))
            .collect(),
        ..FundsBlock::default()
    }
}

/// An indicator row: 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因.
pub fn row(cells: [&str; 7]) -> Rc<Indicator> {
    let [level2, name, target, actual, weight, score, reason] = cells;
    Rc::new(Indicator {
        level2: level2.into(),
        name: name.into(),
        target: target.into(),
        actual: actual.into(),
        weight: weight.into(),
        score: score.into(),
        reason: reason.into(),
        ..Indicator::default()
    })
}

/// A first-level section with its declared weight ("" for none).
pub fn section(name: &str, declared: &str, rows: Vec<Rc<Indicator>>) -> Section {
    Section {
        name: name.into(),
        declared_weight: declared.into(),
        rows,
        ..Section::default()
    }
}

/// A form with the total and grade the filer claimed.
pub fn form(
    kind: FormKind,
    name: &str,
    funds: FundsBlock,
    sections: Vec<Section>,
    claim: [&str; 2],
) -> Form {
    Form {
        kind,
        name: name.into(),
        funds,
        sections,
        claim: Claim {
            total: claim[0].into(),
            grade: claim[1].into(),
        },
        ..Form::default()
    }
}

/// A document holding `forms`, with fresh ids, under `profile`.
pub fn document(profile: Profile, forms: Vec<Form>) -> Document {
    let mut document = Document::new(profile);
    for form in forms {
        document.push_form(form);
    }
    document
}

/// 2022年度部门整体支出绩效自评表, 株洲市荷塘区网格化管理服务中心.
pub fn hetang_department() -> Form {
    form(
        FormKind::Department,
        "株洲市荷塘区网格化管理服务中心",
        funds(
            ["126.11", "701.29", "701.29"],
            "10",
            ["100%", "10"],
            [["126.11", "670.32", ""], ["", "29.58", ""], ["", "1.4", ""]],
        ),
        vec![
            section(
                "产出指标",
                "50",
                vec![
                    row(["数量指标", "城区城乡帮困项目", "≥25个项目", "100%", "5", "5", ""]),
                    row(["数量指标", "农村城乡帮困项目", "≥25个项目", "100%", "5", "5", ""]),
                    row(["数量指标", "第三方机构服务评估", "≥25个项目", "100%", "5", "5", ""]),
                    row(["数量指标", "项目宣传", "≥95%", "100%", "5", "5", ""]),
                    row(["数量指标", "实行网格化管理", "≥95%", "100%", "5", "5", ""]),
                    row([
                        "质量指标",
                        "提供身心陪伴、居家服务、社会参与服务和物质、资金支持为主要内容的“三服务两支持”帮扶健运行。",
                        "≥1100人",
                        "组织活动≥95%",
                        "10",
                        "9",
                        "",
                    ]),
                    row([
                        "时效指标",
                        "根据协议时间，按照项目计划书的要求，按时完成各项服务指标",
                        "2022年1月-12月",
                        "2022年1月-12月",
                        "5",
                        "5",
                        "",
                    ]),
                    row(["成本指标", "成本控制数算", "126.11", "701.29", "10", "9", ""]),
                ],
            ),
            section(
                "效益指标",
                "30",
                vec![
                    row(["经济效益指标", "通过实施城乡帮困，有效缓解服务对象经济困难", "100%", "100%", "10", "9", ""]),
                    row([
                        "社会效益指标",
                        "通过实施城乡帮困，有序引导社会力量对困顿群众进行帮扶",
                        "不断提升",
                        "有所增强",
                        "10",
                        "9",
                        "",
                    ]),
                    row(["生态效益指标", "建立健全城乡帮困长效机制续加强。 休闲去处", "不断优化", "有所提升", "5", "4", ""]),
                    row(["可持续影响指标", "社会组织满意率≥95%化服务水平", "稳步提升", "有所提升", "5", "5", ""]),
                ],
            ),
            section(
                "满意度指标",
                "10",
                vec![
                    row(["服务对象满意度指标", "服务对象满意率", "95%", "≥95%", "5", "5", ""]),
                    row(["服务对象满意度指标", "社会组织满意率", "95%", "≥95%", "5", "5", ""]),
                ],
            ),
        ],
        ["95", "优"],
    )
}

/// 2022年度项目支出绩效自评表: 网格员专项经费.
pub fn hetang_grid_staff() -> Form {
    form(
        FormKind::Project,
        "网格员专项经费",
        funds(
            ["0", "290.32", "290.32"],
            "10",
            ["100%", "10"],
            [["0", "290.32", "290.32"], ["0", "0", "0"], ["0", "0", "0"]],
        ),
        vec![
            section(
                "产出指标",
                "60",
                vec![
                    row([
                        "数量指标",
                        "实行网格化管理",
                        "覆盖率≥100%",
                        "覆盖率≥100%",
                        "10",
                        "10",
                        "",
                    ]),
                    row([
                        "数量指标",
                        "全面采集、完善基础数据信息",
                        "完成率≥100%",
                        "完成率≥100%",
                        "10",
                        "10",
                        "",
                    ]),
                    row([
                        "数量指标",
                        "协助办理民生事项",
                        "完成率≥100%",
                        "完成率≥100%",
                        "10",
                        "10",
                        "",
                    ]),
                    row([
                        "质量指标",
                        "网格员在岗率",
                        "在岗率≥100%",
                        "在岗率≥100%",
                        "10",
                        "10",
                        "",
                    ]),
                    row([
                        "时效指标",
                        "工作时间",
                        "≤365天/年",
                        "≤365天/年",
                        "10",
                        "10",
                        "",
                    ]),
                    row([
                        "成本指标",
                        "网格员工资",
                        "290.32万元",
                        "209.32万元",
                        "10",
                        "10",
                        "",
                    ]),
                ],
            ),
            section(
                "效益指标",
                "20",
                vec![
                    row(["社会效益指标", "提供社会服务", "95%", "95%", "10", "9", ""]),
                    row([
                        "可持续影响指标",
                        "网格员队伍能力的提升",
                        "100%",
                        "100%",
                        "10",
                        "9",
                        "",
                    ]),
                ],
            ),
            section(
                "满意度指标",
                "10",
                vec![row([
                    "服务对象满意度指标",
                    "群众满意度",
                    "≥95%",
                    "≥95%",
                    "10",
                    "9",
                    "",
                ])],
            ),
        ],
        ["97", ""],
    )
}

/// 2022年度项目支出绩效自评表: 城乡帮困项目 (its last row is shifted one column, as filed).
pub fn hetang_relief() -> Form {
    form(
        FormKind::Project,
        "城乡帮困项目",
        funds(
            ["0", "85.32", "85.32"],
            "10",
            ["100%", "10"],
            [["0", "85.32", "85.32"], ["0", "0", "0"], ["0", "0", "0"]],
        ),
        vec![
            section(
                "产出指标",
                "60",
                vec![
                    row(["数量指标", "城区城乡帮困项目", "≥25个项目", "100%", "10", "10", ""]),
                    row(["数量指标", "农村城乡帮困项目", "≥25个项目", "100%", "10", "10", ""]),
                    row(["数量指标", "项目宣传", "≥95%", "100%", "10", "10", ""]),
                    row([
                        "质量指标",
                        "提供身心陪伴、居家服务、社会参与服务和物质、资金支持为主要内容的“三服务两支持”",
                        "≥1100人",
                        "组织活动≥95%",
                        "10",
                        "9",
                        "",
                    ]),
                    row([
                        "时效指标",
                        "根据协议时间，按照项目计划书的要求，按时完成各项服务指标",
                        "2022年1月-12月",
                        "2022年1月-12月",
                        "10",
                        "10",
                        "",
                    ]),
                    row(["成本指标", "成本控制数算", "85.32万元", "85.32万元", "10", "10", ""]),
                ],
            ),
            section(
                "效益指标",
                "20",
                vec![
                    row(["社会效益指标", "提供社会服务", "95%", "95%", "10", "9", ""]),
                    row(["生态效益指标", "建立健全城乡帮困长效机制", "不断优化", "有所提升", "10", "9", ""]),
                ],
            ),
            section("满意度指标", "10", vec![row(["服务对象满意率", "95%", "≥95%", "≥95%", "10", "9", ""])]),
        ],
        ["96", ""],
    )
}

/// The whole sample report as one document under the default profile.
pub fn hetang_document() -> Document {
    document(
        Profile::default(),
        vec![hetang_department(), hetang_grid_staff(), hetang_relief()],
    )
}
