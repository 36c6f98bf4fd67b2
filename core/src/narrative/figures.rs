//! The figures a sentence states (SPEC §9): an amount (万元, 元), a score (分), a rate (%) or a
//! grade (优 良 中 差 after 等级为, 评价等级, 自评等级), each bound to the label just before it in
//! its clause. A label binds the first figure after it and no other (执行数582.08万元（含上年结转
//! 20万元）: the 20 is not an 执行数), and none when a word of change stands between them
//! (实际支出较上年减少20.5万元). A figure without such a label, or whose unit does not fit it, is
//! left alone: nothing is guessed.

use rust_decimal::Decimal;

use crate::number::parse_decimal;
use crate::score::Grade;

/// What a label says a figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// 预算收入: a total of income.
    Income,
    /// 年初预算: a part of income.
    Initial,
    /// 调整增加: a part of income.
    Increase,
    /// 调整减少: a part of income, taken away.
    Decrease,
    /// 追加: a part of income.
    Added,
    /// 其他资金: a part of income.
    Other,
    /// 支出: a total of spending.
    Spending,
    /// 基本支出: a part of spending.
    Basic,
    /// 人员经费支出, 公用经费支出: the parts of 基本支出, so parts of spending where the text
    /// does not state 基本支出 itself.
    Personnel,
    Operating,
    /// 项目支出: a part of spending.
    Project,
    /// 结余结转: what was not spent — no part of spending.
    CarryOver,
    /// 全年预算数 (调整后预算数).
    FullYear,
    /// 执行数, 实际支出.
    Executed,
    /// 执行率, 完成预算的.
    Rate,
    /// 自评得分, 综合评分, 得分, 总分: the form's total.
    Score,
    /// 产出指标得分, 执行率得分: a section's or an indicator's score, read and compared with
    /// nothing.
    PartScore,
    /// 等级.
    Grade,
}

impl Label {
    /// Whether the label names a total whose parts `其中` may list.
    pub fn is_total(self) -> bool {
        matches!(self, Label::Income | Label::Spending)
    }

    /// Whether the label names a part of `total`, and with which sign.
    pub fn part_of(self, total: Label) -> Option<Decimal> {
        match (total, self) {
            (Label::Income, Label::Initial | Label::Increase | Label::Added | Label::Other) => {
                Some(Decimal::ONE)
            }
            (Label::Income, Label::Decrease) => Some(Decimal::NEGATIVE_ONE),
            (
                Label::Spending,
                Label::Basic | Label::Personnel | Label::Operating | Label::Project,
            ) => Some(Decimal::ONE),
            _ => None,
        }
    }

    fn takes_amount(self) -> bool {
        !matches!(
            self,
            Label::Rate | Label::Score | Label::PartScore | Label::Grade
        )
    }

    fn takes_score(self) -> bool {
        matches!(self, Label::Score | Label::PartScore)
    }
}

/// The labels, longest first where one holds another (全年执行数 before 执行数, 项目支出 and
/// 实际支出 before 支出).
const LABELS: [(&str, Label); 29] = [
    ("人员经费支出", Label::Personnel),
    ("公用经费支出", Label::Operating),
    ("调整后预算数", Label::FullYear),
    ("全年预算数", Label::FullYear),
    ("全年执行数", Label::Executed),
    ("完成预算的", Label::Rate),
    ("预算收入", Label::Income),
    ("年初预算", Label::Initial),
    ("调整增加", Label::Increase),
    ("调整减少", Label::Decrease),
    ("其他资金", Label::Other),
    ("基本支出", Label::Basic),
    ("项目支出", Label::Project),
    ("结余结转", Label::CarryOver),
    ("实际支出", Label::Executed),
    ("自评得分", Label::Score),
    ("自评总分", Label::Score),
    ("综合评分", Label::Score),
    ("评价得分", Label::Score),
    ("评价等级", Label::Grade),
    ("自评等级", Label::Grade),
    ("执行数", Label::Executed),
    ("执行率", Label::Rate),
    ("追加", Label::Added),
    ("支出", Label::Spending),
    ("得分", Label::Score),
    ("总分", Label::Score),
    ("满分", Label::PartScore),
    ("等级", Label::Grade),
];

/// What stands before 得分 or 总分 when it is a part's score, not the form's.
const PART_SCORE_BEFORE: [&str; 5] = ["指标", "率", "项", "部分", "方面"];

/// Words of change: a label does not bind a figure after one (较上年减少20.5万元).
const CHANGE_WORDS: [&str; 9] = [
    "比", "较", "同比", "增加", "减少", "增长", "下降", "节约", "超",
];

/// The label starting at the start of `text`, and its length in bytes.
fn label_at(text: &str) -> Option<(Label, usize)> {
    LABELS
        .iter()
        .find(|(word, _)| text.starts_with(word))
        .map(|(word, label)| (*label, word.len()))
}

/// Every label word in `text` as (label, start, end) bytes, none inside another.
pub fn labels(text: &str) -> Vec<(Label, usize, usize)> {
    let mut found = Vec::new();
    let mut skip_to = 0;
    for (at, _) in text.char_indices() {
        if at < skip_to {
            continue;
        }
        if let Some((label, length)) = text.get(at..).and_then(label_at) {
            let end = at.saturating_add(length);
            let part = label == Label::Score
                && text.get(..at).is_some_and(|before| {
                    PART_SCORE_BEFORE.iter().any(|word| before.ends_with(word))
                });
            found.push((if part { Label::PartScore } else { label }, at, end));
            skip_to = end;
        }
    }
    found
}

/// What a figure states.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// An amount in 万元 (an amount in 元 divided by 10,000), and the decimals it was
    /// written with in 万元.
    Amount {
        wan: Decimal,
        places: u32,
    },
    /// A score in points, and its decimals.
    Score {
        points: Decimal,
        places: u32,
    },
    /// A rate as written ("100.0%").
    Rate(String),
    Grade(Grade),
}

/// One figure of a sentence: its label, its value, where it stands and how it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    pub label: Label,
    pub value: Value,
    /// Byte offset in the sentence.
    pub at: usize,
    pub written: String,
}

/// The length in bytes of the digits, commas and points at the start of `text`.
fn run_length(text: &str) -> usize {
    text.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',')))
        .unwrap_or(text.len())
}

/// A number written at the start of `text` — digits, thousands groups after commas (three
/// digits each), a decimal point — its value, decimals and length in bytes. A comma that does
/// not start a group of three ends the number (1,2 is 1, then a comma).
fn number_at(text: &str) -> Option<(Decimal, u32, usize)> {
    let bytes = text.as_bytes();
    let digits_from = |at: usize| {
        bytes.get(at..).map_or(0, |rest| {
            rest.iter().take_while(|b| b.is_ascii_digit()).count()
        })
    };
    let mut end = digits_from(0);
    if end == 0 {
        return None;
    }
    while bytes.get(end) == Some(&b',') && digits_from(end.saturating_add(1)) == 3 {
        end = end.saturating_add(4);
    }
    let mut places = 0;
    if bytes.get(end) == Some(&b'.') {
        let fraction = digits_from(end.saturating_add(1));
        if fraction > 0 {
            places = u32::try_from(fraction).ok()?;
            end = end.saturating_add(1).saturating_add(fraction);
        }
    }
    let digits: String = text.get(..end)?.chars().filter(|c| *c != ',').collect();
    Some((parse_decimal(&digits)?, places, end))
}

/// Whether `text` states any number with a unit: headings do not.
pub fn has_figure(text: &str) -> bool {
    text.char_indices().any(|(at, c)| {
        c.is_ascii_digit()
            && text
                .get(at..)
                .and_then(number_at)
                .and_then(|(value, places, length)| {
                    unit_value(text.get(at.saturating_add(length)..)?, value, places)
                })
                .is_some()
    })
}

/// The value a number takes from the unit after it, and the unit's length.
fn unit_value(after: &str, value: Decimal, places: u32) -> Option<(Value, usize)> {
    let spaces = after.len().saturating_sub(after.trim_start().len());
    let after = after.trim_start();
    let (found, length) = if after.starts_with("万元") {
        (Value::Amount { wan: value, places }, "万元".len())
    } else if after.starts_with('元') {
        (
            Value::Amount {
                wan: value.checked_div(Decimal::from(10_000))?,
                places: places.saturating_add(4),
            },
            '元'.len_utf8(),
        )
    } else if after.starts_with('分') && !after.starts_with("分别") && !after.starts_with("分类")
    {
        (
            Value::Score {
                points: value,
                places,
            },
            '分'.len_utf8(),
        )
    } else if after.starts_with('%') || after.starts_with('％') {
        (Value::Rate(String::new()), after.chars().next()?.len_utf8())
    } else {
        return None;
    };
    Some((found, spaces.saturating_add(length)))
}

/// A grade written at the start of `text` (优, 优秀, 良, 良好, 中, 差).
fn grade_at(text: &str) -> Option<Grade> {
    let text = text.trim_start_matches(['为', '是', '：', ':', ' ', '“', '"']);
    Grade::parse(text.chars().next()?.encode_utf8(&mut [0; 4]))
}

/// The label waiting for its figure: what it is, and where it ends.
struct Waiting {
    label: Label,
    end: usize,
}

/// The figures `text` states, each with the label that binds it. One walk: the clause, the
/// labels passed and the one waiting for its figure are kept as it goes.
pub fn figures(text: &str) -> Vec<Figure> {
    let labels = labels(text);
    let mut found = Vec::new();
    let (mut passed, mut waiting) = (0, None::<Waiting>);
    let mut skip_to = 0;
    for (at, c) in text.char_indices() {
        if at < skip_to {
            continue;
        }
        // Past a comma, a label speaks of another figure (为年初预算的116.9%，其中税收收入
        // 109.91万元: no label for 109.91).
        if matches!(c, '，' | ',' | '；' | ';') {
            waiting = None;
            continue;
        }
        while let Some(&(label, _, end)) = labels.get(passed) {
            if end > at {
                break;
            }
            waiting = Some(Waiting { label, end });
            passed = passed.saturating_add(1);
        }
        if !c.is_ascii_digit() {
            continue;
        }
        let Some((number, places, length)) = text.get(at..).and_then(number_at) else {
            // Not a number zipin reads (past any real amount): the whole run is passed over.
            skip_to = at.saturating_add(text.get(at..).map_or(1, run_length));
            continue;
        };
        let end = at.saturating_add(length);
        skip_to = end;
        let Some((value, unit)) = text
            .get(end..)
            .and_then(|after| unit_value(after, number, places))
        else {
            continue;
        };
        let until = end.saturating_add(unit);
        skip_to = until;
        // A label binds the first figure after it, and none across a word of change.
        let Some(Waiting {
            label,
            end: label_end,
        }) = waiting.take()
        else {
            continue;
        };
        let changed = text
            .get(label_end..at)
            .is_some_and(|between| CHANGE_WORDS.iter().any(|word| between.contains(word)));
        let written = text.get(at..until).unwrap_or_default().to_owned();
        let value = match value {
            Value::Amount { .. } if label.takes_amount() => value,
            Value::Score { .. } if label.takes_score() => value,
            Value::Rate(_) if label == Label::Rate => Value::Rate(written.clone()),
            _ => continue,
        };
        if !changed {
            found.push(Figure {
                label,
                value,
                at,
                written,
            });
        }
    }
    for (label, start, end) in &labels {
        if *label != Label::Grade {
            continue;
        }
        let is_grade_phrase = text.get(*end..).is_some_and(|after| {
            after.starts_with('为')
                || after.starts_with('是')
                || after.starts_with('：')
                || after.starts_with(':')
                || text
                    .get(..*start)
                    .is_some_and(|before| before.ends_with("评价") || before.ends_with("自评"))
        });
        if let Some(grade) = text
            .get(*end..)
            .filter(|_| is_grade_phrase)
            .and_then(grade_at)
        {
            found.push(Figure {
                label: Label::Grade,
                value: Value::Grade(grade),
                at: *start,
                written: grade.label().to_owned(),
            });
        }
    }
    found.sort_by_key(|figure| figure.at);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(Label, String)> {
        figures(text)
            .into_iter()
            .map(|figure| (figure.label, figure.written))
            .collect()
    }

    #[test]
    fn labels_longest_first() {
        let found: Vec<Label> = labels("项目全年执行数为5万元，实际支出4万元，支出3万元")
            .into_iter()
            .map(|(label, _, _)| label)
            .collect();
        assert_eq!(found, [Label::Executed, Label::Executed, Label::Spending]);
    }

    #[test]
    fn figures_bound_to_their_labels() {
        assert_eq!(
            read(
                "2022年支出701.29万元，其中基本支出119.22万元，项目支出582.08万元，结余结转0万元。"
            ),
            [
                (Label::Spending, "701.29万元".to_owned()),
                (Label::Basic, "119.22万元".to_owned()),
                (Label::Project, "582.08万元".to_owned()),
                (Label::CarryOver, "0万元".to_owned()),
            ]
        );
        assert_eq!(
            read("项目全年预算数为582.08万元，执行数为582.08万元，完成预算的100.0%。"),
            [
                (Label::FullYear, "582.08万元".to_owned()),
                (Label::Executed, "582.08万元".to_owned()),
                (Label::Rate, "100.0%".to_owned()),
            ]
        );
        assert_eq!(
            read("项目绩效自评得分为96.5分，评价等级为“优”。"),
            [
                (Label::Score, "96.5分".to_owned()),
                (Label::Grade, "优".to_owned()),
            ]
        );
    }

    #[test]
    fn figures_without_a_fitting_label_are_left_alone() {
        assert!(read("上报处理各类事件17169件，结案率达到99%。").is_empty());
        assert!(read("全区划分网格184个，配备网格人员196人。").is_empty());
        // A rate after an amount label does not fit it.
        assert!(read("实际支出比上年增长12%。").is_empty());
        // 分别 and 分类 are not points.
        assert!(read("得分项目分别为3项，5分类").is_empty());
    }

    #[test]
    fn a_label_binds_one_figure_and_none_across_a_change() {
        assert_eq!(
            read("执行数582.08万元（含上年结转20万元）"),
            [(Label::Executed, "582.08万元".to_owned())]
        );
        assert!(read("实际支出较上年减少20.5万元").is_empty());
        assert_eq!(
            read("自评得分96分（满分100分）"),
            [
                (Label::Score, "96分".to_owned()),
                (Label::PartScore, "100分".to_owned())
            ]
        );
        assert_eq!(
            read("产出指标得分48分，预算执行率得分10分"),
            [
                (Label::PartScore, "48分".to_owned()),
                (Label::PartScore, "10分".to_owned())
            ]
        );
    }

    #[test]
    fn commas_group_thousands_or_end_the_number() {
        assert_eq!(read("支出1,2万元"), []);
        assert_eq!(
            read("支出1,234.5万元"),
            [(Label::Spending, "1,234.5万元".to_owned())]
        );
        assert_eq!(read("支出12.5,3万元"), []);
        // A run past any amount is passed over whole, not read from its tail.
        assert!(read(&format!("支出{}万元", "9".repeat(40))).is_empty());
    }

    #[test]
    fn yuan_become_wan() {
        let found = figures("实际支出1,234,500元");
        assert_eq!(
            found[0].value,
            Value::Amount {
                wan: Decimal::new(1_234_500, 4),
                places: 4
            }
        );
    }
}
