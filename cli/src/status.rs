//! The command's exit status, as scripts read it (`../shared/CONTRACT.md`, "The command line").

use std::process::ExitCode;

/// How a run ended; a worse one wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Every file read, and no form has an error-level finding.
    Clean,
    /// Some form has an error-level finding.
    Errors,
    /// A file (or path) could not be read, or the result not written.
    Unreadable,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> Self {
        ExitCode::from(match status {
            Status::Clean => 0,
            Status::Errors => 1,
            Status::Unreadable => 2,
        })
    }
}
