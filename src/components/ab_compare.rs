//! The A/B comparison: the pinned scenario A beside the current inputs B, per model, with the
//! difference B − A of each figure and the inputs that differ ("your price now vs. 10% lower").

use rust_decimal::RoundingStrategy;
use sellercalc_engine::decimal::{parse_decimal, plain_text, round_to};
use sellercalc_engine::{Comparison, Decimal, ModelKind, ModelResult, PolicySet};
use yew::prelude::*;

use crate::export::field_unit;
use crate::format;
use crate::state::{Action, Field, Snapshot, State};

/// Every sentence the comparison shows.
mod text {
    pub const TITLE: &str = "Comparing A (pinned) with B (now)";
    pub const UNPIN: &str = "Unpin A";
    pub const RESTORE: &str = "Go back to A";
    pub const CHANGED: &str = "What differs: ";
    pub const SAME: &str = "Nothing differs yet: change any input and B follows it, while A stays.";
    pub const FIGURE: &str = "Figure";
    pub const A: &str = "A";
    pub const B: &str = "B";
    pub const CHANGE: &str = "B − A";
    pub const BEST: &str = "Earns most";
    pub const MISSING: &str = "—";
    pub const NO_CHANGE: &str = "no change";
    pub const OTHER_CURRENCY: &str = "other currency";
    pub const NONE: &str = "none";
    pub const EMPTY: &str = "empty";
    pub const CAPTION: &str = "Scenario A and scenario B, per selling model";
    pub const DAYS: &str = "days";
    pub const POINTS: &str = "pts";
}

/// A figure compared between A and B.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Figure {
    MonthlyProfit,
    ProfitPerUnit,
    Margin,
    BreakEven,
    DaysToCash,
}

impl Figure {
    const ALL: [Figure; 5] = [
        Figure::MonthlyProfit,
        Figure::ProfitPerUnit,
        Figure::Margin,
        Figure::BreakEven,
        Figure::DaysToCash,
    ];

    fn key(self) -> &'static str {
        match self {
            Figure::MonthlyProfit => "monthly-profit",
            Figure::ProfitPerUnit => "profit-per-unit",
            Figure::Margin => "margin",
            Figure::BreakEven => "break-even",
            Figure::DaysToCash => "days-to-cash",
        }
    }

    fn label(self, kind: ModelKind) -> &'static str {
        match self {
            Figure::MonthlyProfit => "Profit a month",
            Figure::ProfitPerUnit => "Profit per unit",
            Figure::Margin => "Margin",
            Figure::BreakEven if kind == ModelKind::Full => "Break-even supply price",
            Figure::BreakEven => "Break-even price",
            Figure::DaysToCash => "Money back in",
        }
    }

    /// Whether more is better for the seller: more profit, but a lower break-even and less waiting.
    fn more_is_better(self) -> bool {
        matches!(
            self,
            Figure::MonthlyProfit | Figure::ProfitPerUnit | Figure::Margin
        )
    }

    /// The figure as the page shows it, rounded the same way, with its currency (if money).
    fn value(self, m: &ModelResult, cost_currency: &str) -> Option<(Decimal, Option<String>)> {
        let cost = Some(cost_currency.to_owned());
        Some(match self {
            Figure::MonthlyProfit => (round_to(m.monthly_profit, 2), cost),
            Figure::ProfitPerUnit => (round_to(m.profit_per_unit, 2), cost),
            Figure::Margin => (round_to(m.margin_pct, 1), None),
            // Rounded up, as on the cards: selling at the shown price never loses money.
            Figure::BreakEven => (
                m.break_even_price?
                    .round_dp_with_strategy(2, RoundingStrategy::ToPositiveInfinity),
                Some(m.break_even_currency.clone()),
            ),
            Figure::DaysToCash => (round_to(m.cash.days_to_cash, 0), None),
        })
    }

    fn show(self, value: Decimal, currency: Option<&str>) -> String {
        match (self, currency) {
            (Figure::Margin, _) => format::percent(value),
            (Figure::DaysToCash, _) => format!("{} {}", format::number(value, 0), text::DAYS),
            (_, Some(currency)) => format::money(value, currency),
            (_, None) => format::number(value, 2),
        }
    }

    /// A difference with its sign spelled out, never by colour alone: `+¥120.00`, `−3 days`.
    fn show_difference(self, difference: Decimal, currency: Option<&str>) -> String {
        let sign = if difference.is_sign_negative() {
            "−"
        } else {
            "+"
        };
        let size = difference.abs();
        let amount = match (self, currency) {
            (Figure::Margin, _) => format!("{} {}", format::number(size, 1), text::POINTS),
            (Figure::DaysToCash, _) => format!("{} {}", format::number(size, 0), text::DAYS),
            (_, Some(currency)) => format::money(size, currency),
            (_, None) => format::number(size, 2),
        };
        format!("{sign}{amount}")
    }
}

/// How an input's text reads in the list of differences: names for choices, units for amounts.
fn shown_input(field: Field, snapshot: &Snapshot, policy: Option<&PolicySet>) -> String {
    let text = snapshot.form.get(&field).map_or("", String::as_str);
    let named = match field {
        Field::Category => policy
            .and_then(|p| p.category(text))
            .map(|c| c.name.clone()),
        Field::Destination => policy
            .and_then(|p| p.destination(text))
            .map(|d| d.name.clone()),
        Field::SemiMode => match text {
            "warehouse" => Some("warehouse".to_owned()),
            "jit" => Some("JIT".to_owned()),
            _ => None,
        },
        Field::SemiPopular => Some(if text == "true" { "yes" } else { "no" }.to_owned()),
        _ => None,
    };
    if let Some(name) = named {
        return name;
    }
    if text.trim().is_empty() {
        return text::EMPTY.to_owned();
    }
    let unit = field_unit(field, snapshot);
    if unit.is_empty() {
        text.to_owned()
    } else if unit == "%" {
        format!("{text}%")
    } else {
        format!("{text} {unit}")
    }
}

/// "Sale price 12.99 USD → 11.69 USD" for each input and policy value that differs.
fn differences(a: &Snapshot, b: &Snapshot, policy: Option<&PolicySet>) -> Vec<String> {
    let mut out = Vec::new();
    for field in Field::ALL {
        if a.form.get(&field) != b.form.get(&field) {
            out.push(format!(
                "{} {} → {}",
                field.label(),
                shown_input(field, a, policy),
                shown_input(field, b, policy)
            ));
        }
    }
    let Some(policy) = policy else {
        return out;
    };
    let ids = a.assumptions.keys().chain(b.assumptions.keys());
    let mut seen: Vec<&String> = Vec::new();
    for id in ids {
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        let Some(spec) = policy.value(id) else {
            continue;
        };
        let default = plain_text(spec.default);
        let side = |s: &Snapshot| {
            s.assumptions
                .get(id)
                .cloned()
                .unwrap_or_else(|| default.clone())
        };
        let (text_a, text_b) = (side(a), side(b));
        let same = match (parse_decimal(&text_a), parse_decimal(&text_b)) {
            (Ok(x), Ok(y)) => x == y,
            _ => text_a == text_b,
        };
        if !same {
            out.push(format!("{} {text_a} → {text_b} {}", spec.label, spec.unit));
        }
    }
    out
}

/// Props of [`AbCompare`].
#[derive(Properties, PartialEq)]
pub struct AbCompareProps {
    /// The page state, with a pinned scenario.
    pub state: UseReducerHandle<State>,
}

/// Both scenarios side by side, with their differences.
#[function_component]
pub fn AbCompare(props: &AbCompareProps) -> Html {
    let state = &props.state;
    let Some(pinned) = state.pinned.clone() else {
        return Html::default();
    };
    let on_unpin = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::Unpin))
    };
    let on_restore = {
        let dispatcher = state.dispatcher();
        let snapshot = pinned.snapshot.clone();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::Load(snapshot.clone())))
    };
    let a: &Comparison = &pinned.comparison;
    let b: &Comparison = &state.comparison;
    let current = state.snapshot();
    let changed = differences(&pinned.snapshot, &current, PolicySet::find(&b.policy_id));
    let best = |c: &Comparison| c.best().map_or(text::MISSING, |k| k.name());

    let row = |kind: ModelKind, figure: Figure| {
        let value_a = a
            .model(kind)
            .and_then(|m| figure.value(m, &a.scenario.currency.cost));
        let value_b = b
            .model(kind)
            .and_then(|m| figure.value(m, &b.scenario.currency.cost));
        let (change, class) = match (&value_a, &value_b) {
            (Some((x, cx)), Some((y, cy))) if cx == cy => {
                let difference = y.checked_sub(*x).unwrap_or_default();
                if difference.is_zero() {
                    (text::NO_CHANGE.to_owned(), "same")
                } else {
                    let up = difference.is_sign_positive();
                    let arrow = if up { "▲ " } else { "▼ " };
                    let good = up == figure.more_is_better();
                    (
                        format!(
                            "{arrow}{}",
                            figure.show_difference(difference, cy.as_deref())
                        ),
                        if good { "better" } else { "worse" },
                    )
                }
            }
            (Some(_), Some(_)) => (text::OTHER_CURRENCY.to_owned(), "same"),
            _ => (text::MISSING.to_owned(), "same"),
        };
        // A model that was computed has every figure but a break-even price, which may not exist.
        let show = |c: &Comparison, v: &Option<(Decimal, Option<String>)>| match v {
            Some((value, currency)) => figure.show(*value, currency.as_deref()),
            None if c.model(kind).is_some() => text::NONE.to_owned(),
            None => text::MISSING.to_owned(),
        };
        html! {
            <tr data-testid={format!("ab-{}-{}", kind.id(), figure.key())}>
                <th scope="row">{ figure.label(kind) }</th>
                <td data-col="a">{ show(a, &value_a) }</td>
                <td data-col="b">{ show(b, &value_b) }</td>
                <td data-col="change" class={classes!("ab-change", class)}>{ change }</td>
            </tr>
        }
    };

    html! {
        <section class="ab" aria-labelledby="ab-title" data-testid="ab-compare">
            <div class="ab-head">
                <h2 id="ab-title">{ text::TITLE }</h2>
                <div class="ab-tools">
                    <button type="button" class="tool" data-testid="restore-a" onclick={on_restore}>{ text::RESTORE }</button>
                    <button type="button" class="tool" data-testid="unpin" onclick={on_unpin}>{ text::UNPIN }</button>
                </div>
            </div>
            <p class="ab-changes" data-testid="ab-changes">
                if changed.is_empty() {
                    { text::SAME }
                } else {
                    <strong>{ text::CHANGED }</strong>
                    { for changed.iter().enumerate().map(|(i, c)| html! {
                        <>
                            if i > 0 { { "; " } }
                            <span class="ab-diff">{ c.clone() }</span>
                        </>
                    }) }
                }
            </p>
            <div class="ab-scroll">
                <table class="ab-table">
                    <caption class="visually-hidden">{ text::CAPTION }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ text::FIGURE }</th>
                            <th scope="col">{ text::A }</th>
                            <th scope="col">{ text::B }</th>
                            <th scope="col">{ text::CHANGE }</th>
                        </tr>
                    </thead>
                    <tbody>
                        <tr class="ab-best" data-testid="ab-best">
                            <th scope="row">{ text::BEST }</th>
                            <td data-col="a">{ best(a) }</td>
                            <td data-col="b">{ best(b) }</td>
                            <td></td>
                        </tr>
                    </tbody>
                    { for ModelKind::ALL.into_iter().map(|kind| html! {
                        <tbody class={classes!("ab-model", kind.id())}>
                            <tr class="ab-model-head">
                                <th scope="rowgroup" colspan="4">{ kind.name() }</th>
                            </tr>
                            { for Figure::ALL.into_iter().map(|figure| row(kind, figure)) }
                        </tbody>
                    }) }
                </table>
            </div>
        </section>
    }
}
