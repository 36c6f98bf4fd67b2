//! `zipin score`: one document's forms scored row by row, as the page's form shows them —
//! the funds block, each indicator with its weight, the score filed and the score by the
//! rules, each section's subtotal, the total and grade filed and computed — with each row's
//! formula under `--explain`.

use zipin_core::export::layout::INDICATOR_COLUMNS;
use zipin_core::number::{percent, plain, two_places};
use zipin_core::profile::Profile;
use zipin_core::review::memos::kind_short;
use zipin_core::score::Grade;
use zipin_core::Evaluation;

use crate::args::ScoreArgs;
use crate::output;
use crate::reading::document;
use crate::status::Status;
use crate::text_table;

/// Runs `zipin score`.
pub fn run(args: &ScoreArgs) -> Status {
    let name = args.file.to_string_lossy().into_owned();
    let mut document = match document(&args.file, &name) {
        Ok(document) => document,
        Err(why) => {
            eprintln!("zipin: {why}");
            return Status::Unreadable;
        }
    };
    if let Some(id) = args.profile {
        document.profile = Profile::builtin(id);
    }
    let mut out = String::new();
    let mut status = Status::Clean;
    let count = document.forms.len();
    for (index, form) in document.forms.iter().enumerate() {
        let evaluation = zipin_core::evaluate(form, &document.profile);
        if evaluation.counts().0 > 0 {
            status = Status::Errors;
        }
        out.push_str(&form_text(
            form,
            &evaluation,
            &document.profile,
            (index.saturating_add(1), count),
            args.explain,
        ));
    }
    match output::write(None, out.as_bytes(), false) {
        Ok(()) => status,
        Err(why) => {
            eprintln!("zipin: {why}");
            Status::Unreadable
        }
    }
}

/// A figure, or — where there is none.
fn or_dash(value: Option<String>) -> String {
    value.unwrap_or_else(|| "—".to_owned())
}

fn grade(grade: Option<Grade>) -> &'static str {
    grade.map_or("—", Grade::label)
}

/// One form: its heading, funds, rows, subtotals, total and grade, and finding counts.
fn form_text(
    form: &zipin_core::model::Form,
    evaluation: &Evaluation,
    profile: &Profile,
    (number, count): (usize, usize),
    explain: bool,
) -> String {
    let score = &evaluation.score;
    let mut out = format!(
        "表 {number}/{count}：{}（{}）",
        form.name.trim(),
        kind_short(form.kind)
    );
    if !form.filer().is_empty() && form.filer() != form.name.trim() {
        out.push_str(&format!("  单位：{}", form.filer()));
    }
    out.push('\n');
    let funds = &score.funds;
    out.push_str(&format!(
        "预算执行：全年预算 {}，全年执行 {}，执行率 {}，得分 {} / {}\n",
        plain(funds.budget),
        plain(funds.executed),
        or_dash(funds.rate.map(percent)),
        two_places(funds.score),
        plain(funds.weight)
    ));
    if explain {
        out.push_str(&format!("  {}\n", funds.explanation()));
    }
    let mut header: Vec<&str> = INDICATOR_COLUMNS.to_vec();
    header.extend(["填报得分", "复核得分"]);
    if explain {
        header.push("计算");
    }
    let mut rows = vec![header
        .iter()
        .map(|cell| (*cell).to_owned())
        .collect::<Vec<_>>()];
    let mut scores = score.rows.iter();
    for (section, subtotal) in form.sections.iter().zip(&score.sections) {
        for indicator in &section.rows {
            let Some(row) = scores.next() else {
                break;
            };
            let mut cells = vec![
                section.name.trim().to_owned(),
                indicator.level2.trim().to_owned(),
                indicator.name.trim().to_owned(),
                indicator.target.trim().to_owned(),
                indicator.actual.trim().to_owned(),
                indicator.weight.trim().to_owned(),
                indicator.score.trim().to_owned(),
                or_dash(row.computed.map(two_places)),
            ];
            if explain {
                cells.push(row.explanation(profile));
            }
            rows.push(cells);
        }
        rows.push(vec![
            format!("{} 小计", section.name.trim()),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            plain(subtotal.weight_sum),
            String::new(),
            two_places(subtotal.subtotal),
        ]);
    }
    out.push_str(&text_table::render(&rows));
    let claimed = form.claim.total.trim();
    out.push_str(&format!(
        "总分：填报 {}，复核 {}；等级：填报 {}，复核 {}\n",
        if claimed.is_empty() { "—" } else { claimed },
        or_dash(score.total.map(two_places)),
        match form.claim.grade.trim() {
            "" => "—",
            claimed => claimed,
        },
        grade(score.grade)
    ));
    if let Some(why) = score.not_computable() {
        out.push_str(&format!("  无法计算总分：{why}\n"));
    }
    let (errors, warnings, infos) = evaluation.counts();
    out.push_str(&format!(
        "错误 {errors} 条，提醒 {warnings} 条，提示 {infos} 条（zipin review 列出各条）\n\n"
    ));
    out
}
