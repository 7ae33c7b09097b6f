//! Exports of the comparison for the seller: CSV with every line item, and JSON in the format of
//! `window.sellerCalc.compare` plus the scenario. Both are built from the engine's serialized
//! report, so every amount is the engine's once-rounded decimal string; files are downloaded from
//! a Blob, without any network request.
//!
//! Exports stay English whatever language the page is in: they are data for spreadsheets and
//! scripts, so their headers, labels, units and scenario names are stable across visitors.

use std::str::FromStr;

use sellercalc_engine::catalog::spreadsheet_safe;
use sellercalc_engine::{Comparison, Decimal, Input, ModelKind, Unit};
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

use crate::i18n::{input_label, Lang};
use crate::js_api::VERSION;
use crate::state::{scenario_input, Snapshot};
use crate::storage::json_text;

/// The CSV file's name.
pub const CSV_FILE: &str = "sellercalc-comparison.csv";
/// The JSON file's name.
pub const JSON_FILE: &str = "sellercalc-comparison.json";
/// The JSON export's format version.
pub const EXPORT_VERSION: u64 = 1;

/// One scenario to export.
pub struct Column<'a> {
    /// `A`, `B` or `current`.
    pub name: &'a str,
    /// Its inputs.
    pub snapshot: &'a Snapshot,
    /// Its figures.
    pub comparison: &'a Comparison,
    /// The link that opens it.
    pub link: String,
}

/// The unit an input is in: a currency code, `%`, `g`…; empty for names.
pub fn field_unit(field: Input, snapshot: &Snapshot) -> String {
    let text = |f: Input| snapshot.form.get(&f).cloned().unwrap_or_default();
    match field.unit() {
        Unit::CostMoney => text(Input::CostCurrency),
        Unit::SaleMoney => text(Input::SaleCurrency),
        Unit::ExchangeRate => format!(
            "{} per {}",
            text(Input::CostCurrency),
            text(Input::SaleCurrency)
        ),
        Unit::Grams => "g".to_owned(),
        Unit::Percent => "%".to_owned(),
        Unit::Units => "units".to_owned(),
        _ => String::new(),
    }
}

/// One CSV cell: text that a spreadsheet would run as a formula gets a leading `'` (the engine's
/// rule, shared with the catalog export), and a cell with a comma, quote or line break is quoted
/// (RFC 4180).
pub fn csv_cell(text: &str) -> String {
    let text = spreadsheet_safe(text);
    if text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.into_owned()
    }
}

/// The CSV's columns.
const CSV_HEADER: [&str; 8] = [
    "scenario", "model", "kind", "key", "label", "value", "unit", "rule",
];

/// The figures exported per model: (key, label), read from the model's report.
const FIGURES: [(&str, &str); 7] = [
    ("profit_per_unit", "Profit per unit"),
    ("monthly_units", "Units a month"),
    ("monthly_profit", "Monthly profit"),
    ("margin_pct", "Margin"),
    ("break_even_price", "Break-even price"),
    ("days_to_cash", "Days to cash"),
    ("capital_tied", "Money tied up"),
];

fn text_at<'v>(value: &'v Value, path: &[&str]) -> &'v str {
    path.iter()
        .try_fold(value, |v, key| v.get(key))
        .and_then(Value::as_str)
        .unwrap_or("")
}

/// A figure's value and unit in a model's report.
fn figure(model: &Value, cost_currency: &str, key: &str) -> (String, String) {
    let text = |path: &[&str]| text_at(model, path).to_owned();
    match key {
        "monthly_units" => (text(&["monthly_units"]), "units".to_owned()),
        "margin_pct" => (text(&["margin_pct"]), "%".to_owned()),
        "break_even_price" => (text(&["break_even_price"]), text(&["break_even_currency"])),
        "days_to_cash" => (text(&["cash", "days_to_cash"]), "days".to_owned()),
        "capital_tied" => (text(&["cash", "capital_tied"]), cost_currency.to_owned()),
        _ => (text(&[key]), cost_currency.to_owned()),
    }
}

/// The comparison as CSV: per scenario, its inputs, any errors, and per model what the seller is
/// paid, every line item with its rule, and the figures; with two scenarios, the differences B−A.
pub fn csv(columns: &[Column]) -> String {
    let mut rows: Vec<[String; 8]> = vec![CSV_HEADER.map(str::to_owned)];
    let mut push = |cells: [&str; 8]| rows.push(cells.map(str::to_owned));
    let reports: Vec<Value> = columns.iter().map(|c| report(c.comparison)).collect();
    for (column, report) in columns.iter().zip(&reports) {
        let name = column.name;
        for field in Input::ALL {
            let text = column.snapshot.form.get(&field).map_or("", String::as_str);
            let unit = field_unit(field, column.snapshot);
            push([
                name,
                "",
                "input",
                field.path(),
                input_label(Lang::En, field),
                text,
                &unit,
                "",
            ]);
        }
        let policy = column.comparison.policy_id.as_str();
        for (id, text) in &column.snapshot.assumptions {
            let spec = sellercalc_engine::PolicySet::find(policy).and_then(|p| p.value(id));
            let (label, unit) = spec.map_or(("", ""), |v| (v.label.as_str(), v.unit.as_str()));
            push([name, "", "assumption", id, label, text, unit, ""]);
        }
        for error in &column.comparison.errors {
            let (path, message) = (error.path(), error.english());
            push([name, "", "error", &path, &message, "", "", ""]);
        }
        if let Some(best) = column.comparison.best() {
            push([name, "", "summary", "best", "Earns most", best.id(), "", ""]);
        }
        let cost = text_at(report, &["currency", "cost"]);
        for kind in ModelKind::ALL {
            let model = &report["models"][kind.id()];
            if model.is_null() {
                continue;
            }
            let id = kind.id();
            push([
                name,
                id,
                "revenue",
                "revenue_per_unit",
                "You are paid",
                text_at(model, &["revenue_per_unit"]),
                cost,
                text_at(model, &["revenue_rule"]),
            ]);
            for item in model["line_items"].as_array().into_iter().flatten() {
                push([
                    name,
                    id,
                    "line_item",
                    text_at(item, &["key"]),
                    text_at(item, &["label"]),
                    text_at(item, &["amount"]),
                    cost,
                    text_at(item, &["rule"]),
                ]);
            }
            for (key, label) in FIGURES {
                let (value, unit) = figure(model, cost, key);
                let rule = if key == "days_to_cash" {
                    text_at(model, &["cash", "rule"])
                } else {
                    ""
                };
                push([name, id, "figure", key, label, &value, &unit, rule]);
            }
        }
    }
    if let ([a, b], [report_a, report_b]) = (columns, reports.as_slice()) {
        let name = format!("{}-{}", b.name, a.name);
        let cost_a = text_at(report_a, &["currency", "cost"]);
        let cost_b = text_at(report_b, &["currency", "cost"]);
        for kind in ModelKind::ALL {
            let (model_a, model_b) = (
                &report_a["models"][kind.id()],
                &report_b["models"][kind.id()],
            );
            if model_a.is_null() || model_b.is_null() {
                continue;
            }
            for (key, label) in FIGURES {
                let (value_a, unit_a) = figure(model_a, cost_a, key);
                let (value_b, unit_b) = figure(model_b, cost_b, key);
                let difference = match (Decimal::from_str(&value_a), Decimal::from_str(&value_b)) {
                    (Ok(a), Ok(b)) if unit_a == unit_b => {
                        b.checked_sub(a).map(|d| d.to_string()).unwrap_or_default()
                    }
                    _ => continue,
                };
                push([
                    &name,
                    kind.id(),
                    "difference",
                    key,
                    label,
                    &difference,
                    &unit_b,
                    "",
                ]);
            }
        }
    }
    let mut out = String::from('\u{feff}');
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The comparison as JSON: per scenario its link, its scenario (the input of
/// `window.sellerCalc.compare`) and its result (that function's output).
pub fn json(columns: &[Column]) -> String {
    let scenarios: Vec<Value> = columns
        .iter()
        .map(|c| {
            json!({
                "name": c.name,
                "link": c.link,
                "scenario": scenario_input(&c.snapshot.form, &c.snapshot.assumptions, &c.snapshot.policy, Lang::En).to_json(),
                "result": report(c.comparison),
            })
        })
        .collect();
    let export = json!({
        "format": "sellercalc-comparison",
        "version": EXPORT_VERSION,
        "app_version": VERSION,
        "exported_at": String::from(js_sys::Date::new_0().to_iso_string()),
        "scenarios": scenarios,
    });
    json_text(&export, true)
}

/// The comparison as `window.sellerCalc.compare` returns it.
fn report(comparison: &Comparison) -> Value {
    serde_json::to_value(comparison).unwrap_or(Value::Null)
}

/// Offers `text` as a file download; `false` when the browser refused.
pub fn download(file_name: &str, mime: &str, text: &str) -> bool {
    let run = || -> Option<()> {
        let document = web_sys::window()?.document()?;
        let parts = js_sys::Array::of1(&text.into());
        let options = BlobPropertyBag::new();
        options.set_type(mime);
        let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = Url::create_object_url_with_blob(&blob).ok()?;
        let anchor: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.click();
        // The download has started from the URL by the time this runs; free the file's memory.
        gloo_timers::callback::Timeout::new(10_000, move || {
            let _ = Url::revoke_object_url(&url);
        })
        .forget();
        Some(())
    };
    run().is_some()
}
