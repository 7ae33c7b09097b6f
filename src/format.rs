//! Locale-aware display of money, percentages and counts through the browser's
//! `Intl.NumberFormat`. Values are rounded once by the engine's rule and handed to `Intl` as
//! decimal strings, so no binary floating point touches an amount.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Intl, Object, Reflect};
use sellercalc_engine::decimal::round_to;
use sellercalc_engine::Decimal;
use wasm_bindgen::JsValue;

#[derive(Clone, PartialEq, Eq, Hash)]
enum Style {
    Money(String),
    Percent,
    Plain(u32),
}

thread_local! {
    static FORMATS: RefCell<HashMap<Style, Intl::NumberFormat>> = RefCell::new(HashMap::new());
}

/// The user's locale, as the browser reports it.
pub fn locale() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_else(|| "en".to_owned())
}

fn formatter(style: &Style) -> Intl::NumberFormat {
    FORMATS.with(|cache| {
        cache
            .borrow_mut()
            .entry(style.clone())
            .or_insert_with(|| {
                let options = Object::new();
                let set = |key: &str, value: JsValue| {
                    let _ = Reflect::set(&options, &JsValue::from_str(key), &value);
                };
                match style {
                    Style::Money(currency) => {
                        set("style", "currency".into());
                        set("currency", currency.as_str().into());
                        set("currencyDisplay", "narrowSymbol".into());
                        set("minimumFractionDigits", 2.into());
                        set("maximumFractionDigits", 2.into());
                    }
                    Style::Percent => {
                        set("style", "percent".into());
                        set("minimumFractionDigits", 1.into());
                        set("maximumFractionDigits", 1.into());
                    }
                    Style::Plain(dp) => {
                        set("maximumFractionDigits", (*dp).into());
                    }
                }
                let locales = Array::of1(&JsValue::from_str(&locale()));
                Intl::NumberFormat::new(&locales, &options)
            })
            .clone()
    })
}

fn format(style: Style, value: Decimal) -> String {
    let text = JsValue::from_str(&value.to_string());
    formatter(&style)
        .format()
        .call1(&JsValue::UNDEFINED, &text)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| value.to_string())
}

/// Money in `currency`, rounded to the cent: `¥1,240.00`.
pub fn money(value: Decimal, currency: &str) -> String {
    format(Style::Money(currency.to_owned()), round_to(value, 2))
}

/// A percentage given in percent (8.8 → `8.8%`), to one decimal.
pub fn percent(value: Decimal) -> String {
    let fraction = value.checked_div(Decimal::ONE_HUNDRED).unwrap_or_default();
    format(Style::Percent, round_to(fraction, 3))
}

/// A plain number with at most `dp` decimals: `1,500`.
pub fn number(value: Decimal, dp: u32) -> String {
    format(Style::Plain(dp), round_to(value, dp))
}
