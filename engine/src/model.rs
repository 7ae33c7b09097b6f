//! The three selling models: each turns a scenario into per-unit line items, profit, break-even
//! and cash figures. Every line item is `share × revenue + fixed`, so profit and the break-even
//! price come from the same numbers.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::decimal::{add, div, mul, pct, sub, Overflow};
use crate::input::MONEY_MAX;
use crate::policy::{with_id, Assumptions, Band, MissingValue};
use crate::rule::{Rule, RuleArg};
use crate::scenario::{volumetric_grams, ModelKind, Scenario, SemiManagedMode};

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
    /// When the part not deducted from the payout is paid.
    pub paid: Moment,
    /// The share of the amount deducted from the payout instead (1 for fees the platform takes).
    pub from_payout: Decimal,
}

/// When a cost is paid or money comes in, on a unit's timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Moment {
    /// Day 0: the goods are bought (and, for stock sent to a platform warehouse, sent there).
    Purchase,
    /// The advance payment on popular warehouse goods comes in.
    Advance,
    /// The unit sells and ships, after its days in stock.
    Shipping,
    /// The sale is paid out, less what the platform deducts.
    Payout,
}

/// One step of a unit's cash timeline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CashEvent {
    /// Days from the purchase.
    pub day: Decimal,
    /// What happens.
    pub moment: Moment,
    /// Money paid out then, per unit (costs paid at that moment).
    pub paid_out: Decimal,
    /// Money received then, per unit.
    pub paid_in: Decimal,
    /// Money tied up from this day to the next event: everything paid out so far minus
    /// everything received, never below zero.
    pub tied: Decimal,
}

/// Cash flow: when money goes out and comes in, and how much is tied up on average.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cash {
    /// Days from the first payment out (buying the goods) to the payout of the sale.
    pub days_to_cash: Decimal,
    /// Money tied up on average: money-days per unit × monthly units ÷ 30, in the cost currency.
    pub capital_tied: Decimal,
    /// Money tied up per unit, integrated over the timeline (cost currency × days).
    pub money_days_per_unit: Decimal,
    /// Costs paid out per unit before the payout (not deducted from it).
    pub outlay_per_unit: Decimal,
    /// Share of the expected revenue paid in advance, in percent (0 unless popular warehouse
    /// goods).
    pub advance_pct: Decimal,
    /// Monthly profit per 100 of capital tied up, in percent; `None` when no capital is tied.
    pub return_on_capital_pct: Option<Decimal>,
    /// The unit's timeline, by day.
    pub timeline: Vec<CashEvent>,
    /// How the days are made up.
    pub rule: Rule,
}

/// What the buyer pays where AliExpress adds VAT at checkout.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BuyerPrice {
    /// The destination's VAT rate, in percent.
    pub vat_pct: Decimal,
    /// Whether AliExpress collects it at checkout (the order is within the threshold); above
    /// it, the buyer pays VAT at import.
    pub at_checkout: bool,
    /// The price the buyer pays at checkout, in the sale currency (price + VAT); `None` above
    /// the threshold.
    pub price: Option<Decimal>,
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
    /// Profit as a percentage of revenue: of what the seller is paid (the sale price for POP and
    /// semi-managed, the supply price for fully managed).
    pub margin_pct: Decimal,
    /// Profit as a percentage of what one unit costs (unit cost + packaging); `None` when both
    /// are 0.
    pub roi_pct: Option<Decimal>,
    /// The price at which profit is zero, in `break_even_currency`; `None` when percentage costs
    /// take all of any price, or when it would be above 1,000,000,000, more than a price input
    /// takes.
    pub break_even_price: Option<Decimal>,
    /// The currency of `break_even_price`: the sale currency for POP and semi-managed, the cost
    /// currency (a supply price) for fully managed.
    pub break_even_currency: String,
    /// What the buyer pays for shipping per order, in the price's currency (POP's
    /// `pop.shipping_charge`; 0 for the others): revenue is (price + this) × the rate, so a price
    /// that meets a target is the revenue it needs ÷ the rate, less this.
    pub shipping_charge: Decimal,
    /// Decimal places to state `break_even_price` with, so that selling at the stated price gives
    /// a profit of zero to the cent: at least 4, more where a unit of price is worth a lot of
    /// cost currency (costs in KRW, prices in USD).
    pub break_even_decimals: u32,
    /// Cash flow.
    pub cash: Cash,
    /// VAT on top of the sale price for the buyer (POP and semi-managed, in markets where it
    /// applies); it never changes the seller's figures.
    pub buyer: Option<BuyerPrice>,
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

/// Which figures grew too large to keep to the cent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Beyond {
    /// A figure per unit (revenue, a line item, profit) of [`PER_UNIT_LIMIT`] or more: only the
    /// policy's amounts converted with an extreme `fx.*` override get there, as prices, costs and
    /// weights are bounded.
    PerUnit,
    /// A monthly figure (monthly profit, capital tied up) of [`MONTHLY_LIMIT`] or more.
    Monthly,
}

/// Figures per unit stay below 10^18: with 28 significant digits, 10 decimals are left, so no
/// rounding inside the arithmetic comes near a cent.
pub const PER_UNIT_LIMIT: Decimal = Decimal::from_parts(0xA764_0000, 0x0DE0_B6B3, 0, false, 0);
/// Monthly figures stay below 10^24: 4 decimals are left.
pub const MONTHLY_LIMIT: Decimal = Decimal::from_parts(0xA100_0000, 0x1BCE_CCED, 0xD3C2, false, 0);

/// Why a model could not be computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalcError {
    /// The figures exceed exact decimal arithmetic.
    Overflow,
    /// The figures fit, but too large to keep to the cent.
    BeyondCents(Beyond),
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
    paid: Moment,
    from_payout: Decimal,
}

impl Charge {
    /// A fixed amount per unit, paid at `paid`.
    fn fixed(
        key: &'static str,
        label: &'static str,
        group: CostGroup,
        amount: Decimal,
        rule: Rule,
        paid: Moment,
    ) -> Self {
        Charge {
            key,
            label,
            group,
            share: Decimal::ZERO,
            fixed: amount,
            rule,
            waived: None,
            paid,
            from_payout: Decimal::ZERO,
        }
    }

    /// A share of revenue, which the platform deducts from the payout.
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
            paid: Moment::Payout,
            from_payout: Decimal::ONE,
        }
    }

    /// The same charge, deducted from the payout.
    fn deducted(mut self) -> Self {
        self.from_payout = Decimal::ONE;
        self
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
    /// The market this computation is for: the destination, or one market of a mix.
    pub market: &'a str,
    /// Whether the rules get their arguments (the amounts, rates and names they are worded
    /// with); without them a rule keeps only its id, for figures nobody reads the rules of (a
    /// catalog's rows). The figures are the same either way.
    pub detail: bool,
}

/// A model's marketing: its own store's ad spend and affiliate orders, both on the sale price,
/// which is revenue less `shipping`, the part of it the buyer paid for shipping.
struct Marketing {
    ad_spend_pct: Decimal,
    affiliate_share_pct: Decimal,
    affiliate_rate_pct: Decimal,
    shipping: Decimal,
}

/// The platform fees a model charges on revenue, as shares of it, for [`Context::fees_refunded`]:
/// all on the order total, save the affiliate commission, which excludes `shipping` (the part of
/// revenue the buyer paid for shipping).
#[derive(Default)]
struct Fees {
    commission: Decimal,
    service_fee: Decimal,
    affiliate: Decimal,
    conversion: Decimal,
    shipping: Decimal,
}

impl<'a> Context<'a> {
    /// The same scenario and values, for `market`.
    pub(crate) fn at(&self, market: &'a str) -> Context<'a> {
        Context {
            scenario: self.scenario,
            values: self.values,
            rate: self.rate,
            policy_per_cost: self.policy_per_cost,
            market,
            detail: self.detail,
        }
    }
}

impl Context<'_> {
    /// Rule `id` with the arguments `args` makes, when the rules are wanted in full
    /// ([`Context::detail`]).
    fn rule(&self, id: &'static str, args: impl FnOnce() -> Vec<RuleArg>) -> Rule {
        Rule::new(id, if self.detail { args() } else { Vec::new() })
    }

    fn money(&self, amount: Decimal) -> RuleArg {
        RuleArg::money(amount, &self.scenario.currency.cost)
    }

    /// A policy money value, converted into the cost currency.
    fn policy_money(&self, id: &str) -> Result<Decimal, CalcError> {
        Ok(div(self.values.get(id)?, self.policy_per_cost)?)
    }

    /// [`Context::policy_money`] of the id joined from `parts` (see [`with_id`]).
    fn policy_money_in(&self, parts: &[&str]) -> Result<Decimal, CalcError> {
        Ok(div(self.values.get_in(parts)?, self.policy_per_cost)?)
    }

    fn days(&self, id: &str) -> Result<(Decimal, RuleArg), CalcError> {
        let days = self.values.get(id)?;
        Ok((days, RuleArg::number(days)))
    }

    /// Whether a model's delivery to this market is Cainiao's five-day delivery: the policy
    /// marks the market `cainiao_five_day` and has the model's `<delivery>_five_day` value
    /// (issue #15, item 7).
    fn five_day(&self, delivery: &str) -> bool {
        let policy = self.values.policy();
        policy
            .destination(self.market)
            .is_some_and(|d| d.cainiao_five_day)
            && with_id(&[delivery, "_five_day"], |id| policy.value(id).is_some())
    }

    /// A model's delivery days to this market, `delivery` (`days.full.delivery`) naming its
    /// value: the `_five_day` one where [`Context::five_day`], else its own.
    fn delivery_days(&self, delivery: &str) -> Result<(Decimal, RuleArg), CalcError> {
        if self.five_day(delivery) {
            with_id(&[delivery, "_five_day"], |id| self.days(id))
        } else {
            self.days(delivery)
        }
    }

    /// `rule`, followed where `delivery` is five-day by the sentence that says so.
    fn five_day_rule(&self, delivery: &str, rule: Rule) -> Rule {
        if self.five_day(delivery) {
            self.rule("cash.five_day", || {
                vec![RuleArg::rule(rule), self.destination()]
            })
        } else {
            rule
        }
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

    /// The retail price in the cost currency: POP's price × the rate.
    pub(crate) fn retail(&self) -> Result<Decimal, CalcError> {
        Ok(mul(self.scenario.pop.price, self.rate)?)
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
                Moment::Purchase,
            ),
            Charge::fixed(
                "packaging",
                "Packaging",
                CostGroup::Product,
                product.packaging,
                Rule::new("goods.packaging", vec![]),
                Moment::Purchase,
            ),
        ]
    }

    /// Weight × per-kg rate + per-parcel fee, from the policy values under `prefix`, paid at
    /// `paid`.
    fn weight_priced(
        &self,
        (key, label): (&'static str, &'static str),
        prefix: &str,
        rule: &'static str,
        extra: Option<RuleArg>,
        paid: Moment,
    ) -> Result<Charge, CalcError> {
        let per_kg = self.policy_money_in(&[prefix, ".per_kg"])?;
        let per_parcel = self.policy_money_in(&[prefix, ".per_parcel"])?;
        let kg = self.weight_kg();
        let amount = add(mul(kg, per_kg)?, per_parcel)?;
        let rule = self.rule(rule, || {
            let mut args = vec![
                RuleArg::number(kg),
                self.money(per_kg),
                self.money(per_parcel),
            ];
            args.extend(extra);
            args
        });
        Ok(Charge::fixed(
            key,
            label,
            CostGroup::Logistics,
            amount,
            rule,
            paid,
        ))
    }

    /// Postage to the buyer by `service` (a policy service id): the parcel's weight priced in
    /// the service's band for it, per kg + per parcel, paid when the unit ships, or the share
    /// `deducted_id` (a policy value id) taken from the payout instead.
    fn postage(&self, service: &str, deducted_id: &str) -> Result<Charge, CalcError> {
        let policy = self.values.policy();
        let destination = self.market;
        let service = policy
            .service(service)
            .ok_or_else(|| CalcError::Missing(format!("postage.{service}")))?;
        let actual_g = self.scenario.product.weight_g;
        let divisor = self
            .values
            .get_in(&["logistics.", &service.id, ".volumetric_divisor"])?;
        let dimensions = self.scenario.product.dimensions_cm;
        // Validated: a parcel too heavy by volume for the service is an error at its side.
        let volumetric_g = dimensions
            .and_then(|d| volumetric_grams(&d, divisor))
            .filter(|g| *g > actual_g);
        let chargeable_g = volumetric_g.unwrap_or(actual_g);
        // The weight is validated against the service's limit, so a band is always found.
        let band = service
            .band(chargeable_g)
            .ok_or_else(|| CalcError::Missing(format!("postage.{}.{destination}", service.id)))?;
        let priced_g = priced_grams(band, chargeable_g)?;
        let per_kg = self.policy_money_in(&service.rate_id_parts(destination, band, "per_kg"))?;
        let per_parcel =
            self.policy_money_in(&service.rate_id_parts(destination, band, "per_parcel"))?;
        let kg = priced_g / Decimal::ONE_THOUSAND;
        let amount = add(mul(kg, per_kg)?, per_parcel)?;
        let stepped = band
            .step_g
            .filter(|_| priced_g != chargeable_g)
            .map(|step| RuleArg::number(step / Decimal::ONE_THOUSAND));
        let weight = match (volumetric_g.zip(dimensions), stepped) {
            (None, None) => self.rule("weight.actual", || vec![RuleArg::number(kg)]),
            (None, Some(step)) => self.rule("weight.stepped", || {
                vec![
                    RuleArg::number(kg),
                    RuleArg::number(chargeable_g / Decimal::ONE_THOUSAND),
                    step,
                ]
            }),
            (Some((volumetric, sides)), step) => {
                let id = if step.is_some() {
                    "weight.volumetric_stepped"
                } else {
                    "weight.volumetric"
                };
                self.rule(id, || {
                    let mut args = vec![
                        RuleArg::number(kg),
                        RuleArg::number(volumetric / Decimal::ONE_THOUSAND),
                        RuleArg::number(sides.length),
                        RuleArg::number(sides.width),
                        RuleArg::number(sides.height),
                        RuleArg::number(divisor),
                        RuleArg::number(actual_g / Decimal::ONE_THOUSAND),
                    ];
                    args.extend(step);
                    args
                })
            }
        };
        let rule = self.rule("last_mile", || {
            vec![
                RuleArg::Name {
                    kind: "service",
                    id: service.id.clone(),
                    english: service.name.clone(),
                },
                self.destination(),
                RuleArg::Name {
                    kind: "band",
                    id: band.id.clone(),
                    english: band.name.clone(),
                },
                RuleArg::rule(weight),
                self.money(per_kg),
                self.money(per_parcel),
            ]
        });
        let mut charge = Charge::fixed(
            "last_mile",
            "Shipping to the buyer",
            CostGroup::Logistics,
            amount,
            rule,
            Moment::Shipping,
        );
        charge.from_payout = pct(self.values.get(deducted_id)?);
        Ok(charge)
    }

    /// The market, as a rule names it (a plain 0 when the rules are not wanted in full: nothing
    /// reads it then).
    fn destination(&self) -> RuleArg {
        if !self.detail {
            return RuleArg::number(Decimal::ZERO);
        }
        let code = self.market;
        let english = self
            .values
            .policy()
            .destination(code)
            .map_or(code, |d| d.name.as_str());
        RuleArg::Name {
            kind: "destination",
            id: code.to_owned(),
            english: english.to_owned(),
        }
    }

    fn category_commission(&self) -> Result<(Decimal, RuleArg), CalcError> {
        let category = &self.scenario.product.category;
        let rate = self.values.get_in(&["commission.", category])?;
        if !self.detail {
            // Nothing reads the name then (see `destination`).
            return Ok((rate, RuleArg::number(Decimal::ZERO)));
        }
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

    /// The transaction service fee (policy value `service_fee.rate`, 0 before February 2025),
    /// less the share a semi-managed waiver covers (`waiver_id`, when given). `order_total`: the
    /// buyer pays for shipping too, and the fee is on the order total.
    fn service_fee(&self, waiver_id: Option<&str>, order_total: bool) -> Result<Charge, CalcError> {
        let rate = self.values.get("service_fee.rate")?;
        let (share, rule) = match waiver_id {
            None => (
                pct(rate),
                self.rule(
                    if order_total {
                        "service_fee.order_total"
                    } else {
                        "service_fee"
                    },
                    || vec![RuleArg::percent(rate)],
                ),
            ),
            Some(id) => {
                let waiver = self.values.get(id)?;
                let share = mul(pct(rate), sub(Decimal::ONE, pct(waiver))?)?;
                let share_pct = mul(share, Decimal::ONE_HUNDRED)?;
                (
                    share,
                    self.rule("service_fee.waived", || {
                        vec![
                            RuleArg::percent(rate),
                            RuleArg::percent(waiver),
                            RuleArg::percent(share_pct),
                        ]
                    }),
                )
            }
        };
        Ok(Charge::share(
            "service_fee",
            "Transaction service fee",
            CostGroup::PlatformFees,
            share,
            rule,
        ))
    }

    /// The price the buyer pays where AliExpress adds VAT at checkout (policy values
    /// `vat.<destination>.rate` up to `vat.eu_threshold` EUR, or `vat.gb_threshold` GBP to the
    /// United Kingdom): the sale price + VAT. `None` where the destination has no VAT value.
    pub(crate) fn buyer_price(
        &self,
        price: Decimal,
        shipping: Decimal,
    ) -> Result<Option<BuyerPrice>, CalcError> {
        let destination = self.market;
        let Ok(vat) = self.values.get_in(&["vat.", destination, ".rate"]) else {
            return Ok(None);
        };
        let (threshold_id, currency) = if destination == "GB" {
            ("vat.gb_threshold", "GBP")
        } else {
            ("vat.eu_threshold", "EUR")
        };
        // The order's value in the threshold's currency: sale price → cost currency → CNY →
        // EUR or GBP.
        let in_policy = mul(mul(price, self.rate)?, self.policy_per_cost)?;
        let value = div(in_policy, self.values.get_in(&["fx.", currency])?)?;
        let at_checkout = value <= self.values.get(threshold_id)?;
        Ok(Some(BuyerPrice {
            vat_pct: vat,
            at_checkout,
            // VAT is on the whole order, shipping included; the threshold on the goods alone.
            price: if at_checkout {
                Some(mul(add(price, shipping)?, add(Decimal::ONE, pct(vat))?)?)
            } else {
                None
            },
        }))
    }

    /// Affiliate commission and advertising for a store with this marketing: affiliates are paid
    /// from the payout; ads are spent as the goods sell.
    fn marketing(&self, m: &Marketing) -> Result<(Vec<Charge>, Decimal), CalcError> {
        let affiliate = mul(pct(m.affiliate_share_pct), pct(m.affiliate_rate_pct))?;
        let mut advertising = Charge::share(
            "advertising",
            "Advertising",
            CostGroup::Marketing,
            pct(m.ad_spend_pct),
            self.rule("advertising", || vec![RuleArg::percent(m.ad_spend_pct)]),
        );
        advertising.paid = Moment::Shipping;
        advertising.from_payout = Decimal::ZERO;
        // Both are on the sale price: a share of revenue less that share of the shipping in it.
        advertising.fixed = -mul(advertising.share, m.shipping)?;
        let mut affiliates = Charge::share(
            "affiliate",
            "Affiliate commission",
            CostGroup::Marketing,
            affiliate,
            self.rule("affiliate", || {
                vec![
                    RuleArg::percent(m.affiliate_share_pct),
                    RuleArg::percent(m.affiliate_rate_pct),
                ]
            }),
        );
        affiliates.fixed = -mul(affiliate, m.shipping)?;
        Ok((vec![affiliates, advertising], affiliate))
    }

    /// The fee for withdrawing the payout in the cost currency; `order_total`: the buyer pays for
    /// shipping too, and the whole order total is withdrawn.
    fn conversion_fee(&self, order_total: bool) -> Result<Charge, CalcError> {
        let currency = &self.scenario.currency;
        let (share, rule) = if currency.cost == currency.sale {
            (
                Decimal::ZERO,
                self.rule("conversion.none", || {
                    vec![RuleArg::currency(&currency.cost)]
                }),
            )
        } else {
            let fee = self.values.get("payment.conversion_fee")?;
            (
                pct(fee),
                self.rule(
                    if order_total {
                        "conversion.fee.order_total"
                    } else {
                        "conversion.fee"
                    },
                    || {
                        vec![
                            RuleArg::percent(fee),
                            RuleArg::currency(&currency.sale),
                            RuleArg::currency(&currency.cost),
                        ]
                    },
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

    /// The fees that come back on refunded orders, as a credit: the return rate × each fee's
    /// share of revenue × the share of it the platform returns (policy values
    /// `returns.<model>.commission_back`, `.affiliate_back`, `.conversion_back`).
    fn fees_refunded(&self, model: &str, fees: &Fees) -> Result<Charge, CalcError> {
        let rate = self.scenario.return_rate_pct;
        let back = |what: &str| self.values.get_in(&["returns.", model, ".", what, "_back"]);
        let (commission, affiliate, conversion) =
            (back("commission")?, back("affiliate")?, back("conversion")?);
        // The service fee is charged and returned like the commission (the same source).
        let platform = add(fees.commission, fees.service_fee)?;
        let returned = add(
            add(
                mul(platform, pct(commission))?,
                mul(fees.affiliate, pct(affiliate))?,
            )?,
            mul(fees.conversion, pct(conversion))?,
        )?;
        let mut charge = Charge::share(
            "fees_refunded",
            "Fees returned on refunds",
            CostGroup::Returns,
            -mul(pct(rate), returned)?,
            self.rule("fees_refunded", || {
                vec![
                    RuleArg::percent(rate),
                    RuleArg::percent(commission),
                    RuleArg::percent(affiliate),
                    RuleArg::percent(conversion),
                ]
            }),
        );
        // The affiliate commission excluded the shipping: so does what comes back of it.
        charge.fixed = mul(
            mul(pct(rate), mul(fees.affiliate, pct(affiliate))?)?,
            fees.shipping,
        )?;
        Ok(charge)
    }

    /// Refunds, return shipping and the credit for returned goods that are resold, all settled
    /// through the payout.
    fn returns(&self, model: &str, refunds_rule: &'static str) -> Result<Vec<Charge>, CalcError> {
        let rate = self.scenario.return_rate_pct;
        let borne = self.values.get_in(&["returns.", model, ".refund_borne"])?;
        let shipping = self.policy_money_in(&["returns.", model, ".return_shipping"])?;
        let unsellable = self.values.get_in(&["returns.", model, ".unsellable"])?;
        let goods = self.goods_cost()?;
        let returned = pct(rate);
        let resold = sub(Decimal::ONE, pct(unsellable))?;
        let credit = mul(mul(returned, resold)?, goods)?;
        let credit_rule = if credit.is_zero() {
            Rule::new("returns_resold.none", vec![])
        } else {
            let resold_pct = sub(Decimal::ONE_HUNDRED, unsellable)?;
            self.rule("returns_resold.credit", || {
                vec![
                    RuleArg::percent(rate),
                    RuleArg::percent(resold_pct),
                    self.money(goods),
                ]
            })
        };
        Ok(vec![
            Charge::share(
                "refunds",
                "Refunds",
                CostGroup::Returns,
                mul(returned, pct(borne))?,
                self.rule(refunds_rule, || {
                    vec![RuleArg::percent(rate), RuleArg::percent(borne)]
                }),
            ),
            Charge::fixed(
                "return_shipping",
                "Return shipping",
                CostGroup::Returns,
                mul(returned, shipping)?,
                self.rule("return_shipping", || {
                    vec![RuleArg::percent(rate), self.money(shipping)]
                }),
                Moment::Payout,
            )
            .deducted(),
            Charge::fixed(
                "returns_resold",
                "Returned goods resold",
                CostGroup::Returns,
                -credit,
                credit_rule,
                Moment::Payout,
            )
            .deducted(),
        ])
    }

    fn uplifted_units(&self) -> Result<Decimal, CalcError> {
        let uplift = self.values.get("choice.traffic_uplift")?;
        Ok(mul(
            self.scenario.monthly_units,
            add(Decimal::ONE, pct(uplift))?,
        )?)
    }

    /// "Sale price USD 12.99 × 7.2 CNY per USD = CNY 93.53", or without the conversion; with
    /// the shipping the buyer pays (`shipping`, sale currency) added to the price when there is
    /// some.
    fn sale_revenue_rule(
        &self,
        price: Decimal,
        shipping: Decimal,
        revenue: Decimal,
    ) -> Result<Rule, CalcError> {
        let c = &self.scenario.currency;
        if !shipping.is_zero() {
            let total = add(price, shipping)?;
            return Ok(if c.cost == c.sale {
                self.rule("revenue.shipping", || {
                    vec![
                        RuleArg::money(price, &c.sale),
                        RuleArg::money(shipping, &c.sale),
                        self.money(revenue),
                    ]
                })
            } else {
                self.rule("revenue.shipping_converted", || {
                    vec![
                        RuleArg::money(price, &c.sale),
                        RuleArg::money(shipping, &c.sale),
                        RuleArg::money(total, &c.sale),
                        RuleArg::number(self.rate),
                        RuleArg::currency(&c.cost),
                        RuleArg::currency(&c.sale),
                        self.money(revenue),
                    ]
                })
            });
        }
        Ok(if c.cost == c.sale {
            self.rule("revenue.same_currency", || vec![self.money(revenue)])
        } else {
            self.rule("revenue.converted", || {
                vec![
                    RuleArg::money(price, &c.sale),
                    RuleArg::number(self.rate),
                    RuleArg::currency(&c.cost),
                    RuleArg::currency(&c.sale),
                    self.money(revenue),
                ]
            })
        })
    }

    /// The fully managed supply price: the one entered, else the estimate (policy value
    /// `full.supply_share` of the retail price), with its rule.
    pub(crate) fn supply_price(&self) -> Result<(Decimal, Rule, bool), CalcError> {
        if let Some(supply) = self.scenario.full.supply_price {
            return Ok((
                supply,
                self.rule("revenue.supply", || vec![self.money(supply)]),
                false,
            ));
        }
        let share = self.values.get("full.supply_share")?;
        let retail = self.retail()?;
        let estimate = mul(retail, pct(share))?;
        Ok((
            estimate,
            self.rule("revenue.supply_estimated", || {
                vec![
                    self.money(estimate),
                    RuleArg::percent(share),
                    self.money(retail),
                ]
            }),
            true,
        ))
    }
}

/// When a unit's money moves: the days it waits in stock before it sells, the day its sale is
/// paid out, and any advance payment (day, share of revenue).
struct Timeline {
    stock_days: Decimal,
    payout_day: Decimal,
    advance: Option<(Decimal, Decimal)>,
}

/// Revenue, line items and cash inputs of one model, before the common arithmetic: for one
/// market, or the share-weighted mix of several ([`Draft::mix`]).
pub(crate) struct Draft {
    model: ModelKind,
    revenue: Decimal,
    revenue_rule: Rule,
    /// Cost-currency units per unit of the price that break-even is stated in.
    price_factor: Decimal,
    /// What the buyer pays for shipping, in the price's currency: revenue is (price + this) ×
    /// `price_factor`.
    shipping_charge: Decimal,
    break_even_currency: String,
    charges: Vec<Charge>,
    monthly_units: Decimal,
    timeline: Timeline,
    advance_pct: Decimal,
    cash_rule: Rule,
    buyer: Option<BuyerPrice>,
    /// Unit cost + packaging, the base of the return on goods.
    goods_cost: Decimal,
    /// The market it is for, as a rule names it.
    market: RuleArg,
    /// Whether its rules have their arguments ([`Context::detail`]).
    detail: bool,
    /// The cost currency, which every amount is in.
    currency: String,
    /// A mix's cash flows, already weighted; `None` for one market, whose flows come from its
    /// line items and timeline.
    mixed_cash: Option<CashPlan>,
}

/// A unit's money flows, by day: (day, moment, paid out, received). The payout's "received" is
/// revenue less what the platform deducts and may be negative (money owed back).
type Flow = (Decimal, Moment, Decimal, Decimal);

/// A unit's cash flows, the costs it pays out before the payout, and the day it is paid out.
#[derive(Clone)]
struct CashPlan {
    flows: Vec<Flow>,
    outlay: Decimal,
    payout_day: Decimal,
    /// A mix's markets, `(share, plan)`: the money tied up after each event is the
    /// share-weighted sum of theirs. Empty for one market.
    parts: Vec<(Decimal, CashPlan)>,
}

impl Draft {
    /// What one charge costs per unit: its share of the revenue plus its fixed part.
    fn amount(&self, charge: &Charge) -> Result<Decimal, CalcError> {
        Ok(add(mul(charge.share, self.revenue)?, charge.fixed)?)
    }

    /// The share-weighted mix of one model's drafts for several markets: `(share, draft)`, the
    /// shares (fractions) adding up to 1. The same product sells at the same price everywhere,
    /// so revenue and the line items' shares of it are the same; fixed amounts (postage) and
    /// days are weighted, and a line whose markets differ gets a rule listing each market's
    /// share, amount and own rule. Cash is the weighted sum of the markets' flows.
    pub(crate) fn mix(parts: Vec<(Decimal, Draft)>) -> Result<Draft, CalcError> {
        let Some((_, first)) = parts.first() else {
            return Err(CalcError::Missing("destinations".to_owned()));
        };
        let mut charges = Vec::with_capacity(first.charges.len());
        for (i, charge) in first.charges.iter().enumerate() {
            let mut share = Decimal::ZERO;
            let mut fixed = Decimal::ZERO;
            let mut waived: Option<Decimal> = None;
            let mut same = true;
            for (weight, draft) in &parts {
                let theirs = draft
                    .charges
                    .get(i)
                    .filter(|c| c.key == charge.key)
                    .ok_or_else(|| CalcError::Missing(charge.key.to_owned()))?;
                share = add(share, mul(*weight, theirs.share)?)?;
                fixed = add(fixed, mul(*weight, theirs.fixed)?)?;
                if let Some(w) = theirs.waived {
                    waived = Some(add(waived.unwrap_or_default(), mul(*weight, w)?)?);
                }
                same &= theirs.rule == charge.rule
                    && theirs.share == charge.share
                    && theirs.fixed == charge.fixed;
            }
            let rule = if same {
                charge.rule.clone()
            } else if !first.detail {
                Rule::new("mix", Vec::new())
            } else {
                let mut each = Vec::with_capacity(parts.len());
                for (weight, draft) in &parts {
                    let theirs = &draft.charges[i];
                    let amount = add(mul(theirs.share, draft.revenue)?, theirs.fixed)?;
                    each.push(Rule::new(
                        "mix.share",
                        vec![
                            RuleArg::percent(mul(*weight, Decimal::ONE_HUNDRED)?),
                            draft.market.clone(),
                            RuleArg::money(amount, &first.currency),
                            RuleArg::rule(theirs.rule.clone()),
                        ],
                    ));
                }
                Rule::new("mix", vec![RuleArg::Rules { rules: each }])
            };
            charges.push(Charge {
                key: charge.key,
                label: charge.label,
                group: charge.group,
                share,
                fixed,
                rule,
                waived,
                paid: charge.paid,
                from_payout: charge.from_payout,
            });
        }
        let mut plans = Vec::with_capacity(parts.len());
        for (weight, draft) in &parts {
            plans.push((*weight, draft.cash_plan()?));
        }
        let mixed_cash = CashPlan::mix(plans)?;
        // Delivery days differ by market (issue #15, item 7): where the markets' days differ,
        // the rule lists each market's share and days, after the share-weighted payout day.
        let cash_rule = if parts.iter().all(|(_, d)| d.cash_rule == first.cash_rule) {
            first.cash_rule.clone()
        } else if !first.detail {
            Rule::new("mix.cash", Vec::new())
        } else {
            let mut each = Vec::with_capacity(parts.len());
            for (weight, draft) in &parts {
                each.push(Rule::new(
                    "mix.days",
                    vec![
                        RuleArg::percent(mul(*weight, Decimal::ONE_HUNDRED)?),
                        draft.market.clone(),
                        RuleArg::rule(draft.cash_rule.clone()),
                    ],
                ));
            }
            Rule::new(
                "mix.cash",
                vec![
                    RuleArg::number(mixed_cash.payout_day),
                    RuleArg::Rules { rules: each },
                ],
            )
        };
        // What the buyer pays differs by market (VAT): shown only when every market agrees.
        let buyer = first
            .buyer
            .clone()
            .filter(|buyer| parts.iter().all(|(_, d)| d.buyer.as_ref() == Some(buyer)));
        let (_, first) = parts.into_iter().next().ok_or(CalcError::Overflow)?;
        Ok(Draft {
            charges,
            cash_rule,
            buyer,
            timeline: Timeline {
                payout_day: mixed_cash.payout_day,
                ..first.timeline
            },
            mixed_cash: Some(mixed_cash),
            ..first
        })
    }

    /// The unit's cash flows: its own, or a mix's weighted ones.
    fn cash_plan(&self) -> Result<CashPlan, CalcError> {
        match &self.mixed_cash {
            Some(plan) => Ok(plan.clone()),
            None => {
                let mut items = Vec::with_capacity(self.charges.len());
                for charge in &self.charges {
                    items.push((self.amount(charge)?, charge.from_payout, charge.paid));
                }
                CashPlan::of(items, self.revenue, &self.timeline)
            }
        }
    }

    /// The figures: each charge applied to the revenue (a line item, which takes the charge's
    /// rule), profit, break-even, cash.
    fn finish(mut self) -> Result<ModelResult, CalcError> {
        let mut line_items = Vec::with_capacity(self.charges.len());
        let mut total = Decimal::ZERO;
        let mut shares = Decimal::ZERO;
        let mut fixed = Decimal::ZERO;
        for charge in std::mem::take(&mut self.charges) {
            let amount = self.amount(&charge)?;
            total = add(total, amount)?;
            shares = add(shares, charge.share)?;
            fixed = add(fixed, charge.fixed)?;
            line_items.push(LineItem {
                key: charge.key,
                label: charge.label,
                group: charge.group,
                amount,
                rule: charge.rule,
                waived: charge.waived,
                share_of_revenue: charge.share,
                paid: charge.paid,
                from_payout: charge.from_payout,
            });
        }
        let goods_cost = self.goods_cost;
        let profit = sub(self.revenue, total)?;
        let kept = sub(Decimal::ONE, shares)?;
        // profit(price) = (price + shipping) × factor × (1 − shares) − fixed, which is zero at
        // this price. A break-even price above the largest price that can be entered (or beyond
        // exact arithmetic) is no price a seller can sell at: none; so is one below 0, when the
        // buyer's shipping alone more than covers the costs.
        let break_even_price = if kept > Decimal::ZERO {
            div(fixed, kept)
                .and_then(|p| div(p, self.price_factor))
                .and_then(|p| sub(p, self.shipping_charge))
                .ok()
                .filter(|p| *p <= Decimal::from(MONEY_MAX) && *p >= Decimal::ZERO)
        } else {
            None
        };
        let break_even_decimals = decimals_for(mul(self.price_factor, kept.max(Decimal::ZERO))?);
        let margin_pct = if self.revenue.is_zero() {
            Decimal::ZERO
        } else {
            mul(div(profit, self.revenue)?, Decimal::ONE_HUNDRED)?
        };
        let roi_pct = if goods_cost.is_zero() {
            None
        } else {
            Some(mul(div(profit, goods_cost)?, Decimal::ONE_HUNDRED)?)
        };
        let monthly_profit = mul(profit, self.monthly_units)?;
        let plan = match self.mixed_cash.take() {
            Some(plan) => plan,
            None => CashPlan::of(
                line_items
                    .iter()
                    .map(|item| (item.amount, item.from_payout, item.paid)),
                self.revenue,
                &self.timeline,
            )?,
        };
        let (timeline, money_days) = plan.integrate()?;
        let outlay = plan.outlay;
        let capital_tied = div(
            mul(money_days, self.monthly_units)?,
            Decimal::from(DAYS_A_MONTH),
        )?;
        let return_on_capital_pct = if capital_tied.is_zero() {
            None
        } else {
            Some(mul(
                div(monthly_profit, capital_tied)?,
                Decimal::ONE_HUNDRED,
            )?)
        };
        let per_unit_beyond = std::iter::once(self.revenue)
            .chain(line_items.iter().map(|i| i.amount))
            .chain([profit, fixed, outlay])
            .any(|x| x.abs() >= PER_UNIT_LIMIT);
        if per_unit_beyond {
            return Err(CalcError::BeyondCents(Beyond::PerUnit));
        }
        let monthly_beyond = [monthly_profit, capital_tied]
            .into_iter()
            .chain(roi_pct)
            .chain(return_on_capital_pct)
            .chain([margin_pct])
            .any(|x| x.abs() >= MONTHLY_LIMIT);
        if monthly_beyond {
            return Err(CalcError::BeyondCents(Beyond::Monthly));
        }
        Ok(ModelResult {
            model: self.model,
            revenue_per_unit: self.revenue,
            revenue_rule: self.revenue_rule,
            line_items,
            profit_per_unit: profit,
            monthly_units: self.monthly_units,
            monthly_profit,
            margin_pct,
            roi_pct,
            break_even_price,
            break_even_currency: self.break_even_currency,
            break_even_decimals,
            shipping_charge: self.shipping_charge,
            cash: Cash {
                days_to_cash: plan.payout_day,
                capital_tied,
                money_days_per_unit: money_days,
                outlay_per_unit: outlay,
                advance_pct: self.advance_pct,
                return_on_capital_pct,
                timeline,
                rule: self.cash_rule,
            },
            buyer: self.buyer,
        })
    }
}

/// One model's figures for the markets sold to, `(context, share)` with the shares adding up to
/// 1: the model for the one market, or the share-weighted mix of its figures for each.
pub(crate) fn compute(
    kind: ModelKind,
    markets: &[(Context<'_>, Decimal)],
) -> Result<ModelResult, CalcError> {
    let draft = |ctx: &Context<'_>| match kind {
        ModelKind::Pop => pop(ctx),
        ModelKind::Semi => semi(ctx),
        ModelKind::Full => full(ctx),
    };
    match markets {
        [(ctx, _)] => draft(ctx)?.finish(),
        _ => {
            let mut parts = Vec::with_capacity(markets.len());
            for (ctx, share) in markets {
                parts.push((*share, draft(ctx)?));
            }
            Draft::mix(parts)?.finish()
        }
    }
}

/// The weight a band prices a parcel of `grams` at: the weight itself, or in a band priced by
/// steps (the half kilo of large parcels), the weight rounded up to a whole number of steps.
pub(crate) fn priced_grams(band: &Band, grams: Decimal) -> Result<Decimal, Overflow> {
    match band.step_g {
        Some(step) if !step.is_zero() => mul(div(grams, step)?.ceil(), step),
        _ => Ok(grams),
    }
}

/// Days in the month that monthly units are spread over.
const DAYS_A_MONTH: i64 = 30;

impl CashPlan {
    /// A unit's cash flows: each cost paid when the model pays it, the advance when it comes, and
    /// the payout (revenue less what the platform deducts, less any advance) when the sale is
    /// paid out; with the costs paid out before the payout.
    /// `items` are the line items' `(amount, from_payout, paid)`.
    fn of(
        items: impl IntoIterator<Item = (Decimal, Decimal, Moment)>,
        revenue: Decimal,
        t: &Timeline,
    ) -> Result<CashPlan, CalcError> {
        let mut flows: Vec<Flow> = vec![
            (
                Decimal::ZERO,
                Moment::Purchase,
                Decimal::ZERO,
                Decimal::ZERO,
            ),
            (t.stock_days, Moment::Shipping, Decimal::ZERO, Decimal::ZERO),
        ];
        let mut deducted = Decimal::ZERO;
        let mut outlay = Decimal::ZERO;
        for (amount, share_from_payout, paid) in items {
            let from_payout = mul(amount, share_from_payout)?;
            deducted = add(deducted, from_payout)?;
            let paid_then = sub(amount, from_payout)?;
            if paid_then.is_zero() {
                continue;
            }
            outlay = add(outlay, paid_then)?;
            let slot = match paid {
                Moment::Purchase => 0,
                _ => 1,
            };
            flows[slot].2 = add(flows[slot].2, paid_then)?;
        }
        let mut payout = sub(revenue, deducted)?;
        flows.push((t.payout_day, Moment::Payout, Decimal::ZERO, payout));
        if let Some((day, share)) = t.advance {
            let advance = mul(revenue, share)?;
            payout = sub(payout, advance)?;
            flows[2].3 = payout;
            place(&mut flows, (day, Moment::Advance, Decimal::ZERO, advance))?;
        }
        Ok(CashPlan {
            flows,
            outlay,
            payout_day: t.payout_day,
            parts: Vec::new(),
        })
    }

    /// The share-weighted sum of several units' flows (`(share, plan)`, the shares adding up to
    /// 1): the flows of the average unit of a mix, each market's on its own days. Flows on the
    /// same day and moment add up.
    fn mix(plans: Vec<(Decimal, CashPlan)>) -> Result<CashPlan, CalcError> {
        let mut mixed = CashPlan {
            flows: Vec::new(),
            outlay: Decimal::ZERO,
            payout_day: Decimal::ZERO,
            parts: Vec::new(),
        };
        for (share, plan) in &plans {
            mixed.outlay = add(mixed.outlay, mul(*share, plan.outlay)?)?;
            mixed.payout_day = add(mixed.payout_day, mul(*share, plan.payout_day)?)?;
            for (day, moment, out, inflow) in &plan.flows {
                let flow = (*day, *moment, mul(*share, *out)?, mul(*share, *inflow)?);
                place(&mut mixed.flows, flow)?;
            }
        }
        mixed.parts = plans;
        Ok(mixed)
    }

    /// The events, with the money tied up after each, and the money-days tied up: that money
    /// times the days until the next event, summed. For one market the money tied up is the
    /// running balance of money out minus money in, never below zero; for a mix it is the
    /// share-weighted sum of each market's, a market counting nothing from its last event (its
    /// payout) on, as one market's timeline ends there: so a mix's money-days are the
    /// share-weighted sum of its markets' (issue #15, item 7).
    fn integrate(&self) -> Result<(Vec<CashEvent>, Decimal), CalcError> {
        if self.parts.is_empty() {
            return self.integrate_one();
        }
        let flows = &self.flows;
        let mut tied = vec![Decimal::ZERO; flows.len()];
        for (share, part) in &self.parts {
            let Some(last) = part.flows.last() else {
                continue;
            };
            let mut balance = Decimal::ZERO;
            for (k, (day, moment, ..)) in flows.iter().enumerate() {
                if let Some(f) = part.flows.iter().find(|f| f.0 == *day && f.1 == *moment) {
                    balance = add(balance, sub(f.2, f.3)?)?;
                }
                if (*day, *moment) == (last.0, last.1) {
                    break;
                }
                tied[k] = add(tied[k], mul(*share, balance.max(Decimal::ZERO))?)?;
            }
        }
        let mut events = Vec::with_capacity(flows.len());
        let mut money_days = Decimal::ZERO;
        for (k, (day, moment, out, inflow)) in flows.iter().enumerate() {
            let (out, inflow) = if inflow.is_sign_negative() {
                (add(*out, -*inflow)?, Decimal::ZERO)
            } else {
                (*out, *inflow)
            };
            if let Some((next, ..)) = flows.get(k + 1) {
                money_days = add(money_days, mul(tied[k], sub(*next, *day)?)?)?;
            }
            events.push(CashEvent {
                day: *day,
                moment: *moment,
                paid_out: out,
                paid_in: inflow,
                tied: tied[k],
            });
        }
        Ok((events, money_days))
    }

    /// [`CashPlan::integrate`] for one market.
    fn integrate_one(&self) -> Result<(Vec<CashEvent>, Decimal), CalcError> {
        let flows = &self.flows;
        let mut events = Vec::with_capacity(flows.len());
        let mut balance = Decimal::ZERO;
        let mut money_days = Decimal::ZERO;
        for (i, (day, moment, out, inflow)) in flows.iter().enumerate() {
            // Money owed back at the payout counts as paid out.
            let (out, inflow) = if inflow.is_sign_negative() {
                (add(*out, -*inflow)?, Decimal::ZERO)
            } else {
                (*out, *inflow)
            };
            balance = sub(add(balance, out)?, inflow)?;
            let tied = balance.max(Decimal::ZERO);
            if let Some((next, ..)) = flows.get(i + 1) {
                money_days = add(money_days, mul(tied, sub(*next, *day)?)?)?;
            }
            events.push(CashEvent {
                day: *day,
                moment: *moment,
                paid_out: out,
                paid_in: inflow,
                tied,
            });
        }
        Ok((events, money_days))
    }
}

/// Puts `flow` among `flows` (in day order): added to a flow of the same day and moment, or after
/// every flow of its day or earlier. On a shared day the balance after the events is the same in
/// any order, and a zero-day interval ties nothing up. (Placed by hand: the flows are few and in
/// order already, and a sort would cost the page a sort routine.)
fn place(flows: &mut Vec<Flow>, flow: Flow) -> Result<(), CalcError> {
    let (day, moment, out, inflow) = flow;
    if let Some(same) = flows.iter_mut().find(|f| f.0 == day && f.1 == moment) {
        same.2 = add(same.2, out)?;
        same.3 = add(same.3, inflow)?;
        return Ok(());
    }
    let at = flows.iter().position(|f| f.0 > day).unwrap_or(flows.len());
    flows.insert(at, flow);
    Ok(())
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

/// "{stock} days in stock + {delivery} days' delivery + {payout} days until payout", with the
/// payout day they add up to.
fn stock_delivery_payout(
    ctx: &Context<'_>,
    stock: &str,
    delivery: &str,
    payout: &str,
) -> Result<(Decimal, Decimal, Vec<RuleArg>), CalcError> {
    let (stock, stock_arg) = ctx.days(stock)?;
    let (delivery, delivery_arg) = ctx.delivery_days(delivery)?;
    let (payout, payout_arg) = ctx.days(payout)?;
    Ok((
        stock,
        add(add(stock, delivery)?, payout)?,
        vec![stock_arg, delivery_arg, payout_arg],
    ))
}

/// POP: the seller's own store, logistics and returns.
fn pop(ctx: &Context<'_>) -> Result<Draft, CalcError> {
    let s = ctx.scenario;
    // The buyer pays the price and any shipping charge: the order total, on which the commission,
    // the service fee, the conversion and refunds are figured (source `commission2024`,
    // `ebrun2025`); affiliates and ads are on the price alone.
    let charge = s.pop.shipping_charge;
    let order_total = !charge.is_zero();
    let shipping = mul(charge, ctx.rate)?;
    let revenue = mul(add(s.pop.price, charge)?, ctx.rate)?;
    let mut charges = ctx.goods();
    charges.push(ctx.weight_priced(
        ("first_mile", "First-mile freight"),
        "first_mile.pop",
        "first_mile.pop",
        None,
        Moment::Shipping,
    )?);
    charges.push(ctx.postage(&s.pop.shipping, "cash.pop.postage_deducted")?);
    let (commission, category) = ctx.category_commission()?;
    charges.push(Charge::share(
        "commission",
        "Commission",
        CostGroup::PlatformFees,
        pct(commission),
        ctx.rule(
            if order_total {
                "commission.pop.order_total"
            } else {
                "commission.pop"
            },
            || vec![RuleArg::percent(commission), category],
        ),
    ));
    let service_fee = ctx.service_fee(None, order_total)?;
    let service_share = service_fee.share;
    charges.push(service_fee);
    let (marketing, affiliate) = ctx.marketing(&Marketing {
        ad_spend_pct: s.pop.ad_spend_pct,
        affiliate_share_pct: s.pop.affiliate_share_pct,
        affiliate_rate_pct: s.pop.affiliate_rate_pct,
        shipping,
    })?;
    charges.extend(marketing);
    let conversion = ctx.conversion_fee(order_total)?;
    let fees = Fees {
        commission: pct(commission),
        service_fee: service_share,
        affiliate,
        conversion: conversion.share,
        shipping,
    };
    charges.push(conversion);
    let refunds = if order_total {
        "refunds.order_total"
    } else {
        "refunds.sale"
    };
    charges.extend(ctx.returns("pop", refunds)?);
    charges.push(ctx.fees_refunded("pop", &fees)?);

    // Paid 15 days after the buyer confirms receipt, or a few days after shipment for stores
    // the platform pays early.
    let (stock_days, stock_arg) = ctx.days("days.pop.stock")?;
    let (payout_day, cash_rule) = if s.pop.early_payout {
        let (early, early_arg) = ctx.days("days.pop.early_payout")?;
        (
            add(stock_days, early)?,
            ctx.rule("cash.early_payout", || vec![stock_arg, early_arg]),
        )
    } else {
        let (delivery, delivery_arg) = ctx.days("days.pop.delivery")?;
        let (confirmation, confirmation_arg) = ctx.days("days.pop.confirmation")?;
        let (payout, payout_arg) = ctx.days("days.pop.payout")?;
        (
            add(add(add(stock_days, delivery)?, confirmation)?, payout)?,
            ctx.rule("cash.confirmation", || {
                vec![stock_arg, delivery_arg, confirmation_arg, payout_arg]
            }),
        )
    };
    Ok(Draft {
        model: ModelKind::Pop,
        revenue,
        revenue_rule: ctx.sale_revenue_rule(s.pop.price, charge, revenue)?,
        price_factor: ctx.rate,
        shipping_charge: charge,
        break_even_currency: s.currency.sale.clone(),
        charges,
        monthly_units: s.monthly_units,
        timeline: Timeline {
            stock_days,
            payout_day,
            advance: None,
        },
        advance_pct: Decimal::ZERO,
        cash_rule,
        buyer: ctx.buyer_price(s.pop.price, charge)?,
        goods_cost: ctx.goods_cost()?,
        market: ctx.destination(),
        detail: ctx.detail,
        currency: s.currency.cost.clone(),
        mixed_cash: None,
    })
}

/// Semi-managed: the seller prices and markets; Cainiao ships; commission waived or halved.
fn semi(ctx: &Context<'_>) -> Result<Draft, CalcError> {
    let s = ctx.scenario;
    let revenue = mul(s.semi.price, ctx.rate)?;
    let warehouse = s.semi.mode == SemiManagedMode::Warehouse;
    let mut charges = ctx.goods();
    charges.push(if warehouse {
        // Stock goes into the warehouse as soon as it is bought.
        ctx.weight_priced(
            ("first_mile", "Freight into the warehouse"),
            "first_mile.cainiao_bulk",
            "first_mile.semi_warehouse",
            None,
            Moment::Purchase,
        )?
    } else {
        ctx.weight_priced(
            ("first_mile", "Freight to Cainiao"),
            "first_mile.semi_jit",
            "first_mile.semi_jit",
            None,
            Moment::Shipping,
        )?
    });
    charges.push(ctx.postage("choice", "cash.semi.postage_deducted")?);
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
    let share_pct = mul(share, Decimal::ONE_HUNDRED)?;
    charges.push(Charge::share(
        "commission",
        "Commission",
        CostGroup::PlatformFees,
        share,
        ctx.rule(rule, || {
            vec![
                RuleArg::percent(commission),
                category,
                RuleArg::percent(waiver),
                RuleArg::percent(share_pct),
            ]
        }),
    ));
    let service_fee = ctx.service_fee(
        Some(if warehouse {
            "semi.warehouse_service_fee_waiver"
        } else {
            "semi.jit_service_fee_waiver"
        }),
        false,
    )?;
    let service_share = service_fee.share;
    charges.push(service_fee);
    let (marketing, affiliate) = ctx.marketing(&Marketing {
        ad_spend_pct: s.semi.ad_spend_pct,
        affiliate_share_pct: s.semi.affiliate_share_pct,
        affiliate_rate_pct: s.semi.affiliate_rate_pct,
        shipping: Decimal::ZERO,
    })?;
    charges.extend(marketing);
    let conversion = ctx.conversion_fee(false)?;
    let fees = Fees {
        commission: share,
        service_fee: service_share,
        affiliate,
        conversion: conversion.share,
        shipping: Decimal::ZERO,
    };
    charges.push(conversion);
    if warehouse {
        let waiver = ctx.values.get("warehouse.fee_waiver")?;
        let kept = sub(Decimal::ONE, pct(waiver))?;
        for (key, label, id, paid) in [
            (
                "warehouse_pickup",
                "Warehouse pickup fee",
                "warehouse.pickup_fee",
                Moment::Purchase,
            ),
            (
                "warehouse_operation",
                "Warehouse operation fee",
                "warehouse.operation_fee",
                Moment::Shipping,
            ),
            (
                "warehouse_rent",
                "Warehouse rent",
                "warehouse.rent",
                Moment::Shipping,
            ),
        ] {
            let normal = ctx.policy_money(id)?;
            let mut charge = Charge::fixed(
                key,
                label,
                CostGroup::Logistics,
                mul(normal, kept)?,
                ctx.rule("warehouse_fee", || {
                    vec![ctx.money(normal), RuleArg::percent(waiver)]
                }),
                paid,
            );
            charge.waived = Some(mul(normal, pct(waiver))?);
            charges.push(charge);
        }
    }
    charges.extend(ctx.returns("semi", "refunds.sale")?);
    charges.push(ctx.fees_refunded("semi", &fees)?);

    let (stock_days, payout_day, args, advance) = if warehouse {
        let (stock, payout_day, args) = stock_delivery_payout(
            ctx,
            "days.semi_warehouse.stock",
            "days.semi_warehouse.delivery",
            "days.semi.payout",
        )?;
        if s.semi.popular {
            let advance = ctx.values.get("semi.advance_payment")?;
            let base = ctx.values.get("semi.advance_base")?;
            let (day, day_arg) = ctx.days("days.semi.advance")?;
            let share = mul(pct(advance), pct(base))?;
            let share_pct = mul(share, Decimal::ONE_HUNDRED)?;
            let mut rule_args = vec![RuleArg::percent(share_pct), day_arg];
            rule_args.extend(args);
            (stock, payout_day, rule_args, Some((day, share, share_pct)))
        } else {
            (stock, payout_day, args, None)
        }
    } else {
        let (stock, payout_day, args) = stock_delivery_payout(
            ctx,
            "days.semi_jit.stock",
            "days.semi_jit.delivery",
            "days.semi.payout",
        )?;
        (stock, payout_day, args, None)
    };
    let cash_rule = if advance.is_some() {
        ctx.rule("cash.advance", || args)
    } else {
        ctx.rule("cash.stock", || args)
    };
    let cash_rule = if warehouse {
        ctx.five_day_rule("days.semi_warehouse.delivery", cash_rule)
    } else {
        ctx.five_day_rule("days.semi_jit.delivery", cash_rule)
    };
    Ok(Draft {
        model: ModelKind::Semi,
        revenue,
        revenue_rule: ctx.sale_revenue_rule(s.semi.price, Decimal::ZERO, revenue)?,
        price_factor: ctx.rate,
        shipping_charge: Decimal::ZERO,
        break_even_currency: s.currency.sale.clone(),
        charges,
        monthly_units: ctx.uplifted_units()?,
        timeline: Timeline {
            stock_days,
            payout_day,
            advance: advance.map(|(day, share, _)| (day, share)),
        },
        advance_pct: advance.map_or(Decimal::ZERO, |(_, _, pct)| pct),
        cash_rule,
        buyer: ctx.buyer_price(s.semi.price, Decimal::ZERO)?,
        goods_cost: ctx.goods_cost()?,
        market: ctx.destination(),
        detail: ctx.detail,
        currency: s.currency.cost.clone(),
        mixed_cash: None,
    })
}

/// Fully managed: the platform buys at the supply price and does the rest.
fn full(ctx: &Context<'_>) -> Result<Draft, CalcError> {
    let s = ctx.scenario;
    let (revenue, revenue_rule, _) = ctx.supply_price()?;
    let mut charges = ctx.goods();
    charges.push(ctx.weight_priced(
        ("first_mile", "Freight to the platform warehouse"),
        "first_mile.cainiao_bulk",
        "first_mile.full",
        None,
        Moment::Purchase,
    )?);
    charges.push(Charge::share(
        "commission",
        "Commission",
        CostGroup::PlatformFees,
        Decimal::ZERO,
        Rule::new("commission.full", vec![]),
    ));
    charges.extend(ctx.returns("full", "refunds.supply")?);

    let (stock_days, payout_day, args) = stock_delivery_payout(
        ctx,
        "days.full.stock",
        "days.full.delivery",
        "days.full.payout",
    )?;
    Ok(Draft {
        model: ModelKind::Full,
        revenue,
        revenue_rule,
        price_factor: Decimal::ONE,
        shipping_charge: Decimal::ZERO,
        break_even_currency: s.currency.cost.clone(),
        charges,
        monthly_units: ctx.uplifted_units()?,
        timeline: Timeline {
            stock_days,
            payout_day,
            advance: None,
        },
        advance_pct: Decimal::ZERO,
        cash_rule: ctx.five_day_rule("days.full.delivery", ctx.rule("cash.stock", || args)),
        buyer: None,
        goods_cost: ctx.goods_cost()?,
        market: ctx.destination(),
        detail: ctx.detail,
        currency: s.currency.cost.clone(),
        mixed_cash: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limits_are_powers_of_ten() {
        assert_eq!(PER_UNIT_LIMIT, Decimal::from(10u64.pow(18)));
        assert_eq!(
            MONTHLY_LIMIT,
            Decimal::from_i128_with_scale(10i128.pow(24), 0)
        );
    }
}
