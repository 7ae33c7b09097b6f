//! Errors that name the scenario field they concern.

use serde::Serialize;

/// What kind of problem a field has, for callers that word their own messages (for example in
/// another language).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The field is present but empty.
    Required,
    /// The text is not a plain decimal number.
    NotANumber,
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

/// One problem with one field of the scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The field's path in the scenario, such as `product.unit_cost` or `assumptions.commission.home`.
    pub field: String,
    /// A plain-language explanation in English.
    pub message: String,
    /// The kind of problem.
    pub code: ErrorCode,
}

impl FieldError {
    /// Builds an error for `field`.
    pub fn new(field: impl Into<String>, code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
            code,
        }
    }
}
