//! The page's state: what the user typed, the assumptions they changed, and the figures computed
//! from them. The UI sends [`Action`]s and renders [`State`]; it does no arithmetic of its own.

use std::collections::BTreeMap;
use std::rc::Rc;

use sellercalc_engine::{
    compare, Comparison, ModelKind, ModelResult, PolicySet, Recommendation, Scenario,
};
use serde_json::{Map, Value};
use yew::Reducible;

use crate::i18n::share::share_texts;
use crate::i18n::{read_number, texts, Lang, NumberIssue};
use crate::presets::Preset;

/// An input on the page, named by its path in the scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// `currency.cost`
    CostCurrency,
    /// `currency.sale`
    SaleCurrency,
    /// `currency.rate`; empty takes the policy's table.
    Rate,
    /// `product.unit_cost`
    UnitCost,
    /// `product.packaging`
    Packaging,
    /// `product.weight_g`
    WeightG,
    /// `product.category`
    Category,
    /// `pop.price`, which semi-managed follows unless it has its own.
    Price,
    /// `monthly_units`
    MonthlyUnits,
    /// `destination`
    Destination,
    /// `return_rate_pct`
    ReturnRate,
    /// `pop.ad_spend_pct`
    AdSpend,
    /// `pop.affiliate_share_pct`
    AffiliateShare,
    /// `pop.affiliate_rate_pct`
    AffiliateRate,
    /// `semi.price`; empty follows the POP price.
    SemiPrice,
    /// `semi.mode`
    SemiMode,
    /// `semi.popular`
    SemiPopular,
    /// `full.supply_price`
    SupplyPrice,
}

impl Field {
    /// Every field, in form order.
    pub const ALL: [Field; 18] = [
        Field::CostCurrency,
        Field::SaleCurrency,
        Field::Rate,
        Field::UnitCost,
        Field::Packaging,
        Field::WeightG,
        Field::Category,
        Field::Price,
        Field::MonthlyUnits,
        Field::Destination,
        Field::ReturnRate,
        Field::AdSpend,
        Field::AffiliateShare,
        Field::AffiliateRate,
        Field::SemiPrice,
        Field::SemiMode,
        Field::SemiPopular,
        Field::SupplyPrice,
    ];

    /// The field's path in the scenario, which errors name.
    pub fn path(self) -> &'static str {
        match self {
            Field::CostCurrency => "currency.cost",
            Field::SaleCurrency => "currency.sale",
            Field::Rate => "currency.rate",
            Field::UnitCost => "product.unit_cost",
            Field::Packaging => "product.packaging",
            Field::WeightG => "product.weight_g",
            Field::Category => "product.category",
            Field::Price => "pop.price",
            Field::MonthlyUnits => "monthly_units",
            Field::Destination => "destination",
            Field::ReturnRate => "return_rate_pct",
            Field::AdSpend => "pop.ad_spend_pct",
            Field::AffiliateShare => "pop.affiliate_share_pct",
            Field::AffiliateRate => "pop.affiliate_rate_pct",
            Field::SemiPrice => "semi.price",
            Field::SemiMode => "semi.mode",
            Field::SemiPopular => "semi.popular",
            Field::SupplyPrice => "full.supply_price",
        }
    }

    /// The field's name in `lang`, as the page labels it, for the A/B comparison; exports use
    /// the English one. Two fields whose on-page label says less (the exchange rate's names its
    /// currencies; the semi-managed price sits in its group) have a name of their own.
    pub fn label(self, lang: Lang) -> &'static str {
        let i = &texts(lang).inputs;
        let s = share_texts(lang);
        match self {
            Field::CostCurrency => i.cost_currency,
            Field::SaleCurrency => i.sale_currency,
            Field::Rate => s.exchange_rate,
            Field::UnitCost => i.unit_cost,
            Field::Packaging => i.packaging,
            Field::WeightG => i.weight,
            Field::Category => i.category,
            Field::Price => i.sale_price,
            Field::MonthlyUnits => i.monthly_units,
            Field::Destination => i.destination,
            Field::ReturnRate => i.return_rate,
            Field::AdSpend => i.advertising,
            Field::AffiliateShare => i.affiliate_share,
            Field::AffiliateRate => i.affiliate_rate,
            Field::SemiPrice => s.semi_price,
            Field::SemiMode => i.semi_mode,
            Field::SemiPopular => i.popular,
            Field::SupplyPrice => i.supply_price,
        }
    }

    /// The id of the field's input element.
    pub fn dom_id(self) -> String {
        format!("in-{}", self.path().replace(['.', '_'], "-"))
    }

    /// Whether the field holds a number, typed in the page's language.
    pub fn is_number(self) -> bool {
        !matches!(
            self,
            Field::CostCurrency
                | Field::SaleCurrency
                | Field::Category
                | Field::Destination
                | Field::SemiMode
                | Field::SemiPopular
        )
    }

    /// Whether an empty value means "use the default" rather than an error.
    pub fn optional(self) -> bool {
        matches!(self, Field::Rate | Field::SemiPrice)
    }
}

/// What the user typed, exactly as typed.
pub type Form = BTreeMap<Field, String>;

/// The form filled with the engine's default scenario.
pub fn default_form() -> Form {
    let d = Scenario::default();
    let text = |value: sellercalc_engine::Decimal| value.normalize().to_string();
    Field::ALL
        .into_iter()
        .map(|field| {
            let value = match field {
                Field::CostCurrency => d.currency.cost.clone(),
                Field::SaleCurrency => d.currency.sale.clone(),
                Field::Rate | Field::SemiPrice => String::new(),
                Field::UnitCost => format!("{:.2}", d.product.unit_cost),
                Field::Packaging => format!("{:.2}", d.product.packaging),
                Field::WeightG => text(d.product.weight_g),
                Field::Category => d.product.category.clone(),
                Field::Price => format!("{:.2}", d.pop.price),
                Field::MonthlyUnits => text(d.monthly_units),
                Field::Destination => d.destination.clone(),
                Field::ReturnRate => text(d.return_rate_pct),
                Field::AdSpend => text(d.pop.ad_spend_pct),
                Field::AffiliateShare => text(d.pop.affiliate_share_pct),
                Field::AffiliateRate => text(d.pop.affiliate_rate_pct),
                Field::SemiMode => "warehouse".to_owned(),
                Field::SemiPopular => d.semi.popular.to_string(),
                Field::SupplyPrice => format!("{:.2}", d.full.supply_price),
            };
            (field, value)
        })
        .collect()
}

/// A scenario as the user typed it: what links, autosave and saved scenarios hold.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// What the user typed, for every field.
    pub form: Form,
    /// Policy values the user changed, by id, as typed.
    pub assumptions: BTreeMap<String, String>,
}

impl Snapshot {
    /// The default scenario.
    pub fn defaults() -> Self {
        Snapshot {
            form: default_form(),
            assumptions: BTreeMap::new(),
        }
    }
}

impl Default for Snapshot {
    fn default() -> Self {
        Self::defaults()
    }
}

/// Scenario A of an A/B comparison: the inputs and figures pinned to compare the current ones with.
#[derive(Clone, Debug)]
pub struct Pinned {
    /// The inputs when pinned.
    pub snapshot: Snapshot,
    /// Their comparison.
    pub comparison: Rc<Comparison>,
}

impl Pinned {
    /// Pins `snapshot`, computing its figures.
    pub fn of(snapshot: Snapshot) -> Self {
        let comparison = Rc::new(compare(&scenario_json(
            &snapshot.form,
            &snapshot.assumptions,
            Lang::En,
        )));
        Pinned {
            snapshot,
            comparison,
        }
    }
}

/// What the engine should read for a number typed in `lang`: the canonical decimal ("1234.5")
/// when the text reads as exactly one number, else something the engine rejects, so the models
/// that depend on it stop; the page words the problem itself (see [`State::number_issue`]).
fn engine_number(text: &str, lang: Lang) -> String {
    match read_number(lang, text) {
        Ok(canonical) => canonical,
        Err(NumberIssue::Empty) => String::new(),
        Err(_) => format!("not a number: {text}"),
    }
}

/// A canonical decimal ("1234.5") written for `lang` ("1234,5"); other text unchanged.
pub fn localized(canonical: &str, lang: Lang) -> String {
    let decimal = lang.separators().decimal;
    if decimal != '.' && sellercalc_engine::decimal::parse_decimal(canonical).is_ok() {
        canonical.replace('.', &decimal.to_string())
    } else {
        canonical.to_owned()
    }
}

/// Text typed in `lang` written canonically ("1234.5") when it reads as one number; other text
/// unchanged, so nothing the user typed is lost.
pub fn canonical(text: &str, lang: Lang) -> String {
    read_number(lang, text).unwrap_or_else(|_| text.to_owned())
}

/// The scenario JSON for the engine, from numbers typed in `lang`. Every text goes in as text, so
/// the engine validates it. Links, storage and presets hold canonical numbers: read them with
/// [`Lang::En`].
pub fn scenario_json(form: &Form, assumptions: &BTreeMap<String, String>, lang: Lang) -> Value {
    let mut root = Map::new();
    for (&field, text) in form {
        if field.optional() && text.trim().is_empty() {
            continue;
        }
        let value = match field {
            Field::SemiPopular => Value::Bool(text == "true"),
            _ if field.is_number() => Value::String(engine_number(text, lang)),
            _ => Value::String(text.clone()),
        };
        let mut parts = field.path().split('.');
        let (Some(first), second) = (parts.next(), parts.next()) else {
            continue;
        };
        match second {
            None => {
                root.insert(first.to_owned(), value);
            }
            Some(key) => {
                let group = root
                    .entry(first.to_owned())
                    .or_insert_with(|| Value::Object(Map::new()));
                if let Value::Object(group) = group {
                    group.insert(key.to_owned(), value);
                }
            }
        }
    }
    if !assumptions.is_empty() {
        let overrides = assumptions
            .iter()
            .map(|(id, text)| (id.clone(), Value::String(engine_number(text, lang))))
            .collect();
        root.insert("assumptions".to_owned(), Value::Object(overrides));
    }
    Value::Object(root)
}

/// A model's figures as shown: the latest valid ones, marked stale while an input has an error.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    /// The figures.
    pub result: Rc<ModelResult>,
    /// Whether they come from an earlier, valid input rather than the current one.
    pub stale: bool,
}

/// Everything the page renders.
#[derive(Clone, Debug)]
pub struct State {
    /// What the user typed.
    pub form: Form,
    /// Policy values the user changed, by id, as typed.
    pub assumptions: BTreeMap<String, String>,
    /// The comparison for the current input.
    pub comparison: Rc<Comparison>,
    /// POP, semi-managed and fully managed figures as shown.
    pub shown: [Option<Shown>; 3],
    /// The latest recommendation, and whether it is stale.
    pub recommendation: Option<(Recommendation, bool)>,
    /// Scenario A of an A/B comparison, when one is pinned; the current inputs are B.
    pub pinned: Option<Rc<Pinned>>,
    /// The language numbers are typed in.
    pub lang: Lang,
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.form == other.form
            && self.assumptions == other.assumptions
            && self.shown == other.shown
            && self.recommendation == other.recommendation
            && self.pinned.as_ref().map(|p| &p.snapshot)
                == other.pinned.as_ref().map(|p| &p.snapshot)
            && self.lang == other.lang
    }
}

/// What the user can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Typed or chose a value.
    Set(Field, String),
    /// Changed a policy value.
    SetAssumption(String, String),
    /// Restored one policy value's default.
    ResetAssumption(String),
    /// Restored every policy value's default.
    ResetAssumptions,
    /// Filled the form from a preset.
    ApplyPreset(&'static Preset),
    /// Replaced every input with a saved scenario's; any pinned scenario stays.
    Load(Snapshot),
    /// Pinned the current inputs as scenario A.
    Pin,
    /// Removed the pinned scenario.
    Unpin,
    /// Switched the page's language: numbers typed so far are rewritten with its separators.
    SetLang(Lang),
}

impl State {
    /// The page's first state: the default scenario, in English.
    pub fn new() -> Self {
        Self::restored(Snapshot::defaults(), None, Lang::En)
    }

    fn computed(
        form: Form,
        assumptions: BTreeMap<String, String>,
        previous: [Option<Shown>; 3],
        previous_recommendation: Option<(Recommendation, bool)>,
        lang: Lang,
    ) -> Self {
        let comparison = Rc::new(compare(&scenario_json(&form, &assumptions, lang)));
        let mut shown = previous;
        for kind in ModelKind::ALL {
            let slot = &mut shown[kind.index()];
            match comparison.model(kind) {
                Some(result) => {
                    *slot = Some(Shown {
                        result: Rc::new(result.clone()),
                        stale: false,
                    });
                }
                None => {
                    if let Some(old) = slot {
                        old.stale = true;
                    }
                }
            }
        }
        let recommendation = match comparison.recommendation() {
            Some(r) => Some((r, false)),
            None => previous_recommendation.map(|(r, _)| (r, true)),
        };
        State {
            form,
            assumptions,
            comparison,
            shown,
            recommendation,
            pinned: None,
            lang,
        }
    }

    /// The page's state for inputs restored from a link or storage, with an optional pinned
    /// scenario A.
    /// Their numbers are canonical ("1234.5") and are shown with `lang`'s separators.
    pub fn restored(current: Snapshot, pinned: Option<Snapshot>, lang: Lang) -> Self {
        let form = current
            .form
            .into_iter()
            .map(|(field, text)| {
                let text = if field.is_number() {
                    localized(&text, lang)
                } else {
                    text
                };
                (field, text)
            })
            .collect();
        let assumptions = current
            .assumptions
            .into_iter()
            .map(|(id, text)| (id, localized(&text, lang)))
            .collect();
        let mut state = Self::computed(form, assumptions, [None, None, None], None, lang);
        state.pinned = pinned.map(|p| Rc::new(Pinned::of(p)));
        state
    }

    /// The current inputs, with numbers written canonically ("1234.5") so that links and storage
    /// read the same in every language; text that is not one clear number stays as typed.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            form: self
                .form
                .iter()
                .map(|(&field, text)| {
                    let text = if field.is_number() {
                        canonical(text, self.lang)
                    } else {
                        text.clone()
                    };
                    (field, text)
                })
                .collect(),
            assumptions: self
                .assumptions
                .iter()
                .map(|(id, text)| (id.clone(), canonical(text, self.lang)))
                .collect(),
        }
    }

    /// Why the number typed in `field` cannot be read, when the page (not the engine) knows
    /// better: it is ambiguous in this language ("1.234" in French).
    pub fn number_issue(&self, field: Field) -> Option<NumberIssue> {
        if !field.is_number() {
            return None;
        }
        match read_number(self.lang, self.text(field)) {
            Err(issue @ NumberIssue::Ambiguous { .. }) => Some(issue),
            _ => None,
        }
    }

    /// The same for a policy value's override.
    pub fn assumption_issue(&self, id: &str) -> Option<NumberIssue> {
        match read_number(self.lang, self.assumptions.get(id)?) {
            Err(issue @ NumberIssue::Ambiguous { .. }) => Some(issue),
            _ => None,
        }
    }

    /// A model's figures as shown.
    pub fn shown(&self, kind: ModelKind) -> Option<&Shown> {
        self.shown[kind.index()].as_ref()
    }

    /// The text the user typed in `field`.
    pub fn text(&self, field: Field) -> &str {
        self.form.get(&field).map_or("", String::as_str)
    }

    /// Whether the user's text for policy value `id` means something other than its default.
    pub fn assumption_changed(&self, id: &str) -> bool {
        let Some(text) = self.assumptions.get(id) else {
            return false;
        };
        let default = self.policy().value(id).map(|v| v.default);
        let value = read_number(self.lang, text)
            .ok()
            .and_then(|c| sellercalc_engine::decimal::parse_decimal(&c).ok());
        value != default
    }

    /// How many policy values the user changed.
    pub fn assumptions_changed(&self) -> usize {
        self.assumptions
            .keys()
            .filter(|id| self.assumption_changed(id))
            .count()
    }

    /// The first error message for a scenario path.
    pub fn error(&self, path: &str) -> Option<&str> {
        self.comparison
            .errors
            .iter()
            .find(|e| e.field == path)
            .map(|e| e.message.as_str())
    }

    /// The policy set in use.
    pub fn policy(&self) -> &'static PolicySet {
        PolicySet::find(&self.comparison.policy_id).unwrap_or_else(PolicySet::default_set)
    }
}

impl Default for State {
    fn default() -> Self {
        Self::new()
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut form = self.form.clone();
        let mut assumptions = self.assumptions.clone();
        match action {
            Action::Set(field, text) => {
                form.insert(field, text);
            }
            Action::SetAssumption(id, text) => {
                // Kept exactly as typed ("8." while typing 8.5), even when it equals the default.
                assumptions.insert(id, text);
            }
            Action::ResetAssumption(id) => {
                assumptions.remove(&id);
            }
            Action::ResetAssumptions => assumptions.clear(),
            Action::ApplyPreset(preset) => {
                for (field, text) in preset.fields {
                    form.insert(*field, localized(text, self.lang));
                }
            }
            Action::SetLang(lang) => {
                let mut state = State::restored(self.snapshot(), None, lang);
                state.pinned = self.pinned.clone();
                return Rc::new(state);
            }
            Action::Load(snapshot) => {
                // Figures of the scenario left behind must not show as this one's "last valid" ones.
                let mut state = State::restored(snapshot, None, self.lang);
                state.pinned = self.pinned.clone();
                return Rc::new(state);
            }
            Action::Pin => {
                let mut state = (*self).clone();
                state.pinned = Some(Rc::new(Pinned {
                    snapshot: self.snapshot(),
                    comparison: self.comparison.clone(),
                }));
                return Rc::new(state);
            }
            Action::Unpin => {
                let mut state = (*self).clone();
                state.pinned = None;
                return Rc::new(state);
            }
        }
        let mut state = State::computed(
            form,
            assumptions,
            self.shown.clone(),
            self.recommendation.clone(),
            self.lang,
        );
        state.pinned = self.pinned.clone();
        Rc::new(state)
    }
}
