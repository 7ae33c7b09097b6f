//! Helpers shared by the integration tests: running a scenario, reading the JSON output, and the
//! output rounding rule restated independently of the engine.
#![allow(dead_code)] // Each test crate uses a different subset of these helpers.

use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use sellercalc_engine::{compare, Comparison, ModelKind, ModelResult};
use serde_json::Value;

pub mod scenarios;

/// Parses a decimal literal written in a test.
#[track_caller]
pub fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap_or_else(|e| panic!("bad decimal literal {text:?}: {e}"))
}

/// Compares a scenario and returns the result together with its JSON output.
#[track_caller]
pub fn run(input: &Value) -> (Comparison, Value) {
    let comparison = compare(input);
    let json = serde_json::to_value(&comparison).expect("a comparison always serializes");
    (comparison, json)
}

/// The computed model, failing the test when it is missing.
#[track_caller]
pub fn model(comparison: &Comparison, kind: ModelKind) -> &ModelResult {
    comparison.model(kind).unwrap_or_else(|| {
        panic!(
            "{} was not computed; errors: {:?}",
            kind.id(),
            comparison.errors
        )
    })
}

/// A model's JSON object, failing the test when it is null.
#[track_caller]
pub fn model_json(json: &Value, kind: ModelKind) -> &Value {
    let m = &json["models"][kind.id()];
    assert!(m.is_object(), "{} is not computed in {json}", kind.id());
    m
}

/// A string field of a JSON value, by `/`-separated pointer (`cash/days_to_cash`).
#[track_caller]
pub fn text<'a>(value: &'a Value, pointer: &str) -> &'a str {
    value
        .pointer(&format!("/{pointer}"))
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("no string at {pointer} in {value}"))
}

/// The JSON line item amount with this key.
#[track_caller]
pub fn line_amount<'a>(model: &'a Value, key: &str) -> &'a str {
    model["line_items"]
        .as_array()
        .and_then(|items| items.iter().find(|item| item["key"] == key))
        .and_then(|item| item["amount"].as_str())
        .unwrap_or_else(|| panic!("no line item {key} in {model}"))
}

/// `input` with the value at the dotted `path` replaced (objects on the way are created).
pub fn with(input: &Value, path: &str, value: Value) -> Value {
    let mut out = if input.is_object() {
        input.clone()
    } else {
        Value::Object(Default::default())
    };
    let mut node = &mut out;
    let parts: Vec<&str> = path.split('.').collect();
    for (i, part) in parts.iter().enumerate() {
        if !node.is_object() {
            *node = Value::Object(Default::default());
        }
        let map = node.as_object_mut().expect("made an object above");
        if i + 1 == parts.len() {
            map.insert((*part).to_owned(), value);
            break;
        }
        node = map
            .entry((*part).to_owned())
            .or_insert_with(|| Value::Object(Default::default()));
    }
    out
}

/// `input` with `assumptions.<id>` set. Assumption ids contain dots, so [`with`] cannot do it.
pub fn with_assumption(input: &Value, id: &str, value: Value) -> Value {
    let mut out = input.clone();
    let map = out.as_object_mut().expect("scenario object");
    let assumptions = map
        .entry("assumptions")
        .or_insert_with(|| Value::Object(Default::default()));
    assumptions
        .as_object_mut()
        .expect("assumptions object")
        .insert(id.to_owned(), value);
    out
}

/// The output rule, restated: round once, half away from zero, to `dp` places, never "-0".
pub fn round_text(value: Decimal, dp: u32) -> String {
    let mut rounded = value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(dp);
    if rounded.is_zero() {
        rounded.set_sign_positive(true);
    }
    rounded.to_string()
}

/// Money as the output shows it: 2 places.
pub fn money(value: Decimal) -> String {
    round_text(value, 2)
}

/// The JSON field that a break-even price is entered back into for `kind`.
pub fn price_field(kind: ModelKind) -> &'static str {
    match kind {
        ModelKind::Pop => "pop.price",
        ModelKind::Semi => "semi.price",
        ModelKind::Full => "full.supply_price",
    }
}

/// Every string in a JSON tree, with its pointer.
pub fn all_strings(value: &Value) -> Vec<(String, String)> {
    fn walk(value: &Value, at: String, out: &mut Vec<(String, String)>) {
        match value {
            Value::String(s) => out.push((at, s.clone())),
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, format!("{at}/{i}"), out);
                }
            }
            Value::Object(map) => {
                for (key, item) in map {
                    walk(item, format!("{at}/{key}"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, String::new(), &mut out);
    out
}

/// The money amounts of one model's JSON (each must have exactly two decimals), by pointer.
pub fn money_fields(model: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for key in [
        "revenue_per_unit",
        "commission_per_unit",
        "profit_per_unit",
        "monthly_profit",
        "margin_pct",
    ] {
        out.push((key.to_owned(), text(model, key).to_owned()));
    }
    out.push((
        "cash/capital_tied".to_owned(),
        text(model, "cash/capital_tied").to_owned(),
    ));
    for (i, item) in model["line_items"]
        .as_array()
        .expect("line_items array")
        .iter()
        .enumerate()
    {
        out.push((
            format!("line_items/{i}/amount"),
            text(item, "amount").to_owned(),
        ));
        if let Some(waived) = item.get("waived") {
            out.push((
                format!("line_items/{i}/waived"),
                waived.as_str().expect("waived is a string").to_owned(),
            ));
        }
    }
    out
}

/// Whether `text` is `-?digits.dd` with exactly `dp` decimals (no exponent, no "-0.00").
pub fn has_exact_decimals(text: &str, dp: usize) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let Some((int, frac)) = digits.split_once('.') else {
        return dp == 0 && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    };
    let well_formed = !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.len() == dp
        && frac.bytes().all(|b| b.is_ascii_digit());
    let negative_zero = text.starts_with('-') && digits.bytes().all(|b| b == b'0' || b == b'.');
    well_formed && !negative_zero
}

/// Whether `text` is a zero with a minus sign, such as "-0.00" or "-0".
pub fn is_negative_zero(text: &str) -> bool {
    text.strip_prefix('-').is_some_and(|rest| {
        !rest.is_empty() && rest.bytes().all(|b| b == b'0' || b == b'.') && rest.contains('0')
    })
}
