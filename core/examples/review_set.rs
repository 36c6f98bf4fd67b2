//! A reviewer's set of reports, generated (tests/support/review_set.rs says how), written to
//! a folder, with `FOLDER.expected.json` beside the folder: every form's figures as the engine computes them
//! from the forms written (the command line's records, `../shared/CONTRACT.md`). The desk's
//! end-to-end tests and benchmarks and the command line read it.
//!
//! `cargo run --release -p zipin-core --example review_set -- OUT_DIR [files=300] [seed=1]`
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/support/mod.rs"]
mod support;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(args.next().expect("an output folder"));
    let files: usize = args
        .next()
        .map_or(300, |n| n.parse().expect("a number of files"));
    let seed: u64 = args.next().map_or(1, |n| n.parse().expect("a seed"));
    std::fs::create_dir_all(&out).unwrap();
    let set = support::review_set::generate(files, seed);
    let forms: usize = set.iter().map(|file| file.forms.len()).sum();
    for file in &set {
        std::fs::write(out.join(&file.name), &file.bytes).unwrap();
    }
    let expected = support::review_set::expected_records(&set);
    let mut beside = out.clone().into_os_string();
    beside.push(".expected.json");
    std::fs::write(beside, serde_json::to_string_pretty(&expected).unwrap()).unwrap();
    println!("{files} files, {forms} forms, in {}", out.display());
}
