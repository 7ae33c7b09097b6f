//! When the next slice of the catalog's work runs, and for how long.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_render::{request_animation_frame, AnimationFrame};
use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageChannel, MessagePort};

/// A slice runs until this long after the frame painted before it, in ms: about two frames at
/// 60 Hz, less a margin, so that the next frame is painted ~33 ms after the last and no gap
/// between frames passes 50 ms, while the work gets most of the time.
const FRAME_PAIR_MS: f64 = 30.0;
/// The least a slice gets, in ms, however late it starts.
const MIN_SLICE_MS: f64 = 8.0;
/// A page that paints no frame (a hidden tab) gets its slices this long after asking, in ms.
const NO_FRAME_MS: u32 = 100;

type Task = Box<dyn FnOnce(f64)>;
/// A message posted: the port it comes on, and its handler.
type Posted = (MessagePort, Closure<dyn FnMut()>);

/// The next slice of work: it runs right after the browser's next frame (a message posted from
/// the frame's `requestAnimationFrame` callback, which runs once that frame is painted) and is
/// given the time left until about two frames after that one. Each slice thus follows a painted
/// frame: slices posted back to back as messages let the browser paint no frame for 150 ms
/// (six slices) on a busy machine, and `setTimeout(0)`, which browsers hold back 4 ms once
/// timeouts nest, cost ~40 slices of a 10,000-row file ~160 ms of waiting. A hidden page (no
/// frames) gets its slice as a message at once; a page whose frame does not come gets it after a
/// timeout. Dropping it before it runs cancels it.
pub(super) struct Soon {
    shared: Rc<Shared>,
    _frame: AnimationFrame,
    _fallback: Timeout,
}

struct Shared {
    task: Cell<Option<Task>>,
    /// The message, once one is posted.
    port: RefCell<Option<Posted>>,
}

impl Soon {
    /// `task` is given the slice's time in ms.
    pub(super) fn new(task: impl FnOnce(f64) + 'static) -> Self {
        let shared = Rc::new(Shared {
            task: Cell::new(Some(Box::new(task))),
            port: RefCell::new(None),
        });
        // A hidden page paints nothing, and its timeouts are held back to one a second: its
        // slices follow each other as messages.
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.hidden());
        if hidden {
            post(&shared, now() + FRAME_PAIR_MS);
        }
        let frame = {
            let shared = shared.clone();
            request_animation_frame(move |painted_at| {
                if shared.port.borrow().is_none() {
                    post(&shared, painted_at + FRAME_PAIR_MS);
                }
            })
        };
        let fallback = {
            let shared = shared.clone();
            Timeout::new(NO_FRAME_MS, move || {
                if shared.port.borrow().is_none() {
                    post(&shared, now() + FRAME_PAIR_MS);
                }
            })
        };
        Soon {
            shared,
            _frame: frame,
            _fallback: fallback,
        }
    }
}

/// Posts the message that runs the task (at once, where no message can be posted), to be done
/// by `until` (`performance.now()` ms).
fn post(shared: &Rc<Shared>, until: f64) {
    let run = {
        let shared = shared.clone();
        move || {
            if let Some(task) = shared.task.take() {
                task((until - now()).max(MIN_SLICE_MS));
            }
        }
    };
    let Ok(channel) = MessageChannel::new() else {
        return run();
    };
    let port = channel.port1();
    let closure = Closure::<dyn FnMut()>::new(run);
    port.set_onmessage(Some(closure.as_ref().unchecked_ref()));
    if channel.port2().post_message(&JsValue::NULL).is_ok() {
        *shared.port.borrow_mut() = Some((port, closure));
    } else {
        port.set_onmessage(None);
        if let Some(task) = shared.task.take() {
            task(MIN_SLICE_MS);
        }
    }
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

impl Drop for Soon {
    fn drop(&mut self) {
        self.shared.task.take();
        if let Some((port, _)) = self.shared.port.borrow_mut().take() {
            port.set_onmessage(None);
            port.close();
        }
    }
}
