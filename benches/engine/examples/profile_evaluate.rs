//! Runs the 100,000-row evaluation in a loop, for a profiler (`perf record`, callgrind), and
//! prints the median round: a quick figure between criterion runs.
fn main() {
    let form = zipin_benches::large_form(100_000);
    let profile = zipin_core::profile::Profile::default();
    let rounds: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(5);
    let mut times: Vec<_> = (0..rounds)
        .map(|_| {
            let start = std::time::Instant::now();
            std::hint::black_box(zipin_core::evaluate(&form, &profile));
            start.elapsed()
        })
        .collect();
    times.sort();
    if let Some(median) = times.get(rounds / 2) {
        println!("median of {rounds} rounds: {median:.1?}");
    }
}
