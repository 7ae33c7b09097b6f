//! The page's state: what the user typed, the assumptions they changed, and the figures computed
//! from them. The UI sends [`Action`]s and renders [`State`]; it does no arithmetic of its own.

use std::collections::BTreeMap;
use std::rc::Rc;

use sellercalc_engine::decimal::MAX_NUMBER_CHARS;
use sellercalc_engine::{
    compare_input, Comparison, Decimal, Field, FieldError, Input, ModelKind, ModelResult,
    PolicySet, RawValue, Recommendation, Scenario, ScenarioInput, DEFAULT_POLICY_ID,
};
use yew::Reducible;

use crate::i18n::{read_decimal, read_number, Conversion, Lang, Locale, NumberIssue};
use crate::presets::{self, Preset};
use crate::share::Presentation;

/// What the user typed, exactly as typed, by input.
pub type Form = BTreeMap<Input, String>;

/// The most characters of one input (or policy value) that a link or storage holds, when the page
/// writes it and when it reads it back: one limit, so that whatever the page writes it can read.
/// It is above the longest number the engine reads ([`MAX_NUMBER_CHARS`]), so a longer text is
/// an error at its field whether it is cut to this or not. On the page itself nothing is cut.
pub const MAX_INPUT_CHARS: usize = 100;

const _: () = assert!(MAX_INPUT_CHARS > MAX_NUMBER_CHARS);

/// `text`, cut to [`MAX_INPUT_CHARS`] characters.
pub fn storable(text: &str) -> String {
    match text.char_indices().nth(MAX_INPUT_CHARS) {
        Some((end, _)) => text[..end].to_owned(),
        None => text.to_owned(),
    }
}

/// The defaults of version 1 of the link and storage formats, spelled out as they were: a
/// version-1 link holds only the inputs that differ from these, so it is read on top of them even
/// after the page's own defaults change. Inputs that version 1 did not have take today's.
/// The policy set of version 1 of the link and storage formats: the only one there was.
pub const V1_POLICY_ID: &str = "aliexpress-2024";

const V1_DEFAULTS: [(Input, &str); 18] = [
    (Input::CostCurrency, "CNY"),
    (Input::SaleCurrency, "USD"),
    (Input::Rate, ""),
    (Input::UnitCost, "25.00"),
    (Input::Packaging, "1.50"),
    (Input::WeightG, "350"),
    (Input::Category, "home"),
    (Input::Price, "12.99"),
    (Input::MonthlyUnits, "400"),
    (Input::Destination, "ES"),
    (Input::ReturnRate, "4"),
    (Input::AdSpend, "8"),
    (Input::AffiliateShare, "20"),
    (Input::AffiliateRate, "5"),
    (Input::SemiPrice, ""),
    (Input::SemiMode, "warehouse"),
    (Input::SemiPopular, "true"),
    (Input::SupplyPrice, "45.00"),
];

/// The form filled with the engine's default scenario.
pub fn default_form() -> Form {
    let d = Scenario::default();
    let text = |value: Decimal| value.normalize().to_string();
    Input::ALL
        .into_iter()
        .map(|input| {
            let value = match input {
                Input::CostCurrency => d.currency.cost.clone(),
                Input::SaleCurrency => d.currency.sale.clone(),
                // Empty: the policy's rate, POP's price and marketing, the estimated supply price.
                Input::Rate
                | Input::SemiPrice
                | Input::SemiAdSpend
                | Input::SemiAffiliateShare
                | Input::SemiAffiliateRate
                | Input::SupplyPrice
                // Empty: AliExpress Standard, no shipping charge; no sides, a parcel priced by its
                // weight alone.
                | Input::PopShipping
                | Input::ShippingCharge
                | Input::Length
                | Input::Width
                | Input::Height => String::new(),
                Input::UnitCost => format!("{:.2}", d.product.unit_cost),
                Input::Packaging => format!("{:.2}", d.product.packaging),
                Input::WeightG => text(d.product.weight_g),
                Input::Category => d.product.category.clone(),
                Input::Price => format!("{:.2}", d.pop.price),
                Input::MonthlyUnits => text(d.monthly_units),
                Input::Destination => d.destination.clone(),
                Input::ReturnRate => text(d.return_rate_pct),
                Input::AdSpend => text(d.pop.ad_spend_pct),
                Input::AffiliateShare => text(d.pop.affiliate_share_pct),
                Input::AffiliateRate => text(d.pop.affiliate_rate_pct),
                Input::SemiMode => "warehouse".to_owned(),
                Input::SemiPopular => d.semi.popular.to_string(),
                Input::EarlyPayout => d.pop.early_payout.to_string(),
            };
            (input, value)
        })
        .collect()
}

/// A scenario as the user typed it: what links, autosave and saved scenarios hold.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// What the user typed, for every input.
    pub form: Form,
    /// Policy values the user changed, by id, as typed.
    pub assumptions: BTreeMap<String, String>,
    /// The policy set (AliExpress's fees as of a date) the scenario was made with: a link or a
    /// save keeps it, so that its figures do not move when newer fees come out.
    pub policy: String,
}

impl Snapshot {
    /// The default scenario, with the newest fees.
    pub fn defaults() -> Self {
        Snapshot {
            form: default_form(),
            assumptions: BTreeMap::new(),
            policy: DEFAULT_POLICY_ID.to_owned(),
        }
    }

    /// The default scenario of version 1 of the link and storage formats ([`V1_DEFAULTS`]): what
    /// a version-1 link or saved scenario is read on top of.
    pub fn v1_defaults() -> Self {
        let mut snapshot = Self::defaults();
        // Version 1 had one set of fees.
        snapshot.policy = V1_POLICY_ID.to_owned();
        for (input, text) in V1_DEFAULTS {
            snapshot.form.insert(input, text.to_owned());
        }
        snapshot
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
    /// The saved scenario's name, when a saved scenario was pinned: the A/B column's head.
    pub name: Option<String>,
}

impl Pinned {
    /// Pins `snapshot`, computing its figures.
    pub fn of(snapshot: Snapshot) -> Self {
        let comparison = Rc::new(compare_input(&scenario_input(
            &snapshot.form,
            &snapshot.assumptions,
            &snapshot.policy,
            Lang::En,
        )));
        Pinned {
            snapshot,
            comparison,
            name: None,
        }
    }
}

/// Text typed in `lang` written canonically ("1234.5") when it reads as one number; other text
/// unchanged, so nothing the user typed is lost.
pub fn canonical(text: &str, lang: Lang) -> String {
    read_number(lang, text).unwrap_or_else(|_| text.to_owned())
}

/// The engine's inputs from what was typed in `lang`: each number read once, in the page's
/// language, into a decimal; a number that does not read goes in as rejected, with its problem,
/// so the engine reports it at its field and stops the models that depend on it. An optional
/// input left empty is left out (it takes its default). Links, storage and presets hold
/// canonical numbers: read them with [`Lang::En`].
pub fn scenario_input(
    form: &Form,
    assumptions: &BTreeMap<String, String>,
    policy: &str,
    lang: Lang,
) -> ScenarioInput {
    let mut input = ScenarioInput::new();
    input.policy = Some(Ok(policy.to_owned()));
    for (&field, text) in form {
        if field.optional() && text.trim().is_empty() {
            continue;
        }
        // Several markets (issue #15): the destination holds the mix, `ES:60|US:40`.
        if field == Input::Destination && crate::markets::is_mix(text) {
            crate::markets::give(&mut input, text, lang);
            continue;
        }
        let value = match field {
            Input::SemiPopular | Input::EarlyPayout => Ok(RawValue::Flag(text == "true")),
            _ if field.is_number() => read_decimal(lang, text).map(RawValue::Number),
            _ => Ok(RawValue::Text(text.clone())),
        };
        input.give(field, value);
    }
    for (id, text) in assumptions {
        input.give_assumption(id, read_decimal(lang, text));
    }
    // The seller's own rate sheet in this browser (issue #15, item 2): its bands' rates, where
    // no rate was typed.
    if let Some(loaded) = crate::rate_sheet::active() {
        loaded.sheet.apply(&mut input);
    }
    input
}

/// A model's figures as shown: the latest valid ones, marked stale while an input has an error.
/// They are not copied: the comparison they are part of is shared, and compared by identity.
#[derive(Clone, Debug)]
pub struct Shown {
    /// The comparison in which the model was last computed.
    comparison: Rc<Comparison>,
    /// The model.
    kind: ModelKind,
    /// Whether they come from an earlier, valid input rather than the current one.
    pub stale: bool,
}

impl Shown {
    /// `kind`'s figures in `comparison`, if it computed them.
    fn of(comparison: &Rc<Comparison>, kind: ModelKind) -> Option<Shown> {
        comparison.model(kind).map(|_| Shown {
            comparison: comparison.clone(),
            kind,
            stale: false,
        })
    }

    /// The figures (always there: a `Shown` is only made for a model that was computed).
    pub fn result(&self) -> Option<&ModelResult> {
        self.comparison.model(self.kind)
    }
}

impl PartialEq for Shown {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.comparison, &other.comparison)
            && self.kind == other.kind
            && self.stale == other.stale
    }
}

/// Everything the page renders.
#[derive(Clone, Debug)]
pub struct State {
    /// What the user typed.
    pub form: Form,
    /// Policy values the user changed, by id, as typed.
    pub assumptions: BTreeMap<String, String>,
    /// The policy set in use, by id.
    pub policy: String,
    /// The comparison for the current input.
    pub comparison: Rc<Comparison>,
    /// POP, semi-managed and fully managed figures as shown.
    pub shown: [Option<Shown>; 3],
    /// The latest recommendation, and whether it is stale.
    pub recommendation: Option<(Recommendation, bool)>,
    /// Scenario A of an A/B comparison, when one is pinned; the current inputs are B.
    pub pinned: Option<Rc<Pinned>>,
    /// The page's language: its words, and how numbers are typed and written.
    pub lang: Lang,
    /// Whether the user asked for results in the sale currency rather than the cost currency.
    pub in_sale_currency: bool,
    /// The preset the inputs are exactly, if any: the one the user picked, until an input changes.
    pub preset: Option<&'static Preset>,
    /// Whether the visitor chose the page's language here (links then carry it).
    pub lang_chosen: bool,
    /// How many times the user started a new scenario: views that keep inputs of their own (the
    /// target margin of "What if") are made anew for each.
    pub generation: u32,
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.form == other.form
            && self.assumptions == other.assumptions
            && self.policy == other.policy
            && self.shown == other.shown
            && self.recommendation == other.recommendation
            && self.pinned.as_ref().map(|p| &p.snapshot)
                == other.pinned.as_ref().map(|p| &p.snapshot)
            && self.lang == other.lang
            && self.in_sale_currency == other.in_sale_currency
            && self.preset == other.preset
            && self.lang_chosen == other.lang_chosen
            && self.generation == other.generation
    }
}

/// What the user can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Typed or chose a value.
    Set(Input, String),
    /// Changed a policy value.
    SetAssumption(String, String),
    /// Restored one policy value's default.
    ResetAssumption(String),
    /// Restored every policy value's default.
    ResetAssumptions,
    /// Filled the form from a preset: what it sets, and the defaults for the rest (every other
    /// input, the policy values, the newest fees). Any pinned scenario stays.
    ApplyPreset(&'static Preset),
    /// Started over for the next seller: every input, policy value and the fees back to the
    /// defaults, nothing pinned, results in the cost currency. The language stays.
    NewScenario,
    /// Replaced every input with a saved scenario's; any pinned scenario stays.
    Load(Snapshot),
    /// Pinned the current inputs as scenario A.
    Pin,
    /// Pinned a saved scenario, by its inputs and name, as A; the current inputs are B.
    PinSaved(Snapshot, String),
    /// Removed the pinned scenario.
    Unpin,
    /// Switched the page's language: numbers typed so far are rewritten with its separators.
    SetLang(Lang),
    /// Switched the results between the cost currency and the sale currency.
    ToggleResultsCurrency,
    /// Chose another policy set (AliExpress's fees as of another date), by id.
    SetPolicy(String),
    /// Loaded or removed a rate sheet ([`crate::rate_sheet`]): the same inputs, compared again.
    RatesChanged,
}

impl State {
    /// The page's first state: the default scenario, in English.
    pub fn new() -> Self {
        Self::restored(Snapshot::defaults(), None, Lang::En)
    }

    fn computed(
        form: Form,
        assumptions: BTreeMap<String, String>,
        policy: String,
        previous: [Option<Shown>; 3],
        previous_recommendation: Option<(Recommendation, bool)>,
        lang: Lang,
    ) -> Self {
        let comparison = Rc::new(compare_input(&scenario_input(
            &form,
            &assumptions,
            &policy,
            lang,
        )));
        let mut shown = previous;
        for kind in ModelKind::ALL {
            let slot = &mut shown[kind.index()];
            match Shown::of(&comparison, kind) {
                Some(now) => *slot = Some(now),
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
        let mut state = State {
            form,
            assumptions,
            policy,
            comparison,
            shown,
            recommendation,
            pinned: None,
            lang,
            in_sale_currency: false,
            preset: None,
            lang_chosen: false,
            generation: 0,
        };
        state.preset = presets::matching(&state.snapshot());
        state
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
                    crate::format::editable_text(lang, &text)
                } else {
                    text
                };
                (field, text)
            })
            .collect();
        let assumptions = current
            .assumptions
            .into_iter()
            .map(|(id, text)| (id, crate::format::editable_text(lang, &text)))
            .collect();
        let mut state = Self::computed(
            form,
            assumptions,
            current.policy,
            [None, None, None],
            None,
            lang,
        );
        state.pinned = pinned.map(|p| Rc::new(Pinned::of(p)));
        state
    }

    /// The current inputs as links and storage hold them: numbers written canonically ("1234.5")
    /// so that they read the same in every language, text that is not one clear number as typed,
    /// each cut to [`MAX_INPUT_CHARS`] (such a text is an error at its field, cut or not).
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
                    (field, storable(&text))
                })
                .collect(),
            assumptions: self
                .assumptions
                .iter()
                .map(|(id, text)| (id.clone(), storable(&canonical(text, self.lang))))
                .collect(),
            policy: self.policy.clone(),
        }
    }

    /// Why the number typed in `field` cannot be read, when the page (not the engine) knows
    /// better: it is ambiguous in this language ("1.234" in French).
    pub fn number_issue(&self, field: Input) -> Option<NumberIssue> {
        number_issue(self.lang, &self.form, field)
    }

    /// The same for a policy value's override.
    pub fn assumption_issue(&self, id: &str) -> Option<NumberIssue> {
        assumption_issue(self.lang, &self.assumptions, id)
    }

    /// How the page writes figures: in its language, and with amounts in the cost currency
    /// shown in the sale currency when the user asked for that and the two differ.
    pub fn locale(&self) -> Locale {
        let currency = &self.comparison.scenario.currency;
        let conversion =
            (self.in_sale_currency && currency.sale != currency.cost).then(|| Conversion {
                from: currency.cost.clone().into(),
                to: currency.sale.clone().into(),
                rate: self.comparison.rate,
            });
        Locale::new(self.lang).showing(conversion)
    }

    /// A model's figures as shown.
    pub fn shown(&self, kind: ModelKind) -> Option<&Shown> {
        self.shown[kind.index()].as_ref()
    }

    /// The text the user typed in `field`.
    pub fn text(&self, field: Input) -> &str {
        typed(&self.form, field)
    }

    /// The value in force for policy value `id`: the user's own figure when it reads in the
    /// page's language, else the policy's default.
    pub fn assumption_value(&self, id: &str) -> Option<Decimal> {
        assumption_value(self.lang, &self.assumptions, self.policy(), id)
    }

    /// Whether the user's text for policy value `id` means something other than its default.
    pub fn assumption_changed(&self, id: &str) -> bool {
        assumption_changed(self.lang, &self.assumptions, self.policy(), id)
    }

    /// How many policy values the user changed.
    pub fn assumptions_changed(&self) -> usize {
        assumptions_changed(self.lang, &self.assumptions, self.policy())
    }

    /// The first error about `field`.
    pub fn error(&self, field: &Field) -> Option<&FieldError> {
        self.comparison.errors.iter().find(|e| e.field == *field)
    }

    /// How links to this page show it: as it was opened, in the language the visitor chose
    /// here if they chose one.
    pub fn presentation(&self, opened: &Presentation) -> Presentation {
        Presentation {
            rates: crate::rate_sheet::active().is_some(),
            embed: opened.embed,
            lang: if self.lang_chosen {
                Some(self.lang.code().to_owned())
            } else {
                opened.lang.clone()
            },
        }
    }

    /// Whether the inputs, the policy values or the fees differ from the defaults, or a scenario
    /// is pinned: what starting a new scenario would lose.
    pub fn changed(&self) -> bool {
        self.pinned.is_some() || self.snapshot() != Snapshot::defaults()
    }

    /// The policy set in use: the chosen one, or the newest when the chosen id is not a
    /// built-in set (the engine then reports it at `policy`).
    pub fn policy(&self) -> &'static PolicySet {
        policy_set(&self.policy)
    }
}

// What components that take the inputs rather than the state ask of them.

/// The policy set `id`, or the newest when it is not a built-in set (the engine then reports it
/// at `policy`).
pub fn policy_set(id: &str) -> &'static PolicySet {
    PolicySet::find(id).unwrap_or_else(PolicySet::default_set)
}

/// The text typed in `field` of `form`.
pub fn typed(form: &Form, field: Input) -> &str {
    form.get(&field).map_or("", String::as_str)
}

/// Why the number typed in `field` cannot be read, when the page (not the engine) knows better:
/// it is ambiguous in `lang` ("1.234" in French).
pub fn number_issue(lang: Lang, form: &Form, field: Input) -> Option<NumberIssue> {
    if !field.is_number() {
        return None;
    }
    match read_number(lang, typed(form, field)) {
        Err(issue @ NumberIssue::Ambiguous { .. }) => Some(issue),
        _ => None,
    }
}

/// The same for the override of policy value `id`.
pub fn assumption_issue(
    lang: Lang,
    assumptions: &BTreeMap<String, String>,
    id: &str,
) -> Option<NumberIssue> {
    match read_number(lang, assumptions.get(id)?) {
        Err(issue @ NumberIssue::Ambiguous { .. }) => Some(issue),
        _ => None,
    }
}

/// The value in force for policy value `id`: the user's own figure when it reads in `lang`, else
/// `policy`'s default.
pub fn assumption_value(
    lang: Lang,
    assumptions: &BTreeMap<String, String>,
    policy: &PolicySet,
    id: &str,
) -> Option<Decimal> {
    assumptions
        .get(id)
        .and_then(|text| read_decimal(lang, text).ok())
        .or_else(|| policy.value(id).map(|v| v.default))
}

/// Whether the user's text for policy value `id` means something other than its default.
pub fn assumption_changed(
    lang: Lang,
    assumptions: &BTreeMap<String, String>,
    policy: &PolicySet,
    id: &str,
) -> bool {
    let Some(text) = assumptions.get(id) else {
        return false;
    };
    read_decimal(lang, text).ok() != policy.value(id).map(|v| v.default)
}

/// How many policy values the user changed.
pub fn assumptions_changed(
    lang: Lang,
    assumptions: &BTreeMap<String, String>,
    policy: &PolicySet,
) -> usize {
    assumptions
        .keys()
        .filter(|id| assumption_changed(lang, assumptions, policy, id))
        .count()
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
        let mut policy = self.policy.clone();
        match action {
            Action::SetPolicy(id) => policy = id,
            Action::RatesChanged => {}
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
                let mut state = State::restored(preset.snapshot(), None, self.lang);
                state.pinned = self.pinned.clone();
                state.in_sale_currency = self.in_sale_currency;
                state.lang_chosen = self.lang_chosen;
                state.generation = self.generation;
                return Rc::new(state);
            }
            Action::SetLang(lang) => {
                let mut state = State::restored(self.snapshot(), None, lang);
                state.pinned = self.pinned.clone();
                state.in_sale_currency = self.in_sale_currency;
                state.lang_chosen = true;
                state.generation = self.generation;
                return Rc::new(state);
            }
            Action::NewScenario => {
                let mut state = State::restored(Snapshot::defaults(), None, self.lang);
                state.lang_chosen = self.lang_chosen;
                state.generation = self.generation.wrapping_add(1);
                return Rc::new(state);
            }
            Action::Load(snapshot) => {
                // Figures of the scenario left behind must not show as this one's "last valid" ones.
                let mut state = State::restored(snapshot, None, self.lang);
                state.pinned = self.pinned.clone();
                state.in_sale_currency = self.in_sale_currency;
                state.lang_chosen = self.lang_chosen;
                state.generation = self.generation;
                return Rc::new(state);
            }
            Action::ToggleResultsCurrency => {
                let mut state = (*self).clone();
                state.in_sale_currency = !self.in_sale_currency;
                return Rc::new(state);
            }
            Action::Pin => {
                let mut state = (*self).clone();
                state.pinned = Some(Rc::new(Pinned {
                    snapshot: self.snapshot(),
                    comparison: self.comparison.clone(),
                    name: None,
                }));
                return Rc::new(state);
            }
            Action::PinSaved(snapshot, name) => {
                let mut state = (*self).clone();
                state.pinned = Some(Rc::new(Pinned {
                    name: Some(name),
                    ..Pinned::of(snapshot)
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
            policy,
            self.shown.clone(),
            self.recommendation.clone(),
            self.lang,
        );
        state.pinned = self.pinned.clone();
        state.in_sale_currency = self.in_sale_currency;
        state.lang_chosen = self.lang_chosen;
        state.generation = self.generation;
        Rc::new(state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduced(state: State, actions: impl IntoIterator<Item = Action>) -> Rc<State> {
        actions
            .into_iter()
            .fold(Rc::new(state), |state, action| state.reduce(action))
    }

    #[test]
    fn the_results_currency_is_part_of_the_locale_and_survives_edits_and_languages() {
        let state = State::new();
        let currency = state.comparison.scenario.currency.clone();
        assert_ne!(
            currency.cost, currency.sale,
            "the default scenario converts"
        );
        assert_eq!(state.locale(), Locale::new(Lang::En));

        let state = reduced(
            state,
            [
                Action::ToggleResultsCurrency,
                Action::Set(Input::MonthlyUnits, "500".to_owned()),
                Action::SetLang(Lang::Fr),
            ],
        );
        let locale = state.locale();
        assert_eq!(locale.lang, Lang::Fr);
        let conversion = locale.display.expect("results in the sale currency");
        assert_eq!(conversion.from, currency.cost.as_str());
        assert_eq!(conversion.to, currency.sale.as_str());
        assert_eq!(conversion.rate, state.comparison.rate);

        let state = reduced((*state).clone(), [Action::ToggleResultsCurrency]);
        assert_eq!(state.locale(), Locale::new(Lang::Fr));
    }

    #[test]
    fn with_one_currency_there_is_nothing_to_convert() {
        let state = State::new();
        let cost = state.comparison.scenario.currency.cost.clone();
        let state = reduced(
            state,
            [
                Action::ToggleResultsCurrency,
                Action::Set(Input::SaleCurrency, cost),
            ],
        );
        assert!(state.in_sale_currency);
        assert_eq!(state.locale().display, None);
    }

    #[test]
    fn a_new_scenario_is_the_defaults_in_the_same_language_with_nothing_pinned() {
        assert!(!State::new().changed(), "the defaults are not a change");
        let state = reduced(
            State::new(),
            [
                Action::SetLang(Lang::Fr),
                Action::Set(Input::MonthlyUnits, "500".to_owned()),
                Action::SetAssumption("payment.conversion_fee".to_owned(), "2".to_owned()),
                Action::Pin,
                Action::ToggleResultsCurrency,
            ],
        );
        assert!(state.changed());
        let state = reduced((*state).clone(), [Action::NewScenario]);
        assert!(!state.changed());
        assert_eq!(state.snapshot(), Snapshot::defaults());
        assert!(state.pinned.is_none() && !state.in_sale_currency);
        assert_eq!((state.lang, state.lang_chosen), (Lang::Fr, true));
        assert_eq!(state.generation, 1);
        // A pinned scenario alone is something to lose.
        assert!(reduced((*state).clone(), [Action::Pin]).changed());
    }

    #[test]
    fn a_preset_sets_everything_and_is_named_until_an_input_changes() {
        for lang in [Lang::En, Lang::Fr] {
            for preset in crate::presets::PRESETS {
                let state = reduced(
                    State::new(),
                    [
                        Action::SetLang(lang),
                        Action::Set(Input::Destination, "KR".to_owned()),
                        Action::SetAssumption("payment.conversion_fee".to_owned(), "2".to_owned()),
                        Action::ApplyPreset(preset),
                    ],
                );
                assert_eq!(state.preset, Some(preset), "{lang:?} {}", preset.id);
                assert_eq!(state.snapshot(), preset.snapshot(), "the rest are defaults");
                let state = reduced(
                    (*state).clone(),
                    [Action::Set(Input::MonthlyUnits, "7".to_owned())],
                );
                assert_eq!(state.preset, None);
            }
        }
    }
}
