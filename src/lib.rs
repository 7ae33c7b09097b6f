//! SellerCalc's web app: a thin Yew shell around `sellercalc-engine`. It renders state, sends
//! actions and exposes `window.sellerCalc`; every figure comes from the engine.
#![forbid(unsafe_code)]

pub mod app;
pub mod catalog;
pub mod components;
pub mod embed;
pub mod export;
pub mod files;
pub mod format;
pub mod i18n;
pub mod js_api;
pub mod markets;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod presets;
pub mod rate_sheet;
pub mod session;
pub mod share;
pub mod state;
pub mod storage;

/// Installs `window.sellerCalc`, reads the scenario from the URL or the autosave, loads the
/// language pack the visitor needs, and renders the page into `<body>`.
pub fn start() {
    js_api::install();
    // Reading the session builds the policy tables and the default scenario: a task of its own,
    // after the one that instantiated the wasm, so that neither is long on a slow phone (issue
    // #17, lever 2).
    next_task(read_and_render);
}

/// Runs `task` in a task of its own (a zero timeout), or at once without a window.
fn next_task(task: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;

    let pending = std::rc::Rc::new(std::cell::Cell::new(Some(
        Box::new(task) as Box<dyn FnOnce()>
    )));
    let later = pending.clone();
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(task) = later.take() {
            task();
        }
    });
    let queued = web_sys::window().is_some_and(|w| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0)
            .is_ok()
    });
    if !queued {
        if let Some(task) = pending.take() {
            task();
        }
    }
}

/// Reads the scenario from the URL or the autosave, loads the language pack the visitor needs,
/// and renders the page.
fn read_and_render() {
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
        after_first_paint(move || {
            yew::Renderer::<Page>::with_props(props).render();
        });
    });
}

/// Runs `render` once the browser has painted the first screen prerendered into index.html
/// (`src/prerender.rs`), when the visitor sees it; at once otherwise. On a fast connection the
/// wasm can be ready before the first paint: the app's page, not the picture, would then be the
/// first thing painted, so the largest contentful paint would wait for the wasm (as Lighthouse's
/// simulated slow phone counts it). A frame, then a task: the task runs after that frame's paint.
fn after_first_paint(render: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;

    let window = web_sys::window();
    let document = window.as_ref().and_then(|w| w.document());
    let picture_shown = document.as_ref().is_some_and(|d| {
        d.get_element_by_id(prerender_root()).is_some()
            && d.document_element()
                .and_then(|e| e.get_attribute("data-prerender"))
                .as_deref()
                != Some("hidden")
    });
    let Some(window) = window.filter(|_| picture_shown) else {
        render();
        return;
    };
    // Kept where both the frame and, should it fail, this function can reach it.
    let pending = std::rc::Rc::new(std::cell::Cell::new(Some(
        Box::new(render) as Box<dyn FnOnce()>
    )));
    let in_frame = pending.clone();
    let later = window.clone();
    let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
        let in_task = in_frame.clone();
        let task = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(render) = in_task.take() {
                render();
            }
        });
        if later
            .set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0)
            .is_err()
        {
            if let Some(render) = in_frame.take() {
                render();
            }
        }
    });
    if window
        .request_animation_frame(frame.unchecked_ref())
        .is_err()
    {
        if let Some(render) = pending.take() {
            render();
        }
    }
}

/// The id of the element the first screen is prerendered into (see `prerender::ROOT_ID`).
fn prerender_root() -> &'static str {
    "prerendered"
}

/// The app, taking the place of the first screen prerendered into index.html
/// (`src/prerender.rs`): that picture is removed once the app's first render is in the document,
/// in the same task, so the browser never paints the two together or neither.
#[yew::function_component]
fn Page(props: &app::AppProps) -> yew::Html {
    yew::use_effect_with((), |()| {
        if let Some(picture) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(prerender_root()))
        {
            picture.remove();
        }
    });
    yew::html! { <app::App session={props.session.clone()} lang={props.lang} /> }
}
