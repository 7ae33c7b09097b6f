//! The engine's English: every sentence its errors and warnings are said in, as templates whose
//! values are marked `{0}`, `{1}`…, as the rules' are (`rule::english_template`).
//!
//! English has this one source. The JSON output fills the templates with plain figures
//! (`FieldError::english`, `Warning::english`); the page's English table (`src/i18n/en.rs`) takes
//! the same templates and fills them with figures written the page's way; the other languages
//! translate them by field name. Where the page, beside the field concerned, says less than a
//! message read on its own needs (no field path, no list of allowed values), its shorter sentence
//! is here too, under "said beside a field".

// Said by the JSON output and the page alike.

/// A required number is missing.
pub const REQUIRED: &str = "Enter a number.";
/// {0}: the most characters a number may have.
pub const TOO_LONG: &str = "Too long: a number here has at most {0} characters.";
/// More digits than the arithmetic keeps.
pub const TOO_LARGE_TO_CALCULATE: &str = "This number is too large to calculate with.";
/// {0}: the most decimal places.
pub const TOO_PRECISE: &str = "Too many decimal places: use at most {0}.";
/// Below zero.
pub const NEGATIVE: &str = "Cannot be negative.";
/// Zero or below where only more than zero makes sense.
pub const NOT_POSITIVE: &str = "Must be more than 0.";
/// A percentage of an input above 100.
pub const TOO_LARGE_PERCENT: &str = "Must be a percentage from 0 to 100.";
/// {0}: the largest value (with its unit where it has one).
pub const TOO_LARGE: &str = "Too large: this field takes at most {0}.";
/// A rate other than 1 between a currency and itself.
pub const INCONSISTENT_RATE: &str =
    "Costs and prices are in the same currency, so the rate must be 1.";
/// `destination` and `destinations` both given.
pub const DESTINATION_AND_MIX: &str = "Give one destination or a mix of destinations, not both.";
/// {0}: the market; {1}: its first place in the list.
pub const DUPLICATE_MARKET: &str = "{0} is already in the mix, at destinations[{1}].";
/// {0}: the shares' total, in percent.
pub const SHARES_NOT_HUNDRED: &str =
    "The markets' shares add up to {0}%: they must add up to 100%.";
/// {0}: the shipping line; {1}: the market it has no rates for.
pub const LINE_MISSES_MARKET: &str =
    "{0} has no rates for {1}: choose another shipping line, or another market.";
/// {0}: the shipping line and its model; {1}: its weight limit with the unit.
pub const ABOVE_WEIGHT_LIMIT: &str = "Over the limit of {0}: it takes parcels up to {1}.";
/// {0}: the shipping line and its model; {1}: its limit on a side with the unit.
pub const ABOVE_SIDE_LIMIT: &str = "Over the limit of {0}: it takes sides up to {1}.";
/// {0}: the shipping line and its model; {1}: its weight limit with the unit.
pub const ABOVE_VOLUME_LIMIT: &str = "By volume this parcel weighs more than {0} takes: up to {1}.";

// Said beside a field (the page), where the field and its choices are in view.

/// {0}: the market; {1}: its place in the mix, counted from 1.
pub const DUPLICATE_MARKET_BESIDE: &str = "{0} is already in the mix, as market {1}.";
/// A mix with no market.
pub const MIX_EMPTY: &str = "Add at least one market.";
/// A market row left unchosen.
pub const MARKET_REQUIRED: &str = "Choose a market.";
/// {0}, {1}: two numbers written the page's way.
pub const NOT_A_NUMBER: &str = "Enter a number, such as {0} or {1}.";
/// A value of the wrong kind.
pub const WRONG_TYPE: &str = "Enter a valid value.";
/// A value not in the list.
pub const UNKNOWN_VALUE: &str = "Choose one of the listed options.";
/// A field the scenario does not have.
pub const UNKNOWN_FIELD: &str = "Unknown field: check its spelling.";
/// Values that cannot all hold.
pub const INCONSISTENT: &str = "These values contradict each other.";
/// A model's figures beyond the arithmetic.
pub const OVERFLOW: &str = "The figures are too large to calculate exactly.";
/// A model's figures beyond the cent, with other fields.
pub const BEYOND_CENTS: &str =
    "Too large together with the other fields marked: the figures would lose the cent.";
/// {0}: the one reading of a number typed as a slip.
pub const AMBIGUOUS_ONE: &str = "Did you mean {0}? Type it that way to be sure.";
/// {0}, {1}: the two readings of a number.
pub const AMBIGUOUS_TWO: &str = "Did you mean {0} or {1}? Type it the way you mean it.";
/// {0}: the supply price; {1}: the retail price.
pub const SUPPLY_ABOVE_RETAIL: &str =
    "{0} is above the retail price it would sell at ({1}): check the price AliExpress offers you.";
/// Monthly units with a fraction.
pub const FRACTIONAL_VOLUME: &str = "A fraction of a unit a month: it is used as typed.";
/// {0}: the estimated supply price; {1}: its share of the retail price.
pub const ESTIMATED: &str =
    "Estimated at {0}, {1} of the retail price: enter the price AliExpress offers you.";
/// The estimate, in a few words.
pub const ESTIMATED_SHORT: &str = "Estimated supply price";

/// `template` with `{i}` replaced by `values[i]`.
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut text = template.to_owned();
    for (i, value) in values.iter().enumerate() {
        text = text.replace(&format!("{{{i}}}"), value);
    }
    text
}
