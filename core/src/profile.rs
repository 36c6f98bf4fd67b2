//! Rule profiles (SPEC §5): the provinces differ in numbers, not in logic, so a profile is
//! plain data chosen per document, editable, and saved with it.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Which built-in profile a profile started from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProfileId {
    Central,
    Hunan,
    Hubei,
    Sichuan,
    Beijing,
}

impl ProfileId {
    /// Every built-in profile, the default first.
    pub const ALL: [ProfileId; 5] = [
        ProfileId::Central,
        ProfileId::Hunan,
        ProfileId::Hubei,
        ProfileId::Sichuan,
        ProfileId::Beijing,
    ];

    /// The short key used in URLs and saved documents ("central", "hubei" …).
    pub fn key(self) -> &'static str {
        match self {
            ProfileId::Central => "central",
            ProfileId::Hunan => "hunan",
            ProfileId::Hubei => "hubei",
            ProfileId::Sichuan => "sichuan",
            ProfileId::Beijing => "beijing",
        }
    }

    /// The profile for a key, if it names one.
    pub fn from_key(key: &str) -> Option<ProfileId> {
        ProfileId::ALL.into_iter().find(|id| id.key() == key)
    }
}

/// Which budget column the execution rate divides by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Denominator {
    /// 全年预算数 (also written 调整后预算数).
    FullYear,
    /// 年初预算数.
    Initial,
}

/// A group of first-level sections and the weight they share when the form declares none
/// (湖北 weighs 效益 and 满意度 together).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionRule {
    /// Section names (or their leading words, "产出") in the group; empty means every section.
    pub names: Vec<String>,
    pub weight: Decimal,
}

/// The lower bounds of the grades (inclusive); below `fair` is 差.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GradeBands {
    pub excellent: Decimal,
    pub good: Decimal,
    pub fair: Decimal,
}

/// The scoring and checking rules of one place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub id: ProfileId,
    pub name: String,
    /// 分值 of the funds block when the form leaves it empty.
    pub budget_weight: Decimal,
    pub sections: Vec<SectionRule>,
    pub denominator: Denominator,
    /// Lower bound of 达成, as a share of the weight (0.8).
    pub achieved_from: Decimal,
    /// Lower bound of 部分达成, as a share of the weight (0.6, 湖北 0.5).
    pub partial_from: Decimal,
    /// B ≥ ratio × A on a positive indicator suggests a target set too low (1.2).
    pub overshoot_ratio: Decimal,
    /// Below this execution rate the form must give a reason (四川 0.9); `None`: never required.
    pub low_execution_reason_below: Option<Decimal>,
    pub grades: GradeBands,
    /// Whether a form must state a grade (湖北 makes it optional).
    pub grading_required: bool,
    /// How far a claimed score may be from the computed one before it is a finding (0.01);
    /// also the rounding allowance per sub-row when funds are summed.
    #[serde(default = "cent")]
    pub tolerance: Decimal,
}

fn cent() -> Decimal {
    Decimal::new(1, 2)
}

fn d(value: i64) -> Decimal {
    Decimal::from(value)
}

fn tenths(value: i64) -> Decimal {
    Decimal::new(value, 1)
}

fn rule(names: &[&str], weight: i64) -> SectionRule {
    SectionRule {
        names: names.iter().map(|name| (*name).to_owned()).collect(),
        weight: d(weight),
    }
}

impl Profile {
    /// A built-in profile.
    pub fn builtin(id: ProfileId) -> Profile {
        let central = Profile {
            id,
            name: "中央（财预〔2020〕10号）".to_owned(),
            budget_weight: d(10),
            sections: vec![
                rule(&["产出"], 50),
                rule(&["效益"], 30),
                rule(&["满意度"], 10),
            ],
            denominator: Denominator::FullYear,
            achieved_from: tenths(8),
            partial_from: tenths(6),
            overshoot_ratio: tenths(12),
            low_execution_reason_below: None,
            grades: GradeBands {
                excellent: d(90),
                good: d(80),
                fair: d(60),
            },
            grading_required: true,
            tolerance: cent(),
        };
        match id {
            ProfileId::Central => central,
            ProfileId::Hunan => Profile {
                name: "湖南".to_owned(),
                sections: Vec::new(),
                ..central
            },
            ProfileId::Hubei => Profile {
                name: "湖北".to_owned(),
                budget_weight: d(20),
                sections: vec![rule(&["产出"], 40), rule(&["效益", "满意度"], 40)],
                partial_from: tenths(5),
                grading_required: false,
                ..central
            },
            ProfileId::Sichuan => Profile {
                name: "四川".to_owned(),
                sections: vec![rule(&[], 90)],
                low_execution_reason_below: Some(tenths(9)),
                ..central
            },
            ProfileId::Beijing => Profile {
                name: "北京（2016）".to_owned(),
                denominator: Denominator::Initial,
                sections: vec![
                    rule(&["产出"], 50),
                    rule(&["效益"], 30),
                    rule(&["满意度"], 10),
                ],
                ..central
            },
        }
    }
}

impl Default for Profile {
    fn default() -> Self {
        Profile::builtin(ProfileId::Central)
    }
}

impl Profile {
    /// What the profile sets, in one Chinese line: the page shows it beside the choice.
    pub fn summary(&self) -> String {
        self.summary_in(false)
    }

    /// The same line in English, for the page in English.
    pub fn summary_en(&self) -> String {
        self.summary_in(true)
    }

    fn summary_in(&self, english: bool) -> String {
        let say = |zh: &str, en: &str| {
            if english {
                en.to_owned()
            } else {
                zh.to_owned()
            }
        };
        let pct = |share: Decimal| {
            format!(
                "{}%",
                share.saturating_mul(Decimal::ONE_HUNDRED).normalize()
            )
        };
        let sections = if self.sections.is_empty() {
            say(
                "一级指标分值以表头声明为准",
                "section weights as each form declares",
            )
        } else {
            self.sections
                .iter()
                .map(|rule| {
                    let names = if rule.names.is_empty() {
                        say("绩效指标", "indicators")
                    } else if english {
                        rule.names
                            .iter()
                            .map(|name| section_in_english(name))
                            .collect::<Vec<_>>()
                            .join("+")
                    } else {
                        rule.names.join("+")
                    };
                    format!("{names} {}", rule.weight.normalize())
                })
                .collect::<Vec<_>>()
                .join(if english { ", " } else { "、" })
        };
        let denominator = match self.denominator {
            Denominator::FullYear => say(
                "执行率 = 全年执行数 ÷ 全年（调整后）预算数",
                "rate = spent ÷ full-year (adjusted) budget",
            ),
            Denominator::Initial => say(
                "执行率 = 全年执行数 ÷ 年初预算数",
                "rate = spent ÷ initial budget",
            ),
        };
        let mut parts = vec![
            if english {
                format!("budget execution {} pts", self.budget_weight.normalize())
            } else {
                format!("预算执行 {} 分", self.budget_weight.normalize())
            },
            sections,
            denominator,
            format!(
                "{} {}–{}",
                say("部分达成", "partly achieved"),
                pct(self.partial_from),
                pct(self.achieved_from)
            ),
        ];
        if let Some(threshold) = self.low_execution_reason_below {
            parts.push(if english {
                format!("a rate below {} needs a reason", pct(threshold))
            } else {
                format!("执行率低于 {} 须说明原因", pct(threshold))
            });
        }
        if !self.grading_required {
            parts.push(say("等级可不评", "grading optional"));
        }
        parts.join(if english { "; " } else { "；" })
    }
}

/// A section's name in English, for the profile's line.
fn section_in_english(name: &str) -> &str {
    match name {
        "产出" => "outputs",
        "效益" => "benefits",
        "满意度" => "satisfaction",
        "成本" => "cost",
        other => other,
    }
}

impl SectionRule {
    /// Whether a section belongs to this group.
    pub fn covers(&self, section_name: &str) -> bool {
        self.names.is_empty()
            || self
                .names
                .iter()
                .any(|name| section_name.starts_with(name.as_str()))
    }
}
