//! docs/model.md must say what the engine computes: each worked example's scenario is run, and
//! every figure in its tables and in their `<!-- check ... -->` markers is compared with the
//! output. A scenario applies to every table after it until the next one; each table ends with a
//! marker naming its model.
//! The page must also name every line item and every policy value.

mod common;

use common::{model_json, run};
use sellercalc_engine::{ModelKind, PolicySet, DEFAULT_POLICY_ID};
use serde_json::Value;

const MODEL_MD: &str = include_str!("../../docs/model.md");

/// One worked example: its scenario, the figures of its table, and those of its marker.
struct Example {
    model: String,
    scenario: String,
    /// (key, figure) from each table row whose second cell is a `key`.
    rows: Vec<(String, String)>,
    /// (key, figure) from the marker.
    checks: Vec<(String, String)>,
}

fn examples() -> Vec<Example> {
    let (_, worked) = MODEL_MD
        .split_once("## Worked examples")
        .expect("docs/model.md has a \"## Worked examples\" section");
    let mut examples = Vec::new();
    let mut scenario: Option<String> = None;
    let mut in_json = false;
    let mut rows = Vec::new();
    for line in worked.lines() {
        let trimmed = line.trim();
        if in_json {
            if trimmed == "```" {
                in_json = false;
            } else if let Some(text) = scenario.as_mut() {
                text.push_str(line);
                text.push('\n');
            }
        } else if trimmed == "```json" {
            assert!(
                rows.is_empty(),
                "a table without a check marker before a scenario"
            );
            scenario = Some(String::new());
            in_json = true;
        } else if trimmed.starts_with('|') {
            let cells: Vec<&str> = trimmed
                .trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect();
            if let Some(key) = cells
                .get(1)
                .and_then(|c| c.strip_prefix('`'))
                .and_then(|c| c.strip_suffix('`'))
            {
                let figure = cells.get(2).expect("a figure column").trim_matches('*');
                rows.push((key.to_owned(), figure.to_owned()));
            }
        } else if let Some(marker) = trimmed
            .strip_prefix("<!-- check ")
            .and_then(|m| m.strip_suffix("-->"))
        {
            let mut model = None;
            let mut checks = Vec::new();
            for pair in marker.split_whitespace() {
                let (key, value) = pair
                    .split_once('=')
                    .unwrap_or_else(|| panic!("marker entry {pair:?} is not key=value"));
                if key == "model" {
                    model = Some(value.to_owned());
                } else {
                    checks.push((key.to_owned(), value.to_owned()));
                }
            }
            examples.push(Example {
                model: model.expect("the marker names its model"),
                scenario: scenario
                    .clone()
                    .expect("a ```json scenario before the marker"),
                rows: std::mem::take(&mut rows),
                checks,
            });
        }
    }
    assert!(rows.is_empty(), "a table without a check marker");
    examples
}

/// The output figure that a documented key stands for: a line item's amount (`last_mile`), its
/// waived fee (`warehouse_rent.waived`), or a model field (`profit_per_unit`, `cash.capital_tied`).
fn figure<'a>(model: &'a Value, key: &str) -> Option<&'a str> {
    let items = model["line_items"].as_array()?;
    let (item_key, field) = match key.strip_suffix(".waived") {
        Some(item_key) => (item_key, "waived"),
        None => (key, "amount"),
    };
    if let Some(item) = items.iter().find(|item| item["key"] == item_key) {
        return item[field].as_str();
    }
    model
        .pointer(&format!("/{}", key.replace('.', "/")))
        .and_then(Value::as_str)
}

fn kind(id: &str) -> ModelKind {
    ModelKind::ALL
        .into_iter()
        .find(|k| k.id() == id)
        .unwrap_or_else(|| panic!("unknown model {id:?} in a marker"))
}

#[test]
fn worked_examples_cover_every_model_and_mode() {
    let models: Vec<String> = examples().into_iter().map(|e| e.model).collect();
    // The default scenario in all three; popular warehouse goods; the phone case (semi JIT);
    // the default scenario sold to two markets (issue #15), fully managed's for its days per
    // market (item 7).
    assert_eq!(
        models,
        ["pop", "semi", "full", "semi", "pop", "semi", "full", "pop", "semi", "full"]
    );
    let modes: Vec<String> = examples()
        .iter()
        .filter(|e| e.model == "semi")
        .map(|e| {
            let scenario: Value = serde_json::from_str(&e.scenario).expect("JSON");
            format!(
                "{}{}",
                scenario["semi"]["mode"], scenario["semi"]["popular"]
            )
        })
        .collect();
    assert_eq!(
        modes,
        [
            "\"warehouse\"null",
            "\"warehouse\"true",
            "\"jit\"null",
            "\"warehouse\"null"
        ]
    );
}

#[test]
fn worked_examples_match_the_engine() {
    for example in examples() {
        let scenario: Value = serde_json::from_str(&example.scenario)
            .unwrap_or_else(|e| panic!("{} scenario is not JSON: {e}", example.model));
        let (comparison, json) = run(&scenario);
        assert!(
            comparison.ok(),
            "{} scenario: {:?}",
            example.model,
            comparison.errors
        );
        let model = model_json(&json, kind(&example.model));
        assert!(
            example.checks.len() >= 3,
            "{}: too few checks",
            example.model
        );
        for (key, stated) in example.rows.iter().chain(&example.checks) {
            assert_eq!(
                figure(model, key),
                Some(stated.as_str()),
                "docs/model.md, {} example, `{key}`",
                example.model
            );
        }
        // The table shows every line, so no cost is left out of the explanation.
        for item in model["line_items"].as_array().expect("line items") {
            let key = item["key"].as_str().expect("key");
            assert!(
                example.rows.iter().any(|(k, _)| k == key),
                "docs/model.md, {} example, has no row for `{key}`",
                example.model
            );
        }
        for key in [
            "revenue_per_unit",
            "profit_per_unit",
            "monthly_profit",
            "margin_pct",
            "roi_pct",
            "break_even_price",
            "cash.days_to_cash",
            "cash.capital_tied",
            "cash.return_on_capital_pct",
        ] {
            assert!(
                example.rows.iter().any(|(k, _)| k == key),
                "docs/model.md, {} example, has no row for `{key}`",
                example.model
            );
        }
    }
}

#[test]
fn every_line_item_is_explained() {
    let mut keys = Vec::new();
    for scenario in [
        serde_json::json!({}),
        serde_json::json!({ "semi": { "mode": "jit" } }),
    ] {
        let (comparison, _) = run(&scenario);
        for kind in ModelKind::ALL {
            for item in &comparison.model(kind).expect("computed").line_items {
                keys.push(item.key);
            }
        }
    }
    for key in keys {
        assert!(
            MODEL_MD.contains(&format!("`{key}`")),
            "docs/model.md does not explain the line `{key}`"
        );
    }
}

#[test]
fn every_policy_value_is_named() {
    let policy = PolicySet::find(DEFAULT_POLICY_ID).expect("built-in policy");
    for value in &policy.values {
        let parts: Vec<&str> = value.id.split('.').collect();
        // Families are documented once, with a placeholder for the part that varies.
        let documented = match parts.as_slice() {
            ["commission", _] => "commission.<category>".to_owned(),
            ["postage", service, _, _, _] => format!("postage.{service}.<dest>.<band>"),
            ["logistics", _, what] => format!("logistics.<service>.{what}"),
            ["first_mile", model, _] => format!("first_mile.{model}.*"),
            ["returns", _, what] => format!("returns.<m>.{what}"),
            ["vat", _, "rate"] => "vat.<destination>.rate".to_owned(),
            _ => value.id.clone(),
        };
        assert!(
            MODEL_MD.contains(&documented),
            "docs/model.md does not name the policy value {} (as {documented})",
            value.id
        );
    }
}

/// The "Fees over time" section: Example 1 under each built-in set, each monthly profit as the
/// marker states it, and every set named there.
#[test]
fn fees_over_time_match_the_engine() {
    let (_, section) = MODEL_MD
        .split_once("### Fees over time")
        .expect("docs/model.md has a \"Fees over time\" section");
    let marker = section
        .lines()
        .find_map(|l| l.trim().strip_prefix("<!-- fees-over-time "))
        .and_then(|m| m.strip_suffix("-->"))
        .expect("a fees-over-time marker");
    let example = examples().into_iter().next().expect("Example 1");
    let mut scenario: Value = serde_json::from_str(&example.scenario).expect("JSON");
    let mut sets = std::collections::BTreeSet::new();
    for entry in marker.split_whitespace() {
        let (key, stated) = entry.split_once('=').expect("set:model=figure");
        let (set, model) = key.split_once(':').expect("set:model");
        sets.insert(set.to_owned());
        scenario["policy"] = Value::String(set.to_owned());
        let (comparison, json) = run(&scenario);
        assert!(comparison.ok(), "{set}: {:?}", comparison.errors);
        assert_eq!(json["policy"]["id"], set);
        assert_eq!(
            model_json(&json, kind(model))["monthly_profit"].as_str(),
            Some(stated),
            "docs/model.md, fees over time, {set} {model}"
        );
    }
    let builtin: std::collections::BTreeSet<String> =
        PolicySet::builtin().iter().map(|p| p.id.clone()).collect();
    assert_eq!(sets, builtin, "every built-in set is in the table");
}
