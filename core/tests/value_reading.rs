//! The value reader as a table: one line per real cell, input → expected reading.

mod support;

use support::dec;
use zipin_core::value::{read_value, Direction, Level, Quantity, Reading};

use Direction::{AtLeast, AtMost, Equal};

#[track_caller]
fn quantity(input: &str, direction: Option<Direction>, amount: &str, unit: &str) {
    let expected = Reading::Quantity(Quantity {
        direction,
        amount: dec(amount),
        unit: unit.into(),
    });
    assert_eq!(read_value(input), expected, "read_value({input:?})");
}

#[track_caller]
fn qualitative(input: &str, level: Option<Level>) {
    assert_eq!(
        read_value(input),
        Reading::Qualitative(level),
        "read_value({input:?})"
    );
}

#[track_caller]
fn empty(input: &str) {
    assert_eq!(read_value(input), Reading::Empty, "read_value({input:?})");
}

#[test]
fn signs_and_units() {
    quantity("≥95%", Some(AtLeast), "95", "%");
    quantity("＞＝95％", Some(AtLeast), "95", "%");
    quantity(">=90%", Some(AtLeast), "90", "%");
    quantity("≧90%", Some(AtLeast), "90", "%");
    quantity(">100人", Some(AtLeast), "100", "人");
    quantity("≤365天/年", Some(AtMost), "365", "天/年");
    quantity("<=3天", Some(AtMost), "3", "天");
    quantity("≦5个工作日", Some(AtMost), "5", "个工作日");
    quantity("<1%", Some(AtMost), "1", "%");
    quantity("=100%", Some(Equal), "100", "%");
    quantity("＝12次", Some(Equal), "12", "次");
    quantity("≥25个项目", Some(AtLeast), "25", "个项目");
    quantity("≥1100人", Some(AtLeast), "1100", "人");
    quantity("≥ 95 %", Some(AtLeast), "95", "%");
}

#[test]
fn no_sign_no_word() {
    quantity("290.32万元", None, "290.32", "万元");
    quantity("100%", None, "100", "%");
    quantity("95%", None, "95", "%");
    quantity("126.11", None, "126.11", "");
    quantity("　85.32万元", None, "85.32", "万元");
    quantity("1,234.56元", None, "1234.56", "元");
    quantity("１２个", None, "12", "个");
    quantity("12个月", None, "12", "个月");
    quantity("3年", None, "3", "年");
    quantity("-10.62", None, "-10.62", "");
    quantity("百分比95", None, "95", "");
}

#[test]
fn direction_words() {
    quantity("95%以上", Some(AtLeast), "95", "%");
    quantity("不低于95%", Some(AtLeast), "95", "%");
    quantity("不少于20次", Some(AtLeast), "20", "次");
    quantity("至少3场", Some(AtLeast), "3", "场");
    quantity("3天以内", Some(AtMost), "3", "天");
    quantity("5%以下", Some(AtMost), "5", "%");
    quantity("不超过100万元", Some(AtMost), "100", "万元");
    quantity("不高于预算的100%", Some(AtMost), "100", "%");
    quantity("控制在85.32万元以内", Some(AtMost), "85.32", "万元");
    quantity("大于等于90%", Some(AtLeast), "90", "%");
}

#[test]
fn leading_labels_are_dropped() {
    quantity("覆盖率≥100%", Some(AtLeast), "100", "%");
    quantity("完成率≥100%", Some(AtLeast), "100", "%");
    quantity("在岗率≥100%", Some(AtLeast), "100", "%");
    quantity("组织活动≥95%", Some(AtLeast), "95", "%");
    quantity("满意度≥90%", Some(AtLeast), "90", "%");
    quantity("群众满意率95%", None, "95", "%");
    quantity("达成率≥95%", Some(AtLeast), "95", "%");
}

#[test]
fn periods_and_words_are_qualitative() {
    qualitative("2022年1月-12月", None);
    qualitative("2022年12月31日前", None);
    qualitative("6月底前", None);
    qualitative("1-2个工作日", None);
    qualitative("不断提升", None);
    qualitative("有所提升", None);
    qualitative("稳步提升", None);
    qualitative("有所增强", None);
    qualitative("好", None);
    qualitative("及时", None);
    qualitative("达成", Some(Level::Achieved));
    qualitative("达成预期指标", Some(Level::Achieved));
    qualitative("达成年度指标", Some(Level::Achieved));
    qualitative("全部达成", Some(Level::Achieved));
    qualitative("基本达成", Some(Level::Achieved));
    qualitative("部分达成", Some(Level::Partial));
    qualitative("部分达成年度指标并具有一定效果", Some(Level::Partial));
    qualitative("未达成", Some(Level::NotAchieved));
    qualitative("未达成年度指标且效果较差", Some(Level::NotAchieved));
}

#[test]
fn empty_cells() {
    empty("");
    empty("　");
    empty("　\n　");
    empty("—");
    empty("/");
}

/// The value forms of SPEC §7 that templates print.
#[test]
fn template_value_forms() {
    quantity("﹦100%", Some(Equal), "100", "%");
    quantity("═100%", Some(Equal), "100", "%");
    quantity("≥100百分比", Some(AtLeast), "100", "%");
    quantity("95%(百分比)", None, "95", "%");
    quantity("≤500元/人*月", Some(AtMost), "500", "元/人*月");
    quantity("10.00", None, "10.00", "");
    qualitative("优良中低差", None);
}
