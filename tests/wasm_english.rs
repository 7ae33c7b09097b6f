//! The Rust English formatter (`format::english`), which writes the figures of the page
//! prerendered at build time and of the app in English, held to the browser's own `Intl` over a
//! sweep of values, currencies, dates and lists (issue #17): the two must agree character for
//! character, or the page would change its text when the app takes the picture's place.

use js_sys::{Array, Intl, Object, Reflect};
use sellercalc::format::english::{self, Number};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn intl_number(options: &[(&str, JsValue)], text: &str) -> String {
    let object = Object::new();
    for (key, value) in options {
        Reflect::set(&object, &JsValue::from_str(key), value).unwrap();
    }
    let format = Intl::NumberFormat::new(&Array::of1(&"en".into()), &object).format();
    format
        .call1(&JsValue::UNDEFINED, &JsValue::from_str(text))
        .unwrap()
        .as_string()
        .unwrap()
}

const VALUES: &[&str] = &[
    "0",
    "-0",
    "0.00",
    "-0.00",
    "0.004",
    "0.005",
    "-0.005",
    "1",
    "12.5",
    "12.345",
    "12.355",
    "999.995",
    "-999.995",
    "1000",
    "1234.5",
    "-1234.56",
    "999999.999",
    "1000000",
    "12345678.9",
    "0.0001",
    "-0.0449",
    "0.0995",
    "0.99995",
    "1.005",
    "2.675",
    "100",
    "123456789012.345",
];

#[wasm_bindgen_test]
fn money_matches_intl() {
    // A currency the table does not know is left to Intl.
    for currency in ["MXN", "PLN", "XYZ"] {
        assert_eq!(
            english::number(
                Number::Money {
                    currency,
                    decimals: 2
                },
                "1"
            ),
            None
        );
    }
    for currency in [
        "CNY", "USD", "EUR", "GBP", "KRW", "BRL", "JPY", "TRY", "RUB", "INR",
    ] {
        for decimals in [0usize, 2] {
            for value in VALUES {
                let ours = english::number(Number::Money { currency, decimals }, value).unwrap();
                let theirs = intl_number(
                    &[
                        ("style", "currency".into()),
                        ("currency", currency.into()),
                        ("currencyDisplay", "narrowSymbol".into()),
                        ("minimumFractionDigits", (decimals as u32).into()),
                        ("maximumFractionDigits", (decimals as u32).into()),
                    ],
                    value,
                );
                assert_eq!(ours, theirs, "{value} {currency} with {decimals} decimals");
            }
        }
    }
}

#[wasm_bindgen_test]
fn percents_and_plain_numbers_match_intl() {
    for value in VALUES {
        for (min, max) in [(1usize, 1usize), (0, 2)] {
            let ours = english::number(Number::Percent { min, max }, value).unwrap();
            let theirs = intl_number(
                &[
                    ("style", "percent".into()),
                    ("minimumFractionDigits", (min as u32).into()),
                    ("maximumFractionDigits", (max as u32).into()),
                ],
                value,
            );
            assert_eq!(ours, theirs, "{value} as a percent ({min}–{max})");
        }
        for decimals in [0usize, 1, 2] {
            let ours = english::number(Number::Fixed { decimals }, value).unwrap();
            let theirs = intl_number(
                &[
                    ("minimumFractionDigits", (decimals as u32).into()),
                    ("maximumFractionDigits", (decimals as u32).into()),
                ],
                value,
            );
            assert_eq!(ours, theirs, "{value} with exactly {decimals} decimals");
        }
        for max in [0usize, 2, 6] {
            let ours = english::number(Number::Plain { max }, value).unwrap();
            let theirs = intl_number(&[("maximumFractionDigits", (max as u32).into())], value);
            assert_eq!(ours, theirs, "{value} plain, at most {max} decimals");
        }
    }
}

#[wasm_bindgen_test]
fn dates_lists_and_currency_names_match_intl() {
    let options = Object::new();
    Reflect::set(&options, &"dateStyle".into(), &"medium".into()).unwrap();
    Reflect::set(&options, &"timeZone".into(), &"UTC".into()).unwrap();
    let dates = Intl::DateTimeFormat::new(&Array::of1(&"en".into()), &options).format();
    for iso in [
        "2024-01-01",
        "2025-02-19",
        "2025-08-01",
        "2026-12-04",
        "2024-02-29",
        "1999-12-31",
    ] {
        let theirs = dates
            .call1(
                &JsValue::UNDEFINED,
                &js_sys::Date::new(&JsValue::from_str(iso)),
            )
            .unwrap()
            .as_string()
            .unwrap();
        assert_eq!(english::date(iso).unwrap(), theirs, "{iso}");
    }
    assert_eq!(english::date("2025-02-30"), None);

    let list_options = Object::new();
    Reflect::set(&list_options, &"type".into(), &"conjunction".into()).unwrap();
    let list_format = Reflect::get(&js_sys::global(), &"Intl".into())
        .and_then(|intl| Reflect::get(&intl, &"ListFormat".into()))
        .unwrap();
    let list_format: js_sys::Function = list_format.into();
    let formatter = Reflect::construct(
        &list_format,
        &Array::of2(&Array::of1(&"en".into()), &list_options),
    )
    .unwrap();
    let format: js_sys::Function = Reflect::get(&formatter, &"format".into()).unwrap().into();
    for n in 0..5 {
        let items: Vec<String> = ["Spain", "United States", "France", "Brazil", "Poland"][..n]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let array: Array = items.iter().map(|s| JsValue::from_str(s)).collect();
        let theirs = format
            .call1(&formatter, &array)
            .unwrap()
            .as_string()
            .unwrap();
        assert_eq!(english::and_list(&items), theirs, "{n} items");
    }

    let names_options = Object::new();
    Reflect::set(&names_options, &"type".into(), &"currency".into()).unwrap();
    let display_names: js_sys::Function = Reflect::get(&js_sys::global(), &"Intl".into())
        .and_then(|intl| Reflect::get(&intl, &"DisplayNames".into()))
        .unwrap()
        .into();
    let names = Reflect::construct(
        &display_names,
        &Array::of2(&Array::of1(&"en".into()), &names_options),
    )
    .unwrap();
    let of: js_sys::Function = Reflect::get(&names, &"of".into()).unwrap().into();
    for code in [
        "CNY", "USD", "EUR", "GBP", "KRW", "BRL", "JPY", "TRY", "RUB", "INR",
    ] {
        let theirs = of.call1(&names, &code.into()).unwrap().as_string().unwrap();
        assert_eq!(
            english::currency_name(code),
            Some(theirs.as_str()),
            "{code}"
        );
    }
}

/// English typed numbers are read with separators the app knows without asking `Intl` (issue
/// #17: that first `Intl.NumberFormat` was a third of the first render): they must be `Intl`'s.
#[wasm_bindgen_test]
fn english_separators_are_intls() {
    let format = Intl::NumberFormat::new(&Array::of1(&"en".into()), &Object::new()).format();
    let written = format
        .call1(&JsValue::UNDEFINED, &JsValue::from_f64(1_234_567.5))
        .unwrap()
        .as_string()
        .unwrap();
    let ours = sellercalc::i18n::separators(sellercalc::i18n::Lang::En);
    assert_eq!(
        written,
        format!("1{g}234{g}567{d}5", g = ours.group, d = ours.decimal)
    );
}

/// The printout's date in English is written in Rust (issue #17: the browser's date formatting
/// loaded its data in the first render): the same text as `Intl`'s long date style.
#[wasm_bindgen_test]
fn long_dates_match_intl() {
    let options = Object::new();
    Reflect::set(&options, &"dateStyle".into(), &"long".into()).unwrap();
    Reflect::set(&options, &"timeZone".into(), &"UTC".into()).unwrap();
    let dates = Intl::DateTimeFormat::new(&Array::of1(&"en".into()), &options).format();
    for (year, month, day) in [
        (2024, 1, 1),
        (2025, 2, 19),
        (2026, 12, 5),
        (1999, 9, 30),
        (2030, 5, 31),
    ] {
        let iso = format!("{year:04}-{month:02}-{day:02}");
        let theirs = dates
            .call1(
                &JsValue::UNDEFINED,
                &js_sys::Date::new(&JsValue::from_str(&iso)),
            )
            .unwrap()
            .as_string()
            .unwrap();
        assert_eq!(english::long_date(year, month, day), theirs, "{iso}");
    }
}
