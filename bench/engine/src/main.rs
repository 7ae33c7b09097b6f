//! Times `sellercalc_engine::compare` natively and prints calls per second as one JSON object.
//!
//! `cargo run --release --manifest-path bench/engine/Cargo.toml -- [min_seconds]`
//!
//! `cargo run --release --manifest-path bench/engine/Cargo.toml -- catalog` instead times catalog
//! mode (see `catalog.rs`) and writes `bench-results/catalog-native.json`.
//!
//! Built with the app's release profile (opt-level "z"), so the native/wasm ratio compares the
//! same compiler settings. Two scenarios (the default one and a JIT one), each timed two ways:
//! `compare` on an already-parsed `serde_json::Value` (the engine alone), and `json`: parse a
//! JSON text, compare, serialise the result to a string (closest native analogue of
//! `window.sellerCalc.compare`, which converts a JS object in and out).

use std::hint::black_box;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

mod catalog;

const SCENARIOS: [(&str, &str); 2] = [("default", "{}"), ("jit", r#"{"semi":{"mode":"jit"}}"#)];

/// Runs `f` in batches until `min` has passed (after a warm-up); returns calls per second.
fn rate(min: Duration, mut f: impl FnMut()) -> (f64, u64) {
    for _ in 0..50 {
        f();
    }
    let mut calls = 0u64;
    let mut batch = 64u64;
    let start = Instant::now();
    loop {
        for _ in 0..batch {
            f();
        }
        calls += batch;
        let elapsed = start.elapsed();
        if elapsed >= min {
            return (calls as f64 / elapsed.as_secs_f64(), calls);
        }
        batch = batch.saturating_mul(2).min(1 << 16);
    }
}

fn main() {
    if std::env::args().nth(1).as_deref() == Some("catalog") {
        catalog::run();
        return;
    }
    let min = std::env::args()
        .nth(1)
        .and_then(|s| s.parse::<f64>().ok())
        .map(Duration::from_secs_f64)
        .unwrap_or(Duration::from_secs(1));
    let mut results = serde_json::Map::new();
    for (name, text) in SCENARIOS {
        let input: Value = serde_json::from_str(text).expect("scenario JSON");
        assert!(
            sellercalc_engine::compare(&input).ok(),
            "scenario {name} must compare ok"
        );
        let (compare_rate, compare_calls) = rate(min, || {
            black_box(sellercalc_engine::compare(black_box(&input)));
        });
        let (json_rate, json_calls) = rate(min, || {
            let value: Value = serde_json::from_str(black_box(text)).expect("json");
            let out = serde_json::to_string(&sellercalc_engine::compare(&value)).expect("json");
            black_box(out);
        });
        results.insert(
            name.to_owned(),
            json!({
                "scenario": input,
                "compare_per_s": compare_rate,
                "compare_calls": compare_calls,
                "json_roundtrip_per_s": json_rate,
                "json_roundtrip_calls": json_calls,
            }),
        );
    }
    let out = json!({
        "profile": "release (opt-level z, lto, codegen-units 1, panic abort)",
        "min_seconds_per_measure": min.as_secs_f64(),
        "scenarios": results,
    });
    println!("{out}");
}
