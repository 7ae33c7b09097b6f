//! "What if" charts: the three models' monthly profit against their prices, and against the
//! unit cost. Every point is a comparison by the engine of the scenario with that one input
//! changed, so nothing here assumes a line is straight.

use std::rc::Rc;

pub use sellercalc_engine::SweepAxis as Axis;
use sellercalc_engine::{sweep, Comparison, Decimal, ModelKind, ScenarioInput};
use yew::prelude::*;

use crate::components::plot::{grid, plot, to_f64, y_range, y_ticks, Plot, SPACE};
use crate::components::solver_panel::stated_price;
use crate::components::volume_chart::model_legend;
use crate::format;
use crate::i18n::solver::solver_texts;
use crate::i18n::{fill, fill_one, sentences, texts, use_locale, Locale};

/// What the charts vary: today's comparison, and the engine inputs it came from. Compared by the
/// comparison's identity: the page makes a new one for every change of input, and comparing two
/// by value would cost as much as drawing.
#[derive(Clone, Debug)]
pub struct Base {
    /// Today's comparison.
    pub comparison: Rc<Comparison>,
    /// The inputs it was computed from.
    pub inputs: Rc<ScenarioInput>,
}

impl PartialEq for Base {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.comparison, &other.comparison)
    }
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

/// Height of the plot in CSS pixels.
const PLOT_HEIGHT_PX: f64 = 180.0;

/// One model's line: its points (x, monthly profit), and where it crosses zero with the price
/// there (empty on the cost chart).
type Line = (
    ModelKind,
    Vec<(Decimal, Decimal)>,
    Option<(Decimal, String)>,
);

/// The words for where a model's line crosses zero: on the price chart the engine's break-even
/// price, stated with its places; nothing on the cost chart.
fn crossing_words(locale: &Locale, axis: Axis, base: &Comparison, kind: ModelKind) -> String {
    match (axis, base.model(kind)) {
        (Axis::Price, Some(m)) => m.break_even_price.map_or_else(String::new, |price| {
            stated_price(locale, price, m.break_even_decimals, &m.break_even_currency)
        }),
        _ => String::new(),
    }
}

/// A price change as a signed percentage: `−50%`, `0%`, `+25%`.
fn change_text(locale: &Locale, change: Decimal) -> String {
    let text = format::percent_plain(locale, change);
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
    let locale = use_locale();
    let lang = locale.lang;
    let t = texts(lang);
    let s = solver_texts(lang);
    let cur = props.currency.as_str();
    let money = |d: Decimal| format::money(&locale, d, cur);
    let shown_in = locale.display_currency(cur);
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
        Axis::Price => change_text(&locale, x),
        Axis::Cost => money(x),
    };
    let sweep = sweep(&props.base.inputs, base, axis);
    let samples = &sweep.points;
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
            let cross = sweep.crossings[i].map(|x| (x, crossing_words(&locale, axis, base, *kind)));
            Some((*kind, points, cross))
        })
        .collect();
    let (first_x, last_x, now_x) = sweep.x_range;
    let quarter = |x: Decimal| x / Decimal::TWO;
    let figure_class = classes!("chart", "sensitivity", id);
    let test_id = format!("sensitivity-{id}");
    let title = html! { <figcaption>{ fill_one(caption, shown_in) }</figcaption> };
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
                    [name.clone(), change_text(&locale, *x), price.clone()]
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
            quarter(first_x),
            Decimal::ZERO,
            quarter(last_x),
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
        Axis::Cost => fill_one(s.cost_axis, shown_in),
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
                <caption>{ fill_one(table_caption, shown_in) }</caption>
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
