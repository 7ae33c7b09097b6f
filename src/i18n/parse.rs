//! Reading numbers the way people type them, in their locale, into the engine's canonical decimal
//! text (`1234.50`): pure Rust, so it tests natively.
//!
//! The rules, given the locale's decimal and group separators (from `Intl.NumberFormat`):
//!
//! - Spaces (plain, no-break, narrow no-break, thin) and apostrophes only ever group digits, in
//!   every locale (`1 234,50` in French, `1'234.50` Swiss style). Chinese full-width digits and
//!   punctuation (`１２．５`) count as their ASCII forms.
//! - A grouped number has groups of exactly three digits after a first group of one to three
//!   that does not start with 0, and no grouping after the decimal separator.
//! - If the text is valid under the locale's own convention, that is its meaning, even where
//!   another convention would read it differently: `1,234` is 1234 in English and 1.234 in
//!   French; `1.234` is 1234 in Spanish and 1.234 in English. The user's own locale is the best
//!   guess, and the page shows the figure back to them formatted the same way.
//! - Otherwise every other reading (`.` or `,` as the decimal, the other or a space as the group)
//!   is tried. Two different values are [`NumberIssue::Ambiguous`] with both (`1.234` in French:
//!   1.234 or 1234). One value is accepted only when the separators it uses mean nothing in the
//!   locale (`12.5` in French, where `.` is neither decimal nor group, can only be 12.5); when they
//!   do mean something else there (`12,5` in English, where `,` groups thousands), it is
//!   [`NumberIssue::Ambiguous`] with that one reading, so the page asks rather than guesses.
//! - A leading `+` or `-` (or `−`), one currency symbol before or after (`¥ $ € £ ₩ ₺ R$ US$`, and
//!   `元` or `원` after) and a trailing `%` are accepted and dropped; the sign is kept. Any other
//!   letter or symbol is [`NumberIssue::NotANumber`]. Range checks stay with the engine.

use std::str::FromStr;

use rust_decimal::Decimal;

/// Why a typed text is not a number the page can use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberIssue {
    /// Nothing but spaces.
    Empty,
    /// Letters, stray symbols or separators in impossible places.
    NotANumber,
    /// More than one meaning, or one meaning that contradicts the locale; `suggestions` are the
    /// possible readings in canonical form (`["1.234", "1234"]`), smallest first, for the page to
    /// format in the locale and offer.
    Ambiguous {
        /// The possible readings, canonical (`.` for decimals, no grouping).
        suggestions: Vec<String>,
    },
}

/// A locale's decimal and group separators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Separators {
    /// The decimal separator: `.` or `,`.
    pub decimal: char,
    /// The group separator: `,`, `.`, a space (French uses U+202F) or an apostrophe.
    pub group: char,
}

/// A separator, with every kind of space and apostrophe folded into one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Dot,
    Comma,
    Space,
    Apostrophe,
}

impl Mark {
    fn of(c: char) -> Option<Mark> {
        match c {
            '.' => Some(Mark::Dot),
            ',' => Some(Mark::Comma),
            ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}' => Some(Mark::Space),
            '\'' | '\u{2019}' => Some(Mark::Apostrophe),
            _ => None,
        }
    }

    /// Spaces and apostrophes group digits in every locale.
    fn always_groups(self) -> bool {
        matches!(self, Mark::Space | Mark::Apostrophe)
    }
}

/// One character of the number's body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token {
    Digit(char),
    Mark(Mark),
}

/// Full-width forms that Chinese input methods produce, as ASCII.
fn half_width(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' => '.',
        '，' => ',',
        '％' => '%',
        '＋' => '+',
        '－' | '\u{2212}' => '-',
        '￥' => '¥',
        '＄' => '$',
        '\u{3000}' => ' ',
        _ => c,
    }
}

const PREFIXES: &[&str] = &["R$", "US$", "¥", "$", "€", "£", "₩", "₺"];
const SUFFIXES: &[&str] = &["%", "R$", "US$", "¥", "$", "€", "£", "₩", "₺", "元", "원"];

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}')
}

/// The sign and the bare number, without surrounding spaces, currency or percent.
fn strip_affixes(text: &str) -> Result<(bool, &str), NumberIssue> {
    let mut rest = text.trim_matches(is_space);
    let mut negative = false;
    let mut signed = false;
    let mut take_sign = |rest: &mut &str| {
        if signed {
            return;
        }
        if let Some(after) = rest.strip_prefix('-') {
            negative = true;
            signed = true;
            *rest = after.trim_start_matches(is_space);
        } else if let Some(after) = rest.strip_prefix('+') {
            signed = true;
            *rest = after.trim_start_matches(is_space);
        }
    };
    take_sign(&mut rest);
    let prefix = PREFIXES.iter().find_map(|p| rest.strip_prefix(p));
    if let Some(after) = prefix {
        rest = after.trim_start_matches(is_space);
        take_sign(&mut rest);
    }
    if let Some(before) = SUFFIXES.iter().find_map(|s| rest.strip_suffix(s)) {
        if prefix.is_some() {
            return Err(NumberIssue::NotANumber);
        }
        rest = before.trim_end_matches(is_space);
    }
    Ok((negative, rest))
}

/// The number under one convention: `decimal` separates the fraction, `group` (if any) groups
/// thousands, and no other separator may appear. `None` when the text breaks the convention.
fn read(tokens: &[Token], decimal: Mark, group: Option<Mark>) -> Option<String> {
    let split = tokens.iter().position(|t| *t == Token::Mark(decimal));
    let (whole, fraction) = match split {
        Some(i) => (&tokens[..i], Some(&tokens[i + 1..])),
        None => (tokens, None),
    };
    let mut fraction_digits = String::new();
    for token in fraction.unwrap_or(&[]) {
        match token {
            Token::Digit(d) => fraction_digits.push(*d),
            Token::Mark(_) => return None,
        }
    }
    let mut groups: Vec<String> = vec![String::new()];
    for token in whole {
        match token {
            Token::Digit(d) => groups.last_mut()?.push(*d),
            Token::Mark(m) if Some(*m) == group => groups.push(String::new()),
            Token::Mark(_) => return None,
        }
    }
    if groups.len() > 1 {
        let first = &groups[0];
        let first_ok = (1..=3).contains(&first.len()) && !first.starts_with('0');
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
    }
    let whole_digits: String = groups.concat();
    if whole_digits.is_empty() && fraction_digits.is_empty() {
        return None;
    }
    let mut canonical = if whole_digits.is_empty() {
        "0".to_owned()
    } else {
        whole_digits
    };
    if !fraction_digits.is_empty() {
        canonical.push('.');
        canonical.push_str(&fraction_digits);
    }
    Some(canonical)
}

/// Turns what the user typed into the engine's canonical decimal text (`1234.50`), given the
/// locale's `decimal` and `group` separators. See the module docs for the rules.
pub fn normalize_number(text: &str, decimal: char, group: char) -> Result<String, NumberIssue> {
    let text: String = text.chars().map(half_width).collect();
    if text.trim_matches(is_space).is_empty() {
        return Err(NumberIssue::Empty);
    }
    let (negative, body) = strip_affixes(&text)?;
    let tokens: Vec<Token> = body
        .chars()
        .map(|c| match c {
            '0'..='9' => Some(Token::Digit(c)),
            _ => Mark::of(c).map(Token::Mark),
        })
        .collect::<Option<_>>()
        .ok_or(NumberIssue::NotANumber)?;
    if !tokens.iter().any(|t| matches!(t, Token::Digit(_))) {
        return Err(NumberIssue::NotANumber);
    }
    let present = |mark: Mark| tokens.contains(&Token::Mark(mark));
    // A space or apostrophe in the text is its group separator, whatever the locale.
    let spacing = [Mark::Space, Mark::Apostrophe]
        .into_iter()
        .find(|m| present(*m));

    let locale_decimal = match decimal {
        ',' => Mark::Comma,
        _ => Mark::Dot,
    };
    let locale_group = Mark::of(group).filter(|m| *m != locale_decimal);
    let locale_reading = {
        let group = spacing.or(locale_group.filter(|m| !m.always_groups()));
        read(&tokens, locale_decimal, group)
    };
    let signed = |canonical: String| {
        if negative {
            format!("-{canonical}")
        } else {
            canonical
        }
    };
    if let Some(canonical) = locale_reading {
        return Ok(signed(canonical));
    }

    let mut readings: Vec<String> = Vec::new();
    for decimal in [Mark::Dot, Mark::Comma] {
        let groups = [Mark::Dot, Mark::Comma]
            .into_iter()
            .filter(|g| *g != decimal)
            .map(Some)
            .chain([spacing, None]);
        for group in groups {
            if let Some(canonical) = read(&tokens, decimal, group) {
                if !readings.contains(&canonical) {
                    readings.push(canonical);
                }
            }
        }
    }
    let value = |s: &String| Decimal::from_str(s).unwrap_or(Decimal::MAX);
    readings.sort_by_key(value);
    // Several readings that are the same number ("1.50" and "1.5" cannot both arise, but "0.5"
    // and ".5" fold to one) count once.
    readings.dedup_by_key(|s| value(s));

    let means_something_here = |mark: Mark| mark == locale_decimal || Some(mark) == locale_group;
    let foreign_only = [Mark::Dot, Mark::Comma]
        .into_iter()
        .filter(|m| present(*m))
        .all(|m| !means_something_here(m));
    match readings.len() {
        0 => Err(NumberIssue::NotANumber),
        1 if foreign_only => Ok(signed(readings.remove(0))),
        _ => Err(NumberIssue::Ambiguous {
            suggestions: readings.into_iter().map(signed).collect(),
        }),
    }
}

/// How many decimal places a canonical number has (`"12.50"` → 2), to format a suggestion with
/// all of its digits.
pub fn decimal_places(canonical: &str) -> u32 {
    canonical
        .split_once('.')
        .map_or(0, |(_, fraction)| fraction.len() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: (char, char) = ('.', ',');
    const FR: (char, char) = (',', '\u{202f}');
    const ES: (char, char) = (',', '.');

    #[track_caller]
    fn ok(locale: (char, char), text: &str, expected: &str) {
        assert_eq!(
            normalize_number(text, locale.0, locale.1),
            Ok(expected.to_owned()),
            "{text:?}"
        );
    }

    #[track_caller]
    fn ambiguous(locale: (char, char), text: &str, expected: &[&str]) {
        let suggestions = expected.iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(
            normalize_number(text, locale.0, locale.1),
            Err(NumberIssue::Ambiguous { suggestions }),
            "{text:?}"
        );
    }

    #[track_caller]
    fn not_a_number(locale: (char, char), text: &str) {
        assert_eq!(
            normalize_number(text, locale.0, locale.1),
            Err(NumberIssue::NotANumber),
            "{text:?}"
        );
    }

    #[test]
    fn english_reads_its_own_grouping_and_asks_about_commas_that_are_not() {
        ok(EN, "1,234.50", "1234.50");
        ok(EN, "1234.5", "1234.5");
        // The locale's own grouping wins: documented choice.
        ok(EN, "1,234", "1234");
        ok(EN, "1,234,567.89", "1234567.89");
        ok(EN, "1.234", "1.234");
        ok(EN, "0.5", "0.5");
        ok(EN, ".5", "0.5");
        ok(EN, "5.", "5");
        ok(EN, "25", "25");
        // A comma not followed by exactly three digits is no grouping: a European may mean 12.5.
        ambiguous(EN, "12,5", &["12.5"]);
        ambiguous(EN, "12,50", &["12.50"]);
        ambiguous(EN, "0,123", &["0.123"]);
        // Continental order in an English locale: one reading, but it contradicts the locale.
        ambiguous(EN, "1.234,5", &["1234.5"]);
        not_a_number(EN, "1,2,3");
        not_a_number(EN, "1,234,5");
        not_a_number(EN, "1.2.3");
    }

    #[test]
    fn chinese_and_korean_follow_the_english_convention() {
        // zh-CN and ko use the same separators as en.
        ok(EN, "１２．５", "12.5");
        ok(EN, "１，２３４", "1234");
        ok(EN, "25元", "25");
        ok(EN, "₩12,000", "12000");
        ok(EN, "12,000원", "12000");
        ok(EN, "￥25.00", "25.00");
    }

    #[test]
    fn french_reads_spaces_and_a_decimal_comma() {
        ok(FR, "1\u{202f}234,50", "1234.50");
        ok(FR, "1\u{a0}234,50", "1234.50");
        ok(FR, "1 234,50", "1234.50");
        ok(FR, "12,5", "12.5");
        ok(FR, "1,234", "1.234");
        ok(FR, "1'234,5", "1234.5");
        ok(FR, "12,99 €", "12.99");
        ok(FR, "8 %", "8");
        // A dot means nothing in French: followed by other than three digits it can only be a
        // decimal point typed on an English keyboard.
        ok(FR, "12.5", "12.5");
        ok(FR, "1 234.5", "1234.5");
        ok(FR, "1.234.567", "1234567");
        // Followed by three digits it may be either.
        ambiguous(FR, "1.234", &["1.234", "1234"]);
        // English order uses the French decimal comma as a group: ask.
        ambiguous(FR, "1,234.50", &["1234.50"]);
        not_a_number(FR, "1 234.567,8");
        not_a_number(FR, "12 5");
    }

    #[test]
    fn spanish_and_portuguese_group_with_dots() {
        ok(ES, "1.234,50", "1234.50");
        ok(ES, "1.234", "1234");
        ok(ES, "1,5", "1.5");
        ok(ES, "R$ 12,99", "12.99");
        ok(ES, "12,99 R$", "12.99");
        ok(ES, "1 234,5", "1234.5");
        // A dot not followed by three digits is no grouping: an English-style decimal.
        ambiguous(ES, "12.5", &["12.5"]);
        ambiguous(ES, "1,234.50", &["1234.50"]);
        ambiguous(ES, ".5", &["0.5"]);
        ok(ES, ",5", "0.5");
    }

    #[test]
    fn signs_symbols_and_spaces() {
        ok(EN, "  12.5  ", "12.5");
        ok(EN, "-3", "-3");
        ok(EN, "+3", "3");
        ok(EN, "−3", "-3");
        ok(EN, "-$5", "-5");
        ok(EN, "$-5", "-5");
        ok(EN, "US$12.99", "12.99");
        ok(EN, "8%", "8");
        ok(EN, "£1,299", "1299");
        ambiguous(EN, "-12,5", &["-12.5"]);
        not_a_number(EN, "--5");
        not_a_number(EN, "5-");
        not_a_number(EN, "$5%");
        not_a_number(EN, "12abc");
        not_a_number(EN, "1e5");
        not_a_number(EN, "CNY 25");
        not_a_number(EN, "$");
        not_a_number(EN, ".");
        not_a_number(EN, "%");
        assert_eq!(normalize_number("", '.', ','), Err(NumberIssue::Empty));
        assert_eq!(
            normalize_number(" \u{a0} ", '.', ','),
            Err(NumberIssue::Empty)
        );
    }

    #[test]
    fn the_engine_accepts_every_canonical_result() {
        for (locale, text) in [(EN, "1,234.50"), (FR, "1 234,5"), (ES, ",5"), (EN, "-$5")] {
            let canonical = normalize_number(text, locale.0, locale.1).unwrap();
            assert!(
                sellercalc_engine::decimal::parse_decimal(&canonical).is_ok(),
                "{canonical}"
            );
        }
    }

    #[test]
    fn counts_decimal_places() {
        assert_eq!(decimal_places("12.50"), 2);
        assert_eq!(decimal_places("1234"), 0);
    }
}
