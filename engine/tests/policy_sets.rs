//! Policy sets by date (issue #18): each built-in set is a dated file based on the one before it;
//! a scenario that names none gets the newest; the February 2025 split of the commission into a
//! category commission and a 2.5% service fee leaves POP's total fee where it was.

mod common;

use common::{dec, model, model_json, run, text};
use rust_decimal::Decimal;
use sellercalc_engine::{policies_report, ModelKind, PolicySet, DEFAULT_POLICY_ID};
use serde_json::json;

fn set(id: &str) -> &'static PolicySet {
    PolicySet::find(id).unwrap_or_else(|| panic!("built-in set {id}"))
}

fn default_of(set: &PolicySet, id: &str) -> Decimal {
    set.value(id)
        .unwrap_or_else(|| panic!("{} has {id}", set.id))
        .default
}

#[test]
fn a_scenario_that_names_no_set_gets_the_newest() {
    let newest = PolicySet::newest().expect("built-in sets");
    assert_eq!(newest.id, DEFAULT_POLICY_ID);
    assert_eq!(newest.effective_date, "2025-08-01");
    let (comparison, json) = run(&json!({}));
    assert!(comparison.ok());
    assert_eq!(json["policy"]["id"], DEFAULT_POLICY_ID);
    assert_eq!(json["policy"]["effective_from"], "2025-08-01");
    // Naming it changes nothing.
    let (_, named) = run(&json!({ "policy": DEFAULT_POLICY_ID }));
    assert_eq!(named, json);
}

#[test]
fn each_set_is_based_on_the_one_before_it() {
    let sets = PolicySet::builtin();
    assert_eq!(sets.len(), 3);
    let mut dated: Vec<&PolicySet> = sets.iter().collect();
    dated.sort_by(|a, b| a.effective_date.cmp(&b.effective_date));
    let ids: Vec<&str> = dated.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "aliexpress-2024",
            "aliexpress-2025-02",
            "aliexpress-2025-08"
        ]
    );
    assert!(dated[0].previous().is_none());
    for pair in dated.windows(2) {
        assert_eq!(
            pair[1].previous().map(|p| p.id.as_str()),
            Some(pair[0].id.as_str())
        );
        // A later set carries every value of the earlier one (it inherits what it does not
        // restate), so that a scenario's overrides keep working across sets.
        for v in &pair[0].values {
            assert!(
                pair[1].value(&v.id).is_some(),
                "{} lost {}",
                pair[1].id,
                v.id
            );
        }
    }
}

#[test]
fn every_value_of_every_set_names_a_source_it_has() {
    for set in PolicySet::builtin() {
        for v in &set.values {
            assert!(
                v.is_assumption() || set.sources.contains_key(&v.source),
                "{}: {} cites {}, which the set does not list",
                set.id,
                v.id,
                v.source
            );
            assert!(!v.note.is_empty(), "{}: {} has no note", set.id, v.id);
        }
    }
}

/// In February 2025 the one commission became a category commission plus a 2.5% service fee:
/// for POP, the two together are the 2024 commission in every category.
#[test]
fn the_2025_split_keeps_pops_total_fee_in_every_category() {
    let before = set("aliexpress-2024");
    let after = set("aliexpress-2025-02");
    assert_eq!(default_of(before, "service_fee.rate"), Decimal::ZERO);
    assert_eq!(default_of(after, "service_fee.rate"), dec("2.5"));
    assert!(!after.categories.is_empty());
    for category in &after.categories {
        let id = format!("commission.{}", category.id);
        assert_eq!(
            default_of(after, &id) + default_of(after, "service_fee.rate"),
            default_of(before, &id),
            "{id}"
        );
        // And so POP earns the same in both sets, to the unrounded decimal.
        let scenario =
            |policy: &str| json!({ "policy": policy, "product": { "category": category.id } });
        let (old, _) = run(&scenario("aliexpress-2024"));
        let (new, _) = run(&scenario("aliexpress-2025-02"));
        assert_eq!(
            model(&old, ModelKind::Pop).profit_per_unit,
            model(&new, ModelKind::Pop).profit_per_unit,
            "{id}"
        );
    }
}

/// Semi-managed's waiver covers the commission and not the service fee, so it pays 2.5 points
/// more from February 2025 (docs/model.md, "Fees over time").
#[test]
fn semi_managed_pays_the_service_fee_its_waiver_does_not_cover() {
    let (_, old) = run(&json!({ "policy": "aliexpress-2024" }));
    let (_, new) = run(&json!({ "policy": "aliexpress-2025-02" }));
    let semi_old = model_json(&old, ModelKind::Semi);
    let semi_new = model_json(&new, ModelKind::Semi);
    assert_eq!(text(semi_old, "profit_per_unit"), "12.78");
    assert_eq!(text(semi_new, "profit_per_unit"), "10.54");
    // 2.5% × 93.528 = 2.3382, less the 4% of it refunds return: 2.244672.
    let (old_c, _) = run(&json!({ "policy": "aliexpress-2024" }));
    let (new_c, _) = run(&json!({ "policy": "aliexpress-2025-02" }));
    assert_eq!(
        model(&old_c, ModelKind::Semi).profit_per_unit
            - model(&new_c, ModelKind::Semi).profit_per_unit,
        dec("2.244672")
    );
    // The waiver of the service fee is an assumption a rep can override: waived in full, the
    // 2024 figure comes back.
    let (waived, _) = run(&json!({
        "policy": "aliexpress-2025-02",
        "assumptions": { "semi.warehouse_service_fee_waiver": "100" }
    }));
    assert_eq!(
        model(&waived, ModelKind::Semi).profit_per_unit,
        model(&old_c, ModelKind::Semi).profit_per_unit
    );
}

#[test]
fn what_changed_in_august_2025() {
    let newest = set("aliexpress-2025-08");
    let previous = newest.previous().expect("based on February 2025");
    let changed: Vec<&str> = newest
        .changes_from(previous)
        .into_iter()
        .map(|(id, before, after)| {
            // The new rates were not published: the default stays, the note says so.
            assert_eq!(before, after, "{id}");
            assert_eq!(
                newest.value(id).unwrap().note_key.as_deref(),
                Some("commission_changed")
            );
            id
        })
        .collect();
    assert_eq!(
        changed,
        [
            "commission.apparel",
            "commission.consumer_electronics",
            "commission.beauty",
            "commission.automotive"
        ],
        "in the set's order of categories"
    );
    // February 2025's changes from 2024 include the service fee and every commission.
    let february = set("aliexpress-2025-02");
    let changes = february.changes_from(set("aliexpress-2024"));
    assert!(changes
        .iter()
        .any(|&(id, before, after)| id == "service_fee.rate"
            && before == Some(Decimal::ZERO)
            && after == Some(dec("2.5"))));
    for category in &february.categories {
        let id = format!("commission.{}", category.id);
        assert!(changes.iter().any(|c| c.0 == id), "{id} changed");
    }
    // A set compared with itself has no changes.
    assert!(newest.changes_from(newest).is_empty());
}

#[test]
fn an_unknown_set_is_an_error_on_the_policy_field() {
    let (comparison, json) = run(&json!({ "policy": "aliexpress-1999" }));
    assert!(!comparison.ok());
    assert_eq!(json["errors"][0]["field"], "policy");
}

/// `window.sellerCalc.policies()`: the three sets, oldest first, with their dates; each value
/// dated by the set that last stated it.
#[test]
fn the_api_lists_the_sets_with_their_dates() {
    let report = policies_report();
    let sets = report.as_array().expect("a list");
    let dated: Vec<(&str, &str)> = sets
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap_or_default(),
                s["effective_from"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        dated,
        [
            ("aliexpress-2024", "2024-01-01"),
            ("aliexpress-2025-02", "2025-02-19"),
            ("aliexpress-2025-08", "2025-08-01")
        ]
    );
    let newest = &sets[2];
    assert_eq!(newest["based_on"], "aliexpress-2025-02");
    let since = |id: &str| {
        newest["values"]
            .as_array()
            .and_then(|values| values.iter().find(|v| v["id"] == id))
            .map(|v| v["since"].clone())
    };
    assert_eq!(since("service_fee.rate"), Some(json!("2025-02-19")));
    assert_eq!(since("commission.apparel"), Some(json!("2025-08-01")));
    assert_eq!(since("fx.USD"), Some(json!("2024-01-01")));
}
