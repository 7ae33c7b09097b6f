//! English figures written in Rust, character for character as `Intl` writes them for `en`
//! (en-US): `-¥1,234.50`, `8.8%`, `1,500`, `Aug 1, 2025`, "a, b, and c", "Chinese Yuan".
//!
//! The page writes English through these on every target: the build-time prerender
//! (`src/bin/prerender.rs`) has no browser, and the app must show the very same text when it
//! replaces the prerendered page; in the browser they also spare the first render the cost of
//! creating `Intl` objects. A wasm test (`tests/wasm_english.rs`) holds them to the browser's
//! `Intl` over a sweep of values, currencies and dates.
//!
//! Numbers arrive as decimal text (`Decimal::to_string`, already rounded by the engine's rule) and
//! are handled as text, as `Intl.NumberFormat` handles a string: exactly, with its sign even on a
//! zero (`-0.00` → `-$0.00`), rounding half away from zero only past the maximum digits.

/// The narrow symbol `Intl` writes before an amount in English (`currencyDisplay:
/// "narrowSymbol"`), and the currency's English name (`Intl.DisplayNames`), for the currencies
/// the policy sets list and a few more a scenario may name.
const CURRENCIES: &[(&str, &str, &str)] = &[
    ("BRL", "R$", "Brazilian Real"),
    ("CNY", "¥", "Chinese Yuan"),
    ("EUR", "€", "Euro"),
    ("GBP", "£", "British Pound"),
    ("INR", "₹", "Indian Rupee"),
    ("JPY", "¥", "Japanese Yen"),
    ("KRW", "₩", "South Korean Won"),
    ("RUB", "₽", "Russian Ruble"),
    ("TRY", "₺", "Turkish Lira"),
    ("USD", "$", "US Dollar"),
];

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A decimal text split as `Intl` reads it: sign, integer digits, fraction digits.
struct Digits {
    negative: bool,
    int: Vec<u8>,
    frac: Vec<u8>,
}

impl Digits {
    fn parse(text: &str) -> Option<Digits> {
        let (negative, rest) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let (int, frac) = rest.split_once('.').unwrap_or((rest, ""));
        let digits = |s: &str| -> Option<Vec<u8>> {
            s.bytes()
                .map(|b| b.is_ascii_digit().then_some(b - b'0'))
                .collect()
        };
        let int = digits(int)?;
        let frac = digits(frac)?;
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        Some(Digits {
            negative,
            int,
            frac,
        })
    }

    /// Multiplied by 100 (a fraction shown as a percentage): the point moves two places.
    fn percent(mut self) -> Digits {
        for _ in 0..2 {
            let next = if self.frac.is_empty() {
                0
            } else {
                self.frac.remove(0)
            };
            self.int.push(next);
        }
        self
    }

    /// Rounded half away from zero to at most `max` decimals, then padded to at least `min`.
    fn fraction_digits(mut self, min: usize, max: usize) -> Digits {
        if self.frac.len() > max {
            let round_up = self.frac[max] >= 5;
            self.frac.truncate(max);
            if round_up {
                let mut carry = true;
                for d in self.frac.iter_mut().rev().chain(self.int.iter_mut().rev()) {
                    if *d == 9 {
                        *d = 0;
                    } else {
                        *d += 1;
                        carry = false;
                        break;
                    }
                }
                if carry {
                    self.int.insert(0, 1);
                }
            }
        }
        while self.frac.len() > min && self.frac.last() == Some(&0) {
            self.frac.pop();
        }
        while self.frac.len() < min {
            self.frac.push(0);
        }
        self
    }

    /// The digits with a comma between thousands and a point before the decimals.
    fn grouped(&self) -> String {
        let first = self.int.iter().position(|d| *d != 0);
        let int = match first {
            Some(i) => &self.int[i..],
            None => &[0][..],
        };
        let mut out = String::with_capacity(int.len() + int.len() / 3 + self.frac.len() + 1);
        for (i, d) in int.iter().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(char::from(b'0' + d));
        }
        if !self.frac.is_empty() {
            out.push('.');
            out.extend(self.frac.iter().map(|d| char::from(b'0' + d)));
        }
        out
    }
}

/// What `Intl.NumberFormat` is asked for: a style and its fraction digits.
pub enum Number<'a> {
    /// `style: "currency"`, `currencyDisplay: "narrowSymbol"`, exactly this many decimals.
    Money { currency: &'a str, decimals: usize },
    /// `style: "percent"` of a fraction (0.088 → `8.8%`), between `min` and `max` decimals.
    Percent { min: usize, max: usize },
    /// A plain number with at most `max` decimals.
    Plain { max: usize },
    /// A plain number with exactly this many decimals (`minimumFractionDigits` =
    /// `maximumFractionDigits`).
    Fixed { decimals: usize },
}

/// `text` (a decimal) written as `Intl.NumberFormat("en", …)` writes it; `None` if it is not a
/// decimal, or an amount in a currency this module does not know.
pub fn number(style: Number, text: &str) -> Option<String> {
    let digits = Digits::parse(text)?;
    let sign = if digits.negative { "-" } else { "" };
    Some(match style {
        Number::Money { currency, decimals } => {
            // A currency outside the table is left to `Intl` (its symbol may be shared, as
            // Mexico's `$`), so the figure is still written as the browser writes it.
            let symbol = symbol(currency)?;
            let body = digits.fraction_digits(decimals, decimals).grouped();
            format!("{sign}{symbol}{body}")
        }
        Number::Percent { min, max } => {
            let body = digits.percent().fraction_digits(min, max).grouped();
            format!("{sign}{body}%")
        }
        Number::Plain { max } => format!("{sign}{}", digits.fraction_digits(0, max).grouped()),
        Number::Fixed { decimals } => format!(
            "{sign}{}",
            digits.fraction_digits(decimals, decimals).grouped()
        ),
    })
}

fn symbol(currency: &str) -> Option<&'static str> {
    CURRENCIES
        .iter()
        .find(|(code, _, _)| *code == currency)
        .map(|(_, symbol, _)| *symbol)
}

/// A currency's English name as `Intl.DisplayNames` gives it (`CNY` → "Chinese Yuan"); `None`
/// for a code this table does not know.
pub fn currency_name(code: &str) -> Option<&'static str> {
    CURRENCIES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, _, name)| *name)
}

/// An ISO date (`2025-08-01`) as `Intl.DateTimeFormat("en", { dateStyle: "medium" })` writes
/// it: `Aug 1, 2025`; `None` unless it is a valid `YYYY-MM-DD`.
pub fn date(iso: &str) -> Option<String> {
    let mut parts = iso.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || year.len() != 4
        || month.len() != 2
        || day.len() != 2
        || ![year, month, day]
            .iter()
            .all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let (year, month, day): (u32, usize, u32) =
        (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&month) || day == 0 || day > days[month - 1] {
        return None;
    }
    Some(format!("{} {day}, {year}", MONTHS[month - 1]))
}

/// A day as `Intl.DateTimeFormat("en", { dateStyle: "long" })` writes it: `December 5, 2026`;
/// `month` from 1. For the printout's date: asking the browser would load its date data in the
/// app's first render (issue #17, lever 2).
pub fn long_date(year: u32, month: u32, day: u32) -> String {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let name = NAMES[(month.clamp(1, 12) - 1) as usize];
    format!("{name} {day}, {year}")
}

/// "a", "a and b", "a, b, and c": `Intl.ListFormat("en", { type: "conjunction" })`.
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(style: Number, text: &str, expected: &str) {
        assert_eq!(number(style, text).as_deref(), Some(expected), "{text}");
    }

    fn money(currency: &str) -> Number<'_> {
        Number::Money {
            currency,
            decimals: 2,
        }
    }

    // Expected values as Chromium's and Node's `Intl` write them for "en".
    #[test]
    fn money_has_the_narrow_symbol_thousands_separators_and_two_decimals() {
        check(money("CNY"), "1240", "¥1,240.00");
        check(money("USD"), "-1234567.5", "-$1,234,567.50");
        check(money("BRL"), "12.99", "R$12.99");
        check(money("KRW"), "999.999", "₩1,000.00");
        check(money("USD"), "-0.00", "-$0.00");
        // A currency the table does not know is left to `Intl`.
        assert_eq!(number(money("XYZ"), "1"), None);
        check(
            Number::Money {
                currency: "CNY",
                decimals: 0,
            },
            "100",
            "¥100",
        );
    }

    #[test]
    fn percentages_and_plain_numbers() {
        check(Number::Percent { min: 1, max: 1 }, "0.088", "8.8%");
        check(Number::Percent { min: 1, max: 1 }, "1", "100.0%");
        check(Number::Percent { min: 0, max: 2 }, "-0.0005", "-0.05%");
        check(Number::Percent { min: 0, max: 2 }, "0.08", "8%");
        check(Number::Plain { max: 0 }, "1000", "1,000");
        check(Number::Plain { max: 2 }, "12.50", "12.5");
        check(Number::Plain { max: 2 }, "0.005", "0.01");
        check(Number::Plain { max: 2 }, "-0", "-0");
        check(Number::Plain { max: 2 }, ".5", "0.5");
        check(
            Number::Plain { max: 20 },
            "123456789012345678901234.5678",
            "123,456,789,012,345,678,901,234.5678",
        );
        assert_eq!(number(Number::Plain { max: 2 }, "1e5"), None);
        assert_eq!(number(Number::Plain { max: 2 }, "-"), None);
    }

    #[test]
    fn dates_lists_and_names() {
        assert_eq!(date("2025-08-01").as_deref(), Some("Aug 1, 2025"));
        assert_eq!(date("2024-02-29").as_deref(), Some("Feb 29, 2024"));
        assert_eq!(date("2025-02-29"), None);
        assert_eq!(date("2025-8-1"), None);
        let items = |n: usize| -> Vec<String> {
            ["a", "b", "c"][..n].iter().map(|s| s.to_string()).collect()
        };
        assert_eq!(and_list(&items(1)), "a");
        assert_eq!(and_list(&items(2)), "a and b");
        assert_eq!(and_list(&items(3)), "a, b, and c");
        assert_eq!(currency_name("CNY"), Some("Chinese Yuan"));
        assert_eq!(currency_name("XYZ"), None);
    }
}
