//! `window.sellerCalc`: the public JavaScript API (see PRODUCT.md). It only translates between
//! JavaScript values and the engine; `compare` never throws.
//!
//! # Reading a JavaScript value, within a budget
//!
//! `compare` accepts any JavaScript value, from any page: a 10-million-element array, a 50 MB
//! string, an object nested 100,000 deep or with a cycle, a getter or a `toJSON` that throws, a
//! Proxy, a BigInt, a Symbol. It reads the value itself, one property at a time, instead of
//! handing it to `JSON.stringify` (whose work and output grow with the value, and which throws on
//! a BigInt or a cycle), and the work is bounded before it is done:
//!
//! - at most [`MAX_VALUES`] values are read in all: an array's or an object's size is checked
//!   against what is left before a single element is read, so a huge array costs one look at its
//!   `length`;
//! - at most [`MAX_DEPTH`] levels of nesting (the format needs three), so the recursion's stack is
//!   small and a cycle ends at that depth;
//! - a string's length is read without copying it, and at most [`MAX_TEXT_UNITS`] of it are
//!   copied: longer than anything a field reads, so the field still says it is too long (or
//!   unknown), and a 50 MB string costs what a short one does;
//! - every call into JavaScript that can run the caller's code (a getter, a Proxy trap, `toJSON`,
//!   even a patched built-in) is bound with `catch`: an exception comes back as a value, never
//!   unwinds through the wasm (which would leave its state half-changed);
//! - a `compare` called again while a scenario is being read (from a getter, say) is refused at
//!   once, so no chain of calls escapes the budget.
//!
//! A scenario over the budget is refused as a whole (`too_large` at `scenario`). A value JSON
//! cannot hold (a function, a Symbol, a BigInt, a getter or `toJSON` that throws, a revoked Proxy)
//! is an error at its own field; `NaN` and `Infinity` are "not a number" there. `undefined` is
//! left out, as in JSON. The caller's own code (a slow getter, a Proxy whose `ownKeys` returns a
//! million keys) still takes the time it takes, but SellerCalc adds no more than the budget.
//!
//! # Why the input is not read with `serde-wasm-bindgen`
//!
//! The answer is written with `serde-wasm-bindgen` ([`to_js`]). The input is not read with it:
//! its deserializer follows the value wherever it leads, with no bound on depth (a deep object
//! recurses once per level until the wasm stack overflows, which kills the page), none on size
//! (it reads a 10-million-element array and copies a 50 MB string before any field is looked at)
//! and no guard against a getter or Proxy trap that throws or calls `compare` again. The walker
//! below is what bounds all of that; it yields the same `serde_json::Value` the engine reads.

use std::cell::Cell;

use js_sys::{Function, JsString, Object, Reflect};
use sellercalc_engine::{Comparison, Field, FieldError, Problem, ScenarioInput};
use serde::Serialize;
use serde_json::{Map, Number, Value};
use wasm_bindgen::prelude::*;

/// The app's version string, as `window.sellerCalc.version` reports it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The most values read from one scenario (objects, arrays and leaves, keys not counted). A full
/// scenario with every policy value overridden has a few hundred.
pub const MAX_VALUES: usize = 2_000;

/// The most levels of nesting read: the scenario is level 0, `pop` level 1, `pop.price` level 2.
pub const MAX_DEPTH: usize = 8;

/// The most UTF-16 code units copied from one string (a value or a key): more than any field
/// reads, so a longer string is still refused at its field.
pub const MAX_TEXT_UNITS: u32 = 256;

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray`, which throws on a revoked Proxy: bound with `catch`.
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;

    /// A string, for [`Text::slice`].
    type Text;

    /// `String.prototype.slice`, bound with `catch` in case a page replaced it.
    #[wasm_bindgen(method, catch)]
    fn slice(this: &Text, start: u32, end: u32) -> Result<JsValue, JsValue>;
}

thread_local! {
    /// Whether a scenario is being read: a getter may call `compare` again.
    static READING: Cell<bool> = const { Cell::new(false) };
}

/// The scenario is over the budget.
struct OverBudget;

/// Reads a JavaScript value into JSON within the budget.
struct Reader {
    /// Values that may still be read.
    left: usize,
}

impl Reader {
    /// What a value that JSON cannot hold becomes: a value of the wrong type wherever it sits, so
    /// that the engine names its field.
    fn unreadable() -> Value {
        Value::Array(Vec::new())
    }

    /// Takes `n` values from the budget.
    fn spend(&mut self, n: usize) -> Result<(), OverBudget> {
        self.left = self.left.checked_sub(n).ok_or(OverBudget)?;
        Ok(())
    }

    /// At most [`MAX_TEXT_UNITS`] of a string, copied.
    fn text(value: &JsValue) -> Option<String> {
        let text: &JsString = value.dyn_ref()?;
        if text.length() <= MAX_TEXT_UNITS {
            return value.as_string();
        }
        value
            .unchecked_ref::<Text>()
            .slice(0, MAX_TEXT_UNITS)
            .ok()
            .and_then(|cut| cut.as_string())
    }

    /// `value` (under `key` in its parent) as JSON; `None` when it is left out (`undefined`).
    fn read(
        &mut self,
        value: JsValue,
        key: &JsValue,
        depth: usize,
    ) -> Result<Option<Value>, OverBudget> {
        if depth > MAX_DEPTH {
            return Err(OverBudget);
        }
        self.spend(1)?;
        // As JSON does: an object's `toJSON` stands in for it (a Date gives its ISO text).
        let value = if value.is_object() && !value.is_function() {
            match Reflect::get(&value, &JsValue::from_str("toJSON")) {
                Ok(to_json) => match to_json.dyn_ref::<Function>() {
                    Some(to_json) => match to_json.call1(&value, key) {
                        Ok(replaced) => replaced,
                        Err(_) => return Ok(Some(Self::unreadable())),
                    },
                    None => value,
                },
                Err(_) => return Ok(Some(Self::unreadable())),
            }
        } else {
            value
        };
        if value.is_undefined() {
            return Ok(None);
        }
        if value.is_null() {
            return Ok(Some(Value::Null));
        }
        if let Some(flag) = value.as_bool() {
            return Ok(Some(Value::Bool(flag)));
        }
        if let Some(number) = value.as_f64() {
            return Ok(Some(json_number(number)));
        }
        if value.is_string() {
            return Ok(Some(
                Self::text(&value).map_or_else(Self::unreadable, Value::String),
            ));
        }
        if !value.is_object() || value.is_function() {
            // A BigInt, a Symbol or a function.
            return Ok(Some(Self::unreadable()));
        }
        match is_array(&value) {
            Ok(true) => self.array(&value, depth).map(Some),
            Ok(false) => self.object(&value, depth).map(Some),
            Err(_) => Ok(Some(Self::unreadable())),
        }
    }

    /// The number of elements of an array (or of the keys list of an object), if it is a
    /// plausible one.
    fn length(list: &JsValue) -> Option<usize> {
        let length = Reflect::get(list, &JsValue::from_str("length"))
            .ok()?
            .as_f64()?;
        // `as` saturates; the check keeps out NaN, negatives and fractions.
        (length >= 0.0 && length.fract() == 0.0).then_some(length as usize)
    }

    fn array(&mut self, array: &JsValue, depth: usize) -> Result<Value, OverBudget> {
        let Some(length) = Self::length(array) else {
            return Ok(Self::unreadable());
        };
        if length > self.left {
            return Err(OverBudget);
        }
        let mut items = Vec::with_capacity(length);
        for index in 0..length {
            // `length <= left <= MAX_VALUES`, so the index fits.
            let index = u32::try_from(index).map_err(|_| OverBudget)?;
            let item = match Reflect::get_u32(array, index) {
                Ok(item) => self
                    .read(item, &JsValue::from(index.to_string()), depth + 1)?
                    .unwrap_or(Value::Null),
                Err(_) => Self::unreadable(),
            };
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn object(&mut self, object: &JsValue, depth: usize) -> Result<Value, OverBudget> {
        let Ok(keys) = Reflect::own_keys(object) else {
            return Ok(Self::unreadable());
        };
        let Some(count) = Self::length(&keys) else {
            return Ok(Self::unreadable());
        };
        if count > self.left {
            return Err(OverBudget);
        }
        let mut map = Map::new();
        for index in 0..count {
            let index = u32::try_from(index).map_err(|_| OverBudget)?;
            let Ok(key) = Reflect::get_u32(&keys, index) else {
                return Ok(Self::unreadable());
            };
            // Symbol keys are not JSON's, and are skipped as JSON skips them.
            let Some(name) = Self::text(&key) else {
                continue;
            };
            let value = match Reflect::get(object, &key) {
                Ok(value) => self.read(value, &key, depth + 1)?,
                Err(_) => Some(Self::unreadable()),
            };
            if let Some(value) = value {
                map.insert(name, value);
            }
        }
        Ok(Value::Object(map))
    }
}

/// A JavaScript number as JSON: integers as integers, other finite numbers by their shortest
/// decimal text (what `JSON.stringify` writes), and `NaN` or an infinity as text, which no number
/// field reads (JSON would have made it `null`, and the field would have taken its default).
fn json_number(number: f64) -> Value {
    if number.is_finite() && number.fract() == 0.0 && number.abs() < 9_007_199_254_740_992.0 {
        // Exact: the check keeps the value within i64 and whole.
        return Value::from(number as i64);
    }
    let text = if number.is_nan() {
        "NaN"
    } else if number > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
    };
    Number::from_f64(number).map_or_else(|| Value::String(text.to_owned()), Value::Number)
}

/// The scenario JSON of any JavaScript value, or `None` when it is over the budget.
fn scenario_json(input: JsValue) -> Option<Value> {
    if input.is_undefined() || input.is_null() {
        return Some(Value::Null);
    }
    if READING.with(|reading| reading.replace(true)) {
        // `compare` called from inside a scenario being read.
        return None;
    }
    let mut reader = Reader { left: MAX_VALUES };
    let read = reader.read(input, &JsValue::from_str(""), 0);
    READING.with(|reading| reading.set(false));
    match read {
        Ok(value) => Some(value.unwrap_or(Value::Null)),
        Err(OverBudget) => None,
    }
}

/// A plain JavaScript object from a serializable value, built directly by `serde-wasm-bindgen`
/// (no JSON text in between). `json_compatible` keeps the contract's shapes: maps are plain
/// objects (not `Map`s) and `None` is `null` (not `undefined`); every amount in the results is
/// already a string, so nothing is lost.
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// `compare(scenario)`: the comparison as a plain object, never an exception.
pub fn compare(input: JsValue) -> JsValue {
    let comparison = match scenario_json(input) {
        Some(scenario) => sellercalc_engine::compare(&scenario),
        None => {
            let mut input = ScenarioInput::new();
            input.errors.push(FieldError::new(
                Field::Scenario,
                Problem::TooComplex {
                    max_values: MAX_VALUES,
                    max_depth: MAX_DEPTH,
                },
            ));
            sellercalc_engine::compare_input(&input)
        }
    };
    to_js::<Comparison>(&comparison)
}

/// `policies()`: every built-in policy set with each value's id, default, unit and source.
pub fn policies() -> JsValue {
    to_js(&sellercalc_engine::policies_report())
}

/// Installs `window.sellerCalc`.
pub fn install() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let api = Object::new();
    let compare_fn: Function = Closure::<dyn Fn(JsValue) -> JsValue>::new(compare)
        .into_js_value()
        .unchecked_into();
    let policies_fn: Function = Closure::<dyn Fn() -> JsValue>::new(policies)
        .into_js_value()
        .unchecked_into();
    let _ = Reflect::set(&api, &"compare".into(), &compare_fn);
    let _ = Reflect::set(&api, &"policies".into(), &policies_fn);
    let _ = Reflect::set(&api, &"version".into(), &VERSION.into());
    let _ = Object::freeze(&api);
    let _ = Reflect::set(&window, &"sellerCalc".into(), &api);
}
