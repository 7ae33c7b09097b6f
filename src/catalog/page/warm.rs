//! Readies the engine's code before the visitor's first file.

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use sellercalc_engine::catalog as cat;
use sellercalc_engine::{Decimal, ScenarioInput};

/// When the first round starts, after the page is shown, in ms.
const START_MS: u32 = 400;
/// Rounds of the sample's ~25 rows, one task each (a few ms each once the code is compiled).
const ROUNDS: u32 = 24;

/// The browser compiles the wasm's functions on their first call and optimises them once they
/// are hot, in the background: a visitor's first file ran about twice as slowly as the next one
/// (10,000 rows: 825 against 410 ms in `bash scripts/bench.sh --catalog`). Comparing the sample's
/// rows a few times, in small tasks while the visitor reads the page and chooses a file, has
/// that done before the file comes. Nothing is shown or kept; dropping the returned guard (the
/// page going away) stops the rounds not yet run.
pub(super) fn warm_up() -> Stop {
    let stop = Stop(Rc::new(Cell::new(false)));
    round(stop.0.clone(), ROUNDS, START_MS);
    stop
}

/// Stops the rounds when dropped.
pub(super) struct Stop(Rc<Cell<bool>>);

impl Drop for Stop {
    fn drop(&mut self) {
        self.0.set(true);
    }
}

fn round(stopped: Rc<Cell<bool>>, left: u32, after_ms: u32) {
    if left == 0 {
        return;
    }
    // Forgotten: a timer cannot be dropped from its own callback; `stopped` ends the chain.
    Timeout::new(after_ms, move || {
        if stopped.get() {
            return;
        }
        let file = cat::read_csv(cat::sample_csv());
        let base = ScenarioInput::new();
        for row in &file.rows {
            std::hint::black_box(cat::compute_row(&base, &file, row, Some(Decimal::from(15))));
        }
        round(stopped, left - 1, 0);
    })
    .forget();
}
