//! The rules behind the figures, as data: a stable id and typed arguments. The engine writes them
//! in English; a page can word the same rule in another language from the id and the arguments.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::decimal::{money_text, plain_text};

/// One value a rule mentions.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RuleArg {
    /// An amount of money, unrounded.
    Money {
        /// The amount.
        amount: Decimal,
        /// Its currency code.
        currency: String,
    },
    /// A percentage, in percent (8 means 8%).
    Percent {
        /// The percentage.
        value: Decimal,
    },
    /// A plain number (kilograms, days, an exchange rate).
    Number {
        /// The number.
        value: Decimal,
    },
    /// A name from the policy set or the currency list.
    Name {
        /// What kind of name: `category`, `destination`, `currency`, `service` (a logistics
        /// service, whose name is a proper name) or `band` (a weight band, such as `300–2000 g`).
        kind: &'static str,
        /// Its id (`home`, `ES`, `USD`, `standard`, `300_2000g`).
        id: String,
        /// Its English name.
        english: String,
    },
    /// Rules of their own, worded one after another: how a weight was worked out, or each
    /// market's part of a mix.
    Rules {
        /// The rules, in order.
        rules: Vec<Rule>,
    },
}

impl RuleArg {
    /// Money in `currency`.
    pub fn money(amount: Decimal, currency: &str) -> Self {
        RuleArg::Money {
            amount,
            currency: currency.to_owned(),
        }
    }

    /// A percentage in percent.
    pub fn percent(value: Decimal) -> Self {
        RuleArg::Percent { value }
    }

    /// A plain number.
    pub fn number(value: Decimal) -> Self {
        RuleArg::Number { value }
    }

    /// One rule as an argument of another.
    pub fn rule(rule: Rule) -> Self {
        RuleArg::Rules { rules: vec![rule] }
    }

    /// A currency code, which is its own English name.
    pub fn currency(code: &str) -> Self {
        RuleArg::Name {
            kind: "currency",
            id: code.to_owned(),
            english: code.to_owned(),
        }
    }

    fn english(&self) -> String {
        match self {
            RuleArg::Money { amount, currency } => format!("{currency} {}", money_text(*amount)),
            RuleArg::Percent { value } => format!("{}%", plain_text(*value)),
            RuleArg::Number { value } => plain_text(*value),
            RuleArg::Name { english, .. } => english.clone(),
            RuleArg::Rules { rules } => {
                let words: Vec<String> = rules.iter().map(Rule::english).collect();
                words.join(" ")
            }
        }
    }
}

/// A rule: which one, and the values it is applied to.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rule {
    /// Stable id, such as `commission.pop`; [`english_template`] has its wording.
    pub id: &'static str,
    /// The values, in the order the template's `{0}`, `{1}`… name them.
    pub args: Vec<RuleArg>,
}

impl Rule {
    /// A rule with these arguments.
    pub fn new(id: &'static str, args: Vec<RuleArg>) -> Self {
        Rule { id, args }
    }

    /// The rule in English.
    pub fn english(&self) -> String {
        fill(english_template(self.id).unwrap_or(self.id), |i| {
            self.args.get(i).map(RuleArg::english)
        })
    }
}

/// Replaces `{0}`, `{1}`… in `template` with `arg(i)`; an unknown index stays as written.
pub fn fill(template: &str, arg: impl Fn(usize) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}');
        let index = close.and_then(|c| after[..c].parse::<usize>().ok());
        match (close, index.and_then(&arg)) {
            (Some(close), Some(text)) => {
                out.push_str(&text);
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every rule id, for translators and tests.
pub const RULE_IDS: &[&str] = &[
    "goods.product",
    "goods.packaging",
    "first_mile.pop",
    "first_mile.semi_warehouse",
    "first_mile.semi_jit",
    "first_mile.full",
    "last_mile",
    "weight.actual",
    "weight.stepped",
    "weight.volumetric",
    "weight.volumetric_stepped",
    "commission.pop",
    "commission.pop.order_total",
    "commission.semi_warehouse",
    "commission.semi_jit",
    "commission.full",
    "service_fee",
    "service_fee.order_total",
    "service_fee.waived",
    "affiliate",
    "advertising",
    "conversion.none",
    "conversion.fee",
    "conversion.fee.order_total",
    "refunds.sale",
    "refunds.order_total",
    "refunds.supply",
    "return_shipping",
    "returns_resold.none",
    "returns_resold.credit",
    "fees_refunded",
    "warehouse_fee",
    "revenue.same_currency",
    "revenue.converted",
    "revenue.shipping",
    "revenue.shipping_converted",
    "revenue.supply",
    "revenue.supply_estimated",
    "cash.stock",
    "cash.confirmation",
    "cash.early_payout",
    "cash.advance",
    "mix",
    "mix.share",
    "cash.five_day",
    "mix.cash",
    "mix.days",
];

/// The English wording of a rule, with `{0}`, `{1}`… for its arguments.
pub fn english_template(id: &str) -> Option<&'static str> {
    Some(match id {
        "goods.product" => "Your cost for one unit.",
        "goods.packaging" => "Packaging for one unit.",
        "first_mile.pop" => "Getting parcels to the logistics service: {0} kg × {1}/kg + {2} per parcel.",
        "first_mile.semi_warehouse" => "Bulk freight into the Cainiao warehouse: {0} kg × {1}/kg + {2} per parcel.",
        "first_mile.semi_jit" => "Sending each order to Cainiao: {0} kg × {1}/kg + {2} per parcel.",
        "first_mile.full" => "Delivery to the platform's warehouse in China: {0} kg × {1}/kg + {2} per parcel.",
        "last_mile" => "{0} to {1}, {2} band: {3} × {4}/kg + {5} per parcel.",
        "weight.actual" => "{0} kg",
        "weight.stepped" => "{0} kg ({1} kg rounded up to the next {2} kg)",
        "weight.volumetric" => "{0} kg by volume ({2} × {3} × {4} cm ÷ {5}, more than the actual {6} kg)",
        "weight.volumetric_stepped" => {
            "{0} kg ({1} kg by volume, {2} × {3} × {4} cm ÷ {5}, more than the actual {6} kg, rounded up to the next {7} kg)"
        }
        "commission.pop" => "{0} of the sale price (category {1}).",
        "commission.pop.order_total" => "{0} of the order total, shipping included (category {1}).",
        "commission.semi_warehouse" => {
            "{0} commission (category {1}), {2} waived for goods in the platform warehouse: {3} of the sale price."
        }
        "commission.semi_jit" => "{0} commission (category {1}), {2} waived for JIT shipments: {3} of the sale price.",
        "commission.full" => "None: you sell to the platform at your supply price, and it sets the retail price.",
        "service_fee" => "{0} of the sale price: the transaction service fee, in every category.",
        "service_fee.order_total" => {
            "{0} of the order total, shipping included: the transaction service fee, in every category."
        }
        "service_fee.waived" => "{0} transaction service fee, {1} waived for semi-managed goods: {2} of the sale price.",
        "affiliate" => "{0} of orders come through affiliates, who get {1} of the sale price.",
        "advertising" => "{0} of the sale price spent on ads.",
        "conversion.none" => "None: you sell and pay costs in {0}.",
        "conversion.fee" => "{0} of the sale price to withdraw {1} as {2} (at least US$8 a withdrawal: withdraw in large amounts).",
        "conversion.fee.order_total" => {
            "{0} of the order total to withdraw {1} as {2} (at least US$8 a withdrawal: withdraw in large amounts)."
        }
        "refunds.sale" => "{0} of orders are refunded; you bear {1} of the refunded sale price.",
        "refunds.order_total" => {
            "{0} of orders are refunded; you bear {1} of the refunded order total, shipping included."
        }
        "refunds.supply" => "{0} of orders are refunded; you bear {1} of the refunded supply price.",
        "return_shipping" => "{0} of orders × {1} return postage that you pay.",
        "returns_resold.none" => "None: no returned goods come back into stock to be resold.",
        "returns_resold.credit" => "Credit: {0} returned × {1} resellable × {2} goods cost comes back into stock.",
        "fees_refunded" => {
            "Credit: on the {0} of orders refunded, {1} of the commission and service fee, {2} of the affiliate commission and {3} of the conversion fee come back."
        }
        "warehouse_fee" => "Normally {0} per unit; {1} waived for semi-managed goods entering the warehouse.",
        "revenue.same_currency" => "Sale price {0}.",
        "revenue.converted" => "Sale price {0} × {1} {2} per {3} = {4}.",
        "revenue.shipping" => "Sale price {0} + shipping {1} paid by the buyer = order total {2}.",
        "revenue.shipping_converted" => {
            "Sale price {0} + shipping {1} paid by the buyer = {2} × {3} {4} per {5} = {6}."
        }
        "revenue.supply" => "Supply price {0}, paid by the platform for each unit sold.",
        "revenue.supply_estimated" => {
            "Estimated supply price {0}: {1} of the retail price {2}. Enter the price AliExpress offers you."
        }
        "cash.stock" => "{0} days in stock + {1} days' delivery + {2} days until payout.",
        "cash.confirmation" => "{0} days in stock + {1} days' delivery + {2} days until the buyer confirms receipt + {3} days until payout.",
        "cash.early_payout" => "{0} days in stock + {1} days from shipment to the early payout.",
        "cash.advance" => {
            "{0} of the expected revenue is paid in advance after {1} days and taken back from the payout; the sale is paid out after {2} days in stock + {3} days' delivery + {4} days until payout."
        }
        "mix" => "Share-weighted over the markets. {0}",
        "mix.share" => "{0} to {1}, {2} each: {3}",
        "cash.five_day" => "{0} Cainiao delivers to {1} within five days.",
        "mix.cash" => "Share-weighted over the markets: paid out after {0} days on average. {1}",
        "mix.days" => "{0} to {1}: {2}",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_id_has_english_wording() {
        for id in RULE_IDS {
            assert!(english_template(id).is_some(), "{id}");
        }
    }

    #[test]
    fn fills_numbered_arguments_and_leaves_the_rest() {
        let filled = fill("{1} then {0}, {x} and {9}", |i| {
            ["a", "b"].get(i).map(|s| (*s).to_owned())
        });
        assert_eq!(filled, "b then a, {x} and {9}");
        let rule = Rule::new("advertising", vec![RuleArg::percent(Decimal::new(80, 1))]);
        assert_eq!(rule.english(), "8% of the sale price spent on ads.");
    }
}
