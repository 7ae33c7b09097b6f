//! Catalog mode, natively: deterministic CSVs of 1,000, 10,000 and 100,000 SKUs; times reading
//! the file, computing every row, building the portfolio and writing the results CSV. Prints a
//! table and writes `bench-results/catalog-native.json` (relative to the repository root).

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use sellercalc_engine::catalog::{
    compute_row, merged_scenario, read_csv, results_csv, PortfolioBuilder,
};
use sellercalc_engine::compare_input;
use sellercalc_engine::{Decimal, PolicySet};
use serde_json::json;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// A catalog of `n` SKUs from a fixed xorshift sequence: every category, weights 20 g to 5 kg,
/// varied prices, volumes, semi-managed modes and destinations; one name in seven quoted.
fn catalog(n: usize) -> String {
    // Every category of the policy set, so the file cannot fall behind it.
    let categories: Vec<&str> = PolicySet::default_set()
        .categories
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    let mut text = String::with_capacity(n * 80);
    text.push_str("Name,Unit cost,Packaging,Weight (g),Category,Price,Supply price,Monthly units,Semi mode,Destination\r\n");
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for i in 0..n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let r = |k: u32, m: u64| (x >> k) % m;
        let name = if i % 7 == 0 {
            format!("\"SKU {i}, special\"")
        } else {
            format!("SKU {i}")
        };
        let _ = write!(
            text,
            "{name},{},{},{},{},{},{},{},{},{}\r\n",
            Decimal::new(100 + r(0, 20_000) as i64, 2),
            Decimal::new(r(24, 300) as i64, 2),
            20 + r(32, 5_000),
            categories[r(40, categories.len() as u64) as usize],
            Decimal::new(199 + r(8, 12_000) as i64, 2),
            Decimal::new(500 + r(16, 40_000) as i64, 2),
            r(44, 3_000),
            if r(50, 2) == 0 { "warehouse" } else { "jit" },
            ["ES", "US", "FR", "KR", "BR"][r(52, 5) as usize],
        );
    }
    text
}

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

pub fn run() {
    let base = sellercalc_engine::ScenarioInput::new();
    let mut split = Vec::new();
    let target = Some(Decimal::from(15));
    let mut rows = Vec::new();
    println!(
        "{:>8} {:>9} {:>10} {:>11} {:>11} {:>11} {:>10} {:>10} {:>12}",
        "SKUs",
        "CSV KB",
        "read ms",
        "compute ms",
        "portfol. ms",
        "export ms",
        "total ms",
        "µs/row",
        "export KB"
    );
    // The same files for the browser benchmark (bench/catalog.mjs), so both time the same rows.
    let csv_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../bench-results/build");
    for n in SIZES {
        let text = catalog(n);
        let csv_path = csv_dir.join(format!("catalog-{n}.csv"));
        if let Err(e) =
            std::fs::create_dir_all(&csv_dir).and_then(|()| std::fs::write(&csv_path, &text))
        {
            eprintln!("could not write {}: {e}", csv_path.display());
        }

        let start = Instant::now();
        let file = read_csv(black_box(&text));
        let read_ms = ms(start);
        assert_eq!(file.rows.len(), n, "{:?}", &file.problems);

        let start = Instant::now();
        let results: Vec<_> = file
            .rows
            .iter()
            .map(|row| compute_row(&base, &file, row, target))
            .collect();
        let compute_ms = ms(start);
        let bad = results.iter().filter(|r| !r.ok()).count();
        assert_eq!(bad, 0, "every generated row is valid");

        // Where a row's time goes (issue #17, lever 3): the merge of the row into the base
        // scenario, the engine's comparison, and the rest of compute_row (the target-margin
        // and equal-profit solvers, the recommendation, the result's copies).
        let start = Instant::now();
        let merged: Vec<_> = file
            .rows
            .iter()
            .map(|row| merged_scenario(&base, &file, row))
            .collect();
        let merge_ms = ms(start);
        let start = Instant::now();
        let compared: usize = merged
            .iter()
            .map(|scenario| black_box(compare_input(scenario)).errors.len())
            .sum();
        let compare_ms = ms(start);
        assert_eq!(compared, 0);
        split.push((n, merge_ms, compare_ms, compute_ms - merge_ms - compare_ms));

        let start = Instant::now();
        let mut builder = PortfolioBuilder::new(10);
        for (i, result) in results.iter().enumerate() {
            builder.add(i, result);
        }
        let portfolio = black_box(builder.finish());
        let portfolio_ms = ms(start);
        assert_eq!(portfolio.included, n);

        let start = Instant::now();
        let csv = results_csv(&results, target);
        let export_ms = ms(start);

        let total = read_ms + compute_ms + portfolio_ms + export_ms;
        println!(
            "{:>8} {:>9.0} {:>10.1} {:>11.1} {:>11.2} {:>11.1} {:>10.1} {:>10.1} {:>12.0}",
            n,
            text.len() as f64 / 1024.0,
            read_ms,
            compute_ms,
            portfolio_ms,
            export_ms,
            total,
            compute_ms * 1000.0 / n as f64,
            csv.len() as f64 / 1024.0,
        );
        rows.push(json!({
            "skus": n,
            "csv_bytes": text.len(),
            "read_ms": read_ms,
            "compute_ms": compute_ms,
            "compute_us_per_row": compute_ms * 1000.0 / n as f64,
            "portfolio_ms": portfolio_ms,
            "export_ms": export_ms,
            "export_bytes": csv.len(),
            "total_ms": total,
            "best_counts": portfolio.best_counts,
        }));
    }
    println!();
    println!("per row (µs): merge, compare (engine), the rest of compute_row (solvers, recommendation, copies)");
    for (n, merge, compare, rest) in &split {
        let per = |t: &f64| t * 1000.0 / *n as f64;
        println!(
            "{:>8} {:>9.1} {:>10.1} {:>11.1}",
            n,
            per(merge),
            per(compare),
            per(rest)
        );
    }
    let out = json!({
        "profile": "release (opt-level z, lto, codegen-units 1, panic abort)",
        "target_margin_pct": 15,
        "portfolio_top_n": 10,
        "runs": rows,
    });
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../bench-results");
    let path = dir.join("catalog-native.json");
    match std::fs::create_dir_all(&dir).and_then(|()| {
        std::fs::write(
            &path,
            serde_json::to_string_pretty(&out).unwrap_or_default(),
        )
    }) {
        Ok(()) => println!("wrote {}", path.display()),
        Err(e) => eprintln!("could not write {}: {e}", path.display()),
    }
}
