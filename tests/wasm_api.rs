//! `window.sellerCalc` in a real browser: the same answers as the engine natively, and no
//! exception whatever JavaScript passes in.
#![cfg(target_arch = "wasm32")]

use js_sys::{Function, Reflect, JSON};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn api() -> JsValue {
    sellercalc::js_api::install();
    let window = web_sys::window().expect("a window");
    Reflect::get(&window, &"sellerCalc".into()).expect("window.sellerCalc")
}

fn method(name: &str) -> Function {
    Reflect::get(&api(), &name.into())
        .expect("the method")
        .dyn_into()
        .expect("a function")
}

/// Calls `compare` with a JavaScript value and reads the result back as JSON.
fn compare_js(input: &JsValue) -> Value {
    let result = method("compare")
        .call1(&JsValue::UNDEFINED, input)
        .expect("compare never throws");
    let text = JSON::stringify(&result)
        .expect("plain data")
        .as_string()
        .unwrap_or_default();
    serde_json::from_str(&text).expect("JSON")
}

fn js(source: &str) -> JsValue {
    JSON::parse(source).expect("valid JSON")
}

#[wasm_bindgen_test]
fn compare_answers_exactly_as_the_engine_does() {
    let scenario = json!({
        "policy": "aliexpress-2024",
        "currency": { "cost": "CNY", "sale": "USD", "rate": "7.20" },
        "product": { "unit_cost": "25", "packaging": "1.5", "weight_g": "350", "category": "home" },
        "monthly_units": "400",
        "destination": "ES",
        "return_rate_pct": "4",
        "pop": { "price": "12.99", "ad_spend_pct": "8", "affiliate_share_pct": "20", "affiliate_rate_pct": "5" },
        "semi": { "price": "12.99", "mode": "jit", "popular": true },
        "full": { "supply_price": "45" }
    });
    let from_js = compare_js(&js(&scenario.to_string()));
    let native = serde_json::to_value(sellercalc_engine::compare(&scenario)).expect("serializes");
    assert_eq!(from_js, native);
    assert_eq!(from_js["ok"], true);
    assert_eq!(from_js["models"]["pop"]["revenue_per_unit"], "93.53");
    assert_eq!(from_js["models"]["pop"]["commission_per_unit"], "7.48");
    assert_eq!(from_js["models"]["semi"]["commission_per_unit"], "3.74");
    assert_eq!(from_js["models"]["full"]["commission_per_unit"], "0.00");
}

#[wasm_bindgen_test]
fn numbers_may_be_javascript_numbers() {
    let as_numbers = compare_js(&js(
        r#"{"pop":{"price":12.99},"product":{"unit_cost":25,"weight_g":350}}"#,
    ));
    let as_strings = compare_js(&js(
        r#"{"pop":{"price":"12.99"},"product":{"unit_cost":"25","weight_g":"350"}}"#,
    ));
    assert_eq!(as_numbers["ok"], true, "{as_numbers}");
    assert_eq!(as_numbers, as_strings);
}

#[wasm_bindgen_test]
fn bad_input_returns_errors_and_never_throws() {
    let result = compare_js(&js(r#"{"product":{"unit_cost":"abc"},"pop":{"price":-3}}"#));
    assert_eq!(result["ok"], false);
    let fields: Vec<&str> = result["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(fields, ["product.unit_cost", "pop.price"]);
    assert!(result["errors"][0]["message"]
        .as_str()
        .is_some_and(|m| !m.is_empty()));

    // Values no scenario can be: each gives ok: false or the defaults, never an exception.
    let odd: Vec<JsValue> = vec![
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from_str("scenario"),
        JsValue::from_f64(f64::NAN),
        js_sys::Array::new().into(),
        js_sys::Function::new_no_args("return 1").into(),
        js_sys::Symbol::for_("x").into(),
        js_sys::BigInt::from(5u64).into(),
        js(r#"{"pop":{"price":1e308},"monthly_units":1e-300}"#),
    ];
    for value in odd {
        let result = compare_js(&value);
        assert!(result["ok"].is_boolean(), "{result}");
    }
    assert_eq!(
        compare_js(&JsValue::UNDEFINED)["ok"],
        true,
        "no argument: the defaults"
    );
    assert_eq!(compare_js(&JsValue::from_str("scenario"))["ok"], false);
}

#[wasm_bindgen_test]
fn version_and_policies_are_exposed() {
    let version = Reflect::get(&api(), &"version".into()).expect("version");
    assert_eq!(
        version.as_string().as_deref(),
        Some(env!("CARGO_PKG_VERSION"))
    );

    let policies = method("policies")
        .call0(&JsValue::UNDEFINED)
        .expect("policies never throws");
    let text = JSON::stringify(&policies)
        .expect("plain data")
        .as_string()
        .unwrap_or_default();
    let policies: Value = serde_json::from_str(&text).expect("JSON");
    let set = &policies[0];
    assert_eq!(set["id"], "aliexpress-2024");
    assert_eq!(set["effective_date"], "2024-01-01");
    let values = set["values"].as_array().expect("values");
    let home = values
        .iter()
        .find(|v| v["id"] == "commission.home")
        .expect("commission.home");
    assert_eq!(home["default"], "8");
    assert_eq!(home["unit"], "%");
    assert_eq!(home["assumption"], true);
    assert!(home["source"].as_str().is_some_and(|s| !s.is_empty()));

    // An override by the same id changes the answer.
    let overridden = compare_js(&js(r#"{"assumptions":{"commission.home":"5"}}"#));
    assert_eq!(overridden["models"]["pop"]["commission_per_unit"], "4.68");
    let unknown = compare_js(&js(r#"{"assumptions":{"commission.nope":"5"}}"#));
    assert_eq!(unknown["errors"][0]["field"], "assumptions.commission.nope");
}
