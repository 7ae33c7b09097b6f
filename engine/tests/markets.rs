//! Several markets (issue #15, item 6): `destinations` with shares adding up to 100. Per-unit
//! figures are the share-weighted mix of each market's; the postage line stays one line whose
//! rule lists each market's share and amount (docs/model.md, "Several markets").

mod common;

use common::scenarios::{decimal, policy};
use common::{dec, model, run, text};
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;
use sellercalc_engine::{compare, ModelKind};
use serde_json::{json, Value};

/// A scenario selling to `markets`: (code, share in percent).
fn mix(markets: &[(&str, &str)]) -> Value {
    let list: Vec<Value> = markets
        .iter()
        .map(|(id, share)| json!({ "id": id, "share_pct": share }))
        .collect();
    json!({ "destinations": list })
}

/// The line item `key` of `kind` in a result's JSON: (amount, rule).
fn line<'a>(json: &'a Value, kind: ModelKind, key: &str) -> (&'a str, &'a str) {
    let items = json["models"][kind.id()]["line_items"]
        .as_array()
        .expect("line items");
    let item = items
        .iter()
        .find(|i| i["key"] == key)
        .unwrap_or_else(|| panic!("no {key} line"));
    (text(item, "amount"), text(item, "rule"))
}

/// The worked example of docs/model.md: the default 350 g mug, 60% to Spain and 40% to the US.
/// Postage by hand: Spain 0.35 × 64.67 + 19.26 = 41.8945; the US 0.35 × 72.45 + 30.45 = 55.8075;
/// the mix 0.6 × 41.8945 + 0.4 × 55.8075 = 25.1367 + 22.3230 = 47.4597, so 47.46. Cainiao's
/// rates are assumed to be Standard's, so semi-managed's postage is the same.
#[test]
fn a_sixty_forty_spain_us_mix_by_hand() {
    let (comparison, json) = run(&mix(&[("ES", "60"), ("US", "40")]));
    assert!(comparison.ok(), "{:?}", comparison.errors);
    let (amount, rule) = line(&json, ModelKind::Pop, "last_mile");
    assert_eq!(amount, "47.46");
    assert_eq!(
        rule,
        "Share-weighted over the markets. \
         60% to Spain, CNY 41.89 each: AliExpress Standard to Spain, 300–2000 g band: 0.35 kg × \
         CNY 64.67/kg + CNY 19.26 per parcel. \
         40% to United States, CNY 55.81 each: AliExpress Standard to United States, 300–2000 g \
         band: 0.35 kg × CNY 72.45/kg + CNY 30.45 per parcel."
    );
    let (semi, semi_rule) = line(&json, ModelKind::Semi, "last_mile");
    assert_eq!(semi, "47.46");
    assert!(semi_rule.starts_with(
        "Share-weighted over the markets. 60% to Spain, CNY 41.89 each: Cainiao (Choice) to Spain"
    ));
    assert_eq!(
        model(&comparison, ModelKind::Pop)
            .item("last_mile")
            .map(|i| i.amount),
        Some(dec("47.4597"))
    );

    // Every other line is the same in both markets, with its own rule; the profit per unit is
    // the shares' mix of the markets' profits, exactly.
    let (spain, spain_json) = run(&json!({ "destination": "ES" }));
    let (us, _) = run(&json!({ "destination": "US" }));
    for kind in ModelKind::ALL {
        let mixed = model(&comparison, kind);
        let (es, us) = (model(&spain, kind), model(&us, kind));
        for item in &mixed.line_items {
            if item.key != "last_mile" {
                let theirs = es.item(item.key).expect("the same lines");
                assert_eq!(
                    (item.amount, &item.rule),
                    (theirs.amount, &theirs.rule),
                    "{}",
                    item.key
                );
            }
        }
        let expected = dec("0.6") * es.profit_per_unit + dec("0.4") * us.profit_per_unit;
        assert!(
            (mixed.profit_per_unit - expected).abs() <= Decimal::new(1, 20),
            "{}: {} vs {expected}",
            kind.id(),
            mixed.profit_per_unit
        );
    }
    // Fully managed ships nothing itself: the mix changes none of its per-unit figures, only
    // its days (item 7: five days to Spain, eight to the US).
    let (full, spain_full) = (&json["models"]["full"], &spain_json["models"]["full"]);
    for key in [
        "line_items",
        "profit_per_unit",
        "monthly_profit",
        "break_even_price",
    ] {
        assert_eq!(full[key], spain_full[key], "{key}");
    }
    assert_eq!(text(full, "cash/days_to_cash"), "51");
    // What the buyer pays differs by market (Spain's VAT): not shown for the mix.
    assert!(json["models"]["pop"]
        .get("buyer_price")
        .is_none_or(Value::is_null));
}

/// One model's cash figures in a result's JSON: days to cash, capital tied up, return on
/// capital, the cash rule and the timeline as (day, moment, paid out, paid in, tied).
#[track_caller]
fn check_cash(
    json: &Value,
    kind: ModelKind,
    days: &str,
    capital: &str,
    return_on_capital: &str,
    rule: &str,
    timeline: &[(&str, &str, &str, &str, &str)],
) {
    let m = &json["models"][kind.id()];
    let id = kind.id();
    assert_eq!(text(m, "cash/days_to_cash"), days, "{id} days to cash");
    assert_eq!(text(m, "cash/capital_tied"), capital, "{id} capital");
    assert_eq!(
        text(m, "cash/return_on_capital_pct"),
        return_on_capital,
        "{id} return on capital"
    );
    assert_eq!(text(m, "cash/rule"), rule, "{id} cash rule");
    let events: Vec<(&str, &str, &str, &str, &str)> = m["cash"]["timeline"]
        .as_array()
        .expect("timeline")
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
    assert_eq!(events, timeline, "{id} timeline");
}

/// Delivery days per market and model (item 7), by hand from docs/model.md ("Cash", Example 1
/// and Example 4): Cainiao's five-day markets (Spain) take 5 days for semi-managed warehouse goods
/// and fully managed, other markets (the US) 8; POP and JIT keep their one range everywhere.
#[test]
fn delivery_days_per_market_and_model_by_hand() {
    let stock = "30 days in stock + ";
    // One market: Spain is five-day, the US is not.
    let (_, spain) = run(&json!({ "destination": "ES" }));
    let (_, us) = run(&json!({ "destination": "US" }));
    // Fully managed to Spain: 27.2 tied for 30 + 5 + 15 = 50 days; 1360 × 400 ÷ 30 = 18133.33;
    // 7374.176 ÷ 18133.333… = 40.67%.
    check_cash(
        &spain,
        ModelKind::Full,
        "50",
        "18133.33",
        "40.67",
        &format!("{stock}5 days' delivery + 15 days until payout. Cainiao delivers to Spain within five days."),
        &[
            ("0", "purchase", "27.20", "0.00", "27.20"),
            ("30", "shipping", "0.00", "0.00", "27.20"),
            ("50", "payout", "0.00", "45.64", "0.00"),
        ],
    );
    // To the US: 30 + 8 + 15 = 53 days; 27.2 × 53 = 1441.6 × 400 ÷ 30 = 19221.33; 38.36%.
    check_cash(
        &us,
        ModelKind::Full,
        "53",
        "19221.33",
        "38.36",
        &format!("{stock}8 days' delivery + 15 days until payout."),
        &[
            ("0", "purchase", "27.20", "0.00", "27.20"),
            ("30", "shipping", "0.00", "0.00", "27.20"),
            ("53", "payout", "0.00", "45.64", "0.00"),
        ],
    );
    // POP's days are the same everywhere; JIT's too (7–12 days, no five-day promise).
    for kind_json in [&spain, &us] {
        assert_eq!(text(&kind_json["models"]["pop"], "cash/days_to_cash"), "72");
    }
    let (_, jit_spain) = run(&json!({ "destination": "ES", "semi": { "mode": "jit" } }));
    assert_eq!(
        text(&jit_spain["models"]["semi"], "cash/rule"),
        format!("{stock}10 days' delivery + 15 days until payout.")
    );
    // Edited five-day days are used in the five-day markets only.
    let (_, edited) = run(
        &json!({ "destinations": [{ "id": "ES", "share_pct": "50" }, { "id": "FR", "share_pct": "50" }],
        "assumptions": { "days.full.delivery_five_day": "3" } }),
    );
    // 50% × (30 + 3 + 15) + 50% × (30 + 8 + 15) = 24 + 26.5 = 50.5 → 51 (half away from zero).
    assert_eq!(text(&edited["models"]["full"], "cash/days_to_cash"), "51");

    // The 60/40 Spain/US mix: semi-managed warehouse. Postage is taken from the payout, so both
    // markets tie up 27.2 from day 0 and 34.68224 from day 30; Spain pays out 45.22247856 on day
    // 50, the US 45.22247856 − 13.913 = 31.30947856 on day 53. Money-days: Spain 1509.6448, the
    // US 1613.69152; 60/40: 1551.263488 × 400 ÷ 30 = 20683.5131… → 20683.51; return on capital
    // 1990.015424 ÷ 20683.5131… = 9.62%. Days: 0.6 × 50 + 0.4 × 53 = 51.2 → 51.
    let (_, mixed) = run(&mix(&[("ES", "60"), ("US", "40")]));
    let spain_days = format!("{stock}5 days' delivery + 15 days until payout. Cainiao delivers to Spain within five days.");
    let us_days = format!("{stock}8 days' delivery + 15 days until payout.");
    check_cash(
        &mixed,
        ModelKind::Semi,
        "51",
        "20683.51",
        "9.62",
        &format!("Share-weighted over the markets: paid out after 51.2 days on average. 60% to Spain: {spain_days} 40% to United States: {us_days}"),
        &[
            ("0", "purchase", "27.20", "0.00", "27.20"),
            ("30", "shipping", "7.48", "0.00", "34.68"),
            // 60% × 45.22247856 = 27.133487136; the US's units still tie up 40% × 34.68224.
            ("50", "payout", "0.00", "27.13", "13.87"),
            // 40% × 31.30947856 = 12.523791424.
            ("53", "payout", "0.00", "12.52", "0.00"),
        ],
    );
    // Fully managed: 60% × 1360 + 40% × 1441.6 = 1392.64 × 400 ÷ 30 = 18568.5333… → 18568.53;
    // 7374.176 ÷ 18568.5333… = 39.71%.
    check_cash(
        &mixed,
        ModelKind::Full,
        "51",
        "18568.53",
        "39.71",
        &format!("Share-weighted over the markets: paid out after 51.2 days on average. 60% to Spain: {spain_days} 40% to United States: {us_days}"),
        &[
            ("0", "purchase", "27.20", "0.00", "27.20"),
            ("30", "shipping", "0.00", "0.00", "27.20"),
            ("50", "payout", "0.00", "27.38", "10.88"),
            ("53", "payout", "0.00", "18.25", "0.00"),
        ],
    );
    // POP: the same days in both markets, so one rule, as for one market.
    assert_eq!(
        text(&mixed["models"]["pop"], "cash/rule"),
        text(&spain["models"]["pop"], "cash/rule")
    );
}

/// Each error names its field: shares that do not add up, an unknown or duplicate market, a
/// share that is no share, `destination` beside a mix, and a POP line that a market lacks.
#[test]
fn a_bad_mix_is_an_error_at_its_field() {
    let cases = [
        (mix(&[("ES", "60"), ("US", "30")]), "destinations", "inconsistent",
         "The markets' shares add up to 90%: they must add up to 100%."),
        (mix(&[("XX", "100")]), "destinations[0].id", "unknown_value", ""),
        (mix(&[("ES", "50"), ("ES", "50")]), "destinations[1].id", "inconsistent",
         "ES is already in the mix, at destinations[0]."),
        (mix(&[("ES", "0"), ("US", "100")]), "destinations[0].share_pct", "not_positive", ""),
        (mix(&[("ES", "101"), ("US", "-1")]), "destinations[0].share_pct", "too_large", ""),
        (json!({ "destination": "ES", "destinations": [{ "id": "US", "share_pct": "100" }] }),
         "destination", "inconsistent", "Give one destination or a mix of destinations, not both."),
        (json!({ "destinations": [{ "id": "ES", "share_pct": "60" }, { "id": "US", "share_pct": "40" }],
                 "pop": { "shipping": "economy" } }),
         "pop.shipping", "inconsistent",
         "Super Economy Global has no rates for Spain: choose another shipping line, or another market."),
        (json!({ "destinations": "ES" }), "destinations", "wrong_type", ""),
    ];
    for (scenario, field, code, message) in cases {
        let (comparison, json) = run(&scenario);
        assert!(!comparison.ok(), "{scenario}");
        let errors = json["errors"].as_array().expect("errors");
        let error = errors
            .iter()
            .find(|e| e["field"] == field)
            .unwrap_or_else(|| panic!("{scenario}: no error at {field}: {errors:?}"));
        assert_eq!(error["code"], code, "{scenario}");
        if !message.is_empty() {
            assert_eq!(error["message"], message, "{scenario}");
        }
    }
    // Economy where every market of the mix has its rates.
    let ok = compare(&json!({
        "destinations": [{ "id": "FR", "share_pct": "60" }, { "id": "US", "share_pct": "40" }],
        "pop": { "shipping": "economy" },
    }));
    assert!(ok.ok(), "{:?}", ok.errors);
}

fn markets() -> impl Strategy<Value = String> {
    select(
        policy()
            .destinations
            .iter()
            .map(|d| d.code.clone())
            .collect::<Vec<_>>(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// One market at 100% is that market: the same result, to the last figure and rule.
    #[test]
    fn one_market_at_a_hundred_percent_is_that_market(market in markets(), weight in decimal(1, 20_000, 0)) {
        let product = json!({ "weight_g": weight });
        let one = run(&json!({ "destination": market, "product": product })).1;
        let mixed = run(&json!({ "destinations": [{ "id": market, "share_pct": "100" }], "product": product })).1;
        prop_assert_eq!(one, mixed);
    }

    /// A mix's per-unit and cash figures lie between its markets' (delivery days differ by
    /// market, item 7); its capital tied up is exactly the share-weighted capital.
    #[test]
    fn a_mix_lies_between_its_markets(
        a in markets(),
        b in markets(),
        share in decimal(1, 9_999, 2),
        weight in decimal(1, 20_000, 0),
        price in decimal(100, 100_000, 2),
        popular in any::<bool>(),
        jit in any::<bool>(),
    ) {
        prop_assume!(a != b);
        let rest = (Decimal::ONE_HUNDRED - dec(&share)).to_string();
        let product = json!({ "weight_g": weight });
        let pop = json!({ "price": price });
        let semi = json!({ "mode": if jit { "jit" } else { "warehouse" }, "popular": popular && !jit });
        let mixed = compare(&json!({
            "destinations": [{ "id": a, "share_pct": share }, { "id": b, "share_pct": rest }],
            "product": product, "pop": pop, "semi": semi,
        }));
        let first = compare(&json!({ "destination": a, "product": product, "pop": pop, "semi": semi }));
        let second = compare(&json!({ "destination": b, "product": product, "pop": pop, "semi": semi }));
        prop_assume!(first.ok() && second.ok());
        prop_assert!(mixed.ok(), "{:?}", mixed.errors);
        let noise = Decimal::new(1, 20);
        for kind in ModelKind::ALL {
            let (m, x, y) = (model(&mixed, kind), model(&first, kind), model(&second, kind));
            let figures = [
                (m.profit_per_unit, x.profit_per_unit, y.profit_per_unit),
                (m.revenue_per_unit, x.revenue_per_unit, y.revenue_per_unit),
                (m.cash.days_to_cash, x.cash.days_to_cash, y.cash.days_to_cash),
                (m.cash.capital_tied, x.cash.capital_tied, y.cash.capital_tied),
                (m.cash.money_days_per_unit, x.cash.money_days_per_unit, y.cash.money_days_per_unit),
                (m.cash.outlay_per_unit, x.cash.outlay_per_unit, y.cash.outlay_per_unit),
            ];
            let w = dec(&share) / Decimal::ONE_HUNDRED;
            let weighted = w * x.cash.money_days_per_unit + (Decimal::ONE - w) * y.cash.money_days_per_unit;
            prop_assert!((m.cash.money_days_per_unit - weighted).abs() <= noise,
                "{}: money-days {} are not the weighted {weighted}", kind.id(), m.cash.money_days_per_unit);
            if let (Some(r), Some(rx), Some(ry)) = (m.cash.return_on_capital_pct, x.cash.return_on_capital_pct, y.cash.return_on_capital_pct) {
                let slack = Decimal::new(1, 12);
                prop_assert!(rx.min(ry) - slack <= r && r <= rx.max(ry) + slack,
                    "{} return on capital {r} not between {rx} and {ry}", kind.id());
            }
            for (i, (m, x, y)) in figures.into_iter().enumerate() {
                prop_assert!(x.min(y) - noise <= m && m <= x.max(y) + noise, "{} figure {i}: {m} not between {x} and {y}", kind.id());
            }
            for item in &m.line_items {
                let (x, y) = (x.item(item.key).map(|i| i.amount), y.item(item.key).map(|i| i.amount));
                if let (Some(x), Some(y)) = (x, y) {
                    prop_assert!(x.min(y) - noise <= item.amount && item.amount <= x.max(y) + noise,
                        "{} {}: {} not between {x} and {y}", kind.id(), item.key, item.amount);
                }
            }
        }
    }
}
