//! The three selling models: each turns a scenario into per-unit line items, profit, break-even
//! and cash figures. Every line item is `share × revenue + fixed`, so profit and the break-even
//! price come from the same numbers.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::decimal::{add, div, money_text, mul, pct, plain_text, sub, Overflow};
use crate::policy::{Assumptions, MissingValue};
use crate::scenario::{ModelKind, Scenario, SemiManagedMode};

/// Where a line item's money goes, for charts and summaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CostGroup {
    /// Product cost and packaging.
    Product,
    /// First-mile freight, last-mile shipping and warehouse fees.
    Logistics,
    /// Commission and payment or currency-conversion fees.
    PlatformFees,
    /// Refunds, return shipping and goods lost to returns.
    Returns,
    /// Advertising and affiliate commission.
    Marketing,
}

/// One cost per unit sold, with the rule that produced it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LineItem {
    /// Stable key, such as `commission` or `last_mile`.
    pub key: &'static str,
    /// English label.
    pub label: &'static str,
    /// Where the money goes.
    pub group: CostGroup,
    /// Cost per unit sold in the cost currency, unrounded. Negative for a credit.
    pub amount: Decimal,
    /// The rule in plain English.
    pub rule: String,
    /// The normal fee that a policy waives here, when it does, so the saving shows.
    pub waived: Option<Decimal>,
    /// The fraction of revenue this item scales with (0 for fixed costs).
    #[serde(skip)]
    pub share_of_revenue: Decimal,
}

/// Cash flow: how long money is out, and how much.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cash {
    /// Average days from paying for goods and shipping to being paid, weighted by money received.
    pub days_to_cash: Decimal,
    /// Money tied up on average: a month's upfront costs × days to cash ÷ 30, in the cost currency.
    pub capital_tied: Decimal,
    /// Upfront costs per unit (goods, packaging, freight, postage, warehouse fees, ads).
    pub outlay_per_unit: Decimal,
    /// Share of the sale value paid in advance, in percent.
    pub advance_pct: Decimal,
    /// How the days are made up, in plain English.
    pub rule: String,
}

/// One model's figures, unrounded. [`crate::Comparison`] rounds them once, at output.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ModelResult {
    /// Which model.
    pub model: ModelKind,
    /// What the seller is paid per unit sold, in the cost currency.
    pub revenue_per_unit: Decimal,
    /// How revenue is worked out.
    pub revenue_rule: String,
    /// Every cost per unit sold.
    pub line_items: Vec<LineItem>,
    /// Revenue minus every line item.
    pub profit_per_unit: Decimal,
    /// Units a month, including any Choice traffic uplift.
    pub monthly_units: Decimal,
    /// Profit per unit × monthly units.
    pub monthly_profit: Decimal,
    /// Profit as a percentage of revenue.
    pub margin_pct: Decimal,
    /// The price at which profit is zero, in `break_even_currency`; `None` when percentage costs
    /// take all of any price.
    pub break_even_price: Option<Decimal>,
    /// The currency of `break_even_price`: the sale currency for POP and semi-managed, the cost
    /// currency (a supply price) for fully managed.
    pub break_even_currency: String,
    /// Decimal places to state `break_even_price` with, so that selling at the stated price gives
    /// a profit of zero to the cent: at least 4, more where a unit of price is worth a lot of
    /// cost currency (costs in KRW, prices in USD).
    pub break_even_decimals: u32,
    /// Cash flow.
    pub cash: Cash,
}

impl ModelResult {
    /// The line item with this key.
    pub fn item(&self, key: &str) -> Option<&LineItem> {
        self.line_items.iter().find(|item| item.key == key)
    }

    /// Commission per unit (zero when the model charges none).
    pub fn commission_per_unit(&self) -> Decimal {
        self.item("commission")
            .map_or(Decimal::ZERO, |item| item.amount)
    }
}

/// Why a model could not be computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalcError {
    /// The figures exceed exact decimal arithmetic.
    Overflow,
    /// The policy set lacks a value the model needs.
    Missing(String),
}

impl From<Overflow> for CalcError {
    fn from(_: Overflow) -> Self {
        CalcError::Overflow
    }
}

impl From<MissingValue> for CalcError {
    fn from(missing: MissingValue) -> Self {
        CalcError::Missing(missing.0)
    }
}

/// A cost before revenue is applied.
struct Charge {
    key: &'static str,
    label: &'static str,
    group: CostGroup,
    share: Decimal,
    fixed: Decimal,
    rule: String,
    waived: Option<Decimal>,
}

impl Charge {
    fn fixed(
        key: &'static str,
        label: &'static str,
        group: CostGroup,
        amount: Decimal,
        rule: String,
    ) -> Self {
        Charge {
            key,
            label,
            group,
            share: Decimal::ZERO,
            fixed: amount,
            rule,
            waived: None,
        }
    }

    fn share(
        key: &'static str,
        label: &'static str,
        group: CostGroup,
        share: Decimal,
        rule: String,
    ) -> Self {
        Charge {
            key,
            label,
            group,
            share,
            fixed: Decimal::ZERO,
            rule,
            waived: None,
        }
    }
}

/// What every model needs from the scenario and policy, converted to the cost currency.
pub(crate) struct Context<'a> {
    pub scenario: &'a Scenario,
    pub values: &'a Assumptions<'a>,
    /// Cost-currency units per sale-currency unit.
    pub rate: Decimal,
    /// Policy-currency (CNY) units per cost-currency unit.
    pub policy_per_cost: Decimal,
}

fn pct_text(value: Decimal) -> String {
    format!("{}%", plain_text(value))
}

impl Context<'_> {
    fn cost(&self) -> &str {
        &self.scenario.currency.cost
    }

    fn money(&self, amount: Decimal) -> String {
        format!("{} {}", self.cost(), money_text(amount))
    }

    /// A policy money value, converted into the cost currency.
    fn policy_money(&self, id: &str) -> Result<Decimal, CalcError> {
        Ok(div(self.values.get(id)?, self.policy_per_cost)?)
    }

    fn weight_kg(&self) -> Decimal {
        // Weight is validated to at most 1,000,000 g.
        self.scenario.product.weight_g / Decimal::ONE_THOUSAND
    }

    fn goods_cost(&self) -> Result<Decimal, CalcError> {
        Ok(add(
            self.scenario.product.unit_cost,
            self.scenario.product.packaging,
        )?)
    }

    fn goods(&self) -> Vec<Charge> {
        let product = &self.scenario.product;
        vec![
            Charge::fixed(
                "product_cost",
                "Product cost",
                CostGroup::Product,
                product.unit_cost,
                "Your cost for one unit.".to_owned(),
            ),
            Charge::fixed(
                "packaging",
                "Packaging",
                CostGroup::Product,
                product.packaging,
                "Packaging for one unit.".to_owned(),
            ),
        ]
    }

    /// Weight × per-kg rate + per-parcel fee, from the policy values under `prefix`.
    fn weight_priced(
        &self,
        key: &'static str,
        label: &'static str,
        prefix: &str,
        what: &str,
    ) -> Result<Charge, CalcError> {
        let per_kg = self.policy_money(&format!("{prefix}.per_kg"))?;
        let per_parcel = self.policy_money(&format!("{prefix}.per_parcel"))?;
        let kg = self.weight_kg();
        let amount = add(mul(kg, per_kg)?, per_parcel)?;
        let rule = format!(
            "{what}: {} kg × {}/kg + {} per parcel.",
            plain_text(kg),
            self.money(per_kg),
            self.money(per_parcel)
        );
        Ok(Charge::fixed(
            key,
            label,
            CostGroup::Logistics,
            amount,
            rule,
        ))
    }

    fn destination_name(&self) -> &str {
        let code = &self.scenario.destination;
        self.values
            .policy()
            .destination(code)
            .map_or(code.as_str(), |d| d.name.as_str())
    }

    fn category_commission(&self) -> Result<(Decimal, String), CalcError> {
        let category = &self.scenario.product.category;
        let rate = self.values.get(&format!("commission.{category}"))?;
        let name = self
            .values
            .policy()
            .category(category)
            .map_or(category.as_str(), |c| c.name.as_str());
        Ok((rate, name.to_owned()))
    }

    fn conversion_fee(&self) -> Result<Charge, CalcError> {
        let currency = &self.scenario.currency;
        let (share, rule) = if currency.cost == currency.sale {
            (
                Decimal::ZERO,
                format!("None: you sell and pay costs in {}.", currency.cost),
            )
        } else {
            let fee = self.values.get("payment.conversion_fee")?;
            (
                pct(fee),
                format!(
                    "{} of the sale price to convert {} into {}.",
                    pct_text(fee),
                    currency.sale,
                    currency.cost
                ),
            )
        };
        Ok(Charge::share(
            "payment_conversion",
            "Currency conversion",
            CostGroup::PlatformFees,
            share,
            rule,
        ))
    }

    /// Refunds, return shipping and the credit for returned goods that are resold.
    fn returns(&self, model: &str, refunded: &str) -> Result<Vec<Charge>, CalcError> {
        let rate = self.scenario.return_rate_pct;
        let borne = self.values.get(&format!("returns.{model}.refund_borne"))?;
        let shipping = self.policy_money(&format!("returns.{model}.return_shipping"))?;
        let unsellable = self.values.get(&format!("returns.{model}.unsellable"))?;
        let goods = self.goods_cost()?;
        let returned = pct(rate);
        let resold = sub(Decimal::ONE, pct(unsellable))?;
        let credit = mul(mul(returned, resold)?, goods)?;
        let credit_rule = if credit.is_zero() {
            "None: no returned goods come back into stock to be resold.".to_owned()
        } else {
            format!(
                "Credit: {} returned × {} resellable × {} goods cost comes back into stock.",
                pct_text(rate),
                pct_text(resold * Decimal::ONE_HUNDRED),
                self.money(goods)
            )
        };
        Ok(vec![
            Charge::share(
                "refunds",
                "Refunds",
                CostGroup::Returns,
                mul(returned, pct(borne))?,
                format!(
                    "{} of orders are refunded; you bear {} of the refunded {refunded}.",
                    pct_text(rate),
                    pct_text(borne)
                ),
            ),
            Charge::fixed(
                "return_shipping",
                "Return shipping",
                CostGroup::Returns,
                mul(returned, shipping)?,
                format!(
                    "{} of orders × {} return postage that you pay.",
                    pct_text(rate),
                    self.money(shipping)
                ),
            ),
            Charge::fixed(
                "returns_resold",
                "Returned goods resold",
                CostGroup::Returns,
                -credit,
                credit_rule,
            ),
        ])
    }

    fn uplifted_units(&self) -> Result<Decimal, CalcError> {
        let uplift = self.values.get("choice.traffic_uplift")?;
        Ok(mul(
            self.scenario.monthly_units,
            add(Decimal::ONE, pct(uplift))?,
        )?)
    }
}

/// Revenue, line items and cash inputs of one model, before the common arithmetic.
struct Draft {
    model: ModelKind,
    revenue: Decimal,
    revenue_rule: String,
    /// Cost-currency units per unit of the price that break-even is stated in.
    price_factor: Decimal,
    break_even_currency: String,
    charges: Vec<Charge>,
    monthly_units: Decimal,
    days_to_cash: Decimal,
    advance_pct: Decimal,
    cash_rule: String,
}

const UPFRONT: &[&str] = &[
    "product_cost",
    "packaging",
    "first_mile",
    "last_mile",
    "warehouse_pickup",
    "warehouse_operation",
    "warehouse_rent",
    "advertising",
];

impl Draft {
    fn finish(self) -> Result<ModelResult, CalcError> {
        let mut line_items = Vec::with_capacity(self.charges.len());
        let mut total = Decimal::ZERO;
        let mut shares = Decimal::ZERO;
        let mut fixed = Decimal::ZERO;
        let mut outlay = Decimal::ZERO;
        for charge in self.charges {
            let amount = add(mul(charge.share, self.revenue)?, charge.fixed)?;
            total = add(total, amount)?;
            shares = add(shares, charge.share)?;
            fixed = add(fixed, charge.fixed)?;
            if UPFRONT.contains(&charge.key) {
                outlay = add(outlay, amount)?;
            }
            line_items.push(LineItem {
                key: charge.key,
                label: charge.label,
                group: charge.group,
                amount,
                rule: charge.rule,
                waived: charge.waived,
                share_of_revenue: charge.share,
            });
        }
        let profit = sub(self.revenue, total)?;
        let kept = sub(Decimal::ONE, shares)?;
        // profit(price) = price × factor × (1 − shares) − fixed, which is zero at this price.
        let break_even_price = if kept > Decimal::ZERO {
            Some(div(div(fixed, kept)?, self.price_factor)?)
        } else {
            None
        };
        let break_even_decimals =
            break_even_decimals(mul(self.price_factor, kept.max(Decimal::ZERO))?);
        let margin_pct = if self.revenue.is_zero() {
            Decimal::ZERO
        } else {
            mul(div(profit, self.revenue)?, Decimal::ONE_HUNDRED)?
        };
        let monthly_outlay = mul(outlay, self.monthly_units)?;
        Ok(ModelResult {
            model: self.model,
            revenue_per_unit: self.revenue,
            revenue_rule: self.revenue_rule,
            line_items,
            profit_per_unit: profit,
            monthly_units: self.monthly_units,
            monthly_profit: mul(profit, self.monthly_units)?,
            margin_pct,
            break_even_price,
            break_even_currency: self.break_even_currency,
            break_even_decimals,
            cash: Cash {
                days_to_cash: self.days_to_cash,
                capital_tied: div(mul(monthly_outlay, self.days_to_cash)?, Decimal::from(30))?,
                outlay_per_unit: outlay,
                advance_pct: self.advance_pct,
                rule: self.cash_rule,
            },
        })
    }
}

/// Places `d` such that an error of half a unit in the `d`-th place of the price, worth
/// `scale` cost-currency units per unit of price, stays under half a cent: `scale < 10^(d−2)`.
fn break_even_decimals(scale: Decimal) -> u32 {
    let mut decimals = 4;
    let mut bound = Decimal::ONE_HUNDRED;
    while scale >= bound && decimals < 20 {
        decimals += 1;
        bound = bound.saturating_mul(Decimal::TEN);
    }
    decimals
}

/// POP: the seller's own store, logistics and returns.
pub(crate) fn pop(ctx: &Context<'_>) -> Result<ModelResult, CalcError> {
    let s = ctx.scenario;
    let revenue = mul(s.pop.price, ctx.rate)?;
    let mut charges = ctx.goods();
    charges.push(ctx.weight_priced(
        "first_mile",
        "First-mile freight",
        "first_mile.pop",
        "Getting parcels to the logistics service",
    )?);
    charges.push(ctx.weight_priced(
        "last_mile",
        "Shipping to the buyer",
        &format!("postage.pop.{}", s.destination),
        &format!("AliExpress Standard to {}", ctx.destination_name()),
    )?);
    let (commission, category) = ctx.category_commission()?;
    charges.push(Charge::share(
        "commission",
        "Commission",
        CostGroup::PlatformFees,
        pct(commission),
        format!(
            "{} of the sale price (category {category}).",
            pct_text(commission)
        ),
    ));
    let affiliate = mul(
        pct(s.pop.affiliate_share_pct),
        pct(s.pop.affiliate_rate_pct),
    )?;
    charges.push(Charge::share(
        "affiliate",
        "Affiliate commission",
        CostGroup::Marketing,
        affiliate,
        format!(
            "{} of orders come through affiliates, who get {} of the sale price.",
            pct_text(s.pop.affiliate_share_pct),
            pct_text(s.pop.affiliate_rate_pct)
        ),
    ));
    charges.push(Charge::share(
        "advertising",
        "Advertising",
        CostGroup::Marketing,
        pct(s.pop.ad_spend_pct),
        format!(
            "{} of the sale price spent on ads.",
            pct_text(s.pop.ad_spend_pct)
        ),
    ));
    charges.push(ctx.conversion_fee()?);
    charges.extend(ctx.returns("pop", "sale price")?);

    let delivery = ctx.values.get("days.pop.delivery")?;
    let payout = ctx.values.get("days.pop.payout")?;
    Draft {
        model: ModelKind::Pop,
        revenue,
        revenue_rule: sale_revenue_rule(ctx, s.pop.price, revenue),
        price_factor: ctx.rate,
        break_even_currency: s.currency.sale.clone(),
        charges,
        monthly_units: s.monthly_units,
        days_to_cash: add(delivery, payout)?,
        advance_pct: Decimal::ZERO,
        cash_rule: format!(
            "{} days' delivery + {} days until payout.",
            plain_text(delivery),
            plain_text(payout)
        ),
    }
    .finish()
}

fn sale_revenue_rule(ctx: &Context<'_>, price: Decimal, revenue: Decimal) -> String {
    let c = &ctx.scenario.currency;
    if c.cost == c.sale {
        format!("Sale price {}.", ctx.money(revenue))
    } else {
        format!(
            "Sale price {} {} × {} {} per {} = {}.",
            c.sale,
            plain_text(price),
            plain_text(ctx.rate),
            c.cost,
            c.sale,
            ctx.money(revenue)
        )
    }
}

/// Semi-managed: the seller prices; Cainiao ships; commission waived or halved.
pub(crate) fn semi(ctx: &Context<'_>) -> Result<ModelResult, CalcError> {
    let s = ctx.scenario;
    let revenue = mul(s.semi.price, ctx.rate)?;
    let warehouse = s.semi.mode == SemiManagedMode::Warehouse;
    let mut charges = ctx.goods();
    charges.push(if warehouse {
        ctx.weight_priced(
            "first_mile",
            "Freight into the warehouse",
            "first_mile.semi_warehouse",
            "Bulk freight into the Cainiao warehouse",
        )?
    } else {
        ctx.weight_priced(
            "first_mile",
            "Freight to Cainiao",
            "first_mile.semi_jit",
            "Sending each order to Cainiao",
        )?
    });
    charges.push(ctx.weight_priced(
        "last_mile",
        "Shipping to the buyer",
        &format!("postage.choice.{}", s.destination),
        &format!("Cainiao (Choice) to {}", ctx.destination_name()),
    )?);
    let (commission, category) = ctx.category_commission()?;
    let (waiver, why) = if warehouse {
        (
            ctx.values.get("semi.warehouse_commission_waiver")?,
            "goods in the platform warehouse",
        )
    } else {
        (
            ctx.values.get("semi.jit_commission_waiver")?,
            "JIT shipments",
        )
    };
    let share = mul(pct(commission), sub(Decimal::ONE, pct(waiver))?)?;
    charges.push(Charge::share(
        "commission",
        "Commission",
        CostGroup::PlatformFees,
        share,
        format!(
            "{} commission (category {category}), {} waived for {why}: {} of the sale price.",
            pct_text(commission),
            pct_text(waiver),
            pct_text(share * Decimal::ONE_HUNDRED)
        ),
    ));
    charges.push(ctx.conversion_fee()?);
    if warehouse {
        let waiver = ctx.values.get("warehouse.fee_waiver")?;
        let kept = sub(Decimal::ONE, pct(waiver))?;
        for (key, label, id) in [
            (
                "warehouse_pickup",
                "Warehouse pickup fee",
                "warehouse.pickup_fee",
            ),
            (
                "warehouse_operation",
                "Warehouse operation fee",
                "warehouse.operation_fee",
            ),
            ("warehouse_rent", "Warehouse rent", "warehouse.rent"),
        ] {
            let normal = ctx.policy_money(id)?;
            let mut charge = Charge::fixed(key, label, CostGroup::Logistics, mul(normal, kept)?,
                format!("Normally {} per unit; {} waived for semi-managed goods entering the warehouse.", ctx.money(normal), pct_text(waiver)));
            charge.waived = Some(mul(normal, pct(waiver))?);
            charges.push(charge);
        }
    }
    charges.extend(ctx.returns("semi", "sale price")?);

    let payout = ctx.values.get("days.semi.payout")?;
    let (days, advance_pct, cash_rule) = if warehouse {
        let stock = ctx.values.get("days.semi_warehouse.stock")?;
        let delivery = ctx.values.get("days.semi_warehouse.delivery")?;
        let settled = add(add(stock, delivery)?, payout)?;
        let settle_rule = format!(
            "{} days in stock + {} days' delivery + {} days until payout",
            plain_text(stock),
            plain_text(delivery),
            plain_text(payout)
        );
        if s.semi.popular {
            let advance = ctx.values.get("semi.advance_payment")?;
            let advance_days = ctx.values.get("days.semi.advance")?;
            let days = add(
                mul(pct(advance), advance_days)?,
                mul(sub(Decimal::ONE, pct(advance))?, settled)?,
            )?;
            (days, advance, format!("{} of the value is paid in advance after {} days; the rest after {settle_rule}.", pct_text(advance), plain_text(advance_days)))
        } else {
            (settled, Decimal::ZERO, format!("{settle_rule}."))
        }
    } else {
        let delivery = ctx.values.get("days.semi_jit.delivery")?;
        (
            add(delivery, payout)?,
            Decimal::ZERO,
            format!(
                "{} days' delivery + {} days until payout.",
                plain_text(delivery),
                plain_text(payout)
            ),
        )
    };
    Draft {
        model: ModelKind::Semi,
        revenue,
        revenue_rule: sale_revenue_rule(ctx, s.semi.price, revenue),
        price_factor: ctx.rate,
        break_even_currency: s.currency.sale.clone(),
        charges,
        monthly_units: ctx.uplifted_units()?,
        days_to_cash: days,
        advance_pct,
        cash_rule,
    }
    .finish()
}

/// Fully managed: the platform buys at the supply price and does the rest.
pub(crate) fn full(ctx: &Context<'_>) -> Result<ModelResult, CalcError> {
    let s = ctx.scenario;
    let revenue = s.full.supply_price;
    let mut charges = ctx.goods();
    charges.push(ctx.weight_priced(
        "first_mile",
        "Freight to the platform warehouse",
        "first_mile.full",
        "Delivery to the platform's warehouse in China",
    )?);
    charges.push(Charge::share(
        "commission",
        "Commission",
        CostGroup::PlatformFees,
        Decimal::ZERO,
        "None: you sell to the platform at your supply price, and it sets the retail price."
            .to_owned(),
    ));
    charges.extend(ctx.returns("full", "supply price")?);

    let stock = ctx.values.get("days.full.stock")?;
    let delivery = ctx.values.get("days.full.delivery")?;
    let payout = ctx.values.get("days.full.payout")?;
    Draft {
        model: ModelKind::Full,
        revenue,
        revenue_rule: format!(
            "Supply price {}, paid by the platform for each unit sold.",
            ctx.money(revenue)
        ),
        price_factor: Decimal::ONE,
        break_even_currency: s.currency.cost.clone(),
        charges,
        monthly_units: ctx.uplifted_units()?,
        days_to_cash: add(add(stock, delivery)?, payout)?,
        advance_pct: Decimal::ZERO,
        cash_rule: format!(
            "{} days in stock + {} days' delivery + {} days until payout.",
            plain_text(stock),
            plain_text(delivery),
            plain_text(payout)
        ),
    }
    .finish()
}
