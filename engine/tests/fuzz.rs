//! Fuzzing `compare` with hostile scenarios, from a seeded generator: long digit runs, deep junk,
//! extreme magnitudes, wrong types, in every field and every policy value, mixed with valid
//! values so that a good share of scenarios compute. Each runs on a thread whose stack is no
//! larger than the browser's wasm stack (1 MB), so a stack overflow shows here as it would on the
//! page. Nothing may panic, and every `ok: true` result must obey PRODUCT.md's rules, checked on
//! the JSON contract generically (over whatever line items a model has), so the checks hold as
//! the money model grows.
//!
//! ```text
//! cargo test -p sellercalc-engine --test fuzz                          # 10^5 scenarios (CI)
//! cargo test -p sellercalc-engine --release --test fuzz -- --ignored   # 10^6 scenarios
//! FUZZ_SEED=7 cargo test -p sellercalc-engine --release --test fuzz -- --ignored
//! FUZZ_CASES=1000 cargo test -p sellercalc-engine --test fuzz            # a quick look
//! ```
//!
//! A failure names the seed and the case, with the scenario: `FUZZ_SEED=… FUZZ_CASE=…` replays
//! that one case.

mod common;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::str::FromStr;

use common::scenarios::policy;
use rust_decimal::{Decimal, RoundingStrategy};
use sellercalc_engine::{compare, Comparison, ErrorCode, FieldError, Input, InputKind, ModelKind};
use serde_json::{json, Map, Number, Value};

/// The wasm page's stack: Rust's default for wasm32-unknown-unknown is 1 MB.
const WASM_STACK: usize = 1 << 20;

/// SplitMix64: small, fast, and the same sequence on every machine for a seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn index(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }
}

/// What the generator draws names from: the default policy's ids.
struct Names {
    currencies: Vec<String>,
    categories: Vec<String>,
    destinations: Vec<String>,
    /// Every policy value: id, whether it must be above 0, its largest value, its default.
    values: Vec<(String, bool, Decimal, Decimal)>,
}

impl Names {
    fn new() -> Names {
        let p = policy();
        Names {
            currencies: p.currencies.clone(),
            categories: p.categories.iter().map(|c| c.id.clone()).collect(),
            destinations: p.destinations.iter().map(|d| d.code.clone()).collect(),
            values: p
                .values
                .iter()
                .map(|v| (v.id.clone(), v.positive, v.max(), v.default))
                .collect(),
        }
    }
}

/// A decimal text in `lo..=hi` with at most `places` decimals, skewed towards both small and
/// large magnitudes.
fn decimal_in(rng: &mut Rng, lo: Decimal, hi: Decimal, places: u32) -> String {
    let span = hi - lo;
    let fraction = match rng.below(6) {
        0 => Decimal::ZERO,
        1 => Decimal::ONE,
        2 => Decimal::new(rng.below(1_000) as i64, 6), // tiny
        _ => Decimal::new(rng.below(1_000_001) as i64, 6),
    };
    let mut value = (lo + span * fraction).round_dp(places);
    if value < lo {
        value = lo;
    }
    if value > hi {
        value = hi.round_dp_with_strategy(places, rust_decimal::RoundingStrategy::ToZero);
    }
    value.normalize().to_string()
}

/// A valid value for `input`, as the public API takes it (sometimes as a JSON number).
fn valid_leaf(rng: &mut Rng, names: &Names, input: Input) -> Value {
    match input.kind() {
        InputKind::Flag => Value::Bool(rng.chance(50)),
        InputKind::Choice => {
            let pool: &[String] = match input {
                Input::CostCurrency | Input::SaleCurrency => &names.currencies,
                Input::Category => &names.categories,
                Input::Destination => &names.destinations,
                _ => &[],
            };
            if input == Input::SemiMode {
                json!(*rng.pick(&["warehouse", "jit", "JIT", " Warehouse "]))
            } else if input == Input::PopShipping {
                // Issue #15: economy lacks rates for some markets, an error at its field then.
                json!(*rng.pick(&["standard", "standard", "standard", "economy", "Economy "]))
            } else {
                json!(rng.pick(pool))
            }
        }
        InputKind::Number => {
            let bounds = input.bounds().expect("a number input has bounds");
            // Mostly everyday figures; sometimes anywhere up to the field's limit. A parcel is
            // mostly one every logistics service takes (issue #15: heavier or bulkier ones are an
            // error at their field for the services that do not).
            let everyday = match input {
                Input::WeightG => 2_000,
                Input::Length | Input::Width | Input::Height => 40,
                _ => 10_000,
            };
            let hi = if rng.chance(85) {
                Decimal::from(bounds.max.min(everyday))
            } else {
                Decimal::from(bounds.max)
            };
            let lo = if bounds.positive {
                Decimal::new(1, 2)
            } else {
                Decimal::ZERO
            };
            let text = decimal_in(rng, lo, hi, 2);
            if rng.chance(20) {
                f64::from_str(&text)
                    .ok()
                    .and_then(Number::from_f64)
                    .map_or(json!(text), Value::Number)
            } else {
                json!(text)
            }
        }
    }
}

/// Text no number field should take: long digit runs, extreme magnitudes, junk.
fn hostile_text(rng: &mut Rng) -> String {
    const EXTREME: &[&str] = &[
        "79228162514264337593543950335",
        "-79228162514264337593543950335",
        "79228162514264337593543950336",
        "0.0000000000000000000000000001",
        "0.00000000000000000001",
        "99999999999999999999",
        "100000000000000000000",
        "1000000000.000000000000000001",
        "1000000000.01",
        "1000000",
        "1e28",
        "1E-7",
        "-0",
        "+0.0",
        "-0.00",
        "0.",
        ".0",
        "1_000",
        "1,5",
        "١٢٣",
        "NaN",
        "Infinity",
        " 12.5 ",
        "\u{feff}12",
        "",
        "   ",
        "0x1F",
        "--1",
        "1.2.3",
    ];
    match rng.below(4) {
        0 => {
            let digit = *rng.pick(&['0', '9', '1']);
            let len = *rng.pick(&[19, 20, 21, 28, 29, 30, 63, 64, 65, 100, 101, 1_000, 6_000]);
            let mut text: String = std::iter::repeat_n(digit, len).collect();
            if rng.chance(50) {
                let at = rng.index(len);
                text.insert(at, '.');
            }
            if rng.chance(20) {
                text.insert(0, '-');
            }
            if rng.chance(20) {
                text = format!("1{text}");
            }
            text
        }
        1 => (*rng.pick(EXTREME)).to_owned(),
        2 => {
            let alphabet: Vec<char> = "0123456789.-+eE ,_xX٣\u{0}\u{202f}€$%".chars().collect();
            let len = rng.index(90);
            (0..len).map(|_| *rng.pick(&alphabet)).collect()
        }
        _ => {
            // A valid-looking number with too many places or digits.
            let int = rng.below(30) as usize;
            let frac = rng.below(40) as usize;
            format!("{}.{}", "7".repeat(int.max(1)), "3".repeat(frac))
        }
    }
}

/// Nested junk, at most `depth` deep.
fn junk(rng: &mut Rng, depth: u32) -> Value {
    if depth == 0 || rng.chance(30) {
        return match rng.below(5) {
            0 => Value::Null,
            1 => Value::Bool(rng.chance(50)),
            2 => json!(hostile_text(rng)),
            3 => json!(rng.next()),
            _ => Number::from_f64(f64::from_bits(rng.next())).map_or(Value::Null, Value::Number),
        };
    }
    if rng.chance(50) {
        Value::Array((0..rng.below(4)).map(|_| junk(rng, depth - 1)).collect())
    } else {
        let mut map = Map::new();
        for _ in 0..rng.below(4) {
            let key = rng
                .pick(&["price", "unit_cost", "", "pop", "a.b", "0"])
                .to_string();
            map.insert(key, junk(rng, depth - 1));
        }
        Value::Object(map)
    }
}

/// A value that is wrong for any field: hostile text, an extreme JSON number, a wrong type.
fn hostile_leaf(rng: &mut Rng) -> Value {
    const NUMBERS: &[f64] = &[
        0.0,
        -0.0,
        -1.0,
        5e-324,
        1e-28,
        1e-29,
        1e9,
        1e9 + 0.01,
        7.9e28,
        1e300,
        f64::MAX,
        -f64::MAX,
        0.1 + 0.2,
    ];
    match rng.below(6) {
        0 | 1 => json!(hostile_text(rng)),
        2 => Number::from_f64(*rng.pick(NUMBERS)).map_or(Value::Null, Value::Number),
        3 => json!(*rng.pick(&[u64::MAX, 0, 1_000_000_001])),
        4 => json!(i64::MIN),
        _ => {
            let depth = *rng.pick(&[1, 2, 8, 32, 64]);
            junk(rng, depth)
        }
    }
}

/// Puts `value` at `input`'s place in `root` (by its path: the parcel's sides are two levels
/// down, in `product.dimensions_cm`).
fn put(root: &mut Map<String, Value>, input: Input, value: Value) {
    let path: Vec<&str> = input.path().split('.').collect();
    let (last, sections) = path.split_last().expect("a path");
    let mut here = root;
    for key in sections {
        let section = here
            .entry(*key)
            .or_insert_with(|| Value::Object(Map::new()));
        if !section.is_object() {
            // `null` (left out) or junk: a section of its own now.
            *section = Value::Object(Map::new());
        }
        let Value::Object(section) = section else {
            return;
        };
        here = section;
    }
    here.insert((*last).to_owned(), value);
}

/// One scenario: valid throughout (so its rules can be checked), or with hostile values in any
/// field, policy value or section.
fn scenario(rng: &mut Rng, names: &Names) -> Value {
    let clean = rng.chance(30);
    let hostile_share = if clean {
        0
    } else {
        *rng.pick(&[5, 15, 40, 100])
    };
    let mut root = Map::new();
    // The parcel's sides come as three or none (one alone is an error at the others), but for
    // the odd one left out.
    let sides = rng.chance(50);
    for input in Input::ALL {
        let side = Input::SIDES.contains(&input);
        if (side && !sides) || rng.chance(if side { 3 } else { 25 }) {
            continue; // Left out: its default applies.
        }
        let value = if rng.chance(hostile_share) {
            hostile_leaf(rng)
        } else {
            valid_leaf(rng, names, input)
        };
        put(&mut root, input, value);
    }
    // One currency takes no rate but 1.
    let cost = root.get("currency").and_then(|c| c.get("cost")).cloned();
    let sale = root.get("currency").and_then(|c| c.get("sale")).cloned();
    if clean && cost.is_some() && cost == sale {
        if let Some(Value::Object(currency)) = root.get_mut("currency") {
            currency.remove("rate");
        }
    }
    let mut assumptions = Map::new();
    for _ in 0..rng.below(if clean { 4 } else { 8 }) {
        let (id, positive, max, default) = rng.pick(&names.values).clone();
        let value = if rng.chance(hostile_share) {
            hostile_leaf(rng)
        } else {
            let lo = if positive {
                Decimal::new(1, 4)
            } else {
                Decimal::ZERO
            };
            let hi = if rng.chance(80) {
                (default * Decimal::TWO).clamp(lo, max)
            } else {
                max
            };
            json!(decimal_in(rng, lo, hi, 4))
        };
        assumptions.insert(id, value);
    }
    if !clean && rng.chance(20) {
        assumptions.insert(hostile_text(rng), json!("1"));
    }
    if !assumptions.is_empty() {
        root.insert("assumptions".to_owned(), Value::Object(assumptions));
    }
    if !clean {
        match rng.below(12) {
            0 => {
                root.insert("pop".to_owned(), hostile_leaf(rng));
            }
            1 => {
                root.insert("policy".to_owned(), hostile_leaf(rng));
            }
            2 => {
                root.insert("destinations".to_owned(), junk(rng, 6));
            }
            3 => {
                root.insert(hostile_text(rng), junk(rng, 4));
            }
            4 => return hostile_leaf(rng),
            _ => {}
        }
    }
    Value::Object(root)
}

/// A decimal from the JSON output.
fn amount(value: &Value, what: &str) -> Decimal {
    let text = value
        .as_str()
        .unwrap_or_else(|| panic!("{what} is not a string: {value}"));
    Decimal::from_str(text).unwrap_or_else(|e| panic!("{what} = {text:?}: {e}"))
}

/// The output's model `kind`, which must be computed.
fn model_of(result: &Value, kind: ModelKind) -> &Value {
    let m = &result["models"][kind.id()];
    assert!(m.is_object(), "{} not computed in {result}", kind.id());
    m
}

/// The commission of a model, from its JSON.
fn commission(result: &Value, kind: ModelKind) -> Decimal {
    amount(
        &model_of(result, kind)["commission_per_unit"],
        "commission_per_unit",
    )
}

fn set_path(scenario: &Value, path: &str, value: Value) -> Value {
    let mut root = scenario.as_object().cloned().unwrap_or_default();
    let input = Input::from_path(path).expect("a known path");
    put(&mut root, input, value);
    Value::Object(root)
}

fn remove_path(scenario: &Value, input: Input) -> Value {
    let mut root = scenario.clone();
    let path: Vec<&str> = input.path().split('.').collect();
    let (last, sections) = path.split_last().expect("a path");
    let mut here = &mut root;
    for key in sections {
        match here.get_mut(*key) {
            Some(next) => here = next,
            None => return root,
        }
    }
    if let Value::Object(section) = here {
        section.remove(*last);
    }
    root
}

/// The field a break-even price is entered back into.
fn price_input(kind: ModelKind) -> Input {
    match kind {
        ModelKind::Pop => Input::Price,
        ModelKind::Semi => Input::SemiPrice,
        ModelKind::Full => Input::SupplyPrice,
    }
}

/// The typed result of a variant of a valid scenario. It is valid too, unless its figures grow
/// beyond exact arithmetic (a semi-managed price that follows a POP price of 10^-28, say): then
/// `None`, and no rule is held to it.
#[track_caller]
fn valid(scenario: &Value, what: &str) -> Option<Comparison> {
    let comparison = compare(scenario);
    if comparison.ok() {
        return Some(comparison);
    }
    let overflow = |e: &FieldError| e.code() == ErrorCode::Overflow;
    assert!(
        comparison.errors.iter().all(overflow),
        "{what}: {:?}",
        comparison.errors
    );
    None
}

/// Money as the output rounds it: half away from zero, to the cent.
fn cents(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// PRODUCT.md's rules on one `ok: true` result: on its JSON (the contract), and on variants of
/// the scenario through the engine's typed results (which the JSON is written from), summing
/// whatever line items a model has.
fn check_rules(input: &Value, comparison: &Comparison, result: &Value) {
    let half_cent = Decimal::new(5, 3);
    for kind in ModelKind::ALL {
        let m = model_of(result, kind);
        let items = m["line_items"].as_array().expect("line_items is a list");
        // profit = revenue − Σ line items, each figure rounded once: within half a cent each.
        let costs: Decimal = items
            .iter()
            .map(|i| amount(&i["amount"], "line item amount"))
            .sum();
        let revenue = amount(&m["revenue_per_unit"], "revenue_per_unit");
        let profit = amount(&m["profit_per_unit"], "profit_per_unit");
        let gap = (revenue - costs - profit).abs();
        let tolerance = half_cent * Decimal::from(items.len() + 2);
        assert!(
            gap <= tolerance,
            "{}: revenue {revenue} − items {costs} ≠ profit {profit}",
            kind.id()
        );
        // Monthly profit = the unrounded profit × units, rounded once.
        let units = amount(&m["monthly_units"], "monthly_units");
        let monthly = amount(&m["monthly_profit"], "monthly_profit");
        let typed = comparison.model(kind).expect("computed natively too");
        let exact = typed
            .profit_per_unit
            .checked_mul(typed.monthly_units)
            .expect("an ok result's monthly profit fits");
        assert_eq!(monthly, cents(exact), "{}: monthly profit", kind.id());
        // And from the JSON alone, where profit and units are rounded to 2 places each.
        assert!(
            (monthly - profit * units).abs()
                <= half_cent * (units.abs() + profit.abs() + Decimal::ONE),
            "{}: monthly {monthly} vs {profit} × {units}",
            kind.id()
        );
    }
    // Fully managed pays no commission.
    assert!(
        commission(result, ModelKind::Full).is_zero(),
        "full pays commission"
    );

    // At the same price and category: JIT is half of POP's commission; warehouse pays none.
    // These are the policy's waivers (50% and 100%), so they hold where those are not overridden.
    // POP's commission is on the order total, so the buyer's shipping charge (issue #15) is left
    // out too.
    let mut same_price = remove_path(&remove_path(input, Input::SemiPrice), Input::ShippingCharge);
    if let Some(Value::Object(assumptions)) = same_price.get_mut("assumptions") {
        assumptions.remove("semi.jit_commission_waiver");
        assumptions.remove("semi.warehouse_commission_waiver");
    }
    let model = |c: &Comparison, kind| c.model(kind).expect("computed").clone();
    if let Some(jit) = valid(&set_path(&same_price, "semi.mode", json!("jit")), "JIT") {
        let pop = model(&jit, ModelKind::Pop).commission_per_unit();
        let semi = model(&jit, ModelKind::Semi).commission_per_unit();
        // Exact, but for a quotient that recurs (a default cross rate, 7.20 ÷ 7.80) cut at 28
        // significant digits: in the last of them, so 10^-20 on everyday amounts and 10^-19 on
        // a commission of billions.
        let last_digits = Decimal::new(1, 20).max(pop.abs() * Decimal::new(1, 26));
        assert!(
            (semi * Decimal::TWO - pop).abs() <= last_digits,
            "JIT commission {semi} is not half of POP's {pop}"
        );
    }

    // The advance payment (popular warehouse goods) changes cash, never profit; and warehouse
    // goods pay no commission.
    let in_warehouse = set_path(&same_price, "semi.mode", json!("warehouse"));
    let popular = valid(
        &set_path(&in_warehouse, "semi.popular", json!(true)),
        "popular",
    );
    let usual = valid(
        &set_path(&in_warehouse, "semi.popular", json!(false)),
        "not popular",
    );
    if let (Some(popular), Some(usual)) = (popular, usual) {
        let (a, b) = (
            model(&popular, ModelKind::Semi),
            model(&usual, ModelKind::Semi),
        );
        assert!(
            a.commission_per_unit().is_zero(),
            "warehouse pays commission"
        );
        assert_eq!(
            a.line_items, b.line_items,
            "the advance payment changed a cost"
        );
        assert_eq!(
            a.profit_per_unit, b.profit_per_unit,
            "the advance payment changed profit"
        );
        assert_eq!(a.monthly_profit, b.monthly_profit);
        assert_eq!(a.break_even_price, b.break_even_price);
    }

    // Selling at the break-even price earns 0.00.
    for kind in ModelKind::ALL {
        let Some(price) = model_of(result, kind)["break_even_price"].as_str() else {
            continue; // Percentage costs take all of any price.
        };
        let p = Decimal::from_str(price).expect("a decimal");
        if p <= Decimal::ZERO || p > Decimal::from(1_000_000_000) || price.len() > 64 {
            continue; // Not a price that can be entered.
        }
        let Some(again) = valid(
            &set_path(input, price_input(kind).path(), json!(price)),
            "at the break-even price",
        ) else {
            continue;
        };
        let profit = model(&again, kind).profit_per_unit;
        assert!(
            cents(profit).is_zero(),
            "{} at its break-even price {price} earns {profit}",
            kind.id()
        );
    }

    // More unit cost never raises profit.
    let cost = comparison.scenario.product.unit_cost;
    let more = (cost + Decimal::new(1, 2) + cost / Decimal::TEN).round_dp(2);
    if more <= Decimal::from(1_000_000_000) {
        let higher = valid(
            &set_path(input, "product.unit_cost", json!(more.to_string())),
            "more unit cost",
        );
        for kind in ModelKind::ALL {
            let Some(higher) = &higher else { break };
            let before = model(comparison, kind).profit_per_unit;
            let after = model(higher, kind).profit_per_unit;
            // Not even by a cent once rounded. Unrounded, only by the noise of 28-digit
            // arithmetic: a profit that does not depend on the unit cost at all (every unit
            // returned and resold) may come out 10^-24 apart, or 10^-21 next to costs of 10^9.
            // (Precision at extreme magnitudes is issue #14's item 9, the money model's.)
            let scale = Decimal::ONE + more + model(higher, kind).revenue_per_unit.abs();
            let noise = scale * Decimal::new(1, 20);
            assert!(
                cents(after) <= cents(before) && after <= before + noise,
                "{}: unit cost {cost} → {more} raised profit {before} → {after}",
                kind.id()
            );
        }
    }
}

/// The generator of case `case` of `seed`: each case has its own, so any one can be replayed
/// alone, whichever worker ran it.
fn case_rng(seed: u64, case: u64) -> Rng {
    let mut rng = Rng(seed ^ case.wrapping_mul(0xd134_2543_de82_ef95));
    rng.next();
    rng
}

/// Runs cases `first`, `first + step`, … below `cases`; returns how many were valid.
fn worker(seed: u64, cases: u64, first: u64, step: u64) -> u64 {
    let names = Names::new();
    let mut checked = 0u64;
    let mut case = first;
    while case < cases {
        let input = scenario(&mut case_rng(seed, case), &names);
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let comparison = compare(&input);
            let result = serde_json::to_value(&comparison).expect("a comparison always serializes");
            let ok = result["ok"] == true;
            assert_eq!(
                ok,
                result["errors"].as_array().is_some_and(Vec::is_empty),
                "ok and errors disagree"
            );
            if ok {
                check_rules(&input, &comparison, &result);
            }
            ok
        }));
        match outcome {
            Ok(ok) => checked += u64::from(ok),
            Err(panic) => {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_default();
                let mut shown = input.to_string();
                if shown.len() > 4_000 {
                    shown.truncate(4_000);
                    shown.push('…');
                }
                panic!("FUZZ_SEED={seed} FUZZ_CASE={case}: {message}\nscenario: {shown}");
            }
        }
        case += step;
    }
    checked
}

/// Runs `cases` scenarios from `seed`, on as many threads as there are cores (at most 4), each
/// with the wasm page's stack. `FUZZ_SEED`, `FUZZ_CASES` and `FUZZ_CASE` (one case alone)
/// override them.
fn fuzz(cases: u64, seed: u64) {
    let env = |name: &str| std::env::var(name).ok().and_then(|s| s.parse().ok());
    let seed = env("FUZZ_SEED").unwrap_or(seed);
    let (cases, first, step, threads) = match env("FUZZ_CASE") {
        Some(case) => (case + 1, case, 1, 1),
        None => {
            let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
            let cases = env("FUZZ_CASES").unwrap_or(cases);
            (cases, 0, threads as u64, threads as u64)
        }
    };
    let started = std::time::Instant::now();
    let workers: Vec<_> = (0..threads)
        .map(|w| {
            std::thread::Builder::new()
                .stack_size(WASM_STACK)
                .spawn(move || worker(seed, cases, first + w, step))
                .expect("a thread")
        })
        .collect();
    let checked: u64 = workers
        .into_iter()
        .map(|w| {
            w.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
        .sum();
    let run = cases - first;
    // A good share computes, so the rules are held to many results, not a handful.
    assert!(
        run < 100 || checked * 5 >= run,
        "only {checked} of {run} scenarios were valid"
    );
    println!(
        "fuzz: seed {seed}, {run} scenarios on {threads} threads in {:.1?}, rules checked on {checked}",
        started.elapsed()
    );
}

/// 10^5 hostile scenarios: part of every `cargo test`.
#[test]
fn hostile_scenarios_never_panic_and_valid_ones_obey_the_rules() {
    fuzz(100_000, 0x5e11_e4ca_1c00_0001);
}

/// 10^6 hostile scenarios, in release mode: `cargo test -p sellercalc-engine --release --test
/// fuzz -- --ignored` (a few minutes).
#[test]
#[ignore = "10^6 scenarios: run with --release -- --ignored"]
fn a_million_hostile_scenarios() {
    fuzz(1_000_000, 0x5e11_e4ca_1c00_0002);
}
