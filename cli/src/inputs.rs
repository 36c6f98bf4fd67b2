//! The files a `review` reads: each path as given, a folder's report files however deep, or
//! the files a glob matches (the shells of Windows do not expand them). Each file keeps the
//! name the output shows it by: a folder's files by their path inside the folder, other
//! files as given.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;
use zipin_core::files::is_report;

/// A file to read, and the name it is shown by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    pub name: String,
}

/// A path that gave no file, and why (in Chinese, as the command speaks).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing {
    pub path: String,
    pub why: String,
}

impl std::fmt::Display for Missing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "“{}”：{}", self.path, self.why)
    }
}

/// What the paths named.
#[derive(Debug, Default)]
pub struct Inputs {
    pub files: Vec<Input>,
    pub missing: Vec<Missing>,
    /// Files in the folders that are not reports (by their extension), passed over.
    pub passed_over: usize,
}

/// Expands the paths, in order; a folder's files sorted by their path.
pub fn expand(paths: &[String]) -> Inputs {
    let mut inputs = Inputs::default();
    for path in paths {
        let given = Path::new(path);
        if given.is_dir() {
            folder(given, &mut inputs);
        } else if given.exists() {
            inputs.files.push(Input {
                path: given.to_path_buf(),
                name: path.clone(),
            });
        } else if path.contains(['*', '?', '[']) {
            glob_files(path, &mut inputs);
        } else {
            inputs.missing.push(Missing {
                path: path.clone(),
                why: "文件或文件夹不存在".to_owned(),
            });
        }
    }
    inputs
}

fn folder(root: &Path, inputs: &mut Inputs) {
    let mut found = Vec::new();
    for entry in WalkDir::new(root).sort_by_file_name() {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let path = entry.path();
                let inside = path.strip_prefix(root).unwrap_or(path);
                let name = inside.to_string_lossy().replace('\\', "/");
                if is_report(&name) {
                    found.push(Input {
                        path: path.to_path_buf(),
                        name,
                    });
                } else {
                    inputs.passed_over = inputs.passed_over.saturating_add(1);
                }
            }
            Ok(_) => {}
            Err(error) => inputs.missing.push(Missing {
                path: error.path().unwrap_or(root).to_string_lossy().into_owned(),
                why: format!("无法读取文件夹：{error}"),
            }),
        }
    }
    inputs.files.extend(found);
}

fn glob_files(pattern: &str, inputs: &mut Inputs) {
    let matched = match glob::glob(pattern) {
        Ok(paths) => paths,
        Err(error) => {
            inputs.missing.push(Missing {
                path: pattern.to_owned(),
                why: format!("通配符写法有误：{error}"),
            });
            return;
        }
    };
    let before = inputs.files.len();
    for path in matched {
        match path {
            Ok(path) if path.is_dir() => folder(&path, inputs),
            Ok(path) => inputs.files.push(Input {
                name: path.to_string_lossy().replace('\\', "/"),
                path,
            }),
            Err(error) => inputs.missing.push(Missing {
                path: error.path().to_string_lossy().into_owned(),
                why: format!("无法读取：{}", error.error()),
            }),
        }
    }
    if inputs.files.len() == before {
        inputs.missing.push(Missing {
            path: pattern.to_owned(),
            why: "没有文件与通配符相符".to_owned(),
        });
    }
}
