//! The importer on hostile pastes (`zipin_benches::hostile`) at 1, 2 and 4 MB: the time of
//! each and the ratio per doubling (about 2 when the importer is linear), and the 4 MB inputs
//! written to a folder for the browser benchmark (`benches/browser/hostile.mjs`).
//!
//! `cargo run --release -p zipin-benches --example hostile [folder]`
use std::time::{Duration, Instant};

use zipin_core::import::forms::Layouts;
use zipin_core::import::import;

/// The best of three runs: the machine's noise only ever adds time.
fn time(text: &str, html: Option<&str>) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(import(text, html, &Layouts::new()));
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let folder = std::env::args().nth(1);
    const MB: usize = 1024 * 1024;
    // Just under the limit, which refuses larger pastes before reading them.
    let sizes = [MB, 2 * MB, 4 * MB - 4096];
    let shapes: Vec<Vec<zipin_benches::hostile::Hostile>> = sizes
        .iter()
        .map(|&size| zipin_benches::hostile::all(size))
        .collect();
    println!(
        "{:<32} {:>9} {:>9} {:>9} {:>7}",
        "shape", "1 MB", "2 MB", "4 MB", "4/2"
    );
    for index in 0..shapes[0].len() {
        let times: Vec<Duration> = shapes
            .iter()
            .map(|set| {
                let hostile = &set[index];
                time(&hostile.text, hostile.html.as_deref())
            })
            .collect();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "{:<32} {:>7.1}ms {:>7.1}ms {:>7.1}ms {:>7.2}",
            shapes[0][index].name,
            ms(times[0]),
            ms(times[1]),
            ms(times[2]),
            ms(times[2]) / ms(times[1]).max(0.001)
        );
    }
    if let Some(folder) = folder {
        std::fs::create_dir_all(&folder).unwrap();
        for hostile in &shapes[2] {
            let body = serde_json::json!({ "text": hostile.text, "html": hostile.html });
            std::fs::write(format!("{folder}/{}.json", hostile.name), body.to_string()).unwrap();
        }
    }
}
