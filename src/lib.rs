//! SellerCalc's web app: a thin Yew shell around `sellercalc-engine`. It renders state, sends
//! actions and exposes `window.sellerCalc`; every figure comes from the engine.
#![forbid(unsafe_code)]

pub mod app;
pub mod catalog;
pub mod components;
pub mod embed;
pub mod export;
pub mod format;
pub mod i18n;
pub mod js_api;
pub mod presets;
pub mod session;
pub mod share;
pub mod state;
pub mod storage;

/// Installs `window.sellerCalc`, reads the scenario from the URL or the autosave, loads the
/// language pack the visitor needs, and renders the page into `<body>`.
pub fn start() {
    js_api::install();
    let session = std::rc::Rc::new(session::Session::read());
    // A visitor in another language than English gets that language's pack before the first
    // render, so the page never flashes English first.
    let lang = app::initial_lang(&session);
    i18n::packs::when_available(lang, "", move || {
        yew::Renderer::<app::App>::with_props(app::AppProps { session }).render();
    });
}
