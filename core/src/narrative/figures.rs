//! The figures a sentence states (SPEC §9): an amount (万元, 元), a score (分), a rate (%) or a
//! grade (优 良 中 差 after 等级为, 评价等级, 自评等级), each bound to the nearest label before it
//! in the sentence. A figure whose label is not one zipin knows, or whose unit does not fit its
//! label, is left alone: nothing is guessed.

use rust_decimal::Decimal;

use crate::number::parse_decimal;
use crate::score::Grade;

/// What a label says a figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// 预算收入: a total of income.
    Income,
    /// 年初预算, 调整增加, 追加, 其他资金: parts of income.
    Initial,
    Increase,
    Decrease,
    Added,
    Other,
    /// 支出: a total of spending.
    Spending,
    /// 基本支出 (or 人员经费支出 and 公用经费支出), 项目支出, 结余结转: parts of spending.
    Basic,
    Project,
    CarryOver,
    /// 全年预算数 (调整后预算数).
    FullYear,
    /// 执行数, 实际支出.
    Executed,
    /// 执行率, 完成预算的.
    Rate,
    /// 自评得分, 综合评分, 评分, 得分, 总分.
    Score,
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
            (Label::Spending, Label::Basic | Label::Project | Label::CarryOver) => {
                Some(Decimal::ONE)
            }
            _ => None,
        }
    }

    fn takes_amount(self) -> bool {
        !matches!(self, Label::Rate | Label::Score | Label::Grade)
    }
}

/// The labels, longest first where one holds another (全年执行数 before 执行数, 项目支出 and
/// 实际支出 before 支出).
const LABELS: [(&str, Label); 27] = [
    ("人员经费支出", Label::Basic),
    ("公用经费支出", Label::Basic),
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
    ("综合评分", Label::Score),
    ("评价等级", Label::Grade),
    ("自评等级", Label::Grade),
    ("执行数", Label::Executed),
    ("执行率", Label::Rate),
    ("追加", Label::Added),
    ("支出", Label::Spending),
    ("得分", Label::Score),
    ("总分", Label::Score),
    ("评分", Label::Score),
    ("等级", Label::Grade),
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
            found.push((label, at, end));
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

/// A number written at the start of `text` (digits, thousands commas, a decimal point), its
/// value, decimals and length in bytes.
fn number_at(text: &str) -> Option<(Decimal, u32, usize)> {
    let length = text
        .char_indices()
        .take_while(|(i, c)| {
            c.is_ascii_digit()
                || (matches!(c, '.' | ',')
                    && text
                        .get(i.saturating_add(1)..)
                        .is_some_and(|rest| rest.starts_with(|d: char| d.is_ascii_digit())))
        })
        .map(|(i, c)| i.saturating_add(c.len_utf8()))
        .last()?;
    let digits: String = text.get(..length)?.chars().filter(|c| *c != ',').collect();
    let value = parse_decimal(&digits)?;
    let places = digits.split_once('.').map_or(0, |(_, fraction)| {
        u32::try_from(fraction.len()).unwrap_or(0)
    });
    Some((value, places, length))
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

/// The figures `text` states, each with the nearest fitting label before it.
pub fn figures(text: &str) -> Vec<Figure> {
    let labels = labels(text);
    let mut found = Vec::new();
    // The nearest label before a figure in its clause: past a comma, a label speaks of
    // another figure (为年初预算的116.9%，其中税收收入109.91万元: no label for 109.91). One walk:
    // the clause and the labels passed are kept as it goes.
    let (mut clause, mut passed, mut nearest) = (0, 0, None::<(Label, usize)>);
    let mut skip_to = 0;
    for (at, c) in text.char_indices() {
        if at < skip_to {
            continue;
        }
        if matches!(c, '，' | ',') {
            clause = at.saturating_add(c.len_utf8());
            continue;
        }
        while let Some(&(label, start, end)) = labels.get(passed) {
            if end > at {
                break;
            }
            nearest = Some((label, start));
            passed = passed.saturating_add(1);
        }
        if !c.is_ascii_digit() {
            continue;
        }
        let Some((number, places, length)) = text.get(at..).and_then(number_at) else {
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
        let written = text.get(at..until).unwrap_or_default().to_owned();
        let value = match value {
            Value::Rate(_) => Value::Rate(written.clone()),
            other => other,
        };
        let Some(label) = nearest
            .filter(|(_, start)| *start >= clause)
            .map(|(label, _)| label)
        else {
            continue;
        };
        let fits = match value {
            Value::Amount { .. } => label.takes_amount(),
            Value::Score { .. } => label == Label::Score,
            Value::Rate(_) => label == Label::Rate,
            Value::Grade(_) => false,
        };
        if fits {
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
