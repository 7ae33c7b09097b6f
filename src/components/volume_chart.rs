//! "Profit vs volume": monthly profit against monthly units, one line per model.

use sellercalc_engine::{Decimal, ModelKind};
use yew::prelude::*;

use crate::components::plot::{grid, plot, to_f64, y_range, y_ticks, Plot, SPACE};
use crate::format;
use crate::i18n::{and_list, fill_all, sentences, texts, use_locale, Lang, Locale};
use crate::state::Shown;

/// Props of [`VolumeChart`].
#[derive(Properties, PartialEq)]
pub struct VolumeChartProps {
    /// POP, semi-managed and fully managed, as shown.
    pub models: Vec<(ModelKind, Option<Shown>)>,
    /// The cost currency.
    pub currency: AttrValue,
    /// Monthly units as entered (before any uplift).
    pub units: Decimal,
}

/// Height of the plot in CSS pixels; labels beside it are spaced for it.
const PLOT_HEIGHT_PX: f64 = 200.0;
/// The least distance between two labels beside the plot, in CSS pixels.
const LABEL_GAP_PX: f64 = 15.0;

/// One model's monthly profit as a straight line, `per_unit × units + fixed`.
struct Line<'a> {
    kind: ModelKind,
    shown: &'a Shown,
    /// Monthly profit per unit entered, including any Choice traffic uplift.
    per_unit: Decimal,
    /// Monthly profit at zero units. Zero while the models have no fixed monthly costs; kept so
    /// crossovers stay right when they do.
    fixed: Decimal,
}

impl Line<'_> {
    fn at(&self, units: Decimal) -> Decimal {
        self.per_unit
            .checked_mul(units)
            .and_then(|v| v.checked_add(self.fixed))
            .unwrap_or_default()
    }
}

/// Where two lines meet.
struct Crossing {
    first: ModelKind,
    second: ModelKind,
    units: Decimal,
    profit: Decimal,
}

/// Every point with more than zero units, up to `range`, where two lines give the same profit.
fn crossings(lines: &[Line<'_>], range: Decimal) -> Vec<Crossing> {
    let mut found = Vec::new();
    for (i, a) in lines.iter().enumerate() {
        for b in lines.iter().skip(i + 1) {
            let units = a
                .per_unit
                .checked_sub(b.per_unit)
                .filter(|slope| !slope.is_zero())
                .and_then(|slope| b.fixed.checked_sub(a.fixed)?.checked_div(slope));
            if let Some(units) = units.filter(|u| *u > Decimal::ZERO && *u <= range) {
                found.push(Crossing {
                    first: a.kind,
                    second: b.kind,
                    units,
                    profit: a.at(units),
                });
            }
        }
    }
    found
}

/// The sentence under the chart.
fn verdict(locale: &Locale, lines: &[Line<'_>], found: &[Crossing], range: Decimal) -> String {
    let lang = locale.lang;
    let t = texts(lang);
    let v = &t.volume;
    if lines.len() < 2 {
        return v.fix_to_compare.to_owned();
    }
    if !found.is_empty() {
        let each: Vec<String> = found
            .iter()
            .map(|c| {
                fill_all(
                    v.same_at,
                    &[
                        t.model_name(c.first).to_owned(),
                        t.model_in_sentence(c.second).to_owned(),
                        format::number(locale, c.units, 0),
                    ],
                )
            })
            .collect();
        return sentences(&each);
    }
    let top = lines
        .iter()
        .map(|l| l.at(range))
        .fold(Decimal::MIN, Decimal::max);
    let best: Vec<&Line<'_>> = lines.iter().filter(|l| l.at(range) == top).collect();
    let (one_template, many_template) = if top < Decimal::ZERO {
        (v.loses_least_always, v.lose_least_always)
    } else {
        (v.earns_more_always, v.earn_most_always)
    };
    match best.as_slice() {
        [one] => fill_all(one_template, &[t.model_name(one.kind).to_owned()]),
        [first, rest @ ..] => {
            let names: Vec<String> = std::iter::once(t.model_name(first.kind))
                .chain(rest.iter().map(|l| t.model_in_sentence(l.kind)))
                .map(str::to_owned)
                .collect();
            fill_all(many_template, &[and_list(lang, &names)])
        }
        [] => String::new(),
    }
}

/// Spreads label positions (percent from the top) at least `gap` apart, within 0–100.
fn spread<T>(mut labels: Vec<(T, f64)>, gap: f64) -> Vec<(T, f64)> {
    labels.sort_by(|a, b| a.1.total_cmp(&b.1));
    let mut floor = 0.0_f64;
    for label in labels.iter_mut() {
        label.1 = label.1.max(floor);
        floor = label.1 + gap;
    }
    let mut ceiling = 100.0_f64;
    for label in labels.iter_mut().rev() {
        label.1 = label.1.min(ceiling);
        ceiling = label.1 - gap;
    }
    labels
}

/// The legend of a chart with one line per model: each model's line (a model not `drawn` is
/// marked missing), the dashed line at today's value, and a kind of mark (swatch class, label).
pub fn model_legend(
    lang: Lang,
    drawn: &[ModelKind],
    now: &str,
    mark: Option<(&'static str, &str)>,
) -> Html {
    let t = texts(lang);
    html! {
        <ul class="chart-legend" aria-hidden="true">
            { for ModelKind::ALL.iter().map(|kind| {
                let missing = !drawn.contains(kind);
                html! {
                    <li class={classes!(missing.then_some("missing"))}>
                        <svg class="line-swatch" width="28" height="10">
                            <line class={classes!("line", kind.id())} x1="2" y1="5" x2="26" y2="5" />
                        </svg>
                        { t.model_name(*kind) }
                        if missing { { " —" } }
                    </li>
                }
            }) }
            <li>
                <svg class="line-swatch" width="28" height="10">
                    <line class="now-line" x1="14" y1="0" x2="14" y2="10" />
                </svg>
                { now }
            </li>
            if let Some((class, label)) = mark {
                <li><span class={class}></span>{ label }</li>
            }
        </ul>
    }
}

/// Lines of monthly profit against volume, with crossovers marked.
#[function_component]
pub fn VolumeChart(props: &VolumeChartProps) -> Html {
    let locale = use_locale();
    let lang = locale.lang;
    let t = texts(lang);
    let v = &t.volume;
    let cur = props.currency.as_str();
    let money = |d: Decimal| format::money(&locale, d, cur);
    let entered = props.units > Decimal::ZERO;
    let current = if entered { props.units } else { Decimal::ZERO };
    let range = if entered {
        props.units.checked_mul(Decimal::TWO).unwrap_or(props.units)
    } else {
        Decimal::ONE_HUNDRED
    };
    let half = range.checked_div(Decimal::TWO).unwrap_or(range);

    let lines: Vec<Line<'_>> = props
        .models
        .iter()
        .filter_map(|(kind, shown)| {
            let shown = shown.as_ref()?;
            let result = shown.result()?;
            let uplift = if entered {
                result
                    .monthly_units
                    .checked_div(props.units)
                    .unwrap_or(Decimal::ONE)
            } else {
                Decimal::ONE
            };
            Some(Line {
                kind: *kind,
                shown,
                per_unit: result
                    .profit_per_unit
                    .checked_mul(uplift)
                    .unwrap_or(result.profit_per_unit),
                fixed: Decimal::ZERO,
            })
        })
        .collect();
    let found = crossings(&lines, range);
    let sentence = verdict(&locale, &lines, &found, range);
    let range_text = format::number(&locale, range, 0);

    // Geometry: f64 from here on, for coordinates only.
    let ends = lines
        .iter()
        .flat_map(|l| [l.at(Decimal::ZERO), l.at(range)]);
    let low = ends.clone().fold(Decimal::ZERO, Decimal::min);
    let high = ends.fold(Decimal::ZERO, Decimal::max);
    let (lo, hi) = y_range(low, high);
    let range_f = to_f64(range);
    let x_of = |units: Decimal| {
        if range_f > 0.0 {
            (to_f64(units) / range_f).clamp(0.0, 1.0)
        } else {
            0.0
        }
    };
    // From the top, 0 to 1.
    let y_of = |profit: Decimal| ((hi - to_f64(profit)) / (hi - lo)).clamp(0.0, 1.0);
    let gap = LABEL_GAP_PX / PLOT_HEIGHT_PX * 100.0;
    // Axis labels are amounts as the page shows them, with their currency: in the sale currency
    // after the toggle. Cents only where the amounts are small.
    let y_decimals = if locale.shown(high.max(-low), cur).0 < Decimal::TEN {
        2
    } else {
        0
    };

    let y_ticks = y_ticks(low, high);
    let grid = grid(&y_ticks, y_of);
    let y_labels = spread(
        y_ticks.iter().map(|t| (*t, y_of(*t) * 100.0)).collect(),
        gap,
    )
    .into_iter()
    .map(|(t, top)| {
        html! {
            <span class={classes!("tick", t.is_zero().then_some("zero"))} style={format!("top: {top:.2}%")}>
                { format::money_places(&locale, t, cur, y_decimals) }
            </span>
        }
    })
    .collect::<Html>();

    let zero_y = format!("{:.1}", y_of(Decimal::ZERO) * SPACE);
    let now_x = format!("{:.1}", x_of(current) * SPACE);
    let paths = lines
        .iter()
        .map(|l| {
            let id = l.kind.id();
            let d = format!(
                "M0 {:.1} L{:.1} {:.1}",
                y_of(l.at(Decimal::ZERO)) * SPACE,
                SPACE,
                y_of(l.at(range)) * SPACE
            );
            html! {
                <path class={classes!("line", id, l.shown.stale.then_some("stale"))} d={d}
                    vector-effect="non-scaling-stroke" data-testid={format!("volume-line-{id}")}>
                    <title>{ fill_all(v.line_title, &[t.model_name(l.kind).to_owned(), money(l.at(range)), range_text.clone()]) }</title>
                </path>
            }
        })
        .collect::<Html>();
    let markers = found
        .iter()
        .map(|c| {
            html! {
                <circle class="crossover" data-testid="crossover" r="5"
                    cx={format!("{:.3}%", x_of(c.units) * 100.0)}
                    cy={format!("{:.3}%", y_of(c.profit) * 100.0)}>
                    <title>{ fill_all(v.crossing_title, &[
                        t.model_name(c.first).to_owned(),
                        t.model_in_sentence(c.second).to_owned(),
                        format::number(&locale, c.units, 0),
                        money(c.profit),
                    ]) }</title>
                </circle>
            }
        })
        .collect::<Html>();
    let end_labels = spread(
        lines
            .iter()
            .map(|l| (l, y_of(l.at(range)) * 100.0))
            .collect(),
        gap,
    )
    .into_iter()
    .map(|(l, top)| {
        html! {
            <span class={classes!("end-label", l.kind.id(), l.shown.stale.then_some("stale"))}
                style={format!("top: {top:.2}%")}>
                { t.model_name(l.kind) }
            </span>
        }
    })
    .collect::<Html>();
    let x_ticks = [Decimal::ZERO, half, range]
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            let place = ["start", "middle", "end"].get(i).copied().unwrap_or("middle");
            html! {
                <span class={classes!("tick", place)} style={format!("left: {:.3}%", x_of(t) * 100.0)}>
                    { format::number(&locale, t, 0) }
                    if t == current {
                        <span class="now">{ " " }{ v.now }</span>
                    }
                </span>
            }
        })
        .collect::<Html>();

    let drawn: Vec<ModelKind> = lines.iter().map(|l| l.kind).collect();
    let legend = model_legend(
        lang,
        &drawn,
        v.your_volume_now,
        (!found.is_empty()).then_some(("crossover-swatch", v.lines_cross)),
    );

    let summary = {
        let each: Vec<String> = lines
            .iter()
            .map(|l| {
                fill_all(
                    v.summary_item,
                    &[
                        t.model_name(l.kind).to_owned(),
                        money(l.at(range)),
                        range_text.clone(),
                    ],
                )
            })
            .collect();
        fill_all(
            v.summary,
            &[
                range_text.clone(),
                each.join(t.page.clause_separator),
                sentence.clone(),
            ],
        )
    };
    let table_rows = props
        .models
        .iter()
        .map(|(kind, _)| {
            let line = lines.iter().find(|l| l.kind == *kind);
            let cell = |units: Decimal| {
                html! { <td>{ line.map_or_else(|| "—".to_owned(), |l| money(l.at(units))) }</td> }
            };
            html! {
                <tr>
                    <th scope="row">{ t.model_name(*kind) }</th>
                    { cell(Decimal::ZERO) }
                    { cell(current) }
                    { cell(range) }
                </tr>
            }
        })
        .collect::<Html>();

    html! {
        <figure class="chart volume" data-testid="volume-chart">
            <figcaption>{ fill_all(v.caption, &[locale.display_currency(cur)]) }</figcaption>
            { legend }
            { plot(Plot {
                height_px: PLOT_HEIGHT_PX,
                y_labels,
                summary,
                grid,
                now_x,
                zero_y,
                paths,
                markers,
                end_labels: Some(end_labels),
                x_ticks,
                x_title: html! { v.x_title },
            }) }
            <p class="chart-note" data-testid="volume-verdict">{ sentence }</p>
            <div class="visually-hidden">
            <table>
                <caption>{ fill_all(v.table_caption, &[locale.display_currency(cur)]) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t.breakdown.model }</th>
                        <th scope="col">{ fill_all(v.units, &[format::number(&locale, Decimal::ZERO, 0)]) }</th>
                        <th scope="col">{ fill_all(v.units_now, &[format::number(&locale, current, 0)]) }</th>
                        <th scope="col">{ fill_all(v.units, std::slice::from_ref(&range_text)) }</th>
                    </tr>
                </thead>
                <tbody>{ table_rows }</tbody>
            </table>
            </div>
        </figure>
    }
}
