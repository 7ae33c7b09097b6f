//! The plain recommendation at the top of the results.

use sellercalc_engine::{Decimal, Recommendation};
use yew::prelude::*;

use crate::format;
use crate::i18n::{fill, texts, use_locale, Locale};

/// Props of [`RecommendationBanner`].
#[derive(Properties, PartialEq)]
pub struct RecommendationProps {
    /// The latest recommendation, if any valid input has produced one.
    pub recommendation: Option<Recommendation>,
    /// Whether it comes from an earlier input (the current one has an error).
    pub stale: bool,
    /// The best model's monthly profit, to say when nothing makes money.
    pub best_monthly_profit: Option<Decimal>,
    /// The cost currency.
    pub currency: AttrValue,
}

/// The one-sentence recommendation in `locale`: "Semi-managed earns ¥1,240.00 more a month than
/// POP, mostly from lower commission."
pub fn sentence_in(
    locale: &Locale,
    r: &Recommendation,
    best_monthly_profit: Option<Decimal>,
    currency: &str,
) -> String {
    let t = texts(locale.lang);
    let words = &t.recommendation;
    if best_monthly_profit.is_some_and(|p| p <= Decimal::ZERO) {
        let best = t.model_in_sentence(r.best);
        return fill(words.no_profit, |i| (i == 0).then(|| best.to_owned()));
    }
    if r.monthly_advantage.is_zero() {
        let names = [t.model_name(r.best), t.model_in_sentence(r.runner_up)];
        return fill(words.same, |i| names.get(i).map(|n| (*n).to_owned()));
    }
    // The reason's line item in this language, for a key the reasons table does not know.
    let label = t
        .line_items
        .label(r.main_reason, "")
        .unwrap_or(r.main_reason_label);
    let values = [
        t.model_name(r.best).to_owned(),
        format::money(locale, r.monthly_advantage, currency),
        t.model_in_sentence(r.runner_up).to_owned(),
        t.reason(r.main_reason, label),
    ];
    fill(words.earns_more, |i| values.get(i).cloned())
}

/// The one-sentence recommendation in English, each amount in its own currency; [`sentence_in`]
/// speaks the page's locale.
pub fn sentence(
    r: &Recommendation,
    best_monthly_profit: Option<Decimal>,
    currency: &str,
) -> String {
    sentence_in(&Locale::default(), r, best_monthly_profit, currency)
}

/// "★ Semi-managed earns ¥1,240 more a month than POP, mostly from lower commission."
#[function_component]
pub fn RecommendationBanner(props: &RecommendationProps) -> Html {
    let locale = use_locale();
    let words = &texts(locale.lang).recommendation;
    let Some(r) = &props.recommendation else {
        return html! {
            <section class="recommendation" data-testid="recommendation">
                <p>{ words.fix_to_see }</p>
            </section>
        };
    };
    html! {
        <section class={classes!("recommendation", props.stale.then_some("stale"))} data-testid="recommendation">
            <p><span class="star" aria-hidden="true">{ "★ " }</span>{ sentence_in(&locale, r, props.best_monthly_profit, &props.currency) }</p>
            if r.rests_on_estimate {
                <p class="estimate-note" data-testid="recommendation-estimate">
                    <span aria-hidden="true">{ "⚠ " }</span>{ words.rests_on_estimate }
                </p>
            }
            if props.stale {
                <p class="stale-note">{ words.stale }</p>
            }
        </section>
    }
}
