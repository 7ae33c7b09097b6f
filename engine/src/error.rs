//! Errors that name the scenario field they concern, as data: a [`Problem`] with typed arguments,
//! the way a [`crate::Rule`] is an id with typed arguments. The engine words them in English
//! ([`FieldError::english`]); a page words the same problem in its own language from the variant
//! and its arguments, and never reads the English.

use rust_decimal::Decimal;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::decimal::plain_text;
use crate::english::{self, fill};
use crate::input::{Field, Input, Unit};
use crate::scenario::ModelKind;

/// What kind of problem a field has: the stable `code` of the JSON output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The field is present but empty.
    Required,
    /// The text is not a plain decimal number.
    NotANumber,
    /// The text is longer than any number or name the field could hold.
    TooLong,
    /// More decimal places than exact arithmetic keeps.
    TooPrecise,
    /// A number was expected, but the value is of another type (a list, an object, true/false).
    WrongType,
    /// A negative number where only zero or more makes sense.
    Negative,
    /// Zero or less where only a positive number makes sense (a price, an exchange rate).
    NotPositive,
    /// Larger than the field allows (a percentage above 100, an absurd amount).
    TooLarge,
    /// A name that is not in the policy set: a category, destination, currency, mode or policy.
    UnknownValue,
    /// A field the scenario format does not have.
    UnknownField,
    /// Values that contradict each other.
    Inconsistent,
    /// The figures are too large to compute exactly.
    Overflow,
}

/// What a field of the wrong type should have been.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Expected {
    /// A number (or a decimal string).
    Number,
    /// A name, as text.
    Text,
    /// `true` or `false`.
    Flag,
    /// An object with named fields.
    Object,
    /// A list.
    List,
}

/// Two or more values that cannot all hold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "conflict", rename_all = "snake_case")]
pub enum Conflict {
    /// An exchange rate other than 1 between a currency and itself.
    RateWithOneCurrency,
    /// `destination` and `destinations` given together (at `destination`): one market or a mix,
    /// not both.
    DestinationAndMix,
    /// A market listed twice in `destinations` (at the later one's `id`).
    DuplicateMarket {
        /// The market's code.
        market: String,
        /// The position of its first listing, from 0.
        first: usize,
    },
    /// The shares of `destinations` do not add up to 100 (at `destinations`).
    SharesNotHundred {
        /// What they add up to, in percent.
        total: Decimal,
    },
    /// POP's shipping line has no rates for a market the scenario sells to (at `pop.shipping`).
    LineMissesMarket {
        /// The line's service id (`economy`).
        service: String,
        /// Its name, a proper name (`Super Economy Global`).
        name: String,
        /// The market's code (`ES`).
        market: String,
        /// The market's English name.
        market_name: String,
    },
}

/// One problem, with the values a message needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Problem {
    /// Empty where a value is needed.
    Required,
    /// Not a number as the field reads numbers.
    NotANumber,
    /// Longer than the field reads at all: `max_chars` characters.
    TooLong {
        /// The most characters the field reads.
        max_chars: usize,
    },
    /// More digits before the decimal point than exact arithmetic holds.
    TooManyDigits {
        /// The most digits allowed before the decimal point.
        max_digits: u32,
    },
    /// More decimal places than exact arithmetic keeps.
    TooPrecise {
        /// The most decimal places allowed.
        places: u32,
    },
    /// A number that reads two ways (`1.500`: one and a half, or one thousand five hundred) in a
    /// catalog whose cells do not say which decimal mark it uses.
    Ambiguous {
        /// The two readings, the decimal-point one first.
        readings: [Decimal; 2],
    },
    /// A value of the wrong type.
    WrongType {
        /// What was expected.
        expected: Expected,
    },
    /// Below zero.
    Negative,
    /// Zero or below where only more than zero makes sense.
    NotPositive,
    /// Above the field's limit.
    TooLarge {
        /// The largest value allowed.
        max: Decimal,
        /// Its unit.
        unit: Unit,
    },
    /// A name that is not one of `allowed`.
    UnknownValue {
        /// The text given, as written (trimmed).
        given: String,
        /// The names that are allowed.
        allowed: Vec<String>,
    },
    /// A key the scenario format does not have.
    UnknownField,
    /// An `assumptions` id that the policy set does not have.
    UnknownPolicyValue {
        /// The policy set's id.
        policy: String,
    },
    /// Values that contradict each other.
    Inconsistent(Conflict),
    /// No exchange rate was given, and the policy has none for these currencies.
    NoDefaultRate,
    /// The model's figures are too large to compute exactly.
    Overflow {
        /// The model that overflowed.
        model: ModelKind,
    },
    /// Valid values that together make a model's figures too large to keep to the cent (a
    /// figure per unit of 10^18 or more, or a monthly figure of 10^24 or more): reported at each
    /// field of the combination, `with` naming the others.
    BeyondCents {
        /// The model whose figures would lose the cent.
        model: ModelKind,
        /// The other fields of the combination.
        with: Vec<Field>,
    },
    /// The policy set lacks a value the engine needs (a data error, ruled out by tests).
    MissingPolicyValue,
    /// The scenario as a whole is more than a reader of loose values takes (the JavaScript API
    /// walks a JS value within a budget): refused before it is read.
    TooComplex {
        /// The most values (objects, lists and leaves) read from one scenario.
        max_values: usize,
        /// The most levels of nesting read.
        max_depth: usize,
    },
    /// More entries in a list than it can hold (`destinations`: each market at most once).
    TooMany {
        /// The most it holds.
        max: usize,
    },
    /// A parcel a logistics service does not take: heavier than its heaviest band (at the weight,
    /// or at the longest side when it is the volume that weighs too much), or with a side longer
    /// than it takes (at that side). The model that ships with the service is not computed.
    AboveServiceLimit {
        /// The service's id (`standard`, `economy`, `choice`).
        service: String,
        /// Its name, a proper name (`AliExpress Standard`).
        name: String,
        /// The model that ships with it.
        model: ModelKind,
        /// The limit: grams for a weight, centimetres for a side.
        max: Decimal,
        /// Its unit: [`Unit::Grams`] or [`Unit::Centimetres`].
        unit: Unit,
    },
}

impl Problem {
    /// The stable code of the JSON output.
    pub fn code(&self) -> ErrorCode {
        match self {
            Problem::Required | Problem::NoDefaultRate => ErrorCode::Required,
            Problem::NotANumber | Problem::Ambiguous { .. } => ErrorCode::NotANumber,
            Problem::TooLong { .. } => ErrorCode::TooLong,
            Problem::TooPrecise { .. } => ErrorCode::TooPrecise,
            Problem::WrongType { .. } => ErrorCode::WrongType,
            Problem::Negative => ErrorCode::Negative,
            Problem::NotPositive => ErrorCode::NotPositive,
            Problem::TooManyDigits { .. }
            | Problem::TooLarge { .. }
            | Problem::TooComplex { .. }
            | Problem::TooMany { .. }
            | Problem::AboveServiceLimit { .. } => ErrorCode::TooLarge,
            Problem::UnknownValue { .. } | Problem::MissingPolicyValue => ErrorCode::UnknownValue,
            Problem::UnknownField | Problem::UnknownPolicyValue { .. } => ErrorCode::UnknownField,
            Problem::Inconsistent(_) => ErrorCode::Inconsistent,
            Problem::Overflow { .. } | Problem::BeyondCents { .. } => ErrorCode::Overflow,
        }
    }
}

/// One problem with one field of the scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// Where it is.
    pub field: Field,
    /// What it is.
    pub problem: Problem,
}

impl FieldError {
    /// `problem` at `field`.
    pub fn new(field: impl Into<Field>, problem: Problem) -> Self {
        FieldError {
            field: field.into(),
            problem,
        }
    }

    /// The stable code of the JSON output.
    pub fn code(&self) -> ErrorCode {
        self.problem.code()
    }

    /// The models this error keeps from being computed: those that read its field, or for a
    /// parcel a logistics service does not take, the model that ships with it.
    pub fn models(&self) -> &'static [ModelKind] {
        match &self.problem {
            Problem::AboveServiceLimit { model, .. } => match model {
                ModelKind::Pop => &[ModelKind::Pop],
                ModelKind::Semi => &[ModelKind::Semi],
                ModelKind::Full => &[ModelKind::Full],
            },
            _ => self.field.models(),
        }
    }

    /// The field's path, such as `product.unit_cost`.
    pub fn path(&self) -> std::borrow::Cow<'static, str> {
        self.field.path()
    }

    /// The problem in plain English, as the JSON output's `message` says it.
    pub fn english(&self) -> String {
        match &self.problem {
            Problem::Required => english::REQUIRED.to_owned(),
            Problem::NotANumber => {
                "Enter a number, such as 25 or 12.99 (a dot for decimals, no thousands separators)."
                    .to_owned()
            }
            Problem::TooLong { max_chars } => fill(english::TOO_LONG, &[&max_chars.to_string()]),
            Problem::TooManyDigits { .. } => english::TOO_LARGE_TO_CALCULATE.to_owned(),
            Problem::Ambiguous { readings: [a, b] } => format!(
                "Did you mean {} or {}? Write it the way you mean it: a dot for decimals, no thousands separators.",
                plain_text(*a),
                plain_text(*b)
            ),
            Problem::TooPrecise { places } => fill(english::TOO_PRECISE, &[&places.to_string()]),
            Problem::WrongType { expected } => match expected {
                Expected::Number => english::REQUIRED.to_owned(),
                Expected::Text => "Enter a name, as text.".to_owned(),
                Expected::Flag => "Must be true or false.".to_owned(),
                Expected::List => format!("{} must be a list.", self.field),
                Expected::Object => match self.field {
                    Field::Scenario => {
                        "The scenario must be an object with named fields.".to_owned()
                    }
                    _ => format!("{} must be an object with named fields.", self.field),
                },
            },
            Problem::Negative => english::NEGATIVE.to_owned(),
            Problem::NotPositive => english::NOT_POSITIVE.to_owned(),
            Problem::TooLarge { max, unit } => match (unit, &self.field) {
                (Unit::Percent, Field::Input(_) | Field::Market { .. })
                    if *max == Decimal::ONE_HUNDRED =>
                {
                    english::TOO_LARGE_PERCENT.to_owned()
                }
                (_, Field::Assumption(_)) => {
                    format!(
                        "Too large: at most {} {}.",
                        plain_text(*max),
                        english_unit(*unit)
                    )
                }
                _ => fill(english::TOO_LARGE, &[&plain_text(*max)]),
            },
            Problem::UnknownValue { given, allowed } => {
                let what = match self.field {
                    Field::Policy => "policy set",
                    Field::Input(Input::CostCurrency | Input::SaleCurrency) => "currency",
                    Field::Input(Input::Category) => "category",
                    Field::Input(Input::Destination) | Field::Market { .. } => "destination",
                    Field::Input(Input::SemiMode) => "mode",
                    Field::Input(Input::PopShipping) => "shipping line",
                    _ => "value",
                };
                format!(
                    "Unknown {what} \"{given}\". Choose one of: {}.",
                    allowed.join(", ")
                )
            }
            Problem::UnknownField => {
                let path = self.field.path();
                let key = path.rsplit('.').next().unwrap_or(&path);
                format!("Unknown field \"{key}\": check its spelling.")
            }
            Problem::UnknownPolicyValue { policy } => match &self.field {
                Field::Assumption(id) => format!("There is no policy value \"{id}\" in {policy}."),
                field => format!("There is no policy value \"{field}\" in {policy}."),
            },
            Problem::Inconsistent(Conflict::RateWithOneCurrency) => {
                english::INCONSISTENT_RATE.to_owned()
            }
            Problem::Inconsistent(Conflict::DestinationAndMix) => {
                english::DESTINATION_AND_MIX.to_owned()
            }
            Problem::Inconsistent(Conflict::DuplicateMarket { market, first }) => {
                fill(english::DUPLICATE_MARKET, &[market, &first.to_string()])
            }
            Problem::Inconsistent(Conflict::SharesNotHundred { total }) => {
                fill(english::SHARES_NOT_HUNDRED, &[&plain_text(*total)])
            }
            Problem::TooMany { max } => {
                format!("Too many: at most {max}, each market once.")
            }
            Problem::Inconsistent(Conflict::LineMissesMarket {
                name, market_name, ..
            }) => fill(english::LINE_MISSES_MARKET, &[name, market_name]),
            Problem::NoDefaultRate => {
                "Enter the exchange rate: there is no default rate for these currencies.".to_owned()
            }
            Problem::Overflow { model } => format!(
                "The {} figures are too large to calculate exactly; check the amounts.",
                model.name()
            ),
            Problem::BeyondCents { model, with } => {
                let others: Vec<String> = with.iter().map(|f| f.path().into_owned()).collect();
                format!(
                    "Together with {}, this makes the {} figures too large to keep to the cent.",
                    others.join(" and "),
                    model.name()
                )
            }
            Problem::MissingPolicyValue => "The policy set lacks this value.".to_owned(),
            Problem::TooComplex {
                max_values,
                max_depth,
            } => format!(
                "The scenario is too large to read: at most {max_values} values, nested at most \
                 {max_depth} levels deep."
            ),
            Problem::AboveServiceLimit {
                name,
                model,
                max,
                unit,
                ..
            } => {
                let line = format!("{name} ({} shipping)", model.name());
                let (template, unit) = match (unit, &self.field) {
                    (Unit::Centimetres, _) => (english::ABOVE_SIDE_LIMIT, "cm"),
                    (_, Field::Input(Input::WeightG)) => (english::ABOVE_WEIGHT_LIMIT, "g"),
                    _ => (english::ABOVE_VOLUME_LIMIT, "g"),
                };
                fill(template, &[&line, &format!("{} {unit}", plain_text(*max))])
            }
        }
    }
}

/// A unit as the English messages write it after a number.
fn english_unit(unit: Unit) -> &'static str {
    match unit {
        Unit::Percent => "%",
        Unit::Days => "days",
        Unit::PolicyMoney => "CNY",
        Unit::PolicyMoneyPerKg => "CNY/kg",
        Unit::PolicyMoneyPerParcel => "CNY/parcel",
        Unit::PolicyMoneyPerUnit => "CNY/unit",
        Unit::Grams => "g",
        Unit::Centimetres => "cm",
        _ => "",
    }
}

impl Serialize for FieldError {
    /// `{ "field": "product.unit_cost", "code": "negative", "message": "Cannot be negative." }`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("FieldError", 3)?;
        out.serialize_field("field", &self.field)?;
        out.serialize_field("code", &self.code())?;
        out.serialize_field("message", &self.english())?;
        out.end()
    }
}
