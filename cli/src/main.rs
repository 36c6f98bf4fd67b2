//! `zipin`: the page's engine on the command line — `review` many reports at once, `score`
//! one, `convert` one into the page's exports. The engine (zipin-core) reads, scores and
//! checks; this crate finds the files, reads them on all cores and prints.
#![forbid(unsafe_code)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::indexing_slicing))]

mod args;
mod convert;
mod host;
mod inputs;
mod output;
mod reading;
mod review;
mod score;
mod status;
mod text_table;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // Help and the version are asked for; wrong arguments exit 64 (EX_USAGE), apart from
        // the statuses a review reports.
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 64 } else { 0 });
        }
    };
    match &cli.command {
        Command::Review(args) => review::run(args),
        Command::Score(args) => score::run(args),
        Command::Convert(args) => convert::run(args),
    }
    .into()
}
