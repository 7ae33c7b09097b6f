//! One selling model's figures, and why they are what they are.

use sellercalc_engine::decimal::{price_up, round_to};
use sellercalc_engine::{Decimal, ModelKind, Moment, Rule, RuleArg};
use yew::prelude::*;

use crate::format;
use crate::i18n::{
    around, fill, fill_all, name_arg, rule_text, sentences, texts, use_locale, Locale,
};
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
    /// Whether its figures rest on an estimate the user never entered (fully managed's supply
    /// price).
    #[prop_or_default]
    pub estimated: bool,
    /// Warnings about the inputs this model depends on, in the page's language.
    #[prop_or_default]
    pub warnings: Vec<AttrValue>,
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
        RuleArg::Rules { rules } => {
            let parts: Vec<String> = rules.iter().map(|rule| rule_in(locale, rule)).collect();
            crate::i18n::sentences(&parts)
        }
    })
}

/// One figure of a card: its label, and its value under a `data-testid` of `{model}-{key}`. (One
/// function, so that each row is a call rather than its own copy of the markup.)
fn figure(label: &str, model: &str, key: &str, value: Html) -> Html {
    html! {
        <div><dt>{ label.to_owned() }</dt><dd data-testid={format!("{model}-{key}")}>{ value }</dd></div>
    }
}

/// A profit as shown everywhere (cards, the phone's summary, the A/B table): a loss with the
/// loss colour and a ▼ (never by colour alone), a gain with the gain colour; the amount, minus
/// sign included, never wraps (`.amount`).
pub fn profit(shown: &str, value: Decimal) -> Html {
    let amount = html! { <span class="amount">{ shown.to_owned() }</span> };
    if value.is_sign_negative() && !value.is_zero() {
        html! { <span class="loss">{ "▼ " }{ amount }</span> }
    } else {
        html! { <span class="gain">{ amount }</span> }
    }
}

/// The warnings a model's card repeats, in `locale`: those about the inputs the model depends
/// on, except the estimate (the card marks that itself) and a fractional volume (said at its
/// field, as it concerns every model alike).
pub fn card_warnings(
    locale: &Locale,
    comparison: &sellercalc_engine::Comparison,
    kind: ModelKind,
) -> Vec<AttrValue> {
    use sellercalc_engine::{Field, WarningKind};
    comparison
        .warnings
        .iter()
        .filter(|w| {
            !matches!(
                w.kind,
                WarningKind::EstimatedSupplyPrice { .. } | WarningKind::FractionalVolume
            )
        })
        .filter(|w| match &w.field {
            Field::Input(input) => input.models().contains(&kind),
            _ => true,
        })
        .map(|w| AttrValue::from(crate::components::field::warning_text(locale, w)))
        .collect()
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
    // "Why?" is closed: its tables (two thirds of a card's elements) are built once the figures
    // are painted (issue #17, lever 2).
    let painted = crate::app::use_painted();
    let Some((shown, m)) = props.shown.as_ref().and_then(|s| Some((s, s.result()?))) else {
        return html! {
            <article class={classes!("card", id)} aria-labelledby={format!("{id}-title")}>
                { title }
                <p class="explain">{ t.model_explanation(kind) }</p>
                <p class="stale-note">{ c.fix_to_see }</p>
            </article>
        };
    };
    let cur = props.currency.as_str();
    let one = |template: &str, value: String| fill(template, |i| (i == 0).then(|| value.clone()));
    let money = |d: Decimal| format::money(&locale, d, cur);
    let signed = |d: Decimal| profit(&money(d), d);
    // Margin, return on goods and on money tied up: a loss reads as one too; a gain stays plain.
    let loss_only = |shown: String, d: Option<Decimal>| match d {
        Some(d) if d.is_sign_negative() && !d.is_zero() => profit(&shown, d),
        _ => html! { shown },
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
    let (break_even_label, margin_label) = if kind == ModelKind::Full {
        (c.break_even_supply, c.margin_of_supply)
    } else {
        (c.break_even, c.margin_of_price)
    };
    let roi = m
        .roi_pct
        .map_or_else(|| c.none.to_owned(), |pct| format::percent(&locale, pct));
    let per_hundred = one(
        c.return_on_capital,
        format::money_whole(&locale, Decimal::ONE_HUNDRED, cur),
    );
    let return_on_capital = m.cash.return_on_capital_pct.map_or_else(
        || c.none.to_owned(),
        |pct| format::money_as_shown(&locale, pct, cur),
    );
    // What the buyer pays where AliExpress adds VAT at checkout (the sale currency: not converted).
    let vat = m.buyer.as_ref().map(|b| match b.price {
        Some(price) => fill_all(
            c.buyer_pays,
            &[
                format::money(&locale, price, &m.break_even_currency),
                format::percent_plain(&locale, b.vat_pct),
            ],
        ),
        None => c.vat_at_import.to_owned(),
    });
    let moment = |m: Moment| match m {
        Moment::Purchase => c.moment_purchase,
        Moment::Advance => c.moment_advance,
        Moment::Shipping => c.moment_shipping,
        Moment::Payout => c.moment_payout,
    };
    let whole_days = round_to(m.cash.days_to_cash, 0);
    let days = t.days(
        &format::number(&locale, whole_days, 0),
        whole_days == Decimal::ONE,
    );
    let (keep_before, keep_after) = around(c.you_keep);
    let sheet_date = crate::rate_sheet::active().map(|loaded| loaded.loaded_on.clone());
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
            if props.estimated {
                <p class="estimate-badge" data-testid={format!("{id}-estimated")}>
                    <span aria-hidden="true">{ "⚠ " }</span>{ t.warnings.estimated_short }
                </p>
            }
            if !props.warnings.is_empty() {
                <ul class="card-warnings" data-testid={format!("{id}-warnings")}>
                    { for props.warnings.iter().map(|w| html! {
                        <li><span aria-hidden="true">{ "⚠ " }</span>{ w }</li>
                    }) }
                </ul>
            }
            <p class="headline">
                { keep_before }<strong data-testid={format!("{id}-profit-per-unit")}>{ signed(m.profit_per_unit) }</strong>{ keep_after }
            </p>
            <dl class="figures">
                { figure(c.a_month, id, "monthly-profit", signed(m.monthly_profit)) }
                { figure(margin_label, id, "margin", loss_only(format::percent(&locale, m.margin_pct), Some(m.margin_pct))) }
                { figure(c.roi, id, "roi", loss_only(roi, m.roi_pct)) }
                { figure(break_even_label, id, "break-even", break_even.unwrap_or_else(|| c.none.to_owned()).into()) }
                { figure(c.money_back_in, id, "days-to-cash", days.into()) }
                { figure(c.money_tied_up, id, "capital", money(m.cash.capital_tied).into()) }
                { figure(&per_hundred, id, "return-on-capital", loss_only(return_on_capital, m.cash.return_on_capital_pct)) }
            </dl>
            if let Some(vat) = vat {
                <p class="vat-note" data-testid={format!("{id}-vat")}>{ vat }</p>
            }
            <details class="why">
                <summary>{ c.why }</summary>
                if painted {
                <table>
                    <caption class="visually-hidden">{ one(c.per_unit_sold, name.to_owned()) }</caption>
                    <tbody>
                        <tr class="revenue">
                            <th scope="row">{ c.you_are_paid }<span class="rule">{ rule_in(&locale, &m.revenue_rule) }</span></th>
                            <td>{ money(m.revenue_per_unit) }</td>
                        </tr>
                        { for m.line_items.iter().map(|item| html! {
                            <tr data-key={item.key}>
                                <th scope="row">{ t.line_item(item) }<span class="rule">{ rule_in(&locale, &item.rule) }</span>
                                    // The seller's own rate sheet (issue #15, item 2).
                                    if let Some(date) = sheet_date.as_ref().filter(|_| item.key == "last_mile") {
                                        <span class="rule rate-source" data-testid={format!("{id}-rate-source")}>{ crate::i18n::fill_one(crate::i18n::share::share_texts(locale.lang).rs_postage_note, date) }</span>
                                    }
                                </th>
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
                <table class="timeline" data-testid={format!("{id}-timeline")}>
                    <caption>{ c.timeline }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ c.day_column }</th>
                            <th scope="col">{ c.paid_out }</th>
                            <th scope="col">{ c.paid_in }</th>
                            <th scope="col">{ c.tied }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for m.cash.timeline.iter().map(|e| html! {
                            <tr>
                                <th scope="row">
                                    { one(c.timeline_day, format::number(&locale, e.day, 1)) }
                                    <span class="rule">{ moment(e.moment) }</span>
                                </th>
                                <td>{ money(e.paid_out) }</td>
                                <td>{ money(e.paid_in) }</td>
                                <td>{ money(e.tied) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                }
            </details>
        </article>
    }
}
