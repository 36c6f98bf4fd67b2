//! The sample report (fixtures/hetang-2022-report.txt, a copy of ../shared/fixtures), pasted whole, as Word's
//! text extract: exactly three forms, named as in the report, with the claimed totals
//! 95, 97, 96 equal to the computed ones.

mod support;

use support::*;
use zipin_core::import::forms::Layouts;
use zipin_core::import::import;
use zipin_core::model::{Form, FormKind};
use zipin_core::profile::Profile;
use zipin_core::score::{score_form, Grade};

const SAMPLE: &str = include_str!("fixtures/hetang-2022-report.txt");

fn imported() -> Vec<Form> {
    import(SAMPLE, None, &Layouts::new()).forms
}

#[test]
fn sample_report_gives_three_forms_with_their_claims() {
    let forms = imported();
    let names: Vec<_> = forms.iter().map(|f| (f.kind, f.name.as_str())).collect();
    assert_eq!(
        names,
        [
            (FormKind::Department, "株洲市荷塘区网格化管理服务中心"),
            (FormKind::Project, "网格员专项经费"),
            (FormKind::Project, "城乡帮困项目"),
        ]
    );
    let profile = Profile::default();
    for (form, total) in forms.iter().zip(["95", "97", "96"]) {
        assert_eq!(form.claim.total, total, "{}", form.name);
        let score = score_form(form, &profile);
        assert_eq!(score.total, Some(dec(total)), "{}", form.name);
        assert_eq!(score.grade, Some(Grade::Excellent));
        assert_eq!(score.funds.rate, Some(dec("1")));
    }
    assert_eq!(forms[0].claim.grade, "优");
}

/// The rows as (level1, level2, name, target, actual, weight, score), names compacted.
fn rows_of(form: &Form) -> Vec<[String; 7]> {
    let compact = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    form.rows()
        .map(|c| {
            [
                c.section.name.clone(),
                c.level2.to_owned(),
                compact(&c.row.name),
                compact(&c.row.target),
                compact(&c.row.actual),
                compact(&c.row.weight),
                compact(&c.row.score),
            ]
        })
        .collect()
}

#[test]
fn sample_forms_match_the_forms_written_by_hand() {
    let forms = imported();
    for (form, by_hand) in
        forms
            .iter()
            .zip([hetang_department(), hetang_grid_staff(), hetang_relief()])
    {
        let got = rows_of(form);
        let want = rows_of(&by_hand);
        assert_eq!(got.len(), want.len(), "{}", form.name);
        for (g, w) in got.iter().zip(&want) {
            // Names may carry the extractor's wrap artifacts; every other cell must match.
            assert_eq!(
                (&g[0], &g[1], &g[3], &g[4], &g[5], &g[6]),
                (&w[0], &w[1], &w[3], &w[4], &w[5], &w[6]),
                "{}",
                form.name
            );
        }
        let declared: Vec<_> = form
            .sections
            .iter()
            .map(|s| s.declared_weight.clone())
            .collect();
        let want_declared: Vec<_> = by_hand
            .sections
            .iter()
            .map(|s| s.declared_weight.clone())
            .collect();
        assert_eq!(declared, want_declared);
        let funds = |f: &Form| {
            std::iter::once(&f.funds.total)
                .chain(&f.funds.sub_rows)
                .map(|r| {
                    [
                        r.initial.trim().to_owned(),
                        r.full_year.trim().to_owned(),
                        r.executed.trim().to_owned(),
                    ]
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(funds(form), funds(&by_hand), "{}", form.name);
        assert_eq!(form.funds.weight.trim(), "10");
        assert_eq!(form.funds.total.claimed_rate.trim(), "100%");
        assert_eq!(form.funds.total.claimed_score.trim(), "10");
    }
    assert_eq!(forms[0].goals.expected, "切实提升困难群众的幸福感和获得感");
}
