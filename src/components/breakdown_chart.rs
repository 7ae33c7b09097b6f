//! "Where each sale goes": one stacked bar per model.

use rust_decimal::prelude::ToPrimitive;
use sellercalc_engine::{CostGroup, Decimal, ModelKind, ModelResult};
use yew::prelude::*;

use crate::format;
use crate::i18n::{and_list, fill_all, sentences, texts, use_locale, Locale, Texts};
use crate::state::Shown;

/// Props of [`BreakdownChart`].
#[derive(Properties, PartialEq)]
pub struct BreakdownChartProps {
    /// POP, semi-managed and fully managed, as shown.
    pub models: Vec<(ModelKind, Option<Shown>)>,
    /// The cost currency.
    pub currency: AttrValue,
}

/// The cost groups in the order they stack, with their colour class; [`Texts::cost_group`] names
/// them.
const GROUPS: [(CostGroup, &str); 5] = [
    (CostGroup::Product, "g-product"),
    (CostGroup::Logistics, "g-logistics"),
    (CostGroup::PlatformFees, "g-platform"),
    (CostGroup::Returns, "g-returns"),
    (CostGroup::Marketing, "g-marketing"),
];

/// Where a bar sits in its SVG, in CSS pixels: the revenue mark of a loss reaches past it.
const BAR_Y: &str = "4";
const BAR_HEIGHT: &str = "24";
const SVG_HEIGHT: &str = "32";

/// The id of the hatch pattern that marks a loss; one per page.
const LOSS_HATCH: &str = "breakdown-loss-hatch";

/// One model's revenue per unit, split into what each cost group takes and what is left.
struct Split {
    revenue: Decimal,
    /// Net amount per entry of [`GROUPS`]; the returns group may be negative (a resale credit).
    groups: [Decimal; 5],
    profit: Decimal,
}

impl Split {
    fn of(result: &ModelResult) -> Self {
        let mut groups = [Decimal::ZERO; 5];
        for item in &result.line_items {
            for (sum, (group, _)) in groups.iter_mut().zip(GROUPS.iter()) {
                if item.group == *group {
                    *sum = sum.checked_add(item.amount).unwrap_or(*sum);
                }
            }
        }
        Split {
            revenue: result.revenue_per_unit,
            groups,
            profit: result.profit_per_unit,
        }
    }

    /// The groups as drawn: a group that nets to a credit takes no room.
    fn drawn(&self) -> impl Iterator<Item = Decimal> + '_ {
        self.groups
            .iter()
            .map(|amount| (*amount).max(Decimal::ZERO))
    }

    /// Total cost as drawn, which is where the stacked costs end.
    fn drawn_costs(&self) -> Decimal {
        self.drawn()
            .try_fold(Decimal::ZERO, |total, amount| total.checked_add(amount))
            .unwrap_or(Decimal::MAX)
    }

    fn is_loss(&self) -> bool {
        self.profit < Decimal::ZERO
    }

    /// `amount` as a share of revenue, for tooltips; `None` when there is no revenue to share.
    fn share(&self, locale: &Locale, amount: Decimal) -> Option<String> {
        if self.revenue <= Decimal::ZERO {
            return None;
        }
        amount
            .checked_div(self.revenue)
            .and_then(|fraction| fraction.checked_mul(Decimal::ONE_HUNDRED))
            .map(|share| format::percent(locale, share))
    }
}

/// The first letter in upper case, for a list of names that starts a sentence.
fn capitalised(text: &str) -> String {
    crate::i18n::capitalize(text)
}

/// The sentence under the bars: each model's biggest cost, and any loss.
fn note(
    locale: &Locale,
    splits: &[(ModelKind, Option<(&Shown, Split)>)],
    currency: &str,
) -> String {
    let lang = locale.lang;
    let t = texts(lang);
    let b = &t.breakdown;
    // (group label, [model (share)]) in the order the groups first appear.
    let mut biggest: Vec<(&str, Vec<String>)> = Vec::new();
    let mut losses = Vec::new();
    for (kind, entry) in splits {
        let Some((_, split)) = entry else { continue };
        let top = GROUPS
            .iter()
            .zip(split.groups.iter())
            .filter(|(_, amount)| **amount > Decimal::ZERO)
            .max_by(|a, b| a.1.cmp(b.1));
        if let Some(((group, _), amount)) = top {
            let label = t.cost_group(*group);
            let name = t.model_in_sentence(*kind).to_owned();
            let who = match split.share(locale, *amount) {
                Some(share) => fill_all(b.model_share, &[name, share]),
                None => name,
            };
            match biggest.iter_mut().find(|(l, _)| *l == label) {
                Some((_, models)) => models.push(who),
                None => biggest.push((label, vec![who])),
            }
        }
        if split.is_loss() {
            losses.push((*kind, split.profit));
        }
    }
    let mut text = String::new();
    if !biggest.is_empty() {
        let parts: Vec<String> = biggest
            .iter()
            .map(|(label, models)| {
                fill_all(
                    b.biggest_part,
                    &[crate::i18n::lower(label), and_list(lang, models)],
                )
            })
            .collect();
        text = fill_all(b.biggest_cost, &[parts.join(t.page.clause_separator)]);
    }
    let loss = match losses.as_slice() {
        [] => String::new(),
        [(kind, profit)] => fill_all(
            b.loses_one,
            &[
                t.model_name(*kind).to_owned(),
                format::money(locale, -*profit, currency),
            ],
        ),
        many => {
            let names: Vec<String> = many
                .iter()
                .map(|(kind, _)| t.model_in_sentence(*kind).to_owned())
                .collect();
            fill_all(b.lose_many, &[capitalised(&and_list(lang, &names))])
        }
    };
    sentences(&[text, loss])
}

/// A round axis maximum at or above `max`, and the ticks from zero up to it.
fn axis(max: Decimal) -> (Decimal, Vec<Decimal>) {
    if max <= Decimal::ZERO {
        return (Decimal::ONE, vec![Decimal::ZERO, Decimal::ONE]);
    }
    let rough = max.checked_div(Decimal::from(4)).unwrap_or(max);
    let ten = Decimal::TEN;
    let mut magnitude = Decimal::ONE;
    for _ in 0..30 {
        match magnitude.checked_mul(ten) {
            Some(next) if next <= rough => magnitude = next,
            _ => break,
        }
    }
    for _ in 0..30 {
        if magnitude <= rough {
            break;
        }
        magnitude = magnitude.checked_div(ten).unwrap_or(magnitude);
    }
    let step = [
        Decimal::ONE,
        Decimal::TWO,
        Decimal::new(25, 1),
        Decimal::new(5, 0),
        ten,
    ]
    .into_iter()
    .filter_map(|m| m.checked_mul(magnitude))
    .find(|step| *step >= rough && !step.is_zero())
    .unwrap_or(max);
    let count = max
        .checked_div(step)
        .map(|n| n.ceil())
        .and_then(|n| n.to_u32())
        .unwrap_or(1)
        .clamp(1, 10);
    let ticks: Vec<Decimal> = (0..=count)
        .filter_map(|i| step.checked_mul(Decimal::from(i)))
        .collect();
    let top = ticks.last().copied().unwrap_or(max).max(max);
    (top, ticks)
}

/// Where `value` falls on an axis from zero to `top`, in percent of the bar's width.
fn position(value: Decimal, top: Decimal) -> f64 {
    let value = value.to_f64().unwrap_or(0.0);
    let top = top.to_f64().unwrap_or(0.0);
    if !(value.is_finite() && top.is_finite()) || top <= 0.0 {
        return 0.0;
    }
    (value / top * 100.0).clamp(0.0, 100.0)
}

/// An SVG percentage length.
fn pct(value: f64) -> String {
    format!("{value:.3}%")
}

/// Stacked bars of product cost, logistics, platform fees, returns, marketing and profit.
#[function_component]
pub fn BreakdownChart(props: &BreakdownChartProps) -> Html {
    let locale = use_locale();
    let t: &Texts = texts(locale.lang);
    let b = &t.breakdown;
    let cur = props.currency.as_str();
    let money = |d: Decimal| format::money(&locale, d, cur);
    let splits: Vec<(ModelKind, Option<(&Shown, Split)>)> = props
        .models
        .iter()
        .map(|(kind, shown)| {
            let split = shown
                .as_ref()
                .and_then(|s| Some((s, Split::of(s.result()?))));
            (*kind, split)
        })
        .collect();
    let widest = splits
        .iter()
        .filter_map(|(_, s)| s.as_ref())
        .map(|(_, split)| split.revenue.max(split.drawn_costs()))
        .fold(Decimal::ZERO, Decimal::max);
    let (top, ticks) = axis(widest);
    let tick_decimals = ticks
        .get(1)
        .map_or(0, |step| step.normalize().scale().min(4));
    let any_loss = splits
        .iter()
        .any(|(_, s)| s.as_ref().is_some_and(|(_, split)| split.is_loss()));

    let legend = html! {
        <ul class="chart-legend" aria-hidden="true">
            { for GROUPS.iter().map(|(group, class)| html! {
                <li><span class={classes!("swatch", *class)}></span>{ t.cost_group(*group) }</li>
            }) }
            <li><span class="swatch g-profit"></span>{ b.profit }</li>
            if any_loss {
                <li><span class="swatch loss-swatch"></span>{ b.loss }{ " ▼" }</li>
                <li><span class="swatch revenue-swatch"></span>{ b.what_you_are_paid }</li>
            }
        </ul>
    };

    let grid = ticks
        .iter()
        .filter(|t| !t.is_zero())
        .map(|t| {
            let x = pct(position(*t, top));
            html! { <line class="grid" x1={x.clone()} x2={x} y1="0" y2="100%" /> }
        })
        .collect::<Html>();

    let bar = |kind: ModelKind, entry: &Option<(&Shown, Split)>| -> Html {
        let id = kind.id();
        let name = html! { <span class="bar-name">{ t.model_name(kind) }</span> };
        let Some((shown, split, result)) = entry
            .as_ref()
            .and_then(|(shown, split)| Some((shown, split, shown.result()?)))
        else {
            return html! {
                <div class={classes!("bar-row", id, "missing")} data-testid={format!("breakdown-{id}")}>
                    <div class="bar-head">{ name }<span class="bar-value">{ "—" }</span></div>
                    <div class="bar-empty">{ b.fix_to_see }</div>
                </div>
            };
        };
        let titled = |label: &str, amount: Decimal| match split.share(&locale, amount) {
            Some(share) => fill_all(
                b.label_value_share,
                &[label.to_owned(), money(amount), share],
            ),
            None => fill_all(b.label_value, &[label.to_owned(), money(amount)]),
        };
        let mut start = Decimal::ZERO;
        let mut segments = Vec::new();
        for ((group, class), (net, drawn)) in
            GROUPS.iter().zip(split.groups.iter().zip(split.drawn()))
        {
            let label = t.cost_group(*group);
            let end = start.checked_add(drawn).unwrap_or(start);
            if drawn > Decimal::ZERO {
                let x = position(start, top);
                let width = position(end, top) - x;
                segments.push(html! {
                    <rect class={classes!("seg", *class)} x={pct(x)} width={pct(width)} y={BAR_Y} height={BAR_HEIGHT}>
                        <title>{ titled(label, *net) }</title>
                    </rect>
                });
            }
            start = end;
        }
        let revenue = split.revenue.max(Decimal::ZERO);
        if revenue > start {
            let x = position(start, top);
            let width = position(revenue, top) - x;
            segments.push(html! {
                <rect class="seg g-profit" x={pct(x)} width={pct(width)} y={BAR_Y} height={BAR_HEIGHT}>
                    <title>{ titled(b.profit, split.profit) }</title>
                </rect>
            });
        }
        let loss = split.is_loss().then(|| {
            let x = position(revenue, top);
            let width = (position(start, top) - x).max(0.0);
            html! {
                <>
                    <rect class="loss-area" x={pct(x)} width={pct(width)} y={BAR_Y} height={BAR_HEIGHT}
                        fill={format!("url(#{LOSS_HATCH})")}>
                        <title>{ titled(b.loss, -split.profit) }</title>
                    </rect>
                    <line class="revenue-mark" x1={pct(x)} x2={pct(x)} y1="0" y2={SVG_HEIGHT}>
                        <title>{ fill_all(b.what_you_are_paid_value, &[money(split.revenue)]) }</title>
                    </line>
                </>
            }
        });
        let parts: Vec<String> = GROUPS
            .iter()
            .zip(split.groups.iter())
            .map(|((group, _), amount)| {
                fill_all(
                    b.bar_part,
                    &[crate::i18n::lower(t.cost_group(*group)), money(*amount)],
                )
            })
            .collect();
        let outcome = if split.is_loss() {
            fill_all(b.outcome_loss, &[money(-split.profit)])
        } else {
            fill_all(b.outcome_profit, &[money(split.profit)])
        };
        let summary = fill_all(
            b.bar_summary,
            &[
                t.model_name(kind).to_owned(),
                money(split.revenue),
                parts.join(t.page.item_separator),
                outcome,
            ],
        );
        let per_unit = format!("{} · ", t.page.per_unit);
        let value = if split.is_loss() {
            html! {
                <span class="bar-value">
                    <strong class="loss">{ b.loss }{ " ▼ " }{ money(-split.profit) }</strong>
                    <span class="per">{ per_unit }</span>
                    <span class="loss">{ money(result.monthly_profit) }</span>
                    <span class="per">{ t.page.per_month }</span>
                </span>
            }
        } else {
            html! {
                <span class="bar-value">
                    <strong>{ money(split.profit) }</strong>
                    <span class="per">{ per_unit }</span>
                    <span class="gain">{ money(result.monthly_profit) }</span>
                    <span class="per">{ t.page.per_month }</span>
                </span>
            }
        };
        html! {
            <div class={classes!("bar-row", id, shown.stale.then_some("stale"))} data-testid={format!("breakdown-{id}")}>
                <div class="bar-head">{ name }{ value }</div>
                <svg class="bar" role="img" aria-label={summary} width="100%" height={SVG_HEIGHT}>
                    { grid.clone() }
                    { for segments }
                    { for loss }
                </svg>
            </div>
        }
    };

    let axis_labels = ticks
        .iter()
        .map(|t| {
            let x = position(*t, top);
            html! {
                <span class="tick" style={format!("left: {x:.3}%")}>
                    { format::number(&locale, *t, tick_decimals) }
                </span>
            }
        })
        .collect::<Html>();

    let cell = |d: Decimal| html! { <td>{ money(d) }</td> };
    let table_rows = splits
        .iter()
        .map(|(kind, entry)| match entry {
            Some((_, split)) => html! {
                <tr>
                    <th scope="row">{ t.model_name(*kind) }</th>
                    { cell(split.revenue) }
                    { for split.groups.iter().map(|g| cell(*g)) }
                    { cell(split.profit) }
                </tr>
            },
            None => html! {
                <tr>
                    <th scope="row">{ t.model_name(*kind) }</th>
                    { for (0..GROUPS.len() + 2).map(|_| html! { <td>{ "—" }</td> }) }
                </tr>
            },
        })
        .collect::<Html>();

    html! {
        <figure class="chart breakdown" data-testid="breakdown-chart">
            <figcaption>{ fill_all(b.caption, &[locale.display_currency(cur)]) }</figcaption>
            { legend }
            <svg class="chart-defs" width="0" height="0" aria-hidden="true" focusable="false">
                <defs>
                    <pattern id={LOSS_HATCH} width="6" height="6" patternUnits="userSpaceOnUse"
                        patternTransform="rotate(45)">
                        <rect class="hatch-ground" width="6" height="6" />
                        <line class="hatch" x1="0" y1="0" x2="0" y2="6" />
                    </pattern>
                </defs>
            </svg>
            <div class="bars">
                { for splits.iter().map(|(kind, entry)| bar(*kind, entry)) }
                <div class="bar-axis" aria-hidden="true">{ axis_labels }</div>
            </div>
            <p class="chart-note">{ note(&locale, &splits, cur) }</p>
            <div class="visually-hidden">
            <table>
                <caption>{ fill_all(b.table_caption, &[locale.display_currency(cur)]) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ b.model }</th>
                        <th scope="col">{ b.paid_to_you }</th>
                        { for GROUPS.iter().map(|(group, _)| html! { <th scope="col">{ t.cost_group(*group) }</th> }) }
                        <th scope="col">{ b.profit }</th>
                    </tr>
                </thead>
                <tbody>{ table_rows }</tbody>
            </table>
            </div>
        </figure>
    }
}
