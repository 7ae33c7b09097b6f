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
    roi: Option<&'static str>,
    break_even: &'static str,
    break_even_currency: &'static str,
    days: &'static str,
    capital: &'static str,
    return_on_capital: Option<&'static str>,
    advance_pct: &'static str,
    /// The cash timeline: (day, moment, paid out, paid in, tied up).
    timeline: &'static [(
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    )],
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
    assert_eq!(m["roi_pct"].as_str(), e.roi, "{id} roi");
    assert_eq!(text(m, "break_even_price"), e.break_even, "{id} break-even");
    assert_eq!(
        text(m, "break_even_currency"),
        e.break_even_currency,
        "{id} break-even currency"
    );
    assert_eq!(text(m, "cash/days_to_cash"), e.days, "{id} days");
    assert_eq!(text(m, "cash/capital_tied"), e.capital, "{id} capital");
    assert_eq!(
        m["cash"]["return_on_capital_pct"].as_str(),
        e.return_on_capital,
        "{id} return on capital"
    );
    assert_eq!(text(m, "cash/advance_pct"), e.advance_pct, "{id} advance");
    let timeline: Vec<(&str, &str, &str, &str, &str)> = m["cash"]["timeline"]
        .as_array()
        .expect("a timeline")
        .iter()
        .map(|e| {
            (
                text(e, "day"),
                text(e, "moment"),
                text(e, "paid_out"),
                text(e, "paid_in"),
                text(e, "tied"),
            )
        })
        .collect();
    assert_eq!(timeline, e.timeline, "{id} timeline");
}

/// docs/model.md's Example 1, the product brief's home-goods item: CNY costs, USD prices at the
/// policy's 7.20 CNY per USD; goods 25 + 1.5 = 26.5; 350 g = 0.35 kg; category home (8%); 400
/// units a month; Spain; 4% returns; POP price 12.99 with 8% ads and 20% of orders through
/// affiliates at 5%, which semi-managed follows; semi-managed warehouse, not popular; no supply
/// price, so fully managed's is the estimate.
#[test]
fn defaults() {
    let (comparison, json) = run(&json!({ "policy": "aliexpress-2024" }));
    assert!(comparison.ok());
    assert_eq!(json["currency"]["rate"], "7.2");
    // Monthly: full 7374.18 > semi 4862.56 > POP 1972.58; 7374.176 − 4862.56096 = 2511.61504,
    // at the estimated supply price.
    assert_eq!(json["best"], "full");
    assert_eq!(json["recommendation"]["runner_up"], "semi");
    assert_eq!(json["recommendation"]["monthly_advantage"], "2511.62");
    assert_eq!(json["recommendation"]["rests_on_estimate"], true);
    assert_eq!(json["warnings"][0]["field"], "full.supply_price");
    assert_eq!(json["warnings"][0]["code"], "estimated");
    assert_eq!(json["warnings"].as_array().map(Vec::len), Some(1));

    // POP
    // revenue            = 12.99 × 7.20                               = 93.528    → 93.53
    // product_cost 25.00, packaging 1.50
    // first_mile         = 0.35 × 0 + 0 (first_mile.pop.*)            = 0         → 0.00
    // last_mile          = 0.35 × 64.67 + 19.26 = 22.6345 + 19.26     = 41.8945   → 41.89
    // commission         = 8% × 93.528                                = 7.48224   → 7.48
    // affiliate          = 20% × 5% = 1% × 93.528                     = 0.93528   → 0.94
    // advertising        = 8% × 93.528                                = 7.48224   → 7.48
    // payment_conversion = 1% × 93.528                                = 0.93528   → 0.94
    // refunds            = 4% × 100% borne × 93.528                   = 3.74112   → 3.74
    // return_shipping    = 4% × 0                                     = 0         → 0.00
    // returns_resold     = −(4% × (1 − 100% unsellable) × 26.5)       = 0         → 0.00
    // fees_refunded      = −4% × (8% × 100% + 1% × 100% + 1% × 100%) × 93.528
    //                    = −0.4% × 93.528                             = −0.374112 → -0.37
    // costs  = 25 + 1.5 + 0 + 41.8945 + 7.48224 + 0.93528 + 7.48224 + 0.93528 + 3.74112 − 0.374112
    //        = 88.596548
    // profit = 93.528 − 88.596548 = 4.931452                                      → 4.93
    // monthly = 4.931452 × 400 = 1972.5808                                        → 1972.58
    // margin  = 4.931452 ÷ 93.528 × 100 = 5.2727…                                 → 5.27
    // roi     = 4.931452 ÷ 26.5 × 100 = 18.6092…                                  → 18.61
    // break-even: shares 8 + 1 + 8 + 1 + 4 − 0.4 = 21.6%, 78.4% kept;
    //   fixed 25 + 1.5 + 0 + 41.8945 = 68.3945; ÷ 0.784 = 87.2379…; ÷ 7.20 = 12.116372… → 12.1164
    // timeline: day 0 goods 26.5 out (tied 26.5); day 30 (days.pop.stock) first mile 0 + postage
    //   41.8945 + ads 7.48224 = 49.37674 out (tied 75.87674); day 30 + 20 + 7 = 57 the payout
    //   93.528 − (7.48224 + 0.93528 + 0.93528 + 3.74112 + 0 + 0 − 0.374112) = 80.808192 in.
    // capital = (26.5 × 30 + 75.87674 × 27) × 400 ÷ 30 = 2843.67198 × 400 ÷ 30 = 37915.6264
    //                                                                             → 37915.63
    // return on capital = 1972.5808 ÷ 37915.6264 × 100 = 5.2025…                  → 5.20
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
                ("fees_refunded", "-0.37", None),
            ],
            profit: "4.93",
            units: "400",
            monthly: "1972.58",
            margin: "5.27",
            roi: Some("18.61"),
            break_even: "12.1164",
            break_even_currency: "USD",
            days: "57",
            capital: "37915.63",
            return_on_capital: Some("5.20"),
            advance_pct: "0",
            timeline: &[
                ("0", "purchase", "26.50", "0.00", "26.50"),
                ("30", "shipping", "49.38", "0.00", "75.88"),
                ("57", "payout", "0.00", "80.81", "0.00"),
            ],
        },
    );

    // Semi-managed, warehouse, not popular, POP's marketing
    // revenue            = 93.528                                                 → 93.53
    // product_cost 25.00, packaging 1.50
    // first_mile         = 0.35 × 2 + 0 (first_mile.cainiao_bulk.*)  = 0.7       → 0.70
    // last_mile          = 0.35 × 64.67 + 19.26 (postage.choice.ES)  = 41.8945    → 41.89
    // commission         = 8% × (1 − 100% waived) × 93.528           = 0          → 0.00
    // affiliate          = 20% × 5% × 93.528                         = 0.93528    → 0.94
    // advertising        = 8% × 93.528                               = 7.48224    → 7.48
    // payment_conversion = 1% × 93.528                               = 0.93528    → 0.94
    // warehouse_pickup   = 0.5 × (1 − 100%) = 0, waived 0.5                       → 0.00 / 0.50
    // warehouse_operation= 2 × 0 = 0, waived 2                                    → 0.00 / 2.00
    // warehouse_rent     = 0.8 × 0 = 0, waived 0.8                                → 0.00 / 0.80
    // refunds            = 4% × 100% × 93.528                        = 3.74112    → 3.74
    // return_shipping    = 0                                                      → 0.00
    // returns_resold     = −(4% × (1 − 30%) × 26.5) = −(0.028 × 26.5) = −0.742    → -0.74
    // fees_refunded      = −4% × (0% + 1% + 1%) × 93.528              = −0.0748224 → -0.07
    // costs  = 25 + 1.5 + 0.7 + 41.8945 + 0 + 0.93528 + 7.48224 + 0.93528 + 0 + 0 + 0 + 3.74112
    //          + 0 − 0.742 − 0.0748224 = 81.3715976
    // profit = 93.528 − 81.3715976 = 12.1564024                                   → 12.16
    // monthly = 12.1564024 × 400 = 4862.56096                                     → 4862.56
    // margin  = 12.1564024 ÷ 93.528 × 100 = 12.9976…                              → 13.00
    // roi     = 12.1564024 ÷ 26.5 × 100 = 45.8732…                                → 45.87
    // break-even: shares 0 + 1 + 8 + 1 + 4 − 0.08 = 13.92%, 86.08% kept;
    //   fixed 25 + 1.5 + 0.7 + 41.8945 − 0.742 = 68.3525; ÷ 0.8608 ÷ 7.20 = 11.028581… → 11.0286
    // timeline: day 0 goods + freight 27.2 out; day 30 ads 7.48224 out (the postage is deducted
    //   from the payout, cash.semi.postage_deducted 100%; tied 34.68224); day 30 + 5 + 15 = 50
    //   the payout 93.528 − (41.8945 + 0 + 0.93528 + 0.93528 + 3.74112 − 0.742 − 0.0748224)
    //   = 46.8386424 in.
    // capital = (27.2 × 30 + 34.68224 × 20) × 400 ÷ 30 = 1509.6448 × 400 ÷ 30 = 20128.5973…
    //                                                                             → 20128.60
    // return on capital = 4862.56096 ÷ 20128.5973… × 100 = 24.157…                → 24.16
    check(
        &json,
        ModelKind::Semi,
        &Expected {
            revenue: "93.53",
            commission: "0.00",
            lines: &[
                ("product_cost", "25.00", None),
                ("packaging", "1.50", None),
                ("first_mile", "0.70", None),
                ("last_mile", "41.89", None),
                ("commission", "0.00", None),
                ("affiliate", "0.94", None),
                ("advertising", "7.48", None),
                ("payment_conversion", "0.94", None),
                ("warehouse_pickup", "0.00", Some("0.50")),
                ("warehouse_operation", "0.00", Some("2.00")),
                ("warehouse_rent", "0.00", Some("0.80")),
                ("refunds", "3.74", None),
                ("return_shipping", "0.00", None),
                ("returns_resold", "-0.74", None),
                ("fees_refunded", "-0.07", None),
            ],
            profit: "12.16",
            units: "400",
            monthly: "4862.56",
            margin: "13.00",
            roi: Some("45.87"),
            break_even: "11.0286",
            break_even_currency: "USD",
            days: "50",
            capital: "20128.60",
            return_on_capital: Some("24.16"),
            advance_pct: "0",
            timeline: &[
                ("0", "purchase", "27.20", "0.00", "27.20"),
                ("30", "shipping", "7.48", "0.00", "34.68"),
                ("50", "payout", "0.00", "46.84", "0.00"),
            ],
        },
    );

    // Fully managed, estimated supply price
    // revenue         = 50% (full.supply_share) × 12.99 × 7.20 = 46.764          → 46.76
    // product_cost 25.00, packaging 1.50
    // first_mile      = 0.35 × 2 + 0 (first_mile.cainiao_bulk.*)     = 0.7       → 0.70
    // commission      = 0                                                         → 0.00
    // refunds         = 4% × 100% × 46.764                            = 1.87056   → 1.87
    // return_shipping = 4% × 0                                        = 0         → 0.00
    // returns_resold  = −(4% × 70% × 26.5)                            = −0.742    → -0.74
    // costs  = 25 + 1.5 + 0.7 + 0 + 1.87056 + 0 − 0.742 = 28.32856
    // profit = 46.764 − 28.32856 = 18.43544                                       → 18.44
    // monthly = 18.43544 × 400 = 7374.176                                         → 7374.18
    // margin  = 18.43544 ÷ 46.764 × 100 = 39.4222… (of the supply price)          → 39.42
    // roi     = 18.43544 ÷ 26.5 × 100 = 69.5677…                                  → 69.57
    // break-even: shares 4%, 96% kept; fixed 25 + 1.5 + 0.7 − 0.742 = 26.458;
    //   26.458 ÷ 0.96 = 27.560416… CNY                                           → 27.5604
    // timeline: day 0 goods + freight 27.2 out; day 30 nothing; day 30 + 8 + 15 = 53 the payout
    //   46.764 − 1.87056 − 0 + 0.742 = 45.63544 in.
    // capital = 27.2 × 53 × 400 ÷ 30 = 19221.333…                                → 19221.33
    // return on capital = 7374.176 ÷ 19221.333… × 100 = 38.364…                   → 38.36
    check(
        &json,
        ModelKind::Full,
        &Expected {
            revenue: "46.76",
            commission: "0.00",
            lines: &[
                ("product_cost", "25.00", None),
                ("packaging", "1.50", None),
                ("first_mile", "0.70", None),
                ("commission", "0.00", None),
                ("refunds", "1.87", None),
                ("return_shipping", "0.00", None),
                ("returns_resold", "-0.74", None),
            ],
            profit: "18.44",
            units: "400",
            monthly: "7374.18",
            margin: "39.42",
            roi: Some("69.57"),
            break_even: "27.5604",
            break_even_currency: "CNY",
            days: "53",
            capital: "19221.33",
            return_on_capital: Some("38.36"),
            advance_pct: "0",
            timeline: &[
                ("0", "purchase", "27.20", "0.00", "27.20"),
                ("30", "shipping", "0.00", "0.00", "27.20"),
                ("53", "payout", "0.00", "45.64", "0.00"),
            ],
        },
    );
}

/// Semi-managed marketing of its own, and popular warehouse goods with the advance payment.
/// The defaults, with semi-managed spending 3% on ads and paying 10% of orders' affiliates 4%;
/// popular: 60% × 100% of the expected revenue in advance after 7 days.
#[test]
fn popular_warehouse_goods_with_their_own_marketing() {
    let (comparison, json) = run(&json!({
        "policy": "aliexpress-2024",
        "semi": { "popular": true, "ad_spend_pct": "3", "affiliate_share_pct": "10", "affiliate_rate_pct": "4" }
    }));
    assert!(comparison.ok());
    // revenue 93.528; as the defaults, except:
    // affiliate      = 10% × 4% = 0.4% × 93.528                       = 0.374112  → 0.37
    // advertising    = 3% × 93.528                                    = 2.80584   → 2.81
    // fees_refunded  = −4% × (0% + 0.4% + 1%) × 93.528                = −0.05237568 → -0.05
    // costs  = 25 + 1.5 + 0.7 + 41.8945 + 0 + 0.374112 + 2.80584 + 0.93528 + 0 + 0 + 0 + 3.74112
    //          − 0.742 − 0.05237568 = 76.15647632
    // profit = 93.528 − 76.15647632 = 17.37152368                                 → 17.37
    // monthly = 17.37152368 × 400 = 6948.609472                                   → 6948.61
    // margin  = 17.37152368 ÷ 93.528 × 100 = 18.5736…                             → 18.57
    // roi     = 17.37152368 ÷ 26.5 × 100 = 65.5529…                               → 65.55
    // break-even: shares 0 + 0.4 + 3 + 1 + 4 − 0.056 = 8.344%, 91.656% kept;
    //   fixed 68.3525; ÷ 0.91656 ÷ 7.20 = 10.357644… USD                          → 10.3576
    // timeline: day 0 27.2 out; day 7 the advance 60% × 93.528 = 56.1168 in (tied 0: 27.2 −
    //   56.1168 < 0); day 30 ads 2.80584 out (still below zero: −26.11096); day 50 the payout
    //   93.528 − (41.8945 + 0.374112 + 0.93528 + 3.74112 − 0.742 − 0.05237568) − 56.1168
    //   = 47.37736368 − 56.1168 = −8.73943632: paid back, 8.74 out.
    // capital = 27.2 × 7 × 400 ÷ 30 = 2538.666…                                  → 2538.67
    // return on capital = 6948.609472 ÷ 2538.666… × 100 = 273.71…                 → 273.71
    // Monthly: full 7374.176 > semi 6948.609472 by 425.566528.
    assert_eq!(json["best"], "full");
    assert_eq!(json["recommendation"]["runner_up"], "semi");
    assert_eq!(json["recommendation"]["monthly_advantage"], "425.57");
    check(
        &json,
        ModelKind::Semi,
        &Expected {
            revenue: "93.53",
            commission: "0.00",
            lines: &[
                ("product_cost", "25.00", None),
                ("packaging", "1.50", None),
                ("first_mile", "0.70", None),
                ("last_mile", "41.89", None),
                ("commission", "0.00", None),
                ("affiliate", "0.37", None),
                ("advertising", "2.81", None),
                ("payment_conversion", "0.94", None),
                ("warehouse_pickup", "0.00", Some("0.50")),
                ("warehouse_operation", "0.00", Some("2.00")),
                ("warehouse_rent", "0.00", Some("0.80")),
                ("refunds", "3.74", None),
                ("return_shipping", "0.00", None),
                ("returns_resold", "-0.74", None),
                ("fees_refunded", "-0.05", None),
            ],
            profit: "17.37",
            units: "400",
            monthly: "6948.61",
            margin: "18.57",
            roi: Some("65.55"),
            break_even: "10.3576",
            break_even_currency: "USD",
            days: "50",
            capital: "2538.67",
            return_on_capital: Some("273.71"),
            advance_pct: "60",
            timeline: &[
                ("0", "purchase", "27.20", "0.00", "27.20"),
                ("7", "advance", "0.00", "56.12", "0.00"),
                ("30", "shipping", "2.81", "0.00", "0.00"),
                ("50", "payout", "8.74", "0.00", "0.00"),
            ],
        },
    );
}

/// The phone case of docs/model.md's Example 3 (issue #13): unit cost 8, packaging 0.5 (goods
/// 8.5), 60 g, phone accessories (8%), 4.99 USD at 7.20, 1,000 a month to the United States, 3%
/// returns, semi-managed JIT, ads 5%, 10% of orders through affiliates at 6%, no supply price.
#[test]
fn phone_case_to_the_united_states() {
    let (comparison, json) = run(&json!({
        "policy": "aliexpress-2024",
        "currency": { "cost": "CNY", "sale": "USD", "rate": "7.20" },
        "product": { "unit_cost": "8", "packaging": "0.5", "weight_g": "60", "category": "phone_accessories" },
        "monthly_units": "1000",
        "destination": "US",
        "return_rate_pct": "3",
        "pop": { "price": "4.99", "ad_spend_pct": "5", "affiliate_share_pct": "10", "affiliate_rate_pct": "6" },
        "semi": { "mode": "jit" }
    }));
    assert!(comparison.ok());
    // Monthly: full 8983.58 > POP −13588.86 > semi −15016.35; 8983.58 + 13588.85536 =
    // 22572.43536, at the estimated supply price.
    assert_eq!(json["best"], "full");
    assert_eq!(json["recommendation"]["runner_up"], "pop");
    assert_eq!(json["recommendation"]["monthly_advantage"], "22572.44");
    assert_eq!(json["recommendation"]["rests_on_estimate"], true);

    // POP
    // revenue            = 4.99 × 7.20                                = 35.928    → 35.93
    // last_mile          = 0.06 × 72.45 + 30.45 = 4.347 + 30.45       = 34.797    → 34.80
    // commission         = 8% × 35.928                                = 2.87424   → 2.87
    // affiliate          = 10% × 6% = 0.6% × 35.928                   = 0.215568  → 0.22
    // advertising        = 5% × 35.928                                = 1.7964    → 1.80
    // payment_conversion = 1% × 35.928                                = 0.35928   → 0.36
    // refunds            = 3% × 35.928                                = 1.07784   → 1.08
    // fees_refunded      = −3% × (8% + 0.6% + 1%) × 35.928            = −0.10347264 → -0.10
    // costs  = 8 + 0.5 + 0 + 34.797 + 2.87424 + 0.215568 + 1.7964 + 0.35928 + 1.07784 + 0 + 0
    //          − 0.10347264 = 49.51685536
    // profit = 35.928 − 49.51685536 = −13.58885536                                → -13.59
    // monthly = −13588.85536                                                      → -13588.86
    // margin = −37.8224…  → -37.82; roi = −13.58885536 ÷ 8.5 × 100 = −159.8688…    → -159.87
    // break-even: shares 8 + 0.6 + 5 + 1 + 3 − 0.288 = 17.312%; fixed 8.5 + 34.797 = 43.297;
    //   43.297 ÷ 0.82688 ÷ 7.20 = 7.272484… USD                                   → 7.2725
    // timeline: day 0 8.5 out; day 30 postage 34.797 + ads 1.7964 = 36.5934 out (tied 45.0934);
    //   day 57 the payout 35.928 − (2.87424 + 0.215568 + 0.35928 + 1.07784 − 0.10347264)
    //   = 31.50454464 in, leaving 13.58885536 out: the loss.
    // capital = (8.5 × 30 + 45.0934 × 27) × 1000 ÷ 30 = 1472.5218 × 1000 ÷ 30 = 49084.06
    // return on capital = −13588.85536 ÷ 49084.06 × 100 = −27.6848…               → -27.68
    check(
        &json,
        ModelKind::Pop,
        &Expected {
            revenue: "35.93",
            commission: "2.87",
            lines: &[
                ("product_cost", "8.00", None),
                ("packaging", "0.50", None),
                ("first_mile", "0.00", None),
                ("last_mile", "34.80", None),
                ("commission", "2.87", None),
                ("affiliate", "0.22", None),
                ("advertising", "1.80", None),
                ("payment_conversion", "0.36", None),
                ("refunds", "1.08", None),
                ("return_shipping", "0.00", None),
                ("returns_resold", "0.00", None),
                ("fees_refunded", "-0.10", None),
            ],
            profit: "-13.59",
            units: "1000",
            monthly: "-13588.86",
            margin: "-37.82",
            roi: Some("-159.87"),
            break_even: "7.2725",
            break_even_currency: "USD",
            days: "57",
            capital: "49084.06",
            return_on_capital: Some("-27.68"),
            advance_pct: "0",
            timeline: &[
                ("0", "purchase", "8.50", "0.00", "8.50"),
                ("30", "shipping", "36.59", "0.00", "45.09"),
                ("57", "payout", "0.00", "31.50", "13.59"),
            ],
        },
    );

    // Semi-managed JIT
    // first_mile         = 0.06 × 0 + 3 (first_mile.semi_jit.*)       = 3         → 3.00
    // last_mile          = 34.797 (postage.choice.US)                              → 34.80
    // commission         = 8% × (1 − 50%) × 35.928                    = 1.43712   → 1.44
    // affiliate 0.215568 → 0.22, advertising 1.7964 → 1.80, conversion 0.35928 → 0.36 (as POP)
    // refunds            = 3% × 35.928                                = 1.07784   → 1.08
    // returns_resold     = −(3% × 70% × 8.5)                          = −0.1785   → -0.18
    // fees_refunded      = −3% × (4% + 0.6% + 1%) × 35.928            = −0.06035904 → -0.06
    // costs  = 8 + 0.5 + 3 + 34.797 + 1.43712 + 0.215568 + 1.7964 + 0.35928 + 1.07784 + 0
    //          − 0.1785 − 0.06035904 = 50.94434896
    // profit = 35.928 − 50.94434896 = −15.01634896                                → -15.02
    // monthly = −15016.34896 → -15016.35; margin −41.7956… → -41.80;
    // roi = −15.01634896 ÷ 8.5 × 100 = −176.6629…                                 → -176.66
    // break-even: shares 4 + 0.6 + 5 + 1 + 3 − 0.168 = 13.432%; fixed 8.5 + 3 + 34.797 − 0.1785
    //   = 46.1185; ÷ 0.86568 ÷ 7.20 = 7.399208… USD                               → 7.3992
    // timeline: day 0 8.5 out; day 30 (days.semi_jit.stock) freight 3 + ads 1.7964 out (tied
    //   13.2964); day 30 + 10 + 15 = 55 the payout 35.928 − (34.797 + 1.43712 + 0.215568
    //   + 0.35928 + 1.07784 − 0.1785 − 0.06035904) = −1.71994896: paid back, 1.72 out, leaving
    //   15.01634896 out: the loss.
    // capital = (8.5 × 30 + 13.2964 × 25) × 1000 ÷ 30 = 587.41 × 1000 ÷ 30 = 19580.333… → 19580.33
    // return on capital = −15016.34896 ÷ 19580.333… × 100 = −76.691…              → -76.69
    check(
        &json,
        ModelKind::Semi,
        &Expected {
            revenue: "35.93",
            commission: "1.44",
            lines: &[
                ("product_cost", "8.00", None),
                ("packaging", "0.50", None),
                ("first_mile", "3.00", None),
                ("last_mile", "34.80", None),
                ("commission", "1.44", None),
                ("affiliate", "0.22", None),
                ("advertising", "1.80", None),
                ("payment_conversion", "0.36", None),
                ("refunds", "1.08", None),
                ("return_shipping", "0.00", None),
                ("returns_resold", "-0.18", None),
                ("fees_refunded", "-0.06", None),
            ],
            profit: "-15.02",
            units: "1000",
            monthly: "-15016.35",
            margin: "-41.80",
            roi: Some("-176.66"),
            break_even: "7.3992",
            break_even_currency: "USD",
            days: "55",
            capital: "19580.33",
            return_on_capital: Some("-76.69"),
            advance_pct: "0",
            timeline: &[
                ("0", "purchase", "8.50", "0.00", "8.50"),
                ("30", "shipping", "4.80", "0.00", "13.30"),
                ("55", "payout", "1.72", "0.00", "15.02"),
            ],
        },
    );

    // Fully managed, estimated supply price
    // revenue         = 50% × 4.99 × 7.20 = 17.964                                → 17.96
    // first_mile      = 0.06 × 2 + 0                                  = 0.12      → 0.12
    // refunds         = 3% × 17.964                                   = 0.53892   → 0.54
    // returns_resold  = −(3% × 70% × 8.5)                             = −0.1785   → -0.18
    // costs  = 8 + 0.5 + 0.12 + 0 + 0.53892 + 0 − 0.1785 = 8.98042
    // profit = 17.964 − 8.98042 = 8.98358 → 8.98; monthly 8983.58; margin 50.0087… → 50.01;
    // roi = 8.98358 ÷ 8.5 × 100 = 105.6891…                                       → 105.69
    // break-even: 97% kept; fixed 8 + 0.5 + 0.12 − 0.1785 = 8.4415; ÷ 0.97 = 8.702577… → 8.7026
    // timeline: day 0 8.62 out; day 53 the payout 17.964 − 0.53892 + 0.1785 = 17.60358 in.
    // capital = 8.62 × 53 × 1000 ÷ 30 = 15228.666…                               → 15228.67
    // return on capital = 8983.58 ÷ 15228.666… × 100 = 58.991…                    → 58.99
    check(
        &json,
        ModelKind::Full,
        &Expected {
            revenue: "17.96",
            commission: "0.00",
            lines: &[
                ("product_cost", "8.00", None),
                ("packaging", "0.50", None),
                ("first_mile", "0.12", None),
                ("commission", "0.00", None),
                ("refunds", "0.54", None),
                ("return_shipping", "0.00", None),
                ("returns_resold", "-0.18", None),
            ],
            profit: "8.98",
            units: "1000",
            monthly: "8983.58",
            margin: "50.01",
            roi: Some("105.69"),
            break_even: "8.7026",
            break_even_currency: "CNY",
            days: "53",
            capital: "15228.67",
            return_on_capital: Some("58.99"),
            advance_pct: "0",
            timeline: &[
                ("0", "purchase", "8.62", "0.00", "8.62"),
                ("30", "shipping", "0.00", "0.00", "8.62"),
                ("53", "payout", "0.00", "17.60", "0.00"),
            ],
        },
    );
}

/// Apparel to South Korea, semi-managed JIT, 10% returns. CNY costs, USD prices at 7.20; goods
/// 18.40 + 0.60 = 19.00; 220 g = 0.22 kg; apparel commission 8%; 250 units; POP price 9.99 (semi
/// follows it, and POP's marketing: 8% ads, 20% × 5% affiliates); supply price 32.50.
#[test]
fn korea_apparel_jit_with_ten_percent_returns() {
    let (comparison, json) = run(&json!({
        "policy": "aliexpress-2024",
        "product": { "unit_cost": "18.40", "packaging": "0.60", "weight_g": "220", "category": "apparel" },
        "monthly_units": "250",
        "destination": "KR",
        "return_rate_pct": "10",
        "pop": { "price": "9.99" },
        "semi": { "mode": "jit" },
        "full": { "supply_price": "32.50" }
    }));
    assert!(comparison.ok());
    // Monthly: semi 2999.31 > full 2785.00 > POP 2769.46; 2999.312 − 2785 = 214.312.
    assert_eq!(json["best"], "semi");
    assert_eq!(json["recommendation"]["monthly_advantage"], "214.31");
    assert_eq!(json["recommendation"]["rests_on_estimate"], false);
    assert_eq!(json["warnings"], json!([]));

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
    // fees_refunded      = −10% × (8% + 1% + 1%) × 71.928             = −0.71928  → -0.72
    // costs  = 18.4 + 0.6 + 0 + 22.4296 + 5.75424 + 0.71928 + 5.75424 + 0.71928 + 7.1928
    //          − 0.71928 = 60.85016
    // profit = 71.928 − 60.85016 = 11.07784                                       → 11.08
    // monthly = 11.07784 × 250 = 2769.46                                          → 2769.46
    // margin  = 11.07784 ÷ 71.928 × 100 = 15.4012…                                → 15.40
    // roi     = 11.07784 ÷ 19 × 100 = 58.3044…                                    → 58.30
    // break-even: shares 8 + 1 + 8 + 1 + 10 − 1 = 27%, 73% kept; fixed 18.4 + 0.6 + 22.4296
    //   = 41.4296; ÷ 0.73 = 56.75287…; ÷ 7.20 = 7.882343… USD                     → 7.8823
    // timeline: day 0 19 out; day 30 postage 22.4296 + ads 5.75424 = 28.18384 out (tied
    //   47.18384); day 57 the payout 71.928 − (5.75424 + 0.71928 + 0.71928 + 7.1928 − 0.71928)
    //   = 58.26168 in.
    // capital = (19 × 30 + 47.18384 × 27) × 250 ÷ 30 = 1843.96368 × 250 ÷ 30 = 15366.364
    //                                                                             → 15366.36
    // return on capital = 2769.46 ÷ 15366.364 × 100 = 18.0229…                    → 18.02
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
                ("fees_refunded", "-0.72", None),
            ],
            profit: "11.08",
            units: "250",
            monthly: "2769.46",
            margin: "15.40",
            roi: Some("58.30"),
            break_even: "7.8823",
            break_even_currency: "USD",
            days: "57",
            capital: "15366.36",
            return_on_capital: Some("18.02"),
            advance_pct: "0",
            timeline: &[
                ("0", "purchase", "19.00", "0.00", "19.00"),
                ("30", "shipping", "28.18", "0.00", "47.18"),
                ("57", "payout", "0.00", "58.26", "0.00"),
            ],
        },
    );

    // Semi-managed JIT (no warehouse fees, no advance payment)
    // revenue            = 71.928                                                 → 71.93
    // product_cost 18.40, packaging 0.60
    // first_mile         = 0.22 × 0 + 3 (first_mile.semi_jit)         = 3         → 3.00
    // last_mile          = 0.22 × 29.68 + 15.90 (postage.choice.KR)   = 22.4296   → 22.43
    // commission         = 8% × (1 − 50%) = 4% × 71.928               = 2.87712   → 2.88
    // affiliate 0.71928 → 0.72, advertising 5.75424 → 5.75 (POP's marketing)
    // payment_conversion = 1% × 71.928                                = 0.71928   → 0.72
    // refunds            = 10% × 71.928                               = 7.1928    → 7.19
    // returns_resold     = −(10% × 70% × 19)                          = −1.33     → -1.33
    // fees_refunded      = −10% × (4% + 1% + 1%) × 71.928             = −0.431568 → -0.43
    // costs  = 18.4 + 0.6 + 3 + 22.4296 + 2.87712 + 0.71928 + 5.75424 + 0.71928 + 7.1928 + 0
    //          − 1.33 − 0.431568 = 59.930752
    // profit = 71.928 − 59.930752 = 11.997248                                     → 12.00
    // monthly = 11.997248 × 250 = 2999.312                                        → 2999.31
    // margin  = 11.997248 ÷ 71.928 × 100 = 16.6795…                               → 16.68
    // roi     = 11.997248 ÷ 19 × 100 = 63.1434…                                   → 63.14
    // break-even: shares 4 + 1 + 8 + 1 + 10 − 0.6 = 23.4%, 76.6% kept; fixed 18.4 + 0.6 + 3
    //   + 22.4296 − 1.33 = 43.0996; ÷ 0.766 = 56.26579…; ÷ 7.20 = 7.814693… USD   → 7.8147
    // timeline: day 0 19 out; day 30 freight 3 + ads 5.75424 = 8.75424 out (tied 27.75424; the
    //   postage is taken from the payout); day 30 + 10 + 15 = 55 the payout 71.928 − (22.4296
    //   + 2.87712 + 0.71928 + 0.71928 + 7.1928 − 1.33 − 0.431568) = 39.751488 in.
    // capital = (19 × 30 + 27.75424 × 25) × 250 ÷ 30 = 1263.856 × 250 ÷ 30 = 10532.1333…
    //                                                                             → 10532.13
    // return on capital = 2999.312 ÷ 10532.1333… × 100 = 28.4777…                 → 28.48
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
                ("affiliate", "0.72", None),
                ("advertising", "5.75", None),
                ("payment_conversion", "0.72", None),
                ("refunds", "7.19", None),
                ("return_shipping", "0.00", None),
                ("returns_resold", "-1.33", None),
                ("fees_refunded", "-0.43", None),
            ],
            profit: "12.00",
            units: "250",
            monthly: "2999.31",
            margin: "16.68",
            roi: Some("63.14"),
            break_even: "7.8147",
            break_even_currency: "USD",
            days: "55",
            capital: "10532.13",
            return_on_capital: Some("28.48"),
            advance_pct: "0",
            timeline: &[
                ("0", "purchase", "19.00", "0.00", "19.00"),
                ("30", "shipping", "8.75", "0.00", "27.75"),
                ("55", "payout", "0.00", "39.75", "0.00"),
            ],
        },
    );

    // Fully managed, supply price entered
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
    // roi     = 11.14 ÷ 19 × 100 = 58.6315…                                       → 58.63
    // break-even: 90% kept; fixed 18.4 + 0.6 + 0.44 − 1.33 = 18.11;
    //   18.11 ÷ 0.9 = 20.12222… CNY                                               → 20.1222
    // timeline: day 0 19.44 out; day 53 the payout 32.5 − 3.25 + 1.33 = 30.58 in.
    // capital = 19.44 × 53 × 250 ÷ 30 = 8586                                     → 8586.00
    // return on capital = 2785 ÷ 8586 × 100 = 32.4365…                            → 32.44
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
            roi: Some("58.63"),
            break_even: "20.1222",
            break_even_currency: "CNY",
            days: "53",
            capital: "8586.00",
            return_on_capital: Some("32.44"),
            advance_pct: "0",
            timeline: &[
                ("0", "purchase", "19.44", "0.00", "19.44"),
                ("30", "shipping", "0.00", "0.00", "19.44"),
                ("53", "payout", "0.00", "30.58", "0.00"),
            ],
        },
    );
}

/// Costs and prices both in EUR, rate omitted (so 1, and no conversion fee), with overrides:
/// fx.EUR = 8 CNY per EUR, so every CNY policy amount is divided by 8; toys commission 5%;
/// 20% Choice uplift (150 → 180 units for semi and full); warehouse fees only 50% waived; POP
/// return postage 16 CNY; fully managed payout after 20 days. Goods 4.20 + 0.30 = 4.50;
/// 250 g = 0.25 kg; France; 5% returns; semi-managed its own price 17.50 and POP's marketing
/// (5% ads, 10% × 8% affiliates). Several amounts land exactly on a half cent.
#[test]
fn same_currency_with_assumption_overrides() {
    let (comparison, json) = run(&json!({
        "policy": "aliexpress-2024",
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
    // Monthly: POP 1082.87 > semi 1082.05 > full 848.70; 1082.87025 − 1082.0475 = 0.82275.
    assert_eq!(json["best"], "pop");
    assert_eq!(json["recommendation"]["runner_up"], "semi");
    assert_eq!(json["recommendation"]["monthly_advantage"], "0.82");

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
    // fees_refunded      = −5% × (5% + 0.8% + 0%) × 19.90             = −0.05771  → -0.06
    // costs  = 4.2 + 0.3 + 0 + 4.994375 + 0.995 + 0.1592 + 0.995 + 0 + 0.995 + 0.1 + 0
    //          − 0.05771 = 12.680865
    // profit = 19.90 − 12.680865 = 7.219135                                       → 7.22
    // monthly = 7.219135 × 150 = 1082.87025 (no uplift for POP)                   → 1082.87
    // margin  = 7.219135 ÷ 19.90 × 100 = 36.2770…                                 → 36.28
    // roi     = 7.219135 ÷ 4.5 × 100 = 160.4252…                                  → 160.43
    // break-even: shares 5 + 0.8 + 5 + 0 + 5 − 0.29 = 15.51%, 84.49% kept;
    //   fixed 4.2 + 0.3 + 0 + 4.994375 + 0.1 = 9.594375; ÷ 0.8449 = 11.355634… EUR → 11.3556
    // timeline: day 0 4.5 out; day 30 postage 4.994375 + ads 0.995 = 5.989375 out (tied
    //   10.489375); day 57 the payout 19.90 − (0.995 + 0.1592 + 0 + 0.995 + 0.1 + 0 − 0.05771)
    //   = 17.70851 in.
    // capital = (4.5 × 30 + 10.489375 × 27) × 150 ÷ 30 = 418.213125 × 5 = 2091.065625
    //                                                                             → 2091.07
    // return on capital = 1082.87025 ÷ 2091.065625 × 100 = 51.7855…               → 51.79
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
                ("fees_refunded", "-0.06", None),
            ],
            profit: "7.22",
            units: "150",
            monthly: "1082.87",
            margin: "36.28",
            roi: Some("160.43"),
            break_even: "11.3556",
            break_even_currency: "EUR",
            days: "57",
            capital: "2091.07",
            return_on_capital: Some("51.79"),
            advance_pct: "0",
            timeline: &[
                ("0", "purchase", "4.50", "0.00", "4.50"),
                ("30", "shipping", "5.99", "0.00", "10.49"),
                ("57", "payout", "0.00", "17.71", "0.00"),
            ],
        },
    );

    // Semi-managed, warehouse, not popular
    // revenue            = 17.50                                                  → 17.50
    // product_cost 4.20, packaging 0.30
    // first_mile         = 0.25 × (2 ÷ 8) = 0.25 × 0.25              = 0.0625    → 0.06
    // last_mile          = 4.994375 (postage.choice.FR = Standard FR) → 4.99
    // commission         = 5% × (1 − 100%) = 0                                    → 0.00
    // affiliate          = 0.8% × 17.50                              = 0.14       → 0.14
    // advertising        = 5% × 17.50                                = 0.875      → 0.88
    // payment_conversion = 0                                                      → 0.00
    // warehouse_pickup   = 0.5 ÷ 8 = 0.0625 × 50% = 0.03125, waived 0.03125       → 0.03 / 0.03
    // warehouse_operation= 2 ÷ 8 = 0.25 × 50% = 0.125, waived 0.125               → 0.13 / 0.13
    // warehouse_rent     = 0.8 ÷ 8 = 0.1 × 50% = 0.05, waived 0.05                → 0.05 / 0.05
    // refunds            = 5% × 17.50                                 = 0.875     → 0.88
    // return_shipping    = 0                                                      → 0.00
    // returns_resold     = −(5% × 70% × 4.5)                          = −0.1575   → -0.16
    // fees_refunded      = −5% × (0% + 0.8% + 0%) × 17.50             = −0.007    → -0.01
    // costs  = 4.2 + 0.3 + 0.0625 + 4.994375 + 0 + 0.14 + 0.875 + 0 + 0.03125 + 0.125 + 0.05
    //          + 0.875 + 0 − 0.1575 − 0.007 = 11.488625
    // profit = 17.50 − 11.488625 = 6.011375                                       → 6.01
    // units  = 150 × (1 + 20%) = 180
    // monthly = 6.011375 × 180 = 1082.0475                                        → 1082.05
    // margin  = 6.011375 ÷ 17.50 × 100 = 34.3507…                                 → 34.35
    // roi     = 6.011375 ÷ 4.5 × 100 = 133.5861…                                  → 133.59
    // break-even: shares 0 + 0.8 + 5 + 0 + 5 − 0.04 = 10.76%, 89.24% kept;
    //   fixed 4.2 + 0.3 + 0.0625 + 4.994375 + 0.03125 + 0.125 + 0.05 − 0.1575 = 9.605625;
    //   ÷ 0.8924 = 10.763811… EUR                                                 → 10.7638
    // timeline: day 0 goods 4.5 + freight 0.0625 + pickup 0.03125 = 4.59375 out; day 30 ads
    //   0.875 + operation 0.125 + rent 0.05 = 1.05 out (tied 5.64375); day 50 the payout 17.50
    //   − (4.994375 + 0.14 + 0.875 − 0.1575 − 0.007) = 11.655125 in.
    // capital = (4.59375 × 30 + 5.64375 × 20) × 180 ÷ 30 = 250.6875 × 6 = 1504.125 → 1504.13
    // return on capital = 1082.0475 ÷ 1504.125 × 100 = 71.9387…                   → 71.94
    check(
        &json,
        ModelKind::Semi,
        &Expected {
            revenue: "17.50",
            commission: "0.00",
            lines: &[
                ("product_cost", "4.20", None),
                ("packaging", "0.30", None),
                ("first_mile", "0.06", None),
                ("last_mile", "4.99", None),
                ("commission", "0.00", None),
                ("affiliate", "0.14", None),
                ("advertising", "0.88", None),
                ("payment_conversion", "0.00", None),
                ("warehouse_pickup", "0.03", Some("0.03")),
                ("warehouse_operation", "0.13", Some("0.13")),
                ("warehouse_rent", "0.05", Some("0.05")),
                ("refunds", "0.88", None),
                ("return_shipping", "0.00", None),
                ("returns_resold", "-0.16", None),
                ("fees_refunded", "-0.01", None),
            ],
            profit: "6.01",
            units: "180",
            monthly: "1082.05",
            margin: "34.35",
            roi: Some("133.59"),
            break_even: "10.7638",
            break_even_currency: "EUR",
            days: "50",
            capital: "1504.13",
            return_on_capital: Some("71.94"),
            advance_pct: "0",
            timeline: &[
                ("0", "purchase", "4.59", "0.00", "4.59"),
                ("30", "shipping", "1.05", "0.00", "5.64"),
                ("50", "payout", "0.00", "11.66", "0.00"),
            ],
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
    // roi     = 4.715 ÷ 4.5 × 100 = 104.777…                                      → 104.78
    // break-even: 95% kept; fixed 4.2 + 0.3 + 0.0625 − 0.1575 = 4.405;
    //   ÷ 0.95 = 4.636842… EUR                                                    → 4.6368
    // timeline: day 0 4.5625 out; day 30 + 8 + 20 (overridden payout) = 58 the payout 9.60
    //   − 0.48 + 0.1575 = 9.2775 in.
    // capital = 4.5625 × 58 × 180 ÷ 30 = 1587.75                                 → 1587.75
    // return on capital = 848.7 ÷ 1587.75 × 100 = 53.4530…                        → 53.45
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
            roi: Some("104.78"),
            break_even: "4.6368",
            break_even_currency: "EUR",
            days: "58",
            capital: "1587.75",
            return_on_capital: Some("53.45"),
            advance_pct: "0",
            timeline: &[
                ("0", "purchase", "4.56", "0.00", "4.56"),
                ("30", "shipping", "0.00", "0.00", "4.56"),
                ("58", "payout", "0.00", "9.28", "0.00"),
            ],
        },
    );
}
