//! Whom a sentence speaks of (SPEC §9): a project when the sentence, or the heading above it,
//! names the project as a form of the document names it; a project without a form when it
//! speaks of a project zipin cannot match (年初预算项目“网格化工作经费…”, …资金项目绩效自评综述);
//! else the department. A sentence about a project without a form is compared with no form.

use crate::model::{Form, FormId, FormKind};

use super::figures::labels;
use super::sentences::{is_heading, numbering, Numbering};

/// Whom a sentence speaks of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    Department,
    Project(FormId),
    /// A project with no form in the document, named where the text names it.
    Unmatched(Option<String>),
}

/// The project forms' names, longest first (a name inside another is matched second).
pub fn project_names(forms: &[&Form]) -> Vec<(String, FormId)> {
    let mut names: Vec<(String, FormId)> = forms
        .iter()
        .filter(|form| form.kind == FormKind::Project)
        .map(|form| (form.name.trim().to_owned(), form.id))
        .filter(|(name, _)| name.chars().count() >= 2)
        .collect();
    names.sort_by_key(|(name, _)| std::cmp::Reverse(name.len()));
    names
}

/// The project form a text names.
fn named(text: &str, names: &[(String, FormId)]) -> Option<FormId> {
    names
        .iter()
        .find(|(name, _)| text.contains(name.as_str()))
        .map(|(_, id)| *id)
}

/// The text with its label words taken out: `项目支出` is a label, not a project.
fn without_labels(text: &str) -> String {
    let mut out = String::new();
    let mut at = 0;
    for (_, start, end) in labels(text) {
        out.push_str(text.get(at..start).unwrap_or_default());
        at = end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}

/// The name of a project a text speaks of without a form: what stands before 项目 at its
/// start (网格化工作经费资金项目 → 网格化工作经费), or inside 项目“…” quotes.
fn unmatched_name(text: &str) -> Option<String> {
    let text = text.trim_start_matches(|c: char| {
        c.is_ascii_digit() || "（）()一二三四五六七八九十、.．:： ".contains(c)
    });
    if let Some((_, quoted)) = text.split_once("项目“") {
        let name: String = quoted
            .chars()
            .take_while(|c| !c.is_ascii_digit() && !matches!(c, '”' | '。'))
            .collect();
        return Some(name).filter(|name| !name.is_empty());
    }
    let (before, _) = text.split_once("项目")?;
    let name = before.trim_end_matches("资金").trim_end_matches("专项");
    // 该项目, 本项目: no name.
    let plausible = name.chars().count() >= 2
        && name.chars().count() <= 20
        && !name.contains(|c: char| c.is_ascii_digit() || "，,。、".contains(c));
    plausible.then(|| name.to_owned())
}

/// Whether a text speaks of a project (项目 outside the label words).
fn speaks_of_a_project(text: &str) -> bool {
    without_labels(text).contains("项目")
}

/// Follows the narrative's headings and paragraphs to say whom each sentence speaks of.
pub struct Scope<'a> {
    names: &'a [(String, FormId)],
    heading: Subject,
}

impl<'a> Scope<'a> {
    pub fn new(names: &'a [(String, FormId)]) -> Self {
        Scope {
            names,
            heading: Subject::Department,
        }
    }

    /// Takes a paragraph: a heading sets whom the paragraphs under it speak of; `None` for a
    /// heading, else the subject the paragraph starts from.
    pub fn paragraph(&mut self, text: &str) -> Option<Subject> {
        if !is_heading(text) {
            return Some(self.heading.clone());
        }
        self.heading = match named(text, self.names) {
            Some(id) => Subject::Project(id),
            None if speaks_of_a_project(text) => Subject::Unmatched(unmatched_name(text)),
            // A numbered sub-heading under a project heading names a project zipin cannot
            // match; a heading of its own level returns to the department.
            None if matches!(self.heading, Subject::Unmatched(_) | Subject::Project(_))
                && numbering(text) == Some(Numbering::Digits) =>
            {
                Subject::Unmatched(Some(strip_number(text)).filter(|n| !n.is_empty()))
            }
            None => Subject::Department,
        };
        None
    }

    /// Whom a sentence speaks of, given whom its paragraph speaks of: its own project, a
    /// project without a form, or its paragraph's.
    pub fn sentence(&self, text: &str, paragraph: &Subject) -> Subject {
        match named(text, self.names) {
            Some(id) => Subject::Project(id),
            // A project named by the heading stays its name (该项目… speaks of it).
            None if matches!(paragraph, Subject::Unmatched(Some(_))) => paragraph.clone(),
            None if speaks_of_a_project(text) && !matches!(paragraph, Subject::Project(_)) => {
                Subject::Unmatched(unmatched_name(text))
            }
            None => paragraph.clone(),
        }
    }
}

fn strip_number(text: &str) -> String {
    text.trim()
        .trim_start_matches(|c: char| c.is_ascii_digit() || "（）()、.．".contains(c))
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::unmatched_name;

    #[test]
    fn names_of_projects_without_a_form() {
        assert_eq!(
            unmatched_name("（1）网格化工作经费资金项目绩效自评综述：根据年初设定的绩效目标")
                .as_deref(),
            Some("网格化工作经费")
        );
        assert_eq!(
            unmatched_name("1.年初预算项目“网格化工作经费27.5万元。”").as_deref(),
            Some("网格化工作经费")
        );
        assert_eq!(
            unmatched_name("持续实施2021年度26个相对贫困人员精准帮扶项目，覆盖老、弱"),
            None
        );
    }
}
