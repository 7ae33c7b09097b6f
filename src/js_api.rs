//! `window.sellerCalc`: the public JavaScript API (see PRODUCT.md). It only translates between
//! JavaScript values and the engine; `compare` never throws.

use js_sys::{Function, Object, Reflect, JSON};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// The app's version string, as `window.sellerCalc.version` reports it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A plain JavaScript object from a serializable value, through JSON text: every amount in the
/// results is already a string, so nothing is lost, and the page needs no second serializer.
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    serde_json::to_string(value)
        .ok()
        .and_then(|text| JSON::parse(&text).ok())
        .unwrap_or(JsValue::NULL)
}

/// `compare(scenario)`: the comparison as a plain object, never an exception.
pub fn compare(input: JsValue) -> JsValue {
    let scenario = if input.is_undefined() || input.is_null() {
        Value::Null
    } else {
        // JSON.stringify throws on BigInts and cycles and skips functions and symbols: none of
        // those can be a scenario, and the engine says so.
        JSON::stringify(&input)
            .ok()
            .and_then(|text| text.as_string())
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_else(|| Value::String(String::new()))
    };
    to_js(&sellercalc_engine::compare(&scenario))
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
