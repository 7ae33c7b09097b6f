//! One selling model's figures, and why they are what they are.

use rust_decimal::RoundingStrategy;
use sellercalc_engine::{Decimal, ModelKind};
use yew::prelude::*;

use crate::format;
use crate::state::Shown;

/// Props of [`ModelCard`].
#[derive(Properties, PartialEq)]
pub struct ModelCardProps {
    /// Which model.
    pub kind: ModelKind,
    /// Its figures, if there have ever been valid ones.
    pub shown: Option<Shown>,
    /// The cost currency.
    pub currency: AttrValue,
    /// Whether this model earns the most.
    pub best: bool,
    /// Monthly units as entered, before any uplift.
    pub units: Decimal,
}

/// What each model means, in one plain sentence.
pub fn explanation(kind: ModelKind) -> &'static str {
    match kind {
        ModelKind::Pop => "POP: your own store. You set the price, ship each order and handle returns.",
        ModelKind::Semi => "Semi-managed: you set the price; the platform (Cainiao) ships, stores and handles returns.",
        ModelKind::Full => "Fully managed: you sell to the platform at a supply price; it sets the retail price and does the rest.",
    }
}

/// A card with profit per unit, monthly profit, margin, break-even and days to cash; "why?"
/// expands to every line item and its rule.
#[function_component]
pub fn ModelCard(props: &ModelCardProps) -> Html {
    let kind = props.kind;
    let id = kind.id();
    let title = html! {
        <header>
            <h2 id={format!("{id}-title")}>{ kind.name() }</h2>
            if props.best {
                <span class="best-badge">{ "★ Earns most" }</span>
            }
        </header>
    };
    let Some(shown) = &props.shown else {
        return html! {
            <article class={classes!("card", id)} aria-labelledby={format!("{id}-title")}>
                { title }
                <p class="explain">{ explanation(kind) }</p>
                <p class="stale-note">{ "Fix the highlighted fields to see these figures." }</p>
            </article>
        };
    };
    let m = &shown.result;
    let cur = props.currency.as_str();
    let money = |d: Decimal| format::money(d, cur);
    let signed = |d: Decimal| {
        if d.is_sign_negative() && !d.is_zero() {
            html! { <span class="loss">{ "▼ " }{ money(d) }</span> }
        } else {
            html! { <span class="gain">{ money(d) }</span> }
        }
    };
    // Rounded up to the cent: selling at the shown price never loses money.
    // A cost shows with a minus sign, a credit with a plus, zero with neither.
    let deduction = |d: Decimal| {
        if d.is_zero() {
            money(Decimal::ZERO)
        } else if d.is_sign_negative() {
            format!("+{}", money(-d))
        } else {
            format!("−{}", money(d))
        }
    };
    let break_even = m.break_even_price.map(|p| {
        format::money(
            p.round_dp_with_strategy(2, RoundingStrategy::ToPositiveInfinity),
            &m.break_even_currency,
        )
    });
    let break_even_label = if kind == ModelKind::Full {
        "Break-even supply price"
    } else {
        "Break-even price"
    };
    let days = format::number(m.cash.days_to_cash, 0);
    html! {
        <article class={classes!("card", id, props.best.then_some("best"), shown.stale.then_some("stale"))}
            aria-labelledby={format!("{id}-title")} data-testid={format!("{id}-card")}>
            { title }
            <p class="explain">{ explanation(kind) }</p>
            if shown.stale {
                <p class="stale-note">{ "Last valid figures: fix the highlighted field to update them." }</p>
            }
            <p class="headline">
                { "You keep " }<strong data-testid={format!("{id}-profit-per-unit")}>{ signed(m.profit_per_unit) }</strong>{ " of every sale" }
            </p>
            <dl class="figures">
                <div><dt>{ "A month" }</dt><dd data-testid={format!("{id}-monthly-profit")}>{ signed(m.monthly_profit) }</dd></div>
                <div><dt>{ "Margin" }</dt><dd data-testid={format!("{id}-margin")}>{ format::percent(m.margin_pct) }</dd></div>
                <div><dt>{ break_even_label }</dt><dd data-testid={format!("{id}-break-even")}>{ break_even.unwrap_or_else(|| "none".to_owned()) }</dd></div>
                <div><dt>{ "Money back in" }</dt><dd data-testid={format!("{id}-days-to-cash")}>{ format!("{days} days") }</dd></div>
            </dl>
            <details class="why">
                <summary>{ "Why these figures?" }</summary>
                <table>
                    <caption class="visually-hidden">{ format!("{} per unit sold", kind.name()) }</caption>
                    <tbody>
                        <tr class="revenue">
                            <th scope="row">{ "You are paid" }<span class="rule">{ m.revenue_rule.english() }</span></th>
                            <td>{ money(m.revenue_per_unit) }</td>
                        </tr>
                        { for m.line_items.iter().map(|item| html! {
                            <tr data-key={item.key}>
                                <th scope="row">{ item.label }<span class="rule">{ item.rule.english() }</span></th>
                                <td>
                                    { deduction(item.amount) }
                                    if let Some(waived) = item.waived {
                                        <span class="waived">{ format!("saves {}", money(waived)) }</span>
                                    }
                                </td>
                            </tr>
                        }) }
                        <tr class="total">
                            <th scope="row">{ "Profit per unit" }</th>
                            <td>{ money(m.profit_per_unit) }</td>
                        </tr>
                        <tr>
                            <th scope="row">{ "Units a month" }
                                if m.monthly_units != props.units {
                                    <span class="rule">{ "Includes the Choice traffic uplift (see Assumptions)." }</span>
                                }
                            </th>
                            <td>{ format::number(m.monthly_units, 2) }</td>
                        </tr>
                        <tr>
                            <th scope="row">{ "Money tied up" }<span class="rule">{ format!("{} Upfront costs of {} a unit for a month's sales, out for that many days.", m.cash.rule.english(), money(m.cash.outlay_per_unit)) }</span></th>
                            <td>{ money(m.cash.capital_tied) }</td>
                        </tr>
                    </tbody>
                </table>
            </details>
        </article>
    }
}
