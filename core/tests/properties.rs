//! Property tests: scores stay within their weights, totals within the weights' sum, and
//! every proportional score equals exact rational arithmetic rounded half away from zero.

mod support;

use proptest::prelude::*;
use rust_decimal::Decimal;
use support::*;
use zipin_core::model::{Form, FormKind};
use zipin_core::profile::Profile;
use zipin_core::score::{score_form, RowKind};
use zipin_core::value::Direction;

/// An amount with two decimals, as forms write them: (text, hundredths).
fn amount() -> impl Strategy<Value = (String, i128)> {
    (0i64..10_000_000).prop_map(|cents| (Decimal::new(cents, 2).to_string(), i128::from(cents)))
}

fn weight() -> impl Strategy<Value = (String, i128)> {
    (0i64..=30).prop_map(|w| (w.to_string(), i128::from(w)))
}

/// w × num ÷ den rounded half away from zero to hundredths, in exact integers
/// (num and den in hundredths; the result in hundredths).
fn exact_hundredths(w: i128, num: i128, den: i128) -> i128 {
    let scaled = w * num * 100;
    let (quotient, remainder) = (scaled / den, scaled % den);
    if remainder * 2 >= den {
        quotient + 1
    } else {
        quotient
    }
}

fn single(target: &str, actual: &str, weight: &str, entered: &str, level2: &str) -> Form {
    form(
        FormKind::Project,
        "性质测试",
        funds(
            ["", "100", "100"],
            "10",
            ["", ""],
            [["", "", ""], ["", "", ""], ["", "", ""]],
        ),
        vec![section(
            "产出指标",
            "",
            vec![row([level2, "指标", target, actual, weight, entered, ""])],
        )],
        ["", ""],
    )
}

proptest! {
    #[test]
    fn positive_scores_are_exact((a, a_cents) in amount(), (b, b_cents) in amount(), (w, w_int) in weight()) {
        let profile = Profile::default();
        let form = single(&format!("≥{a}"), &b, &w, "", "数量指标");
        let score = score_form(&form, &profile);
        let row = &score.rows[0];
        let expected = if b_cents >= a_cents { w_int * 100 } else { exact_hundredths(w_int, b_cents, a_cents) };
        prop_assert_eq!(row.computed, Some(Decimal::from_i128_with_scale(expected, 2)));
        prop_assert!(row.counted >= Decimal::ZERO && row.counted <= row.weight.unwrap());
    }

    #[test]
    fn negative_scores_are_exact((a, a_cents) in amount(), (b, b_cents) in amount(), (w, w_int) in weight()) {
        let profile = Profile::default();
        let form = single(&a, &b, &w, "", "成本指标");
        let score = score_form(&form, &profile);
        let row = &score.rows[0];
        let is_cost = matches!(row.kind, RowKind::Quantitative { direction: Direction::AtMost, .. });
        prop_assert!(is_cost);
        let expected = if b_cents <= a_cents { w_int * 100 } else { exact_hundredths(w_int, a_cents, b_cents) };
        prop_assert_eq!(row.computed, Some(Decimal::from_i128_with_scale(expected, 2)));
    }

    #[test]
    fn budget_score_is_exact((a, a_cents) in amount(), (b, b_cents) in amount(), (w, w_int) in weight()) {
        prop_assume!(a_cents > 0);
        let mut form = single("1", "1", "1", "", "数量指标");
        form.funds.total.full_year = a;
        form.funds.total.executed = b;
        form.funds.weight = w;
        let score = score_form(&form, &Profile::default());
        let expected = if b_cents >= a_cents { w_int * 100 } else { exact_hundredths(w_int, b_cents, a_cents) };
        prop_assert_eq!(score.funds.score, Decimal::from_i128_with_scale(expected, 2));
    }

    #[test]
    fn any_text_scores_within_weight(
        target in "\\PC{0,12}", actual in "\\PC{0,12}", entered in "[-0-9.]{0,6}", (w, _) in weight(), level2 in "(数量|成本|时效|社会效益)指标",
    ) {
        let form = single(&target, &actual, &w, &entered, &level2);
        let score = score_form(&form, &Profile::default());
        let row = &score.rows[0];
        prop_assert!(row.counted >= Decimal::ZERO && row.counted <= row.weight.unwrap());
        if let Some(computed) = row.computed {
            prop_assert!(computed >= Decimal::ZERO && computed <= row.weight.unwrap());
        }
        prop_assert!(score.total.is_none_or(|total| total <= score.weight_sum));
    }

    #[test]
    fn total_never_exceeds_weights(rows in proptest::collection::vec((amount(), amount(), weight(), "[0-9]{0,2}"), 0..12)) {
        let indicators = rows
            .iter()
            .map(|((a, _), (b, _), (w, _), entered)| row(["数量指标", "指标", &format!("≥{a}"), b, w, entered, ""]))
            .collect();
        let mut form = single("1", "1", "1", "", "数量指标");
        form.sections = vec![section("产出指标", "", indicators)];
        let score = score_form(&form, &Profile::default());
        prop_assert!(score.total.is_none_or(|total| total <= score.weight_sum));
        let subtotal: Decimal = score.rows.iter().map(|r| r.counted).sum();
        prop_assert_eq!(score.total, (!rows.is_empty()).then(|| score.funds.score + subtotal));
    }
}
