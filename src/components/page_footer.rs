//! The footer: which policy set the figures use, and that they are estimates.

use yew::prelude::*;

use crate::i18n::{fill, texts, use_lang};

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
    let footer = &texts(use_lang()).footer;
    let values = [&props.policy_id, &props.version, &props.effective_date];
    let policy = fill(footer.policy, |i| values.get(i).map(|v| v.to_string()));
    html! {
        <footer class="page-footer" data-testid="footer">
            <p>
                { format!("{policy} · ") }
                { footer.disclaimer }
            </p>
        </footer>
    }
}
