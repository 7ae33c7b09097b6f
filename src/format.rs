//! Locale-aware display of money, percentages and counts through the browser's
//! `Intl.NumberFormat`. Values are rounded once by the engine's rule and handed to `Intl` as
//! decimal strings, so no binary floating point touches an amount.
//!
//! The locale is the page's language, set by the app with [`set_locale`] (not the browser's own
//! `navigator.language`), so figures are always written the way the surrounding words are.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Intl, Object, Reflect};
use sellercalc_engine::decimal::{plain_text, round_to};
use sellercalc_engine::Decimal;
use wasm_bindgen::JsValue;

use crate::i18n::{separators, Lang};

#[derive(Clone, PartialEq, Eq, Hash)]
enum Style {
    Money(String),
    Percent,
    /// A percentage with up to two decimals and no trailing zeros: `8%`, `0.5%`.
    PercentPlain,
    Plain(u32),
}

/// The locale until [`set_locale`] says otherwise.
const DEFAULT_LOCALE: &str = "en-US";

thread_local! {
    static LOCALE: RefCell<String> = RefCell::new(DEFAULT_LOCALE.to_owned());
    static FORMATS: RefCell<HashMap<Style, Intl::NumberFormat>> = RefCell::new(HashMap::new());
    static DISPLAY: RefCell<Option<Conversion>> = const { RefCell::new(None) };
}

/// Makes `code` (a BCP 47 tag such as `zh-CN`) the locale of every figure from now on; the
/// cached formatters are dropped when it changes.
pub fn set_locale(code: &str) {
    let changed = LOCALE.with(|locale| {
        let mut locale = locale.borrow_mut();
        if *locale == code {
            return false;
        }
        code.clone_into(&mut locale);
        true
    });
    if changed {
        FORMATS.with(|cache| cache.borrow_mut().clear());
    }
}

/// The locale figures are written in: the one last given to [`set_locale`], else `en-US`.
pub fn locale() -> String {
    LOCALE.with(|locale| locale.borrow().clone())
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
                    Style::PercentPlain => {
                        set("style", "percent".into());
                        set("minimumFractionDigits", 0.into());
                        set("maximumFractionDigits", 2.into());
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

/// Amounts in one currency shown in another: the "results in the sale currency" toggle.
#[derive(Clone, Debug, PartialEq)]
pub struct Conversion {
    /// The currency the amounts are in (the cost currency).
    pub from: String,
    /// The currency to show them in (the sale currency).
    pub to: String,
    /// Units of `from` that one unit of `to` buys (the scenario's exchange rate).
    pub rate: Decimal,
}

/// Shows every amount in `conversion.from` in `conversion.to` instead; `None` shows each amount
/// in its own currency. Converted amounts are divided unrounded and rounded once, for display.
pub fn set_display_currency(conversion: Option<Conversion>) {
    DISPLAY.with(|display| *display.borrow_mut() = conversion.filter(|c| !c.rate.is_zero()));
}

/// The currency that amounts in `currency` are shown in, for captions such as "(per unit, USD)".
pub fn display_currency(currency: &str) -> String {
    DISPLAY.with(|display| match &*display.borrow() {
        Some(c) if c.from == currency => c.to.clone(),
        _ => currency.to_owned(),
    })
}

/// An amount in `currency` as it is shown, unrounded, with the currency it is shown in: converted
/// when the page shows `currency`'s amounts in another (see [`set_display_currency`]).
pub fn shown(value: Decimal, currency: &str) -> (Decimal, String) {
    let converted = DISPLAY.with(|display| match &*display.borrow() {
        Some(c) if c.from == currency => value.checked_div(c.rate).map(|v| (v, c.to.clone())),
        _ => None,
    });
    converted.unwrap_or_else(|| (value, currency.to_owned()))
}

/// Money in `currency`, rounded to the cent: `¥1,240.00` (or in the display currency, see
/// [`set_display_currency`]).
pub fn money(value: Decimal, currency: &str) -> String {
    let (value, currency) = shown(value, currency);
    format(Style::Money(currency), round_to(value, 2))
}

/// A percentage given in percent (8.8 → `8.8%`), to one decimal.
pub fn percent(value: Decimal) -> String {
    let fraction = value.checked_div(Decimal::ONE_HUNDRED).unwrap_or_default();
    format(Style::Percent, round_to(fraction, 3))
}

/// A percentage given in percent, as a rule states it: up to two decimals, no trailing zeros
/// (8 → `8%`, 0.5 → `0.5%`; `8 %` in French).
pub fn percent_plain(value: Decimal) -> String {
    let fraction = value.checked_div(Decimal::ONE_HUNDRED).unwrap_or_default();
    format(Style::PercentPlain, round_to(fraction, 4))
}

/// A plain number with at most `dp` decimals: `1,500`.
pub fn number(value: Decimal, dp: u32) -> String {
    format(Style::Plain(dp), round_to(value, dp))
}

/// A canonical decimal text from the engine ("12.99", "1000000000") written for the locale, with
/// every decimal it has: for numbers quoted in messages. Text that is not a number comes back as
/// it is.
pub fn canonical(text: &str) -> String {
    match text.parse::<Decimal>() {
        Ok(value) => number(value, value.scale().min(20)),
        Err(_) => text.to_owned(),
    }
}

/// A value as it sits in an input for the user to edit: every decimal, no grouping, and the
/// locale's decimal separator (`0.5`, `0,5` in French), the way the user would type it.
pub fn editable(value: Decimal) -> String {
    let text = plain_text(value);
    let decimal = Lang::from_tag(&locale()).map_or('.', |lang| separators(lang).decimal);
    if decimal == '.' {
        text
    } else {
        text.replace('.', &decimal.to_string())
    }
}
