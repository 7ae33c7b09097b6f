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
    // Fully managed ships nothing itself: the mix changes none of its figures.
    assert_eq!(json["models"]["full"], spain_json["models"]["full"]);
    // What the buyer pays differs by market (Spain's VAT): not shown for the mix.
    assert!(json["models"]["pop"]
        .get("buyer_price")
        .is_none_or(Value::is_null));
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

    /// A mix's per-unit figures lie between its markets'.
    #[test]
    fn a_mix_lies_between_its_markets(
        a in markets(),
        b in markets(),
        share in decimal(1, 9_999, 2),
        weight in decimal(1, 20_000, 0),
    ) {
        prop_assume!(a != b);
        let rest = (Decimal::ONE_HUNDRED - dec(&share)).to_string();
        let product = json!({ "weight_g": weight });
        let mixed = compare(&json!({
            "destinations": [{ "id": a, "share_pct": share }, { "id": b, "share_pct": rest }],
            "product": product,
        }));
        let first = compare(&json!({ "destination": a, "product": product }));
        let second = compare(&json!({ "destination": b, "product": product }));
        prop_assert!(mixed.ok(), "{:?}", mixed.errors);
        let noise = Decimal::new(1, 20);
        for kind in ModelKind::ALL {
            let (m, x, y) = (model(&mixed, kind), model(&first, kind), model(&second, kind));
            let figures = [
                (m.profit_per_unit, x.profit_per_unit, y.profit_per_unit),
                (m.revenue_per_unit, x.revenue_per_unit, y.revenue_per_unit),
                (m.cash.days_to_cash, x.cash.days_to_cash, y.cash.days_to_cash),
            ];
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
