//! "What if" charts: the three models' monthly profit against their prices, and against the
//! unit cost. Every point is a comparison by the engine of the scenario with that one input
//! changed, so nothing here assumes a line is straight.

use std::rc::Rc;

use sellercalc_engine::decimal::{add, div, mul, sub};
use sellercalc_engine::{compare, Comparison, Decimal, ModelKind};
use serde_json::{Map, Value};
use yew::prelude::*;

use crate::components::plot::{grid, plot, to_f64, y_range, y_ticks, Plot, SPACE};
use crate::components::solver_panel::stated_price;
use crate::components::volume_chart::model_legend;
use crate::format;
use crate::i18n::solver::solver_texts;
use crate::i18n::{fill, fill_one, sentences, texts, use_lang, Lang};

/// What the charts vary: today's comparison, and the scenario JSON it came from (the inputs as
/// typed, which the engine reads). Compared by the comparison's identity: the page makes a new
/// one for every change of input, and comparing two by value would cost as much as drawing.
#[derive(Clone, Debug)]
pub struct Base {
    /// Today's comparison.
    pub comparison: Rc<Comparison>,
    /// The scenario JSON it was computed from.
    pub inputs: Rc<Value>,
}

impl PartialEq for Base {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.comparison, &other.comparison)
    }
}

/// What a chart varies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    /// Each model's own price (POP price, semi-managed price, supply price), −50% to +50%.
    Price,
    /// The unit cost, from 0 to twice today's.
    Cost,
}

/// Props of [`SensitivityChart`].
#[derive(Properties, PartialEq)]
pub struct SensitivityChartProps {
    /// What the chart varies.
    pub axis: Axis,
    /// Today's comparison.
    pub base: Base,
    /// The cost currency.
    pub currency: AttrValue,
}

/// Samples on each side of today's value: 2 × 5 + 1 = 11 points, 10 comparisons.
const HALF: i64 = 5;
/// Height of the plot in CSS pixels.
const PLOT_HEIGHT_PX: f64 = 180.0;

/// One x value and each model's monthly profit there (POP, semi-managed, fully managed); `None`
/// for a model today's input cannot compute.
struct Sample {
    x: Decimal,
    profit: [Option<Decimal>; 3],
}

/// The most the cost chart goes to: twice today's unit cost, or with no cost today, what POP is
/// paid per unit (else 100).
fn cost_top(base: &Comparison) -> Decimal {
    let now = base.scenario.product.unit_cost;
    if now > Decimal::ZERO {
        return mul(now, Decimal::TWO).unwrap_or(now);
    }
    base.pop
        .as_ref()
        .map(|m| m.revenue_per_unit)
        .filter(|r| *r > Decimal::ZERO)
        .unwrap_or(Decimal::ONE_HUNDRED)
}

/// Sets `group.key` of a scenario JSON to a number.
#[inline(never)]
fn set(inputs: &mut Value, group: &str, key: &str, value: Decimal) {
    if let Value::Object(root) = inputs {
        let entry = root
            .entry(group.to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(fields) = entry {
            fields.insert(key.to_owned(), Value::String(value.to_string()));
        }
    }
}

/// Every sample of the chart, each from one comparison of the inputs with one value changed
/// (today's point is today's comparison). A model is drawn only where today's input computes it:
/// the engine's defaults stand in for a field with an error, and those figures would be wrong.
fn samples(axis: Axis, base: &Base) -> Vec<Sample> {
    let today = &*base.comparison;
    let profits = |c: &Comparison| {
        ModelKind::ALL.map(|k| today.model(k).and(c.model(k)).map(|m| m.monthly_profit))
    };
    let s = &today.scenario;
    let top = cost_top(today);
    (-HALF..=HALF)
        .filter_map(|i| {
            let mut inputs = (*base.inputs).clone();
            let x = match axis {
                Axis::Price => {
                    // 0.50, 0.60 … 1.50: exact, no division.
                    let factor = Decimal::new(100 + 10 * i, 2);
                    // Semi-managed's own price, even where it follows POP's.
                    set(&mut inputs, "pop", "price", mul(s.pop.price, factor).ok()?);
                    set(
                        &mut inputs,
                        "semi",
                        "price",
                        mul(s.semi.price, factor).ok()?,
                    );
                    let supply = mul(s.full.supply_price, factor).ok()?;
                    set(&mut inputs, "full", "supply_price", supply);
                    Decimal::from(10 * i)
                }
                Axis::Cost => {
                    // 0.0, 0.1 … 1.0 of the top.
                    let x = mul(top, Decimal::new(i + HALF, 1)).ok()?;
                    set(&mut inputs, "product", "unit_cost", x);
                    x
                }
            };
            let profit = if i == 0 && axis == Axis::Price {
                profits(today)
            } else {
                profits(&compare(&inputs))
            };
            Some(Sample { x, profit })
        })
        .collect()
}

/// One model's line: its points (x, monthly profit), and where it crosses zero with the price
/// there (empty on the cost chart).
type Line = (
    ModelKind,
    Vec<(Decimal, Decimal)>,
    Option<(Decimal, String)>,
);

/// Where a model's line crosses zero, and the words for it. On the price chart that is the
/// engine's break-even price, exact; on the cost chart, where the drawn line between the two
/// samples on either side of zero crosses it.
fn crossing(
    lang: Lang,
    axis: Axis,
    base: &Comparison,
    points: &[(Decimal, Decimal)],
    kind: ModelKind,
) -> Option<(Decimal, String)> {
    match axis {
        Axis::Price => {
            let m = base.model(kind)?;
            let break_even = m.break_even_price?;
            let s = &base.scenario;
            let price = match kind {
                ModelKind::Pop => s.pop.price,
                ModelKind::Semi => s.semi.price,
                ModelKind::Full => s.full.supply_price,
            };
            let change = mul(
                sub(div(break_even, price).ok()?, Decimal::ONE).ok()?,
                Decimal::ONE_HUNDRED,
            )
            .ok()?;
            let inside = change >= Decimal::from(-10 * HALF) && change <= Decimal::from(10 * HALF);
            inside.then(|| {
                (
                    change,
                    stated_price(
                        lang,
                        break_even,
                        m.break_even_decimals,
                        &m.break_even_currency,
                    ),
                )
            })
        }
        Axis::Cost => points
            .windows(2)
            .find_map(|pair| {
                let [(x0, y0), (x1, y1)] = pair else {
                    return None;
                };
                if y0.is_zero() {
                    return Some((*x0, String::new()));
                }
                if y1.is_zero() || y0.is_sign_negative() == y1.is_sign_negative() {
                    return None;
                }
                let x = add(
                    mul(div(*y0, sub(*y0, *y1).ok()?).ok()?, sub(*x1, *x0).ok()?).ok()?,
                    *x0,
                )
                .ok()?;
                Some((x, String::new()))
            })
            .or_else(|| {
                points
                    .last()
                    .filter(|(_, y)| y.is_zero())
                    .map(|(x, _)| (*x, String::new()))
            }),
    }
}

/// A price change as a signed percentage: `−50%`, `0%`, `+25%`.
fn change_text(change: Decimal) -> String {
    let text = format::percent_plain(change);
    if change > Decimal::ZERO {
        format!("+{text}")
    } else {
        text
    }
}

/// Monthly profit of the three models as one input varies, with today's value and each line's
/// zero crossing marked, and the figures in a table for screen readers.
#[function_component]
pub fn SensitivityChart(props: &SensitivityChartProps) -> Html {
    let lang = use_lang();
    let t = texts(lang);
    let s = solver_texts(lang);
    let cur = props.currency.as_str();
    let money = |d: Decimal| format::money(d, cur);
    let shown_in = format::display_currency(cur);
    let base = &*props.base.comparison;
    let axis = props.axis;
    let (id, caption, table_caption, now_legend) = match axis {
        Axis::Price => (
            "price",
            s.price_caption,
            s.price_table_caption,
            s.prices_now,
        ),
        Axis::Cost => ("cost", s.cost_caption, s.cost_table_caption, s.cost_now),
    };
    let x_text = |x: Decimal| match axis {
        Axis::Price => change_text(x),
        Axis::Cost => money(x),
    };
    let samples = samples(axis, &props.base);
    let lines: Vec<Line> = ModelKind::ALL
        .iter()
        .enumerate()
        .filter_map(|(i, kind)| {
            let points: Vec<(Decimal, Decimal)> = samples
                .iter()
                .filter_map(|p| Some((p.x, p.profit[i]?)))
                .collect();
            if points.is_empty() {
                return None;
            }
            let cross = crossing(lang, axis, base, &points, *kind);
            Some((*kind, points, cross))
        })
        .collect();
    let (first_x, last_x, now_x) = match axis {
        Axis::Price => (
            Decimal::from(-10 * HALF),
            Decimal::from(10 * HALF),
            Decimal::ZERO,
        ),
        Axis::Cost => (
            Decimal::ZERO,
            cost_top(base),
            base.scenario.product.unit_cost,
        ),
    };
    let figure_class = classes!("chart", "sensitivity", id);
    let test_id = format!("sensitivity-{id}");
    let title = html! { <figcaption>{ fill_one(caption, &shown_in) }</figcaption> };
    if lines.is_empty() {
        return html! {
            <figure class={figure_class} data-testid={test_id}>
                { title }
                <p class="chart-note">{ t.volume.fix_to_compare }</p>
            </figure>
        };
    }

    // Geometry: f64 from here on, for coordinates only.
    let all = lines.iter().flat_map(|(_, p, _)| p.iter().map(|(_, y)| *y));
    let low = all.clone().fold(Decimal::ZERO, Decimal::min);
    let high = all.fold(Decimal::ZERO, Decimal::max);
    let (lo, hi) = y_range(low, high);
    let (x_lo, x_hi) = (to_f64(first_x), to_f64(last_x));
    let x_of = |x: Decimal| {
        if x_hi > x_lo {
            ((to_f64(x) - x_lo) / (x_hi - x_lo)).clamp(0.0, 1.0)
        } else {
            0.0
        }
    };
    let y_of = |y: Decimal| ((hi - to_f64(y)) / (hi - lo)).clamp(0.0, 1.0);

    let y_ticks = y_ticks(low, high);
    let y_labels = y_ticks
        .iter()
        .map(|v| {
            html! {
                <span class={classes!("tick", v.is_zero().then_some("zero"))} style={format!("top: {:.2}%", y_of(*v) * 100.0)}>
                    { money(*v) }
                </span>
            }
        })
        .collect::<Html>();
    let grid = grid(&y_ticks, y_of);
    let paths = lines
        .iter()
        .map(|(kind, points, _)| {
            let d: String = points
                .iter()
                .enumerate()
                .map(|(i, (x, y))| {
                    let step = if i == 0 { 'M' } else { 'L' };
                    format!("{step}{:.1} {:.1}", x_of(*x) * SPACE, y_of(*y) * SPACE)
                })
                .collect();
            html! {
                <path class={classes!("line", kind.id())} {d} vector-effect="non-scaling-stroke"
                    data-testid={format!("sensitivity-{id}-{}", kind.id())} />
            }
        })
        .collect::<Html>();
    // (model, where its line crosses zero, the sentence saying so)
    let marks: Vec<(ModelKind, Decimal, String)> = lines
        .iter()
        .filter_map(|(kind, _, cross)| {
            let (x, price) = cross.as_ref()?;
            let name = t.model_name(*kind).to_owned();
            let words = match axis {
                Axis::Price => fill(s.breaks_even_at_price, |i| {
                    [name.clone(), change_text(*x), price.clone()]
                        .get(i)
                        .cloned()
                }),
                Axis::Cost => fill(s.breaks_even_at_cost, |i| {
                    [name.clone(), money(*x)].get(i).cloned()
                }),
            };
            Some((*kind, *x, words))
        })
        .collect();
    let words: Vec<String> = marks.iter().map(|(_, _, w)| w.clone()).collect();
    let markers = marks
        .iter()
        .map(|(kind, x, title)| {
            html! {
                <circle class={classes!("crossover", "zero-mark", kind.id())} r="5"
                    cx={format!("{:.3}%", x_of(*x) * 100.0)}
                    cy={format!("{:.3}%", y_of(Decimal::ZERO) * 100.0)}>
                    <title>{ title }</title>
                </circle>
            }
        })
        .collect::<Html>();
    let mut note: Vec<String> = words.clone();
    if note.is_empty() {
        note.push(s.no_crossing.to_owned());
    }
    for kind in ModelKind::ALL {
        if !lines.iter().any(|(k, _, _)| *k == kind) {
            note.push(fill(s.missing_line, |i| {
                (i == 0).then(|| t.model_name(kind).to_owned())
            }));
        }
    }
    let summary = {
        let items: Vec<String> = lines
            .iter()
            .filter_map(|(kind, points, _)| {
                let (first, last) = (points.first()?, points.last()?);
                Some(fill(s.summary_item, |i| {
                    [
                        t.model_name(*kind).to_owned(),
                        money(first.1),
                        money(last.1),
                    ]
                    .get(i)
                    .cloned()
                }))
            })
            .collect();
        let text = fill(s.summary, |i| {
            [
                x_text(first_x),
                x_text(last_x),
                items.join(t.page.clause_separator),
            ]
            .get(i)
            .cloned()
        });
        sentences(&[text, sentences(&words)])
    };
    let zero_y = format!("{:.1}", y_of(Decimal::ZERO) * SPACE);
    let now_line = format!("{:.1}", x_of(now_x) * SPACE);
    let x_ticks = match axis {
        Axis::Price => vec![
            first_x,
            Decimal::from(-5 * HALF),
            Decimal::ZERO,
            Decimal::from(5 * HALF),
            last_x,
        ],
        Axis::Cost => vec![first_x, now_x, last_x],
    }
    .into_iter()
    .enumerate()
    .map(|(i, x)| {
        let place = if i == 0 {
            "start"
        } else if x == last_x {
            "end"
        } else {
            "middle"
        };
        // Ticks that are neither an end nor today give way on a phone.
        let minor = place == "middle" && x != now_x;
        html! {
            <span class={classes!("tick", place, minor.then_some("minor"))} style={format!("left: {:.3}%", x_of(x) * 100.0)}>
                { x_text(x) }
                if x == now_x {
                    <span class="now">{ " " }{ t.volume.now }</span>
                }
            </span>
        }
    })
    .collect::<Html>();
    let axis_title = match axis {
        Axis::Price => s.price_axis.to_owned(),
        Axis::Cost => fill_one(s.cost_axis, &shown_in),
    };
    let drawn: Vec<ModelKind> = lines.iter().map(|(k, _, _)| *k).collect();
    let legend = model_legend(
        lang,
        &drawn,
        now_legend,
        (!words.is_empty()).then_some(("zero-swatch", s.breaks_even)),
    );
    let rows = samples
        .iter()
        .map(|p| {
            html! {
                <tr>
                    <th scope="row">{ x_text(p.x) }</th>
                    { for p.profit.iter().map(|v| html! { <td>{ v.map_or_else(|| "—".to_owned(), money) }</td> }) }
                </tr>
            }
        })
        .collect::<Html>();
    let x_head = match axis {
        Axis::Price => s.price_change,
        Axis::Cost => t.inputs.unit_cost,
    };

    html! {
        <figure class={figure_class} data-testid={test_id}>
            { title }
            { legend }
            { plot(Plot {
                height_px: PLOT_HEIGHT_PX,
                y_labels,
                summary,
                grid,
                now_x: now_line,
                zero_y,
                paths,
                markers,
                end_labels: None,
                x_ticks,
                x_title: html! { axis_title },
            }) }
            <p class="chart-note" data-testid={format!("sensitivity-{id}-note")}>{ sentences(&note) }</p>
            <div class="visually-hidden">
            <table>
                <caption>{ fill_one(table_caption, &shown_in) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ x_head }</th>
                        { for ModelKind::ALL.iter().map(|k| html! { <th scope="col">{ t.model_name(*k) }</th> }) }
                    </tr>
                </thead>
                <tbody>{ rows }</tbody>
            </table>
            </div>
        </figure>
    }
}
