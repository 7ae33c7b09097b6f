//! The three selling models: each turns a scenario into per-unit line items, profit, break-even
//! and cash figures. Every line item is `share × revenue + fixed`, so profit and the break-even
//! price come from the same numbers.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::decimal::{add, div, mul, pct, sub, Overflow};
use crate::policy::{Assumptions, MissingValue};
use crate::rule::{Rule, RuleArg};
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
    /// The rule that produced the amount; `rule.english()` words it.
    pub rule: Rule,
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
    /// How the days are made up.
    pub rule: Rule,
}

/// One model's figures, unrounded. [`crate::Comparison`] rounds them once, at output.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ModelResult {
    /// Which model.
    pub model: ModelKind,
    /// What the seller is paid per unit sold, in the cost currency.
    pub revenue_per_unit: Decimal,
    /// How revenue is worked out.
    pub revenue_rule: Rule,
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
    rule: Rule,
    waived: Option<Decimal>,
}

impl Charge {
    fn fixed(
        key: &'static str,
        label: &'static str,
        group: CostGroup,
        amount: Decimal,
        rule: Rule,
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
        rule: Rule,
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

impl Context<'_> {
    fn money(&self, amount: Decimal) -> RuleArg {
        RuleArg::money(amount, &self.scenario.currency.cost)
    }

    /// A policy money value, converted into the cost currency.
    fn policy_money(&self, id: &str) -> Result<Decimal, CalcError> {
        Ok(div(self.values.get(id)?, self.policy_per_cost)?)
    }

    fn days(&self, id: &str) -> Result<(Decimal, RuleArg), CalcError> {
        let days = self.values.get(id)?;
        Ok((days, RuleArg::number(days)))
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
                Rule::new("goods.product", vec![]),
            ),
            Charge::fixed(
                "packaging",
                "Packaging",
                CostGroup::Product,
                product.packaging,
                Rule::new("goods.packaging", vec![]),
            ),
        ]
    }

    /// Weight × per-kg rate + per-parcel fee, from the policy values under `prefix`.
    fn weight_priced(
        &self,
        key: &'static str,
        label: &'static str,
        prefix: &str,
        rule: &'static str,
        extra: Option<RuleArg>,
    ) -> Result<Charge, CalcError> {
        let per_kg = self.policy_money(&format!("{prefix}.per_kg"))?;
        let per_parcel = self.policy_money(&format!("{prefix}.per_parcel"))?;
        let kg = self.weight_kg();
        let amount = add(mul(kg, per_kg)?, per_parcel)?;
        let mut args = vec![
            RuleArg::number(kg),
            self.money(per_kg),
            self.money(per_parcel),
        ];
        args.extend(extra);
        Ok(Charge::fixed(
            key,
            label,
            CostGroup::Logistics,
            amount,
            Rule::new(rule, args),
        ))
    }

    fn destination(&self) -> RuleArg {
        let code = &self.scenario.destination;
        let english = self
            .values
            .policy()
            .destination(code)
            .map_or(code.as_str(), |d| d.name.as_str());
        RuleArg::Name {
            kind: "destination",
            id: code.clone(),
            english: english.to_owned(),
        }
    }

    fn category_commission(&self) -> Result<(Decimal, RuleArg), CalcError> {
        let category = &self.scenario.product.category;
        let rate = self.values.get(&format!("commission.{category}"))?;
        let english = self
            .values
            .policy()
            .category(category)
            .map_or(category.as_str(), |c| c.name.as_str());
        Ok((
            rate,
            RuleArg::Name {
                kind: "category",
                id: category.clone(),
                english: english.to_owned(),
            },
        ))
    }

    fn conversion_fee(&self) -> Result<Charge, CalcError> {
        let currency = &self.scenario.currency;
        let (share, rule) = if currency.cost == currency.sale {
            (
                Decimal::ZERO,
                Rule::new("conversion.none", vec![RuleArg::currency(&currency.cost)]),
            )
        } else {
            let fee = self.values.get("payment.conversion_fee")?;
            (
                pct(fee),
                Rule::new(
                    "conversion.fee",
                    vec![
                        RuleArg::percent(fee),
                        RuleArg::currency(&currency.sale),
                        RuleArg::currency(&currency.cost),
                    ],
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
    fn returns(&self, model: &str, refunds_rule: &'static str) -> Result<Vec<Charge>, CalcError> {
        let rate = self.scenario.return_rate_pct;
        let borne = self.values.get(&format!("returns.{model}.refund_borne"))?;
        let shipping = self.policy_money(&format!("returns.{model}.return_shipping"))?;
        let unsellable = self.values.get(&format!("returns.{model}.unsellable"))?;
        let goods = self.goods_cost()?;
        let returned = pct(rate);
        let resold = sub(Decimal::ONE, pct(unsellable))?;
        let credit = mul(mul(returned, resold)?, goods)?;
        let credit_rule = if credit.is_zero() {
            Rule::new("returns_resold.none", vec![])
        } else {
            Rule::new(
                "returns_resold.credit",
                vec![
                    RuleArg::percent(rate),
                    RuleArg::percent(sub(Decimal::ONE_HUNDRED, unsellable)?),
                    self.money(goods),
                ],
            )
        };
        Ok(vec![
            Charge::share(
                "refunds",
                "Refunds",
                CostGroup::Returns,
                mul(returned, pct(borne))?,
                Rule::new(
                    refunds_rule,
                    vec![RuleArg::percent(rate), RuleArg::percent(borne)],
                ),
            ),
            Charge::fixed(
                "return_shipping",
                "Return shipping",
                CostGroup::Returns,
                mul(returned, shipping)?,
                Rule::new(
                    "return_shipping",
                    vec![RuleArg::percent(rate), self.money(shipping)],
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

    /// "Sale price USD 12.99 × 7.2 CNY per USD = CNY 93.53", or without the conversion.
    fn sale_revenue_rule(&self, price: Decimal, revenue: Decimal) -> Rule {
        let c = &self.scenario.currency;
        if c.cost == c.sale {
            Rule::new("revenue.same_currency", vec![self.money(revenue)])
        } else {
            Rule::new(
                "revenue.converted",
                vec![
                    RuleArg::money(price, &c.sale),
                    RuleArg::number(self.rate),
                    RuleArg::currency(&c.cost),
                    RuleArg::currency(&c.sale),
                    self.money(revenue),
                ],
            )
        }
    }
}

/// Revenue, line items and cash inputs of one model, before the common arithmetic.
struct Draft {
    model: ModelKind,
    revenue: Decimal,
    revenue_rule: Rule,
    /// Cost-currency units per unit of the price that break-even is stated in.
    price_factor: Decimal,
    break_even_currency: String,
    charges: Vec<Charge>,
    monthly_units: Decimal,
    days_to_cash: Decimal,
    advance_pct: Decimal,
    cash_rule: Rule,
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
        let break_even_decimals = decimals_for(mul(self.price_factor, kept.max(Decimal::ZERO))?);
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

/// The fewest decimal places a price is stated with.
pub(crate) const MIN_DECIMALS: u32 = 4;
/// The most decimal places a price is stated with.
pub(crate) const MAX_DECIMALS: u32 = 20;

/// Places `d` (at least 4, at most 20) such that an error of half a unit in the `d`-th place of
/// the price, worth `scale` cost-currency units per unit of price, stays under half a cent:
/// `scale < 10^(d−2)`. Break-even prices and the solvers' prices both use it.
pub(crate) fn decimals_for(scale: Decimal) -> u32 {
    let mut decimals = MIN_DECIMALS;
    let mut bound = Decimal::ONE_HUNDRED;
    while scale >= bound && decimals < MAX_DECIMALS {
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
        "first_mile.pop",
        None,
    )?);
    charges.push(ctx.weight_priced(
        "last_mile",
        "Shipping to the buyer",
        &format!("postage.pop.{}", s.destination),
        "last_mile.pop",
        Some(ctx.destination()),
    )?);
    let (commission, category) = ctx.category_commission()?;
    charges.push(Charge::share(
        "commission",
        "Commission",
        CostGroup::PlatformFees,
        pct(commission),
        Rule::new(
            "commission.pop",
            vec![RuleArg::percent(commission), category],
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
        Rule::new(
            "affiliate",
            vec![
                RuleArg::percent(s.pop.affiliate_share_pct),
                RuleArg::percent(s.pop.affiliate_rate_pct),
            ],
        ),
    ));
    charges.push(Charge::share(
        "advertising",
        "Advertising",
        CostGroup::Marketing,
        pct(s.pop.ad_spend_pct),
        Rule::new("advertising", vec![RuleArg::percent(s.pop.ad_spend_pct)]),
    ));
    charges.push(ctx.conversion_fee()?);
    charges.extend(ctx.returns("pop", "refunds.sale")?);

    let (delivery, delivery_arg) = ctx.days("days.pop.delivery")?;
    let (payout, payout_arg) = ctx.days("days.pop.payout")?;
    Draft {
        model: ModelKind::Pop,
        revenue,
        revenue_rule: ctx.sale_revenue_rule(s.pop.price, revenue),
        price_factor: ctx.rate,
        break_even_currency: s.currency.sale.clone(),
        charges,
        monthly_units: s.monthly_units,
        days_to_cash: add(delivery, payout)?,
        advance_pct: Decimal::ZERO,
        cash_rule: Rule::new("cash.delivery", vec![delivery_arg, payout_arg]),
    }
    .finish()
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
            "first_mile.semi_warehouse",
            None,
        )?
    } else {
        ctx.weight_priced(
            "first_mile",
            "Freight to Cainiao",
            "first_mile.semi_jit",
            "first_mile.semi_jit",
            None,
        )?
    });
    charges.push(ctx.weight_priced(
        "last_mile",
        "Shipping to the buyer",
        &format!("postage.choice.{}", s.destination),
        "last_mile.choice",
        Some(ctx.destination()),
    )?);
    let (commission, category) = ctx.category_commission()?;
    let (waiver, rule) = if warehouse {
        (
            ctx.values.get("semi.warehouse_commission_waiver")?,
            "commission.semi_warehouse",
        )
    } else {
        (
            ctx.values.get("semi.jit_commission_waiver")?,
            "commission.semi_jit",
        )
    };
    let share = mul(pct(commission), sub(Decimal::ONE, pct(waiver))?)?;
    charges.push(Charge::share(
        "commission",
        "Commission",
        CostGroup::PlatformFees,
        share,
        Rule::new(
            rule,
            vec![
                RuleArg::percent(commission),
                category,
                RuleArg::percent(waiver),
                RuleArg::percent(mul(share, Decimal::ONE_HUNDRED)?),
            ],
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
            let mut charge = Charge::fixed(
                key,
                label,
                CostGroup::Logistics,
                mul(normal, kept)?,
                Rule::new(
                    "warehouse_fee",
                    vec![ctx.money(normal), RuleArg::percent(waiver)],
                ),
            );
            charge.waived = Some(mul(normal, pct(waiver))?);
            charges.push(charge);
        }
    }
    charges.extend(ctx.returns("semi", "refunds.sale")?);

    let (payout, payout_arg) = ctx.days("days.semi.payout")?;
    let (days, advance_pct, cash_rule) = if warehouse {
        let (stock, stock_arg) = ctx.days("days.semi_warehouse.stock")?;
        let (delivery, delivery_arg) = ctx.days("days.semi_warehouse.delivery")?;
        let settled = add(add(stock, delivery)?, payout)?;
        if s.semi.popular {
            let advance = ctx.values.get("semi.advance_payment")?;
            let (advance_days, advance_days_arg) = ctx.days("days.semi.advance")?;
            // Days weighted by the share of the value paid at each time.
            let days = add(
                mul(pct(advance), advance_days)?,
                mul(sub(Decimal::ONE, pct(advance))?, settled)?,
            )?;
            let rule = Rule::new(
                "cash.advance",
                vec![
                    RuleArg::percent(advance),
                    advance_days_arg,
                    stock_arg,
                    delivery_arg,
                    payout_arg,
                ],
            );
            (days, advance, rule)
        } else {
            (
                settled,
                Decimal::ZERO,
                Rule::new("cash.stock", vec![stock_arg, delivery_arg, payout_arg]),
            )
        }
    } else {
        let (delivery, delivery_arg) = ctx.days("days.semi_jit.delivery")?;
        (
            add(delivery, payout)?,
            Decimal::ZERO,
            Rule::new("cash.delivery", vec![delivery_arg, payout_arg]),
        )
    };
    Draft {
        model: ModelKind::Semi,
        revenue,
        revenue_rule: ctx.sale_revenue_rule(s.semi.price, revenue),
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
        "first_mile.full",
        None,
    )?);
    charges.push(Charge::share(
        "commission",
        "Commission",
        CostGroup::PlatformFees,
        Decimal::ZERO,
        Rule::new("commission.full", vec![]),
    ));
    charges.extend(ctx.returns("full", "refunds.supply")?);

    let (stock, stock_arg) = ctx.days("days.full.stock")?;
    let (delivery, delivery_arg) = ctx.days("days.full.delivery")?;
    let (payout, payout_arg) = ctx.days("days.full.payout")?;
    Draft {
        model: ModelKind::Full,
        revenue,
        revenue_rule: Rule::new("revenue.supply", vec![ctx.money(revenue)]),
        price_factor: Decimal::ONE,
        break_even_currency: s.currency.cost.clone(),
        charges,
        monthly_units: ctx.uplifted_units()?,
        days_to_cash: add(add(stock, delivery)?, payout)?,
        advance_pct: Decimal::ZERO,
        cash_rule: Rule::new("cash.stock", vec![stock_arg, delivery_arg, payout_arg]),
    }
    .finish()
}
