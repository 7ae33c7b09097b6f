//! Bad input: every field, every kind of problem. Each error names the field's exact path, nothing
//! panics, and the models that do not depend on the bad field are still computed.

mod common;

use common::{has_exact_decimals, model_json, run, text, with, with_assumption};
use sellercalc_engine::{compare, ErrorCode, ModelKind};
use serde_json::{json, Value};

use ErrorCode::*;

const POP: [ModelKind; 1] = [ModelKind::Pop];
const SEMI: [ModelKind; 1] = [ModelKind::Semi];
const FULL: [ModelKind; 1] = [ModelKind::Full];
const ALL: [ModelKind; 3] = ModelKind::ALL;
/// Fields that fully managed never reads: the sale currency, the rate, category and destination.
const POP_SEMI: [ModelKind; 2] = [ModelKind::Pop, ModelKind::Semi];

/// A valid scenario whose semi-managed price and marketing are its own and whose supply price is
/// entered, so that a bad POP field, rate or sale currency concerns POP (and semi-managed) only.
fn base() -> Value {
    json!({
        "semi": { "price": "12.49", "ad_spend_pct": "8", "affiliate_share_pct": "20", "affiliate_rate_pct": "5" },
        "full": { "supply_price": "45" },
    })
}

/// Runs `input`; checks that the only errors are on `field`, each with `code`, with a message, and
/// that exactly the models in `blocked` are missing.
#[track_caller]
fn expect_error(input: &Value, field: &str, code: ErrorCode, blocked: &[ModelKind]) {
    let (comparison, json) = run(input);
    assert!(!comparison.ok(), "{field}: no error for {input}");
    assert_eq!(json["ok"], false);
    let found: Vec<(String, ErrorCode)> = comparison
        .errors
        .iter()
        .map(|e| (e.path().into_owned(), e.code()))
        .collect();
    assert_eq!(found, [(field.to_owned(), code)], "input {input}");
    for error in &comparison.errors {
        assert!(!error.english().trim().is_empty(), "{field}: empty message");
    }
    // The JSON error carries the same path and a snake_case code.
    assert_eq!(json["errors"][0]["field"], field);
    assert!(json["errors"][0]["code"].is_string());
    for kind in ALL {
        assert_eq!(
            comparison.model(kind).is_none(),
            blocked.contains(&kind),
            "{field} = {input}: {} should be {}",
            kind.id(),
            if blocked.contains(&kind) {
                "blocked"
            } else {
                "computed"
            }
        );
        assert_eq!(json["models"][kind.id()].is_null(), blocked.contains(&kind));
    }
    // A recommendation needs all three models.
    assert_eq!(json["best"].is_null(), !blocked.is_empty());
}

#[track_caller]
fn expect_valid(input: &Value) {
    let comparison = compare(input);
    assert!(comparison.ok(), "{input}: {:?}", comparison.errors);
    for kind in ALL {
        assert!(comparison.model(kind).is_some(), "{input}: {}", kind.id());
    }
}

#[derive(Clone, Copy)]
enum Range {
    /// 0 allowed, negatives not; at most this (as text), and the second is too large for the
    /// field. (For the weight the first is the most the shipping services take, 30 kg: heavier
    /// parcels up to the field's own limit are the services' errors, tested on their own.)
    NonNegative(&'static str, &'static str),
    /// More than 0; at most this, and this + a bit is too large.
    Positive(&'static str, &'static str),
    /// 0 to 100.
    Percent,
}

/// Every number field, its range, and the models that depend on it.
fn number_fields() -> Vec<(&'static str, Range, &'static [ModelKind])> {
    let money = Range::NonNegative("1000000000", "1000000000.01");
    let price = Range::Positive("1000000000", "1000000000.01");
    vec![
        // Fully managed is paid in the cost currency and never reads the rate.
        (
            "currency.rate",
            Range::Positive("1000000", "1000000.5"),
            &POP_SEMI,
        ),
        ("product.unit_cost", money, &ALL),
        ("product.packaging", money, &ALL),
        (
            "product.weight_g",
            Range::NonNegative("30000", "1000001"),
            &ALL,
        ),
        ("monthly_units", money, &ALL),
        ("return_rate_pct", Range::Percent, &ALL),
        ("pop.price", price, &POP),
        ("pop.shipping_charge", money, &POP),
        ("pop.ad_spend_pct", Range::Percent, &POP),
        ("pop.affiliate_share_pct", Range::Percent, &POP),
        ("pop.affiliate_rate_pct", Range::Percent, &POP),
        ("semi.price", price, &SEMI),
        ("full.supply_price", price, &FULL),
    ]
}

#[test]
fn non_numeric_text_is_not_a_number() {
    for (field, _, blocked) in number_fields() {
        for bad in [
            "abc", "12,99", "1.2.3", "1 000", "1_000", "12.99€", "$5", "NaN", "Infinity", "0x10",
            "1e30", "1E5", "--1", ".", "-", "٣",
        ] {
            expect_error(
                &with(&base(), field, json!(bad)),
                field,
                NotANumber,
                blocked,
            );
        }
        for empty in ["", "   "] {
            expect_error(
                &with(&base(), field, json!(empty)),
                field,
                Required,
                blocked,
            );
        }
    }
}

#[test]
fn wrong_json_types_are_wrong_type() {
    for (field, _, blocked) in number_fields() {
        for bad in [
            json!(true),
            json!(false),
            json!([]),
            json!([12]),
            json!({}),
            json!({ "value": 12 }),
        ] {
            expect_error(&with(&base(), field, bad), field, WrongType, blocked);
        }
    }
}

#[test]
fn negatives_and_zeros_where_nonsensical() {
    for (field, range, blocked) in number_fields() {
        for negative in [json!("-1"), json!(-1), json!("-0.01"), json!(-1e-9)] {
            let code = match range {
                Range::Positive(..) => NotPositive,
                _ => Negative,
            };
            expect_error(&with(&base(), field, negative), field, code, blocked);
        }
        match range {
            Range::Positive(..) => {
                for zero in [
                    json!("0"),
                    json!(0),
                    json!("0.000"),
                    json!("-0"),
                    json!(0.0),
                ] {
                    expect_error(&with(&base(), field, zero), field, NotPositive, blocked);
                }
            }
            _ => {
                for zero in [json!("0"), json!(0), json!("-0"), json!(0.0)] {
                    expect_valid(&with(&base(), field, zero));
                }
            }
        }
    }
}

#[test]
fn absurd_magnitudes_are_too_large() {
    let forty_digits = "1234567890123456789012345678901234567890";
    for (field, range, blocked) in number_fields() {
        let mut bad = vec![
            json!(1e30),
            json!(1e300),
            json!(f64::MAX),
            json!(forty_digits),
            json!(format!("{forty_digits}.5")),
            json!(u64::MAX),
            // A 40-digit JSON number (read by serde_json as a double, 1.2345678901234568e39).
            serde_json::from_str::<Value>(forty_digits).expect("a JSON number"),
        ];
        let (max, above) = match range {
            Range::NonNegative(max, above) | Range::Positive(max, above) => (max, above),
            Range::Percent => ("100", "100.01"),
        };
        bad.push(json!(above));
        if range_is_percent(range) {
            bad.extend([json!(101), json!("1000"), json!(100.5)]);
        }
        for value in bad {
            expect_error(&with(&base(), field, value), field, TooLarge, blocked);
        }
        expect_valid(&with(&base(), field, json!(max)));
    }
}

fn range_is_percent(range: Range) -> bool {
    matches!(range, Range::Percent)
}

#[test]
fn numbers_may_be_json_numbers_or_decimal_text() {
    for (field, _, _) in number_fields() {
        for (number, textual) in [(json!(12), "12"), (json!(0.5), "0.5"), (json!(1e1), "10")] {
            let a = compare(&with(&base(), field, number));
            let b = compare(&with(&base(), field, json!(textual)));
            assert!(a.ok() && b.ok(), "{field}");
            for kind in ALL {
                assert_eq!(a.model(kind), b.model(kind), "{field} {}", kind.id());
            }
        }
        // Surrounding spaces and an explicit plus sign are fine.
        let a = compare(&with(&base(), field, json!(" +3.25 ")));
        assert!(a.ok(), "{field}: {:?}", a.errors);
    }
}

#[test]
fn tiny_json_numbers_are_errors_on_their_field() {
    // A double such as 1e-30 has more decimal places than exact arithmetic holds. The engine
    // rejects it naming the field (with the code too_large, which reads oddly: see the report).
    for (field, _, blocked) in number_fields() {
        let (comparison, _) = run(&with(&base(), field, json!(1e-30)));
        let fields: Vec<String> = comparison
            .errors
            .iter()
            .map(|e| e.path().into_owned())
            .collect();
        assert_eq!(fields, [field]);
        for kind in ALL {
            assert_eq!(comparison.model(kind).is_none(), blocked.contains(&kind));
        }
    }
}

// ---- Names: policy, currencies, category, destination, mode, popular ----

fn name_fields() -> Vec<(&'static str, &'static str, &'static [ModelKind])> {
    vec![
        ("policy", "temu-2024", &ALL),
        ("currency.cost", "XYZ", &ALL),
        // Fully managed reads neither the sale currency nor the category; it reads the
        // destination for its delivery days (issue #15, item 7).
        ("currency.sale", "BTC", &POP_SEMI),
        ("product.category", "food", &POP_SEMI),
        ("destination", "JP", &ALL),
        ("semi.mode", "dropship", &SEMI),
        ("pop.shipping", "ems", &POP),
    ]
}

#[test]
fn unknown_names_are_unknown_values() {
    for (field, unknown, blocked) in name_fields() {
        for bad in [unknown, "", "  "] {
            expect_error(
                &with(&base(), field, json!(bad)),
                field,
                UnknownValue,
                blocked,
            );
        }
        for wrong in [json!(5), json!(true), json!([]), json!({})] {
            expect_error(&with(&base(), field, wrong), field, WrongType, blocked);
        }
    }
}

#[test]
fn names_are_matched_without_regard_to_case() {
    expect_valid(&json!({
        "currency": { "cost": "cny", "sale": "Usd" },
        "product": { "category": "HOME" },
        "destination": "us",
        "pop": { "shipping": "Economy" },
        "semi": { "mode": "JIT" }
    }));
    // Policy ids are exact.
    expect_error(
        &json!({ "policy": "AliExpress-2024" }),
        "policy",
        UnknownValue,
        &ALL,
    );
}

#[test]
fn popular_must_be_true_or_false() {
    for ok in [json!(true), json!(false), json!("true"), json!(" false ")] {
        expect_valid(&with(&base(), "semi.popular", ok));
    }
    for bad in [
        json!("yes"),
        json!(1),
        json!(0),
        json!([]),
        json!({}),
        json!(""),
    ] {
        expect_error(
            &with(&base(), "semi.popular", bad),
            "semi.popular",
            WrongType,
            &SEMI,
        );
    }
}

// ---- Objects, unknown fields, the whole input ----

#[test]
fn sections_that_are_not_objects_are_wrong_type() {
    for (section, blocked) in [
        ("currency", &ALL[..]),
        ("product", &ALL[..]),
        ("pop", &POP[..]),
        ("semi", &SEMI[..]),
        ("full", &FULL[..]),
        ("assumptions", &ALL[..]),
    ] {
        for bad in [json!(5), json!("x"), json!([]), json!(true)] {
            let mut input = base();
            input[section] = bad;
            expect_error(&input, section, WrongType, blocked);
        }
        // null means "all defaults" for a section, as for a field.
        let mut input = base();
        input[section] = Value::Null;
        expect_valid(&input);
    }
}

#[test]
fn unknown_fields_are_named_and_change_nothing() {
    let (reference, _) = run(&base());
    for field in [
        "colour",
        "Policy",
        "pop.discount",
        "pop.Price",
        "semi.warehouse",
        "full.price",
        "product.sku",
        "currency.symbol",
    ] {
        let input = with(&base(), field, json!("1"));
        expect_error(&input, field, UnknownField, &[]);
        let (comparison, _) = run(&input);
        for kind in ALL {
            assert_eq!(comparison.model(kind), reference.model(kind), "{field}");
        }
    }
}

#[test]
fn input_that_is_not_an_object_is_an_error() {
    for input in [
        json!(5),
        json!(-1.5),
        json!(1e300),
        json!("scenario"),
        json!(""),
        json!([]),
        json!([{ "pop": { "price": "1" } }]),
        json!(true),
        json!(false),
    ] {
        expect_error(&input, "scenario", WrongType, &ALL);
    }
}

#[test]
fn null_input_gives_the_defaults() {
    let (null, null_json) = run(&Value::Null);
    let (empty, empty_json) = run(&json!({}));
    assert!(null.ok());
    assert_eq!(null_json, empty_json);
    assert_eq!(null.scenario, empty.scenario);
    assert_eq!(
        text(model_json(&null_json, ModelKind::Pop), "profit_per_unit"),
        "5.56"
    );
}

#[test]
fn several_errors_are_all_reported() {
    let input = json!({
        "pop": { "price": "abc" },
        "semi": { "price": "10", "mode": "fast" },
        "full": { "supply_price": -1 },
        "product": { "colour": "red" },
        "return_rate_pct": "4"
    });
    let (comparison, _) = run(&input);
    let mut found: Vec<(String, ErrorCode)> = comparison
        .errors
        .iter()
        .map(|e| (e.path().into_owned(), e.code()))
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    let found: Vec<(&str, ErrorCode)> = found.iter().map(|(f, c)| (f.as_str(), *c)).collect();
    assert_eq!(
        found,
        [
            ("full.supply_price", NotPositive),
            ("pop.price", NotANumber),
            ("product.colour", UnknownField),
            ("semi.mode", UnknownValue),
        ]
    );
    assert!(ALL.iter().all(|&kind| comparison.model(kind).is_none()));
}

#[test]
fn semi_price_follows_a_bad_pop_price_into_the_error() {
    // With semi.price omitted, semi-managed sells at pop.price, so a bad pop.price blocks both.
    let supply = json!({ "supply_price": "45" });
    expect_error(
        &json!({ "pop": { "price": "abc" }, "full": supply }),
        "pop.price",
        NotANumber,
        &[ModelKind::Pop, ModelKind::Semi],
    );
    expect_error(
        &json!({ "pop": { "price": "abc" }, "semi": { "mode": "jit" }, "full": supply }),
        "pop.price",
        NotANumber,
        &[ModelKind::Pop, ModelKind::Semi],
    );
    // With its own price, semi-managed is computed.
    expect_error(
        &json!({ "pop": { "price": "abc" }, "semi": { "price": "11" }, "full": supply }),
        "pop.price",
        NotANumber,
        &POP,
    );
    // Without a supply price, fully managed's is estimated from the POP price: blocked too.
    expect_error(
        &json!({ "pop": { "price": "abc" }, "semi": { "price": "11" } }),
        "pop.price",
        NotANumber,
        &[ModelKind::Pop, ModelKind::Full],
    );
}

#[test]
fn semi_marketing_follows_a_bad_pop_figure_into_the_error() {
    let own_price = json!({ "price": "11" });
    let supply = json!({ "supply_price": "45" });
    for key in ["ad_spend_pct", "affiliate_share_pct", "affiliate_rate_pct"] {
        let mut pop = json!({});
        pop[key] = json!("abc");
        expect_error(
            &json!({ "pop": pop, "semi": own_price, "full": supply }),
            &format!("pop.{key}"),
            NotANumber,
            &[ModelKind::Pop, ModelKind::Semi],
        );
        // With its own figure, semi-managed is computed.
        let mut semi = own_price.clone();
        semi[key] = json!("3");
        expect_error(
            &json!({ "pop": pop, "semi": semi, "full": supply }),
            &format!("pop.{key}"),
            NotANumber,
            &POP,
        );
    }
}

#[test]
fn a_rate_with_one_currency_must_be_one() {
    let same =
        json!({ "currency": { "cost": "EUR", "sale": "EUR" }, "full": { "supply_price": "45" } });
    expect_valid(&same);
    expect_valid(&with(&same, "currency.rate", json!("1.00")));
    expect_error(
        &with(&same, "currency.rate", json!("2")),
        "currency.rate",
        Inconsistent,
        &POP_SEMI,
    );
}

// ---- Assumption overrides ----

#[test]
fn unknown_assumption_ids_are_named_and_change_nothing() {
    let (reference, _) = run(&base());
    for id in [
        "nope",
        "commission.food",
        "postage.pop.JP.per_kg",
        "fx.XYZ",
        "",
    ] {
        let input = with_assumption(&base(), id, json!("1"));
        expect_error(&input, &format!("assumptions.{id}"), UnknownField, &[]);
        let (comparison, _) = run(&input);
        for kind in ALL {
            assert_eq!(comparison.model(kind), reference.model(kind), "{id}");
        }
    }
}

#[test]
fn bad_assumption_values_name_the_value_and_block_its_models() {
    let pop_semi = [ModelKind::Pop, ModelKind::Semi];
    let semi_full = [ModelKind::Semi, ModelKind::Full];
    let cases: Vec<(&str, Value, ErrorCode, &[ModelKind])> = vec![
        ("commission.home", json!("abc"), NotANumber, &pop_semi),
        ("commission.home", json!("101"), TooLarge, &pop_semi),
        ("commission.apparel", json!(-1), Negative, &pop_semi),
        (
            "payment.conversion_fee",
            json!("12,5"),
            NotANumber,
            &pop_semi,
        ),
        (
            "choice.traffic_uplift",
            json!("1000.01"),
            TooLarge,
            &semi_full,
        ),
        ("fx.USD", json!("-7.2"), Negative, &ALL),
        ("fx.EUR", json!(1e30), TooLarge, &ALL),
        ("postage.pop.ES.per_kg", json!(true), WrongType, &POP),
        ("postage.choice.ES.per_parcel", json!([]), WrongType, &SEMI),
        ("first_mile.pop.per_kg", json!(""), Required, &POP),
        (
            "first_mile.semi_jit.per_parcel",
            json!("1000001"),
            TooLarge,
            &SEMI,
        ),
        ("first_mile.full.per_kg", json!({}), WrongType, &FULL),
        ("warehouse.rent", json!(1e300), TooLarge, &SEMI),
        ("warehouse.fee_waiver", json!("100.5"), TooLarge, &SEMI),
        ("semi.advance_payment", json!("sixty"), NotANumber, &SEMI),
        ("semi.jit_commission_waiver", json!("-50"), Negative, &SEMI),
        ("returns.pop.refund_borne", json!("150"), TooLarge, &POP),
        ("returns.semi.unsellable", json!(null), WrongType, &SEMI),
        ("returns.full.unsellable", json!("-0.5"), Negative, &FULL),
        ("days.pop.payout", json!("1e3"), NotANumber, &POP),
        ("days.semi.advance", json!("x"), NotANumber, &SEMI),
        ("days.semi_warehouse.stock", json!("-1"), Negative, &SEMI),
        ("days.semi_jit.delivery", json!("1000001"), TooLarge, &SEMI),
        ("days.full.payout", json!([1]), WrongType, &FULL),
    ];
    for (id, value, code, blocked) in cases {
        let input = with_assumption(&base(), id, value);
        expect_error(&input, &format!("assumptions.{id}"), code, blocked);
    }
    // The limits themselves are fine.
    for (id, value) in [
        ("commission.home", "100"),
        ("choice.traffic_uplift", "1000"),
        ("days.full.payout", "3650"),
        ("fx.USD", "0.0001"),
    ] {
        expect_valid(&with_assumption(&base(), id, json!(value)));
    }
}

// ---- Regressions: engine bugs these tests once exposed ----

#[test]
fn full_survives_errors_in_fields_it_does_not_read() {
    for (field, value) in [
        ("currency.sale", json!("BTC")),
        ("currency.rate", json!("abc")),
        ("product.category", json!("food")),
    ] {
        let (comparison, _) = run(&with(&base(), field, value));
        assert!(
            comparison.pop.is_none() && comparison.semi.is_none(),
            "{field}"
        );
        assert!(comparison.full.is_some(), "{field} blocks fully managed");
    }
}

#[test]
fn semi_following_pop_is_blocked_when_pop_is_not_an_object() {
    let (comparison, _) = run(&json!({ "pop": 5, "full": { "supply_price": "45" } }));
    assert!(comparison.pop.is_none());
    assert!(
        comparison.semi.is_none(),
        "semi computed at the default price"
    );
    assert!(comparison.full.is_some());
}

#[test]
fn a_zero_exchange_rate_override_names_the_override() {
    let input = json!({
        "currency": { "cost": "EUR", "sale": "USD", "rate": "1.1" },
        "assumptions": { "fx.EUR": "0" }
    });
    let (comparison, _) = run(&input);
    let fields: Vec<String> = comparison
        .errors
        .iter()
        .map(|e| e.path().into_owned())
        .collect();
    assert_eq!(fields, ["assumptions.fx.EUR"]);
}

#[test]
fn the_largest_accepted_figures_compute_or_say_which_fields_lose_the_cent() {
    // Every field at its limit: no panic. POP and semi-managed would earn about 10^24 a month
    // and tie up more, too large to keep to the cent: each reports it at every field of the
    // combination (monthly units, its price, the rate), and fully managed is still computed.
    let input = json!({
        "currency": { "rate": "1000000" },
        "product": { "unit_cost": "1000000000", "packaging": "1000000000", "weight_g": "30000" },
        "monthly_units": "1000000000",
        "return_rate_pct": "100",
        "pop": { "price": "1000000000", "ad_spend_pct": "100", "affiliate_share_pct": "100", "affiliate_rate_pct": "100" },
        "semi": { "price": "1000000000" },
        "full": { "supply_price": "1000000000" },
        "assumptions": { "choice.traffic_uplift": "1000", "days.pop.delivery": "3650",
                         "days.full.stock": "3650", "postage.standard.ES.2_30kg.per_kg": "1000000" }
    });
    let (comparison, json) = run(&input);
    let found: Vec<(String, ErrorCode)> = comparison
        .errors
        .iter()
        .map(|e| (e.path().into_owned(), e.code()))
        .collect();
    let at = |path: &str| (path.to_owned(), ErrorCode::Overflow);
    assert_eq!(
        found,
        [
            at("monthly_units"),
            at("pop.price"),
            at("currency.rate"),
            at("monthly_units"),
            at("semi.price"),
            at("currency.rate"),
        ]
    );
    assert_eq!(
        comparison.errors[1].english(),
        "Together with monthly_units and currency.rate, this makes the POP figures too large to \
         keep to the cent."
    );
    assert!(comparison.pop.is_none() && comparison.semi.is_none());
    assert!(comparison.full.is_some());
    assert!(json["models"]["full"]["monthly_profit"].is_string());
}

#[test]
fn an_extreme_policy_rate_loses_the_cent_per_unit_at_the_weight_and_the_rate() {
    // 64.67 CNY a kg of postage ÷ 10^−15 CNY per EUR is 6.5 × 10^16 EUR a kg; × 30 kg, the
    // most AliExpress Standard takes, it passes 10^18 a unit.
    let input = json!({
        "currency": { "cost": "EUR", "sale": "USD", "rate": "1.1" },
        "product": { "weight_g": "30000" },
        "assumptions": { "fx.EUR": "0.000000000000001" }
    });
    let (comparison, _) = run(&input);
    let found: Vec<String> = comparison
        .errors
        .iter()
        .map(|e| e.path().into_owned())
        .collect();
    assert!(
        found
            .chunks(2)
            .all(|pair| pair == ["product.weight_g", "assumptions.fx.EUR"]),
        "{found:?}"
    );
    assert!(!found.is_empty());
    // A lighter parcel stays inside the limit.
    let (light, _) = run(&common::with(&input, "product.weight_g", json!("1")));
    assert!(light.ok(), "{:?}", light.errors);
}

#[test]
fn a_parcel_over_a_services_weight_limit_is_an_error_at_the_weight_naming_the_limit() {
    // AliExpress Standard (POP) and Choice (semi-managed, assumed the same) take parcels up to
    // 30 kg; fully managed ships nothing to buyers and is still computed.
    for weight in [json!("30000.1"), json!(30001), json!("1000000")] {
        let (comparison, json) = run(&with(&base(), "product.weight_g", weight.clone()));
        let found: Vec<(String, ErrorCode, String)> = comparison
            .errors
            .iter()
            .map(|e| (e.path().into_owned(), e.code(), e.english()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "product.weight_g".to_owned(),
                    TooLarge,
                    "Over the limit of AliExpress Standard (POP shipping): it takes parcels up \
                     to 30000 g."
                        .to_owned()
                ),
                (
                    "product.weight_g".to_owned(),
                    TooLarge,
                    "Over the limit of Cainiao (Choice) (Semi-managed shipping): it takes \
                     parcels up to 30000 g."
                        .to_owned()
                ),
            ],
            "{weight}"
        );
        assert!(
            comparison.pop.is_none() && comparison.semi.is_none(),
            "{weight}"
        );
        assert!(comparison.full.is_some(), "{weight}");
        assert!(json["models"]["full"].is_object());
    }
    // At the limit itself, every model is computed.
    expect_valid(&with(&base(), "product.weight_g", json!("30000")));
}

#[test]
fn a_break_even_price_above_any_enterable_price_is_none() {
    // POP's other percentage costs are 11.968% of the price (docs/model.md's S of 20.928% less
    // 8% ads and 1% affiliates, with 4% of them back on refunds): ads of 88.032% less 10^−19
    // leave 10^−21 of the price, so POP would break even at 68.3945 ÷ 10^−21 ÷ 7.2, far above
    // the 1,000,000,000 a price can be.
    let input = json!({ "pop": { "ad_spend_pct": "88.0319999999999999999",
                                "affiliate_share_pct": "0" } });
    let (comparison, json) = run(&input);
    assert!(comparison.ok(), "{:?}", comparison.errors);
    assert!(json["models"]["pop"]["break_even_price"].is_null());
    assert!(sellercalc_engine::target_margin_price(
        &comparison,
        ModelKind::Pop,
        sellercalc_engine::Decimal::ZERO
    )
    .is_none());
}

#[test]
fn money_keeps_two_decimals_at_the_largest_figures_kept_to_the_cent() {
    // 10^15 of revenue a unit, 10^6 units a month for 3,700 days: capital tied up is about
    // 10^23, inside the 10^24 a month that keeps four places beyond the cent.
    let input = json!({
        "monthly_units": "1000000",
        "pop": { "price": "1000000000", "ad_spend_pct": 100 },
        "currency": { "rate": "1000000" },
        "assumptions": { "days.pop.delivery": "3650" }
    });
    let (comparison, json) = run(&input);
    assert!(comparison.ok(), "{:?}", comparison.errors);
    let capital = text(model_json(&json, ModelKind::Pop), "cash/capital_tied");
    assert!(has_exact_decimals(capital, 2), "capital_tied {capital}");
}

/// Issue #14, items 1–3: 6,000 zeros in any number field (or any policy value) recursed once per
/// digit while parsing and overflowed the stack; in the browser the trap left the page's state
/// borrowed, so every later keystroke panicked. Each is now a clean error at its field, on a
/// thread whose stack is no larger than the wasm page's 1 MB, in a debug build.
#[test]
fn long_digit_runs_are_too_long_at_their_field() {
    let run_all = || {
        let zeros = "0".repeat(6000);
        let nines = format!("1.{}", "9".repeat(6000));
        for text in [&zeros, &nines] {
            for (field, _, blocked) in number_fields() {
                expect_error(&with(&base(), field, json!(text)), field, TooLong, blocked);
            }
            for value in &common::scenarios::policy().values {
                let input = with_assumption(&base(), &value.id, json!(text));
                let (comparison, _) = run(&input);
                let found: Vec<(String, ErrorCode)> = comparison
                    .errors
                    .iter()
                    .map(|e| (e.path().into_owned(), e.code()))
                    .collect();
                assert_eq!(found, [(format!("assumptions.{}", value.id), TooLong)]);
            }
        }
    };
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(run_all)
        .expect("a thread")
        .join()
        .expect("no panic, no stack overflow");
}

// ---- The parcel's sides (`product.dimensions_cm`) ----

/// `base()` with the parcel's sides.
fn with_sides(length: Value, width: Value, height: Value) -> Value {
    with(
        &base(),
        "product.dimensions_cm",
        json!({ "length": length, "width": width, "height": height }),
    )
}

#[test]
fn each_side_is_a_number_above_zero_up_to_1000_cm() {
    for (i, side) in ["length", "width", "height"].into_iter().enumerate() {
        let field = format!("product.dimensions_cm.{side}");
        let at = |value: Value| {
            let mut sides = [json!("10"), json!("10"), json!("10")];
            sides[i] = value;
            let [l, w, h] = sides;
            with_sides(l, w, h)
        };
        for (bad, code) in [
            (json!("abc"), NotANumber),
            (json!(""), Required),
            (json!("0"), NotPositive),
            (json!(0), NotPositive),
            (json!("-1"), NotPositive),
            (json!("1000.01"), TooLarge),
            (json!(1e30), TooLarge),
            (json!(true), WrongType),
            (json!([10]), WrongType),
        ] {
            expect_error(&at(bad), &field, code, &POP_SEMI);
        }
        // 1000 × 10 × 10 cm weighs 12.5 kg by volume: within the services' 30 kg.
        expect_valid(&at(json!("1000")));
        expect_valid(&at(json!(0.5)));
    }
}

#[test]
fn sides_come_all_three_or_none() {
    let input = with(&base(), "product.dimensions_cm", json!({ "length": "30" }));
    let (comparison, _) = run(&input);
    let found: Vec<(String, ErrorCode)> = comparison
        .errors
        .iter()
        .map(|e| (e.path().into_owned(), e.code()))
        .collect();
    assert_eq!(
        found,
        [
            ("product.dimensions_cm.width".to_owned(), Required),
            ("product.dimensions_cm.height".to_owned(), Required),
        ]
    );
    assert!(comparison.pop.is_none() && comparison.semi.is_none());
    assert!(comparison.full.is_some());
    // None at all, or all three null: a parcel priced by its weight alone.
    expect_valid(&with(&base(), "product.dimensions_cm", json!({})));
    expect_valid(&with(&base(), "product.dimensions_cm", Value::Null));
    expect_valid(&with_sides(Value::Null, Value::Null, Value::Null));
}

#[test]
fn dimensions_are_an_object_of_three_named_sides() {
    for bad in [
        json!(5),
        json!("30x20x10"),
        json!([30, 20, 10]),
        json!(true),
    ] {
        expect_error(
            &with(&base(), "product.dimensions_cm", bad),
            "product.dimensions_cm",
            WrongType,
            &POP_SEMI,
        );
    }
    let mut input = with_sides(json!("30"), json!("20"), json!("10"));
    input["product"]["dimensions_cm"]["depth"] = json!("5");
    expect_error(&input, "product.dimensions_cm.depth", UnknownField, &[]);
    // A side is read from its object only.
    let flat = with(&base(), "product.dimensions_cm.length", json!("30"));
    let mut flat_key = base();
    flat_key["product"] = json!({ "dimensions_cm.length": "30" });
    expect_error(&flat_key, "product.dimensions_cm.length", UnknownField, &[]);
    assert_eq!(
        flat["product"]["dimensions_cm"]["length"], "30",
        "the helper nests"
    );
}

#[test]
fn a_parcel_too_heavy_by_volume_is_an_error_at_its_longest_side() {
    // 60 × 100 × 50 cm weighs 300000 ÷ 8000 = 37.5 kg by volume, more than the 30 kg AliExpress
    // Standard and Choice take, though it weighs 350 g: at the width, its longest side.
    let input = with_sides(json!("60"), json!("100"), json!("50"));
    let (comparison, _) = run(&input);
    let found: Vec<(String, ErrorCode, String)> = comparison
        .errors
        .iter()
        .map(|e| (e.path().into_owned(), e.code(), e.english()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "product.dimensions_cm.width".to_owned(),
                TooLarge,
                "By volume this parcel weighs more than AliExpress Standard (POP shipping) \
                 takes: up to 30000 g."
                    .to_owned()
            ),
            (
                "product.dimensions_cm.width".to_owned(),
                TooLarge,
                "By volume this parcel weighs more than Cainiao (Choice) (Semi-managed \
                 shipping) takes: up to 30000 g."
                    .to_owned()
            ),
        ]
    );
    assert!(comparison.pop.is_none() && comparison.semi.is_none());
    assert!(comparison.full.is_some());
    // 30 kg by volume exactly (60 × 100 × 40 = 240000 ÷ 8000) is within the limit.
    expect_valid(&with_sides(json!("60"), json!("100"), json!("40")));
    // A service that does not charge by volume takes it by its weight.
    let by_weight = with_assumption(
        &with_assumption(&input, "logistics.standard.volumetric_divisor", json!("0")),
        "logistics.choice.volumetric_divisor",
        json!("0"),
    );
    expect_valid(&by_weight);
    // A divisor so small that the volume is beyond exact arithmetic: far too heavy, no panic.
    let tiny = with_assumption(
        &with_sides(json!("1000"), json!("1000"), json!("1000")),
        "logistics.standard.volumetric_divisor",
        json!("0.00000000000000000001"),
    );
    let (comparison, _) = run(&tiny);
    assert!(comparison.pop.is_none());
    assert!(comparison
        .errors
        .iter()
        .all(|e| e.path() == "product.dimensions_cm.length" && e.code() == TooLarge));
}

#[test]
fn a_side_over_a_services_size_limit_is_an_error_at_that_side() {
    // No size limit was found (0: none); with one entered for AliExpress Standard, a longer side
    // stops POP only.
    let input = with_assumption(
        &with_sides(json!("70"), json!("20"), json!("61")),
        "logistics.standard.max_side_cm",
        json!("60"),
    );
    let (comparison, _) = run(&input);
    let found: Vec<(String, String)> = comparison
        .errors
        .iter()
        .map(|e| (e.path().into_owned(), e.english()))
        .collect();
    let message =
        "Over the limit of AliExpress Standard (POP shipping): it takes sides up to 60 cm.";
    assert_eq!(
        found,
        [
            (
                "product.dimensions_cm.length".to_owned(),
                message.to_owned()
            ),
            (
                "product.dimensions_cm.height".to_owned(),
                message.to_owned()
            ),
        ]
    );
    assert!(comparison.pop.is_none());
    assert!(comparison.semi.is_some() && comparison.full.is_some());
    expect_valid(&with_assumption(
        &with_sides(json!("60"), json!("20"), json!("60")),
        "logistics.standard.max_side_cm",
        json!("60"),
    ));
}

// ---- POP's shipping line (`pop.shipping`) ----

#[test]
fn a_shipping_line_without_rates_for_the_market_is_an_error_at_pop_shipping() {
    // Super Economy Global has no rates for Spain, the default market.
    let input = with(&base(), "pop.shipping", json!("economy"));
    expect_error(&input, "pop.shipping", Inconsistent, &POP);
    let (comparison, json) = run(&input);
    assert_eq!(
        comparison.errors[0].english(),
        "Super Economy Global has no rates for Spain: choose another shipping line, or another \
         market."
    );
    assert_eq!(json["errors"][0]["code"], "inconsistent");
    // It has them for the United States, and AliExpress Standard everywhere.
    expect_valid(&with(&input, "destination", json!("US")));
    for market in policy_markets() {
        expect_valid(&with(
            &with(&base(), "destination", json!(market)),
            "pop.shipping",
            json!("standard"),
        ));
    }
    // A bad destination is its own error, not the line's.
    let (comparison, _) = run(&with(&input, "destination", json!("JP")));
    let fields: Vec<String> = comparison
        .errors
        .iter()
        .map(|e| e.path().into_owned())
        .collect();
    assert_eq!(fields, ["destination"]);
}

#[test]
fn a_parcel_over_the_economy_lines_two_kilos_stops_pop_only() {
    let input = with(
        &with(
            &with(&base(), "pop.shipping", json!("economy")),
            "destination",
            json!("KR"),
        ),
        "product.weight_g",
        json!("2000.5"),
    );
    let (comparison, _) = run(&input);
    let found: Vec<(String, ErrorCode, String)> = comparison
        .errors
        .iter()
        .map(|e| (e.path().into_owned(), e.code(), e.english()))
        .collect();
    assert_eq!(
        found,
        [(
            "product.weight_g".to_owned(),
            TooLarge,
            "Over the limit of Super Economy Global (POP shipping): it takes parcels up to 2000 g."
                .to_owned()
        )]
    );
    assert!(comparison.pop.is_none());
    assert!(comparison.semi.is_some() && comparison.full.is_some());
    expect_valid(&with(&input, "product.weight_g", json!("2000")));
}

fn policy_markets() -> Vec<String> {
    sellercalc_engine::PolicySet::default_set()
        .destinations
        .iter()
        .map(|d| d.code.clone())
        .collect()
}
