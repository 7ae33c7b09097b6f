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
pub mod markets;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod presets;
pub mod session;
pub mod share;
pub mod state;
pub mod storage;

/// Installs `window.sellerCalc`, reads the scenario from the URL or the autosave, loads the
/// language pack the visitor needs, and renders the page into `<body>`.
pub fn start() {
    js_api::install();
    let mut session = session::Session::read();
    // A visitor in another language than English gets that language's pack before the first
    // render, so the page never flashes English first. If the pack cannot be fetched, the page
    // starts in English and says why.
    let lang = app::initial_lang(&session);
    i18n::packs::when_available(lang, "", move |_| {
        let shown = i18n::packs::shown(lang);
        if shown != lang {
            session
                .messages
                .push(components::notice::Message::LanguageUnavailable(lang));
        }
        let props = app::AppProps {
            session: std::rc::Rc::new(session),
            lang: Some(shown),
        };
        yew::Renderer::<Page>::with_props(props).render();
    });
}

/// The app, taking the place of the first screen prerendered into index.html
/// (`src/prerender.rs`): that picture is removed once the app's first render is in the document,
/// in the same task, so the browser never paints the two together or neither.
#[yew::function_component]
fn Page(props: &app::AppProps) -> yew::Html {
    yew::use_effect_with((), |()| {
        if let Some(picture) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("prerendered"))
        {
            picture.remove();
        }
    });
    yew::html! { <app::App session={props.session.clone()} lang={props.lang} /> }
}
