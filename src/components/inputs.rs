//! The input column: product, sales, market and one small group per model.

use std::collections::BTreeMap;
use std::rc::Rc;

use sellercalc_engine::{Comparison, Decimal, Field, Input};
use yew::prelude::*;

use crate::components::field::{
    error_at, issue_text, warning_at, CheckboxField, NumberField, SelectField,
};
use crate::components::markets::Markets;
use crate::components::Same;
use crate::format;
use crate::i18n::{
    category_name, currency_name, destination_name, fill_all, texts, use_locale, Lang,
};
use crate::state::{self, Form};

/// Props of [`Inputs`].
#[derive(Properties, PartialEq)]
pub struct InputsProps {
    /// What the user typed.
    pub form: Form,
    /// The comparison: the errors and warnings at each input, the scenario read.
    pub comparison: Same<Comparison>,
    /// The policy values the user changed, by id, as typed.
    pub assumptions: BTreeMap<String, String>,
    /// The id of the set of fees in use.
    pub policy: AttrValue,
    /// Called with every change.
    pub on_change: Callback<(Input, String)>,
    /// Whether to show every group; `false` while the app's first screen is built off the
    /// document, in steps (issue #17): the groups after the market come a step later.
    #[prop_or(true)]
    pub whole: bool,
}

/// `(value, text)` pairs of a drop-down.
type Options = Vec<(AttrValue, AttrValue)>;

/// The drop-downs' options in one language: categories, destinations (in the policy's order) and
/// currencies ("USD — US Dollar"). Only the policy set and the language decide them.
#[derive(PartialEq)]
struct Choices {
    categories: Options,
    destinations: Options,
    currencies: Options,
}

fn choices(lang: Lang, policy: &sellercalc_engine::PolicySet) -> Choices {
    let t = texts(lang);
    let option =
        |value: &str, text: String| (AttrValue::from(value.to_owned()), AttrValue::from(text));
    Choices {
        categories: policy
            .categories
            .iter()
            .map(|c| option(&c.id, category_name(t, &c.id, &c.name).to_owned()))
            .collect(),
        destinations: policy
            .destinations
            .iter()
            .map(|d| option(&d.code, destination_name(lang, &d.code, &d.name)))
            .collect(),
        currencies: policy
            .currencies
            .iter()
            .map(|code| {
                let name = currency_name(lang, code);
                let text = if name == *code {
                    code.clone()
                } else {
                    format!("{code} — {name}")
                };
                option(code, text)
            })
            .collect(),
    }
}

/// Every scenario input, grouped the way a seller thinks about them.
#[function_component]
pub fn Inputs(props: &InputsProps) -> Html {
    let locale = use_locale();
    let lang = locale.lang;
    let t = texts(lang);
    let words = &t.inputs;
    let (form, comparison) = (&props.form, &props.comparison);
    let policy = state::policy_set(&props.policy);
    let cost = comparison.scenario.currency.cost.clone();
    let sale = comparison.scenario.currency.sale.clone();
    let on_change = props.on_change.clone();
    let choices: Rc<Choices> = use_memo((lang, policy.id.clone()), move |(lang, _)| {
        choices(*lang, policy)
    });
    // A number that reads two ways in this language is the page's to explain, not the engine's.
    let error = |field: Input| {
        state::number_issue(lang, form, field)
            .map(|issue| AttrValue::from(issue_text(&locale, &issue)))
            .or_else(|| error_at(&locale, &comparison.errors, &Field::Input(field)))
    };
    let number = |field: Input,
                  label: String,
                  unit: Option<String>,
                  hint: Option<&str>,
                  placeholder: Option<String>| {
        html! {
            <NumberField
                {field}
                label={label}
                unit={unit.map(AttrValue::from)}
                hint={hint.map(|h| AttrValue::from(h.to_owned()))}
                placeholder={placeholder.map(AttrValue::from)}
                value={AttrValue::from(state::typed(form, field).to_owned())}
                error={error(field)}
                warning={warning_at(&locale, &comparison.warnings, &Field::Input(field))}
                on_change={on_change.clone()}
            />
        }
    };
    let select = |field: Input, label: &str, options: Options, hint: Option<&str>| {
        html! {
            <SelectField {field} label={label.to_owned()} {options}
                value={AttrValue::from(state::typed(form, field).to_owned())}
                hint={hint.map(|h| AttrValue::from(h.to_owned()))}
                error={error(field)} on_change={on_change.clone()} />
        }
    };
    // A collapsed group says when a field inside it has a problem, so no error is hidden.
    let summary = |title: &str, explain: &str, fields: &[Input]| {
        let problems = fields
            .iter()
            .filter(|f| {
                comparison
                    .errors
                    .iter()
                    .any(|e| e.field == Field::Input(**f))
            })
            .count();
        html! {
            <summary>
                { title.to_owned() }
                <span class="explain">{ format!(" · {explain}") }</span>
                if problems > 0 {
                    <span class="summary-problem">
                        { format!(" ⚠ {}", fill_all(words.to_fix, &[&format::number(&locale, problems.into(), 0)])) }
                    </span>
                }
            </summary>
        }
    };
    // The default rate comes from the policy's table: say how old it is (the later of the two
    // currencies' rates, as the set that last stated them dates them), and that it is assumed.
    let scenario = &comparison.scenario;
    let rate_date = [&scenario.currency.sale, &scenario.currency.cost]
        .into_iter()
        .filter_map(|c| policy.value(&format!("fx.{c}")))
        .map(|v| v.since.as_str())
        .max()
        .unwrap_or(&policy.effective_date);
    let rate_hint = crate::i18n::sentences(&[
        words.hint_rate.to_owned(),
        fill_all(words.hint_rate_default, &[rate_date]),
    ]);
    let rate_placeholder = fill_all(
        words.rate_placeholder,
        &[&format::editable(&locale, comparison.rate)],
    );
    // The advance payment in force: the user's own figure when it reads, else the policy's.
    let advance = state::assumption_value(lang, &props.assumptions, policy, "semi.advance_payment");
    let hint_popular =
        advance.map(|pct| fill_all(words.hint_popular, &[&format::percent_plain(&locale, pct)]));
    let price = state::typed(form, Input::Price).to_owned();
    // Semi-managed's marketing follows POP's while its own inputs are empty: say what it takes.
    let as_pop = |field: Input| Some(fill_all(words.same_as_pop, &[state::typed(form, field)]));
    let early_days =
        state::assumption_value(lang, &props.assumptions, policy, "days.pop.early_payout")
            .map(|days| format::number(&locale, days, 1))
            .unwrap_or_default();
    let hint_early = fill_all(words.hint_early_payout, &[&early_days]);
    let warehouse = state::typed(form, Input::SemiMode) == "warehouse";
    // The category sets the commission only where the categories' rates differ: say so when, in
    // the fees in use (with the user's own rates), they are all the same.
    let rates: Vec<Decimal> = policy
        .categories
        .iter()
        .filter_map(|c| {
            state::assumption_value(
                lang,
                &props.assumptions,
                policy,
                &format!("commission.{}", c.id),
            )
        })
        .collect();
    let category_hint = match rates.split_first() {
        Some((first, rest)) if rest.iter().all(|r| r == first) => fill_all(
            words.hint_category_same,
            &[format::percent_plain(&locale, *first)],
        ),
        _ => words.hint_category.to_owned(),
    };
    // An empty supply price is estimated: the estimate shows in the empty input.
    let estimate = comparison.warnings.iter().find_map(|w| match &w.kind {
        sellercalc_engine::WarningKind::EstimatedSupplyPrice { estimate, .. } => Some(
            format::editable(&locale, sellercalc_engine::decimal::round_to(*estimate, 2)),
        ),
        _ => None,
    });
    let modes = vec![
        (
            AttrValue::from("warehouse"),
            AttrValue::from(words.mode_warehouse),
        ),
        (AttrValue::from("jit"), AttrValue::from(words.mode_jit)),
    ];
    let cost_currencies = fill_all(words.currencies_summary, &[&cost, &sale]);
    // Issue #15: POP's shipping lines with rates for the chosen market (and the one chosen, when
    // it has none there: its error says so at the field).
    // Several markets: the lines with rates for every one of them.
    let codes: Vec<String> = crate::markets::parse(state::typed(form, Input::Destination))
        .into_iter()
        .map(|(code, _)| code)
        .collect();
    let market_name = codes
        .iter()
        .map(|code| {
            policy
                .destination(code)
                .map_or_else(|| code.clone(), |d| destination_name(lang, code, &d.name))
        })
        .collect::<Vec<_>>()
        .join(", ");
    let line = match state::typed(form, Input::PopShipping) {
        "" => "standard",
        line => line,
    };
    let mut lines: Options = policy
        .services_of(sellercalc_engine::ModelKind::Pop)
        .filter(|s| s.id == line || codes.iter().all(|code| policy.reaches(s, code)))
        .map(|s| {
            (
                AttrValue::from(s.id.clone()),
                AttrValue::from(s.name.clone()),
            )
        })
        .collect();
    if !lines.iter().any(|(id, _)| id == line) {
        lines.push((
            AttrValue::from(line.to_owned()),
            AttrValue::from(line.to_owned()),
        ));
    }
    let hint_lines = fill_all(words.hint_pop_shipping, &[&market_name]);
    let whole = props.whole;

    html! {
        <form class="inputs" aria-label={words.form_label} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <fieldset>
                <legend>{ words.product }</legend>
                { number(Input::UnitCost, words.unit_cost.into(), Some(cost.clone()), None, None) }
                { number(Input::Packaging, words.packaging.into(), Some(cost.clone()), None, None) }
                { number(Input::WeightG, words.weight.into(), Some(words.grams.into()), Some(words.hint_weight), None) }
                <div class="sides" role="group" aria-labelledby="sides-title" aria-describedby="sides-hint">
                    <p class="sides-title" id="sides-title">{ words.parcel_size }</p>
                    <div class="sides-row">
                        { number(Input::Length, words.length.into(), Some(words.centimetres.into()), None, None) }
                        { number(Input::Width, words.width.into(), Some(words.centimetres.into()), None, None) }
                        { number(Input::Height, words.height.into(), Some(words.centimetres.into()), None, None) }
                    </div>
                    <p class="hint" id="sides-hint">{ words.hint_parcel_size }</p>
                </div>
                { select(Input::Category, words.category, choices.categories.clone(), Some(category_hint.as_str())) }
            </fieldset>
            <fieldset>
                <legend>{ words.sales }</legend>
                { number(Input::Price, words.sale_price.into(), Some(sale.clone()), Some(words.hint_sale_price), None) }
                { number(Input::MonthlyUnits, words.monthly_units.into(), None, None, None) }
            </fieldset>
            <fieldset>
                <legend>{ words.market }</legend>
                <Markets destination={AttrValue::from(state::typed(form, Input::Destination).to_owned())}
                    comparison={comparison.clone()} options={choices.destinations.clone()} on_change={on_change.clone()}
                    single={select(Input::Destination, words.destination, choices.destinations.clone(), Some(words.hint_destination))} />
                <SelectField field={Input::PopShipping} label={words.pop_shipping} options={lines}
                    value={AttrValue::from(line.to_owned())} hint={Some(AttrValue::from(hint_lines))}
                    error={error(Input::PopShipping)} on_change={on_change.clone()} />
                { number(Input::ReturnRate, words.return_rate.into(), Some("%".into()), Some(words.hint_return_rate), None) }
            </fieldset>
            if whole {
            <fieldset>
                <legend>{ t.model_name(sellercalc_engine::ModelKind::Semi) }</legend>
                { select(Input::SemiMode, words.semi_mode, modes, Some(words.hint_semi_mode)) }
                if warehouse {
                    <CheckboxField field={Input::SemiPopular} label={words.popular}
                        hint={hint_popular.map(AttrValue::from)}
                        checked={state::typed(form, Input::SemiPopular) == "true"} on_change={on_change.clone()} />
                }
            </fieldset>
            <fieldset>
                <legend>{ t.model_name(sellercalc_engine::ModelKind::Full) }</legend>
                { number(Input::SupplyPrice, words.supply_price.into(), Some(cost.clone()), Some(words.hint_supply_price), estimate) }
            </fieldset>
            <details class="group">
                { summary(words.currencies, &cost_currencies, &[Input::CostCurrency, Input::SaleCurrency, Input::Rate]) }
                { select(Input::CostCurrency, words.cost_currency, choices.currencies.clone(), Some(words.hint_cost_currency)) }
                { select(Input::SaleCurrency, words.sale_currency, choices.currencies.clone(), Some(words.hint_sale_currency)) }
                { number(Input::Rate, fill_all(words.rate, &[&cost, &sale]), None, Some(rate_hint.as_str()), Some(rate_placeholder)) }
            </details>
            <details class="group">
                { summary(words.pop_settings, words.pop_summary, &[Input::ShippingCharge, Input::AdSpend, Input::AffiliateShare, Input::AffiliateRate]) }
                { number(Input::ShippingCharge, words.shipping_charge.into(), Some(sale.clone()), Some(words.hint_shipping_charge), Some(format::editable(&locale, Decimal::ZERO))) }
                { number(Input::AdSpend, words.advertising.into(), Some(words.percent_of_price.into()), None, None) }
                { number(Input::AffiliateShare, words.affiliate_share.into(), Some("%".into()), None, None) }
                { number(Input::AffiliateRate, words.affiliate_rate.into(), Some("%".into()), Some(words.hint_affiliate_rate), None) }
                <CheckboxField field={Input::EarlyPayout} label={words.early_payout}
                    hint={Some(AttrValue::from(hint_early))}
                    checked={state::typed(form, Input::EarlyPayout) == "true"} on_change={on_change.clone()} />
            </details>
            <details class="group">
                { summary(words.semi_settings, words.semi_summary, &[Input::SemiPrice, Input::SemiAdSpend, Input::SemiAffiliateShare, Input::SemiAffiliateRate]) }
                { number(Input::SemiPrice, words.sale_price.into(), Some(sale), Some(words.hint_semi_price), Some(price)) }
                { number(Input::SemiAdSpend, words.advertising.into(), Some(words.percent_of_price.into()), None, as_pop(Input::AdSpend)) }
                { number(Input::SemiAffiliateShare, words.affiliate_share.into(), Some("%".into()), None, as_pop(Input::AffiliateShare)) }
                { number(Input::SemiAffiliateRate, words.affiliate_rate.into(), Some("%".into()), Some(words.hint_semi_marketing), as_pop(Input::AffiliateRate)) }
            </details>
            }
        </form>
    }
}
