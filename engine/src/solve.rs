//! Exact solvers: the price that gives a target margin, and the fully managed supply price at
//! which fully managed earns as much a month as POP or semi-managed.
//!
//! Every line item is `share × revenue + fixed` and revenue is `(price + c) × f` (f is the exchange
//! rate for POP and semi-managed, 1 for fully managed; c is what the buyer pays for shipping, POP's
//! only), so with S the sum of the shares and F the sum of the fixed amounts, profit per unit is
//! `(p + c) × f × (1 − S) − F`: linear in the price, and each
//! target is met by one division. Results are exact and unrounded; state them with the places
//! that [`price_decimals`] and [`indifference_supply_price_decimals`] give, and plugging the
//! stated price back into [`crate::compare`] meets the target to the cent.

use rust_decimal::Decimal;

use crate::comparison::{compare_figures, Comparison};
use crate::decimal::{add, div, mul, round_to, sub, Overflow};
use crate::input::{Input, MONEY_MAX};
use crate::model::{decimals_for, ModelResult, MAX_DECIMALS, MIN_DECIMALS};
use crate::scenario::{ModelKind, ScenarioInput};

/// `price` when a seller can enter it: more than 0 and at most [`MONEY_MAX`], the most any price
/// input takes (as for a break-even price above it, no price a seller can sell at meets the
/// target).
fn enterable(price: Decimal) -> Option<Decimal> {
    (price > Decimal::ZERO && price <= Decimal::from(MONEY_MAX)).then_some(price)
}

/// S and F of a model: profit per unit is `revenue × (1 − shares) − fixed`.
struct Linear {
    shares: Decimal,
    fixed: Decimal,
}

/// S and F, read back from the line items: each item's fixed part is `amount − share × revenue`.
fn linear(m: &ModelResult) -> Result<Linear, Overflow> {
    let mut shares = Decimal::ZERO;
    let mut fixed = Decimal::ZERO;
    for item in &m.line_items {
        shares = add(shares, item.share_of_revenue)?;
        let scaled = mul(item.share_of_revenue, m.revenue_per_unit)?;
        fixed = add(fixed, sub(item.amount, scaled)?)?;
    }
    Ok(Linear { shares, fixed })
}

/// Cost-currency units per unit of the price the model is priced in: the rate for POP and
/// semi-managed (sale currency), 1 for fully managed (a supply price in the cost currency).
fn price_factor(comparison: &Comparison, model: ModelKind) -> Decimal {
    match model {
        ModelKind::Pop | ModelKind::Semi => comparison.rate,
        ModelKind::Full => Decimal::ONE,
    }
}

/// The price at which `model`'s margin (profit ÷ revenue × 100) is `margin_pct`: the sale price
/// for POP and semi-managed, the supply price (cost currency) for fully managed. Exact and
/// unrounded; state it with [`price_decimals`] places.
///
/// With m = `margin_pct` ÷ 100 and c the buyer's shipping charge (POP's, 0 for the others),
/// profit − m × revenue = (p + c) × f × (1 − S − m) − F, which is zero at
/// p = F ÷ (f × (1 − S − m)) − c. `None` when no positive price gives the margin: when the
/// percentage costs and the margin together take all of any price (1 − S − m ≤ 0), when there is
/// no fixed cost (every price then gives the margin 1 − S), when the price would be above
/// 1,000,000,000 (more than any price input takes), when the model was not computed, or when the
/// figures exceed exact arithmetic. A margin of 0 gives the break-even price.
pub fn target_margin_price(
    comparison: &Comparison,
    model: ModelKind,
    margin_pct: Decimal,
) -> Option<Decimal> {
    let m = comparison.model(model)?;
    let Linear { shares, fixed } = linear(m).ok()?;
    let target = div(margin_pct, Decimal::ONE_HUNDRED).ok()?;
    let kept = sub(sub(Decimal::ONE, shares).ok()?, target).ok()?;
    if kept <= Decimal::ZERO {
        return None;
    }
    // The same order of operations as the break-even price: F ÷ (1 − S − m) ÷ f, less what the
    // buyer pays for shipping (revenue is the price and the shipping, × f).
    let price = div(div(fixed, kept).ok()?, price_factor(comparison, model)).ok()?;
    enterable(sub(price, m.shipping_charge).ok()?)
}

/// Decimal places to state a [`target_margin_price`] of `model` with: the break-even rule
/// ([`ModelResult::break_even_decimals`]), the fewest places (at least 4) for which
/// f × (1 − S) < 10^(d − 2). Rounding the price to d places moves it by at most half a unit in
/// the last place, which moves profit − m × revenue by at most 0.5 × 10^−d × f × (1 − S − m)
/// ≤ 0.5 × 10^−d × f × (1 − S) < 0.005 for any margin m ≥ 0: the target to the cent. (A negative
/// target margin scales the error by 1 − S − m > 1 − S and may need more places.) 4 when the
/// model was not computed.
pub fn price_decimals(comparison: &Comparison, model: ModelKind) -> u32 {
    comparison
        .model(model)
        .map_or(MIN_DECIMALS, |m| m.break_even_decimals)
}

/// The fully managed supply price (cost currency) at which fully managed's monthly profit equals
/// `versus`'s (POP or semi-managed) monthly profit at its current price. Exact and unrounded;
/// state it with [`indifference_supply_price_decimals`] places.
///
/// Fully managed earns U × (s × (1 − S) − F) a month at a supply price s, with U its monthly units
/// (with any uplift), so it earns the other model's monthly profit V at
/// s = (V ÷ U + F) ÷ (1 − S). `None` when `versus` is fully managed, when either model was not
/// computed, when fully managed sells no units, when its percentage costs take all of any price
/// (1 − S ≤ 0), when the price would not be positive (the other model loses more than fully
/// managed does at any price), when it would be above 1,000,000,000 (more than a supply price
/// takes), or when the figures exceed exact arithmetic.
pub fn indifference_supply_price(comparison: &Comparison, versus: ModelKind) -> Option<Decimal> {
    equal_profit_supply_price(comparison, versus).and_then(enterable)
}

/// The supply price s = (V ÷ U + F) ÷ (1 − S) at which fully managed earns `versus`'s monthly
/// profit, whatever its sign or size; `None` when `versus` is fully managed, when either model was
/// not computed, when fully managed sells no units, when 1 − S ≤ 0, or beyond exact arithmetic.
fn equal_profit_supply_price(comparison: &Comparison, versus: ModelKind) -> Option<Decimal> {
    if versus == ModelKind::Full {
        return None;
    }
    let other = comparison.model(versus)?;
    let full = comparison.full.as_ref()?;
    if full.monthly_units.is_zero() {
        return None;
    }
    let Linear { shares, fixed } = linear(full).ok()?;
    let kept = sub(Decimal::ONE, shares).ok()?;
    if kept <= Decimal::ZERO {
        return None;
    }
    let per_unit = div(other.monthly_profit, full.monthly_units).ok()?;
    div(add(per_unit, fixed).ok()?, kept).ok()
}

/// Where fully managed stands against another model when no supply price makes the two earn
/// the same a month ([`indifference_supply_price`] is `None`), for the page to say so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SupplyPriceVerdict {
    /// Fully managed earns at least as much a month at every supply price, even at zero: the
    /// other model loses more than fully managed does when it is paid nothing.
    AlwaysMore,
    /// Fully managed earns less a month at every supply price a seller can enter (up to
    /// 1,000,000,000).
    NeverAsMuch,
}

/// Why [`indifference_supply_price`] is `None` for `versus`, when that is a matter of which model
/// earns more: fully managed's monthly profit U × (s × (1 − S) − F) rises with the supply price s,
/// and the price that would equal the other model's is at or below zero (`AlwaysMore`) or above
/// what a seller can enter (`NeverAsMuch`). `None` when there is such a price, or when there is
/// none for another reason (a model not computed, no units, nothing of the supply price kept,
/// figures beyond exact arithmetic).
pub fn supply_price_verdict(
    comparison: &Comparison,
    versus: ModelKind,
) -> Option<SupplyPriceVerdict> {
    let price = equal_profit_supply_price(comparison, versus)?;
    if enterable(price).is_some() {
        return None;
    }
    Some(if price <= Decimal::ZERO {
        SupplyPriceVerdict::AlwaysMore
    } else {
        SupplyPriceVerdict::NeverAsMuch
    })
}

/// The [`indifference_supply_price`] as a seller should enter it: with
/// [`indifference_supply_price_decimals`] places, and such that fully managed's monthly profit,
/// rounded to the cent as the page shows it, is the other model's shown monthly profit.
///
/// Rounding the exact price to d places moves the monthly profit by at most half of one step
/// δ = 10^−d × U × (1 − S) < 0.01, so the nearest price lands within half a cent of V but may sit
/// across a half cent from it: 4216.09472 is shown 4216.09 while V = 4216.095424 is shown
/// 4216.10. Then one of the two neighbouring prices lands inside V's cent (the nearest is within
/// δ ÷ 2 of V, so a step of δ < 0.01 towards V's cent reaches it without leaving it), and that one
/// is returned. The nearest price is returned when neither does, which happens only when d is
/// capped at the engine's largest number of places.
pub fn stated_indifference_supply_price(
    comparison: &Comparison,
    versus: ModelKind,
) -> Option<Decimal> {
    let exact = indifference_supply_price(comparison, versus)?;
    let decimals = indifference_supply_price_decimals(comparison);
    let nearest = round_to(exact, decimals);
    let full = comparison.full.as_ref()?;
    let shown = round_to(comparison.model(versus)?.monthly_profit, 2);
    let Linear { shares, fixed } = linear(full).ok()?;
    let kept = sub(Decimal::ONE, shares).ok()?;
    // Fully managed's monthly profit at a supply price s, rounded as shown: U × (s × (1 − S) − F).
    let shows = |s: Decimal| -> bool {
        mul(s, kept)
            .and_then(|revenue| sub(revenue, fixed))
            .and_then(|profit| mul(profit, full.monthly_units))
            .is_ok_and(|monthly| round_to(monthly, 2) == shown)
    };
    let step = Decimal::new(1, decimals);
    let candidates = [Ok(nearest), sub(nearest, step), add(nearest, step)];
    let chosen = candidates
        .into_iter()
        .flatten()
        .find(|&s| s > Decimal::ZERO && shows(s))
        .unwrap_or(nearest);
    enterable(chosen)
}

/// Decimal places to state an [`indifference_supply_price`] with: the fewest (at least 4) for
/// which U × (1 − S) < 10^(d − 2), with U fully managed's monthly units. Rounding the supply price
/// to d places moves it by at most 0.5 × 10^−d, which moves the monthly profit by at most
/// 0.5 × 10^−d × U × (1 − S) < 0.005: equal monthly profits to the cent. This is the break-even
/// rule with the monthly units folded into the scale, so it is at most the break-even places plus
/// the digits of U before the decimal point. 4 when fully managed was not computed.
pub fn indifference_supply_price_decimals(comparison: &Comparison) -> u32 {
    let Some(full) = comparison.full.as_ref() else {
        return MIN_DECIMALS;
    };
    let scale = linear(full)
        .and_then(|l| sub(Decimal::ONE, l.shares))
        .and_then(|kept| mul(full.monthly_units, kept.max(Decimal::ZERO)));
    match scale {
        Ok(scale) => decimals_for(scale),
        Err(Overflow) => MAX_DECIMALS,
    }
}

/// What a sensitivity sweep varies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SweepAxis {
    /// Each model's own price (POP price, semi-managed price, supply price) together, from −50%
    /// to +50% of today's in steps of 10 points; x is the change in percent.
    Price,
    /// The unit cost, from 0 to [`cost_top`] in ten steps; x is the unit cost.
    Cost,
}

/// Samples on each side of today's value: 2 × 5 + 1 = 11 points.
const HALF: i64 = 5;

/// One point of a sweep: x, and each model's monthly profit there ([`ModelKind::ALL`] order);
/// `None` for a model today's input cannot compute.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepPoint {
    /// The price change in percent, or the unit cost.
    pub x: Decimal,
    /// Monthly profit of POP, semi-managed and fully managed.
    pub profit: [Option<Decimal>; 3],
}

/// Monthly profit of the three models as one input varies, each point a comparison by the
/// engine of today's inputs with that one value changed, so nothing assumes a line is straight.
#[derive(Clone, Debug, PartialEq)]
pub struct Sweep {
    /// What varies.
    pub axis: SweepAxis,
    /// The points, by x.
    pub points: Vec<SweepPoint>,
    /// The first and last x of the axis, and today's.
    pub x_range: (Decimal, Decimal, Decimal),
    /// Where each model's line crosses zero ([`ModelKind::ALL`] order): on the price axis the
    /// break-even price as a change in percent (exact, when within the axis); on the cost axis
    /// where the drawn line between the two points on either side of zero crosses it.
    pub crossings: [Option<Decimal>; 3],
}

/// The most the cost sweep goes to: twice today's unit cost, or with no cost today, what POP is
/// paid per unit (else 100).
pub fn cost_top(today: &Comparison) -> Decimal {
    let now = today.scenario.product.unit_cost;
    if now > Decimal::ZERO {
        return mul(now, Decimal::TWO).unwrap_or(now);
    }
    today
        .pop
        .as_ref()
        .map(|m| m.revenue_per_unit)
        .filter(|r| *r > Decimal::ZERO)
        .unwrap_or(Decimal::ONE_HUNDRED)
}

/// Sweeps `axis` from `input`, whose comparison is `today`. A model is drawn only where today's
/// input computes it: the engine's defaults stand in for a field with an error, and those
/// figures would be wrong.
pub fn sweep(input: &ScenarioInput, today: &Comparison, axis: SweepAxis) -> Sweep {
    let profits = |c: &Comparison| {
        ModelKind::ALL.map(|k| today.model(k).and(c.model(k)).map(|m| m.monthly_profit))
    };
    let s = &today.scenario;
    let top = cost_top(today);
    let points: Vec<SweepPoint> = (-HALF..=HALF)
        .filter_map(|i| {
            let mut varied = input.clone();
            let x = match axis {
                SweepAxis::Price => {
                    // 0.50, 0.60 … 1.50: exact, no division.
                    let factor = Decimal::new(100 + 10 * i, 2);
                    varied.set_number(Input::Price, mul(s.pop.price, factor).ok()?);
                    // Semi-managed's own price, even where it follows POP's.
                    varied.set_number(Input::SemiPrice, mul(s.semi.price, factor).ok()?);
                    if let Some(supply) = today.price_of(ModelKind::Full) {
                        varied.set_number(Input::SupplyPrice, mul(supply, factor).ok()?);
                    }
                    Decimal::from(10 * i)
                }
                SweepAxis::Cost => {
                    // 0.0, 0.1 … 1.0 of the top.
                    let x = mul(top, Decimal::new(i + HALF, 1)).ok()?;
                    varied.set_number(Input::UnitCost, x);
                    x
                }
            };
            let profit = if i == 0 && axis == SweepAxis::Price {
                profits(today)
            } else {
                // Only the profits are read: the figures without the rules' wording.
                profits(&compare_figures(&varied))
            };
            Some(SweepPoint { x, profit })
        })
        .collect();
    let x_range = match axis {
        SweepAxis::Price => (
            Decimal::from(-10 * HALF),
            Decimal::from(10 * HALF),
            Decimal::ZERO,
        ),
        SweepAxis::Cost => (Decimal::ZERO, top, s.product.unit_cost),
    };
    let crossings = ModelKind::ALL.map(|kind| {
        let line: Vec<(Decimal, Decimal)> = points
            .iter()
            .filter_map(|p| Some((p.x, p.profit[kind.index()]?)))
            .collect();
        match axis {
            SweepAxis::Price => price_crossing(today, kind, x_range),
            SweepAxis::Cost => line_crossing(&line),
        }
    });
    Sweep {
        axis,
        points,
        x_range,
        crossings,
    }
}

/// The break-even price of `kind` as a change in percent from today's price, when within the
/// axis.
fn price_crossing(
    today: &Comparison,
    kind: ModelKind,
    (first, last, _): (Decimal, Decimal, Decimal),
) -> Option<Decimal> {
    let break_even = today.model(kind)?.break_even_price?;
    let price = today.price_of(kind)?;
    let change = mul(
        sub(div(break_even, price).ok()?, Decimal::ONE).ok()?,
        Decimal::ONE_HUNDRED,
    )
    .ok()?;
    (change >= first && change <= last).then_some(change)
}

/// Where a drawn line of points crosses zero: a point at zero, or the straight segment between
/// two points of opposite signs.
fn line_crossing(points: &[(Decimal, Decimal)]) -> Option<Decimal> {
    points
        .windows(2)
        .find_map(|pair| {
            let [(x0, y0), (x1, y1)] = pair else {
                return None;
            };
            if y0.is_zero() {
                return Some(*x0);
            }
            if y1.is_zero() || y0.is_sign_negative() == y1.is_sign_negative() {
                return None;
            }
            add(
                mul(div(*y0, sub(*y0, *y1).ok()?).ok()?, sub(*x1, *x0).ok()?).ok()?,
                *x0,
            )
            .ok()
        })
        .or_else(|| points.last().filter(|(_, y)| y.is_zero()).map(|(x, _)| *x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_grow_with_the_scale() {
        assert_eq!(decimals_for(Decimal::ZERO), 4);
        assert_eq!(decimals_for(Decimal::new(9999, 2)), 4);
        assert_eq!(decimals_for(Decimal::ONE_HUNDRED), 5);
        assert_eq!(decimals_for(Decimal::from(440)), 5);
        assert_eq!(decimals_for(Decimal::MAX), MAX_DECIMALS);
    }

    #[test]
    fn a_drawn_line_crosses_zero_between_its_points() {
        let d = |n: i64| Decimal::from(n);
        assert_eq!(line_crossing(&[(d(0), d(10)), (d(10), d(-10))]), Some(d(5)));
        assert_eq!(line_crossing(&[(d(0), d(10)), (d(10), d(0))]), Some(d(10)));
        assert_eq!(line_crossing(&[(d(0), d(0)), (d(10), d(5))]), Some(d(0)));
        assert_eq!(line_crossing(&[(d(0), d(10)), (d(10), d(5))]), None);
        assert_eq!(line_crossing(&[]), None);
    }
}
