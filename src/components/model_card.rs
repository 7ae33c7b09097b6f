//! One selling model's figures, and why they are what they are.

use sellercalc_engine::decimal::{price_up, round_to};
use sellercalc_engine::{Decimal, ModelKind, Rule, RuleArg};
use yew::prelude::*;

use crate::format;
use crate::i18n::{around, fill, name_arg, rule_text, sentences, texts, use_locale, Locale};
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

/// A rule in `locale`: money and percentages through `Intl`, names from the tables or the
/// browser.
pub fn rule_in(locale: &Locale, rule: &Rule) -> String {
    let lang = locale.lang;
    rule_text(lang, rule, |arg| match arg {
        RuleArg::Money { amount, currency } => format::money(locale, *amount, currency),
        RuleArg::Percent { value } => format::percent_plain(locale, *value),
        RuleArg::Number { value } => format::number(locale, *value, 4),
        RuleArg::Name { kind, id, english } => name_arg(lang, kind, id, english),
    })
}

/// A card with profit per unit, monthly profit, margin, break-even and days to cash; "why?"
/// expands to every line item and its rule.
#[function_component]
pub fn ModelCard(props: &ModelCardProps) -> Html {
    let locale = use_locale();
    let t = texts(locale.lang);
    let c = &t.card;
    let kind = props.kind;
    let id = kind.id();
    let name = t.model_name(kind);
    let title = html! {
        <header>
            <h2 id={format!("{id}-title")}>{ name }</h2>
            if props.best {
                <span class="best-badge">{ "★ " }{ c.best }</span>
            }
        </header>
    };
    let Some(shown) = &props.shown else {
        return html! {
            <article class={classes!("card", id)} aria-labelledby={format!("{id}-title")}>
                { title }
                <p class="explain">{ t.model_explanation(kind) }</p>
                <p class="stale-note">{ c.fix_to_see }</p>
            </article>
        };
    };
    let m = &shown.result;
    let cur = props.currency.as_str();
    let money = |d: Decimal| format::money(&locale, d, cur);
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
    let break_even = m
        .break_even_price
        .map(|p| format::money(&locale, price_up(p), &m.break_even_currency));
    let break_even_label = if kind == ModelKind::Full {
        c.break_even_supply
    } else {
        c.break_even
    };
    let whole_days = round_to(m.cash.days_to_cash, 0);
    let days = t.days(
        &format::number(&locale, whole_days, 0),
        whole_days == Decimal::ONE,
    );
    let (keep_before, keep_after) = around(c.you_keep);
    let one = |template: &str, value: String| fill(template, |i| (i == 0).then(|| value.clone()));
    let tied_up = sentences(&[
        rule_in(&locale, &m.cash.rule),
        one(c.money_tied_up_rule, money(m.cash.outlay_per_unit)),
    ]);
    html! {
        <article class={classes!("card", id, props.best.then_some("best"), shown.stale.then_some("stale"))}
            aria-labelledby={format!("{id}-title")} data-testid={format!("{id}-card")}>
            { title }
            <p class="explain">{ t.model_explanation(kind) }</p>
            if shown.stale {
                <p class="stale-note">{ c.stale }</p>
            }
            <p class="headline">
                { keep_before }<strong data-testid={format!("{id}-profit-per-unit")}>{ signed(m.profit_per_unit) }</strong>{ keep_after }
            </p>
            <dl class="figures">
                <div><dt>{ c.a_month }</dt><dd data-testid={format!("{id}-monthly-profit")}>{ signed(m.monthly_profit) }</dd></div>
                <div><dt>{ c.margin }</dt><dd data-testid={format!("{id}-margin")}>{ format::percent(&locale, m.margin_pct) }</dd></div>
                <div><dt>{ break_even_label }</dt><dd data-testid={format!("{id}-break-even")}>{ break_even.unwrap_or_else(|| c.none.to_owned()) }</dd></div>
                <div><dt>{ c.money_back_in }</dt><dd data-testid={format!("{id}-days-to-cash")}>{ days }</dd></div>
            </dl>
            <details class="why">
                <summary>{ c.why }</summary>
                <table>
                    <caption class="visually-hidden">{ one(c.per_unit_sold, name.to_owned()) }</caption>
                    <tbody>
                        <tr class="revenue">
                            <th scope="row">{ c.you_are_paid }<span class="rule">{ rule_in(&locale, &m.revenue_rule) }</span></th>
                            <td>{ money(m.revenue_per_unit) }</td>
                        </tr>
                        { for m.line_items.iter().map(|item| html! {
                            <tr data-key={item.key}>
                                <th scope="row">{ t.line_item(item) }<span class="rule">{ rule_in(&locale, &item.rule) }</span></th>
                                <td>
                                    { deduction(item.amount) }
                                    if let Some(waived) = item.waived {
                                        <span class="waived">{ one(c.saves, money(waived)) }</span>
                                    }
                                </td>
                            </tr>
                        }) }
                        <tr class="total">
                            <th scope="row">{ c.profit_per_unit }</th>
                            <td>{ money(m.profit_per_unit) }</td>
                        </tr>
                        <tr>
                            <th scope="row">{ c.units_a_month }
                                if m.monthly_units != props.units {
                                    <span class="rule">{ c.includes_uplift }</span>
                                }
                            </th>
                            <td>{ format::number(&locale, m.monthly_units, 2) }</td>
                        </tr>
                        <tr>
                            <th scope="row">{ c.money_tied_up }<span class="rule">{ tied_up }</span></th>
                            <td>{ money(m.cash.capital_tied) }</td>
                        </tr>
                    </tbody>
                </table>
            </details>
        </article>
    }
}
