//! DOM helpers shared by the wasm component tests (`mod dom;` in each): mount a root, find
//! elements by test id, type and click the way the page's event handlers expect.
#![allow(dead_code)] // each test file uses some of them

use std::time::Duration;

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement};

/// A fresh `<div>` appended to `<body>`, to render a component into.
pub fn mount() -> Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    root
}

/// Waits `ms` milliseconds (Yew renders, timers and animation frames run meanwhile).
pub async fn sleep_ms(ms: u64) {
    yew::platform::time::sleep(Duration::from_millis(ms)).await;
}

/// Waits until the element with this `data-testid` reads `expected` (checking every 10 ms, for
/// at most 2 s: a loaded machine may take longer than one fixed pause), then returns its text,
/// whatever it is, for the caller's assertion.
#[allow(dead_code)]
pub async fn text_when(root: &Element, test_id: &str, expected: &str) -> String {
    for _ in 0..200 {
        if text(root, test_id) == expected {
            break;
        }
        sleep_ms(10).await;
    }
    text(root, test_id)
}

/// The first element under `root` matching `selector`.
pub fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// The text of the element with this `data-testid`, or empty.
pub fn text(root: &Element, test_id: &str) -> String {
    find(root, &format!("[data-testid=\"{test_id}\"]"))
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// Dispatches a bubbling event of `kind` (`input`, `change`…) at `target`.
pub fn fire(target: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).expect("an event");
    target.dispatch_event(&event).expect("dispatched");
}

/// The `<input>` with this id.
pub fn input(root: &Element, id: &str) -> HtmlInputElement {
    find(root, &format!("#{id}"))
        .expect("the input")
        .dyn_into()
        .expect("an input element")
}

/// Sets the input's text and fires `input`, as typing does.
pub fn type_into(root: &Element, id: &str, value: &str) {
    let input = input(root, id);
    input.set_value(value);
    fire(&input, "input");
}

/// Clicks the element with this `data-testid`.
pub fn click(root: &Element, test_id: &str) {
    find(root, &format!("[data-testid=\"{test_id}\"]"))
        .expect("the element")
        .dyn_into::<HtmlElement>()
        .expect("an HTML element")
        .click();
}
