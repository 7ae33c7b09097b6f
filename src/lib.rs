//! SellerCalc's web app: a thin Yew shell around `sellercalc-engine`. It renders state, sends
//! actions and exposes `window.sellerCalc`; every figure comes from the engine.
#![forbid(unsafe_code)]

pub mod app;
pub mod components;
pub mod format;
pub mod js_api;
pub mod presets;
pub mod state;

/// Installs `window.sellerCalc` and renders the page into `<body>`.
pub fn start() {
    js_api::install();
    yew::Renderer::<app::App>::new().render();
}
