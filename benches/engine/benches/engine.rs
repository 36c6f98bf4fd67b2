//! The engine's speed, natively: score and check 100,000 rows; read the sample report and a
//! 5,000-row paste; read a million value cells. `cargo bench -p zipin-benches` (docs/PERFORMANCE.md has figures).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use zipin_benches::{large_form, large_form_tsv};
use zipin_core::import::forms::{Layouts, MAX_ROWS};
use zipin_core::import::import;
use zipin_core::profile::Profile;
use zipin_core::value::read_value;

const SAMPLE: &str = include_str!("../../../core/tests/fixtures/hetang-2022-report.txt");

fn engine(c: &mut Criterion) {
    let profile = Profile::default();
    let form = large_form(100_000);
    let mut group = c.benchmark_group("engine");
    group.sample_size(20);
    group.bench_function("score + check 100,000 rows", |b| {
        b.iter(|| zipin_core::evaluate(black_box(&form), &profile))
    });
    group.bench_function("read the sample report", |b| {
        b.iter(|| import(black_box(SAMPLE), None, &Layouts::new()))
    });
    let pasted = large_form_tsv(MAX_ROWS);
    group.bench_function(
        "read a paste of 5,000 rows (the most one paste brings in)",
        |b| b.iter(|| import(black_box(&pasted), None, &Layouts::new())),
    );
    let cells = [
        "≥95%",
        "覆盖率≥100%",
        "≤365天/年",
        "290.32万元",
        "不断提升",
        "2022年1月-12月",
        "95%以上",
        "＞＝９５％",
        "1,234.56元",
        "部分达成",
    ];
    group.bench_function("value reader, 1,000,000 cells", |b| {
        b.iter(|| {
            for i in 0..1_000_000 {
                black_box(read_value(black_box(cells[i % cells.len()])));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, engine);
criterion_main!(benches);
