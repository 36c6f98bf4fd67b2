//! The saved-document format: the versioned JSON that autosave, the JSON download and the
//! offline file carry. Reading checks the version and says why a file is not a document it
//! can open, as a [`LoadError`] (its `Display` in plain Chinese).

use crate::model::{Document, DOCUMENT_VERSION, MAX_FORMS};

/// Why a saved document could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON, or JSON that is not a zipin document.
    NotADocument(Flaw),
    /// Saved by a newer zipin.
    TooNew(u32),
    /// More forms than a document holds ([`MAX_FORMS`]).
    TooManyForms(usize),
    /// Longer than [`MAX_DOCUMENT_BYTES`].
    TooLarge(usize),
}

/// What makes a text not a zipin document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Flaw {
    /// Not JSON: the line where reading it failed.
    NotJson { line: usize },
    /// JSON without a document version.
    NoVersion,
    /// A document's JSON with parts missing or mistyped, as the JSON reader says it.
    Incomplete(String),
}

/// The longest saved document read, from a file, storage or a host page's message: a
/// document of [`MAX_FORMS`] real forms is about 4 MB, and reading much more would hold the
/// page for seconds.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// The message the Chinese page shows.
impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::NotADocument(flaw) => {
                write!(f, "这不是 zipin 保存的文档，无法打开（{flaw}）。")
            }
            LoadError::TooLarge(bytes) => write!(
                f,
                "这个文档有 {} MB，超过文档的上限 {} MB，无法打开。",
                bytes / 1_048_576,
                MAX_DOCUMENT_BYTES / 1_048_576
            ),
            LoadError::TooManyForms(count) => write!(
                f,
                "这个文档有 {count} 张表，多于一个文档能容纳的 {MAX_FORMS} 张，无法打开。"
            ),
            LoadError::TooNew(version) => write!(
                f,
                "这个文档由更新版本的 zipin 保存（格式版本 {version}），本页面只能打开版本 {DOCUMENT_VERSION} 及以前的文档。"
            ),
        }
    }
}

impl std::error::Error for LoadError {}

impl std::fmt::Display for Flaw {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Flaw::NotJson { line } => write!(f, "不是有效的 JSON：第 {line} 行"),
            Flaw::NoVersion => f.write_str("缺少版本号"),
            Flaw::Incomplete(detail) => write!(f, "内容不完整：{detail}"),
        }
    }
}

/// The document as saved-document JSON.
pub fn to_json(document: &Document) -> String {
    serde_json::to_string(document).unwrap_or_default()
}

/// Just the version of a saved document, read before the rest.
#[derive(serde::Deserialize)]
struct Version {
    #[serde(default)]
    version: u64,
}

/// Reads saved-document JSON, migrating older versions it knows.
pub fn from_json(text: &str) -> Result<Document, LoadError> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(LoadError::TooLarge(text.len()));
    }
    let Version { version } = serde_json::from_str(text)
        .map_err(|error| LoadError::NotADocument(Flaw::NotJson { line: error.line() }))?;
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > DOCUMENT_VERSION {
        return Err(LoadError::TooNew(version));
    }
    if version == 0 {
        return Err(LoadError::NotADocument(Flaw::NoVersion));
    }
    let mut document: Document = serde_json::from_str(text)
        .map_err(|error| LoadError::NotADocument(Flaw::Incomplete(error.to_string())))?;
    if document.forms.len() > MAX_FORMS {
        return Err(LoadError::TooManyForms(document.forms.len()));
    }
    document.version = DOCUMENT_VERSION;
    document.ensure_unique_ids();
    Ok(document)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn why_a_text_is_not_a_document_is_said_in_chinese() {
        let refused = from_json("{不是 JSON").unwrap_err();
        assert_eq!(refused, LoadError::NotADocument(Flaw::NotJson { line: 1 }));
        assert_eq!(
            refused.to_string(),
            "这不是 zipin 保存的文档，无法打开（不是有效的 JSON：第 1 行）。"
        );
        assert_eq!(
            from_json("{}").unwrap_err(),
            LoadError::NotADocument(Flaw::NoVersion)
        );
        assert!(matches!(
            from_json("{\"version\": 1}"),
            Err(LoadError::NotADocument(Flaw::Incomplete(_)))
        ));
        assert_eq!(
            LoadError::TooNew(9).to_string(),
            format!("这个文档由更新版本的 zipin 保存（格式版本 9），本页面只能打开版本 {DOCUMENT_VERSION} 及以前的文档。")
        );
    }
}
