//! Which AliExpress fees the figures use (a policy set, by its date), a way to pick another set,
//! and what changed from the set before it: the values, and what the change does to each model's
//! monthly profit for the scenario on the page.

use std::collections::BTreeMap;
use std::rc::Rc;

use sellercalc_engine::{compare_figures, Comparison, Decimal, ModelKind, PolicySet, PolicyValue};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::Same;
use crate::format;
use crate::i18n::{
    category_name, destination_name, fill_all, sentences, source_text, texts, use_locale,
    value_label, value_note, Locale,
};
use crate::state::{self, scenario_input, Form};

/// Props of [`PolicyBar`].
#[derive(Properties, PartialEq)]
pub struct PolicyBarProps {
    /// The comparison under the set of fees in use.
    pub comparison: Same<Comparison>,
    /// What the user typed, to compare it under the earlier fees.
    pub form: Form,
    /// The policy values the user changed, by id, as typed.
    pub assumptions: BTreeMap<String, String>,
    /// The id of the set of fees in use (as chosen: it may be one this page does not know).
    pub policy: AttrValue,
    /// Called with the id of the set the user picks; without it the set is only named.
    #[prop_or_default]
    pub on_pick: Option<Callback<String>>,
}

/// `value`'s default as the page writes it: a percentage, days, or an amount with its unit.
fn value_text(locale: &Locale, value: &PolicyValue, amount: Decimal) -> String {
    let t = texts(locale.lang);
    match value.unit.as_str() {
        "%" => format::percent_plain(locale, amount),
        "days" => t.days(&format::number(locale, amount, 1), amount == Decimal::ONE),
        unit => format!(
            "{} {}",
            format::editable(locale, amount),
            crate::i18n::value_unit(t, unit)
        ),
    }
}

/// A policy value's label in `locale`'s language.
fn label(locale: &Locale, set: &PolicySet, value: &PolicyValue) -> String {
    let lang = locale.lang;
    let t = texts(lang);
    value_label(
        lang,
        value,
        |id| {
            let english = set.category(id).map_or(id, |c| c.name.as_str());
            category_name(t, id, english).to_owned()
        },
        |code| {
            let english = set.destination(code).map_or(code, |d| d.name.as_str());
            destination_name(lang, code, english)
        },
    )
}

/// One line of "what changed": the value, before → after, and its note.
struct Change {
    text: String,
    note: String,
}

/// The values of `set` that differ from `earlier`, worded for `locale`.
fn changes(locale: &Locale, set: &'static PolicySet, earlier: &PolicySet) -> Vec<Change> {
    let words = &texts(locale.lang).policy;
    set.changes_from(earlier)
        .into_iter()
        .filter_map(|(id, before, after)| {
            let value = set.value(id).or_else(|| earlier.value(id))?;
            let name = label(locale, set, value);
            let text = match (before, after) {
                (Some(b), Some(a)) if b == a => {
                    fill_all(words.restated_value, &[name, value_text(locale, value, a)])
                }
                (Some(b), Some(a)) => fill_all(
                    words.changed_value,
                    &[
                        name,
                        value_text(locale, value, b),
                        value_text(locale, value, a),
                    ],
                ),
                (None, Some(a)) => fill_all(words.new_value, &[name, value_text(locale, value, a)]),
                (_, None) => return None,
            };
            // Why, and on what authority: the value's note, then its source (or that it is an
            // assumption).
            let note = set
                .value(id)
                .map(|v| {
                    sentences(&[
                        value_note(locale.lang, v),
                        source_text(locale.lang, set, &v.source),
                    ])
                })
                .unwrap_or_default();
            Some(Change { text, note })
        })
        .collect()
}

/// "AliExpress fees as of 1 Aug 2025", the sets to pick from, and "What changed".
#[function_component]
pub fn PolicyBar(props: &PolicyBarProps) -> Html {
    let locale = use_locale();
    let t = texts(locale.lang);
    let words = &t.policy;
    let set = state::policy_set(&props.policy);
    let newest = PolicySet::newest();
    let date = format::date(&locale, &set.effective_date);
    // The other set's figures are worked out only while the list is open.
    let open = use_state(|| false);
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::Element = e.target_unchecked_into();
            open.set(details.has_attribute("open"));
        })
    };
    let previous = set.previous();
    let moves: Rc<Vec<(ModelKind, Option<Decimal>)>> = {
        let key = (
            *open,
            previous.map(|p| p.id.clone()),
            props.form.clone(),
            props.assumptions.clone(),
            locale.lang,
        );
        let comparison = props.comparison.clone();
        use_memo(key, move |(open, previous, form, assumptions, lang)| {
            let (true, Some(previous)) = (*open, previous) else {
                return Vec::new();
            };
            // The same inputs, as typed in the page's language, under the earlier fees.
            let input = scenario_input(form, assumptions, previous, *lang);
            // Only the monthly profits are read: the figures without the rules' wording.
            let before = compare_figures(&input);
            ModelKind::ALL
                .into_iter()
                .map(|kind| {
                    let now = comparison.model(kind).map(|m| m.monthly_profit);
                    let then = before.model(kind).map(|m| m.monthly_profit);
                    (kind, now.zip(then).map(|(now, then)| now - then))
                })
                .collect()
        })
    };
    let cur = props.comparison.scenario.currency.cost.clone();
    let picker = props.on_pick.as_ref().map(|on_pick| {
        let on_pick = on_pick.clone();
        let onchange = Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            on_pick.emit(select.value());
        });
        let mut sets: Vec<&'static PolicySet> = PolicySet::builtin().iter().collect();
        sets.sort_by(|a, b| b.effective_date.cmp(&a.effective_date));
        html! {
            <>
            <label for="policy-set">{ words.choose_set }</label>{ " " }
            <select id="policy-set" data-testid="policy-set" {onchange}>
                { for sets.into_iter().map(|s| {
                    let when = format::date(&locale, &s.effective_date);
                    let template = if newest.is_some_and(|n| n.id == s.id) { words.newest_option } else { words.older_option };
                    html! {
                        <option value={s.id.clone()} selected={s.id == set.id}>{ fill_all(template, &[when]) }</option>
                    }
                }) }
            </select>
            </>
        }
    });
    let not_newest = newest.filter(|n| n.id != set.id);
    // A link or save from a newer SellerCalc may name fees this page does not know.
    let unknown = props
        .comparison
        .errors
        .iter()
        .find(|e| e.field == sellercalc_engine::Field::Policy)
        .map(|_| fill_all(words.unknown_set, &[props.policy.as_str()]));
    html! {
        <section class="policy-bar" data-testid="policy-bar" aria-label={words.choose_set}>
            <p class="policy-in-use">
                if let Some(picker) = picker {
                    { picker }
                } else {
                    <span data-testid="policy-in-use">{ fill_all(words.fees_as_of, &[&date]) }</span>
                }
            </p>
            if let Some(unknown) = unknown {
                <p class="policy-old" role="alert" data-testid="policy-unknown">{ unknown }
                    if let (Some(on_pick), Some(newest)) = (&props.on_pick, newest) {
                        { " " }
                        <button type="button" class="link-button"
                            onclick={ let on_pick = on_pick.clone(); let id = newest.id.clone(); Callback::from(move |_| on_pick.emit(id.clone())) }>
                            { words.use_newest }
                        </button>
                    }
                </p>
            } else if let Some(newest) = not_newest {
                <p class="policy-old" data-testid="policy-not-newest">
                    { fill_all(words.not_newest, &[date.clone(), format::date(&locale, &newest.effective_date)]) }
                    if let Some(on_pick) = &props.on_pick {
                        { " " }
                        <button type="button" class="link-button" data-testid="policy-use-newest"
                            onclick={ let on_pick = on_pick.clone(); let id = newest.id.clone(); Callback::from(move |_| on_pick.emit(id.clone())) }>
                            { words.use_newest }
                        </button>
                    }
                </p>
            }
            <details class="what-changed" data-testid="what-changed" ontoggle={on_toggle}>
                <summary>{ fill_all(words.what_changed, &[&date]) }</summary>
                if let Some(previous) = previous {
                    <ul class="changes">
                        { for changes(&locale, set, previous).into_iter().map(|c| html! {
                            <li>{ c.text }<span class="rule">{ c.note }</span></li>
                        }) }
                    </ul>
                    <p>{ fill_all(words.profit_moves, &[format::date(&locale, &previous.effective_date)]) }</p>
                    <ul class="moves" data-testid="profit-moves">
                        { for moves.iter().map(|(kind, delta)| {
                            let amount = match delta {
                                Some(d) if d.is_zero() => words.no_change.to_owned(),
                                Some(d) if d.is_sign_negative() => format!("▼ {}", format::money(&locale, *d, &cur)),
                                Some(d) => format!("▲ +{}", format::money(&locale, *d, &cur)),
                                None => t.card.none.to_owned(),
                            };
                            html! { <li data-model={kind.id()}>{ fill_all(words.model_moves, &[t.model_name(*kind).to_owned(), amount]) }</li> }
                        }) }
                    </ul>
                } else {
                    <p>{ words.first_set }</p>
                }
            </details>
        </section>
    }
}
