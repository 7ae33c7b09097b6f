//! SellerCalc's policy engine: what a seller earns under AliExpress's three ways of selling.
//!
//! A scenario goes in (as JSON, the format of the public `window.sellerCalc.compare` API, or as a
//! typed [`Scenario`]); a [`Comparison`] comes out, with per-unit line items that each carry the
//! rule that produced them. Money is exact decimal arithmetic and rounds once, at output.
//!
//! ```
//! use sellercalc_engine::{compare, ModelKind};
//!
//! let comparison = compare(&serde_json::json!({
//!     "product": { "unit_cost": "25", "category": "home" },
//!     "pop": { "price": "12.99" },
//!     "semi": { "mode": "jit" },
//! }));
//! assert!(comparison.ok());
//! let pop = comparison.model(ModelKind::Pop).unwrap();
//! let semi = comparison.model(ModelKind::Semi).unwrap();
//! assert_eq!(semi.commission_per_unit() * rust_decimal::Decimal::TWO, pop.commission_per_unit());
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod catalog;
mod comparison;
pub mod decimal;
pub mod english;
mod error;
mod input;
mod model;
pub mod policy;
pub mod rates;
pub mod rule;
mod scenario;
mod solve;
mod warning;

pub use comparison::{
    compare, compare_figures, compare_input, compare_scenario, policies_report, Comparison,
    Recommendation,
};
pub use error::{Conflict, ErrorCode, Expected, FieldError, Problem};
pub use input::{Bounds, Field, Group, Input, InputKind, MarketPart, Unit};
pub use model::{Cash, CashEvent, CostGroup, LineItem, ModelResult, Moment};
pub use policy::{PolicySet, PolicyValue, DEFAULT_POLICY_ID};
pub use rule::{Rule, RuleArg};
pub use rust_decimal::Decimal;
pub use scenario::{
    is_mix_text, markets_from_text, CurrencyPair, Dimensions, FullSettings, Given, Market,
    MarketInput, ModelKind, ParsedScenario, PopSettings, Product, RawValue, Scenario,
    ScenarioInput, SemiManagedMode, SemiSettings, MIX_TEXT_MAX_CHARS,
};
pub use solve::{
    cost_top, indifference_supply_price, indifference_supply_price_decimals, price_decimals,
    stated_indifference_supply_price, supply_price_verdict, sweep, target_margin_price,
    SupplyPriceVerdict, Sweep, SweepAxis, SweepPoint,
};
pub use warning::{Warning, WarningKind};
