//! The solvers are exact: each result, stated with the places the engine gives and entered back
//! into `compare`, meets its target to the cent. Hand-checked figures on the default scenario,
//! then properties over random valid scenarios.

mod common;

use common::scenarios::{decimal, valid};
use common::{dec, model, model_json, price_field, run, text, with};
use proptest::prelude::*;
use rust_decimal::Decimal;
use sellercalc_engine::decimal::round_to;
use sellercalc_engine::{
    compare, indifference_supply_price, indifference_supply_price_decimals, price_decimals,
    stated_indifference_supply_price, supply_price_verdict, target_margin_price, Comparison,
    ModelKind, SupplyPriceVerdict,
};
use serde_json::{json, Value};

/// Half a cent.
fn half_cent() -> Decimal {
    Decimal::new(5, 3)
}

/// `price` stated with `dp` places, as text to enter into the scenario.
fn stated(price: Decimal, dp: u32) -> String {
    round_to(price, dp).to_string()
}

/// Whether a stated price can be entered: prices are positive and at most 1,000,000,000.
fn enterable(price: &str) -> bool {
    let p = dec(price);
    p > Decimal::ZERO && p <= Decimal::from(1_000_000_000)
}

/// profit − m × revenue per unit, unrounded: zero exactly at the target margin `margin_pct`.
fn margin_gap(comparison: &Comparison, kind: ModelKind, margin_pct: Decimal) -> Decimal {
    let m = model(comparison, kind);
    m.profit_per_unit - margin_pct / Decimal::ONE_HUNDRED * m.revenue_per_unit
}

// ---- The default scenario, by hand ----
//
// The newest policy set (aliexpress-2025-08): home goods pay 5.5% commission and a 2.5% service
// fee; the currency conversion fee is 0.3%.
// POP:  S = 5.5% commission + 2.5% service fee + 1% affiliate (20% × 5%) + 8% ads + 0.3%
//       conversion + 4% refunds − 4% × (5.5% + 2.5% + 1% + 0.3%) fees returned on refunds
//       = 21.3% − 0.372% = 20.928%,
//       F = 25 + 1.5 + 0 + 41.8945 = 68.3945 CNY, f = 7.20 CNY per USD (docs/model.md).
// Semi: S = 0% commission (waived) + 2.5% service fee + 1% affiliate + 8% ads + 0.3% conversion
//       + 4% refunds − 4% × (0% + 2.5% + 1% + 0.3%) = 15.8% − 0.152% = 15.648%,
//       F = 25 + 1.5 + 0.7 + 41.8945 − 0.742 = 68.3525 CNY, f = 7.20.
// Full: S = 4% refunds, F = 25 + 1.5 + 0.7 − 0.742 = 26.458 CNY, f = 1; 400 units (no uplift by
//       default); the supply price is estimated (50% of 93.528 = 46.764), which S and F ignore.

#[test]
fn target_margin_prices_on_the_default_scenario() {
    let (comparison, _) = run(&json!({}));
    // POP at 10%: 68.3945 ÷ (7.20 × (1 − 0.20928 − 0.10)) = 68.3945 ÷ 4.973184 = 13.75265825…
    let pop = target_margin_price(&comparison, ModelKind::Pop, dec("10")).unwrap();
    assert_eq!(price_decimals(&comparison, ModelKind::Pop), 4); // 7.2 × 0.79072 = 5.693184 < 100
    assert_eq!(stated(pop, 4), "13.7527");
    // Full at 20%: 26.458 ÷ (1 × (1 − 0.04 − 0.20)) = 26.458 ÷ 0.76 = 34.81315789…
    let full = target_margin_price(&comparison, ModelKind::Full, dec("20")).unwrap();
    assert_eq!(price_decimals(&comparison, ModelKind::Full), 4);
    assert_eq!(stated(full, 4), "34.8132");
    // Semi at 0% is the break-even price: 68.3525 ÷ 0.84352 ÷ 7.20 = 11.25450822…
    let semi = target_margin_price(&comparison, ModelKind::Semi, Decimal::ZERO).unwrap();
    assert_eq!(stated(semi, 4), "11.2545");
    assert_eq!(
        Some(semi),
        model(&comparison, ModelKind::Semi).break_even_price
    );

    // Entered back, each gives its margin to the cent of money, and the shown margin.
    for (kind, price, margin, shown) in [
        (ModelKind::Pop, pop, "10", "10.00"),
        (ModelKind::Full, full, "20", "20.00"),
        (ModelKind::Semi, semi, "0", "0.00"),
    ] {
        let price = stated(price, price_decimals(&comparison, kind));
        let (again, json) = run(&with(&json!({}), price_field(kind), json!(price)));
        assert!(margin_gap(&again, kind, dec(margin)).abs() < half_cent());
        assert_eq!(text(model_json(&json, kind), "margin_pct"), shown);
    }
}

#[test]
fn target_margin_prices_that_do_not_exist() {
    let comparison = compare(&json!({}));
    // POP keeps 79.072% of revenue: no price gives a margin of 79.072% or more.
    assert!(target_margin_price(&comparison, ModelKind::Pop, dec("79.072")).is_none());
    assert!(target_margin_price(&comparison, ModelKind::Pop, dec("120")).is_none());
    assert!(target_margin_price(&comparison, ModelKind::Pop, dec("79.07")).is_some());
    // Percentages of 100% and more leave no price at all.
    let all_taken = json!({ "pop": { "ad_spend_pct": "100" } });
    assert!(target_margin_price(&compare(&all_taken), ModelKind::Pop, Decimal::ZERO).is_none());
    // With no fixed cost, every price gives the same margin (1 − S): no price for another.
    let free = json!({ "product": { "unit_cost": "0", "packaging": "0", "weight_g": "0" } });
    let free = compare(&free);
    assert_eq!(
        model(&free, ModelKind::Full).break_even_price,
        Some(Decimal::ZERO)
    );
    assert!(target_margin_price(&free, ModelKind::Full, dec("10")).is_none());
}

#[test]
fn indifference_supply_prices_on_the_default_scenario() {
    let (comparison, _) = run(&json!({}));
    // Fully managed: 400 units × (1 − 4%) = 384 cost-currency units of monthly profit per unit of
    // supply price; 384 ≥ 100, so 5 places (384 < 1000).
    assert_eq!(indifference_supply_price_decimals(&comparison), 5);
    // POP earns 5.55996016 × 400 = 2223.984064 a month; full matches it at
    // (2223.984064 ÷ 400 + 26.458) ÷ 0.96 = 32.01796016 ÷ 0.96 = 33.352041833…
    let versus_pop = indifference_supply_price(&comparison, ModelKind::Pop).unwrap();
    assert_eq!(stated(versus_pop, 5), "33.35204");
    // Semi earns 10.54023856 × 400 = 4216.095424 a month; (10.54023856 + 26.458) ÷ 0.96
    // = 36.99823856 ÷ 0.96 = 38.539831833…
    let versus_semi = indifference_supply_price(&comparison, ModelKind::Semi).unwrap();
    assert_eq!(stated(versus_semi, 5), "38.53983");

    // Entered back, the monthly profits match within half a cent, unrounded: at 33.35204, full
    // earns (33.35204 × 0.96 − 26.458) × 400 = 2223.98336, POP 2223.984064. At 38.53983, full
    // earns 4216.09472 against semi's 4216.095424: within half a cent, but shown 4216.09 beside
    // 4216.10. So the price to enter is the neighbour 38.53984, where full earns
    // (38.53984 × 0.96 − 26.458) × 400 = 4216.09856, shown 4216.10 like semi-managed.
    assert_eq!(
        stated_indifference_supply_price(&comparison, ModelKind::Pop),
        Some(dec("33.35204"))
    );
    assert_eq!(
        stated_indifference_supply_price(&comparison, ModelKind::Semi),
        Some(dec("38.53984"))
    );
    for (versus, price, shown) in [
        (ModelKind::Pop, "33.35204", "2223.98"),
        (ModelKind::Semi, "38.53984", "4216.10"),
    ] {
        let (again, json) = run(&with(&json!({}), "full.supply_price", json!(price)));
        let gap =
            model(&again, ModelKind::Full).monthly_profit - model(&again, versus).monthly_profit;
        assert!(gap.abs() < dec("0.01"), "{} gap {gap}", versus.id());
        assert_eq!(
            text(model_json(&json, ModelKind::Full), "monthly_profit"),
            shown
        );
        assert_eq!(text(model_json(&json, versus), "monthly_profit"), shown);
    }
    // The nearest price would have shown different figures.
    let (nearest, json) = run(&with(&json!({}), "full.supply_price", json!("38.53983")));
    assert!(nearest.ok());
    assert_eq!(
        text(model_json(&json, ModelKind::Full), "monthly_profit"),
        "4216.09"
    );
}

/// The figures of docs/model.md's "Solvers" section: the worked examples' 10% uplift.
#[test]
fn the_documented_solver_figures() {
    let input = json!({ "assumptions": { "choice.traffic_uplift": "10" } });
    let comparison = compare(&input);
    let price = |kind, margin| target_margin_price(&comparison, kind, dec(margin)).unwrap();
    assert_eq!(stated(price(ModelKind::Pop, "10"), 4), "13.7527");
    assert_eq!(stated(price(ModelKind::Full, "20"), 4), "34.8132");
    // 440 × 0.96 = 422.4 < 1000: 5 places.
    assert_eq!(indifference_supply_price_decimals(&comparison), 5);
    let versus = |kind| indifference_supply_price(&comparison, kind).unwrap();
    // (2223.984064 ÷ 440 + 26.458) ÷ 0.96 = 31.51250923… ÷ 0.96 = 32.82553045…
    assert_eq!(stated(versus(ModelKind::Pop), 5), "32.82553");
    // Semi sells 440 too: (10.54023856 + 26.458) ÷ 0.96 = 38.539831833…
    assert_eq!(stated(versus(ModelKind::Semi), 5), "38.53983");
}

#[test]
fn indifference_supply_prices_that_do_not_exist() {
    let comparison = compare(&json!({}));
    assert!(indifference_supply_price(&comparison, ModelKind::Full).is_none());
    // No units: fully managed earns nothing a month at any supply price.
    let none_sold = compare(&json!({ "monthly_units": "0" }));
    assert!(indifference_supply_price(&none_sold, ModelKind::Pop).is_none());
    // Every unit refunded: fully managed keeps nothing of any supply price.
    let all_back = compare(&json!({ "return_rate_pct": "100" }));
    assert!(indifference_supply_price(&all_back, ModelKind::Semi).is_none());
    // Neither says which model earns more.
    assert_eq!(supply_price_verdict(&none_sold, ModelKind::Pop), None);
    assert_eq!(supply_price_verdict(&all_back, ModelKind::Semi), None);
    // A price exists: no verdict.
    assert_eq!(supply_price_verdict(&comparison, ModelKind::Pop), None);
}

#[test]
fn when_fully_managed_earns_more_at_every_supply_price_or_at_none() {
    // 5 kg parcels: POP's postage alone is more than the unit is sold for, so POP loses more a
    // unit than fully managed does even when it is paid nothing for the goods.
    let heavy = compare(&json!({ "product": { "weight_g": "5000" } }));
    assert!(indifference_supply_price(&heavy, ModelKind::Pop).is_none());
    let pop = model(&heavy, ModelKind::Pop).monthly_profit;
    let full = model(&heavy, ModelKind::Full);
    let full_at_zero =
        compare(&json!({ "product": { "weight_g": "5000" }, "full": { "supply_price": "0.01" } }));
    assert!(
        model(&full_at_zero, ModelKind::Full).monthly_profit > pop,
        "{pop} {}",
        full.monthly_profit
    );
    assert_eq!(
        supply_price_verdict(&heavy, ModelKind::Pop),
        Some(SupplyPriceVerdict::AlwaysMore)
    );
    // POP earning more than a billion-yuan supply price could pay: no price is enough.
    let rich = compare(&json!({ "pop": { "price": "900000000" }, "monthly_units": "1" }));
    assert!(indifference_supply_price(&rich, ModelKind::Pop).is_none());
    assert_eq!(
        supply_price_verdict(&rich, ModelKind::Pop),
        Some(SupplyPriceVerdict::NeverAsMuch)
    );
}

// ---- Random valid scenarios ----

/// A valid random scenario as JSON input (the property tests' generator).
fn scenario() -> impl Strategy<Value = Value> {
    valid().prop_map(|v| v.json())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// The target-margin price, stated with `price_decimals` places and entered back, gives
    /// profit − m × revenue within half a cent (m the target margin, 0 to 99.99%).
    #[test]
    fn target_margin_price_round_trip_to_the_cent(input in scenario(), margin in decimal(0, 9_999, 2)) {
        let comparison = compare(&input);
        prop_assert!(comparison.ok(), "{:?}", comparison.errors);
        let margin = dec(&margin);
        for kind in ModelKind::ALL {
            let Some(price) = target_margin_price(&comparison, kind, margin) else {
                continue;
            };
            prop_assert!(price > Decimal::ZERO);
            let dp = price_decimals(&comparison, kind);
            prop_assert!(dp >= 4);
            let price = stated(price, dp);
            if !enterable(&price) {
                continue;
            }
            let again = compare(&with(&input, price_field(kind), json!(price)));
            prop_assert!(again.ok(), "{:?}", again.errors);
            let gap = margin_gap(&again, kind, margin);
            prop_assert!(gap.abs() < half_cent(), "{} at {} for {}%: gap {}", kind.id(), price, margin, gap);
        }
    }

    /// The indifference supply price as stated (with `indifference_supply_price_decimals`
    /// places) and entered back shows fully managed's monthly profit to the cent as the other
    /// model's; the exact price rounded to those places is within half a cent, unrounded; the
    /// places are at most the break-even places plus the digits of the units.
    #[test]
    fn indifference_supply_price_round_trip_to_the_cent(input in scenario()) {
        let comparison = compare(&input);
        prop_assert!(comparison.ok(), "{:?}", comparison.errors);
        let dp = indifference_supply_price_decimals(&comparison);
        let units = model(&comparison, ModelKind::Full).monthly_units;
        let unit_digits = units.trunc().to_string().len() as u32;
        prop_assert!(dp >= 4);
        prop_assert!(dp <= price_decimals(&comparison, ModelKind::Full) + unit_digits);
        for versus in [ModelKind::Pop, ModelKind::Semi] {
            let Some(exact) = indifference_supply_price(&comparison, versus) else {
                prop_assert!(stated_indifference_supply_price(&comparison, versus).is_none());
                continue;
            };
            prop_assert!(exact > Decimal::ZERO);
            let nearest = stated(exact, dp);
            if enterable(&nearest) {
                let again = compare(&with(&input, "full.supply_price", json!(nearest)));
                prop_assert!(again.ok(), "{:?}", again.errors);
                let gap = model(&again, ModelKind::Full).monthly_profit - model(&again, versus).monthly_profit;
                prop_assert!(gap.abs() < half_cent(), "versus {} at {}: gap {}", versus.id(), nearest, gap);
            }
            let price = stated_indifference_supply_price(&comparison, versus);
            prop_assert!(price.is_some_and(|p| p > Decimal::ZERO));
            let price = stated(price.unwrap(), dp);
            // It differs from the nearest by at most one in the last place.
            prop_assert!((dec(&price) - dec(&nearest)).abs() <= Decimal::new(1, dp));
            if !enterable(&price) {
                continue;
            }
            let (again, json) = run(&with(&input, "full.supply_price", json!(price)));
            prop_assert!(again.ok(), "{:?}", again.errors);
            prop_assert_eq!(
                text(model_json(&json, ModelKind::Full), "monthly_profit"),
                text(model_json(&json, versus), "monthly_profit"),
                "versus {} at {}", versus.id(), price
            );
        }
    }

    /// Break-even is the 0% target margin.
    #[test]
    fn break_even_is_the_zero_margin_price(input in scenario()) {
        let comparison = compare(&input);
        for kind in ModelKind::ALL {
            let break_even = model(&comparison, kind).break_even_price;
            let zero_margin = target_margin_price(&comparison, kind, Decimal::ZERO);
            match (break_even, zero_margin) {
                (Some(b), Some(t)) => {
                    // Equal but for the last of 28 significant digits.
                    let tolerance = Decimal::new(1, 18) * b.max(Decimal::ONE);
                    prop_assert!((b - t).abs() <= tolerance, "{}: {} against {}", kind.id(), b, t);
                }
                // No fixed cost: profit is zero at price 0, and no positive price gives 0%.
                (Some(b), None) => prop_assert!(b.is_zero(), "{}: {}", kind.id(), b),
                (None, t) => prop_assert!(t.is_none(), "{}", kind.id()),
            }
        }
    }
}
