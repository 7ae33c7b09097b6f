//! "What if": each model's break-even price, the price that gives a target margin, and the supply
//! price at which fully managed earns as much a month as POP or semi-managed. The engine solves
//! each exactly and says how many decimals make the stated price meet the target to the cent; the
//! table shows each price as a person would type it, rounded up to the currency's smallest unit
//! (the exact one in its tooltip), and a button puts that price into its input, so the cards
//! show the target met.

use sellercalc_engine::decimal::{fixed_text, round_to};
use sellercalc_engine::{
    indifference_supply_price_decimals, price_decimals, stated_indifference_supply_price,
    supply_price_verdict, target_margin_price, Comparison, Decimal, Input, ModelKind,
    SupplyPriceVerdict,
};
use yew::prelude::*;

use crate::components::field::read_target_margin;
use crate::components::Same;
use crate::format;
use crate::i18n::solver::solver_texts;
use crate::i18n::{fill_all, fill_one, input_label, separators, texts, use_locale, Locale};

/// Props of [`SolverPanel`].
#[derive(Properties, PartialEq)]
pub struct SolverPanelProps {
    /// The comparison the solvers start from.
    pub comparison: Same<Comparison>,
    /// Sets an input, as typing in it would.
    pub on_change: Callback<(Input, String)>,
}

/// The target margin a visitor starts with, in percent.
const DEFAULT_TARGET: i64 = 15;
const TARGET_ID: &str = "solver-target-margin";

/// A price stated with exactly `decimals` places, in `locale`, with its currency code:
/// `13.9650 USD`. Not rounded to the cent: these are the places that meet the target.
pub fn stated_price(locale: &Locale, price: Decimal, decimals: u32, currency: &str) -> String {
    // `Intl` drops trailing zeros; the places are part of the statement, so put them back.
    let mut number = format::number(locale, round_to(price, decimals), decimals);
    let decimal = separators(locale.lang).decimal;
    let shown = number.rsplit_once(decimal).map_or(0, |(_, places)| {
        places.chars().filter(char::is_ascii_digit).count()
    });
    if shown == 0 && decimals > 0 {
        number.push(decimal);
    }
    number.extend(std::iter::repeat_n(
        '0',
        (decimals as usize).saturating_sub(shown),
    ));
    fill_all(
        solver_texts(locale.lang).price_in,
        &[number.as_str(), currency],
    )
}

/// The input a model's price goes into.
fn price_field(kind: ModelKind) -> Input {
    match kind {
        ModelKind::Pop => Input::Price,
        ModelKind::Semi => Input::SemiPrice,
        ModelKind::Full => Input::SupplyPrice,
    }
}

/// The "What if" panel.
#[function_component]
pub fn SolverPanel(props: &SolverPanelProps) -> Html {
    let locale = use_locale();
    let lang = locale.lang;
    let t = texts(lang);
    let s = solver_texts(lang);
    let text = use_state(|| DEFAULT_TARGET.to_string());
    // While the field cannot be read, the prices stay those of the last margin that could.
    let last_good = use_mut_ref(|| Decimal::from(DEFAULT_TARGET));
    let (margin, error) = match read_target_margin(&locale, &text) {
        Ok(value) => {
            *last_good.borrow_mut() = value;
            (value, None)
        }
        Err(message) => (*last_good.borrow(), Some(message)),
    };
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            text.set(input.value());
        })
    };
    let comparison = &*props.comparison;
    let margin_text = format::percent_plain(&locale, margin);
    // A price as a person would type it: rounded up to the currency's smallest unit (the cent,
    // a whole won), so that it still meets its target; the engine's exact one is in the tooltip.
    let typed = |price: Decimal, decimals: u32, currency: &str, test_id: String| {
        let up = format::price_up_to_unit(price, currency);
        let cell = html! {
            <span class="solved" data-testid={test_id} title={stated_price(&locale, price, decimals, currency)}>
                { format::price(&locale, up, currency) }
            </span>
        };
        (up, cell)
    };
    let use_button = |field: Input, price: Decimal, currency: &str, test_id: String| {
        let value = format::editable_text(lang, &fixed_text(price, format::minor_units(currency)));
        let on_change = props.on_change.clone();
        let label = fill_one(s.use_price_for, input_label(lang, field));
        html! {
            <button type="button" class="tool use-price" data-testid={test_id} aria-label={label}
                onclick={move |_: MouseEvent| on_change.emit((field, value.clone()))}>
                { s.use_price }
            </button>
        }
    };
    let rows = ModelKind::ALL
        .iter()
        .map(|&kind| {
            let id = kind.id();
            let name = t.model_name(kind);
            let head = if kind == ModelKind::Full {
                fill_one(s.supply_row, name)
            } else {
                name.to_owned()
            };
            let Some(m) = comparison.model(kind) else {
                return html! {
                    <tr class={kind.id()}>
                        <th scope="row">{ head }</th>
                        <td colspan="2" class="solver-missing">{ t.card.fix_to_see }</td>
                    </tr>
                };
            };
            let currency = m.break_even_currency.as_str();
            let break_even = m.break_even_price.map_or_else(
                || html! { { t.card.none } },
                |p| typed(p, m.break_even_decimals, currency, format!("solver-break-even-price-{id}")).1,
            );
            let target = match target_margin_price(comparison, kind, margin) {
                Some(price) => {
                    let decimals = price_decimals(comparison, kind);
                    let (up, cell) = typed(price, decimals, currency, format!("solver-target-{id}"));
                    html! {
                        <>
                            { cell }
                            { use_button(price_field(kind), up, currency, format!("solver-use-{id}")) }
                        </>
                    }
                }
                None => html! {
                    <span class="solver-none" data-testid={format!("solver-target-{id}")}>{ s.no_price }</span>
                },
            };
            html! {
                <tr class={kind.id()}>
                    <th scope="row">{ head }</th>
                    <td data-testid={format!("solver-break-even-{id}")}>{ break_even }</td>
                    <td>{ target }</td>
                </tr>
            }
        })
        .collect::<Html>();

    let cost_currency = comparison.scenario.currency.cost.as_str();
    let any_same_as = comparison.full.is_some()
        && [ModelKind::Pop, ModelKind::Semi]
            .into_iter()
            .any(|versus| stated_indifference_supply_price(comparison, versus).is_some());
    let same_as = [ModelKind::Pop, ModelKind::Semi]
        .into_iter()
        .map(|versus| {
            let id = versus.id();
            let other = comparison.model(versus);
            let body = match (other, comparison.full.as_ref()) {
                (Some(other), Some(_)) => {
                    let lead = fill_all(s.same_as, &[t.model_in_sentence(versus).to_owned(), format::money(&locale, other.monthly_profit, cost_currency)]);
                    match stated_indifference_supply_price(comparison, versus) {
                        Some(price) => {
                            let decimals = indifference_supply_price_decimals(comparison);
                            let (up, cell) = typed(price, decimals, cost_currency, format!("solver-same-as-{id}"));
                            html! {
                                <>
                                    <span>{ lead }{ ": " }</span>
                                    <strong>{ cell }</strong>
                                    { use_button(Input::SupplyPrice, up, cost_currency, format!("solver-use-same-as-{id}")) }
                                </>
                            }
                        }
                        None => {
                            // Say which earns more when that is why there is no price.
                            let sentence = match supply_price_verdict(comparison, versus) {
                                Some(SupplyPriceVerdict::AlwaysMore) => s.same_as_always,
                                Some(SupplyPriceVerdict::NeverAsMuch) => s.same_as_never,
                                None => s.same_as_none,
                            };
                            html! {
                                <span class="solver-none" data-testid={format!("solver-same-as-{id}")}>
                                    { fill_one(sentence, t.model_in_sentence(versus)) }
                                </span>
                            }
                        }
                    }
                }
                _ => html! { <span class="solver-missing">{ t.card.fix_to_see }</span> },
            };
            html! { <li class={versus.id()}>{ body }</li> }
        })
        .collect::<Html>();

    let error_id = format!("{TARGET_ID}-error");
    let hint_id = format!("{TARGET_ID}-hint");
    html! {
        <section class="what-if" aria-labelledby="what-if-title" data-testid="solver">
            <h2 id="what-if-title">{ s.title }</h2>
            <p class="what-if-intro">{ s.intro }</p>
            <div class={classes!("field", "solver-target", error.is_some().then_some("invalid"))}>
                <label for={TARGET_ID}>{ s.target_label }</label>
                <div class="control">
                    <input id={TARGET_ID} type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                        value={(*text).clone()} {oninput}
                        aria-invalid={error.is_some().then_some("true")}
                        aria-describedby={if error.is_some() { error_id.clone() } else { hint_id.clone() }} />
                    <span class="unit" aria-hidden="true">{ "%" }</span>
                </div>
                if let Some(message) = &error {
                    <p class="error" id={error_id} role="alert" data-testid="solver-target-error">{ message }</p>
                } else {
                    <p class="hint" id={hint_id}>{ s.target_hint }</p>
                }
            </div>
            <div class="solver-scroll">
                <table class="solver-table">
                    <caption class="visually-hidden">{ fill_one(s.table_caption, &margin_text) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ t.breakdown.model }</th>
                            <th scope="col">{ t.card.break_even }</th>
                            <th scope="col" data-testid="solver-target-heading">{ fill_one(s.price_for_margin, &margin_text) }</th>
                        </tr>
                    </thead>
                    <tbody>{ rows }</tbody>
                </table>
            </div>
            <h3>{ s.same_as_title }</h3>
            <ul class="same-as">{ same_as }</ul>
            // "Above this supply price…" only under a price.
            if any_same_as {
                <p class="hint" data-testid="solver-same-as-note">{ s.same_as_note }</p>
            }
        </section>
    }
}
