//! Golden scenarios, worked from the policy files (engine/policies/*.json, the newest set
//! unless a test names one) and the formulas in docs/model.md. Every output string of every model is
//! asserted, the cash timeline included. The working in the comments was written from the rules
//! of docs/model.md, not from the engine's code, and an independent reviewer recomputed it from
//! the docs alone.
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
/// policy's 7.20 CNY per USD; goods 25 + 1.5 = 26.5; 350 g = 0.35 kg; category home (5.5%
/// commission + 2.5% service fee); 400 units a month; Spain; 4% returns; POP price 12.99 with 8%
/// ads and 20% of orders through affiliates at 5%, which semi-managed follows; semi-managed
/// warehouse, not popular; no supply price, so fully managed's is the estimate.
#[test]
fn defaults() {
    let (comparison, json) = run(&json!({}));
    assert!(comparison.ok(), "{:?}", comparison.errors);
    // Monthly: full 7374.18 > semi 4216.10 > pop 2223.98; 7374.176 − 4216.095424 = 3158.080576.
    assert_eq!(json["best"], "full");
    assert_eq!(json["recommendation"]["runner_up"], "semi");
    assert_eq!(json["recommendation"]["monthly_advantage"], "3158.08");
    assert_eq!(json["recommendation"]["rests_on_estimate"], true);

    // POP
    // revenue = 12.99 × 7.2 = 93.528  → 93.53
    // product_cost = unit cost = 25  → 25.00
    // packaging = packaging = 1.5  → 1.50
    // first_mile = 0.35 × 0 + 0 (first_mile.pop.*) = 0  → 0.00
    // last_mile = 0.35 × 64.67 + 19.26 (postage.standard.ES, its band) = 41.8945  → 41.89
    // commission = 5.5% × 93.528 = 5.14404  → 5.14
    // service_fee = 2.5% × 93.528 = 2.3382  → 2.34
    // affiliate = 20% × 5% × 93.528 = 0.93528  → 0.94
    // advertising = 8% × 93.528 = 7.48224  → 7.48
    // payment_conversion = 0.3% × 93.528 = 0.280584  → 0.28
    // refunds = 4% × 100% × 93.528 = 3.74112  → 3.74
    // return_shipping = 4% × 0 = 0  → 0.00
    // returns_resold = −(4% × (1 − 100%) × 26.5) = 0  → 0.00
    // fees_refunded = −4% × ((5.5% + 2.5%) × 100% + 1% × 100% + 0.3% × 100%) × 93.528 = -0.34792416  → -0.35
    // costs = 87.96803984; profit = 93.528 − 87.96803984 = 5.55996016  → 5.56
    // monthly = 5.55996016 × 400 = 2223.984064  → 2223.98
    // margin = profit ÷ revenue × 100  → 5.94; roi = profit ÷ 26.5 × 100  → 20.98
    // break-even: S = 20.928%, F = 68.3945; F ÷ (1 − S) ÷ 7.2 = 12.01340058568…  → 12.0134
    // day 0 purchase: out 26.5, in 0, tied 26.5
    // day 30 shipping: out 49.37674, in 0, tied 75.87674
    // day 72 payout: out 0, in 81.43670016, tied 0
    // capital = 3981.82308 money-days × 400 ÷ 30 = 53090.9744  → 53090.97; return on capital → 4.19
    check(
        &json,
        ModelKind::Pop,
        &Expected {
            revenue: "93.53",
            commission: "5.14",
            lines: &[
                ("product_cost", "25.00", None),
                ("packaging", "1.50", None),
                ("first_mile", "0.00", None),
                ("last_mile", "41.89", None),
                ("commission", "5.14", None),
                ("service_fee", "2.34", None),
                ("affiliate", "0.94", None),
                ("advertising", "7.48", None),
                ("payment_conversion", "0.28", None),
                ("refunds", "3.74", None),
                ("return_shipping", "0.00", None),
                ("returns_resold", "0.00", None),
                ("fees_refunded", "-0.35", None),
            ],
            profit: "5.56",
            units: "400",
            monthly: "2223.98",
            margin: "5.94",
            roi: Some("20.98"),
            break_even: "12.0134",
            break_even_currency: "USD",
            days: "72",
            capital: "53090.97",
            return_on_capital: Some("4.19"),
            advance_pct: "0",
            timeline: &[
                ("0", "purchase", "26.50", "0.00", "26.50"),
                ("30", "shipping", "49.38", "0.00", "75.88"),
                ("72", "payout", "0.00", "81.44", "0.00"),
            ],
        },
    );

    // Semi-managed
    // revenue = 12.99 × 7.2 = 93.528  → 93.53
    // product_cost = unit cost = 25  → 25.00
    // packaging = packaging = 1.5  → 1.50
    // first_mile = 0.35 × 2 + 0 (first_mile.cainiao_bulk.*) = 0.7  → 0.70
    // last_mile = 0.35 × 64.67 + 19.26 (postage.choice.ES, its band) = 41.8945  → 41.89
    // commission = 5.5% × (1 − 100% waived) × 93.528 = 0  → 0.00
    // service_fee = 2.5% × (1 − 0% waived) × 93.528 = 2.3382  → 2.34
    // affiliate = 20% × 5% × 93.528 = 0.93528  → 0.94
    // advertising = 8% × 93.528 = 7.48224  → 7.48
    // payment_conversion = 0.3% × 93.528 = 0.280584  → 0.28
    // warehouse_pickup = 0.5 × (1 − 100%), waived 0.5 = 0  → 0.00
    // warehouse_operation = 2 × (1 − 100%), waived 2 = 0  → 0.00
    // warehouse_rent = 0.8 × (1 − 100%), waived 0.8 = 0  → 0.00
    // refunds = 4% × 100% × 93.528 = 3.74112  → 3.74
    // return_shipping = 4% × 0 = 0  → 0.00
    // returns_resold = −(4% × (1 − 30%) × 26.5) = -0.742  → -0.74
    // fees_refunded = −4% × ((0% + 2.5%) × 100% + 1% × 100% + 0.3% × 100%) × 93.528 = -0.14216256  → -0.14
    // costs = 82.98776144; profit = 93.528 − 82.98776144 = 10.54023856  → 10.54
    // monthly = 10.54023856 × 400 = 4216.095424  → 4216.10
    // margin = profit ÷ revenue × 100  → 11.27; roi = profit ÷ 26.5 × 100  → 39.77
    // break-even: S = 15.648%, F = 68.3525; F ÷ (1 − S) ÷ 7.2 = 11.25450822479…  → 11.2545
    // day 0 purchase: out 27.2, in 0, tied 27.2
    // day 30 shipping: out 7.48224, in 0, tied 34.68224
    // day 50 payout: out 0, in 45.22247856, tied 0
    // capital = 1509.6448 money-days × 400 ÷ 30 = 20128.5973333333  → 20128.60; return on capital → 20.95
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
                ("service_fee", "2.34", None),
                ("affiliate", "0.94", None),
                ("advertising", "7.48", None),
                ("payment_conversion", "0.28", None),
                ("warehouse_pickup", "0.00", Some("0.50")),
                ("warehouse_operation", "0.00", Some("2.00")),
                ("warehouse_rent", "0.00", Some("0.80")),
                ("refunds", "3.74", None),
                ("return_shipping", "0.00", None),
                ("returns_resold", "-0.74", None),
                ("fees_refunded", "-0.14", None),
            ],
            profit: "10.54",
            units: "400",
            monthly: "4216.10",
            margin: "11.27",
            roi: Some("39.77"),
            break_even: "11.2545",
            break_even_currency: "USD",
            days: "50",
            capital: "20128.60",
            return_on_capital: Some("20.95"),
            advance_pct: "0",
            timeline: &[
                ("0", "purchase", "27.20", "0.00", "27.20"),
                ("30", "shipping", "7.48", "0.00", "34.68"),
                ("50", "payout", "0.00", "45.22", "0.00"),
            ],
        },
    );

    // Fully managed
    // revenue = estimated: 50% × 12.99 × 7.2 = 46.764  → 46.76
    // product_cost = unit cost = 25  → 25.00
    // packaging = packaging = 1.5  → 1.50
    // first_mile = 0.35 × 2 + 0 (first_mile.cainiao_bulk.*) = 0.7  → 0.70
    // commission = none = 0  → 0.00
    // refunds = 4% × 100% × 46.764 = 1.87056  → 1.87
    // return_shipping = 4% × 0 = 0  → 0.00
    // returns_resold = −(4% × (1 − 30%) × 26.5) = -0.742  → -0.74
    // costs = 28.32856; profit = 46.764 − 28.32856 = 18.43544  → 18.44
    // monthly = 18.43544 × 400 = 7374.176  → 7374.18
    // margin = profit ÷ revenue × 100  → 39.42; roi = profit ÷ 26.5 × 100  → 69.57
    // break-even: S = 4%, F = 26.458; F ÷ (1 − S) ÷ 1 = 27.56041666666…  → 27.5604
    // day 0 purchase: out 27.2, in 0, tied 27.2
    // day 30 shipping: out 0, in 0, tied 27.2
    // day 50 payout (30 in stock + 5 days' delivery, Spain being one of Cainiao's five-day
    // markets, + 15): out 0, in 45.63544, tied 0
    // capital = 27.2 × 50 = 1360 money-days × 400 ÷ 30 = 18133.3333333333  → 18133.33; return on capital → 40.67
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
            days: "50",
            capital: "18133.33",
            return_on_capital: Some("40.67"),
            advance_pct: "0",
            timeline: &[
                ("0", "purchase", "27.20", "0.00", "27.20"),
                ("30", "shipping", "0.00", "0.00", "27.20"),
                ("50", "payout", "0.00", "45.64", "0.00"),
            ],
        },
    );
}

/// Semi-managed marketing of its own, and popular warehouse goods with the advance payment.
/// The defaults, with semi-managed spending 3% on ads and paying 10% of orders' affiliates 4%;
/// popular: 60% × 100% of the expected revenue in advance after 7 days.
#[test]
fn popular_warehouse_goods_with_their_own_marketing() {
    let (comparison, json) = run(
        &json!({"semi": {"popular": true, "ad_spend_pct": "3", "affiliate_share_pct": "10", "affiliate_rate_pct": "4"}}),
    );
    assert!(comparison.ok(), "{:?}", comparison.errors);
    // Monthly: full 7374.18 > semi 6302.14 > pop 2223.98; 7374.176 − 6302.143936 = 1072.032064.
    assert_eq!(json["best"], "full");
    assert_eq!(json["recommendation"]["runner_up"], "semi");
    assert_eq!(json["recommendation"]["monthly_advantage"], "1072.03");
    assert_eq!(json["recommendation"]["rests_on_estimate"], true);

    // POP
    // revenue = 12.99 × 7.2 = 93.528  → 93.53
    // product_cost = unit cost = 25  → 25.00
    // packaging = packaging = 1.5  → 1.50
    // first_mile = 0.35 × 0 + 0 (first_mile.pop.*) = 0  → 0.00
    // last_mile = 0.35 × 64.67 + 19.26 (postage.standard.ES, its band) = 41.8945  → 41.89
    // commission = 5.5% × 93.528 = 5.14404  → 5.14
    // service_fee = 2.5% × 93.528 = 2.3382  → 2.34
    // affiliate = 20% × 5% × 93.528 = 0.93528  → 0.94
    // advertising = 8% × 93.528 = 7.48224  → 7.48
    // payment_conversion = 0.3% × 93.528 = 0.280584  → 0.28
    // refunds = 4% × 100% × 93.528 = 3.74112  → 3.74
    // return_shipping = 4% × 0 = 0  → 0.00
    // returns_resold = −(4% × (1 − 100%) × 26.5) = 0  → 0.00
    // fees_refunded = −4% × ((5.5% + 2.5%) × 100% + 1% × 100% + 0.3% × 100%) × 93.528 = -0.34792416  → -0.35
    // costs = 87.96803984; profit = 93.528 − 87.96803984 = 5.55996016  → 5.56
    // monthly = 5.55996016 × 400 = 2223.984064  → 2223.98
    // margin = profit ÷ revenue × 100  → 5.94; roi = profit ÷ 26.5 × 100  → 20.98
    // break-even: S = 20.928%, F = 68.3945; F ÷ (1 − S) ÷ 7.2 = 12.01340058568…  → 12.0134
    // day 0 purchase: out 26.5, in 0, tied 26.5
    // day 30 shipping: out 49.37674, in 0, tied 75.87674
    // day 72 payout: out 0, in 81.43670016, tied 0
    // capital = 3981.82308 money-days × 400 ÷ 30 = 53090.9744  → 53090.97; return on capital → 4.19
    check(
        &json,
        ModelKind::Pop,
        &Expected {
            revenue: "93.53",
            commission: "5.14",
            lines: &[
                ("product_cost", "25.00", None),
                ("packaging", "1.50", None),
                ("first_mile", "0.00", None),
                ("last_mile", "41.89", None),
                ("commission", "5.14", None),
                ("service_fee", "2.34", None),
                ("affiliate", "0.94", None),
                ("advertising", "7.48", None),
                ("payment_conversion", "0.28", None),
                ("refunds", "3.74", None),
                ("return_shipping", "0.00", None),
                ("returns_resold", "0.00", None),
                ("fees_refunded", "-0.35", None),
            ],
            profit: "5.56",
            units: "400",
            monthly: "2223.98",
            margin: "5.94",
            roi: Some("20.98"),
            break_even: "12.0134",
            break_even_currency: "USD",
            days: "72",
            capital: "53090.97",
            return_on_capital: Some("4.19"),
            advance_pct: "0",
            timeline: &[
                ("0", "purchase", "26.50", "0.00", "26.50"),
                ("30", "shipping", "49.38", "0.00", "75.88"),
                ("72", "payout", "0.00", "81.44", "0.00"),
            ],
        },
    );

    // Semi-managed
    // revenue = 12.99 × 7.2 = 93.528  → 93.53
    // product_cost = unit cost = 25  → 25.00
    // packaging = packaging = 1.5  → 1.50
    // first_mile = 0.35 × 2 + 0 (first_mile.cainiao_bulk.*) = 0.7  → 0.70
    // last_mile = 0.35 × 64.67 + 19.26 (postage.choice.ES, its band) = 41.8945  → 41.89
    // commission = 5.5% × (1 − 100% waived) × 93.528 = 0  → 0.00
    // service_fee = 2.5% × (1 − 0% waived) × 93.528 = 2.3382  → 2.34
    // affiliate = 10% × 4% × 93.528 = 0.374112  → 0.37
    // advertising = 3% × 93.528 = 2.80584  → 2.81
    // payment_conversion = 0.3% × 93.528 = 0.280584  → 0.28
    // warehouse_pickup = 0.5 × (1 − 100%), waived 0.5 = 0  → 0.00
    // warehouse_operation = 2 × (1 − 100%), waived 2 = 0  → 0.00
    // warehouse_rent = 0.8 × (1 − 100%), waived 0.8 = 0  → 0.00
    // refunds = 4% × 100% × 93.528 = 3.74112  → 3.74
    // return_shipping = 4% × 0 = 0  → 0.00
    // returns_resold = −(4% × (1 − 30%) × 26.5) = -0.742  → -0.74
    // fees_refunded = −4% × ((0% + 2.5%) × 100% + 0.4% × 100% + 0.3% × 100%) × 93.528 = -0.11971584  → -0.12
    // costs = 77.77264016; profit = 93.528 − 77.77264016 = 15.75535984  → 15.76
    // monthly = 15.75535984 × 400 = 6302.143936  → 6302.14
    // margin = profit ÷ revenue × 100  → 16.85; roi = profit ÷ 26.5 × 100  → 59.45
    // break-even: S = 10.072%, F = 68.3525; F ÷ (1 − S) ÷ 7.2 = 10.55667064515…  → 10.5567
    // day 0 purchase: out 27.2, in 0, tied 27.2
    // day 7 advance: out 0, in 56.1168, tied 0
    // day 30 shipping: out 2.80584, in 0, tied 0
    // day 50 payout: out 10.35560016, in 0, tied 0
    // capital = 190.4 money-days × 400 ÷ 30 = 2538.66666666666  → 2538.67; return on capital → 248.25
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
                ("service_fee", "2.34", None),
                ("affiliate", "0.37", None),
                ("advertising", "2.81", None),
                ("payment_conversion", "0.28", None),
                ("warehouse_pickup", "0.00", Some("0.50")),
                ("warehouse_operation", "0.00", Some("2.00")),
                ("warehouse_rent", "0.00", Some("0.80")),
                ("refunds", "3.74", None),
                ("return_shipping", "0.00", None),
                ("returns_resold", "-0.74", None),
                ("fees_refunded", "-0.12", None),
            ],
            profit: "15.76",
            units: "400",
            monthly: "6302.14",
            margin: "16.85",
            roi: Some("59.45"),
            break_even: "10.5567",
            break_even_currency: "USD",
            days: "50",
            capital: "2538.67",
            return_on_capital: Some("248.25"),
            advance_pct: "60",
            timeline: &[
                ("0", "purchase", "27.20", "0.00", "27.20"),
                ("7", "advance", "0.00", "56.12", "0.00"),
                ("30", "shipping", "2.81", "0.00", "0.00"),
                ("50", "payout", "10.36", "0.00", "0.00"),
            ],
        },
    );

    // Fully managed
    // revenue = estimated: 50% × 12.99 × 7.2 = 46.764  → 46.76
    // product_cost = unit cost = 25  → 25.00
    // packaging = packaging = 1.5  → 1.50
    // first_mile = 0.35 × 2 + 0 (first_mile.cainiao_bulk.*) = 0.7  → 0.70
    // commission = none = 0  → 0.00
    // refunds = 4% × 100% × 46.764 = 1.87056  → 1.87
    // return_shipping = 4% × 0 = 0  → 0.00
    // returns_resold = −(4% × (1 − 30%) × 26.5) = -0.742  → -0.74
    // costs = 28.32856; profit = 46.764 − 28.32856 = 18.43544  → 18.44
    // monthly = 18.43544 × 400 = 7374.176  → 7374.18
    // margin = profit ÷ revenue × 100  → 39.42; roi = profit ÷ 26.5 × 100  → 69.57
    // break-even: S = 4%, F = 26.458; F ÷ (1 − S) ÷ 1 = 27.56041666666…  → 27.5604
    // day 0 purchase: out 27.2, in 0, tied 27.2
    // day 30 shipping: out 0, in 0, tied 27.2
    // day 50 payout (30 in stock + 5 days' delivery, Spain being one of Cainiao's five-day
    // markets, + 15): out 0, in 45.63544, tied 0
    // capital = 27.2 × 50 = 1360 money-days × 400 ÷ 30 = 18133.3333333333  → 18133.33; return on capital → 40.67
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
            days: "50",
            capital: "18133.33",
            return_on_capital: Some("40.67"),
            advance_pct: "0",
            timeline: &[
                ("0", "purchase", "27.20", "0.00", "27.20"),
                ("30", "shipping", "0.00", "0.00", "27.20"),
                ("50", "payout", "0.00", "45.64", "0.00"),
            ],
        },
    );
}

/// The phone case of docs/model.md's Example 3 (issue #13): unit cost 8, packaging 0.5 (goods
/// 8.5), 60 g, phone accessories (5.5% + 2.5%), 4.99 USD at 7.20, 1,000 a month to the United
/// States, 3% returns, semi-managed JIT, ads 5%, 10% of orders through affiliates at 6%, no supply
/// price.
#[test]
fn phone_case_to_the_united_states() {
    let (comparison, json) = run(
        &json!({"currency": {"rate": "7.20"}, "product": {"unit_cost": "8", "packaging": "0.5", "weight_g": "60", "category": "phone_accessories"}, "monthly_units": "1000", "destination": "US", "return_rate_pct": "3", "pop": {"price": "4.99", "ad_spend_pct": "5", "affiliate_share_pct": "10", "affiliate_rate_pct": "6"}, "semi": {"mode": "jit"}}),
    );
    assert!(comparison.ok(), "{:?}", comparison.errors);
    // Monthly: full 8983.58 > pop -13344.90 > semi -15208.02; 8983.58 − -13344.90424 = 22328.48424.
    assert_eq!(json["best"], "full");
    assert_eq!(json["recommendation"]["runner_up"], "pop");
    assert_eq!(json["recommendation"]["monthly_advantage"], "22328.48");
    assert_eq!(json["recommendation"]["rests_on_estimate"], true);

    // POP
    // revenue = 4.99 × 7.2 = 35.928  → 35.93
    // product_cost = unit cost = 8  → 8.00
    // packaging = packaging = 0.5  → 0.50
    // first_mile = 0.06 × 0 + 0 (first_mile.pop.*) = 0  → 0.00
    // last_mile = 0.06 × 72.45 + 30.45 (postage.standard.US, its band) = 34.797  → 34.80
    // commission = 5.5% × 35.928 = 1.97604  → 1.98
    // service_fee = 2.5% × 35.928 = 0.8982  → 0.90
    // affiliate = 10% × 6% × 35.928 = 0.215568  → 0.22
    // advertising = 5% × 35.928 = 1.7964  → 1.80
    // payment_conversion = 0.3% × 35.928 = 0.107784  → 0.11
    // refunds = 3% × 100% × 35.928 = 1.07784  → 1.08
    // return_shipping = 3% × 0 = 0  → 0.00
    // returns_resold = −(3% × (1 − 100%) × 8.5) = 0  → 0.00
    // fees_refunded = −3% × ((5.5% + 2.5%) × 100% + 0.6% × 100% + 0.3% × 100%) × 35.928 = -0.09592776  → -0.10
    // costs = 49.27290424; profit = 35.928 − 49.27290424 = -13.34490424  → -13.34
    // monthly = -13.34490424 × 1000 = -13344.90424  → -13344.90
    // margin = profit ÷ revenue × 100  → -37.14; roi = profit ÷ 8.5 × 100  → -157.00
    // break-even: S = 16.633%, F = 43.297; F ÷ (1 − S) ÷ 7.2 = 7.213252512651…  → 7.2133
    // day 0 purchase: out 8.5, in 0, tied 8.5
    // day 30 shipping: out 36.5934, in 0, tied 45.0934
    // day 72 payout: out 0, in 31.74849576, tied 13.34490424
    // capital = 2148.9228 money-days × 1000 ÷ 30 = 71630.76  → 71630.76; return on capital → -18.63
    check(
        &json,
        ModelKind::Pop,
        &Expected {
            revenue: "35.93",
            commission: "1.98",
            lines: &[
                ("product_cost", "8.00", None),
                ("packaging", "0.50", None),
                ("first_mile", "0.00", None),
                ("last_mile", "34.80", None),
                ("commission", "1.98", None),
                ("service_fee", "0.90", None),
                ("affiliate", "0.22", None),
                ("advertising", "1.80", None),
                ("payment_conversion", "0.11", None),
                ("refunds", "1.08", None),
                ("return_shipping", "0.00", None),
                ("returns_resold", "0.00", None),
                ("fees_refunded", "-0.10", None),
            ],
            profit: "-13.34",
            units: "1000",
            monthly: "-13344.90",
            margin: "-37.14",
            roi: Some("-157.00"),
            break_even: "7.2133",
            break_even_currency: "USD",
            days: "72",
            capital: "71630.76",
            return_on_capital: Some("-18.63"),
            advance_pct: "0",
            timeline: &[
                ("0", "purchase", "8.50", "0.00", "8.50"),
                ("30", "shipping", "36.59", "0.00", "45.09"),
                ("72", "payout", "0.00", "31.75", "13.34"),
            ],
        },
    );

    // Semi-managed
    // revenue = 4.99 × 7.2 = 35.928  → 35.93
    // product_cost = unit cost = 8  → 8.00
    // packaging = packaging = 0.5  → 0.50
    // first_mile = 0.06 × 0 + 3 (first_mile.semi_jit.*) = 3  → 3.00
    // last_mile = 0.06 × 72.45 + 30.45 (postage.choice.US, its band) = 34.797  → 34.80
    // commission = 5.5% × (1 − 50% waived) × 35.928 = 0.98802  → 0.99
    // service_fee = 2.5% × (1 − 0% waived) × 35.928 = 0.8982  → 0.90
    // affiliate = 10% × 6% × 35.928 = 0.215568  → 0.22
    // advertising = 5% × 35.928 = 1.7964  → 1.80
    // payment_conversion = 0.3% × 35.928 = 0.107784  → 0.11
    // refunds = 3% × 100% × 35.928 = 1.07784  → 1.08
    // return_shipping = 3% × 0 = 0  → 0.00
    // returns_resold = −(3% × (1 − 30%) × 8.5) = -0.1785  → -0.18
    // fees_refunded = −3% × ((2.75% + 2.5%) × 100% + 0.6% × 100% + 0.3% × 100%) × 35.928 = -0.06628716  → -0.07
    // costs = 51.13602484; profit = 35.928 − 51.13602484 = -15.20802484  → -15.21
    // monthly = -15.20802484 × 1000 = -15208.02484  → -15208.02
    // margin = profit ÷ revenue × 100  → -42.33; roi = profit ÷ 8.5 × 100  → -178.92
    // break-even: S = 13.9655%, F = 46.1185; F ÷ (1 − S) ÷ 7.2 = 7.445091471702…  → 7.4451
    // day 0 purchase: out 8.5, in 0, tied 8.5
    // day 30 shipping: out 4.7964, in 0, tied 13.2964
    // day 55 payout: out 1.91162484, in 0, tied 15.20802484
    // capital = 587.41 money-days × 1000 ÷ 30 = 19580.3333333333  → 19580.33; return on capital → -77.67
    check(
        &json,
        ModelKind::Semi,
        &Expected {
            revenue: "35.93",
            commission: "0.99",
            lines: &[
                ("product_cost", "8.00", None),
                ("packaging", "0.50", None),
                ("first_mile", "3.00", None),
                ("last_mile", "34.80", None),
                ("commission", "0.99", None),
                ("service_fee", "0.90", None),
                ("affiliate", "0.22", None),
                ("advertising", "1.80", None),
                ("payment_conversion", "0.11", None),
                ("refunds", "1.08", None),
                ("return_shipping", "0.00", None),
                ("returns_resold", "-0.18", None),
                ("fees_refunded", "-0.07", None),
            ],
            profit: "-15.21",
            units: "1000",
            monthly: "-15208.02",
            margin: "-42.33",
            roi: Some("-178.92"),
            break_even: "7.4451",
            break_even_currency: "USD",
            days: "55",
            capital: "19580.33",
            return_on_capital: Some("-77.67"),
            advance_pct: "0",
            timeline: &[
                ("0", "purchase", "8.50", "0.00", "8.50"),
                ("30", "shipping", "4.80", "0.00", "13.30"),
                ("55", "payout", "1.91", "0.00", "15.21"),
            ],
        },
    );

    // Fully managed
    // revenue = estimated: 50% × 4.99 × 7.2 = 17.964  → 17.96
    // product_cost = unit cost = 8  → 8.00
    // packaging = packaging = 0.5  → 0.50
    // first_mile = 0.06 × 2 + 0 (first_mile.cainiao_bulk.*) = 0.12  → 0.12
    // commission = none = 0  → 0.00
    // refunds = 3% × 100% × 17.964 = 0.53892  → 0.54
    // return_shipping = 3% × 0 = 0  → 0.00
    // returns_resold = −(3% × (1 − 30%) × 8.5) = -0.1785  → -0.18
    // costs = 8.98042; profit = 17.964 − 8.98042 = 8.98358  → 8.98
    // monthly = 8.98358 × 1000 = 8983.58  → 8983.58
    // margin = profit ÷ revenue × 100  → 50.01; roi = profit ÷ 8.5 × 100  → 105.69
    // break-even: S = 3%, F = 8.4415; F ÷ (1 − S) ÷ 1 = 8.702577319587…  → 8.7026
    // day 0 purchase: out 8.62, in 0, tied 8.62
    // day 30 shipping: out 0, in 0, tied 8.62
    // day 53 payout: out 0, in 17.60358, tied 0
    // capital = 456.86 money-days × 1000 ÷ 30 = 15228.6666666666  → 15228.67; return on capital → 58.99
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

/// Apparel to South Korea, semi-managed JIT, 10% returns, POP paid early. CNY costs, USD prices
/// at 7.20; goods 18.40 + 0.60 = 19.00; 220 g = 0.22 kg; apparel (5.5% + 2.5%); 250 units; POP
/// price 9.99 (semi follows it, and POP's marketing: 8% ads, 20% × 5% affiliates); supply price
/// 32.50; the store is paid early (4 days after shipment).
#[test]
fn korea_apparel_jit_with_ten_percent_returns() {
    let (comparison, json) = run(
        &json!({"product": {"unit_cost": "18.40", "packaging": "0.60", "weight_g": "220", "category": "apparel"}, "monthly_units": "250", "destination": "KR", "return_rate_pct": "10", "pop": {"price": "9.99", "early_payout": true}, "semi": {"mode": "jit"}, "full": {"supply_price": "32.50"}}),
    );
    assert!(comparison.ok(), "{:?}", comparison.errors);
    // Monthly: semi 2910.30 > pop 2882.75 > full 2785.00; 2910.3011 − 2882.7466 = 27.5545.
    assert_eq!(json["best"], "semi");
    assert_eq!(json["recommendation"]["runner_up"], "pop");
    assert_eq!(json["recommendation"]["monthly_advantage"], "27.55");
    assert_eq!(json["recommendation"]["rests_on_estimate"], false);

    // POP
    // revenue = 9.99 × 7.2 = 71.928  → 71.93
    // product_cost = unit cost = 18.4  → 18.40
    // packaging = packaging = 0.6  → 0.60
    // first_mile = 0.22 × 0 + 0 (first_mile.pop.*) = 0  → 0.00
    // last_mile = 0.22 × 29.68 + 15.9 (postage.standard.KR, its band) = 22.4296  → 22.43
    // commission = 5.5% × 71.928 = 3.95604  → 3.96
    // service_fee = 2.5% × 71.928 = 1.7982  → 1.80
    // affiliate = 20% × 5% × 71.928 = 0.71928  → 0.72
    // advertising = 8% × 71.928 = 5.75424  → 5.75
    // payment_conversion = 0.3% × 71.928 = 0.215784  → 0.22
    // refunds = 10% × 100% × 71.928 = 7.1928  → 7.19
    // return_shipping = 10% × 0 = 0  → 0.00
    // returns_resold = −(10% × (1 − 100%) × 19) = 0  → 0.00
    // fees_refunded = −10% × ((5.5% + 2.5%) × 100% + 1% × 100% + 0.3% × 100%) × 71.928 = -0.6689304  → -0.67
    // costs = 60.3970136; profit = 71.928 − 60.3970136 = 11.5309864  → 11.53
    // monthly = 11.5309864 × 250 = 2882.7466  → 2882.75
    // margin = profit ÷ revenue × 100  → 16.03; roi = profit ÷ 19 × 100  → 60.69
    // break-even: S = 26.37%, F = 41.4296; F ÷ (1 − S) ÷ 7.2 = 7.814900327463…  → 7.8149
    // day 0 purchase: out 19, in 0, tied 19
    // day 30 shipping: out 28.18384, in 0, tied 47.18384
    // day 34 payout: out 0, in 58.7148264, tied 0
    // capital = 758.73536 money-days × 250 ÷ 30 = 6322.79466666666  → 6322.79; return on capital → 45.59
    check(
        &json,
        ModelKind::Pop,
        &Expected {
            revenue: "71.93",
            commission: "3.96",
            lines: &[
                ("product_cost", "18.40", None),
                ("packaging", "0.60", None),
                ("first_mile", "0.00", None),
                ("last_mile", "22.43", None),
                ("commission", "3.96", None),
                ("service_fee", "1.80", None),
                ("affiliate", "0.72", None),
                ("advertising", "5.75", None),
                ("payment_conversion", "0.22", None),
                ("refunds", "7.19", None),
                ("return_shipping", "0.00", None),
                ("returns_resold", "0.00", None),
                ("fees_refunded", "-0.67", None),
            ],
            profit: "11.53",
            units: "250",
            monthly: "2882.75",
            margin: "16.03",
            roi: Some("60.69"),
            break_even: "7.8149",
            break_even_currency: "USD",
            days: "34",
            capital: "6322.79",
            return_on_capital: Some("45.59"),
            advance_pct: "0",
            timeline: &[
                ("0", "purchase", "19.00", "0.00", "19.00"),
                ("30", "shipping", "28.18", "0.00", "47.18"),
                ("34", "payout", "0.00", "58.71", "0.00"),
            ],
        },
    );

    // Semi-managed
    // revenue = 9.99 × 7.2 = 71.928  → 71.93
    // product_cost = unit cost = 18.4  → 18.40
    // packaging = packaging = 0.6  → 0.60
    // first_mile = 0.22 × 0 + 3 (first_mile.semi_jit.*) = 3  → 3.00
    // last_mile = 0.22 × 29.68 + 15.9 (postage.choice.KR, its band) = 22.4296  → 22.43
    // commission = 5.5% × (1 − 50% waived) × 71.928 = 1.97802  → 1.98
    // service_fee = 2.5% × (1 − 0% waived) × 71.928 = 1.7982  → 1.80
    // affiliate = 20% × 5% × 71.928 = 0.71928  → 0.72
    // advertising = 8% × 71.928 = 5.75424  → 5.75
    // payment_conversion = 0.3% × 71.928 = 0.215784  → 0.22
    // refunds = 10% × 100% × 71.928 = 7.1928  → 7.19
    // return_shipping = 10% × 0 = 0  → 0.00
    // returns_resold = −(10% × (1 − 30%) × 19) = -1.33  → -1.33
    // fees_refunded = −10% × ((2.75% + 2.5%) × 100% + 1% × 100% + 0.3% × 100%) × 71.928 = -0.4711284  → -0.47
    // costs = 60.2867956; profit = 71.928 − 60.2867956 = 11.6412044  → 11.64
    // monthly = 11.6412044 × 250 = 2910.3011  → 2910.30
    // margin = profit ÷ revenue × 100  → 16.18; roi = profit ÷ 19 × 100  → 61.27
    // break-even: S = 23.895%, F = 43.0996; F ÷ (1 − S) ÷ 7.2 = 7.865522049215…  → 7.8655
    // day 0 purchase: out 19, in 0, tied 19
    // day 30 shipping: out 8.75424, in 0, tied 27.75424
    // day 55 payout: out 0, in 39.3954444, tied 0
    // capital = 1263.856 money-days × 250 ÷ 30 = 10532.1333333333  → 10532.13; return on capital → 27.63
    check(
        &json,
        ModelKind::Semi,
        &Expected {
            revenue: "71.93",
            commission: "1.98",
            lines: &[
                ("product_cost", "18.40", None),
                ("packaging", "0.60", None),
                ("first_mile", "3.00", None),
                ("last_mile", "22.43", None),
                ("commission", "1.98", None),
                ("service_fee", "1.80", None),
                ("affiliate", "0.72", None),
                ("advertising", "5.75", None),
                ("payment_conversion", "0.22", None),
                ("refunds", "7.19", None),
                ("return_shipping", "0.00", None),
                ("returns_resold", "-1.33", None),
                ("fees_refunded", "-0.47", None),
            ],
            profit: "11.64",
            units: "250",
            monthly: "2910.30",
            margin: "16.18",
            roi: Some("61.27"),
            break_even: "7.8655",
            break_even_currency: "USD",
            days: "55",
            capital: "10532.13",
            return_on_capital: Some("27.63"),
            advance_pct: "0",
            timeline: &[
                ("0", "purchase", "19.00", "0.00", "19.00"),
                ("30", "shipping", "8.75", "0.00", "27.75"),
                ("55", "payout", "0.00", "39.40", "0.00"),
            ],
        },
    );

    // Fully managed
    // revenue = supply price 32.50  → 32.50
    // product_cost = unit cost = 18.4  → 18.40
    // packaging = packaging = 0.6  → 0.60
    // first_mile = 0.22 × 2 + 0 (first_mile.cainiao_bulk.*) = 0.44  → 0.44
    // commission = none = 0  → 0.00
    // refunds = 10% × 100% × 32.5 = 3.25  → 3.25
    // return_shipping = 10% × 0 = 0  → 0.00
    // returns_resold = −(10% × (1 − 30%) × 19) = -1.33  → -1.33
    // costs = 21.36; profit = 32.5 − 21.36 = 11.14  → 11.14
    // monthly = 11.14 × 250 = 2785  → 2785.00
    // margin = profit ÷ revenue × 100  → 34.28; roi = profit ÷ 19 × 100  → 58.63
    // break-even: S = 10%, F = 18.11; F ÷ (1 − S) ÷ 1 = 20.12222222222…  → 20.1222
    // day 0 purchase: out 19.44, in 0, tied 19.44
    // day 30 shipping: out 0, in 0, tied 19.44
    // day 50 payout (South Korea is one of Cainiao's five-day markets: 30 + 5 + 15): out 0,
    // in 30.58, tied 0
    // capital = 19.44 × 50 = 972 money-days × 250 ÷ 30 = 8100  → 8100.00; return on capital → 34.38
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
            days: "50",
            capital: "8100.00",
            return_on_capital: Some("34.38"),
            advance_pct: "0",
            timeline: &[
                ("0", "purchase", "19.44", "0.00", "19.44"),
                ("30", "shipping", "0.00", "0.00", "19.44"),
                ("50", "payout", "0.00", "30.58", "0.00"),
            ],
        },
    );
}

/// Costs and prices both in EUR, rate omitted (so 1, and no conversion fee), with overrides:
/// fx.EUR = 8 CNY per EUR, so every CNY policy amount is divided by 8; toys commission 5%;
/// 20% Choice uplift (150 → 180 units for semi and full); warehouse fees only 50% waived; the
/// service fee 40% waived for warehouse goods; POP return postage 16 CNY; fully managed payout
/// after 20 days. Goods 4.20 + 0.30 = 4.50; 250 g = 0.25 kg; France (20% VAT: the buyer pays
/// 19.90 × 1.2 = 23.88 EUR for POP); 5% returns; semi-managed its own price 17.50 and POP's
/// marketing (5% ads, 10% × 8% affiliates).
#[test]
fn same_currency_with_assumption_overrides() {
    let (comparison, json) = run(
        &json!({"currency": {"cost": "EUR", "sale": "EUR"}, "product": {"unit_cost": "4.20", "packaging": "0.30", "weight_g": "250", "category": "toys"}, "monthly_units": "150", "destination": "FR", "return_rate_pct": "5", "pop": {"price": "19.90", "ad_spend_pct": "5", "affiliate_share_pct": "10", "affiliate_rate_pct": "8"}, "semi": {"price": "17.50"}, "full": {"supply_price": "9.60"}, "assumptions": {"fx.EUR": "8", "commission.toys": "5", "choice.traffic_uplift": "20", "warehouse.fee_waiver": "50", "semi.warehouse_service_fee_waiver": "40", "returns.pop.return_shipping": "16", "days.full.payout": "20"}}),
    );
    assert!(comparison.ok(), "{:?}", comparison.errors);
    // Monthly: semi 1037.16 > pop 1011.98 > full 848.70; 1037.16 − 1011.9765 = 25.1835.
    assert_eq!(json["best"], "semi");
    assert_eq!(json["recommendation"]["runner_up"], "pop");
    assert_eq!(json["recommendation"]["monthly_advantage"], "25.18");
    assert_eq!(json["recommendation"]["rests_on_estimate"], false);

    // POP
    // revenue = 19.9  → 19.90
    // product_cost = unit cost = 4.2  → 4.20
    // packaging = packaging = 0.3  → 0.30
    // first_mile = 0.25 × 0 + 0 (first_mile.pop.*) = 0  → 0.00
    // last_mile = 0.25 × 11.4675 + 2.1275 (postage.standard.FR, its band) = 4.994375  → 4.99
    // commission = 5% × 19.9 = 0.995  → 1.00
    // service_fee = 2.5% × 19.9 = 0.4975  → 0.50
    // affiliate = 10% × 8% × 19.9 = 0.1592  → 0.16
    // advertising = 5% × 19.9 = 0.995  → 1.00
    // payment_conversion = none (one currency) = 0  → 0.00
    // refunds = 5% × 100% × 19.9 = 0.995  → 1.00
    // return_shipping = 5% × 2 = 0.1  → 0.10
    // returns_resold = −(5% × (1 − 100%) × 4.5) = 0  → 0.00
    // fees_refunded = −5% × ((5% + 2.5%) × 100% + 0.8% × 100% + 0% × 100%) × 19.9 = -0.082585  → -0.08
    // costs = 13.15349; profit = 19.9 − 13.15349 = 6.74651  → 6.75
    // monthly = 6.74651 × 150 = 1011.9765  → 1011.98
    // margin = profit ÷ revenue × 100  → 33.90; roi = profit ÷ 4.5 × 100  → 149.92
    // break-even: S = 17.885%, F = 9.594375; F ÷ (1 − S) ÷ 1 = 11.68407111977…  → 11.6841
    // day 0 purchase: out 4.5, in 0, tied 4.5
    // day 30 shipping: out 5.989375, in 0, tied 10.489375
    // day 72 payout: out 0, in 17.235885, tied 0
    // capital = 575.55375 money-days × 150 ÷ 30 = 2877.76875  → 2877.77; return on capital → 35.17
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
                ("service_fee", "0.50", None),
                ("affiliate", "0.16", None),
                ("advertising", "1.00", None),
                ("payment_conversion", "0.00", None),
                ("refunds", "1.00", None),
                ("return_shipping", "0.10", None),
                ("returns_resold", "0.00", None),
                ("fees_refunded", "-0.08", None),
            ],
            profit: "6.75",
            units: "150",
            monthly: "1011.98",
            margin: "33.90",
            roi: Some("149.92"),
            break_even: "11.6841",
            break_even_currency: "EUR",
            days: "72",
            capital: "2877.77",
            return_on_capital: Some("35.17"),
            advance_pct: "0",
            timeline: &[
                ("0", "purchase", "4.50", "0.00", "4.50"),
                ("30", "shipping", "5.99", "0.00", "10.49"),
                ("72", "payout", "0.00", "17.24", "0.00"),
            ],
        },
    );

    // Semi-managed
    // revenue = 17.5  → 17.50
    // product_cost = unit cost = 4.2  → 4.20
    // packaging = packaging = 0.3  → 0.30
    // first_mile = 0.25 × 0.25 + 0 (first_mile.cainiao_bulk.*) = 0.0625  → 0.06
    // last_mile = 0.25 × 11.4675 + 2.1275 (postage.choice.FR, its band) = 4.994375  → 4.99
    // commission = 5% × (1 − 100% waived) × 17.5 = 0  → 0.00
    // service_fee = 2.5% × (1 − 40% waived) × 17.5 = 0.2625  → 0.26
    // affiliate = 10% × 8% × 17.5 = 0.14  → 0.14
    // advertising = 5% × 17.5 = 0.875  → 0.88
    // payment_conversion = none (one currency) = 0  → 0.00
    // warehouse_pickup = 0.0625 × (1 − 50%), waived 0.03125 = 0.03125  → 0.03
    // warehouse_operation = 0.25 × (1 − 50%), waived 0.125 = 0.125  → 0.13
    // warehouse_rent = 0.1 × (1 − 50%), waived 0.05 = 0.05  → 0.05
    // refunds = 5% × 100% × 17.5 = 0.875  → 0.88
    // return_shipping = 5% × 0 = 0  → 0.00
    // returns_resold = −(5% × (1 − 30%) × 4.5) = -0.1575  → -0.16
    // fees_refunded = −5% × ((0% + 1.5%) × 100% + 0.8% × 100% + 0% × 100%) × 17.5 = -0.020125  → -0.02
    // costs = 11.738; profit = 17.5 − 11.738 = 5.762  → 5.76
    // monthly = 5.762 × 180 = 1037.16  → 1037.16
    // margin = profit ÷ revenue × 100  → 32.93; roi = profit ÷ 4.5 × 100  → 128.04
    // break-even: S = 12.185%, F = 9.605625; F ÷ (1 − S) ÷ 1 = 10.93847861982…  → 10.9385
    // day 0 purchase: out 4.59375, in 0, tied 4.59375
    // day 30 shipping: out 1.05, in 0, tied 5.64375
    // day 53 payout (France is not one of Cainiao's five-day markets: 30 + 8 + 15): out 0,
    // in 11.40575, tied 0
    // capital = 4.59375 × 30 + 5.64375 × 23 = 267.61875 money-days × 180 ÷ 30 = 1605.7125  → 1605.71; return on capital → 64.59
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
                ("service_fee", "0.26", None),
                ("affiliate", "0.14", None),
                ("advertising", "0.88", None),
                ("payment_conversion", "0.00", None),
                ("warehouse_pickup", "0.03", Some("0.03")),
                ("warehouse_operation", "0.13", Some("0.13")),
                ("warehouse_rent", "0.05", Some("0.05")),
                ("refunds", "0.88", None),
                ("return_shipping", "0.00", None),
                ("returns_resold", "-0.16", None),
                ("fees_refunded", "-0.02", None),
            ],
            profit: "5.76",
            units: "180",
            monthly: "1037.16",
            margin: "32.93",
            roi: Some("128.04"),
            break_even: "10.9385",
            break_even_currency: "EUR",
            days: "53",
            capital: "1605.71",
            return_on_capital: Some("64.59"),
            advance_pct: "0",
            timeline: &[
                ("0", "purchase", "4.59", "0.00", "4.59"),
                ("30", "shipping", "1.05", "0.00", "5.64"),
                ("53", "payout", "0.00", "11.41", "0.00"),
            ],
        },
    );

    // Fully managed
    // revenue = supply price 9.60  → 9.60
    // product_cost = unit cost = 4.2  → 4.20
    // packaging = packaging = 0.3  → 0.30
    // first_mile = 0.25 × 0.25 + 0 (first_mile.cainiao_bulk.*) = 0.0625  → 0.06
    // commission = none = 0  → 0.00
    // refunds = 5% × 100% × 9.6 = 0.48  → 0.48
    // return_shipping = 5% × 0 = 0  → 0.00
    // returns_resold = −(5% × (1 − 30%) × 4.5) = -0.1575  → -0.16
    // costs = 4.885; profit = 9.6 − 4.885 = 4.715  → 4.72
    // monthly = 4.715 × 180 = 848.7  → 848.70
    // margin = profit ÷ revenue × 100  → 49.11; roi = profit ÷ 4.5 × 100  → 104.78
    // break-even: S = 5%, F = 4.405; F ÷ (1 − S) ÷ 1 = 4.636842105263…  → 4.6368
    // day 0 purchase: out 4.5625, in 0, tied 4.5625
    // day 30 shipping: out 0, in 0, tied 4.5625
    // day 58 payout: out 0, in 9.2775, tied 0
    // capital = 264.625 money-days × 180 ÷ 30 = 1587.75  → 1587.75; return on capital → 53.45
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
