//! Properties of postage (docs/model.md, "Shipping to the buyer"): the chargeable weight is never
//! below the actual weight, and within a band postage never falls as the parcel grows heavier or
//! larger. (At a band's edge the rate sheet decides, even if postage falls.)

mod common;

use common::dec;
use common::scenarios::{decimal, policy};
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;
use sellercalc_engine::{compare, LineItem, ModelKind, Rule, RuleArg};
use serde_json::{json, Value};

/// A parcel: its weight in grams and, maybe, its sides in cm.
#[derive(Clone, Debug)]
struct Parcel {
    weight_g: Decimal,
    sides: Option<[Decimal; 3]>,
}

impl Parcel {
    fn scenario(&self, destination: &str) -> Value {
        let mut scenario = json!({
            "product": { "weight_g": self.weight_g.to_string() },
            "destination": destination,
        });
        if let Some([l, w, h]) = self.sides {
            scenario["product"]["dimensions_cm"] =
                json!({ "length": l.to_string(), "width": w.to_string(), "height": h.to_string() });
        }
        scenario
    }
}

/// Parcels the services take: up to 30 kg, and up to 30 kg by volume (sides of at most 60 cm
/// weigh at most 216000 ÷ 8000 = 27 kg).
fn parcel() -> impl Strategy<Value = Parcel> {
    let side = || decimal(1, 600, 1);
    (
        decimal(0, 300_000, 1),
        prop::option::of((side(), side(), side())),
    )
        .prop_map(|(weight_g, sides)| Parcel {
            weight_g: dec(&weight_g),
            sides: sides.map(|(l, w, h)| [dec(&l), dec(&w), dec(&h)]),
        })
}

fn destination() -> impl Strategy<Value = String> {
    select(
        policy()
            .destinations
            .iter()
            .map(|d| d.code.clone())
            .collect::<Vec<_>>(),
    )
}

/// The postage line of `kind` for `scenario`.
fn postage(scenario: &Value, kind: ModelKind) -> LineItem {
    let comparison = compare(scenario);
    assert!(comparison.ok(), "{scenario}: {:?}", comparison.errors);
    comparison
        .model(kind)
        .and_then(|m| m.item("last_mile"))
        .cloned()
        .expect("a postage line")
}

/// The band a postage line names, and the weight rule it holds.
fn band_and_weight(item: &LineItem) -> (String, &Rule) {
    let band = match &item.rule.args[2] {
        RuleArg::Name {
            kind: "band", id, ..
        } => id.clone(),
        other => panic!("not a band: {other:?}"),
    };
    let weight = match &item.rule.args[3] {
        RuleArg::Rules { rules } => &rules[0],
        other => panic!("not a weight rule: {other:?}"),
    };
    (band, weight)
}

fn number(arg: &RuleArg) -> Decimal {
    match arg {
        RuleArg::Number { value } => *value,
        other => panic!("not a number: {other:?}"),
    }
}

/// The weight priced and the chargeable weight, in kg, from a postage line's weight rule.
fn priced_and_chargeable(weight: &Rule) -> (Decimal, Decimal) {
    let priced = number(&weight.args[0]);
    let chargeable = match weight.id {
        "weight.actual" => priced,
        "weight.stepped" | "weight.volumetric" | "weight.volumetric_stepped" => {
            number(&weight.args[1])
        }
        other => panic!("unknown weight rule {other}"),
    };
    (priced, chargeable)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The weight priced is at least the chargeable weight, which is at least the actual weight
    /// (and is the actual weight when the parcel has no sides).
    #[test]
    fn chargeable_weight_is_never_below_the_actual_weight(p in parcel(), to in destination()) {
        for kind in [ModelKind::Pop, ModelKind::Semi] {
            let item = postage(&p.scenario(&to), kind);
            let (_, weight) = band_and_weight(&item);
            let (priced, chargeable) = priced_and_chargeable(weight);
            let actual = p.weight_g / Decimal::ONE_THOUSAND;
            prop_assert!(chargeable >= actual, "{} < {}", chargeable, actual);
            prop_assert!(priced >= chargeable);
            if p.sides.is_none() {
                prop_assert_eq!(chargeable, actual);
            }
        }
    }

    /// Within a band, a heavier or larger parcel never costs less to ship.
    #[test]
    fn within_a_band_postage_never_falls_as_the_parcel_grows(
        p in parcel(),
        more_g in decimal(0, 100_000, 1),
        more_cm in (decimal(0, 300, 1), decimal(0, 300, 1), decimal(0, 300, 1)),
        to in destination(),
    ) {
        let bigger = Parcel {
            weight_g: (p.weight_g + dec(&more_g)).min(Decimal::from(30_000)),
            sides: p.sides.map(|sides| {
                let mut grown = sides;
                let more_cm = [&more_cm.0, &more_cm.1, &more_cm.2];
                for (side, more) in grown.iter_mut().zip(more_cm) {
                    *side = (*side + dec(more)).min(Decimal::from(60));
                }
                grown
            }),
        };
        for kind in [ModelKind::Pop, ModelKind::Semi] {
            let small = postage(&p.scenario(&to), kind);
            let large = postage(&bigger.scenario(&to), kind);
            if band_and_weight(&small).0 == band_and_weight(&large).0 {
                prop_assert!(large.amount >= small.amount, "{} < {}", large.amount, small.amount);
            }
        }
    }
}

#[test]
fn a_parcel_with_sides_that_weigh_less_than_it_is_priced_by_its_weight() {
    // 10 × 10 × 10 cm weighs 1000 ÷ 8000 = 0.125 kg by volume, less than 350 g.
    let with_sides = json!({ "product": { "dimensions_cm": { "length": "10", "width": "10", "height": "10" } } });
    for kind in [ModelKind::Pop, ModelKind::Semi] {
        let sized = postage(&with_sides, kind);
        let plain = postage(&json!({}), kind);
        assert_eq!(sized.amount, plain.amount);
        assert_eq!(sized.rule, plain.rule);
    }
}
