//! Readies the engine's code before the visitor's first file.

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use sellercalc_engine::catalog as cat;
use sellercalc_engine::{Decimal, ScenarioInput};

/// When the first round starts, after the page is shown, in ms.
const START_MS: u32 = 400;
/// Rounds, one task each (a few ms each once the code is compiled).
const ROUNDS: u32 = 24;

/// The browser compiles the wasm's functions on their first call and optimises them once they
/// are hot, in the background: a visitor's first file ran about twice as slowly as the next one
/// (10,000 rows: 825 against 410 ms in `bash scripts/bench.sh --catalog`). Taking the sample
/// through the steps a file goes through (reading, comparing, adding up, sorting) a few times, in
/// small tasks while the visitor reads the page and chooses a file, has that done before the
/// file comes (reading and sorting too: ~30 ms less for the first 10,000-row file). Nothing is
/// shown or kept; dropping the returned guard (the page going away) stops the rounds not yet run.
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
        // Reading ten times the sample's rows, comparing its 25, adding them up and sorting them:
        // the steps a file goes through before its totals show.
        let sample = cat::sample_csv();
        let (header, body) = sample.split_once('\n').unwrap_or((sample, ""));
        let text = format!("{header}\n{}", body.repeat(10));
        let file = cat::read_csv(&text);
        let base = ScenarioInput::new();
        let mut totals = cat::PortfolioBuilder::new(crate::catalog::state::DRIVERS);
        let mut results = Vec::new();
        for (i, row) in file.rows.iter().take(25).enumerate() {
            let result = cat::compute_row(&base, &file, row, Some(Decimal::from(15)));
            totals.add(i, &result);
            results.push(std::rc::Rc::new(result));
        }
        std::hint::black_box(totals.finish());
        std::hint::black_box(crate::catalog::table::order(
            &results,
            crate::catalog::table::Sort::default(),
            "",
            crate::catalog::table::Show::default(),
        ));
        round(stopped, left - 1, 0);
    })
    .forget();
}
