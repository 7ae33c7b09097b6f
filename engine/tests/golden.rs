//! Golden scenarios, computed by hand from the policy file (engine/policies/aliexpress-2024.json)
//! and the formulas in docs/model.md. Every output string of every model is asserted.
//!
//! Conventions in the comments: "→" is the output rounding (once, half away from zero, money to
//! 2 places, break-even prices to 4, days to whole days). Percentages of revenue are written as
//! fractions of the unrounded revenue. "goods" is unit cost + packaging.

mod common;

use common::{model_json, run, text};
use sellercalc_engine::ModelKind;
use serde_json::{json, Value};

/// One model's expected output strings.
struct Expected {
    revenue: &'static str,
    commission: &'static str,
    /// Every line item, in output order: (key, amount, waived).
    lines: &'static [(&'static str, &'static str, Option<&'static str>)],
    profit: &'static str,
    units: &'static str,
    monthly: &'static str,
    margin: &'static str,
    break_even: &'static str,
    break_even_currency: &'static str,
    days: &'static str,
    capital: &'static str,
    advance_pct: &'static str,
}

#[track_caller]
fn check(json: &Value, kind: ModelKind, e: &Expected) {
    let m = model_json(json, kind);
    let id = kind.id();
    assert_eq!(text(m, "revenue_per_unit"), e.revenue, "{id} revenue");
    assert_eq!(
        text(m, "commission_per_unit"),
        e.commission,
        "{id} commission"
    );
    let items = m["line_items"].as_array().expect("line items");
    let actual: Vec<(&str, &str, Option<&str>)> = items
        .iter()
        .map(|item| {
            (
                text(item, "key"),
                text(item, "amount"),
                item.get("waived").and_then(Value::as_str),
            )
        })
        .collect();
    assert_eq!(actual, e.lines, "{id} line items");
    assert_eq!(text(m, "profit_per_unit"), e.profit, "{id} profit");
    assert_eq!(text(m, "monthly_units"), e.units, "{id} units");
    assert_eq!(text(m, "monthly_profit"), e.monthly, "{id} monthly");
    assert_eq!(text(m, "margin_pct"), e.margin, "{id} margin");
    assert_eq!(text(m, "break_even_price"), e.break_even, "{id} break-even");
    assert_eq!(
        text(m, "break_even_currency"),
        e.break_even_currency,
        "{id} break-even currency"
    );
    assert_eq!(text(m, "cash/days_to_cash"), e.days, "{id} days");
    assert_eq!(text(m, "cash/capital_tied"), e.capital, "{id} capital");
    assert_eq!(text(m, "cash/advance_pct"), e.advance_pct, "{id} advance");
}

/// `{}`: the product brief's example. CNY costs, USD prices at the policy's 7.20 CNY per USD;
/// unit cost 25 + packaging 1.5 = goods 26.5; 350 g = 0.35 kg; category home (8% commission);
/// 400 units a month; Spain; 4% returns; POP price 12.99 with 8% ads and 20% of orders through
/// affiliates at 5%; semi-managed 12.99, warehouse, popular; fully managed supply price 45.
#[test]
fn defaults() {
    let (comparison, json) = run(&json!({}));
    assert!(comparison.ok());
    assert_eq!(json["currency"]["rate"], "7.2");
    // Monthly: semi 6799.64 > full 6696.80 > POP 1822.94; 6799.64 − 6696.80 = 102.84.
    assert_eq!(json["best"], "semi");
    assert_eq!(json["recommendation"]["runner_up"], "full");
    assert_eq!(json["recommendation"]["monthly_advantage"], "102.84");

    // POP
    // revenue            = 12.99 × 7.20                               = 93.528    → 93.53
    // product_cost       = 25                                                     → 25.00
    // packaging          = 1.5                                                    → 1.50
    // first_mile         = 0.35 × 0 + 0 (first_mile.pop.*)            = 0         → 0.00
    // last_mile          = 0.35 × 64.67 + 19.26 = 22.6345 + 19.26     = 41.8945   → 41.89
    // commission         = 8% × 93.528                                = 7.48224   → 7.48
    // affiliate          = 20% × 5% = 1% × 93.528                     = 0.93528   → 0.94
    // advertising        = 8% × 93.528                                = 7.48224   → 7.48
    // payment_conversion = 1% × 93.528                                = 0.93528   → 0.94
    // refunds            = 4% × 100% borne × 93.528                   = 3.74112   → 3.74
    // return_shipping    = 4% × 0                                     = 0         → 0.00
    // returns_resold     = −(4% × (1 − 100% unsellable) × 26.5)       = 0         → 0.00
    // costs  = 25 + 1.5 + 0 + 41.8945 + 7.48224 + 0.93528 + 7.48224 + 0.93528 + 3.74112
    //        = 88.97066
    // profit = 93.528 − 88.97066 = 4.55734                                        → 4.56
    // monthly = 4.55734 × 400 = 1822.936                                          → 1822.94
    // margin  = 4.55734 ÷ 93.528 × 100 = 4.8727…                                  → 4.87
    // break-even: shares of revenue 8% + 1% + 8% + 1% + 4% = 22%, so 78% is kept;
    //   fixed costs 25 + 1.5 + 0 + 41.8945 = 68.3945;
    //   68.3945 ÷ 0.78 = 87.68525…; ÷ 7.20 = 12.178507… USD                      → 12.1785
    // days   = 20 delivery + 7 payout = 27
    // outlay = 25 + 1.5 + 0 + 41.8945 + 7.48224 (ads) = 75.87674;
    //   capital = 75.87674 × 400 × 27 ÷ 30 = 27315.6264                           → 27315.63
    check(
        &json,
        ModelKind::Pop,
        &Expected {
            revenue: "93.53",
            commission: "7.48",
            lines: &[
                ("product_cost", "25.00", None),
                ("packaging", "1.50", None),
                ("first_mile", "0.00", None),
                ("last_mile", "41.89", None),
                ("commission", "7.48", None),
                ("affiliate", "0.94", None),
                ("advertising", "7.48", None),
                ("payment_conversion", "0.94", None),
                ("refunds", "3.74", None),
                ("return_shipping", "0.00", None),
                ("returns_resold", "0.00", None),
            ],
            profit: "4.56",
            units: "400",
            monthly: "1822.94",
            margin: "4.87",
            break_even: "12.1785",
            break_even_currency: "USD",
            days: "27",
            capital: "27315.63",
            advance_pct: "0",
        },
    );

    // Semi-managed, warehouse, popular
    // revenue            = 12.99 × 7.20                               = 93.528    → 93.53
    // product_cost 25.00, packaging 1.50
    // first_mile         = 0.35 × 12 + 0 (first_mile.semi_warehouse) = 4.2        → 4.20
    // last_mile          = 0.35 × 64.67 + 19.26 (postage.choice.ES)  = 41.8945    → 41.89
    // commission         = 8% × (1 − 100% waived) × 93.528           = 0          → 0.00
    // payment_conversion = 1% × 93.528                               = 0.93528    → 0.94
    // warehouse_pickup   = 0.5 × (1 − 100%) = 0, waived 0.5 × 100% = 0.5          → 0.00 / 0.50
    // warehouse_operation= 2 × 0 = 0, waived 2                                    → 0.00 / 2.00
    // warehouse_rent     = 0.8 × 0 = 0, waived 0.8                                → 0.00 / 0.80
    // refunds            = 4% × 100% × 93.528                        = 3.74112    → 3.74
    // return_shipping    = 4% × 0                                    = 0          → 0.00
    // returns_resold     = −(4% × (1 − 30%) × 26.5) = −(0.028 × 26.5) = −0.742    → -0.74
    // costs  = 25 + 1.5 + 4.2 + 41.8945 + 0 + 0.93528 + 0 + 0 + 0 + 3.74112 + 0 − 0.742
    //        = 76.5289
    // profit = 93.528 − 76.5289 = 16.9991                                         → 17.00
    // monthly = 16.9991 × 400 = 6799.64                                           → 6799.64
    // margin  = 16.9991 ÷ 93.528 × 100 = 18.1754…                                 → 18.18
    // break-even: shares 0% + 1% + 4% = 5%, 95% kept;
    //   fixed 25 + 1.5 + 4.2 + 41.8945 + 0 + 0 + 0 + 0 − 0.742 = 71.8525;
    //   71.8525 ÷ 0.95 = 75.63421…; ÷ 7.20 = 10.504751… USD                        → 10.5048
    // days   = 60% advance after 7 days + 40% after 30 + 5 + 15 = 50 days
    //        = 4.2 + 20 = 24.2                                                     → 24
    // outlay = 25 + 1.5 + 4.2 + 41.8945 + 0 + 0 + 0 = 72.5945;
    //   capital = 72.5945 × 400 × 24.2 ÷ 30 = 23423.8253…                          → 23423.83
    check(
        &json,
        ModelKind::Semi,
        &Expected {
            revenue: "93.53",
            commission: "0.00",
            lines: &[
                ("product_cost", "25.00", None),
                ("packaging", "1.50", None),
                ("first_mile", "4.20", None),
                ("last_mile", "41.89", None),
                ("commission", "0.00", None),
                ("payment_conversion", "0.94", None),
                ("warehouse_pickup", "0.00", Some("0.50")),
                ("warehouse_operation", "0.00", Some("2.00")),
                ("warehouse_rent", "0.00", Some("0.80")),
                ("refunds", "3.74", None),
                ("return_shipping", "0.00", None),
                ("returns_resold", "-0.74", None),
            ],
            profit: "17.00",
            units: "400",
            monthly: "6799.64",
            margin: "18.18",
            break_even: "10.5048",
            break_even_currency: "USD",
            days: "24",
            capital: "23423.83",
            advance_pct: "60",
        },
    );

    // Fully managed
    // revenue         = supply price 45 (CNY)                                     → 45.00
    // product_cost 25.00, packaging 1.50
    // first_mile      = 0.35 × 2 + 0 (first_mile.full)                = 0.7       → 0.70
    // commission      = 0                                                         → 0.00
    // refunds         = 4% × 100% × 45                                = 1.8       → 1.80
    // return_shipping = 4% × 0                                        = 0         → 0.00
    // returns_resold  = −(4% × 70% × 26.5)                            = −0.742    → -0.74
    // costs  = 25 + 1.5 + 0.7 + 0 + 1.8 + 0 − 0.742 = 28.258
    // profit = 45 − 28.258 = 16.742                                               → 16.74
    // monthly = 16.742 × 400 = 6696.8                                             → 6696.80
    // margin  = 16.742 ÷ 45 × 100 = 37.2044…                                      → 37.20
    // break-even: shares 4%, 96% kept; fixed 25 + 1.5 + 0.7 − 0.742 = 26.458;
    //   26.458 ÷ 0.96 = 27.560416… CNY                                           → 27.5604
    // days   = 30 in stock + 8 delivery + 15 payout = 53
    // outlay = 25 + 1.5 + 0.7 = 27.2; capital = 27.2 × 400 × 53 ÷ 30 = 19221.333… → 19221.33
    check(
        &json,
        ModelKind::Full,
        &Expected {
            revenue: "45.00",
            commission: "0.00",
            lines: &[
                ("product_cost", "25.00", None),
                ("packaging", "1.50", None),
                ("first_mile", "0.70", None),
                ("commission", "0.00", None),
                ("refunds", "1.80", None),
                ("return_shipping", "0.00", None),
                ("returns_resold", "-0.74", None),
            ],
            profit: "16.74",
            units: "400",
            monthly: "6696.80",
            margin: "37.20",
            break_even: "27.5604",
            break_even_currency: "CNY",
            days: "53",
            capital: "19221.33",
            advance_pct: "0",
        },
    );
}

/// Apparel to South Korea, semi-managed JIT, 10% returns. CNY costs, USD prices at 7.20; goods
/// 18.40 + 0.60 = 19.00; 220 g = 0.22 kg; apparel commission 8%; 250 units; POP price 9.99 (semi
/// follows it); supply price 32.50.
#[test]
fn korea_apparel_jit_with_ten_percent_returns() {
    let (comparison, json) = run(&json!({
        "product": { "unit_cost": "18.40", "packaging": "0.60", "weight_g": "220", "category": "apparel" },
        "monthly_units": "250",
        "destination": "KR",
        "return_rate_pct": "10",
        "pop": { "price": "9.99" },
        "semi": { "mode": "jit" },
        "full": { "supply_price": "32.50" }
    }));
    assert!(comparison.ok());
    // Monthly: semi 4509.80 > full 2785.00 > POP 2589.64.
    assert_eq!(json["best"], "semi");
    assert_eq!(json["recommendation"]["monthly_advantage"], "1724.80");

    // POP
    // revenue            = 9.99 × 7.20                                = 71.928    → 71.93
    // product_cost 18.40, packaging 0.60, first_mile 0.00
    // last_mile          = 0.22 × 29.68 + 15.90 = 6.5296 + 15.90      = 22.4296   → 22.43
    // commission         = 8% × 71.928                                = 5.75424   → 5.75
    // affiliate          = 1% × 71.928                                = 0.71928   → 0.72
    // advertising        = 8% × 71.928                                = 5.75424   → 5.75
    // payment_conversion = 1% × 71.928                                = 0.71928   → 0.72
    // refunds            = 10% × 71.928                               = 7.1928    → 7.19
    // return_shipping 0.00; returns_resold 0.00 (POP goods do not come back)
    // costs  = 18.4 + 0.6 + 0 + 22.4296 + 5.75424 + 0.71928 + 5.75424 + 0.71928 + 7.1928
    //        = 61.56944
    // profit = 71.928 − 61.56944 = 10.35856                                       → 10.36
    // monthly = 10.35856 × 250 = 2589.64                                          → 2589.64
    // margin  = 10.35856 ÷ 71.928 × 100 = 14.4012…                                → 14.40
    // break-even: shares 8 + 1 + 8 + 1 + 10 = 28%, 72% kept; fixed 18.4 + 0.6 + 22.4296 = 41.4296;
    //   41.4296 ÷ 0.72 = 57.54111…; ÷ 7.20 = 7.991820… USD                        → 7.9918
    // days 20 + 7 = 27
    // outlay = 18.4 + 0.6 + 0 + 22.4296 + 5.75424 = 47.18384;
    //   capital = 47.18384 × 250 × 27 ÷ 30 = 10616.364                            → 10616.36
    check(
        &json,
        ModelKind::Pop,
        &Expected {
            revenue: "71.93",
            commission: "5.75",
            lines: &[
                ("product_cost", "18.40", None),
                ("packaging", "0.60", None),
                ("first_mile", "0.00", None),
                ("last_mile", "22.43", None),
                ("commission", "5.75", None),
                ("affiliate", "0.72", None),
                ("advertising", "5.75", None),
                ("payment_conversion", "0.72", None),
                ("refunds", "7.19", None),
                ("return_shipping", "0.00", None),
                ("returns_resold", "0.00", None),
            ],
            profit: "10.36",
            units: "250",
            monthly: "2589.64",
            margin: "14.40",
            break_even: "7.9918",
            break_even_currency: "USD",
            days: "27",
            capital: "10616.36",
            advance_pct: "0",
        },
    );

    // Semi-managed JIT (no warehouse fees, no advance payment)
    // revenue            = 71.928                                                 → 71.93
    // product_cost 18.40, packaging 0.60
    // first_mile         = 0.22 × 0 + 3 (first_mile.semi_jit)         = 3         → 3.00
    // last_mile          = 0.22 × 29.68 + 15.90 (postage.choice.KR)   = 22.4296   → 22.43
    // commission         = 8% × (1 − 50%) = 4% × 71.928               = 2.87712   → 2.88
    // payment_conversion = 1% × 71.928                                = 0.71928   → 0.72
    // refunds            = 10% × 71.928                               = 7.1928    → 7.19
    // return_shipping    = 0                                                      → 0.00
    // returns_resold     = −(10% × 70% × 19)                          = −1.33     → -1.33
    // costs  = 18.4 + 0.6 + 3 + 22.4296 + 2.87712 + 0.71928 + 7.1928 + 0 − 1.33 = 53.8888
    // profit = 71.928 − 53.8888 = 18.0392                                         → 18.04
    // monthly = 18.0392 × 250 = 4509.8                                            → 4509.80
    // margin  = 18.0392 ÷ 71.928 × 100 = 25.0795…                                 → 25.08
    // break-even: shares 4 + 1 + 10 = 15%, 85% kept; fixed 18.4 + 0.6 + 3 + 22.4296 − 1.33
    //   = 43.0996; ÷ 0.85 = 50.70541…; ÷ 7.20 = 7.042418… USD                     → 7.0424
    // days   = 10 delivery + 15 payout = 25
    // outlay = 18.4 + 0.6 + 3 + 22.4296 = 44.4296;
    //   capital = 44.4296 × 250 × 25 ÷ 30 = 9256.1666…                            → 9256.17
    check(
        &json,
        ModelKind::Semi,
        &Expected {
            revenue: "71.93",
            commission: "2.88",
            lines: &[
                ("product_cost", "18.40", None),
                ("packaging", "0.60", None),
                ("first_mile", "3.00", None),
                ("last_mile", "22.43", None),
                ("commission", "2.88", None),
                ("payment_conversion", "0.72", None),
                ("refunds", "7.19", None),
                ("return_shipping", "0.00", None),
                ("returns_resold", "-1.33", None),
            ],
            profit: "18.04",
            units: "250",
            monthly: "4509.80",
            margin: "25.08",
            break_even: "7.0424",
            break_even_currency: "USD",
            days: "25",
            capital: "9256.17",
            advance_pct: "0",
        },
    );

    // Fully managed
    // revenue = 32.50; product_cost 18.40; packaging 0.60
    // first_mile      = 0.22 × 2                                      = 0.44      → 0.44
    // commission 0.00
    // refunds         = 10% × 32.50                                   = 3.25      → 3.25
    // return_shipping 0.00
    // returns_resold  = −(10% × 70% × 19)                             = −1.33     → -1.33
    // costs  = 18.4 + 0.6 + 0.44 + 0 + 3.25 + 0 − 1.33 = 21.36
    // profit = 32.5 − 21.36 = 11.14                                               → 11.14
    // monthly = 11.14 × 250 = 2785                                                → 2785.00
    // margin  = 11.14 ÷ 32.5 × 100 = 34.2769…                                     → 34.28
    // break-even: 90% kept; fixed 18.4 + 0.6 + 0.44 − 1.33 = 18.11;
    //   18.11 ÷ 0.9 = 20.12222… CNY                                               → 20.1222
    // days 30 + 8 + 15 = 53; outlay 19.44; capital = 19.44 × 250 × 53 ÷ 30 = 8586 → 8586.00
    check(
        &json,
        ModelKind::Full,
        &Expected {
            revenue: "32.50",
            commission: "0.00",
            lines: &[
                ("product_cost", "18.40", None),
                ("packaging", "0.60", None),
                ("first_mile", "0.44", None),
                ("commission", "0.00", None),
                ("refunds", "3.25", None),
                ("return_shipping", "0.00", None),
                ("returns_resold", "-1.33", None),
            ],
            profit: "11.14",
            units: "250",
            monthly: "2785.00",
            margin: "34.28",
            break_even: "20.1222",
            break_even_currency: "CNY",
            days: "53",
            capital: "8586.00",
            advance_pct: "0",
        },
    );
}

/// Costs and prices both in EUR, rate omitted (so 1, and no conversion fee), with overrides:
/// fx.EUR = 8 CNY per EUR, so every CNY policy amount is divided by 8; toys commission 5%;
/// 20% Choice uplift (150 → 180 units for semi and full); warehouse fees only 50% waived; POP
/// return postage 16 CNY; fully managed payout after 20 days. Goods 4.20 + 0.30 = 4.50;
/// 250 g = 0.25 kg; France; 5% returns. Several amounts land exactly on a half cent.
#[test]
fn same_currency_with_assumption_overrides() {
    let (comparison, json) = run(&json!({
        "currency": { "cost": "EUR", "sale": "EUR" },
        "product": { "unit_cost": "4.20", "packaging": "0.30", "weight_g": "250", "category": "toys" },
        "monthly_units": 150,
        "destination": "FR",
        "return_rate_pct": 5,
        "pop": { "price": "19.90", "ad_spend_pct": "5", "affiliate_share_pct": "10", "affiliate_rate_pct": "8" },
        "semi": { "price": "17.50", "popular": false },
        "full": { "supply_price": "9.60" },
        "assumptions": {
            "fx.EUR": "8",
            "commission.toys": "5",
            "choice.traffic_uplift": "20",
            "warehouse.fee_waiver": "50",
            "returns.pop.return_shipping": "16",
            "days.full.payout": "20"
        }
    }));
    assert!(comparison.ok(), "{:?}", comparison.errors);
    assert_eq!(json["currency"]["rate"], "1");
    // Monthly: semi 1207.24 > POP 1074.21 > full 848.70; 1207.2375 − 1074.21375 = 133.02375.
    assert_eq!(json["best"], "semi");
    assert_eq!(json["recommendation"]["runner_up"], "pop");
    assert_eq!(json["recommendation"]["monthly_advantage"], "133.02");

    // POP
    // revenue            = 19.90 × 1                                  = 19.90     → 19.90
    // product_cost 4.20, packaging 0.30, first_mile 0.00
    // last_mile          = 0.25 × (91.74 ÷ 8) + 17.02 ÷ 8
    //                    = 0.25 × 11.4675 + 2.1275 = 2.866875 + 2.1275 = 4.994375 → 4.99
    // commission         = 5% × 19.90                                 = 0.995     → 1.00
    // affiliate          = 10% × 8% = 0.8% × 19.90                    = 0.1592    → 0.16
    // advertising        = 5% × 19.90                                 = 0.995     → 1.00
    // payment_conversion = 0 (same currency)                                      → 0.00
    // refunds            = 5% × 19.90                                 = 0.995     → 1.00
    // return_shipping    = 5% × (16 ÷ 8) = 5% × 2                     = 0.1       → 0.10
    // returns_resold     = 0                                                      → 0.00
    // costs  = 4.2 + 0.3 + 0 + 4.994375 + 0.995 + 0.1592 + 0.995 + 0 + 0.995 + 0.1 + 0
    //        = 12.738575
    // profit = 19.90 − 12.738575 = 7.161425                                       → 7.16
    // monthly = 7.161425 × 150 = 1074.21375 (no uplift for POP)                   → 1074.21
    // margin  = 7.161425 ÷ 19.90 × 100 = 35.98706…                                → 35.99
    // break-even: shares 5 + 0.8 + 5 + 0 + 5 = 15.8%, 84.2% kept;
    //   fixed 4.2 + 0.3 + 0 + 4.994375 + 0.1 = 9.594375; ÷ 0.842 = 11.394744… EUR → 11.3947
    // days 20 + 7 = 27
    // outlay = 4.2 + 0.3 + 0 + 4.994375 + 0.995 = 10.489375;
    //   capital = 10.489375 × 150 × 27 ÷ 30 = 1416.065625                         → 1416.07
    check(
        &json,
        ModelKind::Pop,
        &Expected {
            revenue: "19.90",
            commission: "1.00",
            lines: &[
                ("product_cost", "4.20", None),
                ("packaging", "0.30", None),
                ("first_mile", "0.00", None),
                ("last_mile", "4.99", None),
                ("commission", "1.00", None),
                ("affiliate", "0.16", None),
                ("advertising", "1.00", None),
                ("payment_conversion", "0.00", None),
                ("refunds", "1.00", None),
                ("return_shipping", "0.10", None),
                ("returns_resold", "0.00", None),
            ],
            profit: "7.16",
            units: "150",
            monthly: "1074.21",
            margin: "35.99",
            break_even: "11.3947",
            break_even_currency: "EUR",
            days: "27",
            capital: "1416.07",
            advance_pct: "0",
        },
    );

    // Semi-managed, warehouse, not popular
    // revenue            = 17.50                                                  → 17.50
    // product_cost 4.20, packaging 0.30
    // first_mile         = 0.25 × (12 ÷ 8) = 0.25 × 1.5               = 0.375     → 0.38
    // last_mile          = 4.994375 (postage.choice.FR = Standard FR) → 4.99
    // commission         = 5% × (1 − 100%) = 0                                    → 0.00
    // payment_conversion = 0                                                      → 0.00
    // warehouse_pickup   = 0.5 ÷ 8 = 0.0625 × 50% = 0.03125, waived 0.03125       → 0.03 / 0.03
    // warehouse_operation= 2 ÷ 8 = 0.25 × 50% = 0.125, waived 0.125               → 0.13 / 0.13
    // warehouse_rent     = 0.8 ÷ 8 = 0.1 × 50% = 0.05, waived 0.05                → 0.05 / 0.05
    // refunds            = 5% × 17.50                                 = 0.875     → 0.88
    // return_shipping    = 0                                                      → 0.00
    // returns_resold     = −(5% × 70% × 4.5)                          = −0.1575   → -0.16
    // costs  = 4.2 + 0.3 + 0.375 + 4.994375 + 0 + 0 + 0.03125 + 0.125 + 0.05 + 0.875 + 0
    //          − 0.1575 = 10.793125
    // profit = 17.50 − 10.793125 = 6.706875                                       → 6.71
    // units  = 150 × (1 + 20%) = 180
    // monthly = 6.706875 × 180 = 1207.2375                                        → 1207.24
    // margin  = 6.706875 ÷ 17.50 × 100 = 38.325                                   → 38.33
    // break-even: shares 5% (refunds), 95% kept;
    //   fixed 4.2 + 0.3 + 0.375 + 4.994375 + 0.03125 + 0.125 + 0.05 − 0.1575 = 9.918125;
    //   ÷ 0.95 = 10.440131… EUR                                                   → 10.4401
    // days   = 30 + 5 + 15 = 50 (not popular: no advance)
    // outlay = 4.2 + 0.3 + 0.375 + 4.994375 + 0.03125 + 0.125 + 0.05 = 10.075625;
    //   capital = 10.075625 × 180 × 50 ÷ 30 = 3022.6875                           → 3022.69
    check(
        &json,
        ModelKind::Semi,
        &Expected {
            revenue: "17.50",
            commission: "0.00",
            lines: &[
                ("product_cost", "4.20", None),
                ("packaging", "0.30", None),
                ("first_mile", "0.38", None),
                ("last_mile", "4.99", None),
                ("commission", "0.00", None),
                ("payment_conversion", "0.00", None),
                ("warehouse_pickup", "0.03", Some("0.03")),
                ("warehouse_operation", "0.13", Some("0.13")),
                ("warehouse_rent", "0.05", Some("0.05")),
                ("refunds", "0.88", None),
                ("return_shipping", "0.00", None),
                ("returns_resold", "-0.16", None),
            ],
            profit: "6.71",
            units: "180",
            monthly: "1207.24",
            margin: "38.33",
            break_even: "10.4401",
            break_even_currency: "EUR",
            days: "50",
            capital: "3022.69",
            advance_pct: "0",
        },
    );

    // Fully managed
    // revenue         = 9.60; product_cost 4.20; packaging 0.30
    // first_mile      = 0.25 × (2 ÷ 8) = 0.25 × 0.25                  = 0.0625    → 0.06
    // commission 0.00
    // refunds         = 5% × 9.60                                     = 0.48      → 0.48
    // return_shipping 0.00
    // returns_resold  = −(5% × 70% × 4.5)                             = −0.1575   → -0.16
    // costs  = 4.2 + 0.3 + 0.0625 + 0 + 0.48 + 0 − 0.1575 = 4.885
    // profit = 9.60 − 4.885 = 4.715                                               → 4.72
    // monthly = 4.715 × 180 = 848.7                                               → 848.70
    // margin  = 4.715 ÷ 9.60 × 100 = 49.11458…                                    → 49.11
    // break-even: 95% kept; fixed 4.2 + 0.3 + 0.0625 − 0.1575 = 4.405;
    //   ÷ 0.95 = 4.636842… EUR                                                    → 4.6368
    // days   = 30 + 8 + 20 (overridden payout) = 58
    // outlay = 4.5625; capital = 4.5625 × 180 × 58 ÷ 30 = 1587.75                 → 1587.75
    check(
        &json,
        ModelKind::Full,
        &Expected {
            revenue: "9.60",
            commission: "0.00",
            lines: &[
                ("product_cost", "4.20", None),
                ("packaging", "0.30", None),
                ("first_mile", "0.06", None),
                ("commission", "0.00", None),
                ("refunds", "0.48", None),
                ("return_shipping", "0.00", None),
                ("returns_resold", "-0.16", None),
            ],
            profit: "4.72",
            units: "180",
            monthly: "848.70",
            margin: "49.11",
            break_even: "4.6368",
            break_even_currency: "EUR",
            days: "58",
            capital: "1587.75",
            advance_pct: "0",
        },
    );
}
