//! How the page writes figures, as one value: its language and, when the user asks for results in
//! the sale currency, the conversion to it. The page provides it to every component through a
//! `ContextProvider<Locale>` ([`use_locale`]), and every function that writes a figure takes it
//! (`format::money(&locale, value, currency)`), so nothing about it is global.

use sellercalc_engine::Decimal;
use yew::AttrValue;

use super::Lang;

/// Amounts in one currency shown in another: the "Show results in USD" toggle.
#[derive(Clone, Debug, PartialEq)]
pub struct Conversion {
    /// The currency the amounts are in (the cost currency).
    pub from: AttrValue,
    /// The currency to show them in (the sale currency).
    pub to: AttrValue,
    /// Units of `from` that one unit of `to` buys (the scenario's exchange rate).
    pub rate: Decimal,
}

/// The page's locale: the language its words and figures are written in, and the currency its
/// amounts are shown in.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Locale {
    /// The page's language; its BCP 47 tag is the locale `Intl` writes figures for.
    pub lang: Lang,
    /// Amounts in `display.from` are shown in `display.to`; `None` shows each amount in its own
    /// currency.
    pub display: Option<Conversion>,
}

impl Locale {
    /// `lang`, with every amount in its own currency.
    pub fn new(lang: Lang) -> Self {
        Locale {
            lang,
            display: None,
        }
    }

    /// This locale, showing amounts through `conversion` (a zero rate converts nothing).
    pub fn showing(self, conversion: Option<Conversion>) -> Self {
        Locale {
            display: conversion.filter(|c| !c.rate.is_zero()),
            ..self
        }
    }

    /// The currency that amounts in `currency` are shown in, for captions such as
    /// "(per unit, USD)".
    pub fn display_currency<'a>(&'a self, currency: &'a str) -> &'a str {
        match &self.display {
            Some(c) if c.from == currency => &c.to,
            _ => currency,
        }
    }

    /// An amount in `currency` as it is shown, unrounded, with the currency it is shown in:
    /// divided by the rate when the page shows `currency`'s amounts in another.
    pub fn shown<'a>(&'a self, value: Decimal, currency: &'a str) -> (Decimal, &'a str) {
        match &self.display {
            Some(c) if c.from == currency => match value.checked_div(c.rate) {
                Some(converted) => (converted, &c.to),
                None => (value, currency),
            },
            _ => (value, currency),
        }
    }
}

/// The page's locale, from the nearest `ContextProvider<Locale>`; English, in each amount's own
/// currency, without one.
#[yew::hook]
pub fn use_locale() -> Locale {
    yew::use_context::<Locale>().unwrap_or_default()
}

/// The page's language, from the same context as [`use_locale`].
#[yew::hook]
pub fn use_lang() -> Lang {
    yew::use_context::<Locale>().map_or(Lang::En, |locale| locale.lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn in_usd(rate: Decimal) -> Locale {
        Locale::new(Lang::Fr).showing(Some(Conversion {
            from: "CNY".into(),
            to: "USD".into(),
            rate,
        }))
    }

    #[test]
    fn amounts_in_the_converted_currency_are_divided_by_the_rate() {
        let locale = in_usd(Decimal::new(72, 1));
        assert_eq!(
            locale.shown(Decimal::from(72), "CNY"),
            (Decimal::TEN, "USD")
        );
        assert_eq!(locale.display_currency("CNY"), "USD");
        // Amounts in any other currency are shown as they are.
        assert_eq!(
            locale.shown(Decimal::from(72), "EUR"),
            (Decimal::from(72), "EUR")
        );
        assert_eq!(locale.display_currency("USD"), "USD");
    }

    #[test]
    fn without_a_conversion_or_with_a_zero_rate_amounts_stay_in_their_currency() {
        for locale in [Locale::new(Lang::Fr), in_usd(Decimal::ZERO)] {
            assert_eq!(locale.display, None);
            assert_eq!(
                locale.shown(Decimal::from(72), "CNY"),
                (Decimal::from(72), "CNY")
            );
            assert_eq!(locale.display_currency("CNY"), "CNY");
        }
    }
}
