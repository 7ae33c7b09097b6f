//! Warnings: inputs that are valid but probably not what the seller meant, or values the seller
//! never entered. They never stop a calculation and never change a figure; like errors, they are
//! data (a field and a kind with typed arguments) that a page words in its own language.

use rust_decimal::Decimal;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::decimal::{money_text, plain_text};
use crate::input::{Field, Input};

/// What a warning is about, with the values its message needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WarningKind {
    /// The supply price is above the retail price it would sell at (POP's price converted into
    /// the cost currency): the platform would sell it at a loss, so the offer is unlikely.
    SupplyAboveRetail {
        /// The supply price, in the cost currency.
        supply: Decimal,
        /// POP's price in the cost currency.
        retail: Decimal,
        /// The cost currency.
        currency: String,
    },
    /// A monthly volume with a fraction: used as typed, which is rarely what a seller means.
    FractionalVolume,
    /// The supply price was not entered: it is estimated as a share of the retail price.
    EstimatedSupplyPrice {
        /// The estimate, in the cost currency.
        estimate: Decimal,
        /// The share of the retail price, in percent.
        share_pct: Decimal,
        /// The cost currency.
        currency: String,
    },
}

impl WarningKind {
    /// The stable code of the JSON output.
    pub fn code(&self) -> &'static str {
        match self {
            WarningKind::SupplyAboveRetail { .. } => "supply_above_retail",
            WarningKind::FractionalVolume => "fractional_volume",
            WarningKind::EstimatedSupplyPrice { .. } => "estimated",
        }
    }
}

/// One warning about one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The field it concerns.
    pub field: Field,
    /// What it says.
    pub kind: WarningKind,
}

impl Warning {
    /// `kind` at `field`.
    pub fn new(field: impl Into<Field>, kind: WarningKind) -> Self {
        Warning {
            field: field.into(),
            kind,
        }
    }

    /// The warning in plain English, as the JSON output's `message` says it.
    pub fn english(&self) -> String {
        match &self.kind {
            WarningKind::SupplyAboveRetail {
                supply,
                retail,
                currency,
            } => format!(
                "The supply price {currency} {} is above the retail price it would sell at \
                 ({currency} {}): check the price AliExpress offers you.",
                money_text(*supply),
                money_text(*retail)
            ),
            WarningKind::FractionalVolume => {
                "Units a month has a fraction; it is used as entered.".to_owned()
            }
            WarningKind::EstimatedSupplyPrice {
                estimate,
                share_pct,
                currency,
            } => format!(
                "Estimated: {currency} {}, {}% of the retail price. Enter the price AliExpress \
                 offers you.",
                money_text(*estimate),
                plain_text(*share_pct)
            ),
        }
    }

    /// Whether this warning is the supply-price estimate.
    pub fn is_estimate(&self) -> bool {
        matches!(self.kind, WarningKind::EstimatedSupplyPrice { .. })
            && self.field == Field::Input(Input::SupplyPrice)
    }
}

impl Serialize for Warning {
    /// `{ "field": "full.supply_price", "code": "estimated", "message": "…" }`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Warning", 3)?;
        out.serialize_field("field", &self.field)?;
        out.serialize_field("code", self.kind.code())?;
        out.serialize_field("message", &self.english())?;
        out.end()
    }
}
