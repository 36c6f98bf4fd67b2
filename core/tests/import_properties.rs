//! Every parser takes any input without panicking or hanging, and keeps what it was given.

use proptest::prelude::*;
use zipin_core::import::forms::Layouts;
use zipin_core::import::{delimited, html, import, word_text};
use zipin_core::value::read_value;

/// Text made of the pieces forms and clipboards are made of, so the parsers' branches are
/// reached, plus anything at all.
fn form_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\t".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\"".to_owned()),
        Just(",".to_owned()),
        Just("一级指标".to_owned()),
        Just("三级指标".to_owned()),
        Just("年度指标值".to_owned()),
        Just("实际完成值".to_owned()),
        Just("分值".to_owned()),
        Just("得分".to_owned()),
        Just("全年预算数".to_owned()),
        Just("全年执行数".to_owned()),
        Just("部门名称".to_owned()),
        Just("项目支出绩效自评表".to_owned()),
        Just("总分".to_owned()),
        Just("产出指标(50分)".to_owned()),
        Just("≥95%".to_owned()),
        Just("<td rowspan=3>".to_owned()),
        Just("<tr>".to_owned()),
        Just("<table>".to_owned()),
        Just("</table>".to_owned()),
        Just("&#x1F600;".to_owned()),
        "[0-9.,%]{1,8}",
        "\\PC{0,6}",
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn import_never_panics(text in form_like(), markup in proptest::option::of(form_like())) {
        let imported = import(&text, markup.as_deref(), &Layouts::new());
        prop_assert!(!imported.forms.is_empty() || !imported.notices.is_empty());
    }

    #[test]
    fn delimited_keeps_every_cell(cells in proptest::collection::vec(proptest::collection::vec("[^\\t\\r\\n\"]{0,5}", 1..5), 1..5)) {
        let text: String = cells.iter().map(|row| row.join("\t")).collect::<Vec<_>>().join("\r\n");
        let table = delimited::parse(&text, '\t');
        let kept: Vec<Vec<String>> = cells.into_iter().filter(|r| r.iter().any(|c| !c.trim().is_empty())).collect();
        let got: Vec<Vec<String>> = table.rows.into_iter().filter(|r| r.iter().any(|c| !c.trim().is_empty())).collect();
        prop_assert_eq!(got, kept);
    }

    #[test]
    fn html_and_word_text_never_panic(text in form_like()) {
        let _ = html::parse(&text);
        let _ = word_text::parse(&text);
        let _ = read_value(&text);
    }
}
