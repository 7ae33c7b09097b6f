//! The settings every product of the catalog shares: the calculator's autosaved inputs (the same
//! browser, the same origin), or its defaults when there are none, and the set of AliExpress fees
//! its scenario uses. A column in the file overrides a setting per product.

use std::collections::BTreeMap;

use sellercalc_engine::catalog::{CatalogFile, ColumnKind};
use sellercalc_engine::decimal::parse_decimal;
use sellercalc_engine::{Field, Input, PolicySet, ScenarioInput, Unit};

use crate::format;
use crate::i18n::{self, input_label, share::share_texts, Lang, Locale};
use crate::state::{scenario_input, Snapshot};
use crate::storage;

/// The base scenario of every row.
#[derive(Clone, Debug)]
pub struct Base {
    /// The calculator's inputs.
    pub snapshot: Snapshot,
    /// The same as the engine's inputs.
    pub input: ScenarioInput,
    /// Whether they came from the calculator's autosave (else they are its defaults).
    pub from_calculator: bool,
    /// The policy set the calculator's scenario uses (`Snapshot::policy`).
    pub policy: &'static PolicySet,
}

impl Base {
    /// The calculator's last inputs in this browser, else its defaults.
    pub fn load() -> Base {
        match storage::load_autosave() {
            // Not a session whose restoring stopped the calculator.
            Ok(Some(storage::StoredSession::Session(saved))) => Base::of(saved.current, true),
            _ => Base::of(Snapshot::defaults(), false),
        }
    }

    /// The base for `snapshot`. Stored numbers are canonical, so they are read as English.
    pub fn of(snapshot: Snapshot, from_calculator: bool) -> Base {
        let input = scenario_input(
            &snapshot.form,
            &snapshot.assumptions,
            &snapshot.policy,
            Lang::En,
        );
        // The set the calculator's scenario was made with (a stored id it does not know reads as
        // the newest, as in the calculator).
        let policy = PolicySet::find(&snapshot.policy)
            .or_else(PolicySet::newest)
            .unwrap_or_else(PolicySet::default_set);
        Base {
            snapshot,
            input,
            from_calculator,
            policy,
        }
    }

    /// The calculator's inputs under `policy`: the scenario names that set, and the policy
    /// values the user changed in the calculator that the set does not have are left out (listed
    /// in [`Base::left_out`]), so that they do not make every row an error.
    pub fn input_for(&self, policy: &PolicySet) -> ScenarioInput {
        let kept: BTreeMap<String, String> = self
            .snapshot
            .assumptions
            .iter()
            .filter(|(id, _)| policy.current_id(id).is_some())
            .map(|(id, text)| (id.clone(), text.clone()))
            .collect();
        scenario_input(&self.snapshot.form, &kept, &policy.id, Lang::En)
    }

    /// The ids of the policy values changed in the calculator that `policy` does not have.
    pub fn left_out(&self, policy: &PolicySet) -> Vec<&str> {
        self.snapshot
            .assumptions
            .keys()
            .filter(|id| policy.current_id(id).is_none())
            .map(String::as_str)
            .collect()
    }

    /// A field's value as the calculator shows it, in `locale`; `None` when it is empty.
    pub fn value(&self, field: Input, locale: &Locale) -> Option<String> {
        let text = self.snapshot.form.get(&field)?.trim();
        if text.is_empty() {
            return None;
        }
        let lang = locale.lang;
        let t = lang.texts();
        let decimal = || parse_decimal(text).ok();
        let cost = || self.text(Input::CostCurrency);
        let sale = || self.text(Input::SaleCurrency);
        let policy = PolicySet::default_set();
        Some(match field {
            Input::Destination => {
                let english = policy.destination(text).map_or("", |d| d.name.as_str());
                i18n::destination_name(lang, text, english)
            }
            Input::Category => {
                let english = policy.category(text).map_or(text, |c| c.name.as_str());
                i18n::category_name(t, text, english).to_owned()
            }
            Input::SemiMode if text == "jit" => t.inputs.mode_jit.to_owned(),
            Input::SemiMode => t.inputs.mode_warehouse.to_owned(),
            Input::SemiPopular | Input::EarlyPayout => {
                let s = share_texts(lang);
                if text == "true" { s.yes } else { s.no }.to_owned()
            }
            Input::PopShipping => policy
                .service(text)
                .map_or(text, |s| s.name.as_str())
                .to_owned(),
            _ => match field.unit() {
                Unit::CostMoney => format::money(locale, decimal()?, &cost()),
                Unit::SaleMoney => format::money(locale, decimal()?, &sale()),
                Unit::Percent => format::percent_plain(locale, decimal()?),
                Unit::Grams => format!("{} g", format::number(locale, decimal()?, 2)),
                Unit::Centimetres => format!("{} cm", format::number(locale, decimal()?, 2)),
                Unit::Units | Unit::ExchangeRate => format::number(locale, decimal()?, 6),
                _ => text.to_owned(),
            },
        })
    }

    fn text(&self, field: Input) -> String {
        self.snapshot.form.get(&field).cloned().unwrap_or_default()
    }

    /// "Label: value" for every setting that the file does not set per product and that is not
    /// one of the main columns (those are reported one by one when missing).
    pub fn summary(&self, locale: &Locale, file: Option<&CatalogFile>) -> Vec<String> {
        let lang = locale.lang;
        const SHARED: [Input; 11] = [
            Input::Destination,
            Input::CostCurrency,
            Input::SaleCurrency,
            Input::Rate,
            Input::ReturnRate,
            Input::AdSpend,
            Input::AffiliateShare,
            Input::AffiliateRate,
            Input::SemiPrice,
            Input::SemiMode,
            Input::SemiPopular,
        ];
        let mut lines: Vec<String> = SHARED
            .into_iter()
            .filter(|field| file.is_none_or(|f| !sets(f, *field)))
            .filter_map(|field| {
                self.value(field, locale)
                    .map(|value| labelled(lang, input_label(lang, field), &value))
            })
            .collect();
        let changed = self.snapshot.assumptions.len();
        if changed > 0 {
            let t = lang.texts();
            let count = format::number(locale, changed.into(), 0);
            let note = i18n::fill_one(t.assumptions.changed, &count);
            lines.push(labelled(lang, t.assumptions.title, &note));
        }
        lines
    }
}

/// Whether the file sets `field` per product: its own column, or for the destination the market
/// mix's (issue #15).
fn sets(file: &CatalogFile, field: Input) -> bool {
    file.column_of_input(field).is_some()
        || (field == Input::Destination
            && file
                .column_of(&ColumnKind::Field(Field::Destinations))
                .is_some())
}

/// "Label: value" as the language writes it (a full-width colon in Chinese, a space before it in
/// French).
fn labelled(lang: Lang, label: &str, value: &str) -> String {
    i18n::fill_all(lang.catalog().label_value, &[label, value])
}
