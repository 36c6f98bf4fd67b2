//! Whom a sentence speaks of (SPEC §9): a project when the sentence, or the heading above it,
//! names the project as a form of the document names it; a project without a form when it
//! speaks of a project zipin cannot match (年初预算项目“网格化工作经费…”, …资金项目绩效自评综述);
//! else the department. A sentence about a project without a form is compared with no form.

use crate::model::{Form, FormId, FormKind};

use super::figures::{figures, labels};
use super::sentences::{is_heading, numbering, Numbered, Numbering};

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

/// The project form a text names, and where the name stands.
fn named(text: &str, names: &[(String, FormId)]) -> Option<(FormId, usize)> {
    names
        .iter()
        .find_map(|(name, id)| text.find(name.as_str()).map(|at| (*id, at)))
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
    /// The numbering of the heading that named the project spoken of: a heading numbered
    /// alike is its sibling, another project; one numbered otherwise is a part of it.
    project_heading: Option<Numbered>,
}

impl<'a> Scope<'a> {
    pub fn new(names: &'a [(String, FormId)]) -> Self {
        Scope {
            names,
            heading: Subject::Department,
            project_heading: None,
        }
    }

    /// Takes a paragraph: a heading sets whom the paragraphs under it speak of; `None` for a
    /// heading, else the subject the paragraph starts from.
    pub fn paragraph(&mut self, text: &str) -> Option<Subject> {
        if !is_heading(text) {
            return Some(self.heading.clone());
        }
        let numbered = numbering(text);
        let in_project = matches!(
            self.heading,
            Subject::Project(_) | Subject::Unmatched(Some(_))
        );
        let (heading, project_heading) = match named(text, self.names) {
            Some((id, _)) => (Subject::Project(id), numbered),
            // 项目支出绩效情况 opens the projects; a heading of a project's own (项目绩效目标
            // 完成情况) stays with it.
            None if text.contains("项目") => match unmatched_name(text) {
                Some(name) => (Subject::Unmatched(Some(name)), numbered),
                None if in_project => (self.heading.clone(), self.project_heading),
                None => (Subject::Unmatched(None), None),
            },
            None => match (&self.heading, numbered) {
                (_, Some(numbered)) if numbered.kind == Numbering::Chinese => {
                    (Subject::Department, None)
                }
                // A sibling of a project's heading, or the first under 项目支出: a project
                // zipin cannot match.
                (Subject::Unmatched(None), Some(numbered)) => {
                    (Subject::Unmatched(Some(strip_number(text))), Some(numbered))
                }
                (Subject::Project(_) | Subject::Unmatched(Some(_)), Some(numbered))
                    if Some(numbered) == self.project_heading =>
                {
                    (Subject::Unmatched(Some(strip_number(text))), Some(numbered))
                }
                // A part of the project (1.预算执行情况 under （1）网格员专项经费).
                (Subject::Project(_) | Subject::Unmatched(Some(_)), Some(_)) => {
                    (self.heading.clone(), self.project_heading)
                }
                _ => (Subject::Department, None),
            },
        };
        self.heading = heading;
        self.project_heading = project_heading;
        None
    }

    /// Whom a sentence speaks of, given whom its paragraph speaks of: a project it names
    /// before its figures, a project without a form it names, or its paragraph's.
    pub fn sentence(&self, text: &str, paragraph: &Subject) -> Subject {
        let first_figure = figures(text).first().map_or(text.len(), |figure| figure.at);
        if let Some((id, at)) = named(text, self.names) {
            if at < first_figure {
                return Subject::Project(id);
            }
        }
        match paragraph {
            Subject::Department | Subject::Unmatched(None) if speaks_of_a_project(text) => {
                match unmatched_name(text) {
                    Some(name) => Subject::Unmatched(Some(name)),
                    None => paragraph.clone(),
                }
            }
            _ => paragraph.clone(),
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
