//! The catalog page's state and its reducer: every change to the page is an [`Action`], as on the
//! calculator (`crate::state`). The components in [`super::page`] render this state and send
//! actions; the work done in slices (reading a file, computing its rows) is driven by the page,
//! which asks for the next slice with [`Action::Step`] whenever [`CatalogState::slice`] says one is
//! wanted.
//!
//! Clones are cheap: what can be large (the file, the rows computed, the text kept for a reload)
//! is behind an `Rc`. The file being read and the rows being computed live in [`Work`], which only
//! the reducer touches, so that a slice never copies what the slices before it made; they are
//! handed to the state once complete.
//!
//! Two side effects happen here, once per action: the catalog is kept in `localStorage` for a
//! reload ([`saved`]), and the "being restored" mark is set and taken off around a restore.

use std::cell::RefCell;
use std::rc::Rc;

use sellercalc_engine::catalog::{
    self as cat, CatalogFile, CatalogReader, Encoding, FileProblem, Portfolio, PortfolioBuilder,
    SkuResult,
};
use sellercalc_engine::decimal::parse_decimal;
use sellercalc_engine::{Decimal, Input, ModelKind, PolicySet, ScenarioInput};
use yew::Reducible;

use super::saved::{self, Fix, Saved};
use super::settings::Base;
use super::table::{self, Show, Sort, SortKey, PAGE_SIZE};
use crate::i18n::{self, Lang, Locale};

/// How long one slice of work may run before the browser gets the thread back, in ms, when the
/// page does not say (the page gives each slice the time until about two frames after the last
/// painted one).
pub const SLICE_MS: f64 = 24.0;
/// How much text one step of reading takes on, in bytes (a few milliseconds): steps are repeated
/// until the slice's time is up.
const READ_BYTES: usize = 64 * 1024;
/// How many products the "which products make the difference" table lists.
pub(crate) const DRIVERS: usize = 5;
/// The target margin before the user types one, in percent.
const DEFAULT_TARGET: &str = "15";

/// What the table's figure columns show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// Each model's monthly profit, the best model and its lead.
    #[default]
    Profit,
    /// Break-even prices, prices for the target margin and the matching supply prices.
    Prices,
}

/// What the status line says about the last action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// A file was read (its name).
    Loaded(String),
    /// Pasted rows were read.
    Pasted,
    /// The sample was loaded.
    Sample,
    /// A workbook, not a CSV.
    NotCsv,
    /// Not text in any encoding the page reads.
    NotText,
    /// More products than the catalog compares at once.
    TooManyRows,
    /// A file with no header at all.
    Empty,
    /// A header but no products.
    NoRows,
    /// Larger than the page reads.
    TooLarge,
    /// The browser could not read the file.
    Unreadable,
    /// A row fixed in place (its line).
    Fixed(usize),
    /// A download could not be offered.
    ExportFailed,
    /// The kept catalog was opened again.
    Restored,
    /// Restored, but the fixes kept with it could not be read.
    RestoredWithoutEdits,
    /// The visitor stopped reading a file: it was not loaded.
    ReadingStopped,
}

/// Everything that changes the catalog page.
#[derive(Debug)]
pub enum Action {
    /// The user picked a language, and the page can show it.
    Lang(Lang),
    /// The strings of the language the user picked could not be fetched.
    LangUnavailable(Lang),
    /// A chosen file's text, decoded from `encoding`.
    Read {
        /// The file's name.
        name: String,
        /// Its text.
        text: String,
        /// The encoding it was decoded from.
        encoding: Encoding,
    },
    /// A file was chosen (the `n`th): it is being decoded, and what comes of it arrives as
    /// [`Action::Upload`] with the same number.
    Choose(u32),
    /// What came of the `ticket`th file chosen (its text, or why it was refused): done only if
    /// nothing was chosen, loaded or cleared since, so that a large file still being decoded
    /// never replaces what the visitor chose after it.
    Upload {
        /// The number its [`Action::Choose`] had.
        ticket: u32,
        /// What to do with it.
        then: Box<Action>,
    },
    /// Something to say in the status line (a file refused before reading, a failed download).
    Say(Note),
    /// The paste box changed.
    Paste(String),
    /// Compare the pasted rows.
    ComparePasted,
    /// Load the sample catalog.
    TrySample,
    /// Do the next slice of work `generation` (stale generations are ignored), for about this
    /// many ms.
    Step(u32, f64),
    /// A cell corrected in place.
    Fix {
        /// Index of the row in the file.
        row: usize,
        /// Its column.
        column: usize,
        /// The new text.
        text: String,
    },
    /// The target margin changed.
    Target(String),
    /// The name filter changed.
    Filter(String),
    /// Which rows to show.
    Show(Show),
    /// Which columns to show.
    View(View),
    /// A column header was clicked.
    Sort(SortKey),
    /// Go to a page of the table.
    Page(usize),
    /// The uniform choice the drivers are measured against.
    Versus(ModelKind),
    /// Show one row (by index) in the table.
    ShowRow(usize),
    /// The set of fees picked, by id.
    Policy(String),
    /// Forget the catalog.
    Clear,
    /// Open the kept catalog that was not opened again (it stopped the page), all the same.
    OpenSkipped,
    /// Stop reading the file being read (what was on screen stays).
    StopReading,
}

/// A file being read, in steps (see [`CatalogReader`]), before its rows are computed. Until it
/// is read and accepted, the catalog on screen and the one kept for a reload stay as they are: a
/// file refused once read (too many products, empty) changes neither.
#[derive(Debug)]
struct Reading {
    reader: CatalogReader,
    /// Cells fixed before a reload, applied once the file is read.
    fixes: Vec<Fix>,
    /// What the status line will say once it is accepted.
    note: Note,
    /// What will be kept for a reload once it is accepted (`None`: too large to keep).
    pending: Option<Saved>,
    /// Whether the text had characters that were not valid UTF-8.
    garbled: bool,
    /// The encoding it was decoded from, when not UTF-8.
    encoding: Option<Encoding>,
}

/// The work in progress, which only the reducer touches: the file being read, the rows
/// computed so far, and their totals, added up as each row is computed (so that the last slice
/// does not go over 100,000 rows again).
#[derive(Debug, Default)]
struct Work {
    reading: Option<Reading>,
    results: Vec<Rc<SkuResult>>,
    summary: Option<Summary>,
}

/// The totals of the rows added so far, and whether they share one cost currency.
#[derive(Debug)]
struct Summary {
    builder: PortfolioBuilder,
    currency: Option<String>,
    one_currency: bool,
}

impl Summary {
    fn new() -> Self {
        Summary {
            builder: PortfolioBuilder::new(DRIVERS),
            currency: None,
            one_currency: true,
        }
    }

    /// The totals of `results`, added up now.
    fn of(results: &[Rc<SkuResult>]) -> Self {
        let mut summary = Summary::new();
        for (i, result) in results.iter().enumerate() {
            summary.add(i, result);
        }
        summary
    }

    fn add(&mut self, index: usize, result: &SkuResult) {
        self.builder.add(index, result);
        if result.included() {
            match &self.currency {
                None => self.currency = Some(result.cost_currency.clone()),
                Some(c) if *c != result.cost_currency => self.one_currency = false,
                Some(_) => {}
            }
        }
    }
}

/// The catalog page's state.
#[derive(Clone, Debug)]
pub struct CatalogState {
    /// The page's language.
    pub lang: Lang,
    /// A language the user asked for whose strings could not be fetched.
    pub lang_unavailable: Option<Lang>,
    /// The calculator's inputs every row starts from.
    pub base: Rc<Base>,
    /// The set of fees picked on this page; `None` follows the calculator's.
    pick: Option<&'static PolicySet>,
    /// The base scenario of every row, under the set of fees in use.
    input: Rc<ScenarioInput>,
    /// The catalog on screen.
    pub file: Option<Rc<CatalogFile>>,
    /// While a file is read: how far, in characters, of how many.
    pub reading: Option<(usize, usize)>,
    /// The file being decoded, if any: its [`Action::Choose`] number.
    upload: Option<u32>,
    /// The encoding the file was read from, when it is not UTF-8.
    pub encoding: Option<Encoding>,
    /// The kept catalog not opened again because the page stopped while restoring it: its text.
    pub skipped: Option<Rc<str>>,
    /// Whether the text had characters that were not valid UTF-8.
    pub garbled: bool,
    /// What the status line says.
    pub note: Option<Note>,
    /// The paste box's text.
    pub paste: Rc<str>,
    /// The computed rows, in file order (`results[i]` is `file.rows[i]`), once every row is.
    /// Each behind its own `Rc`, so that fixing one cell of 100,000 rows copies pointers, not
    /// every result (the last render holds the vector).
    pub results: Rc<Vec<Rc<SkuResult>>>,
    /// How many rows are computed (all of them when [`CatalogState::done`]).
    pub computed: usize,
    /// The work being done; a new one for each file, target or set of fees.
    generation: u32,
    /// The slice of work wanted next, if any: its generation and a sequence number that changes
    /// for every slice asked for.
    pub slice: Option<(u32, u64)>,
    slices: u64,
    work: Rc<RefCell<Work>>,
    /// The target margin as typed.
    pub target_text: String,
    /// The last valid target margin.
    pub target: Option<Decimal>,
    /// The totals, once every row is computed.
    pub portfolio: Option<Rc<Portfolio>>,
    /// Whether the included rows share one cost currency (else totals would add up apples and pears).
    pub one_currency: bool,
    /// The uniform choice the drivers are measured against.
    pub versus: Option<ModelKind>,
    /// The table's sort.
    pub sort: Sort,
    /// The table's name filter.
    pub filter: String,
    /// Which rows the table shows.
    pub show: Show,
    /// Which columns the table shows.
    pub view: View,
    /// The table's page.
    pub page: usize,
    /// Indices of the rows the table shows, in order.
    pub order: Rc<Vec<u32>>,
    /// A row to highlight in the table.
    pub highlight: Option<usize>,
    /// Changes each time the highlighted row is to be scrolled into view.
    pub scroll: u32,
    /// What is kept for a reload; `None` when the file is too large to keep.
    kept: Option<Rc<Saved>>,
    /// Whether the browser refused to keep the catalog (or it is too large).
    pub not_kept: bool,
}

/// The target margin typed in `lang`, or what is wrong with it, in `lang` (as the What if panel
/// reads it).
pub fn read_target(lang: Lang, text: &str) -> Result<Decimal, String> {
    crate::components::field::read_target_margin(&Locale::new(lang), text)
}

/// Milliseconds on a clock that only goes forward.
fn now() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::sync::OnceLock;
        use std::time::Instant;
        static START: OnceLock<Instant> = OnceLock::new();
        START.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
    }
}

impl CatalogState {
    /// The page as it opens in `lang` (`wanted` when its strings could not be had): the kept
    /// catalog being opened again, or the notice that it stopped the page last time.
    pub fn start(wanted: Lang, lang: Lang) -> CatalogState {
        // A kept catalog whose restoring stopped the page is not opened again (it is kept).
        let skipped = saved::restoring_stopped()
            .then(saved::load_text)
            .flatten()
            .map(Rc::from);
        let restored = if skipped.is_some() {
            None
        } else {
            saved::load()
        };
        // The seller's own rate sheet, kept by the calculator in this browser, is in force here
        // too, so that every row's postage is the calculator's (hostile review: the catalog said
        // it used the calculator's fees, and gave the policy's postage).
        if crate::storage::available() && crate::rate_sheet::active().is_none() {
            if let crate::rate_sheet::Stored::Sheet(loaded) = crate::rate_sheet::load() {
                crate::rate_sheet::set_active(Some(loaded));
            }
        }
        let base = Rc::new(Base::load());
        let target_text = crate::format::editable_text(lang, DEFAULT_TARGET);
        let target = read_target(lang, &target_text)
            .ok()
            .or_else(|| parse_decimal(DEFAULT_TARGET).ok());
        let mut state = CatalogState {
            lang,
            lang_unavailable: (wanted != lang).then_some(wanted),
            input: Rc::new(base.input.clone()),
            base,
            pick: None,
            file: None,
            reading: None,
            upload: None,
            encoding: None,
            skipped,
            garbled: false,
            note: None,
            paste: Rc::from(""),
            results: Rc::default(),
            computed: 0,
            generation: 0,
            slice: None,
            slices: 0,
            work: Rc::default(),
            target_text,
            target,
            portfolio: None,
            one_currency: true,
            versus: None,
            sort: Sort::default(),
            filter: String::new(),
            show: Show::All,
            view: View::Profit,
            page: 0,
            order: Rc::default(),
            highlight: None,
            scroll: 0,
            kept: None,
            not_kept: false,
        };
        match restored {
            Some(r) => state.restore(r),
            None => state.set_policy(None),
        }
        state
    }

    /// The set of fees the figures use: the one picked here, else the calculator's.
    pub fn policy(&self) -> &'static PolicySet {
        self.pick.unwrap_or(self.base.policy)
    }

    /// How the page writes figures: in its language, each amount in its own currency.
    pub fn locale(&self) -> Locale {
        Locale::new(self.lang)
    }

    /// Whether every row of the catalog on screen is computed (and no file is being read).
    pub fn done(&self) -> bool {
        self.reading.is_none()
            && self
                .file
                .as_ref()
                .is_some_and(|f| self.computed == f.rows.len())
    }

    /// The cost and sale currencies of the rows (of the first row, else of the calculator).
    pub fn currency(&self) -> (String, String) {
        let first = self.results.first();
        let of = |input: Input| {
            self.base
                .value(input, &Locale::default())
                .unwrap_or_default()
        };
        match first {
            Some(r) => (r.cost_currency.clone(), r.sale_currency.clone()),
            None => (of(Input::CostCurrency), of(Input::SaleCurrency)),
        }
    }

    /// Uses the set `pick` (`None`, or the calculator's own: follow the calculator).
    fn set_policy(&mut self, pick: Option<&'static PolicySet>) {
        self.pick = pick.filter(|p| p.id != self.base.policy.id);
        self.input = Rc::new(self.base.input_for(self.policy()));
    }

    /// Asks the page for the next slice of the current work.
    fn want_slice(&mut self) {
        self.slices = self.slices.wrapping_add(1);
        self.slice = Some((self.generation, self.slices));
    }

    /// Drops the work in progress: no slice of it will run.
    fn new_generation(&mut self) {
        self.generation = self.generation.wrapping_add(1);
        self.slice = None;
    }

    /// Reads `text` (then applies `fixes`, when restoring) and computes it; keeps it for a reload.
    fn load(
        &mut self,
        text: &str,
        note: Note,
        source: String,
        fixes: Vec<Fix>,
        encoding: Option<Encoding>,
    ) {
        // Read in slices, then compute in slices: the page paints between them. What is on
        // screen and kept stays until the file is read and accepted (see `accept`). A file still
        // being decoded is dropped: this is what the visitor chose last.
        self.upload = None;
        self.note = None;
        self.new_generation();
        let reader = CatalogReader::new(text);
        self.reading = Some(reader.progress());
        self.work.borrow_mut().reading = Some(Reading {
            reader,
            fixes: fixes.clone(),
            note,
            pending: (text.len() <= saved::MAX_CHARS).then(|| Saved {
                source,
                text: text.to_owned(),
                fixes,
                target: self.target_text.clone(),
                policy: self.pick.map(|p| p.id.clone()),
                edits_lost: false,
            }),
            garbled: text.contains('\u{fffd}'),
            encoding,
        });
        self.want_slice();
    }

    /// Opens the kept catalog `r`: its target, its set of fees, its text and fixes, marked as being
    /// restored until every row is computed (if restoring stops the page, the next load knows).
    fn restore(&mut self, r: Saved) {
        if !r.target.is_empty() {
            self.target_text.clone_from(&r.target);
            self.target = read_target(self.lang, &r.target).ok().or(self.target);
        }
        self.set_policy(r.policy.as_deref().and_then(PolicySet::find));
        saved::mark_restoring();
        let note = if r.edits_lost {
            Note::RestoredWithoutEdits
        } else {
            Note::Restored
        };
        self.load(&r.text, note, r.source, r.fixes, None);
    }

    /// A file read: refused (the catalog on screen and kept stay, the status says why), or put
    /// in the place of the last one, kept for a reload, and computed.
    fn accept(&mut self, reading: Reading) {
        let Reading {
            reader,
            fixes,
            note,
            pending,
            garbled,
            encoding,
        } = reading;
        let mut file = reader.finish();
        let refusal = file.problems.iter().find_map(|p| match p {
            FileProblem::TooManyRows { .. } => Some(Note::TooManyRows),
            FileProblem::Empty => Some(Note::Empty),
            FileProblem::NoRows => Some(Note::NoRows),
            _ => None,
        });
        if let Some(refusal) = refusal {
            self.note = Some(refusal);
            // A restore refused does not stop the page: the mark comes off.
            saved::restored();
            // The catalog on screen, if its computing was cut short meanwhile, is computed again.
            if self.file.is_some() && !self.done() {
                self.restart();
            }
            return;
        }
        for (row, column, value) in &fixes {
            if let Some(cell) = file
                .rows
                .get_mut(*row)
                .and_then(|r| Rc::make_mut(r).cells.get_mut(*column))
            {
                value.clone_into(cell);
            }
        }
        self.skipped = None;
        self.note = Some(note);
        self.garbled = garbled;
        self.encoding = encoding;
        self.highlight = None;
        self.page = 0;
        self.kept = pending.map(Rc::new);
        self.keep(false);
        self.file = Some(Rc::new(file));
        self.restart();
    }

    /// Keeps the catalog for a reload (the whole file, or only its edits), or says that it could not.
    fn keep(&mut self, edits_only: bool) {
        self.not_kept = match &self.kept {
            Some(kept) if edits_only => !saved::save_edits(kept),
            Some(kept) => !saved::save(kept),
            None => {
                saved::clear();
                crate::storage::available()
            }
        };
    }

    /// Changes what is kept for a reload, and keeps its edits.
    fn keep_edit(&mut self, edit: impl FnOnce(&mut Saved)) {
        if let Some(kept) = self.kept.as_mut() {
            edit(Rc::make_mut(kept));
            self.keep(true);
        }
    }

    /// Computes every row again, from the first, in slices.
    fn restart(&mut self) {
        self.new_generation();
        let rows = self.file.as_ref().map_or(0, |f| f.rows.len());
        let mut work = self.work.borrow_mut();
        work.results = Vec::with_capacity(rows);
        work.summary = Some(Summary::new());
        drop(work);
        self.results = Rc::default();
        self.computed = 0;
        self.portfolio = None;
        self.order = Rc::default();
        self.want_slice();
    }

    /// One slice: reading the file, or rows until the time is up, then either the next slice or
    /// the totals.
    fn step(&mut self, generation: u32, budget_ms: f64) {
        if generation != self.generation {
            return;
        }
        self.slice = None;
        let start = now();
        let mut work = self.work.borrow_mut();
        if let Some(reading) = work.reading.as_mut() {
            let mut read = false;
            while !read && now() - start <= budget_ms {
                read = reading.reader.step(READ_BYTES);
            }
            if !read {
                self.reading = Some(reading.reader.progress());
                drop(work);
                self.want_slice();
                return;
            }
            let Some(reading) = work.reading.take() else {
                return;
            };
            drop(work);
            self.reading = None;
            self.accept(reading);
            return;
        }
        let Some(file) = self.file.clone() else {
            return;
        };
        let Work {
            results, summary, ..
        } = &mut *work;
        let summary = summary.get_or_insert_with(|| Summary::of(results));
        while let Some(row) = file.rows.get(results.len()) {
            let result = cat::compute_row(&self.input, &file, row, self.target);
            summary.add(results.len(), &result);
            results.push(Rc::new(result));
            if now() - start > budget_ms {
                break;
            }
        }
        self.computed = results.len();
        if self.computed < file.rows.len() {
            drop(work);
            self.want_slice();
        } else {
            self.results = Rc::new(std::mem::take(results));
            let summary = work.summary.take();
            drop(work);
            self.summarise(summary);
        }
    }

    /// The totals and the table's order, once every row is computed (and after each fix): from
    /// `summary`, the rows' totals added up as they were computed, or added up now.
    fn summarise(&mut self, summary: Option<Summary>) {
        let summary = summary.unwrap_or_else(|| Summary::of(&self.results));
        self.one_currency = summary.one_currency;
        let portfolio = summary.builder.finish();
        // Every row computed: a kept catalog that was being restored did not stop the page.
        saved::restored();
        // The drivers compare with the best uniform choice until the user picks another.
        if self.versus.is_none() {
            self.versus = portfolio.best_uniform;
        }
        self.portfolio = Some(Rc::new(portfolio));
        self.reorder();
    }

    fn reorder(&mut self) {
        self.order = Rc::new(table::order(
            &self.results,
            self.sort,
            &self.filter,
            self.show,
        ));
        self.page = self.page.min(table::pages(self.order.len()) - 1);
    }

    /// Puts `text` in a cell, keeps the edit, and computes the row again.
    fn fix(&mut self, row: usize, column: usize, text: String) {
        let Some(file) = self.file.as_mut() else {
            return;
        };
        let Some(cell) = Rc::make_mut(file)
            .rows
            .get_mut(row)
            .and_then(|r| Rc::make_mut(r).cells.get_mut(column))
        else {
            return;
        };
        cell.clone_from(&text);
        self.keep_edit(|kept| {
            kept.fixes.retain(|(r, c, _)| (*r, *c) != (row, column));
            kept.fixes.push((row, column, text));
        });
        let Some(file) = self.file.clone() else {
            return;
        };
        if self.done() {
            let result = cat::compute_row(&self.input, &file, &file.rows[row], self.target);
            if result.ok() {
                self.note = Some(Note::Fixed(result.line));
            }
            Rc::make_mut(&mut self.results)[row] = Rc::new(result);
            self.summarise(None);
        } else {
            let mut work = self.work.borrow_mut();
            if let Some(computed) = work.results.get_mut(row) {
                // Computed already in the work under way: computed again with the fix, and the
                // totals added up so far (which counted it as it was) added up again.
                *computed = Rc::new(cat::compute_row(
                    &self.input,
                    &file,
                    &file.rows[row],
                    self.target,
                ));
                work.summary = None;
            }
        }
    }

    /// Applies `action` to the state.
    pub fn apply(&mut self, action: Action) {
        match action {
            // The picker fetches a language's pack first; if it cannot be had, the page stays and
            // says why (a failed fetch is not retried until the user picks it again).
            Action::LangUnavailable(lang) => self.lang_unavailable = Some(lang),
            Action::Lang(lang) => {
                self.lang = lang;
                self.lang_unavailable = None;
                // The target keeps its value, written the new language's way.
                if let Some(target) = self.target {
                    self.target_text =
                        crate::format::editable_text(lang, &target.normalize().to_string());
                }
            }
            Action::Read {
                name,
                text,
                encoding,
            } => {
                let encoding = (encoding != Encoding::Utf8).then_some(encoding);
                self.load(
                    &text,
                    Note::Loaded(name.clone()),
                    name,
                    Vec::new(),
                    encoding,
                );
            }
            Action::Choose(ticket) => {
                self.upload = Some(ticket);
                // Decoding shows as the start of reading, with its Stop button.
                if self.reading.is_none() {
                    self.reading = Some((0, 1));
                }
                self.note = None;
            }
            Action::Upload { ticket, then } => {
                if self.upload != Some(ticket) {
                    return;
                }
                self.upload = None;
                if self.work.borrow().reading.is_none() {
                    self.reading = None;
                }
                self.apply(*then);
            }
            // The products already compared stay on screen.
            Action::Say(note) => self.note = Some(note),
            Action::Paste(text) => self.paste = Rc::from(text),
            Action::ComparePasted => {
                self.upload = None;
                let text = self.paste.clone();
                if cat::looks_binary(&text) {
                    self.note = Some(Note::NotText);
                } else {
                    self.load(&text, Note::Pasted, String::new(), Vec::new(), None);
                }
            }
            Action::TrySample => {
                self.load(
                    cat::sample_csv(),
                    Note::Sample,
                    String::new(),
                    Vec::new(),
                    None,
                );
            }
            Action::Step(generation, budget_ms) => self.step(generation, budget_ms),
            Action::Fix { row, column, text } => self.fix(row, column, text),
            Action::Target(text) => {
                let parsed = read_target(self.lang, &text).ok();
                self.target_text = text;
                let typed = self.target_text.clone();
                self.keep_edit(|kept| kept.target = typed);
                if parsed.is_some() && parsed != self.target {
                    self.target = parsed;
                    if self.file.is_some() {
                        self.restart();
                    }
                }
            }
            Action::Filter(text) => {
                self.filter = text;
                self.page = 0;
                self.reorder();
            }
            Action::Show(show) => {
                self.show = show;
                self.page = 0;
                self.reorder();
            }
            Action::View(view) => self.view = view,
            Action::Sort(key) => {
                self.sort = self.sort.clicked(key);
                self.reorder();
            }
            Action::Page(page) => self.page = page.min(table::pages(self.order.len()) - 1),
            Action::Versus(kind) => self.versus = Some(kind),
            Action::Policy(id) => {
                let Some(pick) = PolicySet::find(&id) else {
                    return;
                };
                self.set_policy(Some(pick));
                let policy = self.pick.map(|p| p.id.clone());
                self.keep_edit(|kept| kept.policy = policy);
                if self.file.is_some() {
                    self.restart();
                }
            }
            Action::ShowRow(index) => {
                // Show every row, find this one's page, and mark it.
                self.filter.clear();
                self.show = Show::All;
                self.reorder();
                if let Some(at) = self.order.iter().position(|&i| i as usize == index) {
                    self.page = at / PAGE_SIZE;
                }
                self.highlight = Some(index);
                self.scroll = self.scroll.wrapping_add(1);
            }
            Action::StopReading => {
                self.upload = None;
                self.work.borrow_mut().reading = None;
                self.reading = None;
                self.note = Some(Note::ReadingStopped);
                saved::restored();
                self.new_generation();
                // The catalog on screen, if its computing was cut short too, is computed again.
                if self.file.is_some() && !self.done() {
                    self.restart();
                }
            }
            Action::OpenSkipped => {
                self.skipped = None;
                if let Some(r) = saved::load() {
                    self.restore(r);
                }
            }
            Action::Clear => {
                self.upload = None;
                saved::clear();
                self.new_generation();
                *self.work.borrow_mut() = Work::default();
                self.skipped = None;
                self.reading = None;
                self.encoding = None;
                self.file = None;
                self.results = Rc::default();
                self.computed = 0;
                self.portfolio = None;
                self.order = Rc::default();
                self.kept = None;
                self.not_kept = false;
                self.note = None;
                self.paste = Rc::from("");
                self.highlight = None;
            }
        }
    }
}

impl Reducible for CatalogState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Cheap: what is large is shared (see the module's documentation).
        let mut next = Rc::unwrap_or_clone(self);
        next.apply(action);
        Rc::new(next)
    }
}

/// The page's language: `?lang=`, then the visitor's earlier choice, then the browser's languages
/// (as on the calculator).
pub fn initial_lang() -> Lang {
    i18n::starting_lang(i18n::url_lang().as_deref(), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page as it opens with nothing kept, in English.
    fn page() -> CatalogState {
        CatalogState::start(Lang::En, Lang::En)
    }

    /// Runs the slices the state asks for until it asks for none; how many it ran.
    fn run(state: &mut CatalogState) -> usize {
        let mut slices = 0;
        while let Some((generation, _)) = state.slice {
            state.apply(Action::Step(generation, SLICE_MS));
            slices += 1;
            assert!(slices < 10_000, "the work never ends");
        }
        slices
    }

    const FILE: &str = "name,unit cost,packaging,weight,category,price,monthly units
Phone case,8,0.5,60,phone_accessories,4.99,1000
Ceramic mug,25,1.5,350,home,12.99,12
Broken cost,abc,1,100,home,9.99,10
";

    fn pasted(text: &str) -> CatalogState {
        let mut state = page();
        state.apply(Action::Paste(text.to_owned()));
        state.apply(Action::ComparePasted);
        run(&mut state);
        state
    }

    #[test]
    fn pasted_rows_are_read_computed_and_summed_in_slices() {
        let mut state = page();
        assert!(state.slice.is_none(), "nothing to do before a file");
        state.apply(Action::Paste(FILE.to_owned()));
        state.apply(Action::ComparePasted);
        assert!(state.reading.is_some(), "read in slices, not at once");
        assert!(!state.done());
        assert!(run(&mut state) >= 2, "a slice to read, a slice to compute");
        assert!(state.done());
        assert_eq!(state.note, Some(Note::Pasted));
        assert_eq!(state.results.len(), 3);
        let portfolio = state
            .portfolio
            .as_ref()
            .expect("totals once every row is computed");
        assert_eq!((portfolio.included, portfolio.excluded), (2, 1));
        assert_eq!(state.order.len(), 3);
    }

    #[test]
    fn a_fixed_cell_copies_its_row_and_result_only() {
        // What the last render holds (as the page's props do) stays as it was; the other rows
        // and results are shared, not copied (on 100,000 rows the copies held the page ~100 ms).
        let mut state = pasted(FILE);
        let shown = state.clone();
        state.apply(Action::Fix {
            row: 2,
            column: 1,
            text: "35".to_owned(),
        });
        let (before, after) = (shown.file.as_ref().unwrap(), state.file.as_ref().unwrap());
        assert_eq!(
            before.rows[2].cells[1], "abc",
            "what was shown is unchanged"
        );
        assert_eq!(after.rows[2].cells[1], "35");
        for i in 0..2 {
            assert!(
                Rc::ptr_eq(&before.rows[i], &after.rows[i]),
                "row {i} copied"
            );
            assert!(
                Rc::ptr_eq(&shown.results[i], &state.results[i]),
                "result {i} copied"
            );
        }
        assert!(!Rc::ptr_eq(&shown.results[2], &state.results[2]));
    }

    #[test]
    fn a_fixed_cell_computes_its_row_again_and_the_totals_follow() {
        let mut state = pasted(FILE);
        assert!(!state.results[2].ok());
        state.apply(Action::Fix {
            row: 2,
            column: 1,
            text: "35".to_owned(),
        });
        assert!(state.results[2].ok());
        assert_eq!(state.note, Some(Note::Fixed(state.results[2].line)));
        let portfolio = state.portfolio.as_ref().expect("totals");
        assert_eq!((portfolio.included, portfolio.excluded), (3, 0));
    }

    #[test]
    fn a_cell_fixed_while_rows_are_computed_counts_in_the_totals_as_fixed() {
        let mut state = page();
        state.apply(Action::Paste(
            "name,unit cost,packaging,weight,category,price,monthly units
Broken cost,abc,1,100,home,9.99,10
Phone case,8,0.5,60,phone_accessories,4.99,1000
Ceramic mug,25,1.5,350,home,12.99,12
"
            .to_owned(),
        ));
        state.apply(Action::ComparePasted);
        while state.reading.is_some() {
            let (generation, _) = state.slice.expect("reading asks for slices");
            state.apply(Action::Step(generation, SLICE_MS));
        }
        // One row a slice: the broken row is computed (and counted) before the others.
        let (generation, _) = state.slice.expect("computing asks for slices");
        state.apply(Action::Step(generation, -1.0));
        assert!(!state.done());
        state.apply(Action::Fix {
            row: 0,
            column: 1,
            text: "35".to_owned(),
        });
        run(&mut state);
        assert!(state.results[0].ok());
        let portfolio = state.portfolio.as_ref().expect("totals");
        assert_eq!((portfolio.included, portfolio.excluded), (3, 0));
    }

    #[test]
    fn a_file_still_decoding_never_replaces_what_was_chosen_after_it() {
        let read = |ticket, name: &str| Action::Upload {
            ticket,
            then: Box::new(Action::Read {
                name: name.to_owned(),
                text: FILE.to_owned(),
                encoding: Encoding::Utf8,
            }),
        };
        let mut state = page();
        state.apply(Action::Choose(1));
        assert!(
            state.reading.is_some(),
            "decoding shows as reading, with Stop"
        );
        state.apply(Action::Choose(2));
        state.apply(read(1, "big.csv"));
        assert!(
            state.file.is_none() && state.slice.is_none(),
            "the older file is dropped"
        );
        state.apply(read(2, "small.csv"));
        run(&mut state);
        assert_eq!(state.note, Some(Note::Loaded("small.csv".to_owned())));
        // The sample, chosen while a file decodes, stays when the file arrives.
        state.apply(Action::Choose(3));
        state.apply(Action::TrySample);
        run(&mut state);
        state.apply(read(3, "late.csv"));
        assert_eq!(state.note, Some(Note::Sample));
        assert!(state.slice.is_none());
        // Stop while decoding: nothing of it is loaded.
        state.apply(Action::Choose(4));
        state.apply(Action::StopReading);
        state.apply(read(4, "stopped.csv"));
        assert_eq!(state.note, Some(Note::ReadingStopped));
    }

    #[test]
    fn a_slice_of_earlier_work_does_nothing() {
        let mut state = page();
        state.apply(Action::TrySample);
        let (stale, _) = state.slice.expect("a slice is asked for");
        state.apply(Action::Clear);
        assert!(state.slice.is_none(), "clearing drops the work");
        state.apply(Action::Step(stale, SLICE_MS));
        assert!(state.file.is_none() && state.reading.is_none());
    }

    #[test]
    fn clearing_while_rows_are_computed_stops_the_work() {
        let mut state = page();
        state.apply(Action::TrySample);
        // Read the file, then stop between the slices that compute its rows.
        while state.reading.is_some() {
            let (generation, _) = state.slice.expect("reading asks for slices");
            state.apply(Action::Step(generation, SLICE_MS));
        }
        let (stale, _) = state.slice.expect("computing asks for a slice");
        assert!(state.file.is_some() && !state.done());
        state.apply(Action::Clear);
        assert!(state.slice.is_none() && state.file.is_none());
        state.apply(Action::Step(stale, SLICE_MS));
        assert!(state.file.is_none() && state.results.is_empty() && state.portfolio.is_none());
    }

    #[test]
    fn a_new_target_computes_every_row_again() {
        let mut state = pasted(FILE);
        let before = state.results.clone();
        state.apply(Action::Target("30".to_owned()));
        assert_eq!(state.computed, 0, "computed again, from the first row");
        assert!(state.portfolio.is_none());
        run(&mut state);
        assert_eq!(state.target, Some(Decimal::from(30)));
        assert_ne!(
            before[0].model(ModelKind::Pop).and_then(|m| m.target_price),
            state.results[0]
                .model(ModelKind::Pop)
                .and_then(|m| m.target_price)
        );
        // A target that cannot be read keeps the last valid one and computes nothing.
        state.apply(Action::Target("abc".to_owned()));
        assert!(state.slice.is_none() && state.done());
        assert_eq!(state.target, Some(Decimal::from(30)));
        assert_eq!(state.target_text, "abc", "what was typed stays");
    }

    #[test]
    fn a_refused_file_leaves_the_catalog_on_screen() {
        let mut state = pasted(FILE);
        state.apply(Action::Paste("name,price\n".to_owned()));
        state.apply(Action::ComparePasted);
        run(&mut state);
        assert_eq!(state.note, Some(Note::NoRows));
        assert_eq!(state.results.len(), 3, "the products already compared stay");
        assert!(state.done());
    }

    #[test]
    fn stopping_a_read_keeps_what_was_on_screen() {
        let mut state = pasted(FILE);
        state.apply(Action::TrySample);
        assert!(state.reading.is_some());
        state.apply(Action::StopReading);
        assert!(state.reading.is_none() && state.slice.is_none());
        assert_eq!(state.note, Some(Note::ReadingStopped), "the status says so");
        assert_eq!(state.results.len(), 3);
        assert!(state.done());
    }

    #[test]
    fn show_row_clears_the_filters_and_goes_to_its_page() {
        let mut state = pasted(FILE);
        state.apply(Action::Filter("mug".to_owned()));
        assert_eq!(state.order.len(), 1);
        let scroll = state.scroll;
        state.apply(Action::ShowRow(2));
        assert!(state.filter.is_empty());
        assert_eq!(state.order.len(), 3);
        assert_eq!(state.highlight, Some(2));
        assert_ne!(state.scroll, scroll, "scrolled into view");
    }
}
