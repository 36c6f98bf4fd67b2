//! Runs the 100,000-row evaluation in a loop, for a profiler (`perf record`, callgrind).
fn main() {
    let form = zipin_benches::large_form(100_000);
    let profile = zipin_core::profile::Profile::default();
    let rounds: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(5);
    for _ in 0..rounds {
        std::hint::black_box(zipin_core::evaluate(&form, &profile));
    }
}
