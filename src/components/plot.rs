//! What the line charts (profit against volume, price and unit cost) share: the drawing space, the
//! frame of a plot with its labels, and the conversion of figures to coordinates.

use sellercalc_engine::Decimal;
use yew::prelude::*;

/// The plot's drawing space: the inner SVG's viewBox is this wide and this high.
pub const SPACE: f64 = 1000.0;

/// A figure as a drawing coordinate (f64 is for drawing only; money stays decimal).
pub fn to_f64(value: Decimal) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    value.to_f64().filter(|v| v.is_finite()).unwrap_or(0.0)
}

/// The y range to draw for figures from `low` to `high` (both include zero): 6 % of room above
/// and below, and a unit range when every figure is zero.
pub fn y_range(low: Decimal, high: Decimal) -> (f64, f64) {
    let (mut lo, mut hi) = (to_f64(low), to_f64(high));
    if hi - lo <= 0.0 {
        lo = -1.0;
        hi = 1.0;
    }
    let pad = (hi - lo) * 0.06;
    (lo - pad, hi + pad)
}

/// The figures the y axis marks: zero, and the lowest and highest when they are not zero.
pub fn y_ticks(low: Decimal, high: Decimal) -> Vec<Decimal> {
    let mut ticks = vec![Decimal::ZERO];
    if low < Decimal::ZERO {
        ticks.push(low);
    }
    if high > Decimal::ZERO {
        ticks.push(high);
    }
    ticks
}

/// A grid line across the plot at each tick but zero (the zero line is drawn on its own);
/// `y_of` places a figure from the top, 0 to 1.
pub fn grid(ticks: &[Decimal], y_of: impl Fn(Decimal) -> f64) -> Html {
    ticks
        .iter()
        .filter(|t| !t.is_zero())
        .map(|t| {
            let y = format!("{:.1}", y_of(*t) * SPACE);
            html! { <line class="grid" x1="0" x2={SPACE.to_string()} y1={y.clone()} y2={y} /> }
        })
        .collect()
}

/// The parts of one line plot.
pub struct Plot {
    /// Height of the plot in CSS pixels.
    pub height_px: f64,
    /// The labels beside the y axis (positioned by the caller).
    pub y_labels: Html,
    /// What the plot shows, for screen readers.
    pub summary: String,
    /// Grid lines, in drawing space.
    pub grid: Html,
    /// The x of today's value, in drawing space.
    pub now_x: String,
    /// The y of zero profit, in drawing space.
    pub zero_y: String,
    /// The lines, in drawing space.
    pub paths: Html,
    /// Markers drawn over the lines in CSS pixels (not stretched with the drawing space).
    pub markers: Html,
    /// Labels at the lines' right ends, if the chart has them.
    pub end_labels: Option<Html>,
    /// The labels under the x axis.
    pub x_ticks: Html,
    /// The x axis' title.
    pub x_title: Html,
}

/// The plot: its labels around an SVG that stretches the drawing space to the box.
pub fn plot(p: Plot) -> Html {
    let top = SPACE.to_string();
    html! {
        <div class="plot-grid" style={format!("--plot-height: {}px", p.height_px)}>
            <div class="y-labels" aria-hidden="true">{ p.y_labels }</div>
            <div class="plot">
                <svg class="plot-svg" role="img" aria-label={p.summary} width="100%" height="100%">
                    <svg viewBox={format!("0 0 {SPACE} {SPACE}")} preserveAspectRatio="none" width="100%" height="100%">
                        { p.grid }
                        <line class="now-line" x1={p.now_x.clone()} x2={p.now_x} y1="0" y2={top.clone()}
                            vector-effect="non-scaling-stroke" />
                        <line class="zero-line" x1="0" x2={top} y1={p.zero_y.clone()} y2={p.zero_y}
                            vector-effect="non-scaling-stroke" />
                        { p.paths }
                    </svg>
                    { p.markers }
                </svg>
            </div>
            if let Some(end_labels) = p.end_labels {
                <div class="end-labels" aria-hidden="true">{ end_labels }</div>
            }
            <div class="x-labels" aria-hidden="true">{ p.x_ticks }</div>
            <div class="x-title" aria-hidden="true">{ p.x_title }</div>
        </div>
    }
}
