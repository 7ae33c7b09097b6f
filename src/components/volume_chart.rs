//! "Profit vs volume": monthly profit against monthly units, one line per model.

use sellercalc_engine::{Decimal, ModelKind};
use yew::prelude::*;

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

/// Lines of monthly profit against volume, with crossovers marked.
#[function_component]
pub fn VolumeChart(_props: &VolumeChartProps) -> Html {
    html! { <figure class="chart volume" data-testid="volume-chart"></figure> }
}
