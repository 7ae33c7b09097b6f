//! The settings every product of the catalog shares: the calculator's autosaved inputs (the same
//! browser, the same origin), or its defaults when there are none. A column in the file overrides
//! a setting per product.

use sellercalc_engine::catalog::CatalogFile;
use sellercalc_engine::decimal::parse_decimal;
use sellercalc_engine::PolicySet;
use serde_json::Value;

use crate::format;
use crate::i18n::{self, share::share_texts, Lang};
use crate::state::{scenario_json, Field, Snapshot};
use crate::storage;

/// The base scenario of every row.
#[derive(Clone, Debug, PartialEq)]
pub struct Base {
    /// The calculator's inputs.
    pub snapshot: Snapshot,
    /// The same as scenario JSON, for the engine.
    pub json: Value,
    /// Whether they came from the calculator's autosave (else they are its defaults).
    pub from_calculator: bool,
}

impl Base {
    /// The calculator's last inputs in this browser, else its defaults.
    pub fn load() -> Base {
        match storage::load_autosave() {
            Ok(Some(saved)) => Base::of(saved.current, true),
            _ => Base::of(Snapshot::defaults(), false),
        }
    }

    /// The base for `snapshot`. Stored numbers are canonical, so they are read as English.
    pub fn of(snapshot: Snapshot, from_calculator: bool) -> Base {
        let json = scenario_json(&snapshot.form, &snapshot.assumptions, Lang::En);
        Base {
            snapshot,
            json,
            from_calculator,
        }
    }

    /// A field's value as the calculator shows it, in `lang`; `None` when it is empty.
    pub fn value(&self, field: Field, lang: Lang) -> Option<String> {
        let text = self.snapshot.form.get(&field)?.trim();
        if text.is_empty() {
            return None;
        }
        let t = lang.texts();
        let decimal = || parse_decimal(text).ok();
        let cost = || self.text(Field::CostCurrency);
        let sale = || self.text(Field::SaleCurrency);
        let policy = PolicySet::default_set();
        Some(match field {
            Field::Destination => {
                let english = policy.destination(text).map_or("", |d| d.name.as_str());
                i18n::destination_name(lang, text, english)
            }
            Field::Category => {
                let english = policy.category(text).map_or(text, |c| c.name.as_str());
                i18n::category_name(t, text, english).to_owned()
            }
            Field::SemiMode if text == "jit" => t.inputs.mode_jit.to_owned(),
            Field::SemiMode => t.inputs.mode_warehouse.to_owned(),
            Field::SemiPopular => {
                let s = share_texts(lang);
                if text == "true" { s.yes } else { s.no }.to_owned()
            }
            Field::UnitCost | Field::Packaging | Field::SupplyPrice => {
                format::money(decimal()?, &cost())
            }
            Field::Price | Field::SemiPrice => format::money(decimal()?, &sale()),
            Field::ReturnRate | Field::AdSpend | Field::AffiliateShare | Field::AffiliateRate => {
                format::percent_plain(decimal()?)
            }
            Field::WeightG => format!("{} g", format::number(decimal()?, 2)),
            Field::MonthlyUnits | Field::Rate => format::number(decimal()?, 6),
            Field::CostCurrency | Field::SaleCurrency => text.to_owned(),
        })
    }

    fn text(&self, field: Field) -> String {
        self.snapshot.form.get(&field).cloned().unwrap_or_default()
    }

    /// "Label: value" for every setting that the file does not set per product and that is not
    /// one of the main columns (those are reported one by one when missing).
    pub fn summary(&self, lang: Lang, file: Option<&CatalogFile>) -> Vec<String> {
        const SHARED: [Field; 11] = [
            Field::Destination,
            Field::CostCurrency,
            Field::SaleCurrency,
            Field::Rate,
            Field::ReturnRate,
            Field::AdSpend,
            Field::AffiliateShare,
            Field::AffiliateRate,
            Field::SemiPrice,
            Field::SemiMode,
            Field::SemiPopular,
        ];
        let mut lines: Vec<String> = SHARED
            .into_iter()
            .filter(|field| file.is_none_or(|f| f.column_of(field.path()).is_none()))
            .filter_map(|field| {
                self.value(field, lang)
                    .map(|value| labelled(lang, field.label(lang), &value))
            })
            .collect();
        let changed = self.snapshot.assumptions.len();
        if changed > 0 {
            let t = lang.texts();
            let count = format::number(changed.into(), 0);
            let note = i18n::fill_one(t.assumptions.changed, &count);
            lines.push(labelled(lang, t.assumptions.title, &note));
        }
        lines
    }
}

/// "Label: value" as the language writes it (a full-width colon in Chinese, a space before it in
/// French).
fn labelled(lang: Lang, label: &str, value: &str) -> String {
    i18n::fill_all(lang.catalog().label_value, &[label, value])
}

/// The calculator field behind a scenario path, if the calculator has one.
pub fn field_of(path: &str) -> Option<Field> {
    Field::ALL.into_iter().find(|f| f.path() == path)
}
