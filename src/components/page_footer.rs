//! The footer: which policy set the figures use, and that they are estimates.

use yew::prelude::*;

/// Props of [`PageFooter`].
#[derive(Properties, PartialEq)]
pub struct PageFooterProps {
    /// Policy set id.
    pub policy_id: AttrValue,
    /// Its version.
    pub version: AttrValue,
    /// Its effective date.
    pub effective_date: AttrValue,
}

/// Policy version, effective date and the estimate disclaimer.
#[function_component]
pub fn PageFooter(props: &PageFooterProps) -> Html {
    html! {
        <footer class="page-footer" data-testid="footer">
            <p>
                { format!("Policy {} v{} · effective {} · ", props.policy_id, props.version, props.effective_date) }
                { "Figures are estimates: values marked “assumption” have no public source. Nothing you enter leaves this page." }
            </p>
        </footer>
    }
}
