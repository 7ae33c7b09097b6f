//! The next slice of the catalog's work, in a task of its own.

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageChannel, MessagePort};

type Task = Rc<Cell<Option<Box<dyn FnOnce()>>>>;

/// Runs a callback in a new task, after what the browser has already queued (input, a frame to
/// paint): a message posted to itself on a `MessageChannel`. Unlike `setTimeout(0)`, which
/// browsers hold back at least 4 ms once timeouts nest (each slice asks for the next from the
/// last one's), it costs no waiting: the ~40 slices of a 10,000-row catalog lost ~160 ms to it.
/// Dropping it before it runs cancels it.
pub(super) enum Soon {
    /// Waiting for its message.
    Message {
        port: MessagePort,
        _run: Closure<dyn FnMut()>,
    },
    /// Where no message can be posted: a timeout.
    Timeout { _timer: Timeout },
}

impl Soon {
    pub(super) fn new(task: impl FnOnce() + 'static) -> Self {
        let task: Task = Rc::new(Cell::new(Some(Box::new(task))));
        let run = |task: &Task| {
            if let Some(task) = task.take() {
                task();
            }
        };
        let posted = MessageChannel::new().ok().and_then(|channel| {
            let port = channel.port1();
            let mine = task.clone();
            let closure = Closure::<dyn FnMut()>::new(move || run(&mine));
            port.set_onmessage(Some(closure.as_ref().unchecked_ref()));
            match channel.port2().post_message(&JsValue::NULL) {
                Ok(()) => Some(Soon::Message {
                    port,
                    _run: closure,
                }),
                Err(_) => {
                    port.set_onmessage(None);
                    None
                }
            }
        });
        posted.unwrap_or_else(|| Soon::Timeout {
            _timer: Timeout::new(0, move || run(&task)),
        })
    }
}

impl Drop for Soon {
    fn drop(&mut self) {
        if let Soon::Message { port, .. } = self {
            port.set_onmessage(None);
            port.close();
        }
    }
}
