//! Components rendered in headless Chromium: what a user sees, and what typing does.
#![cfg(target_arch = "wasm32")]

use sellercalc::app::App;
use sellercalc::components::model_card::{ModelCard, ModelCardProps};
use sellercalc::state::State;
use sellercalc_engine::ModelKind;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlInputElement;

mod dom;

use dom::{click, find, mount, sleep_ms, text, text_when, type_into};

wasm_bindgen_test_configure!(run_in_browser);

async fn settle() {
    sleep_ms(20).await;
}

#[wasm_bindgen_test]
async fn model_card_shows_the_figures_and_the_rules() {
    let state = State::new();
    let shown = state.shown(ModelKind::Pop).cloned();
    let root = mount();
    yew::Renderer::<ModelCard>::with_root_and_props(
        root.clone(),
        ModelCardProps {
            kind: ModelKind::Pop,
            shown,
            currency: "CNY".into(),
            best: false,
            units: state.comparison.scenario.monthly_units,
            estimated: false,
            warnings: Vec::new(),
        },
    )
    .render();
    settle().await;
    assert_eq!(text(&root, "pop-profit-per-unit"), "¥5.56");
    assert_eq!(text(&root, "pop-monthly-profit"), "¥2,223.98");
    assert_eq!(text(&root, "pop-days-to-cash"), "72 days");
    // Break-even 12.0134 USD, rounded up to the cent.
    assert_eq!(text(&root, "pop-break-even"), "$12.02");
    // "Why?" (closed) is built once the figures are painted (issue #17).
    let mut rules = None;
    for _ in 0..200 {
        rules = root
            .query_selector("tr[data-key=\"commission\"]")
            .ok()
            .flatten()
            .and_then(|e| e.text_content());
        if rules.is_some() {
            break;
        }
        settle().await;
    }
    assert!(
        rules.is_some_and(|r| r.contains("5.5% of the sale price")),
        "the rule shows"
    );
}

#[wasm_bindgen_test]
async fn the_fully_managed_card_marks_its_estimate_and_repeats_the_supply_warnings() {
    use sellercalc::components::model_card::card_warnings;
    use sellercalc::i18n::Locale;
    // A supply price above the retail price it would sell at (12.99 × 7.2 = 93.528).
    let mut state = State::new();
    let mut form = state.form.clone();
    form.insert(sellercalc_engine::Input::SupplyPrice, "100".into());
    state = State::restored(
        sellercalc::state::Snapshot {
            form,
            ..sellercalc::state::Snapshot::defaults()
        },
        None,
        sellercalc::i18n::Lang::En,
    );
    let warnings = card_warnings(&Locale::default(), &state.comparison, ModelKind::Full);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    // POP does not depend on the supply price: its card repeats nothing.
    assert!(card_warnings(&Locale::default(), &state.comparison, ModelKind::Pop).is_empty());
    let root = mount();
    yew::Renderer::<ModelCard>::with_root_and_props(
        root.clone(),
        ModelCardProps {
            kind: ModelKind::Full,
            shown: state.shown(ModelKind::Full).cloned(),
            currency: "CNY".into(),
            best: false,
            units: state.comparison.scenario.monthly_units,
            estimated: true,
            warnings,
        },
    )
    .render();
    settle().await;
    assert_eq!(text(&root, "full-estimated"), "⚠ Estimated supply price");
    assert!(
        text(&root, "full-warnings")
            .contains("¥100.00 is above the retail price it would sell at (¥93.53)"),
        "{}",
        text(&root, "full-warnings")
    );
    let card = text(&root, "full-card");
    assert!(card.contains("Margin on the supply price"), "{card}");
}

#[wasm_bindgen_test]
async fn model_card_greys_stale_figures() {
    let state = State::new();
    let mut shown = state.shown(ModelKind::Full).cloned().expect("computed");
    shown.stale = true;
    let root = mount();
    yew::Renderer::<ModelCard>::with_root_and_props(
        root.clone(),
        ModelCardProps {
            kind: ModelKind::Full,
            shown: Some(shown),
            currency: "CNY".into(),
            best: true,
            units: state.comparison.scenario.monthly_units,
            estimated: false,
            warnings: Vec::new(),
        },
    )
    .render();
    settle().await;
    let card = root.query_selector(".card").ok().flatten().expect("a card");
    assert!(card.class_name().split_whitespace().any(|c| c == "stale"));
    assert!(text(&root, "full-card").contains("Last valid figures"));
    assert_eq!(
        text(&root, "full-profit-per-unit"),
        "¥18.44",
        "the figures stay"
    );
}

#[wasm_bindgen_test]
async fn typing_updates_every_model_and_bad_input_keeps_the_rest() {
    let root = mount();
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    assert_eq!(text(&root, "pop-monthly-profit"), "¥2,223.98");

    // A higher unit cost lowers every model's profit at once.
    type_into(&root, "in-product-unit-cost", "31");
    settle().await;
    assert_eq!(
        dom::input(&root, "in-product-unit-cost").value(),
        "31",
        "typed value kept"
    );
    // POP: 5.55996016 − 6 = −0.44003984 a unit, × 400 = −176.015936, shown as a loss.
    assert_eq!(text(&root, "pop-monthly-profit"), "▼ -¥176.02");
    assert_ne!(text(&root, "semi-monthly-profit"), "¥4,216.10");

    // A bad supply price: its message sits at the field, fully managed greys, the others stay.
    type_into(&root, "in-full-supply-price", "abc");
    settle().await;
    let error = root
        .query_selector("#in-full-supply-price-error")
        .ok()
        .flatten()
        .and_then(|e| e.text_content());
    assert!(
        error.is_some_and(|e| e.contains("Enter a number")),
        "message at the field"
    );
    let input: HtmlInputElement = root
        .query_selector("#in-full-supply-price")
        .ok()
        .flatten()
        .expect("input")
        .dyn_into()
        .expect("input element");
    assert_eq!(input.value(), "abc", "nothing typed is lost");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let full = root
        .query_selector("[data-testid=\"full-card\"]")
        .ok()
        .flatten()
        .expect("full card");
    assert!(full.class_name().split_whitespace().any(|c| c == "stale"));
    assert!(
        !text(&root, "full-monthly-profit").is_empty(),
        "last valid figures stay"
    );
    let pop = root
        .query_selector("[data-testid=\"pop-card\"]")
        .ok()
        .flatten()
        .expect("pop card");
    assert!(!pop.class_name().split_whitespace().any(|c| c == "stale"));
}

#[wasm_bindgen_test]
async fn the_results_currency_redraws_the_figures_in_place() {
    let root = mount();
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    let card = find(&root, "[data-testid=\"pop-card\"]").expect("pop card");

    click(&root, "currency-toggle");
    settle().await;
    // 2,223.984064 CNY ÷ 7.2 CNY per USD, rounded once.
    assert_eq!(
        text_when(&root, "pop-monthly-profit", "$308.89").await,
        "$308.89"
    );
    let same = find(&root, "[data-testid=\"pop-card\"]");
    assert!(
        card.is_same_node(same.as_ref().map(|e| e.as_ref())),
        "the card is updated, not built again"
    );

    // A new rate while the results are in USD: the figures follow it at once.
    type_into(&root, "in-currency-rate", "8");
    settle().await;
    // At 8 CNY per USD POP earns 5,510.84896 CNY a month, ÷ 8 = 688.85612 USD.
    assert_eq!(
        text_when(&root, "pop-monthly-profit", "$688.86").await,
        "$688.86"
    );

    click(&root, "currency-toggle");
    settle().await;
    assert!(text(&root, "pop-monthly-profit").starts_with('¥'));
}
