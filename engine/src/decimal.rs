//! Exact decimal helpers: parsing user text, overflow-checked arithmetic and the one rounding rule.
//!
//! Every amount is computed unrounded. Output rounds once, half away from zero ("commercial"
//! rounding): money to 2 decimal places, break-even prices to 4 (so that a price entered at that
//! precision breaks even to the cent), days to whole days.

use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::error::Problem;

/// Arithmetic went beyond what a 96-bit decimal can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overflow;

/// The most characters a number's text may have (after trimming): enough for 20 digits, a
/// decimal point, 20 decimal places, a sign and room to spare. Longer text is refused before any
/// parsing, so no text costs more than this to read.
pub const MAX_NUMBER_CHARS: usize = 64;

/// The most digits a number may have before its decimal point (leading zeros aside).
pub const MAX_INT_DIGITS: u32 = 20;

/// The most decimal places a number may have (trailing zeros aside).
pub const MAX_PLACES: u32 = 20;

/// Why a text is not a usable decimal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// Nothing but whitespace.
    Empty,
    /// Not of the form `123`, `-1.5` or `.25`.
    Invalid,
    /// Longer than [`MAX_NUMBER_CHARS`]: refused without being read.
    TooLong,
    /// Well-formed, but more than [`MAX_INT_DIGITS`] digits before the decimal point.
    TooLarge,
    /// Well-formed, but more than [`MAX_PLACES`] decimal places.
    TooPrecise,
}

impl ParseError {
    /// The problem to report at the field the text was typed in.
    pub fn problem(self) -> Problem {
        match self {
            ParseError::Empty => Problem::Required,
            ParseError::Invalid => Problem::NotANumber,
            ParseError::TooLong => Problem::TooLong {
                max_chars: MAX_NUMBER_CHARS,
            },
            ParseError::TooLarge => Problem::TooManyDigits {
                max_digits: MAX_INT_DIGITS,
            },
            ParseError::TooPrecise => Problem::TooPrecise { places: MAX_PLACES },
        }
    }
}

/// Parses a plain decimal such as `12.99`, `-3` or `.5` (a dot for decimals, no separators).
///
/// Bounded in time and stack whatever the text: the length is checked first, and the digits
/// reach `Decimal::from_str` (which recurses once per digit) only once they are known to be at
/// most [`MAX_INT_DIGITS`] + 28 long, leading zeros dropped.
pub fn parse_decimal(text: &str) -> Result<Decimal, ParseError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ParseError::Empty);
    }
    if text.len() > MAX_NUMBER_CHARS {
        return Err(ParseError::TooLong);
    }
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let mut dots = 0;
    let mut has_digit = false;
    for c in digits.chars() {
        match c {
            '0'..='9' => has_digit = true,
            '.' => dots += 1,
            _ => return Err(ParseError::Invalid),
        }
    }
    if !has_digit || dots > 1 {
        return Err(ParseError::Invalid);
    }
    let (int_digits, frac_digits) = digits.split_once('.').unwrap_or((digits, ""));
    let int_digits = int_digits.trim_start_matches('0');
    if int_digits.len() > MAX_INT_DIGITS as usize {
        return Err(ParseError::TooLarge);
    }
    if frac_digits.trim_end_matches('0').len() > MAX_PLACES as usize {
        return Err(ParseError::TooPrecise);
    }
    // Trailing zeros keep the scale as written ("12.50"), up to what a decimal can hold.
    let frac_digits = if frac_digits.len() > 28 {
        frac_digits.trim_end_matches('0')
    } else {
        frac_digits
    };
    let mut canonical = String::with_capacity(int_digits.len() + frac_digits.len() + 3);
    if negative {
        canonical.push('-');
    }
    canonical.push_str(if int_digits.is_empty() {
        "0"
    } else {
        int_digits
    });
    if !frac_digits.is_empty() {
        canonical.push('.');
        canonical.push_str(frac_digits);
    }
    Decimal::from_str(&canonical).map_err(|_| ParseError::TooLarge)
}

/// Parses the text of a JSON number, which may use an exponent (`1e21`).
pub fn parse_json_number(text: &str) -> Result<Decimal, ParseError> {
    if text.len() > MAX_NUMBER_CHARS {
        return Err(ParseError::TooLong);
    }
    if let Some((_, exponent)) = text.split_once(['e', 'E']) {
        let error = if exponent.starts_with('-') {
            ParseError::TooPrecise
        } else {
            ParseError::TooLarge
        };
        return Decimal::from_scientific(text).map_err(|_| error);
    }
    parse_decimal(text)
}

/// `a + b`, or [`Overflow`].
pub fn add(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    a.checked_add(b).ok_or(Overflow)
}

/// `a - b`, or [`Overflow`].
pub fn sub(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    a.checked_sub(b).ok_or(Overflow)
}

/// `a × b`, or [`Overflow`].
pub fn mul(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    a.checked_mul(b).ok_or(Overflow)
}

/// `a ÷ b`, or [`Overflow`] (also for division by zero, which callers rule out first).
pub fn div(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    // Dividing by exactly 1 (a policy in the cost currency) is `a` itself, as `checked_div` gives
    // it, at a fraction of the cost.
    if b.mantissa() == 1 && b.scale() == 0 {
        return Ok(a);
    }
    a.checked_div(b).ok_or(Overflow)
}

/// `pct` percent as a fraction: 8 → 0.08.
pub fn pct(pct: Decimal) -> Decimal {
    // A percentage is validated to at most 1000, so this never overflows. Two more decimal
    // places is the same number as `pct / 100`, without a division.
    let mut fraction = pct;
    match fraction.set_scale(pct.scale() + 2) {
        Ok(()) => fraction,
        Err(_) => pct / Decimal::ONE_HUNDRED,
    }
}

/// Rounds `value` to `dp` places, half away from zero, and shows exactly `dp` places.
pub fn round_to(value: Decimal, dp: u32) -> Decimal {
    let mut rounded = value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(dp);
    if rounded.is_zero() {
        rounded.set_sign_positive(true);
    }
    rounded
}

/// A price rounded up to the cent: the lowest price in cents that reaches its target (a
/// break-even price shown this way never loses money, a target-margin price never falls short).
pub fn price_up(value: Decimal) -> Decimal {
    price_up_to(value, 2)
}

/// A price rounded up to `places` decimals, for a currency whose smallest unit is not the cent
/// (0 places for the Korean won): the lowest price a seller can charge that reaches its target.
pub fn price_up_to(value: Decimal, places: u32) -> Decimal {
    value.round_dp_with_strategy(places, RoundingStrategy::ToPositiveInfinity)
}

/// The output text of a money amount: rounded once, to 2 places.
pub fn money_text(value: Decimal) -> String {
    fixed_text(value, 2)
}

/// `value` rounded to `dp` places and written with exactly `dp` places, even where the 96-bit
/// mantissa cannot hold the extra zeros (amounts near 10²⁸).
pub fn fixed_text(value: Decimal, dp: u32) -> String {
    let rounded = round_to(value, dp);
    let mut text = rounded.to_string();
    let missing = dp.saturating_sub(rounded.scale());
    if missing > 0 {
        if rounded.scale() == 0 {
            text.push('.');
        }
        text.extend(std::iter::repeat_n('0', missing as usize));
    }
    text
}

/// A number without trailing zeros, for rule texts and counts: `8.00` → `8`, `0.50` → `0.5`.
pub fn plain_text(value: Decimal) -> String {
    let mut normal = value.normalize();
    if normal.is_zero() {
        normal.set_sign_positive(true);
    }
    normal.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_decimals_only() {
        assert_eq!(parse_decimal(" 12.99 "), Ok(Decimal::new(1299, 2)));
        assert_eq!(parse_decimal(".5"), Ok(Decimal::new(5, 1)));
        assert_eq!(parse_decimal("-3"), Ok(Decimal::new(-3, 0)));
        assert_eq!(parse_decimal(""), Err(ParseError::Empty));
        for bad in [
            "abc", "1,5", "1.2.3", "1_000", "-", ".", "1e5", "NaN", "12 99",
        ] {
            assert_eq!(parse_decimal(bad), Err(ParseError::Invalid), "{bad}");
        }
        assert_eq!(parse_decimal(&"9".repeat(40)), Err(ParseError::TooLarge));
        let tiny = format!("0.{}1", "0".repeat(30));
        assert_eq!(parse_decimal(&tiny), Err(ParseError::TooPrecise));
        assert_eq!(parse_decimal("12.50").map(|d| d.scale()), Ok(2));
        assert_eq!(parse_decimal("-0007.5"), Ok(Decimal::new(-75, 1)));
        assert_eq!(parse_decimal("+.5"), Ok(Decimal::new(5, 1)));
        assert_eq!(
            parse_decimal(&format!("1.{}", "0".repeat(40))),
            Ok(Decimal::ONE)
        );
        assert_eq!(parse_json_number("1e-30"), Err(ParseError::TooPrecise));
    }

    /// Issue #14: a long run of zeros recursed once per zero in `Decimal::from_str` and
    /// overflowed the stack. Every text is now refused or read within a bounded cost.
    #[test]
    fn long_texts_are_refused_before_parsing() {
        assert_eq!(parse_decimal(&"0".repeat(6000)), Err(ParseError::TooLong));
        assert_eq!(
            parse_json_number(&"0".repeat(6000)),
            Err(ParseError::TooLong)
        );
        let zeros = "0".repeat(MAX_NUMBER_CHARS - 1);
        assert_eq!(parse_decimal(&format!("{zeros}1")), Ok(Decimal::ONE));
        assert_eq!(
            parse_decimal(&format!("0.{}", "0".repeat(60))),
            Ok(Decimal::ZERO)
        );
        assert_eq!(
            parse_decimal(&"9".repeat(MAX_NUMBER_CHARS + 1)),
            Err(ParseError::TooLong)
        );
    }

    #[test]
    fn prices_round_up_to_their_smallest_unit() {
        let exact = Decimal::new(1_234_501, 2);
        assert_eq!(price_up(exact), exact);
        assert_eq!(
            price_up(Decimal::new(12_345_001, 3)),
            Decimal::new(1_234_501, 2)
        );
        assert_eq!(price_up_to(exact, 0), Decimal::from(12_346));
        assert_eq!(price_up_to(Decimal::from(12_345), 0), Decimal::from(12_345));
    }

    #[test]
    fn json_numbers_may_use_exponents() {
        assert_eq!(parse_json_number("1e3"), Ok(Decimal::new(1000, 0)));
        assert_eq!(parse_json_number("1e300"), Err(ParseError::TooLarge));
    }

    #[test]
    fn rounds_half_away_from_zero_once() {
        assert_eq!(money_text(Decimal::new(12345, 3)), "12.35");
        assert_eq!(money_text(Decimal::new(-12345, 3)), "-12.35");
        assert_eq!(money_text(Decimal::new(75, 1)), "7.50");
        assert_eq!(money_text(Decimal::new(-1, 3)), "0.00");
        assert_eq!(plain_text(Decimal::new(800, 2)), "8");
        let huge = Decimal::from_str("16669000000000001140067920500").unwrap();
        assert_eq!(money_text(huge), "16669000000000001140067920500.00");
    }
}
