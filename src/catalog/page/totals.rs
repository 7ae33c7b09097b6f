//! The portfolio: which fees it uses, four totals (saying which rest on estimated supply prices)
//! and the products that make the difference.

use sellercalc_engine::catalog::Portfolio;
use sellercalc_engine::{Decimal, ModelKind, PolicySet};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::{estimated_mark, product_name, Same};
use crate::catalog::state::Action;
use crate::format;
use crate::i18n::{self, fill_all, fill_one, use_locale};

/// Props of [`Totals`].
#[derive(Properties, PartialEq)]
pub struct TotalsProps {
    /// The totals.
    pub portfolio: Same<Portfolio>,
    /// Whether the included rows share one cost currency.
    pub one_currency: bool,
    /// Their cost currency.
    pub currency: String,
    /// The id of the set of fees in use.
    pub policy: String,
    /// The uniform choice the drivers are measured against, if the user picked one.
    pub versus: Option<ModelKind>,
    /// Where the choice of `versus` goes.
    pub on: Callback<Action>,
}

/// Each model's total over the catalog, the best mix, and the products that make the difference.
#[function_component]
pub fn Totals(props: &TotalsProps) -> Html {
    let locale = use_locale();
    let t = locale.lang.catalog();
    let names = locale.lang.texts();
    let p = &props.portfolio;
    if p.included == 0 {
        return html! {};
    }
    let cost = &props.currency;
    if !props.one_currency {
        return html! { <p class="notice" data-testid="catalog-mixed">{ t.mixed_currency }</p> };
    }
    let money = |v: Decimal| format::money(&locale, v, cost);
    let count = |v: usize| format::number(&locale, v.into(), 0);
    let all_as = |kind: ModelKind| {
        let name = names.model_name(kind).to_owned();
        fill_one(t.all_as, &name)
    };
    // How many of the products in a total rest on an estimated supply price, and of how many.
    let estimated = |n: usize, of: usize| {
        html! {
            <p class="detail estimated" data-testid="tile-estimated">
                { fill_all(t.tile_estimated, &[count(n), count(of)]) }
            </p>
        }
    };
    let tile = |kind: ModelKind| {
        let k = kind.index();
        let total = p.totals[k];
        let below = p.best_per_sku - total;
        let on_estimate = kind == ModelKind::Full && p.estimated > 0;
        html! {
            <div class={classes!("total", kind.id())} data-testid={format!("total-{}", kind.id())}>
                <h3>{ all_as(kind) }</h3>
                <p class={classes!("amount", (total < Decimal::ZERO).then_some("loss"))}>
                    { money(total) }
                    if on_estimate { { " " }{ estimated_mark(t) } }
                </p>
                <p class="detail">{ fill_one(if p.best_counts[k] == 1 { t.best_for_one } else { t.best_for }, &count(p.best_counts[k])) }</p>
                <p class="detail">{ fill_one(t.below_mix, &money(below)) }</p>
                if on_estimate { { estimated(p.estimated, p.included) } }
            </div>
        }
    };
    // What the totals rest on: how many supply prices are estimates, and whether fully
    // managed comes out best on them.
    let estimated_note = (p.estimated > 0).then(|| {
        let mut note = fill_all(
            t.estimated_note,
            &[
                count(p.estimated),
                count(p.included),
                t.estimated_mark.to_owned(),
            ],
        );
        if p.best_estimated > 0 {
            note.push_str(i18n::sentence_gap(&note));
            note.push_str(&fill_one(t.estimated_decides, &count(p.best_estimated)));
        }
        note
    });
    // Which fees: "AliExpress fees as of …", or, for an older set, that and the newest's date.
    let Some(policy) = PolicySet::find(&props.policy) else {
        return html! {};
    };
    let words = &names.policy;
    let in_use = format::date(&locale, &policy.effective_date);
    let fees = match PolicySet::newest().filter(|n| n.id != policy.id) {
        Some(newest) => fill_all(
            words.not_newest,
            &[in_use, format::date(&locale, &newest.effective_date)],
        ),
        None => fill_one(words.fees_as_of, &in_use),
    };
    let versus = props.versus.or(p.best_uniform).unwrap_or(ModelKind::Pop);
    let gain = p.best_per_sku - p.totals[versus.index()];
    let on_versus = props.on.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        let kind = ModelKind::ALL
            .into_iter()
            .find(|k| k.id() == select.value())
            .unwrap_or(ModelKind::Pop);
        Action::Versus(kind)
    });
    let drivers = &p.drivers[versus.index()];
    html! {
        <section class="catalog-totals" aria-labelledby="totals-title" data-testid="catalog-totals">
            <h2 id="totals-title">{ t.totals_title }</h2>
            <p class="fees-in-use" data-testid="catalog-policy">{ fees }</p>
            <div class="totals">
                { for ModelKind::ALL.into_iter().map(tile) }
                <div class="total best" data-testid="total-best">
                    <h3>{ "★ " }{ t.best_mix }</h3>
                    <p class="amount">
                        { money(p.best_per_sku) }
                        if p.best_estimated > 0 { { " " }{ estimated_mark(t) } }
                    </p>
                    <p class="detail">{ t.the_most }</p>
                    if p.best_estimated > 0 { { estimated(p.best_estimated, p.included) } }
                </div>
            </div>
            if let Some(note) = estimated_note {
                <p class="estimated-note" data-testid="catalog-estimated">
                    <span aria-hidden="true">{ "⚠ " }</span>{ note }
                </p>
            }
            if p.excluded > 0 {
                <p class="excluded" data-testid="catalog-excluded">{ fill_one(if p.excluded == 1 { t.excluded_one } else { t.excluded }, &count(p.excluded)) }</p>
            }
            <h3 id="drivers-title">{ t.drivers_title }</h3>
            <div class="field select versus">
                <label for="catalog-versus">{ t.versus }</label>
                <select id="catalog-versus" data-testid="catalog-versus" onchange={on_versus}>
                    { for ModelKind::ALL.into_iter().map(|k| html! {
                        <option value={k.id()} selected={k == versus}>{ all_as(k) }</option>
                    }) }
                </select>
            </div>
            if gain.is_zero() || drivers.is_empty() {
                <p data-testid="catalog-drivers-none">{ fill_one(t.all_same, names.model_name(versus)) }</p>
            } else {
                <p>{ fill_all(t.drivers_intro, &[money(gain), all_as(versus)]) }</p>
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="drivers-title">
                    <table class="drivers" data-testid="catalog-drivers">
                        <thead><tr>
                            <th scope="col">{ t.col_product }</th>
                            <th scope="col">{ t.col_best }</th>
                            <th scope="col" class="num">{ t.gain }</th>
                            <th scope="col" class="num">{ t.share }</th>
                        </tr></thead>
                        <tbody>
                            { for drivers.iter().map(|d| {
                                let share = (d.gain * Decimal::ONE_HUNDRED).checked_div(gain).unwrap_or_default();
                                let name = product_name(&locale, &d.name, d.line);
                                html! { <tr>
                                    <th scope="row">{ name }</th>
                                    <td>{ names.model_name(d.best) }</td>
                                    <td class="num gain">
                                        { "+" }{ money(d.gain) }
                                        if d.estimated { { " " }{ estimated_mark(t) } }
                                    </td>
                                    <td class="num">{ format::percent(&locale, share) }</td>
                                </tr> }
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}
