//! Locale-aware display of money, percentages and counts through the browser's
//! `Intl.NumberFormat`. Values are rounded once by the engine's rule and handed to `Intl` as
//! decimal strings, so no binary floating point touches an amount. English is written in Rust
//! ([`english`]), exactly as `Intl` writes it, so that the page prerendered at build time and the
//! app show the same text.
//!
//! Every function takes the page's [`Locale`] (its language, not the browser's own
//! `navigator.language`, so figures are written the way the surrounding words are, and the
//! currency amounts are shown in). Components read it with [`crate::i18n::use_locale`].

use sellercalc_engine::decimal::{plain_text, round_to};
use sellercalc_engine::Decimal;

use crate::i18n::{separators, Lang, Locale};

pub mod english;

/// How a number is written.
#[derive(Debug, PartialEq)]
enum Style {
    /// Money in a currency (an ISO 4217 code) with exactly this many decimals: `¥1,240.00`
    /// (2), `¥100` (0).
    Money(String, u32),
    /// A percentage to one decimal: `8.8%`.
    Percent,
    /// A percentage with up to two decimals and no trailing zeros: `8%`, `0.5%`.
    PercentPlain,
    /// A number with at most this many decimals: `1,500`.
    Plain(u32),
    /// A number with exactly this many decimals: `7.0`.
    Fixed(u32),
}

#[cfg(target_arch = "wasm32")]
mod intl {
    use std::cell::RefCell;

    use js_sys::{Array, Function, Intl, Object, Reflect};
    use wasm_bindgen::JsValue;

    use super::Style;
    use crate::i18n::Lang;

    thread_local! {
        /// The `format` function of an `Intl.NumberFormat` for each language and style, made the
        /// first time it is needed and kept: a cache, so that writing a figure never builds a
        /// formatter. A page needs a few dozen at most, so a list is searched, not hashed.
        static FORMATS: RefCell<Vec<(Lang, Style, Function)>> = const { RefCell::new(Vec::new()) };
    }

    fn formatter(lang: Lang, style: &Style) -> Function {
        let options = Object::new();
        let set = |key: &str, value: JsValue| {
            let _ = Reflect::set(&options, &JsValue::from_str(key), &value);
        };
        match style {
            Style::Money(currency, dp) => {
                set("style", "currency".into());
                set("currency", currency.as_str().into());
                set("currencyDisplay", "narrowSymbol".into());
                set("minimumFractionDigits", (*dp).into());
                set("maximumFractionDigits", (*dp).into());
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
            Style::Fixed(dp) => {
                set("minimumFractionDigits", (*dp).into());
                set("maximumFractionDigits", (*dp).into());
            }
        }
        let locales = Array::of1(&JsValue::from_str(lang.code()));
        Intl::NumberFormat::new(&locales, &options).format()
    }

    /// An ISO date (`2025-08-01`) written by `Intl.DateTimeFormat` for `lang` ("1 Aug 2025"),
    /// read and written in UTC so that no time zone moves the day; `None` if `Intl` refuses it.
    pub(super) fn date(lang: Lang, iso: &str) -> Option<String> {
        let options = Object::new();
        let _ = Reflect::set(&options, &"dateStyle".into(), &"medium".into());
        let _ = Reflect::set(&options, &"timeZone".into(), &"UTC".into());
        let locales = Array::of1(&JsValue::from_str(lang.code()));
        let when = js_sys::Date::new(&JsValue::from_str(iso));
        if when.get_time().is_nan() {
            return None;
        }
        Intl::DateTimeFormat::new(&locales, &options)
            .format()
            .call1(&JsValue::UNDEFINED, &when)
            .ok()?
            .as_string()
    }

    /// `text` (a decimal) written by `Intl` for `lang` in `style`; `None` if `Intl` refuses it.
    pub(super) fn format(lang: Lang, style: Style, text: &str) -> Option<String> {
        let format = FORMATS.with(|cache| {
            let mut cache = cache.borrow_mut();
            match cache.iter().find(|(l, s, _)| *l == lang && *s == style) {
                Some((_, _, format)) => format.clone(),
                None => {
                    let format = formatter(lang, &style);
                    cache.push((lang, style, format.clone()));
                    format
                }
            }
        });
        format
            .call1(&JsValue::UNDEFINED, &JsValue::from_str(text))
            .ok()?
            .as_string()
    }
}

/// Off the web (native tests and tools) there is no `Intl`: figures are written plainly, with the
/// language's decimal separator, a percent sign or the currency's code.
#[cfg(not(target_arch = "wasm32"))]
mod intl {
    use super::Style;
    use crate::i18n::Lang;

    pub(super) fn date(_lang: Lang, iso: &str) -> Option<String> {
        Some(iso.to_owned())
    }

    pub(super) fn format(lang: Lang, style: Style, text: &str) -> Option<String> {
        let number = text.replace('.', &lang.separators().decimal.to_string());
        Some(match style {
            Style::Money(currency, _) => format!("{number} {currency}"),
            Style::Percent | Style::PercentPlain => format!("{number}%"),
            Style::Plain(_) | Style::Fixed(_) => number,
        })
    }
}

impl Style {
    /// The same request for [`english::number`].
    fn english(&self) -> english::Number<'_> {
        match self {
            Style::Money(currency, decimals) => english::Number::Money {
                currency,
                decimals: *decimals as usize,
            },
            Style::Percent => english::Number::Percent { min: 1, max: 1 },
            Style::PercentPlain => english::Number::Percent { min: 0, max: 2 },
            Style::Plain(dp) => english::Number::Plain { max: *dp as usize },
            Style::Fixed(dp) => english::Number::Fixed {
                decimals: *dp as usize,
            },
        }
    }
}

fn format(locale: &Locale, style: Style, value: Decimal) -> String {
    let text = value.to_string();
    if locale.lang == Lang::En {
        if let Some(written) = english::number(style.english(), &text) {
            return written;
        }
    }
    intl::format(locale.lang, style, &text).unwrap_or(text)
}

/// Money in `currency`, rounded to the cent: `¥1,240.00`; in the currency the locale shows
/// `currency`'s amounts in, converted ([`Locale::shown`]) and then rounded.
pub fn money(locale: &Locale, value: Decimal, currency: &str) -> String {
    money_places(locale, value, currency, 2)
}

/// Money as [`money`] writes it, with exactly `dp` decimals: `¥2,000` (0) for an axis label.
pub fn money_places(locale: &Locale, value: Decimal, currency: &str, dp: u32) -> String {
    let (value, currency) = locale.shown(value, currency);
    format(
        locale,
        Style::Money(currency.to_owned(), dp),
        round_to(value, dp),
    )
}

/// The decimals of `currency`'s smallest unit (ISO 4217's minor unit): 2 for the cent, 0 for
/// currencies without one (KRW, JPY…), 3 for the dinars that count in thousandths. What `Intl`
/// writes by default for the currency; a table, so that native code and tests agree with it.
pub fn minor_units(currency: &str) -> u32 {
    const NONE: &[&str] = &[
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND",
        "VUV", "XAF", "XOF", "XPF",
    ];
    const THOUSANDTHS: &[&str] = &["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];
    if NONE.contains(&currency) {
        0
    } else if THOUSANDTHS.contains(&currency) {
        3
    } else {
        2
    }
}

/// A price as a seller would type it: rounded up to `currency`'s smallest unit ([`minor_units`]),
/// so that a price that meets a target still meets it (`13.9650` → `13.97`; `12345.2` KRW →
/// `12346`).
pub fn price_up_to_unit(value: Decimal, currency: &str) -> Decimal {
    sellercalc_engine::decimal::price_up_to(value, minor_units(currency))
}

/// A price in its own currency (never converted: it is what goes into a price input), with that
/// currency's decimals: `$13.97`, `₩12,346`.
pub fn price(locale: &Locale, value: Decimal, currency: &str) -> String {
    let dp = minor_units(currency);
    format(
        locale,
        Style::Money(currency.to_owned(), dp),
        round_to(value, dp),
    )
}

/// A round amount in the currency the locale shows `currency`'s amounts in, not converted (the
/// 100 of "per ¥100"): `¥100`, or `$100` while results show in USD.
pub fn money_whole(locale: &Locale, value: Decimal, currency: &str) -> String {
    let shown = locale.display_currency(currency).to_owned();
    format(locale, Style::Money(shown, 0), round_to(value, 0))
}

/// `value` written as money in the currency the locale shows `currency`'s amounts in, not
/// converted: for a figure that is the same in any currency (4.19 of profit a month per 100 tied
/// up).
pub fn money_as_shown(locale: &Locale, value: Decimal, currency: &str) -> String {
    let shown = locale.display_currency(currency).to_owned();
    format(locale, Style::Money(shown, 2), round_to(value, 2))
}

/// An ISO date (`2025-08-01`) as the locale writes it ("1 Aug 2025"); the ISO text itself off
/// the web or when it does not read.
pub fn date(locale: &Locale, iso: &str) -> String {
    if locale.lang == Lang::En {
        if let Some(written) = english::date(iso) {
            return written;
        }
    }
    intl::date(locale.lang, iso).unwrap_or_else(|| iso.to_owned())
}

/// A percentage given in percent (8.8 → `8.8%`), to one decimal.
pub fn percent(locale: &Locale, value: Decimal) -> String {
    let fraction = value.checked_div(Decimal::ONE_HUNDRED).unwrap_or_default();
    format(locale, Style::Percent, round_to(fraction, 3))
}

/// A percentage given in percent, as a rule states it: up to two decimals, no trailing zeros
/// (8 → `8%`, 0.5 → `0.5%`; `8 %` in French).
pub fn percent_plain(locale: &Locale, value: Decimal) -> String {
    let fraction = value.checked_div(Decimal::ONE_HUNDRED).unwrap_or_default();
    format(locale, Style::PercentPlain, round_to(fraction, 4))
}

/// A plain number with at most `dp` decimals: `1,500`.
pub fn number(locale: &Locale, value: Decimal, dp: u32) -> String {
    format(locale, Style::Plain(dp), round_to(value, dp))
}

/// A number with exactly `dp` decimals, for figures compared side by side: `7.0`, `6.9`.
pub fn fixed(locale: &Locale, value: Decimal, dp: u32) -> String {
    let mut value = round_to(value, dp);
    // Its text keeps the trailing zeros too ("7.0"), where `Intl` is not there to add them.
    value.rescale(dp);
    format(locale, Style::Fixed(dp), value)
}

/// A canonical decimal text from the engine ("12.99", "1000000000") written for the locale, with
/// every decimal it has: for numbers quoted in messages. Text that is not a number comes back as
/// it is.
pub fn canonical(locale: &Locale, text: &str) -> String {
    match text.parse::<Decimal>() {
        Ok(value) => number(locale, value, value.scale().min(20)),
        Err(_) => text.to_owned(),
    }
}

/// A value as it sits in an input for the user to edit: every decimal, no grouping, and the
/// language's decimal separator (`0.5`, `0,5` in French), the way the user would type it.
pub fn editable(locale: &Locale, value: Decimal) -> String {
    editable_text(locale.lang, &plain_text(value))
}

/// A canonical decimal text ("1234.5", as stored, linked and exported) written the way a user
/// types it in `lang` ("1234,5" in French); any other text unchanged, so nothing typed is lost.
/// The one way the page shows a plain decimal in its language ([`editable`] for a `Decimal`).
pub fn editable_text(lang: crate::i18n::Lang, canonical: &str) -> String {
    let decimal = separators(lang).decimal;
    if decimal != '.'
        && canonical
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        && sellercalc_engine::decimal::parse_decimal(canonical).is_ok()
    {
        canonical.replace('.', &decimal.to_string())
    } else {
        canonical.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Conversion, Lang};

    #[test]
    fn an_editable_value_has_every_decimal_and_the_languages_separator() {
        let value = Decimal::new(12345, 4);
        assert_eq!(editable(&Locale::new(Lang::En), value), "1.2345");
        assert_eq!(editable(&Locale::new(Lang::Fr), value), "1,2345");
        assert_eq!(editable_text(Lang::Fr, "12.5"), "12,5");
        assert_eq!(editable_text(Lang::Fr, "-0.5"), "-0,5");
        assert_eq!(editable_text(Lang::En, "12.5"), "12.5");
        // What the user typed their own way, and text that is not a number, stay as they are.
        assert_eq!(editable_text(Lang::Fr, "1 234.5"), "1 234.5");
        assert_eq!(editable_text(Lang::Fr, "abc.d"), "abc.d");
        assert_eq!(editable_text(Lang::Fr, "1.2.3"), "1.2.3");
        assert_eq!(
            editable(&Locale::new(Lang::Ko), Decimal::from(1500)),
            "1500"
        );
    }

    #[test]
    fn prices_round_up_to_the_currencys_smallest_unit() {
        assert_eq!(minor_units("USD"), 2);
        assert_eq!(minor_units("KRW"), 0);
        assert_eq!(minor_units("KWD"), 3);
        let exact = Decimal::new(13_965_010, 6);
        assert_eq!(price_up_to_unit(exact, "USD"), Decimal::new(1397, 2));
        assert_eq!(
            price_up_to_unit(Decimal::new(123_452, 1), "KRW"),
            Decimal::from(12_346)
        );
        // A price already in whole units stays as it is.
        assert_eq!(
            price_up_to_unit(Decimal::new(1300, 2), "USD"),
            Decimal::new(1300, 2)
        );
        // English is written as Intl writes it (format::english), natively too.
        assert_eq!(
            price(&Locale::new(Lang::En), Decimal::from(12_346), "KRW"),
            "₩12,346"
        );
    }

    #[test]
    fn figures_side_by_side_have_the_same_decimals() {
        let en = Locale::new(Lang::En);
        assert_eq!(fixed(&en, Decimal::from(7), 1), "7.0");
        assert_eq!(fixed(&en, Decimal::new(695, 2), 1), "7.0");
        assert_eq!(fixed(&en, Decimal::new(69, 1), 1), "6.9");
    }

    #[test]
    fn money_is_converted_before_it_is_rounded() {
        let locale = Locale::new(Lang::En).showing(Some(Conversion {
            from: "CNY".into(),
            to: "USD".into(),
            rate: Decimal::new(72, 1),
        }));
        // 100 ÷ 7.2 = 13.888…, rounded once: 13.89.
        assert_eq!(money(&locale, Decimal::ONE_HUNDRED, "CNY"), "$13.89");
        assert_eq!(money(&locale, Decimal::ONE_HUNDRED, "EUR"), "€100.00");
        assert_eq!(
            money(&Locale::new(Lang::Fr), Decimal::new(1299, 2), "USD"),
            "12,99 USD"
        );
    }
}
