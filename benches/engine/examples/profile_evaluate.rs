//! Runs the 100,000-row evaluation in a loop, for a profiler (`perf record`, callgrind), and
//! prints the median round: a quick figure between criterion runs.
fn main() {
    let form = zipin_benches::large_form(100_000);
    let profile = zipin_core::profile::Profile::default();
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    // Called through a pointer so that it stays a function of its own in profiles
    // (`valgrind --tool=callgrind --toggle-collect=zipin_core::evaluate`).
    let evaluate: fn(
        &zipin_core::model::Form,
        &zipin_core::profile::Profile,
    ) -> zipin_core::Evaluation = std::hint::black_box(zipin_core::evaluate);
    let mut times: Vec<_> = (0..rounds)
        .map(|_| {
            let start = std::time::Instant::now();
            std::hint::black_box(evaluate(&form, &profile));
            start.elapsed()
        })
        .collect();
    times.sort();
    if let Some(median) = times.get(rounds / 2) {
        println!("median of {rounds} rounds: {median:.1?}");
    }
}
