//! Embedding in an iframe: the page tells its parent how tall it is, so that the parent can size
//! the frame to fit. It posts exactly one kind of message, `{ type: "sellercalc:resize", height }`,
//! and nothing else; see `docs/embedding.md`.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::{ResizeObserver, Window};
use yew::prelude::*;

/// The `type` of the one message the page posts.
pub const RESIZE_MESSAGE: &str = "sellercalc:resize";

/// The parent window, when the page runs inside a frame.
fn parent() -> Option<Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok()??;
    (!Object::is(&parent, &window)).then_some(parent)
}

/// Whether the page runs inside a frame.
pub fn in_frame() -> bool {
    parent().is_some()
}

/// The document's height in CSS pixels, rounded up so that the frame never needs a scroll bar.
fn document_height() -> Option<f64> {
    let root = web_sys::window()?.document()?.document_element()?;
    Some(root.get_bounding_client_rect().height().ceil())
}

/// Watches the document's size and posts its height to the parent after each change.
struct HeightReporter {
    observer: ResizeObserver,
    _callback: Closure<dyn FnMut(JsValue)>,
}

impl HeightReporter {
    fn start() -> Option<Self> {
        let parent = parent()?;
        let root = web_sys::window()?.document()?.document_element()?;
        let mut last = None;
        let callback = Closure::<dyn FnMut(JsValue)>::new(move |_entries: JsValue| {
            let Some(height) = document_height() else {
                return;
            };
            if last == Some(height) {
                return;
            }
            last = Some(height);
            let message = Object::new();
            let _ = Reflect::set(&message, &"type".into(), &RESIZE_MESSAGE.into());
            let _ = Reflect::set(&message, &"height".into(), &height.into());
            // The height is not a secret, and the parent may be any site: any origin may read it.
            let _ = parent.post_message(&message, "*");
        });
        let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(&root);
        Some(HeightReporter {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// In a frame, posts the page's height to the parent whenever it changes.
#[hook]
pub fn use_height_reporting() {
    use_effect_with((), |_| {
        let reporter = HeightReporter::start();
        move || drop(reporter)
    });
}
