//! The "What if" tools in headless Chromium: the solved prices, their round trip into the inputs,
//! the sensitivity charts, and the charts drawn a frame after the figures.
#![cfg(target_arch = "wasm32")]

use sellercalc::app::App;
use sellercalc::components::sensitivity_chart::{
    Axis, Base, SensitivityChart, SensitivityChartProps,
};
use sellercalc::i18n::Lang;
use sellercalc::state::{scenario_input, State};
use sellercalc_engine::decimal::{fixed_text, price_up};
use sellercalc_engine::{price_decimals, target_margin_price, Decimal, ModelKind};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

mod dom;

use dom::{click, find, input, mount, sleep_ms, text, type_into};

wasm_bindgen_test_configure!(run_in_browser);

/// Long enough for Yew to render and for the charts' next frame to come.
async fn settle() {
    sleep_ms(150).await;
}

/// Lets pending microtasks run (Yew renders in one), but no animation frame or timeout.
async fn microtasks() {
    for _ in 0..5 {
        let resolved = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
        let _ = wasm_bindgen_futures::JsFuture::from(resolved).await;
    }
}

fn attribute(root: &Element, test_id: &str, name: &str) -> Option<String> {
    find(root, &format!("[data-testid=\"{test_id}\"]")).and_then(|e| e.get_attribute(name))
}

/// The number in a price as shown ("$13.97" → "13.97", "-¥176.02" → "-176.02").
fn number_of(shown: &str) -> String {
    shown
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.' || *c == '-')
        .collect()
}

/// A money figure as shown, as a number.
fn amount(shown: &str) -> Decimal {
    number_of(shown).parse().expect("a number")
}

/// The calculator, once its "What if" panel and its charts are there (they are built after the
/// first paint, the charts one a frame: `data-pending` until then).
async fn app() -> Element {
    let root = mount();
    yew::Renderer::<App>::with_root(root.clone()).render();
    for _ in 0..40 {
        settle().await;
        if find(&root, "[data-testid=\"solver-target-pop\"]").is_some()
            && find(&root, "[data-pending]").is_none()
        {
            break;
        }
    }
    root
}

#[wasm_bindgen_test]
async fn the_target_margin_price_is_the_engines_and_using_it_meets_the_target() {
    let root = app().await;
    let state = State::new();
    let comparison = &state.comparison;
    let margin = Decimal::from(15);
    let price = target_margin_price(comparison, ModelKind::Pop, margin).expect("a price");
    let decimals = price_decimals(comparison, ModelKind::Pop);
    let shown = text(&root, "solver-target-pop");
    // As a person would type it, rounded up to the cent; the engine's places in the tooltip.
    assert_eq!(shown, format!("${}", price_up(price)));
    assert_eq!(
        attribute(&root, "solver-target-pop", "title"),
        Some(format!("{} USD", fixed_text(price, decimals)))
    );
    let semi = text(&root, "semi-monthly-profit");
    assert_eq!(
        text(&root, "solver-target-heading"),
        "Price for a 15% margin"
    );
    // Break-even to the cent as on the card, with the engine's places in the tooltip.
    assert_eq!(text(&root, "solver-break-even-pop"), "$12.02");
    assert_eq!(
        attribute(&root, "solver-break-even-price-pop", "title").as_deref(),
        Some("12.0134 USD")
    );

    click(&root, "solver-use-pop");
    settle().await;
    assert_eq!(input(&root, "in-pop-price").value(), number_of(&shown));
    assert_eq!(text(&root, "pop-margin"), "15.0%");
    // Semi-managed follows the POP price while its own is empty: it moved too.
    assert_ne!(text(&root, "semi-monthly-profit"), semi);

    // Fully managed's price is a supply price, in the cost currency.
    let full = text(&root, "solver-target-full");
    assert!(full.starts_with('¥'), "{full}");
    click(&root, "solver-use-full");
    settle().await;
    assert_eq!(
        input(&root, "in-full-supply-price").value(),
        number_of(&full)
    );
    assert_eq!(text(&root, "full-margin"), "15.0%");
}

#[wasm_bindgen_test]
async fn the_supply_price_that_earns_as_much_as_pop_does_so_to_the_cent_it_is_typed_in() {
    let root = app().await;
    // The worked example without uplift: (2223.984064 ÷ 400 + 26.458) ÷ 0.96 = 33.35204, shown
    // and used as ¥33.36: the cent above, so fully managed earns at least as much.
    let stated = text(&root, "solver-same-as-pop");
    assert_eq!(stated, "¥33.36");
    assert!(attribute(&root, "solver-same-as-pop", "title")
        .is_some_and(|t| t.starts_with("33.352") && t.ends_with(" CNY")));
    click(&root, "solver-use-same-as-pop");
    settle().await;
    assert_eq!(input(&root, "in-full-supply-price").value(), "33.36");
    // 400 units × at most a cent each × 0.96 kept: within ¥3.84 above POP.
    let most = Decimal::new(384, 2);
    let gap =
        amount(&text(&root, "full-monthly-profit")) - amount(&text(&root, "pop-monthly-profit"));
    assert!(gap >= Decimal::ZERO && gap <= most, "{gap}");

    click(&root, "solver-use-same-as-semi");
    settle().await;
    let gap =
        amount(&text(&root, "full-monthly-profit")) - amount(&text(&root, "semi-monthly-profit"));
    assert!(gap >= Decimal::ZERO && gap <= most, "{gap}");
}

#[wasm_bindgen_test]
async fn a_bad_target_says_why_at_the_field_and_everything_else_stays() {
    let root = app().await;
    let pop = text(&root, "pop-monthly-profit");
    let price = text(&root, "solver-target-pop");
    for (typed, message) in [
        ("abc", "Enter a number"),
        ("100", "less than 100%"),
        ("-3", "Cannot be negative"),
    ] {
        type_into(&root, "solver-target-margin", typed);
        settle().await;
        let error = text(&root, "solver-target-error");
        assert!(error.contains(message), "{typed}: {error}");
        assert_eq!(
            input(&root, "solver-target-margin")
                .get_attribute("aria-invalid")
                .as_deref(),
            Some("true")
        );
        assert_eq!(input(&root, "solver-target-margin").value(), typed);
        assert_eq!(text(&root, "pop-monthly-profit"), pop, "the cards stay");
        assert_eq!(
            text(&root, "solver-target-pop"),
            price,
            "the last good target stays"
        );
        assert!(!text(&root, "solver-break-even-semi").is_empty());
    }
    // A margin no price reaches: the percentage costs and the margin take the whole price.
    type_into(&root, "solver-target-margin", "90");
    settle().await;
    assert!(text(&root, "solver-target-error").is_empty());
    assert!(text(&root, "solver-target-pop").starts_with("No price gives this margin"));
    assert!(find(&root, "[data-testid=\"solver-use-pop\"]").is_none());
}

#[wasm_bindgen_test]
async fn the_sensitivity_charts_draw_three_lines_from_the_engine() {
    let state = State::new();
    let root = mount();
    yew::Renderer::<SensitivityChart>::with_root_and_props(
        root.clone(),
        SensitivityChartProps {
            axis: Axis::Price,
            base: Base {
                comparison: Rc::clone(&state.comparison),
                inputs: Rc::new(scenario_input(
                    &state.form,
                    &state.assumptions,
                    &state.policy,
                    Lang::En,
                )),
            },
            currency: "CNY".into(),
        },
    )
    .render();
    settle().await;
    for model in ["pop", "semi", "full"] {
        let d = attribute(&root, &format!("sensitivity-price-{model}"), "d").unwrap_or_default();
        assert_eq!(d.matches(['M', 'L']).count(), 11, "{model}: {d}");
    }
    // Today's row is today's comparison: the card's monthly profit.
    let rows: Vec<String> = {
        let list = root.query_selector_all("tbody tr").expect("rows");
        (0..list.length())
            .filter_map(|i| list.item(i).and_then(|n| n.text_content()))
            .collect()
    };
    assert_eq!(rows.len(), 11);
    assert!(
        rows[5].starts_with("0%") && rows[5].contains("¥2,223.98"),
        "{}",
        rows[5]
    );
    // POP breaks even at 12.0134 USD, 7.52% under its 12.99.
    let note = text(&root, "sensitivity-price-note");
    assert!(
        note.contains("POP breaks even at -7.52% (12.0134 USD)"),
        "{note}"
    );
    assert!(find(&root, "circle.zero-mark.pop").is_some());
}

#[wasm_bindgen_test]
async fn the_charts_follow_a_frame_after_the_figures_and_say_what_is_missing() {
    let root = app().await;
    let figure = text(&root, "pop-monthly-profit");
    let line = attribute(&root, "sensitivity-cost-pop", "d").expect("a cost line");
    let volume = attribute(&root, "volume-line-pop", "d").expect("a volume line");

    // Notes whether an animation frame passes while the figures render (a loaded machine can
    // make Yew yield to the browser, and a frame may then come before the figures are there).
    let framed = Rc::new(std::cell::Cell::new(false));
    let flag = framed.clone();
    let on_frame = wasm_bindgen::closure::Closure::once_into_js(move || flag.set(true));
    web_sys::window()
        .expect("a window")
        .request_animation_frame(on_frame.unchecked_ref())
        .expect("a frame");

    // Two keystrokes in one frame: the figures follow each at once, the charts only the last.
    type_into(&root, "in-product-unit-cost", "3");
    microtasks().await;
    type_into(&root, "in-product-unit-cost", "31");
    // POP: 5.55996016 − 6 = −0.44003984 a unit, × 400 = −176.015936, shown as a loss.
    for _ in 0..50 {
        microtasks().await;
        if text(&root, "pop-monthly-profit") == "▼ -¥176.02" {
            break;
        }
        sleep_ms(0).await;
    }
    assert_eq!(text(&root, "pop-monthly-profit"), "▼ -¥176.02");
    if !framed.get() {
        assert_eq!(
            attribute(&root, "sensitivity-cost-pop", "d").as_deref(),
            Some(line.as_str()),
            "the chart waits for the next frame"
        );
    }
    settle().await;
    assert_ne!(text(&root, "pop-monthly-profit"), figure);
    let moved = attribute(&root, "sensitivity-cost-pop", "d").expect("still drawn");
    assert_ne!(moved, line);
    assert_ne!(
        attribute(&root, "volume-line-pop", "d").expect("drawn"),
        volume
    );
    assert!(
        text(&root, "sensitivity-cost").contains("¥62.00"),
        "x axis to 2 × 31"
    );

    // A bad supply price: fully managed's lines go, and the charts say why.
    type_into(&root, "in-full-supply-price", "abc");
    settle().await;
    assert!(attribute(&root, "sensitivity-price-full", "d").is_none());
    assert!(attribute(&root, "sensitivity-price-pop", "d").is_some());
    assert!(text(&root, "sensitivity-price-note")
        .contains("Fully managed: fix the highlighted fields to see this line."));

    // A bad unit cost stops every model: a short message instead of a chart.
    type_into(&root, "in-product-unit-cost", "-1");
    settle().await;
    assert!(text(&root, "sensitivity-cost").contains("Fix the highlighted fields"));
    assert!(attribute(&root, "sensitivity-cost-pop", "d").is_none());
}
