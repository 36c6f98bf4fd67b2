//! The template catalogue (core/tests/fixtures/templates, listed in docs/TEMPLATES.md): each
//! province's or city's published layout, filled with rows of our own, pasted as Excel copies
//! it (TSV) and as Word copies it (HTML with rowspan/colspan). Each must import with the rate,
//! subtotals, total and grade written beside it in `expect.json`, computed by hand from the
//! rules, and raise the findings a reviewer would, and none of those it must not.

use std::path::{Path, PathBuf};

use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::Value;
use zipin_core::evaluate;
use zipin_core::import::forms::{Imported, Layouts};
use zipin_core::import::import;
use zipin_core::import::notices::Notice;
use zipin_core::model::{Form, FormKind};
use zipin_core::profile::{Profile, ProfileId};
use zipin_core::score::Grade;

/// The fixtures of a folder under tests/fixtures: `templates` (published layouts) or
/// `variants` (layouts built from the same parts, which no catalogue entry has).
fn fixtures(folder: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder);
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.join("expect.json").exists())
        .collect();
    dirs.sort();
    dirs
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

/// The two shapes a template arrives in.
pub fn shapes(dir: &Path) -> [(&'static str, Imported); 2] {
    [
        ("TSV", import(&read(dir, "form.tsv"), None, &Layouts::new())),
        (
            "HTML",
            import("", Some(&read(dir, "form.html")), &Layouts::new()),
        ),
    ]
}

fn decimal(value: &Value) -> Option<Decimal> {
    match value {
        Value::String(text) => text.parse().ok(),
        Value::Number(number) => number.to_string().parse().ok(),
        _ => None,
    }
}

fn text(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_owned()
}

struct Mismatches(Vec<String>);

impl Mismatches {
    fn check<T: PartialEq + std::fmt::Debug>(&mut self, at: &str, what: &str, got: T, want: T) {
        if got != want {
            self.0
                .push(format!("{at}: {what}: got {got:?}, want {want:?}"));
        }
    }
}

fn round(value: Decimal, places: u32) -> Decimal {
    value
        .round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

fn check_form(form: &Form, want: &Value, profile: &Profile, at: &str, out: &mut Mismatches) {
    let evaluation = evaluate(form, profile);
    let score = &evaluation.score;
    let kind = match form.kind {
        FormKind::Department => "department",
        FormKind::Project => "project",
    };
    out.check(at, "kind", kind, want["kind"].as_str().unwrap_or_default());
    out.check(at, "name", form.name.trim().to_owned(), text(&want["name"]));
    out.check(
        at,
        "rows",
        form.row_count() as u64,
        want["rows"].as_u64().unwrap_or(0),
    );
    let norm = |value: Option<Decimal>| value.map(|d| d.normalize());
    if !want["budget_weight"].is_null() {
        out.check(
            at,
            "budget weight",
            Some(score.funds.weight.normalize()),
            norm(decimal(&want["budget_weight"])),
        );
        out.check(
            at,
            "budget score",
            Some(score.funds.score.normalize()),
            norm(decimal(&want["budget_score"])),
        );
    }
    out.check(
        at,
        "rate",
        score.funds.rate.map(|r| round(r, 4)),
        norm(decimal(&want["rate"])),
    );
    // A flat list (no 一级 column) is one unnamed section; its expectation lists none.
    let flat = score.sections.len() == 1 && score.sections[0].name.is_empty();
    let sections: Vec<(String, Decimal)> = score
        .sections
        .iter()
        .filter(|_| !flat)
        .map(|s| (s.name.clone(), s.subtotal.normalize()))
        .collect();
    let wanted: Vec<(String, Decimal)> = want["sections"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|pair| {
                    (
                        text(&pair[0]),
                        decimal(&pair[1]).unwrap_or_default().normalize(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    out.check(at, "sections", sections, wanted);
    out.check(
        at,
        "total",
        norm(score.total),
        norm(decimal(&want["total"])),
    );
    out.check(
        at,
        "grade",
        score.grade.map(Grade::label),
        want["grade"].as_str(),
    );
    let claimed_total = zipin_core::number::read_number(&form.claim.total)
        .value()
        .map(|d| d.normalize());
    out.check(
        at,
        "claimed total",
        claimed_total,
        norm(decimal(&want["claimed_total"])),
    );
    let claimed_grade = Grade::parse(&form.claim.grade)
        .map(Grade::label)
        .unwrap_or_default();
    out.check(
        at,
        "claimed grade",
        claimed_grade,
        want["claimed_grade"].as_str().unwrap_or_default(),
    );
    let codes: Vec<&str> = evaluation.findings.iter().map(|f| f.code.key()).collect();
    for code in want["findings"].as_array().into_iter().flatten() {
        let code = code.as_str().unwrap_or_default();
        if !codes.contains(&code) {
            out.0
                .push(format!("{at}: must raise {code}; raised {codes:?}"));
        }
    }
    for code in want["absent"].as_array().into_iter().flatten() {
        let code = code.as_str().unwrap_or_default();
        if let Some(finding) = evaluation.findings.iter().find(|f| f.code.key() == code) {
            out.0
                .push(format!("{at}: must not raise {code}: {}", finding.message));
        }
    }
}

#[test]
fn every_template_imports_with_its_figures_in_both_shapes() {
    let dirs = fixtures("templates");
    assert!(dirs.len() >= 16, "{} templates", dirs.len());
    check_all(&dirs);
}

/// Layouts no published template has, recombined from the parts real forms use (a funds
/// block on its side, a 分值 column per level, years in headers, numbered headings …): the
/// reader must be general, not fitted to the catalogue.
#[test]
fn every_variant_imports_with_its_figures_in_both_shapes() {
    let dirs = fixtures("variants");
    assert!(dirs.len() >= 15, "{} variants", dirs.len());
    check_all(&dirs);
}

fn check_all(dirs: &[PathBuf]) {
    let mut out = Mismatches(Vec::new());
    for dir in dirs {
        let expect: Value = serde_json::from_str(&read(dir, "expect.json")).unwrap();
        let profile = Profile::builtin(
            ProfileId::from_key(expect["profile"].as_str().unwrap_or("central")).unwrap(),
        );
        let forms = expect["forms"].as_array().unwrap();
        let id = dir.file_name().unwrap().to_string_lossy().into_owned();
        for (shape, imported) in shapes(dir) {
            let at = format!("{id} ({shape})");
            // A layout zipin cannot stand behind: the import must wait, naming the column.
            if let Some(unnamed) = expect["asks"].as_array() {
                let asked: Vec<String> = imported
                    .notices
                    .iter()
                    .filter_map(|notice| match notice {
                        Notice::NeedsMapping { header, guess, .. } => Some(
                            header
                                .iter()
                                .zip(guess)
                                .filter(|(_, role)| role.is_none())
                                .map(|(header, _)| header.clone())
                                .collect::<Vec<_>>(),
                        ),
                        _ => None,
                    })
                    .flatten()
                    .collect();
                for column in unnamed {
                    let column = column.as_str().unwrap_or_default();
                    if !asked.iter().any(|header| header.contains(column)) {
                        out.0
                            .push(format!("{at}: must ask about {column}; asked {asked:?}"));
                    }
                }
                continue;
            }
            if imported.needs_mapping() {
                out.0
                    .push(format!("{at}: asks for columns: {:?}", imported.notices));
            }
            out.check(&at, "forms", imported.forms.len(), forms.len());
            for (index, (form, want)) in imported.forms.iter().zip(forms).enumerate() {
                check_form(
                    form,
                    want,
                    &profile,
                    &format!("{at} form {}", index + 1),
                    &mut out,
                );
            }
        }
    }
    assert!(
        out.0.is_empty(),
        "{} mismatches:\n{}",
        out.0.len(),
        out.0.join("\n")
    );
}

/// The indicator table of a fixture's TSV: its header row and the rows under it, up to the
/// first 总分 / 合计 / note line.
fn indicator_table(id: &str) -> Vec<Vec<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/templates")
        .join(id);
    let rows = zipin_core::import::delimited::parse(&read(&dir, "form.tsv"), '\t').rows;
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let start = rows
        .iter()
        .position(|row| {
            row.iter()
                .any(|cell| cell.contains("三级指标") || cell.contains("指标名称"))
        })
        .unwrap();
    rows.into_iter()
        .skip(start)
        .take_while(|row| {
            let first = row
                .iter()
                .map(|c| c.trim())
                .find(|c| !c.is_empty())
                .unwrap_or_default();
            !["总分", "合计", "自评", "备注", "填报", "注", "评价"]
                .iter()
                .any(|word| first.starts_with(word))
        })
        .map(|mut row| {
            row.resize(width, String::new());
            row
        })
        .collect()
}

fn as_tsv(rows: &[Vec<String>]) -> String {
    rows.iter()
        .map(|row| {
            row.iter()
                .map(|cell| {
                    if cell.contains(['\t', '\n', '"']) {
                        format!("\"{}\"", cell.replace('"', "\"\""))
                    } else {
                        cell.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\r\n")
}

/// Each row as read, and the total: what must not depend on the order of the columns.
fn read_rows(tsv: &str) -> (Vec<[String; 7]>, Option<Decimal>) {
    let imported = import(tsv, None, &Layouts::new());
    assert_eq!(imported.forms.len(), 1, "{:?}", imported.notices);
    let form = &imported.forms[0];
    let rows = form
        .rows()
        .map(|c| {
            let r = c.row;
            [
                c.section.name.clone(),
                c.level2.to_owned(),
                r.name.clone(),
                r.target.clone(),
                r.actual.clone(),
                r.weight.clone(),
                r.score.clone(),
            ]
        })
        .collect();
    (rows, evaluate(form, &Profile::default()).score.total)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]

    /// Columns are named by their words, not their places: a fixture's indicator table with
    /// its columns in any order reads the same rows and the same total.
    #[test]
    fn any_column_order_reads_the_same(
        id in proptest::sample::select(vec![
            "mof-project-cy2020-10",
            "shanghai-project-yuan-zongfen",
            "sichuan-project-510000-0013zp",
            "chongqing-department-coefficient",
            "beijing-project-2016-haidian-nianchu",
            "hebei-project-percent-weights",
        ]),
        seed in proptest::prelude::any::<u64>(),
    ) {
        let table = indicator_table(id);
        let width = table[0].len();
        let mut order: Vec<usize> = (0..width).collect();
        // A seeded shuffle (Fisher–Yates over a small linear congruential generator).
        let mut state = seed | 1;
        for i in (1..width).rev() {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            order.swap(i, (state >> 33) as usize % (i + 1));
        }
        let shuffled: Vec<Vec<String>> = table
            .iter()
            .map(|row| order.iter().map(|&c| row[c].clone()).collect())
            .collect();
        let original = read_rows(&as_tsv(&table));
        proptest::prop_assert!(original.0.len() >= 6 && original.1.is_some(), "{id}: {original:?}");
        proptest::prop_assert_eq!(read_rows(&as_tsv(&shuffled)), original, "order {:?}", order);
    }
}
