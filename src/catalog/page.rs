//! The catalog page's component: loading a file, computing its rows in slices, the totals, the
//! rows with problems (fixed in place), the sortable table and the export.

use gloo_timers::callback::Timeout;
use sellercalc_engine::catalog::{
    self as cat, CatalogFile, CatalogReader, ColumnKind, Encoding, FileProblem, Portfolio,
    PortfolioBuilder, SkuResult, Sniffed, MAIN_COLUMNS,
};
use sellercalc_engine::decimal::{parse_decimal, price_up};
use sellercalc_engine::{
    Decimal, Field, Input, ModelKind, PolicySet, ScenarioInput, Warning, WarningKind,
};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{File, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::saved::{self, Fix, Saved};
use super::settings::Base;
use super::table::{self, Show, Sort, SortKey, PAGE_SIZE};
use crate::components::field::error_text;
use crate::components::language_picker::LanguagePicker;
use crate::components::notice::Message;
use crate::components::page_footer::PageFooter;
use crate::export::download;
use crate::format;
use crate::i18n::{
    self, catalog::CatalogTexts, fill, fill_all, fill_one, input_label, Lang, Locale,
};

mod input;
mod report;
mod sku_table;
mod totals;

/// How long one slice of computing may run before the browser gets the thread back, in ms.
const SLICE_MS: f64 = 24.0;
/// How much text one step of reading takes on, in bytes (a few milliseconds): steps are repeated
/// until the slice's time is up.
const READ_BYTES: usize = 64 * 1024;
/// The name of the download of a kept catalog that was not opened again.
const SKIPPED_FILE: &str = "sellercalc-catalog-kept.csv";
/// Files larger than this are refused: split them.
const MAX_FILE_BYTES: f64 = 50.0 * 1024.0 * 1024.0;
/// How many products the "which products make the difference" table lists.
const DRIVERS: usize = 5;
/// How many rows with problems are listed for fixing; the table's filter shows all of them.
const BAD_LISTED: usize = 20;
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

/// A file to offer for download.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Download {
    /// The empty template.
    Template,
    /// The sample catalog.
    Sample,
    /// The results.
    Results,
}

/// What the status line says about the last action.
#[derive(Clone, Debug, PartialEq)]
enum Note {
    Loaded(String),
    Pasted,
    Sample,
    NotCsv,
    /// Not text in any encoding the page reads.
    NotText,
    /// More products than the catalog compares at once.
    TooManyRows,
    /// A file with no header at all.
    Empty,
    /// A header but no products.
    NoRows,
    TooLarge,
    Unreadable,
    Fixed(usize),
    ExportFailed,
    Restored,
    /// Restored, but the fixes kept with it could not be read.
    RestoredWithoutEdits,
}

/// Messages of [`CatalogPage`].
pub enum Msg {
    /// The user picked a language, and the page can show it.
    Lang(Lang),
    /// The strings of the language the user picked could not be fetched.
    LangUnavailable(Lang),
    /// A file was chosen.
    Upload(Option<File>),
    /// A chosen file's text.
    Read {
        /// The file's name.
        name: String,
        /// Its text.
        text: String,
        /// The encoding it was decoded from.
        encoding: Encoding,
    },
    /// The chosen file is a workbook, or not text: refused before reading.
    Refused(bool),
    /// The chosen file could not be read.
    ReadFailed,
    /// The paste box changed.
    Paste(String),
    /// Compare the pasted rows.
    ComparePasted,
    /// Load the sample catalog.
    TrySample,
    /// Offer a file.
    Download(Download),
    /// Compute the next slice of rows of computation `generation`.
    Step(u32),
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
    /// Download the kept catalog that was not opened again (it stopped the page).
    DownloadSkipped,
    /// Open the kept catalog that was not opened again, all the same.
    OpenSkipped,
    /// Stop reading the file being read (what was on screen stays).
    StopReading,
}

/// A file being read, in steps (see [`CatalogReader`]), before its rows are computed. Until it
/// is read and accepted, the catalog on screen and the one kept for a reload stay as they are: a
/// file refused once read (too many products, empty) changes neither.
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

/// What a chosen file turned out to be.
enum Decoded {
    Text(String, Encoding),
    Workbook,
    NotText,
}

/// Decodes a file's bytes: as its byte order mark says, else as UTF-8, else as GB18030, each
/// strictly (a byte sequence the encoding does not allow fails it); text that is in fact binary
/// is refused too. The browser's `TextDecoder` does the decoding.
fn decode(bytes: &js_sys::Uint8Array) -> Decoded {
    let head = bytes.subarray(0, bytes.length().min(4)).to_vec();
    let tries = match cat::sniff(&head) {
        Sniffed::Workbook => return Decoded::Workbook,
        Sniffed::Marked(encoding) => vec![encoding],
        Sniffed::Unmarked(list) => list.to_vec(),
    };
    let decode = |encoding: Encoding, fatal: bool| {
        let options = web_sys::TextDecoderOptions::new();
        options.set_fatal(fatal);
        web_sys::TextDecoder::new_with_label_and_options(encoding.label(), &options)
            .and_then(|decoder| decoder.decode_with_js_u8_array(bytes))
            .ok()
    };
    let text = |text: String, encoding| {
        if cat::looks_binary(&text) {
            Decoded::NotText
        } else {
            Decoded::Text(text, encoding)
        }
    };
    for encoding in tries {
        if let Some(decoded) = decode(encoding, true) {
            return text(decoded, encoding);
        }
        // UTF-8 with a stray byte or two is UTF-8 (read with a warning), not another encoding.
        if encoding == Encoding::Utf8 {
            if let Some(lossy) = decode(encoding, false).filter(|t| cat::mostly_utf8(t)) {
                return text(lossy, encoding);
            }
        }
    }
    Decoded::NotText
}

/// The catalog page.
pub struct CatalogPage {
    lang: Lang,
    /// A language the user asked for whose strings could not be fetched.
    lang_unavailable: Option<Lang>,
    base: Base,
    /// The set of fees picked on this page; `None` follows the calculator's.
    pick: Option<&'static PolicySet>,
    /// The base scenario of every row, under the set of fees in use.
    input: ScenarioInput,
    file: Option<CatalogFile>,
    /// The file being read, before `file` is set.
    reading: Option<Reading>,
    /// The encoding the file was read from, when it is not UTF-8.
    encoding: Option<Encoding>,
    /// The kept catalog not opened again because the page stopped while restoring it: its text.
    skipped: Option<String>,
    /// Takes the "being restored" mark off when the page is left on purpose (a reload, a closed
    /// tab): only a page that dies keeps it.
    _pagehide: Option<gloo_events::EventListener>,
    /// Whether the text had characters that were not valid UTF-8.
    garbled: bool,
    note: Option<Note>,
    paste: String,
    /// The computed rows, in file order: `results[i]` is `file.rows[i]`.
    results: Vec<SkuResult>,
    generation: u32,
    timer: Option<Timeout>,
    target_text: String,
    target: Option<Decimal>,
    portfolio: Option<Portfolio>,
    /// Whether the included rows share one cost currency (else totals would add up apples and pears).
    one_currency: bool,
    versus: Option<ModelKind>,
    sort: Sort,
    filter: String,
    show: Show,
    view: View,
    page: usize,
    /// Indices of the rows the table shows, in order.
    order: Vec<u32>,
    /// A row to highlight in the table.
    highlight: Option<usize>,
    /// Whether the highlighted row still has to be scrolled into view (after the next render).
    scroll_to_highlight: bool,
    /// What is kept for a reload; `None` when the file is too large to keep.
    kept: Option<Saved>,
    /// Whether the browser refused to keep the catalog (or it is too large).
    not_kept: bool,
}

/// The target margin typed in `lang`, or what is wrong with it, in `lang` (as the What if panel
/// reads it).
fn read_target(lang: Lang, text: &str) -> Result<Decimal, String> {
    crate::components::field::read_target_margin(&Locale::new(lang), text)
}

impl CatalogPage {
    fn texts(&self) -> &'static CatalogTexts {
        self.lang.catalog()
    }

    /// How the page writes figures: in its language, each amount in its own currency.
    fn locale(&self) -> Locale {
        Locale::new(self.lang)
    }

    /// The set of fees the figures use: the one picked here, else the calculator's.
    fn policy(&self) -> &'static PolicySet {
        self.pick.unwrap_or(self.base.policy)
    }

    /// Uses the set `pick` (`None`, or the calculator's own: follow the calculator).
    fn set_policy(&mut self, pick: Option<&'static PolicySet>) {
        self.pick = pick.filter(|p| p.id != self.base.policy.id);
        self.input = self.base.input_for(self.policy());
    }

    fn done(&self) -> bool {
        self.reading.is_none()
            && self
                .file
                .as_ref()
                .is_some_and(|f| self.results.len() == f.rows.len())
    }

    /// Reads `text` (then applies `fixes`, when restoring) and computes it; keeps it for a reload.
    fn load(
        &mut self,
        ctx: &Context<Self>,
        text: &str,
        note: Note,
        source: String,
        fixes: Vec<Fix>,
        encoding: Option<Encoding>,
    ) {
        // Read in slices, then compute in slices: the page paints between them. What is on
        // screen and kept stays until the file is read and accepted (see `accept`).
        self.note = None;
        self.generation = self.generation.wrapping_add(1);
        self.timer = None;
        self.reading = Some(Reading {
            reader: CatalogReader::new(text),
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
        self.next_slice(ctx, self.generation);
    }

    /// Opens the kept catalog `r`: its target, its set of fees, its text and fixes, marked as being
    /// restored until every row is computed (if restoring stops the page, the next load knows).
    fn restore(&mut self, ctx: &Context<Self>, r: Saved) {
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
        self.load(ctx, &r.text, note, r.source, r.fixes, None);
    }

    /// A file read: refused (the catalog on screen and kept stay, the status says why), or put
    /// in the place of the last one, kept for a reload, and computed.
    fn accept(&mut self, ctx: &Context<Self>, reading: Reading, mut file: CatalogFile) {
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
                self.restart(ctx);
            }
            return;
        }
        for (row, column, value) in &reading.fixes {
            if let Some(cell) = file
                .rows
                .get_mut(*row)
                .and_then(|r| r.cells.get_mut(*column))
            {
                value.clone_into(cell);
            }
        }
        self.skipped = None;
        self.note = Some(reading.note);
        self.garbled = reading.garbled;
        self.encoding = reading.encoding;
        self.highlight = None;
        self.page = 0;
        self.kept = reading.pending;
        self.keep(false);
        self.file = Some(file);
        self.restart(ctx);
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

    /// Computes every row again, from the first, in slices.
    fn restart(&mut self, ctx: &Context<Self>) {
        self.generation = self.generation.wrapping_add(1);
        self.results.clear();
        self.results
            .reserve(self.file.as_ref().map_or(0, |f| f.rows.len()));
        self.portfolio = None;
        self.order.clear();
        self.timer = None;
        self.step(ctx, self.generation);
    }

    /// Asks for the next slice of computation `generation`, after the browser has painted.
    fn next_slice(&mut self, ctx: &Context<Self>, generation: u32) {
        let link = ctx.link().clone();
        self.timer = Some(Timeout::new(0, move || {
            link.send_message(Msg::Step(generation));
        }));
    }

    /// One slice: reading the file, or rows until the time is up, then either the next slice or
    /// the totals.
    fn step(&mut self, ctx: &Context<Self>, generation: u32) {
        if generation != self.generation {
            return;
        }
        let start = js_sys::Date::now();
        if let Some(reading) = self.reading.as_mut() {
            let mut read = false;
            while !read && js_sys::Date::now() - start <= SLICE_MS {
                read = reading.reader.step(READ_BYTES);
            }
            if !read {
                self.next_slice(ctx, generation);
                return;
            }
            let Some(mut reading) = self.reading.take() else {
                return;
            };
            let reader = std::mem::replace(&mut reading.reader, CatalogReader::new(""));
            let file = reader.finish();
            self.accept(ctx, reading, file);
            return;
        }
        let Some(file) = self.file.as_ref() else {
            return;
        };
        while let Some(row) = file.rows.get(self.results.len()) {
            self.results
                .push(cat::compute_row(&self.input, file, row, self.target));
            if js_sys::Date::now() - start > SLICE_MS {
                break;
            }
        }
        if self.results.len() < file.rows.len() {
            self.next_slice(ctx, generation);
        } else {
            self.timer = None;
            self.summarise();
        }
    }

    /// The totals and the table's order, once every row is computed (and after each fix).
    fn summarise(&mut self) {
        let mut builder = PortfolioBuilder::new(DRIVERS);
        let mut currency: Option<&str> = None;
        self.one_currency = true;
        for (i, result) in self.results.iter().enumerate() {
            builder.add(i, result);
            if result.included() {
                match currency {
                    None => currency = Some(&result.cost_currency),
                    Some(c) if c != result.cost_currency => self.one_currency = false,
                    Some(_) => {}
                }
            }
        }
        let portfolio = builder.finish();
        // Every row computed: a kept catalog that was being restored did not stop the page.
        saved::restored();
        // The drivers compare with the best uniform choice until the user picks another.
        if self.versus.is_none() {
            self.versus = portfolio.best_uniform;
        }
        self.portfolio = Some(portfolio);
        self.reorder();
    }

    fn reorder(&mut self) {
        self.order = table::order(&self.results, self.sort, &self.filter, self.show);
        self.page = self.page.min(table::pages(self.order.len()) - 1);
    }

    fn currency(&self) -> (String, String) {
        let cost = self
            .results
            .first()
            .map(|r| r.cost_currency.clone())
            .or_else(|| self.base.value(Input::CostCurrency, &Locale::default()))
            .unwrap_or_default();
        let sale = self
            .results
            .first()
            .map(|r| r.sale_currency.clone())
            .or_else(|| self.base.value(Input::SaleCurrency, &Locale::default()))
            .unwrap_or_default();
        (cost, sale)
    }
}

impl Component for CatalogPage {
    type Message = Msg;
    type Properties = ();

    fn create(ctx: &Context<Self>) -> Self {
        // start() renders once the visitor's pack has been fetched, or has failed to be.
        let wanted = initial_lang();
        let lang = i18n::packs::shown(wanted);
        i18n::set_document_lang(lang);
        // A kept catalog whose restoring stopped the page is not opened again (it is kept).
        let skipped = saved::restoring_stopped().then(saved::load_text).flatten();
        let restored = if skipped.is_some() {
            None
        } else {
            saved::load()
        };
        let target_text = crate::format::editable_text(lang, DEFAULT_TARGET);
        let target = read_target(lang, &target_text)
            .ok()
            .or_else(|| parse_decimal(DEFAULT_TARGET).ok());
        let base = Base::load();
        let input = base.input.clone();
        let mut page = CatalogPage {
            lang,
            base,
            pick: None,
            input,
            file: None,
            reading: None,
            encoding: None,
            skipped,
            _pagehide: web_sys::window().map(|window| {
                gloo_events::EventListener::new(&window, "pagehide", |_| saved::restored())
            }),
            garbled: false,
            note: None,
            paste: String::new(),
            results: Vec::new(),
            generation: 0,
            timer: None,
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
            order: Vec::new(),
            highlight: None,
            scroll_to_highlight: false,
            kept: None,
            not_kept: false,
            lang_unavailable: None,
        };
        match restored {
            Some(r) => page.restore(ctx, r),
            None => page.set_policy(None),
        }
        page.lang_unavailable = (wanted != lang).then_some(wanted);
        page
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            // The picker fetches a language's pack first; if it cannot be had, the page stays and
            // says why (a failed fetch is not retried until the user picks it again).
            Msg::LangUnavailable(lang) => self.lang_unavailable = Some(lang),
            Msg::Lang(lang) => {
                self.lang = lang;
                self.lang_unavailable = None;
                i18n::set_document_lang(lang);
                i18n::store_lang(lang);
                // The target keeps its value, written the new language's way.
                if let Some(target) = self.target {
                    self.target_text =
                        crate::format::editable_text(lang, &target.normalize().to_string());
                }
            }
            Msg::Upload(None) => return false,
            Msg::Upload(Some(file)) => {
                let name = file.name();
                let lower = name.to_lowercase();
                if [".xlsx", ".xls", ".xlsm", ".ods", ".numbers"]
                    .iter()
                    .any(|ext| lower.ends_with(ext))
                {
                    self.note = Some(Note::NotCsv);
                } else if file.size() > MAX_FILE_BYTES {
                    self.note = Some(Note::TooLarge);
                } else {
                    let link = ctx.link().clone();
                    spawn_local(async move {
                        let bytes = JsFuture::from(file.array_buffer()).await.ok();
                        let message = match bytes.map(|b| decode(&js_sys::Uint8Array::new(&b))) {
                            Some(Decoded::Text(text, encoding)) => Msg::Read {
                                name,
                                text,
                                encoding,
                            },
                            Some(Decoded::Workbook) => Msg::Refused(true),
                            Some(Decoded::NotText) => Msg::Refused(false),
                            None => Msg::ReadFailed,
                        };
                        link.send_message(message);
                    });
                    return false;
                }
            }
            Msg::Read {
                name,
                text,
                encoding,
            } => {
                let encoding = (encoding != Encoding::Utf8).then_some(encoding);
                self.load(
                    ctx,
                    &text,
                    Note::Loaded(name.clone()),
                    name,
                    Vec::new(),
                    encoding,
                );
            }
            // The products already compared stay on screen.
            Msg::Refused(workbook) => {
                self.note = Some(if workbook {
                    Note::NotCsv
                } else {
                    Note::NotText
                });
            }
            Msg::ReadFailed => self.note = Some(Note::Unreadable),
            Msg::Paste(text) => {
                self.paste = text;
                return false;
            }
            Msg::ComparePasted => {
                let text = self.paste.clone();
                if cat::looks_binary(&text) {
                    self.note = Some(Note::NotText);
                } else {
                    self.load(ctx, &text, Note::Pasted, String::new(), Vec::new(), None);
                }
            }
            Msg::TrySample => {
                self.load(
                    ctx,
                    cat::sample_csv(),
                    Note::Sample,
                    String::new(),
                    Vec::new(),
                    None,
                );
            }
            Msg::Download(which) => {
                let ok = match which {
                    Download::Template => {
                        download(cat::TEMPLATE_FILE, "text/csv", cat::template_csv())
                    }
                    Download::Sample => download(cat::SAMPLE_FILE, "text/csv", cat::sample_csv()),
                    Download::Results => download(
                        cat::RESULTS_FILE,
                        "text/csv",
                        &cat::results_csv(&self.results, self.target),
                    ),
                };
                if !ok {
                    self.note = Some(Note::ExportFailed);
                } else {
                    return false;
                }
            }
            Msg::Step(generation) => self.step(ctx, generation),
            Msg::Fix { row, column, text } => {
                let Some(file) = self.file.as_mut() else {
                    return false;
                };
                let Some(cell) = file.rows.get_mut(row).and_then(|r| r.cells.get_mut(column))
                else {
                    return false;
                };
                cell.clone_from(&text);
                if let Some(kept) = self.kept.as_mut() {
                    kept.fixes.retain(|(r, c, _)| (*r, *c) != (row, column));
                    kept.fixes.push((row, column, text));
                }
                self.keep(true);
                let Some(file) = self.file.as_ref() else {
                    return false;
                };
                if row < self.results.len() {
                    let result = cat::compute_row(&self.input, file, &file.rows[row], self.target);
                    if result.ok() {
                        self.note = Some(Note::Fixed(result.line));
                    }
                    self.results[row] = result;
                    if self.done() {
                        self.summarise();
                    }
                }
            }
            Msg::Target(text) => {
                let parsed = read_target(self.lang, &text).ok();
                self.target_text = text;
                if let Some(kept) = self.kept.as_mut() {
                    kept.target.clone_from(&self.target_text);
                    self.keep(true);
                }
                if parsed.is_some() && parsed != self.target {
                    self.target = parsed;
                    if self.file.is_some() {
                        self.restart(ctx);
                    }
                }
            }
            Msg::Filter(text) => {
                self.filter = text;
                self.page = 0;
                self.reorder();
            }
            Msg::Show(show) => {
                self.show = show;
                self.page = 0;
                self.reorder();
            }
            Msg::View(view) => self.view = view,
            Msg::Sort(key) => {
                self.sort = self.sort.clicked(key);
                self.reorder();
            }
            Msg::Page(page) => self.page = page.min(table::pages(self.order.len()) - 1),
            Msg::Versus(kind) => self.versus = Some(kind),
            Msg::Policy(id) => {
                let Some(pick) = PolicySet::find(&id) else {
                    return false;
                };
                self.set_policy(Some(pick));
                if let Some(kept) = self.kept.as_mut() {
                    kept.policy = self.pick.map(|p| p.id.clone());
                    self.keep(true);
                }
                if self.file.is_some() {
                    self.restart(ctx);
                }
            }
            Msg::ShowRow(index) => {
                // Show every row, find this one's page, and mark it.
                self.filter.clear();
                self.show = Show::All;
                self.reorder();
                if let Some(at) = self.order.iter().position(|&i| i as usize == index) {
                    self.page = at / PAGE_SIZE;
                }
                self.highlight = Some(index);
                self.scroll_to_highlight = true;
            }
            Msg::StopReading => {
                self.reading = None;
                self.timer = None;
                saved::restored();
                self.generation = self.generation.wrapping_add(1);
                // The catalog on screen, if its computing was cut short too, is computed again.
                if self.file.is_some() && !self.done() {
                    self.restart(ctx);
                }
            }
            Msg::OpenSkipped => {
                self.skipped = None;
                if let Some(r) = saved::load() {
                    self.restore(ctx, r);
                }
            }
            Msg::DownloadSkipped => {
                let ok = self
                    .skipped
                    .as_deref()
                    .is_some_and(|text| download(SKIPPED_FILE, "text/csv", text));
                if !ok {
                    self.note = Some(Note::ExportFailed);
                }
            }
            Msg::Clear => {
                saved::clear();
                self.skipped = None;
                self.generation = self.generation.wrapping_add(1);
                self.timer = None;
                self.reading = None;
                self.encoding = None;
                self.file = None;
                self.results = Vec::new();
                self.portfolio = None;
                self.order = Vec::new();
                self.kept = None;
                self.not_kept = false;
                self.note = None;
                self.paste.clear();
                self.highlight = None;
            }
        }
        true
    }

    fn rendered(&mut self, _ctx: &Context<Self>, _first_render: bool) {
        if !std::mem::take(&mut self.scroll_to_highlight) {
            return;
        }
        let row = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("tr.highlight").ok().flatten());
        if let Some(row) = row {
            row.scroll_into_view_with_bool(false);
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let t = self.texts();
        let link = ctx.link();
        let policy = self.policy();
        html! {
            <ContextProvider<Locale> context={self.locale()}>
            <div class="page catalog-page">
                <header class="page-header">
                    <div class="brand">
                        <h1>{ "SellerCalc" }<span class="page-kind">{ " · " }{ t.title }</span></h1>
                        <p class="tagline">{ t.tagline }</p>
                    </div>
                    <div class="header-controls">
                        <a class="nav-link" href="../" data-testid="to-calculator">{ t.back }</a>
                        <LanguagePicker lang={self.lang} base="../" on_lang={link.callback(Msg::Lang)}
                            on_unavailable={link.callback(Msg::LangUnavailable)} />
                        { self.lang_notice() }
                    </div>
                </header>
                <main class="catalog">
                    { self.skipped_notice(ctx) }
                    { self.input_section(ctx) }
                    { self.status() }
                    { self.file_problems() }
                    { self.progress(ctx) }
                    { self.totals(ctx) }
                    { self.bad_rows(ctx) }
                    { self.table(ctx) }
                </main>
                <PageFooter policy_id={policy.id.clone()} version={policy.version.clone()}
                    effective_date={policy.effective_date.clone()} />
            </div>
            </ContextProvider<Locale>>
        }
    }
}

/// The page's language: `?lang=`, then the visitor's earlier choice, then the browser's languages
/// (as on the calculator).
pub fn initial_lang() -> Lang {
    i18n::negotiate(
        i18n::url_lang().as_deref(),
        i18n::stored_lang().as_deref(),
        &i18n::navigator_languages(),
    )
}

impl CatalogPage {
    /// Beside the language picker: why the page did not switch to the language asked for.
    fn lang_notice(&self) -> Html {
        let Some(wanted) = self.lang_unavailable else {
            return Html::default();
        };
        // The calculator's notice, written as one line.
        let (text, detail) = Message::LanguageUnavailable(wanted).text(self.lang);
        let detail = detail.unwrap_or_default();
        html! {
            <p class="header-notice" role="status" data-testid="language-notice">
                { format!("{text}{}{detail}", i18n::sentence_gap(&text)) }
            </p>
        }
    }
}

/// A warning of a row in the page's language: what it is about and the values it names.
fn warning_text(locale: &Locale, warning: &Warning) -> String {
    let t = locale.lang.catalog();
    match &warning.kind {
        WarningKind::EstimatedSupplyPrice {
            estimate,
            share_pct,
            currency,
        } => fill_all(
            t.warn_estimated,
            &[
                format::money(locale, *estimate, currency),
                format::percent_plain(locale, *share_pct),
            ],
        ),
        WarningKind::SupplyAboveRetail {
            supply,
            retail,
            currency,
        } => fill_all(
            t.warn_supply_above_retail,
            &[
                format::money(locale, *supply, currency),
                format::money(locale, *retail, currency),
            ],
        ),
        WarningKind::FractionalVolume => t.warn_fractional_volume.to_owned(),
    }
}

/// The "est." mark beside a figure that rests on the estimated supply price: short on screen,
/// explained in a tooltip and to screen readers.
fn estimated_mark(t: &CatalogTexts) -> Html {
    html! {
        <span class="est" title={t.estimated_title}>
            <span aria-hidden="true">{ t.estimated_mark }</span>
            <span class="visually-hidden">{ t.estimated_title }</span>
        </span>
    }
}

/// A product's name, or "Row n" when the file gave none.
fn product_name(locale: &Locale, name: &str, line: usize) -> String {
    if name.is_empty() {
        let t = locale.lang.catalog();
        fill_one(t.row, &format::number(locale, line.into(), 0))
    } else {
        shown_name(name)
    }
}

/// The most characters of a product's name the page shows; a longer one (a whole file pasted into
/// one cell) is cut with "…", so that drawing it never freezes the page. The export keeps it whole.
const NAME_SHOWN: usize = 200;

/// A product's name as the page shows it: at most [`NAME_SHOWN`] characters.
fn shown_name(name: &str) -> String {
    match name.char_indices().nth(NAME_SHOWN) {
        Some((cut, _)) => format!("{}…", &name[..cut]),
        None => name.to_owned(),
    }
}
