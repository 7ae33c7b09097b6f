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
    // Each in a task of its own after the one that instantiated the wasm, so that none is long
    // on a slow phone (issue #17, lever 2): the API and the built-in policy tables (built on
    // first use), then the session (the default scenario, the stored state).
    next_task(|| {
        js_api::install();
        sellercalc_engine::PolicySet::builtin();
        next_task(read_and_render);
    });
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
        let picture = picture_shown();
        after_first_paint(move || match picture {
            // Over the picture: the state in a task of its own, then the app built off the
            // document one part a task, and swapped for the picture in one step (issue #17,
            // lever 2).
            Some(picture) => next_task(move || {
                let prepared = app::Prepared::new(&session, shown);
                next_task(move || mount(session, shown, prepared, Some(picture)));
            }),
            None => mount(session, shown, app::Prepared::default(), None),
        });
    });
}

/// The prerendered picture, when the visitor sees it (it is in the document and not hidden).
fn picture_shown() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    let picture = document.get_element_by_id(prerender_root())?;
    let hidden = document
        .document_element()
        .and_then(|e| e.get_attribute("data-prerender"))
        .as_deref()
        == Some("hidden");
    (!hidden).then_some(picture)
}

/// Renders the app into a new element at the end of `<body>`; or, over the prerendered `picture`,
/// into a new element outside the document, in steps (see [`app::FIRST_SCREEN_STEPS`]), put in
/// the picture's place once its first screen is complete.
fn mount(
    session: session::Session,
    lang: i18n::Lang,
    prepared: app::Prepared,
    picture: Option<web_sys::Element>,
) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(root) = document.create_element("div") else {
        return;
    };
    let over = match picture {
        Some(picture) => {
            app::build_off_document();
            Some(Over {
                picture,
                root: root.clone(),
            })
        }
        None => {
            if let Some(body) = document.body() {
                let _ = body.append_child(&root);
            }
            None
        }
    };
    let props = PageProps {
        session: std::rc::Rc::new(session),
        lang,
        prepared,
        over,
    };
    yew::Renderer::<Page>::with_root_and_props(root, props).render();
}

/// Runs `render` once the browser has painted the first screen prerendered into index.html
/// (`src/prerender.rs`), when the visitor sees it; at once otherwise. On a fast connection the
/// wasm can be ready before the first paint: the app's page, not the picture, would then be the
/// first thing painted, so the largest contentful paint would wait for the wasm (as Lighthouse's
/// simulated slow phone counts it). A frame, then a task: the task runs after that frame's paint.
fn after_first_paint(render: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;

    let Some(window) = web_sys::window().filter(|_| picture_shown().is_some()) else {
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

/// Where the app is built off the document: the picture it replaces, and its own element.
#[derive(Clone, PartialEq)]
struct Over {
    picture: web_sys::Element,
    root: web_sys::Element,
}

/// Props of [`Page`].
#[derive(yew::Properties, PartialEq)]
struct PageProps {
    /// What the page starts from.
    session: std::rc::Rc<session::Session>,
    /// The language it starts in.
    lang: i18n::Lang,
    /// Its state, if made beforehand.
    prepared: app::Prepared,
    /// When the app is built off the document to replace the picture.
    over: Option<Over>,
}

/// The app, taking the place of the first screen prerendered into index.html
/// (`src/prerender.rs`), so that the browser never paints the two together or neither. Rendered
/// beside it, the app removes it in the task of its first render. Built off the document
/// ([`mount`]), it comes one part a task ([`app::FIRST_SCREEN_STEPS`]) and takes the
/// picture's place in one step once complete: the picture stays on screen until then.
#[yew::function_component]
fn Page(props: &PageProps) -> yew::Html {
    let step = yew::use_state_eq(|| 0usize);
    {
        let over = props.over.clone();
        let set = step.setter();
        yew::use_effect_with(*step, move |step| {
            let step = *step;
            match over {
                Some(_) if step < app::FIRST_SCREEN_STEPS => next_task(move || set.set(step + 1)),
                // The swap in a task of its own, after the last step's.
                Some(Over { picture, root }) => next_task(move || {
                    if picture.parent_node().is_some() {
                        let _ = picture.replace_with_with_node_1(&root);
                    } else if let Some(body) = root.owner_document().and_then(|d| d.body()) {
                        let _ = body.append_child(&root);
                    }
                    app::in_document();
                }),
                None => {
                    if let Some(picture) = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.get_element_by_id(prerender_root()))
                    {
                        picture.remove();
                    }
                }
            }
        });
    }
    yew::html! {
        <app::App session={props.session.clone()} lang={props.lang} prepared={props.prepared.clone()}
            building={props.over.is_some().then_some(*step)} />
    }
}
