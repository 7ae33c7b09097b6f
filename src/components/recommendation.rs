//! The plain recommendation at the top of the results.

use sellercalc_engine::{ModelKind, Recommendation};
use yew::prelude::*;

use crate::format;

/// Props of [`RecommendationBanner`].
#[derive(Properties, PartialEq)]
pub struct RecommendationProps {
    /// The latest recommendation, if any valid input has produced one.
    pub recommendation: Option<Recommendation>,
    /// Whether it comes from an earlier input (the current one has an error).
    pub stale: bool,
    /// The best model's monthly profit, to say when nothing makes money.
    pub best_monthly_profit: Option<sellercalc_engine::Decimal>,
    /// The cost currency.
    pub currency: AttrValue,
}

fn lower_name(kind: ModelKind) -> &'static str {
    match kind {
        ModelKind::Pop => "POP",
        ModelKind::Semi => "semi-managed",
        ModelKind::Full => "fully managed",
    }
}

/// The reason, as the end of a sentence: "mostly from lower commission".
fn reason(key: &str, label: &str) -> String {
    match key {
        "revenue" => "mostly from higher revenue".to_owned(),
        "commission" => "mostly from lower commission".to_owned(),
        "last_mile" => "mostly from cheaper shipping to buyers".to_owned(),
        _ => format!("mostly from lower {}", label.to_lowercase()),
    }
}

/// The one-sentence recommendation.
pub fn sentence(
    r: &Recommendation,
    best_monthly_profit: Option<sellercalc_engine::Decimal>,
    currency: &str,
) -> String {
    if best_monthly_profit.is_some_and(|p| p <= sellercalc_engine::Decimal::ZERO) {
        return format!(
            "No way of selling makes a profit with these figures; {} loses least.",
            lower_name(r.best)
        );
    }
    if r.monthly_advantage.is_zero() {
        return format!(
            "{} and {} earn the same.",
            r.best.name(),
            lower_name(r.runner_up)
        );
    }
    format!(
        "{} earns {} more a month than {}, {}.",
        r.best.name(),
        format::money(r.monthly_advantage, currency),
        lower_name(r.runner_up),
        reason(r.main_reason, r.main_reason_label)
    )
}

/// "★ Semi-managed earns ¥1,240 more a month than POP, mostly from lower commission."
#[function_component]
pub fn RecommendationBanner(props: &RecommendationProps) -> Html {
    let Some(r) = &props.recommendation else {
        return html! {
            <section class="recommendation" data-testid="recommendation">
                <p>{ "Fix the highlighted fields to see which way of selling earns most." }</p>
            </section>
        };
    };
    html! {
        <section class={classes!("recommendation", props.stale.then_some("stale"))} data-testid="recommendation">
            <p><span class="star" aria-hidden="true">{ "★ " }</span>{ sentence(r, props.best_monthly_profit, &props.currency) }</p>
            if props.stale {
                <p class="stale-note">{ "From the last valid figures." }</p>
            }
        </section>
    }
}
