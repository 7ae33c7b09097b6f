//! The rules at the end of PRODUCT.md, each held on several scenarios: defaults, JIT, other
//! categories and destinations, every kind of currency pair, return rates from 0 to 12.5% and
//! assumption overrides.

mod common;

use common::{
    all_strings, dec, is_negative_zero, line_amount, model, model_json, money, price_field, run,
    text, with, with_assumption,
};
use rust_decimal::Decimal;
use sellercalc_engine::{compare, ModelKind, ModelResult};
use serde_json::{json, Value};

/// Scenarios that the rules must hold on. None overrides the semi-managed commission waivers,
/// which the first rule is about.
fn scenarios() -> Vec<(&'static str, Value)> {
    vec![
        ("defaults", json!({})),
        ("jit", json!({ "semi": { "mode": "jit" } })),
        (
            "korea apparel jit, 10% returns",
            json!({
                "product": { "unit_cost": "18.40", "packaging": "0.60", "weight_g": "220", "category": "apparel" },
                "monthly_units": "250", "destination": "KR", "return_rate_pct": "10",
                "pop": { "price": "9.99" }, "semi": { "mode": "jit" }, "full": { "supply_price": "32.50" }
            }),
        ),
        (
            "same currency EUR with overrides",
            json!({
                "currency": { "cost": "EUR", "sale": "EUR" },
                "product": { "unit_cost": "4.20", "packaging": "0.30", "weight_g": "250", "category": "toys" },
                "monthly_units": 150, "destination": "FR", "return_rate_pct": 5,
                "pop": { "price": "19.90", "ad_spend_pct": "5", "affiliate_share_pct": "10", "affiliate_rate_pct": "8" },
                "semi": { "price": "17.50", "popular": false }, "full": { "supply_price": "9.60" },
                "assumptions": { "fx.EUR": "8", "commission.toys": "5", "choice.traffic_uplift": "20",
                                 "warehouse.fee_waiver": "50", "returns.pop.return_shipping": "16", "days.full.payout": "20" }
            }),
        ),
        (
            // 1 ÷ 7.20 does not terminate, so revenue carries 28 significant digits.
            "USD costs, CNY prices",
            json!({
                "currency": { "cost": "USD", "sale": "CNY" },
                "product": { "unit_cost": "3.10", "packaging": "0.15", "weight_g": "120", "category": "phone_accessories" },
                "destination": "US", "pop": { "price": "39.90" }, "full": { "supply_price": "4.35" }
            }),
        ),
        (
            "GBP with an explicit rate, Brazil, electronics, no returns",
            json!({
                "currency": { "cost": "CNY", "sale": "GBP", "rate": "9.1234" },
                "product": { "unit_cost": "180", "packaging": "6", "weight_g": "1450", "category": "consumer_electronics" },
                "monthly_units": "37", "destination": "BR", "return_rate_pct": "0",
                "pop": { "price": "59", "ad_spend_pct": "12.5" }, "semi": { "price": "55" },
                "full": { "supply_price": "260" }
            }),
        ),
        (
            "TRY to Türkiye with uplift and overrides",
            json!({
                "currency": { "cost": "CNY", "sale": "TRY" },
                "product": { "unit_cost": "7.77", "weight_g": "90", "category": "beauty" },
                "monthly_units": "1234", "destination": "TR", "return_rate_pct": "12.5",
                "pop": { "price": "149.99" },
                "assumptions": { "choice.traffic_uplift": "35", "commission.beauty": "6.5",
                                 "returns.semi.unsellable": "45", "postage.choice.TR.per_kg": "88.8" }
            }),
        ),
        (
            "BRL to Mexico, every number a JSON number",
            json!({
                "currency": { "cost": "CNY", "sale": "BRL" },
                "product": { "unit_cost": 12.5, "packaging": 0.8, "weight_g": 510, "category": "sports" },
                "monthly_units": 80, "destination": "MX", "return_rate_pct": 7,
                "pop": { "price": 89.9, "ad_spend_pct": 3, "affiliate_share_pct": 40, "affiliate_rate_pct": 12 },
                "semi": { "popular": false }, "full": { "supply_price": 31 }
            }),
        ),
        (
            "warehouse fees partly waived, larger advance",
            json!({
                "product": { "category": "lighting" }, "destination": "GB",
                "assumptions": { "warehouse.fee_waiver": "25", "semi.advance_payment": "80",
                                 "commission.lighting": "11.25" }
            }),
        ),
        (
            // 1 KRW is worth little, so the rate from USD prices to KRW costs is about 1358.
            "KRW costs, USD prices",
            json!({ "currency": { "cost": "KRW", "sale": "USD" }, "full": { "supply_price": "8800" } }),
        ),
    ]
}

fn computed(input: &Value, kind: ModelKind) -> ModelResult {
    let comparison = compare(input);
    assert!(comparison.ok(), "{:?}", comparison.errors);
    model(&comparison, kind).clone()
}

// ---- Commission: JIT half, warehouse none, fully managed none ----

#[test]
fn semi_jit_commission_is_exactly_half_of_pop() {
    for (name, scenario) in scenarios() {
        // semi.price omitted follows pop.price; also state it explicitly.
        let pop_price = compare(&scenario).scenario.pop.price;
        for semi_price in [None, Some(pop_price)] {
            let mut input = with(&scenario, "semi.mode", json!("jit"));
            if let Some(price) = semi_price {
                input = with(&input, "semi.price", json!(price.to_string()));
            } else if let Some(semi) = input["semi"].as_object_mut() {
                semi.remove("price");
            }
            let pop = computed(&input, ModelKind::Pop);
            let semi = computed(&input, ModelKind::Semi);
            assert_eq!(semi.revenue_per_unit, pop.revenue_per_unit, "{name}");
            assert!(!pop.commission_per_unit().is_zero(), "{name}");
            assert_eq!(
                semi.commission_per_unit() * Decimal::TWO,
                pop.commission_per_unit(),
                "{name}: semi JIT {} vs POP {}",
                semi.commission_per_unit(),
                pop.commission_per_unit()
            );
        }
    }
}

#[test]
fn semi_jit_commission_is_exactly_half_with_a_recurring_default_rate() {
    let input = json!({
        "currency": { "cost": "USD", "sale": "TRY" },
        "pop": { "price": "6828.40" },
        "semi": { "mode": "jit" }
    });
    let pop = computed(&input, ModelKind::Pop);
    let semi = computed(&input, ModelKind::Semi);
    assert_eq!(
        semi.commission_per_unit() * Decimal::TWO,
        pop.commission_per_unit()
    );
}

#[test]
fn semi_warehouse_commission_is_zero() {
    for (name, scenario) in scenarios() {
        let input = with(&scenario, "semi.mode", json!("warehouse"));
        let (comparison, json) = run(&input);
        let semi = model(&comparison, ModelKind::Semi);
        assert!(semi.commission_per_unit().is_zero(), "{name}");
        assert!(!model(&comparison, ModelKind::Pop)
            .commission_per_unit()
            .is_zero());
        let semi_json = model_json(&json, ModelKind::Semi);
        assert_eq!(text(semi_json, "commission_per_unit"), "0.00", "{name}");
        assert_eq!(line_amount(semi_json, "commission"), "0.00", "{name}");
    }
}

#[test]
fn fully_managed_pays_no_commission() {
    for (name, scenario) in scenarios() {
        for mode in ["warehouse", "jit"] {
            let (comparison, json) = run(&with(&scenario, "semi.mode", json!(mode)));
            let full = model(&comparison, ModelKind::Full);
            assert!(full.commission_per_unit().is_zero(), "{name}");
            let item = full.item("commission").expect("commission line shown");
            assert!(item.share_of_revenue.is_zero(), "{name}");
            assert_eq!(
                text(model_json(&json, ModelKind::Full), "commission_per_unit"),
                "0.00"
            );
        }
    }
}

#[test]
fn json_commission_per_unit_is_the_commission_line() {
    for (name, scenario) in scenarios() {
        let (_, json) = run(&scenario);
        for kind in ModelKind::ALL {
            let m = model_json(&json, kind);
            assert_eq!(
                text(m, "commission_per_unit"),
                line_amount(m, "commission"),
                "{name} {}",
                kind.id()
            );
        }
    }
}

// ---- profit_per_unit = revenue_per_unit − Σ line items ----

#[test]
fn profit_is_revenue_minus_every_line_item_exactly() {
    for (name, scenario) in scenarios() {
        for mode in ["warehouse", "jit"] {
            let (comparison, _) = run(&with(&scenario, "semi.mode", json!(mode)));
            for kind in ModelKind::ALL {
                let m = model(&comparison, kind);
                // Summed in line order from zero, as the output lists them, then subtracted once.
                let costs = m
                    .line_items
                    .iter()
                    .fold(Decimal::ZERO, |sum, item| sum + item.amount);
                assert_eq!(
                    m.profit_per_unit,
                    m.revenue_per_unit - costs,
                    "{name} {mode} {}",
                    kind.id()
                );
            }
        }
    }
}

/// In the JSON, each of the n line items, the revenue and the profit is rounded once, each by at
/// most 0.005, so the rounded strings may disagree by up to 0.005 × (n + 2).
#[test]
fn rounded_profit_agrees_with_rounded_lines_within_rounding() {
    let mut largest_gap = Decimal::ZERO;
    for (name, scenario) in scenarios() {
        for mode in ["warehouse", "jit"] {
            let (_, json) = run(&with(&scenario, "semi.mode", json!(mode)));
            for kind in ModelKind::ALL {
                let m = model_json(&json, kind);
                let items = m["line_items"].as_array().expect("line items");
                let costs: Decimal = items.iter().map(|item| dec(text(item, "amount"))).sum();
                let gap =
                    (dec(text(m, "revenue_per_unit")) - costs - dec(text(m, "profit_per_unit")))
                        .abs();
                let tolerance = dec("0.005") * Decimal::from(items.len() + 2);
                assert!(
                    gap <= tolerance,
                    "{name} {mode} {}: gap {gap} > {tolerance}",
                    kind.id()
                );
                largest_gap = largest_gap.max(gap);
            }
        }
    }
    // The tolerance is needed: somewhere the rounded lines do not add up to the rounded profit.
    assert!(largest_gap >= dec("0.01"), "largest gap {largest_gap}");
}

// ---- monthly_profit = round(unrounded profit × monthly units incl. uplift) ----

fn uplift_pct(scenario: &Value) -> Decimal {
    scenario["assumptions"]["choice.traffic_uplift"]
        .as_str()
        .map_or(Decimal::ZERO, dec)
}

#[test]
fn monthly_profit_is_unrounded_profit_times_units_rounded_once() {
    let mut with_uplift = scenarios();
    with_uplift.push((
        "defaults with 12.5% uplift",
        json!({ "assumptions": { "choice.traffic_uplift": "12.5" } }),
    ));
    for (name, scenario) in with_uplift {
        let (comparison, json) = run(&scenario);
        let base_units = comparison.scenario.monthly_units;
        let uplifted = base_units * (Decimal::ONE + uplift_pct(&scenario) / Decimal::ONE_HUNDRED);
        for kind in ModelKind::ALL {
            let m = model(&comparison, kind);
            let units = if kind == ModelKind::Pop {
                base_units
            } else {
                uplifted
            };
            assert_eq!(m.monthly_units, units, "{name} {}", kind.id());
            assert_eq!(
                text(model_json(&json, kind), "monthly_profit"),
                money(m.profit_per_unit * units),
                "{name} {}",
                kind.id()
            );
        }
    }
}

#[test]
fn monthly_profit_differs_from_rounded_profit_times_units() {
    // POP, defaults: profit 5.55996016 × 400 = 2223.984064 → 2223.98, whereas 5.56 × 400 = 2224.00.
    let (_, json) = run(&json!({}));
    let pop = model_json(&json, ModelKind::Pop);
    assert_eq!(text(pop, "profit_per_unit"), "5.56");
    assert_eq!(text(pop, "monthly_profit"), "2223.98");
    assert_ne!(dec("5.56") * dec("400"), dec("2223.98"));

    // With a 12.5% uplift, semi-managed and fully managed sell 400 × 1.125 = 450 units.
    // Semi: 10.54023856 × 450 = 4743.107352 → 4743.11, not 10.54 × 450 = 4743.00.
    // Full (estimated supply price 46.764): 18.43544 × 450 = 8295.948 → 8295.95, not
    // 18.44 × 450 = 8298.00.
    let (_, json) = run(&json!({ "assumptions": { "choice.traffic_uplift": "12.5" } }));
    for (kind, profit, monthly) in [
        (ModelKind::Semi, "10.54", "4743.11"),
        (ModelKind::Full, "18.44", "8295.95"),
    ] {
        let m = model_json(&json, kind);
        assert_eq!(text(m, "monthly_units"), "450");
        assert_eq!(text(m, "profit_per_unit"), profit);
        assert_eq!(text(m, "monthly_profit"), monthly);
        assert_ne!(dec(profit) * dec("450"), dec(monthly));
    }
    // POP gets no Choice traffic support.
    assert_eq!(
        text(model_json(&json, ModelKind::Pop), "monthly_units"),
        "400"
    );
}

// ---- Selling at break_even_price makes 0.00 ----

/// Re-runs `scenario` with `kind`'s price set to its JSON break-even price; returns the JSON
/// profit per unit and the unrounded profit.
fn profit_at_break_even(scenario: &Value, kind: ModelKind) -> (String, Decimal, String) {
    let (_, json) = run(scenario);
    let break_even = text(model_json(&json, kind), "break_even_price").to_owned();
    let again = with(scenario, price_field(kind), json!(break_even));
    let (comparison, json) = run(&again);
    assert!(comparison.ok(), "{:?}", comparison.errors);
    for (at, s) in all_strings(&json) {
        assert!(!is_negative_zero(&s), "{at}: {s}");
    }
    (
        text(model_json(&json, kind), "profit_per_unit").to_owned(),
        model(&comparison, kind).profit_per_unit,
        break_even,
    )
}

#[test]
fn selling_at_break_even_price_makes_zero_profit_to_the_cent() {
    let mut tiny_losses = 0;
    for (name, scenario) in scenarios() {
        if name.starts_with("KRW") {
            continue; // See break_even_holds_with_a_large_exchange_rate below.
        }
        for mode in ["warehouse", "jit"] {
            let scenario = with(&scenario, "semi.mode", json!(mode));
            for kind in ModelKind::ALL {
                let (profit, unrounded, price) = profit_at_break_even(&scenario, kind);
                assert_eq!(profit, "0.00", "{name} {mode} {} at {price}", kind.id());
                if unrounded < Decimal::ZERO {
                    tiny_losses += 1;
                }
            }
        }
    }
    // Most break-even prices round down a little, so the profit there is a tiny loss that must
    // still show as "0.00", never "-0.00".
    assert!(tiny_losses > 0);
}

#[test]
fn break_even_holds_with_a_large_exchange_rate() {
    let scenario = json!({ "currency": { "cost": "KRW", "sale": "USD" } });
    for kind in ModelKind::ALL {
        let (profit, _, price) = profit_at_break_even(&scenario, kind);
        assert_eq!(profit, "0.00", "{} at {price}", kind.id());
    }
}

// ---- Unit cost never raises profit; the advance payment moves cash, never profit ----

#[test]
fn more_unit_cost_never_raises_profit() {
    let costs = [
        "0", "0.01", "0.1", "1", "18.4", "25", "25.01", "250", "9999.99", "1000000",
    ];
    for (name, scenario) in scenarios() {
        let profits: Vec<Vec<Decimal>> = costs
            .iter()
            .map(|cost| {
                let (comparison, _) = run(&with(&scenario, "product.unit_cost", json!(cost)));
                ModelKind::ALL
                    .iter()
                    .map(|&kind| model(&comparison, kind).profit_per_unit)
                    .collect()
            })
            .collect();
        for pair in profits.windows(2) {
            for (i, kind) in ModelKind::ALL.iter().enumerate() {
                // Strictly lower: even the resold-returns credit gives back less than the cost.
                assert!(
                    pair[1][i] < pair[0][i],
                    "{name} {}: {} then {}",
                    kind.id(),
                    pair[0][i],
                    pair[1][i]
                );
            }
        }
    }
}

#[test]
fn advance_payment_changes_cash_never_profit() {
    for (name, scenario) in scenarios() {
        let warehouse = with(&scenario, "semi.mode", json!("warehouse"));
        let (with_advance, _) = run(&with(&warehouse, "semi.popular", json!(true)));
        let (without, _) = run(&with(&warehouse, "semi.popular", json!(false)));
        let a = model(&with_advance, ModelKind::Semi);
        let b = model(&without, ModelKind::Semi);
        assert_eq!(a.line_items, b.line_items, "{name}");
        assert_eq!(a.profit_per_unit, b.profit_per_unit, "{name}");
        assert_eq!(a.monthly_profit, b.monthly_profit, "{name}");
        assert_eq!(a.margin_pct, b.margin_pct, "{name}");
        assert_eq!(a.break_even_price, b.break_even_price, "{name}");
        assert!(a.cash.advance_pct > Decimal::ZERO, "{name}");
        assert!(b.cash.advance_pct.is_zero(), "{name}");
        // Part of the money comes 7 days after the goods enter the warehouse: less money tied
        // up, while the sale itself is still paid out after stock + delivery + payout.
        assert_eq!(a.cash.days_to_cash, b.cash.days_to_cash, "{name}");
        assert!(a.cash.capital_tied < b.cash.capital_tied, "{name}");
        // The other two models do not see the flag at all.
        for kind in [ModelKind::Pop, ModelKind::Full] {
            assert_eq!(model(&with_advance, kind), model(&without, kind), "{name}");
        }
    }
}

#[test]
fn advance_payment_applies_to_warehouse_goods_only() {
    for (name, scenario) in scenarios() {
        let jit = with(&scenario, "semi.mode", json!("jit"));
        let (a, _) = run(&with(&jit, "semi.popular", json!(true)));
        let (b, _) = run(&with(&jit, "semi.popular", json!(false)));
        assert_eq!(
            model(&a, ModelKind::Semi),
            model(&b, ModelKind::Semi),
            "{name}"
        );
    }
}

#[test]
fn advance_payment_share_lowers_capital_until_it_covers_the_outlay() {
    // Defaults, warehouse: 27.2 paid for goods and freight on day 0, the advance (a share of the
    // 93.528 expected revenue) on day 7, 7.48224 of ads on day 30, the payout on day 50.
    //   0%:   27.2 × 30 + (27.2 + 7.48224) × 20 = 1509.6448 money-days; × 400 ÷ 30 = 20128.60
    //   20%:  the advance 18.7056 leaves 8.4944 tied from day 7 to 30, then 15.97664 to day 50:
    //         27.2 × 7 + 8.4944 × 23 + 15.97664 × 20 = 190.4 + 195.3712 + 319.5328 = 705.304;
    //         × 400 ÷ 30 = 9404.05
    //   60%:  the advance 56.1168 covers everything paid from day 7: 27.2 × 7 = 190.4;
    //         × 400 ÷ 30 = 2538.67 (100% the same)
    for (advance, capital) in [
        ("0", "20128.60"),
        ("20", "9404.05"),
        ("60", "2538.67"),
        ("100", "2538.67"),
    ] {
        let input = with_assumption(
            &json!({ "semi": { "popular": true } }),
            "semi.advance_payment",
            json!(advance),
        );
        let (comparison, json) = run(&input);
        let semi = model(&comparison, ModelKind::Semi);
        assert_eq!(semi.cash.days_to_cash, dec("50"), "advance {advance}%");
        assert_eq!(
            text(model_json(&json, ModelKind::Semi), "cash/capital_tied"),
            capital,
            "advance {advance}%"
        );
        assert_eq!(
            semi.profit_per_unit,
            dec("10.54023856"),
            "advance {advance}%"
        );
    }
}

// ---- Money is exact decimal arithmetic ----

#[test]
fn a_tenth_plus_two_tenths_is_three_tenths() {
    // Goods cost 0.1 + 0.2 sold for a supply price of 0.3, with nothing else to pay: exactly 0.
    // In binary floating point 0.3 − (0.1 + 0.2) is −5.55e−17.
    let input = json!({
        "product": { "unit_cost": "0.1", "packaging": "0.2", "weight_g": "0" },
        "return_rate_pct": "0",
        "full": { "supply_price": "0.3" }
    });
    let (comparison, json) = run(&input);
    let full = model(&comparison, ModelKind::Full);
    assert_eq!(full.profit_per_unit, Decimal::ZERO);
    assert_eq!(full.break_even_price, Some(dec("0.3")));
    let full_json = model_json(&json, ModelKind::Full);
    assert_eq!(text(full_json, "profit_per_unit"), "0.00");
    assert_eq!(text(full_json, "break_even_price"), "0.3000");
    assert_eq!(0.3 - (0.1_f64 + 0.2), -5.551115123125783e-17);

    // The same goods cost as 0.3 + 0 gives the very same figures.
    let (same, _) = run(&with(
        &with(&input, "product.unit_cost", json!("0.3")),
        "product.packaging",
        json!("0"),
    ));
    let same = model(&same, ModelKind::Full);
    assert_eq!(same.profit_per_unit, full.profit_per_unit);
    assert_eq!(same.break_even_price, full.break_even_price);
    assert_eq!(same.cash, full.cash);
}

#[test]
fn prices_of_a_tenth_and_two_tenths_are_exact() {
    // Same currency, so revenue is the price itself; commission is 5.5% of it (the newest set).
    let input = json!({
        "currency": { "cost": "CNY", "sale": "CNY" },
        "pop": { "price": "0.1" }, "semi": { "price": "0.2", "mode": "jit" }
    });
    let (comparison, _) = run(&input);
    let pop = model(&comparison, ModelKind::Pop);
    let semi = model(&comparison, ModelKind::Semi);
    assert_eq!(pop.revenue_per_unit + semi.revenue_per_unit, dec("0.3"));
    assert_eq!(pop.commission_per_unit(), dec("0.0055"));
    assert_eq!(semi.commission_per_unit(), dec("0.0055")); // half of 5.5% of 0.2
    assert_eq!(
        pop.item("advertising").map(|i| i.amount),
        Some(dec("0.008"))
    );

    // A JSON number 0.1 is the binary double nearest 0.1; it must be read as exactly 0.1.
    let (as_number, _) = run(&with(&input, "pop.price", json!(0.1)));
    assert_eq!(model(&as_number, ModelKind::Pop), pop);
    assert_eq!(
        model(&as_number, ModelKind::Pop).revenue_per_unit,
        dec("0.1")
    );
}

#[test]
fn midpoints_round_half_away_from_zero_exactly() {
    // Supply price − unit cost with nothing else to pay. Binary floating point would give
    // 1.015 − 1 = 0.0149999999999999 (→ 0.01) and 2.675 = 2.67499999999999982 (→ 2.67).
    let base = json!({
        "product": { "packaging": "0", "weight_g": "0" }, "return_rate_pct": "0"
    });
    for (supply, cost, expected) in [
        ("10.005", "10", "0.01"),
        ("1.015", "1", "0.02"),
        ("10", "10.005", "-0.01"),
        ("2.675", "0", "2.68"),
    ] {
        let input = with(
            &with(&base, "full.supply_price", json!(supply)),
            "product.unit_cost",
            json!(cost),
        );
        let (_, json) = run(&input);
        assert_eq!(
            text(model_json(&json, ModelKind::Full), "profit_per_unit"),
            expected,
            "{supply} − {cost}"
        );
    }
    assert_eq!(format!("{:.2}", 1.015_f64 - 1.0), "0.01");
    assert_eq!(format!("{:.2}", 2.675_f64), "2.67");
}

/// Buyer-paid shipping (docs/model.md, "Shipping the buyer pays for"): the default scenario with
/// 2 USD of shipping charged to POP's buyers. Worked by hand: the order total is
/// (12.99 + 2) × 7.2 = 107.928 CNY; commission, service fee, conversion and refunds are on it;
/// affiliates and ads on the sale price, 12.99 × 7.2 = 93.528.
#[test]
fn buyer_paid_shipping_adds_to_revenue_and_to_the_fees_on_the_order_total() {
    let input = json!({ "pop": { "shipping_charge": "2" } });
    let pop = computed(&input, ModelKind::Pop);
    let amount = |key: &str| pop.item(key).expect(key).amount;
    assert_eq!(pop.revenue_per_unit, dec("107.928"));
    assert_eq!(amount("commission"), dec("5.93604")); // 5.5% × 107.928
    assert_eq!(amount("service_fee"), dec("2.6982")); // 2.5% × 107.928
    assert_eq!(amount("payment_conversion"), dec("0.323784")); // 0.3% × 107.928
    assert_eq!(amount("refunds"), dec("4.31712")); // 4% × 107.928
    assert_eq!(amount("affiliate"), dec("0.93528")); // 20% × 5% × 93.528
    assert_eq!(amount("advertising"), dec("7.48224")); // 8% × 93.528
                                                       // −4% × (8% × 107.928 + 1% × 93.528 + 0.3% × 107.928) = −4% × 9.893304
    assert_eq!(amount("fees_refunded"), dec("-0.39573216"));
    // 107.928 − 89.69143184; the shipping adds 14.4 × (1 − 12.3% + 4% × 8.3%) = 12.676608.
    assert_eq!(pop.profit_per_unit, dec("18.23656816"));
    // S = 20.928% as without shipping; F = 68.3945 − (1% + 8% − 0.04%) × 14.4 = 67.10426:
    // 67.10426 ÷ 0.79072 ÷ 7.2 − 2 = 9.786774…
    let (_, json) = run(&input);
    let m = model_json(&json, ModelKind::Pop);
    assert_eq!(text(m, "break_even_price"), "9.7868");
    // VAT on the whole order: (12.99 + 2) × 1.21 = 18.1379.
    assert_eq!(text(m, "buyer_price"), "18.14");
    let rule = |key: &str| pop.item(key).expect(key).rule.english();
    assert_eq!(
        pop.revenue_rule.english(),
        "Sale price USD 12.99 + shipping USD 2.00 paid by the buyer = USD 14.99 × 7.2 CNY per \
         USD = CNY 107.93."
    );
    assert_eq!(
        rule("commission"),
        "5.5% of the order total, shipping included (category Home & garden)."
    );
    assert_eq!(
        rule("service_fee"),
        "2.5% of the order total, shipping included: the transaction service fee, in every \
         category."
    );
    assert_eq!(
        rule("payment_conversion"),
        "0.3% of the order total to withdraw USD as CNY (at least US$8 a withdrawal: withdraw in \
         large amounts)."
    );
    assert_eq!(
        rule("refunds"),
        "4% of orders are refunded; you bear 100% of the refunded order total, shipping included."
    );
    assert_eq!(
        rule("affiliate"),
        "20% of orders come through affiliates, who get 5% of the sale price."
    );
    // Selling at the break-even price loses nothing to the cent.
    let (_, again) = run(&with(&input, "pop.price", json!("9.7868")));
    assert_eq!(
        text(model_json(&again, ModelKind::Pop), "profit_per_unit"),
        "0.00"
    );
    // Semi-managed and fully managed have no shipping charge: they do not move.
    for kind in [ModelKind::Semi, ModelKind::Full] {
        assert_eq!(computed(&input, kind), computed(&json!({}), kind));
    }
    // One currency: the order total is the revenue.
    let same =
        json!({ "currency": { "cost": "USD", "sale": "USD" }, "pop": { "shipping_charge": "2" } });
    assert_eq!(
        computed(&same, ModelKind::Pop).revenue_rule.english(),
        "Sale price USD 12.99 + shipping USD 2.00 paid by the buyer = order total USD 14.99."
    );
}

#[test]
fn a_shipping_charge_that_covers_every_cost_leaves_no_break_even_price() {
    // 100 USD of shipping is 720 CNY a parcel: any price earns, so none breaks even.
    let (comparison, json) = run(&json!({ "pop": { "shipping_charge": "100" } }));
    assert!(comparison.ok(), "{:?}", comparison.errors);
    assert!(json["models"]["pop"]["break_even_price"].is_null());
    assert!(model(&comparison, ModelKind::Pop).profit_per_unit > Decimal::ZERO);
}
