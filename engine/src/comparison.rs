//! The comparison of the three models, and its output format (the public JSON contract).

use rust_decimal::Decimal;
use serde::ser::{Serialize, Serializer};
use serde::Serialize as DeriveSerialize;
use serde_json::Value;

use crate::decimal::{fixed_text, money_text, plain_text, round_to, sub};
use crate::error::{FieldError, Problem};
use crate::input::{Field, Group, Input};
use crate::model::{self, Beyond, CalcError, Context, CostGroup, ModelResult, Moment};
use crate::policy::PolicySet;
use crate::scenario::{ModelKind, ParsedScenario, Scenario, ScenarioInput};
use crate::warning::{Warning, WarningKind};

/// The three models side by side, with every input problem.
#[derive(Clone, Debug)]
pub struct Comparison {
    /// The scenario as read (fields with errors hold their defaults).
    pub scenario: Scenario,
    /// Policy set used.
    pub policy_id: String,
    /// Its version.
    pub policy_version: String,
    /// Cost-currency units per sale-currency unit, as used.
    pub rate: Decimal,
    /// Every problem found, each naming its field.
    pub errors: Vec<FieldError>,
    /// Inputs that are valid but probably not what the seller meant, and values estimated
    /// because the seller did not enter them. They never change a figure.
    pub warnings: Vec<Warning>,
    /// POP, when it could be computed.
    pub pop: Option<ModelResult>,
    /// Semi-managed, when it could be computed.
    pub semi: Option<ModelResult>,
    /// Fully managed, when it could be computed.
    pub full: Option<ModelResult>,
}

/// Which model earns most, by how much, and the main reason.
#[derive(Clone, Debug, PartialEq, DeriveSerialize)]
pub struct Recommendation {
    /// The model with the highest monthly profit.
    pub best: ModelKind,
    /// The next best.
    pub runner_up: ModelKind,
    /// How much more the best earns a month, in the cost currency.
    pub monthly_advantage: Decimal,
    /// The line-item key (or `revenue`) that contributes most to the advantage.
    pub main_reason: &'static str,
    /// Its English label.
    pub main_reason_label: &'static str,
    /// Whether it rests on the estimated supply price (fully managed is the best or the runner-up
    /// and the seller entered no supply price).
    pub rests_on_estimate: bool,
}

impl Comparison {
    /// Whether the input had no problem at all.
    pub fn ok(&self) -> bool {
        self.errors.is_empty()
    }

    /// One model's figures.
    pub fn model(&self, kind: ModelKind) -> Option<&ModelResult> {
        match kind {
            ModelKind::Pop => self.pop.as_ref(),
            ModelKind::Semi => self.semi.as_ref(),
            ModelKind::Full => self.full.as_ref(),
        }
    }

    /// The price a model is priced at, as computed: the sale price for POP and semi-managed, the
    /// supply price (entered or estimated) for fully managed. `None` when not computed.
    pub fn price_of(&self, kind: ModelKind) -> Option<Decimal> {
        match kind {
            ModelKind::Pop => self.pop.as_ref().map(|_| self.scenario.pop.price),
            ModelKind::Semi => self.semi.as_ref().map(|_| self.scenario.semi.price),
            ModelKind::Full => self.full.as_ref().map(|m| m.revenue_per_unit),
        }
    }

    /// Whether the supply price is the estimate rather than a price the seller entered.
    pub fn supply_estimated(&self) -> bool {
        self.warnings.iter().any(Warning::is_estimate)
    }

    /// The errors that concern `field`.
    pub fn errors_at<'a>(&'a self, field: &'a Field) -> impl Iterator<Item = &'a FieldError> + 'a {
        self.errors.iter().filter(move |e| e.field == *field)
    }

    /// The model with the highest monthly profit; `None` unless all three were computed. Ties go
    /// to the simpler model in the order POP, semi-managed, fully managed.
    pub fn best(&self) -> Option<ModelKind> {
        self.ranked().map(|ranked| ranked[0])
    }

    fn ranked(&self) -> Option<[ModelKind; 3]> {
        let profit = |kind| self.model(kind).map(|m| m.monthly_profit);
        for kind in ModelKind::ALL {
            profit(kind)?;
        }
        let mut ranked = ModelKind::ALL;
        ranked.sort_by_key(|kind| std::cmp::Reverse(profit(*kind)));
        Some(ranked)
    }

    /// The recommendation, when all three models were computed.
    pub fn recommendation(&self) -> Option<Recommendation> {
        let [best_kind, runner_kind, _] = self.ranked()?;
        let best = self.model(best_kind)?;
        let runner = self.model(runner_kind)?;
        let advantage = sub(best.monthly_profit, runner.monthly_profit).ok()?;
        // Each difference is in monthly money, positive where it favours the best model.
        let monthly =
            |amount: Decimal, units: Decimal| amount.checked_mul(units).unwrap_or_default();
        let mut reasons: Vec<(&'static str, &'static str, Decimal)> = vec![(
            "revenue",
            "Revenue",
            monthly(best.revenue_per_unit, best.monthly_units)
                - monthly(runner.revenue_per_unit, runner.monthly_units),
        )];
        for item in best.line_items.iter().chain(&runner.line_items) {
            if reasons.iter().any(|(key, _, _)| *key == item.key) {
                continue;
            }
            let cost = |m: &ModelResult| {
                m.item(item.key)
                    .map_or(Decimal::ZERO, |i| monthly(i.amount, m.monthly_units))
            };
            reasons.push((item.key, item.label, cost(runner) - cost(best)));
        }
        let (main_reason, main_reason_label, _) = reasons
            .into_iter()
            .max_by(|a, b| a.2.cmp(&b.2))
            .unwrap_or(("revenue", "Revenue", Decimal::ZERO));
        Some(Recommendation {
            best: best_kind,
            runner_up: runner_kind,
            monthly_advantage: advantage,
            main_reason,
            main_reason_label,
            rests_on_estimate: self.supply_estimated()
                && (best_kind == ModelKind::Full || runner_kind == ModelKind::Full),
        })
    }
}

/// Compares the three models for a scenario given as JSON (the format of the public API).
/// Never panics: every problem becomes a [`FieldError`], and the models that do not depend on a
/// bad field are still computed.
pub fn compare(input: &Value) -> Comparison {
    compare_input(&ScenarioInput::from_json(input))
}

/// Compares the three models for inputs given as typed values (what a page builds from its form
/// and a catalog from its rows), validating them exactly as [`compare`] validates JSON.
pub fn compare_input(input: &ScenarioInput) -> Comparison {
    compare_parsed(input.validate(), true)
}

/// [`compare_input`]'s figures, errors and warnings, with every rule left without its arguments
/// (each keeps its id): for figures nobody reads the rules of, such as a catalog's rows, at less
/// cost. Everything else is the same, which a property test holds.
pub fn compare_figures(input: &ScenarioInput) -> Comparison {
    compare_parsed(input.validate(), false)
}

/// Compares the three models for a typed scenario, validating it exactly as [`compare`] does.
pub fn compare_scenario(scenario: &Scenario) -> Comparison {
    compare(&scenario.to_json())
}

fn compare_parsed(mut parsed: ParsedScenario, detail: bool) -> Comparison {
    // The problems found here come after the ones found reading the input.
    let mut errors = Vec::new();
    let Some(policy) = PolicySet::find(&parsed.scenario.policy) else {
        errors.push(FieldError::new(
            Field::Policy,
            Problem::UnknownValue {
                given: parsed.scenario.policy.clone(),
                allowed: Vec::new(),
            },
        ));
        parsed.errors.append(&mut errors);
        return Comparison {
            scenario: parsed.scenario,
            policy_id: String::new(),
            policy_version: String::new(),
            rate: Decimal::ONE,
            errors: parsed.errors,
            warnings: parsed.warnings,
            pop: None,
            semi: None,
            full: None,
        };
    };
    let scenario = &parsed.scenario;
    let mut values = policy.defaults();
    for (id, value) in &scenario.assumptions {
        // Already validated while parsing.
        let _ = values.set(id, *value);
    }
    let per_unit = |currency: &str| -> Option<Decimal> {
        if currency == policy.currency {
            Some(Decimal::ONE)
        } else {
            values
                .get(&format!("fx.{currency}"))
                .ok()
                .filter(|v| !v.is_zero())
        }
    };
    let policy_per_cost = per_unit(&scenario.currency.cost);
    let rate = scenario.currency.rate.or_else(|| {
        let sale = per_unit(&scenario.currency.sale)?;
        // A cross rate through CNY can recur (7.20 ÷ 7.80); 10 significant digits keep it exact
        // enough for money and make every product with it exact.
        sale.checked_div(policy_per_cost?)?.round_sf(10)
    });
    let mut warnings = std::mem::take(&mut parsed.warnings);
    let mut models: [Option<ModelResult>; 3] = [None, None, None];
    if let (Some(rate), Some(policy_per_cost)) = (rate, policy_per_cost) {
        let markets = scenario.markets();
        let ctx = Context {
            scenario,
            values: &values,
            rate,
            policy_per_cost,
            market: &scenario.destination,
            detail,
        };
        // The retail price the supply price is measured against is POP's price × the rate.
        let retail_known = !parsed.errors.iter().any(|e| {
            matches!(
                e.field,
                Field::Input(Input::Price | Input::Rate | Input::SaleCurrency)
                    | Field::Group(Group::Pop)
            )
        });
        if retail_known && !parsed.blocks(ModelKind::Full) {
            supply_warnings(&ctx, &mut warnings);
        }
        let contexts: Vec<(Context<'_>, Decimal)> = markets
            .iter()
            .map(|(market, share)| (ctx.at(market), *share))
            .collect();
        for kind in ModelKind::ALL {
            if parsed.blocks(kind) {
                continue;
            }
            match model::compute(kind, &contexts) {
                Ok(result) => models[kind.index()] = Some(result),
                Err(CalcError::Overflow) => errors.push(FieldError::new(
                    Field::Group(Group::of_model(kind)),
                    Problem::Overflow { model: kind },
                )),
                Err(CalcError::BeyondCents(beyond)) => {
                    let fields = beyond_fields(&parsed, policy, kind, beyond);
                    for (i, field) in fields.iter().enumerate() {
                        let mut with = fields.clone();
                        with.remove(i);
                        errors.push(FieldError::new(
                            field.clone(),
                            Problem::BeyondCents { model: kind, with },
                        ));
                    }
                }
                Err(CalcError::Missing(id)) => errors.push(FieldError::new(
                    Field::Assumption(id),
                    Problem::MissingPolicyValue,
                )),
            }
        }
    } else {
        errors.push(FieldError::new(Input::Rate, Problem::NoDefaultRate));
    }
    let [pop, semi, full] = models;
    parsed.errors.append(&mut errors);
    Comparison {
        policy_id: policy.id.clone(),
        policy_version: policy.version.clone(),
        rate: rate.unwrap_or(Decimal::ONE),
        errors: parsed.errors,
        warnings,
        pop,
        semi,
        full,
        scenario: parsed.scenario,
    }
}

/// The fields whose values together make `kind`'s figures too large to keep to the cent.
/// Prices, costs and weights are bounded, so a figure per unit gets there only through the
/// policy's amounts converted with an extreme `fx.*` rate for the cost currency, times the
/// weight; a monthly figure through the monthly units times what each unit earns, which follows
/// the model's price (and the exchange rate, with two currencies).
fn beyond_fields(
    parsed: &ParsedScenario,
    policy: &PolicySet,
    kind: ModelKind,
    beyond: Beyond,
) -> Vec<Field> {
    let scenario = &parsed.scenario;
    let follows = |input: Input| parsed.derived.iter().any(|(i, _)| *i == input);
    let two_currencies = scenario.currency.cost != scenario.currency.sale;
    let mut fields = Vec::new();
    match beyond {
        Beyond::PerUnit => {
            fields.push(Field::Input(Input::WeightG));
            // Postage follows the volumetric weight when it is more.
            if scenario.product.dimensions_cm.is_some() {
                fields.extend(Input::SIDES.map(Field::Input));
            }
            if scenario.currency.cost != policy.currency {
                fields.push(Field::Assumption(format!("fx.{}", scenario.currency.cost)));
            }
        }
        Beyond::Monthly => {
            fields.push(Field::Input(Input::MonthlyUnits));
            let price = match kind {
                ModelKind::Pop => Input::Price,
                ModelKind::Semi if follows(Input::SemiPrice) => Input::Price,
                ModelKind::Semi => Input::SemiPrice,
                ModelKind::Full if follows(Input::SupplyPrice) => Input::Price,
                ModelKind::Full => Input::SupplyPrice,
            };
            fields.push(Field::Input(price));
            if two_currencies && price != Input::SupplyPrice {
                fields.push(Field::Input(Input::Rate));
            }
        }
    }
    fields
}

/// The supply price's warnings: the estimate when none was entered, a price above the retail
/// price it would sell at.
fn supply_warnings(ctx: &Context<'_>, warnings: &mut Vec<Warning>) {
    let (Ok((supply, _, estimated)), Ok(retail)) = (ctx.supply_price(), ctx.retail()) else {
        return;
    };
    let currency = ctx.scenario.currency.cost.clone();
    if estimated {
        let share_pct = ctx.values.get("full.supply_share").unwrap_or_default();
        warnings.push(Warning::new(
            Input::SupplyPrice,
            WarningKind::EstimatedSupplyPrice {
                estimate: supply,
                share_pct,
                currency,
            },
        ));
    } else if supply > retail {
        warnings.push(Warning::new(
            Input::SupplyPrice,
            WarningKind::SupplyAboveRetail {
                supply,
                retail,
                currency,
            },
        ));
    }
}

// ---- Output: the JSON contract. Amounts round once, here. ----

#[derive(DeriveSerialize)]
struct Report<'a> {
    ok: bool,
    errors: &'a [FieldError],
    warnings: &'a [Warning],
    best: Option<ModelKind>,
    recommendation: Option<RecommendationReport>,
    policy: PolicyReport<'a>,
    currency: CurrencyReport<'a>,
    models: ModelsReport,
}

#[derive(DeriveSerialize)]
struct RecommendationReport {
    best: ModelKind,
    runner_up: ModelKind,
    monthly_advantage: String,
    main_reason: &'static str,
    main_reason_label: &'static str,
    rests_on_estimate: bool,
}

#[derive(DeriveSerialize)]
struct PolicyReport<'a> {
    id: &'a str,
    version: &'a str,
    effective_from: &'a str,
}

#[derive(DeriveSerialize)]
struct CurrencyReport<'a> {
    cost: &'a str,
    sale: &'a str,
    rate: String,
}

#[derive(DeriveSerialize)]
struct ModelsReport {
    pop: Option<ModelReport>,
    semi: Option<ModelReport>,
    full: Option<ModelReport>,
}

#[derive(DeriveSerialize)]
struct ModelReport {
    revenue_per_unit: String,
    revenue_rule: String,
    commission_per_unit: String,
    line_items: Vec<LineItemReport>,
    profit_per_unit: String,
    monthly_units: String,
    monthly_profit: String,
    margin_pct: String,
    roi_pct: Option<String>,
    break_even_price: Option<String>,
    break_even_currency: String,
    cash: CashReport,
    #[serde(skip_serializing_if = "Option::is_none")]
    buyer_price: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    vat: Option<VatReport>,
}

#[derive(DeriveSerialize)]
struct VatReport {
    rate_pct: String,
    at_checkout: bool,
}

#[derive(DeriveSerialize)]
struct LineItemReport {
    key: &'static str,
    label: &'static str,
    group: CostGroup,
    amount: String,
    rule: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    waived: Option<String>,
}

#[derive(DeriveSerialize)]
struct CashReport {
    days_to_cash: String,
    capital_tied: String,
    return_on_capital_pct: Option<String>,
    advance_pct: String,
    rule: String,
    timeline: Vec<CashEventReport>,
}

#[derive(DeriveSerialize)]
struct CashEventReport {
    day: String,
    moment: Moment,
    paid_out: String,
    paid_in: String,
    tied: String,
}

fn model_report(m: &ModelResult) -> ModelReport {
    ModelReport {
        revenue_per_unit: money_text(m.revenue_per_unit),
        revenue_rule: m.revenue_rule.english(),
        commission_per_unit: money_text(m.commission_per_unit()),
        line_items: m
            .line_items
            .iter()
            .map(|item| LineItemReport {
                key: item.key,
                label: item.label,
                group: item.group,
                amount: money_text(item.amount),
                rule: item.rule.english(),
                waived: item.waived.map(money_text),
            })
            .collect(),
        profit_per_unit: money_text(m.profit_per_unit),
        // As given (with any uplift), never rounded: a fractional volume prints as typed, so
        // monthly profit is always profit per unit × the units shown.
        monthly_units: plain_text(m.monthly_units),
        monthly_profit: money_text(m.monthly_profit),
        margin_pct: money_text(m.margin_pct),
        roi_pct: m.roi_pct.map(money_text),
        break_even_price: m
            .break_even_price
            .map(|p| round_to(p, m.break_even_decimals).to_string()),
        break_even_currency: m.break_even_currency.clone(),
        // The buyer's price is in the sale currency, like the price it adds VAT to.
        buyer_price: m.buyer.as_ref().map(|b| b.price.map(|p| fixed_text(p, 2))),
        vat: m.buyer.as_ref().map(|b| VatReport {
            rate_pct: plain_text(b.vat_pct),
            at_checkout: b.at_checkout,
        }),
        cash: CashReport {
            days_to_cash: round_to(m.cash.days_to_cash, 0).to_string(),
            capital_tied: money_text(m.cash.capital_tied),
            return_on_capital_pct: m.cash.return_on_capital_pct.map(money_text),
            advance_pct: plain_text(m.cash.advance_pct),
            rule: m.cash.rule.english(),
            timeline: m
                .cash
                .timeline
                .iter()
                .map(|e| CashEventReport {
                    day: plain_text(e.day),
                    moment: e.moment,
                    paid_out: money_text(e.paid_out),
                    paid_in: money_text(e.paid_in),
                    tied: money_text(e.tied),
                })
                .collect(),
        },
    }
}

impl Serialize for Comparison {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Report {
            ok: self.ok(),
            errors: &self.errors,
            warnings: &self.warnings,
            best: self.best(),
            recommendation: self.recommendation().map(|r| RecommendationReport {
                best: r.best,
                runner_up: r.runner_up,
                monthly_advantage: money_text(r.monthly_advantage),
                main_reason: r.main_reason,
                main_reason_label: r.main_reason_label,
                rests_on_estimate: r.rests_on_estimate,
            }),
            policy: PolicyReport {
                id: &self.policy_id,
                version: &self.policy_version,
                effective_from: PolicySet::find(&self.policy_id)
                    .map_or("", |p| p.effective_date.as_str()),
            },
            currency: CurrencyReport {
                cost: &self.scenario.currency.cost,
                sale: &self.scenario.currency.sale,
                rate: plain_text(self.rate),
            },
            models: ModelsReport {
                pop: self.pop.as_ref().map(model_report),
                semi: self.semi.as_ref().map(model_report),
                full: self.full.as_ref().map(model_report),
            },
        }
        .serialize(serializer)
    }
}

/// The built-in policy sets in the format of `window.sellerCalc.policies()`.
pub fn policies_report() -> Value {
    let sets: Vec<Value> = PolicySet::builtin()
        .iter()
        .map(|set| {
            let values: Vec<Value> = set
                .values
                .iter()
                .map(|v| {
                    serde_json::json!({
                        "id": v.id,
                        "label": v.label,
                        "default": plain_text(v.default),
                        "unit": v.unit,
                        "max": plain_text(v.max()),
                        "assumption": v.is_assumption(),
                        "source": set.sources.get(&v.source).cloned().unwrap_or_default(),
                        "note": v.note,
                        "since": v.since,
                    })
                })
                .collect();
            serde_json::json!({
                "id": set.id,
                "name": set.name,
                "version": set.version,
                "effective_from": set.effective_date,
                "effective_date": set.effective_date,
                "based_on": set.based_on,
                "currency": set.currency,
                "categories": set.categories,
                "destinations": set.destinations,
                "currencies": set.currencies,
                "values": values,
            })
        })
        .collect();
    Value::Array(sets)
}
