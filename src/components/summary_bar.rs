//! A sticky strip with the three monthly profits, for phones, where the inputs sit below the
//! cards; also the polite live region that announces results to screen readers.

use sellercalc_engine::ModelKind;
use yew::prelude::*;

use crate::components::model_card::profit;
use crate::format;
use crate::i18n::{texts, use_locale};
use crate::state::Shown;

/// Props of [`SummaryBar`].
#[derive(Properties, PartialEq)]
pub struct SummaryBarProps {
    /// POP, semi-managed and fully managed, as shown.
    pub shown: Vec<(ModelKind, Option<Shown>)>,
    /// The best model, when known.
    pub best: Option<ModelKind>,
    /// The cost currency.
    pub currency: AttrValue,
    /// How many markets the volume is split between: a mix (2 or more) is named by its count,
    /// not listed (issue #15); one market, the simple case, is not named.
    #[prop_or(1)]
    pub markets: usize,
}

/// The three monthly profits in one line.
#[function_component]
pub fn SummaryBar(props: &SummaryBarProps) -> Html {
    let locale = use_locale();
    let t = texts(locale.lang);
    html! {
        <div class="summary-bar" aria-hidden="true">
            { for props.shown.iter().map(|(kind, shown)| {
                let value = shown.as_ref().and_then(|s| s.result()).map_or_else(|| html! { { "–" } }, |result| {
                    let monthly = result.monthly_profit;
                    profit(&format::money(&locale, monthly, &props.currency), monthly)
                });
                let stale = shown.as_ref().is_some_and(|s| s.stale);
                html! {
                    <div class={classes!("mini", kind.id(), (props.best == Some(*kind)).then_some("best"), stale.then_some("stale"))}>
                        <span class="mini-name">{ t.model_name(*kind) }</span>
                        <span class="mini-value">{ value }<span class="per">{ t.page.per_month }</span></span>
                    </div>
                }
            }) }
            if props.markets > 1 {
                <p class="mini-markets" data-testid="summary-markets">
                    { crate::i18n::fill_one(t.page.markets_count, &format::number(&locale, props.markets.into(), 0)) }
                </p>
            }
        </div>
    }
}
