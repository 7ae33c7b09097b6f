//! The catalog page's component: loading a file, computing its rows in slices, the totals, the
//! rows with problems (fixed in place), the sortable table and the export.

use gloo_timers::callback::Timeout;
use rust_decimal::RoundingStrategy;
use sellercalc_engine::catalog::{
    self as cat, CatalogFile, FileProblem, Portfolio, PortfolioBuilder, SkuResult, MAIN_COLUMNS,
};
use sellercalc_engine::decimal::parse_decimal;
use sellercalc_engine::{Decimal, ModelKind};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{File, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::saved::{self, Fix, Saved};
use super::settings::{field_of, Base};
use super::table::{self, Show, Sort, SortKey, PAGE_SIZE};
use crate::components::field::error_text;
use crate::components::page_footer::PageFooter;
use crate::export::download;
use crate::format;
use crate::i18n::{self, catalog::CatalogTexts, fill, Lang};

/// How long one slice of computing may run before the browser gets the thread back, in ms.
const SLICE_MS: f64 = 24.0;
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
    TooLarge,
    Unreadable,
    Fixed(usize),
    ExportFailed,
    Restored,
}

/// Messages of [`CatalogPage`].
pub enum Msg {
    /// The user picked a language.
    Lang(Lang),
    /// A file was chosen.
    Upload(Option<File>),
    /// A chosen file's text.
    Read {
        /// The file's name.
        name: String,
        /// Its text.
        text: String,
    },
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
    /// Forget the catalog.
    Clear,
}

/// The catalog page.
pub struct CatalogPage {
    lang: Lang,
    base: Base,
    file: Option<CatalogFile>,
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

fn model_index(kind: ModelKind) -> usize {
    match kind {
        ModelKind::Pop => 0,
        ModelKind::Semi => 1,
        ModelKind::Full => 2,
    }
}

/// Whether a target margin can be met by some price: below 100 %, and not absurdly negative.
fn valid_target(target: Decimal) -> bool {
    target > Decimal::from(-1000) && target < Decimal::ONE_HUNDRED
}

fn storage_available() -> bool {
    crate::storage::available()
}

/// A price rounded up to the cent: the lowest price in cents that reaches its target.
fn price_up(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::ToPositiveInfinity)
}

impl CatalogPage {
    fn texts(&self) -> &'static CatalogTexts {
        self.lang.catalog()
    }

    fn done(&self) -> bool {
        self.file
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
    ) {
        self.garbled = text.contains('\u{fffd}');
        // Free the last file's rows and results before reading the next, so that memory peaks at
        // one catalog, not two.
        self.file = None;
        self.results = Vec::new();
        let mut file = cat::read_csv(text);
        for (row, column, value) in &fixes {
            if let Some(cell) = file
                .rows
                .get_mut(*row)
                .and_then(|r| r.cells.get_mut(*column))
            {
                value.clone_into(cell);
            }
        }
        self.file = Some(file);
        self.note = Some(note);
        self.highlight = None;
        self.page = 0;
        self.kept = (text.len() <= saved::MAX_CHARS).then(|| Saved {
            source,
            text: text.to_owned(),
            fixes,
            target: self.target_text.clone(),
        });
        self.keep();
        self.restart(ctx);
    }

    /// Keeps the catalog for a reload, or says that it could not.
    fn keep(&mut self) {
        self.not_kept = match &self.kept {
            Some(kept) => !saved::save(kept),
            None => {
                saved::clear();
                storage_available()
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

    /// One slice: rows until the time is up, then either the next slice or the totals.
    fn step(&mut self, ctx: &Context<Self>, generation: u32) {
        if generation != self.generation {
            return;
        }
        let Some(file) = self.file.as_ref() else {
            return;
        };
        let start = js_sys::Date::now();
        while let Some(row) = file.rows.get(self.results.len()) {
            self.results
                .push(cat::compute_row(&self.base.json, file, row, self.target));
            if js_sys::Date::now() - start > SLICE_MS {
                break;
            }
        }
        if self.results.len() < file.rows.len() {
            let link = ctx.link().clone();
            self.timer = Some(Timeout::new(0, move || {
                link.send_message(Msg::Step(generation));
            }));
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
            .or_else(|| self.base.value(crate::state::Field::CostCurrency, Lang::En))
            .unwrap_or_default();
        let sale = self
            .results
            .first()
            .map(|r| r.sale_currency.clone())
            .or_else(|| self.base.value(crate::state::Field::SaleCurrency, Lang::En))
            .unwrap_or_default();
        (cost, sale)
    }
}

impl Component for CatalogPage {
    type Message = Msg;
    type Properties = ();

    fn create(ctx: &Context<Self>) -> Self {
        let lang = i18n::negotiate(
            i18n::url_lang().as_deref(),
            i18n::stored_lang().as_deref(),
            &i18n::navigator_languages(),
        );
        format::set_locale(lang.code());
        set_document_lang(lang);
        let restored = saved::load();
        let target_text = restored.as_ref().map_or_else(
            || state_localized(DEFAULT_TARGET, lang),
            |r| r.target.clone(),
        );
        let target = i18n::read_number(lang, &target_text)
            .ok()
            .and_then(|canonical| parse_decimal(&canonical).ok())
            .filter(|t| valid_target(*t))
            .or_else(|| parse_decimal(DEFAULT_TARGET).ok());
        let mut page = CatalogPage {
            lang,
            base: Base::load(),
            file: None,
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
        };
        if let Some(r) = restored {
            page.load(ctx, &r.text, Note::Restored, r.source, r.fixes);
        }
        page
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Lang(lang) => {
                self.lang = lang;
                format::set_locale(lang.code());
                set_document_lang(lang);
                i18n::store_lang(lang);
                // The target keeps its value, written the new language's way.
                if let Some(target) = self.target {
                    self.target_text = state_localized(&target.normalize().to_string(), lang);
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
                        let text = JsFuture::from(file.text()).await.ok();
                        match text.and_then(|t| t.as_string()) {
                            Some(text) => link.send_message(Msg::Read { name, text }),
                            None => link.send_message(Msg::ReadFailed),
                        }
                    });
                    return false;
                }
            }
            Msg::Read { name, text } => {
                // A zip archive (an Excel workbook saved under another name) starts with "PK".
                if text.starts_with("PK\u{3}\u{4}") {
                    self.note = Some(Note::NotCsv);
                } else {
                    self.load(ctx, &text, Note::Loaded(name.clone()), name, Vec::new());
                }
            }
            Msg::ReadFailed => self.note = Some(Note::Unreadable),
            Msg::Paste(text) => {
                self.paste = text;
                return false;
            }
            Msg::ComparePasted => {
                let text = self.paste.clone();
                self.load(ctx, &text, Note::Pasted, String::new(), Vec::new());
            }
            Msg::TrySample => {
                self.load(
                    ctx,
                    cat::sample_csv(),
                    Note::Sample,
                    String::new(),
                    Vec::new(),
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
                self.keep();
                let Some(file) = self.file.as_ref() else {
                    return false;
                };
                if row < self.results.len() {
                    let result =
                        cat::compute_row(&self.base.json, file, &file.rows[row], self.target);
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
                let parsed = i18n::read_number(self.lang, &text)
                    .ok()
                    .and_then(|canonical| parse_decimal(&canonical).ok())
                    .filter(|t| valid_target(*t));
                self.target_text = text;
                if let Some(kept) = self.kept.as_mut() {
                    kept.target.clone_from(&self.target_text);
                    self.keep();
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
            Msg::Clear => {
                saved::clear();
                self.generation = self.generation.wrapping_add(1);
                self.timer = None;
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
        let policy = sellercalc_engine::PolicySet::default_set();
        let on_lang = link.callback(|e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let lang = Lang::ALL
                .into_iter()
                .find(|l| l.code() == select.value())
                .unwrap_or_default();
            Msg::Lang(lang)
        });
        html! {
            <ContextProvider<Lang> context={self.lang}>
            <div class="page catalog-page">
                <header class="page-header">
                    <div class="brand">
                        <h1>{ "SellerCalc" }<span class="page-kind">{ " · " }{ t.title }</span></h1>
                        <p class="tagline">{ t.tagline }</p>
                    </div>
                    <div class="header-controls">
                        <a class="nav-link" href="../" data-testid="to-calculator">{ t.back }</a>
                        <label for="language" class="visually-hidden">{ self.lang.texts().header.language }</label>
                        <select id="language" onchange={on_lang} data-testid="language">
                            { for Lang::ALL.into_iter().map(|l| html! {
                                <option value={l.code()} lang={l.code()} selected={l == self.lang}>{ l.native_name() }</option>
                            }) }
                        </select>
                    </div>
                </header>
                <main class="catalog">
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
            </ContextProvider<Lang>>
        }
    }
}

impl CatalogPage {
    fn input_section(&self, ctx: &Context<Self>) -> Html {
        let t = self.texts();
        let link = ctx.link();
        let on_file = link.callback(|e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let file = input.files().and_then(|files| files.get(0));
            // Picking the same file again must fire `change` again.
            input.set_value("");
            Msg::Upload(file)
        });
        let on_paste = link.callback(|e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            Msg::Paste(area.value())
        });
        let on_target = link.callback(|e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            Msg::Target(input.value())
        });
        let columns: Vec<String> = MAIN_COLUMNS.iter().map(|(_, h)| (*h).to_owned()).collect();
        let columns = i18n::and_list(self.lang, &columns);
        let target_issue = i18n::read_number(self.lang, &self.target_text)
            .err()
            .map(|issue| i18n::number_issue_message(self.lang.texts(), &issue, format::canonical))
            .or_else(|| {
                let ok = i18n::read_number(self.lang, &self.target_text)
                    .ok()
                    .and_then(|c| parse_decimal(&c).ok())
                    .is_some_and(valid_target);
                (!ok).then(|| self.lang.texts().errors.too_large_percent.to_owned())
            });
        let summary = self.base.summary(self.lang, self.file.as_ref());
        html! {
            <section class="catalog-input" aria-labelledby="input-title">
                <h2 id="input-title">{ t.input_title }</h2>
                <p>{ t.intro }</p>
                <div class="load-row">
                    <label class="tool primary file-button" for="catalog-file">{ t.upload }</label>
                    <input type="file" id="catalog-file" class="visually-hidden-file" accept=".csv,.tsv,.txt,text/csv,text/plain"
                        data-testid="catalog-file" onchange={on_file} aria-describedby="upload-hint" />
                    <button type="button" class="tool" data-testid="catalog-try-sample"
                        onclick={link.callback(|_| Msg::TrySample)}>{ t.try_sample }</button>
                    <button type="button" class="tool" data-testid="catalog-template"
                        onclick={link.callback(|_| Msg::Download(Download::Template))}>{ t.template }</button>
                    <button type="button" class="tool" data-testid="catalog-sample"
                        onclick={link.callback(|_| Msg::Download(Download::Sample))}>{ t.sample }</button>
                </div>
                <p class="hint" id="upload-hint">{ t.upload_hint }</p>
                <p class="hint">{ fill(t.columns_help, |i| (i == 0).then(|| columns.clone())) }</p>
                <details class="optional-columns">
                    <summary>{ t.optional_title }</summary>
                    <p>{ t.optional_intro }</p>
                    <ul class="column-list">
                        { for cat::OPTIONAL_PATHS.iter().map(|path| {
                            let label = field_of(path).map(|f| f.label(self.lang)).unwrap_or_default();
                            html! { <li><code>{ *path }</code>{ " · " }{ label }</li> }
                        }) }
                    </ul>
                    <p>{ fill(t.optional_assumptions, |i| (i == 0).then(|| "assumptions.commission.home".to_owned())) }</p>
                </details>
                <div class="paste">
                    <label for="catalog-paste">{ t.paste_label }</label>
                    <textarea id="catalog-paste" rows="4" data-testid="catalog-paste" spellcheck="false"
                        placeholder={t.paste_placeholder} value={self.paste.clone()} oninput={on_paste} />
                    <button type="button" class="tool" data-testid="catalog-compare-pasted"
                        onclick={link.callback(|_| Msg::ComparePasted)}>{ t.compare_pasted }</button>
                </div>
                <div class="shared-settings">
                    <p>
                        { if summary.is_empty() { String::new() } else {
                            fill(t.settings, |i| (i == 0).then(|| summary.join(" · ")))
                        } }
                        { " " }
                        if !self.base.from_calculator { { t.settings_default } { " " } }
                        <a href="../">{ t.settings_link }</a>
                    </p>
                    <div class={classes!("field", "target", target_issue.is_some().then_some("invalid"))}>
                        <label for="catalog-target">{ t.target_label }</label>
                        <div class="control">
                            <input id="catalog-target" type="text" inputmode="decimal" data-testid="catalog-target"
                                value={self.target_text.clone()} oninput={on_target}
                                aria-invalid={target_issue.is_some().to_string()}
                                aria-describedby="catalog-target-note" />
                            <span class="unit">{ "%" }</span>
                        </div>
                        if let Some(issue) = target_issue {
                            <p class="error" id="catalog-target-note" role="alert">{ issue }</p>
                        } else {
                            <p class="hint" id="catalog-target-note">{ t.target_hint }</p>
                        }
                    </div>
                </div>
            </section>
        }
    }

    fn status(&self) -> Html {
        let t = self.texts();
        let Some(note) = &self.note else {
            return html! { <p class="catalog-status" role="status" data-testid="catalog-status"></p> };
        };
        let (text, error) = match note {
            Note::Loaded(name) => (
                fill(t.loaded_file, |i| (i == 0).then(|| name.clone())),
                false,
            ),
            Note::Pasted => (t.pasted.to_owned(), false),
            Note::Sample => (t.sample_loaded.to_owned(), false),
            Note::NotCsv => (t.not_csv.to_owned(), true),
            Note::TooLarge => (t.too_large.to_owned(), true),
            Note::Unreadable => (t.unreadable.to_owned(), true),
            Note::Fixed(line) => (
                fill(t.fixed, |i| {
                    (i == 0).then(|| format::number((*line).into(), 0))
                }),
                false,
            ),
            Note::ExportFailed => (t.export_failed.to_owned(), true),
            Note::Restored => (t.restored.to_owned(), false),
        };
        html! {
            <p class={classes!("catalog-status", error.then_some("error"))} role="status" data-testid="catalog-status">{ text }</p>
        }
    }

    fn file_problems(&self) -> Html {
        let t = self.texts();
        let Some(file) = &self.file else {
            return html! {};
        };
        let n = |line: usize| format::number(line.into(), 0);
        let mut lines: Vec<String> = Vec::new();
        if self.garbled {
            lines.push(t.not_utf8.to_owned());
        }
        for problem in &file.problems {
            let one =
                |template: &str, value: String| fill(template, |i| (i == 0).then(|| value.clone()));
            lines.push(match problem {
                FileProblem::Empty => t.file_empty.to_owned(),
                FileProblem::NoRows => t.no_rows.to_owned(),
                FileProblem::UnknownColumn { header, .. } => one(t.unknown_column, header.clone()),
                FileProblem::DuplicateColumn { header, .. } => {
                    one(t.duplicate_column, header.clone())
                }
                FileProblem::MissingColumn { field } if *field == "name" => {
                    t.no_name_column.to_owned()
                }
                FileProblem::MissingColumn { field } => {
                    let header = MAIN_COLUMNS
                        .iter()
                        .find(|(f, _)| f == field)
                        .map_or(*field, |(_, h)| *h)
                        .to_owned();
                    let value = field_of(field)
                        .and_then(|f| self.base.value(f, self.lang))
                        .unwrap_or_else(|| "—".to_owned());
                    fill(t.missing_column, |i| match i {
                        0 => Some(header.clone()),
                        1 => Some(value.clone()),
                        _ => None,
                    })
                }
                FileProblem::Malformed { line, .. } => one(t.malformed, n(*line)),
                FileProblem::TooManyCells { line } => one(t.too_many_cells, n(*line)),
            });
        }
        if lines.is_empty() {
            return html! {};
        }
        html! {
            <section class="file-problems notice" aria-labelledby="file-title" data-testid="catalog-file-problems">
                <h2 id="file-title">{ t.file_title }</h2>
                <ul>{ for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
            </section>
        }
    }

    fn progress(&self, ctx: &Context<Self>) -> Html {
        let t = self.texts();
        let Some(file) = &self.file else {
            return html! { <p class="empty-state" data-testid="catalog-empty">{ t.empty_state }</p> };
        };
        let total = file.rows.len();
        let done = self.results.len();
        let count = |v: usize| format::number(v.into(), 0);
        if done < total {
            let text = fill(t.progress, |i| match i {
                0 => Some(count(done)),
                1 => Some(count(total)),
                _ => None,
            });
            html! {
                <div class="catalog-progress" data-testid="catalog-progress">
                    <label for="catalog-progress-bar">{ text }</label>
                    <progress id="catalog-progress-bar" max={total.to_string()} value={done.to_string()}></progress>
                </div>
            }
        } else {
            html! {
                <div class="catalog-done-row">
                    <p class="catalog-done" data-testid="catalog-done" aria-live="polite">
                        { fill(if total == 1 { t.done_one } else { t.done }, |i| (i == 0).then(|| count(total))) }
                    </p>
                    if self.not_kept {
                        <p class="hint" data-testid="catalog-not-kept">{ t.not_kept }</p>
                    }
                    <button type="button" class="tool" data-testid="catalog-clear"
                        onclick={ctx.link().callback(|_| Msg::Clear)}>{ t.clear }</button>
                </div>
            }
        }
    }

    fn totals(&self, ctx: &Context<Self>) -> Html {
        let t = self.texts();
        let names = self.lang.texts();
        let Some(p) = &self.portfolio else {
            return html! {};
        };
        if p.included == 0 {
            return html! {};
        }
        let (cost, _) = self.currency();
        if !self.one_currency {
            return html! { <p class="notice" data-testid="catalog-mixed">{ t.mixed_currency }</p> };
        }
        let money = |v: Decimal| format::money(v, &cost);
        let count = |v: usize| format::number(v.into(), 0);
        let all_as = |kind: ModelKind| {
            let name = names.model_name(kind).to_owned();
            fill(t.all_as, |i| (i == 0).then(|| name.clone()))
        };
        let tile = |kind: ModelKind| {
            let k = model_index(kind);
            let total = p.totals[k];
            let below = p.best_per_sku - total;
            html! {
                <div class={classes!("total", kind.id())} data-testid={format!("total-{}", kind.id())}>
                    <h3>{ all_as(kind) }</h3>
                    <p class={classes!("amount", (total < Decimal::ZERO).then_some("loss"))}>{ money(total) }</p>
                    <p class="detail">{ fill(if p.best_counts[k] == 1 { t.best_for_one } else { t.best_for }, |i| (i == 0).then(|| count(p.best_counts[k]))) }</p>
                    <p class="detail">{ fill(t.below_mix, |i| (i == 0).then(|| money(below))) }</p>
                </div>
            }
        };
        let versus = self.versus.or(p.best_uniform).unwrap_or(ModelKind::Pop);
        let gain = p.best_per_sku - p.totals[model_index(versus)];
        let on_versus = ctx.link().callback(|e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let kind = ModelKind::ALL
                .into_iter()
                .find(|k| k.id() == select.value())
                .unwrap_or(ModelKind::Pop);
            Msg::Versus(kind)
        });
        let drivers = &p.drivers[model_index(versus)];
        html! {
            <section class="catalog-totals" aria-labelledby="totals-title" data-testid="catalog-totals">
                <h2 id="totals-title">{ t.totals_title }</h2>
                <div class="totals">
                    { for ModelKind::ALL.into_iter().map(tile) }
                    <div class="total best" data-testid="total-best">
                        <h3>{ "★ " }{ t.best_mix }</h3>
                        <p class="amount">{ money(p.best_per_sku) }</p>
                        <p class="detail">{ t.the_most }</p>
                    </div>
                </div>
                if p.excluded > 0 {
                    <p class="excluded" data-testid="catalog-excluded">{ fill(if p.excluded == 1 { t.excluded_one } else { t.excluded }, |i| (i == 0).then(|| count(p.excluded))) }</p>
                }
                <h3 id="drivers-title">{ t.drivers_title }</h3>
                <div class="field select versus">
                    <label for="catalog-versus">{ t.versus }</label>
                    <select id="catalog-versus" data-testid="catalog-versus" onchange={on_versus}>
                        { for ModelKind::ALL.into_iter().map(|k| html! {
                            <option value={k.id()} selected={k == versus}>{ all_as(k) }</option>
                        }) }
                    </select>
                </div>
                if gain.is_zero() || drivers.is_empty() {
                    <p data-testid="catalog-drivers-none">{ fill(t.all_same, |i| (i == 0).then(|| names.model_name(versus).to_owned())) }</p>
                } else {
                    <p>{ fill(t.drivers_intro, |i| match i {
                        0 => Some(money(gain)),
                        1 => Some(all_as(versus)),
                        _ => None,
                    }) }</p>
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="drivers-title">
                        <table class="drivers" data-testid="catalog-drivers">
                            <thead><tr>
                                <th scope="col">{ t.col_product }</th>
                                <th scope="col">{ t.col_best }</th>
                                <th scope="col" class="num">{ t.gain }</th>
                                <th scope="col" class="num">{ t.share }</th>
                            </tr></thead>
                            <tbody>
                                { for drivers.iter().map(|d| {
                                    let share = (d.gain * Decimal::ONE_HUNDRED).checked_div(gain).unwrap_or_default();
                                    let name = product_name(t, &d.name, d.line);
                                    html! { <tr>
                                        <th scope="row">{ name }</th>
                                        <td>{ names.model_name(d.best) }</td>
                                        <td class="num gain">{ "+" }{ money(d.gain) }</td>
                                        <td class="num">{ format::percent(share) }</td>
                                    </tr> }
                                }) }
                            </tbody>
                        </table>
                    </div>
                }
            </section>
        }
    }

    fn bad_rows(&self, ctx: &Context<Self>) -> Html {
        let t = self.texts();
        let Some(file) = &self.file else {
            return html! {};
        };
        if !self.done() {
            return html! {};
        }
        let bad: Vec<usize> = (0..self.results.len())
            .filter(|&i| !self.results[i].ok())
            .collect();
        if bad.is_empty() {
            return html! {};
        }
        let count = |v: usize| format::number(v.into(), 0);
        html! {
            <section class="bad-rows" aria-labelledby="bad-title" data-testid="catalog-bad-rows">
                <h2 id="bad-title">{ fill(if bad.len() == 1 { t.bad_title_one } else { t.bad_title }, |i| (i == 0).then(|| count(bad.len()))) }</h2>
                <p>{ t.bad_intro }</p>
                <ul class="bad-list">
                    { for bad.iter().take(BAD_LISTED).map(|&i| self.bad_row(ctx, file, i)) }
                </ul>
                if bad.len() > BAD_LISTED {
                    <p>{ fill(t.more_bad, |i| (i == 0).then(|| count(bad.len() - BAD_LISTED))) }</p>
                }
            </section>
        }
    }

    fn bad_row(&self, ctx: &Context<Self>, file: &CatalogFile, index: usize) -> Html {
        let t = self.texts();
        let result = &self.results[index];
        let row = &file.rows[index];
        let line = format::number(result.line.into(), 0);
        let title = if result.name.is_empty() {
            fill(t.row, |i| (i == 0).then(|| line.clone()))
        } else {
            fill(t.row_named, |i| match i {
                0 => Some(line.clone()),
                1 => Some(result.name.clone()),
                _ => None,
            })
        };
        // One entry per column (a cell can have several problems), then those not in the file.
        let mut columns: Vec<Option<usize>> = Vec::new();
        for e in &result.errors {
            if !columns.contains(&e.column) {
                columns.push(e.column);
            }
        }
        html! {
            <li class="bad-row" data-testid={format!("bad-row-{}", result.line)}>
                <h3>{ title }</h3>
                { for columns.into_iter().map(|column| {
                    let messages: Vec<String> = result.errors.iter()
                        .filter(|e| e.column == column)
                        .map(|e| error_text(self.lang, &e.error).to_string())
                        .collect();
                    let message = messages.join(" ");
                    match column {
                        Some(c) => {
                            let header = file.columns.get(c).map(|col| col.header.clone()).unwrap_or_default();
                            let id = format!("fix-{}-{c}", result.line);
                            let note_id = format!("{id}-error");
                            let onchange = ctx.link().callback(move |e: Event| {
                                let input: HtmlInputElement = e.target_unchecked_into();
                                Msg::Fix { row: index, column: c, text: input.value() }
                            });
                            html! {
                                <div class="field invalid">
                                    <label for={id.clone()}>{ header }</label>
                                    <div class="control">
                                        <input id={id.clone()} type="text" data-testid={id.clone()}
                                            value={row.cells.get(c).cloned().unwrap_or_default()}
                                            aria-invalid="true" aria-describedby={note_id.clone()} {onchange} />
                                    </div>
                                    <p class="error" id={note_id}>{ message }</p>
                                </div>
                            }
                        }
                        None => {
                            let path = result.errors.iter().find(|e| e.column.is_none()).map(|e| e.error.field.clone()).unwrap_or_default();
                            let label = field_of(&path).map_or(path.clone(), |f| f.label(self.lang).to_owned());
                            html! {
                                <p class="error">{ fill(t.cell_error, |i| match i {
                                    0 => Some(label.clone()),
                                    1 => Some(message.clone()),
                                    _ => None,
                                }) }{ " " }{ t.not_in_file }{ " " }<a href="../">{ t.settings_link }</a></p>
                            }
                        }
                    }
                }) }
                <button type="button" class="tool" onclick={ctx.link().callback(move |_| Msg::ShowRow(index))}>{ t.show_in_table }</button>
            </li>
        }
    }

    fn table(&self, ctx: &Context<Self>) -> Html {
        let t = self.texts();
        if !self.done() || self.results.is_empty() {
            return html! {};
        }
        let link = ctx.link();
        let names = self.lang.texts();
        let on_filter = link.callback(|e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            Msg::Filter(input.value())
        });
        let on_show = link.callback(|e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            Msg::Show(Show::from_value(&select.value()))
        });
        let (cost, sale) = self.currency();
        let target = self.target.map(format::percent_plain).unwrap_or_default();
        let mut columns: Vec<(SortKey, String)> = vec![
            (SortKey::Row, t.col_row.to_owned()),
            (SortKey::Name, t.col_product.to_owned()),
        ];
        match self.view {
            View::Profit => {
                for k in ModelKind::ALL {
                    let name = names.model_name(k).to_owned();
                    columns.push((
                        SortKey::Profit(k),
                        fill(t.col_profit, |i| (i == 0).then(|| name.clone())),
                    ));
                }
                columns.push((SortKey::Best, t.col_best.to_owned()));
                columns.push((SortKey::Ahead, t.col_ahead.to_owned()));
            }
            View::Prices => {
                for k in ModelKind::ALL {
                    let name = names.model_name(k).to_owned();
                    columns.push((
                        SortKey::BreakEven(k),
                        fill(t.col_break_even, |i| (i == 0).then(|| name.clone())),
                    ));
                }
                if self.target.is_some() {
                    for k in ModelKind::ALL {
                        let name = names.model_name(k).to_owned();
                        columns.push((
                            SortKey::Target(k),
                            fill(t.col_target, |i| match i {
                                0 => Some(name.clone()),
                                1 => Some(target.clone()),
                                _ => None,
                            }),
                        ));
                    }
                }
                for (i, k) in [ModelKind::Pop, ModelKind::Semi].into_iter().enumerate() {
                    let name = names.model_name(k).to_owned();
                    columns.push((
                        SortKey::Match(i),
                        fill(t.col_match, |j| (j == 0).then(|| name.clone())),
                    ));
                }
            }
        }
        let rows = self.order.len();
        let first = self.page * PAGE_SIZE;
        let last = (first + PAGE_SIZE).min(rows);
        let count = |v: usize| format::number(v.into(), 0);
        let showing = fill(t.showing, |i| match i {
            0 => Some(count(if rows == 0 { 0 } else { first + 1 })),
            1 => Some(count(last)),
            2 => Some(count(rows)),
            _ => None,
        });
        let pages = table::pages(rows);
        let page = self.page;
        let caption = format!(
            "{} · {}",
            t.table_title,
            if self.view == View::Profit {
                t.view_profit
            } else {
                t.view_prices
            }
        );
        let view_radio = |view: View, label: &'static str, id: &'static str| {
            html! {
                <label class="radio">
                    <input type="radio" name="catalog-view" value={id} data-testid={format!("view-{id}")}
                        checked={self.view == view} onchange={link.callback(move |_| Msg::View(view))} />
                    { label }
                </label>
            }
        };
        html! {
            <section class="catalog-table" aria-labelledby="table-title">
                <h2 id="table-title">{ t.table_title }</h2>
                <div class="table-controls">
                    <div class="field">
                        <label for="catalog-filter">{ t.filter_label }</label>
                        <input id="catalog-filter" type="search" data-testid="catalog-filter"
                            placeholder={t.filter_placeholder} value={self.filter.clone()} oninput={on_filter} />
                    </div>
                    <div class="field select">
                        <label for="catalog-show">{ t.best_filter }</label>
                        <select id="catalog-show" data-testid="catalog-show" onchange={on_show}>
                            <option value="all" selected={self.show == Show::All}>{ t.any }</option>
                            { for ModelKind::ALL.into_iter().map(|k| {
                                let name = names.model_name(k).to_owned();
                                html! {
                                    <option value={k.id()} selected={self.show == Show::Best(k)}>
                                        { fill(t.best_is, |i| (i == 0).then(|| name.clone())) }
                                    </option>
                                }
                            }) }
                            <option value="problems" selected={self.show == Show::Problems}>{ t.problems_only }</option>
                        </select>
                    </div>
                    <fieldset class="view-choice">
                        <legend>{ t.view_label }</legend>
                        { view_radio(View::Profit, t.view_profit, "profit") }
                        { view_radio(View::Prices, t.view_prices, "prices") }
                    </fieldset>
                    <button type="button" class="tool primary export" data-testid="catalog-export"
                        onclick={link.callback(|_| Msg::Download(Download::Results))}>{ t.export }</button>
                </div>
                if self.view == View::Prices {
                    <p class="hint">{ fill(t.prices_note, |i| match i {
                        0 => Some(sale.clone()),
                        1 => Some(cost.clone()),
                        _ => None,
                    }) }</p>
                }
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="sku-caption">
                    <table class="sku-table" data-testid="catalog-table">
                        <caption id="sku-caption" class="visually-hidden">{ caption }</caption>
                        <thead><tr>
                            { for columns.iter().map(|(key, label)| self.header(ctx, *key, label)) }
                        </tr></thead>
                        <tbody>
                            { for self.order[first..last].iter().map(|&i| self.row(ctx, i as usize)) }
                        </tbody>
                    </table>
                </div>
                if rows == 0 {
                    <p class="empty-state" data-testid="catalog-no-match">{ t.no_match }</p>
                }
                <nav class="pager" aria-label={t.table_title}>
                    <button type="button" class="tool" data-testid="catalog-prev" disabled={page == 0}
                        onclick={link.callback(move |_| Msg::Page(page.saturating_sub(1)))}>{ t.previous }</button>
                    <span data-testid="catalog-showing" aria-live="polite">{ showing }</span>
                    <button type="button" class="tool" data-testid="catalog-next" disabled={page + 1 >= pages}
                        onclick={link.callback(move |_| Msg::Page(page + 1))}>{ t.next }</button>
                </nav>
            </section>
        }
    }

    fn header(&self, ctx: &Context<Self>, key: SortKey, label: &str) -> Html {
        let t = self.texts();
        let sorted = self.sort.key == key;
        let aria_sort = match (sorted, self.sort.descending) {
            (false, _) => None,
            (true, false) => Some("ascending"),
            (true, true) => Some("descending"),
        };
        let arrow = match aria_sort {
            Some("ascending") => " ▲",
            Some(_) => " ▼",
            None => "",
        };
        let numeric = !matches!(key, SortKey::Name | SortKey::Best);
        let name = label.to_owned();
        html! {
            <th scope="col" aria-sort={aria_sort} class={classes!(numeric.then_some("num"))}>
                <button type="button" class="sort" data-testid={format!("sort-{}", key.id())}
                    title={fill(t.sort_by, |i| (i == 0).then(|| name.clone()))}
                    onclick={ctx.link().callback(move |_| Msg::Sort(key))}>
                    { label.to_owned() }<span aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    }

    fn row(&self, ctx: &Context<Self>, index: usize) -> Html {
        let t = self.texts();
        let names = self.lang.texts();
        let r = &self.results[index];
        let cost = r.cost_currency.as_str();
        let sale = r.sale_currency.as_str();
        // A dash says why: the row's problem stopped the model, or no positive price reaches it.
        let missing = |computed: bool| {
            let why = if computed { t.no_price } else { t.not_computed };
            html! { <td class="num missing" title={why}>{ "—" }<span class="visually-hidden">{ why }</span></td> }
        };
        let cell = |value: Option<Decimal>, computed: bool, currency: &str, class: &'static str| {
            match value {
                Some(v) => html! {
                    <td class={classes!("num", class, (v < Decimal::ZERO).then_some("loss"))}>{ format::money(v, currency) }</td>
                },
                None => missing(computed),
            }
        };
        let money_cell = |value: Option<Decimal>, currency: &str, class: &'static str| {
            cell(value, false, currency, class)
        };
        let has = |k: ModelKind| r.model(k).is_some();
        let line = format::number(r.line.into(), 0);
        let name = if r.name.is_empty() {
            html! { <span class="muted">{ fill(t.row, |i| (i == 0).then(|| line.clone())) }</span> }
        } else {
            html! { { r.name.clone() } }
        };
        let problem = (!r.ok()).then(|| {
            html! { <span class="row-problem" title={t.problems_only}>{ " ⚠" }<span class="visually-hidden">{ t.problems_only }</span></span> }
        });
        let cells = match self.view {
            View::Profit => html! { <>
                { for ModelKind::ALL.into_iter().map(|k| {
                    let best = r.best == Some(k);
                    money_cell(r.model(k).map(|m| m.monthly_profit), cost, if best { "is-best" } else { "" })
                }) }
                <td>{ r.best.map(|k| format!("★ {}", names.model_name(k))).unwrap_or_else(|| "—".to_owned()) }</td>
                { money_cell(r.advantage, cost, "") }
            </> },
            View::Prices => {
                let currency = |k: ModelKind| if k == ModelKind::Full { cost } else { sale };
                html! { <>
                    { for ModelKind::ALL.into_iter().map(|k| cell(
                        r.model(k).and_then(|m| m.break_even_price).map(price_up), has(k), currency(k), "")) }
                    if self.target.is_some() {
                        { for ModelKind::ALL.into_iter().map(|k| cell(
                            r.model(k).and_then(|m| m.target_price).map(price_up), has(k), currency(k), "")) }
                    }
                    { for r.indifference.iter().zip([ModelKind::Pop, ModelKind::Semi]).map(|(v, k)| {
                        cell(*v, has(k) && has(ModelKind::Full), cost, "")
                    }) }
                </> }
            }
        };
        let _ = ctx;
        html! {
            <tr key={index} class={classes!((self.highlight == Some(index)).then_some("highlight"), (!r.ok()).then_some("has-problem"))}
                data-testid="catalog-row">
                <td class="num">{ line.clone() }</td>
                <th scope="row">{ name }{ problem }</th>
                { cells }
            </tr>
        }
    }
}

/// A product's name, or "Row n" when the file gave none.
fn product_name(t: &CatalogTexts, name: &str, line: usize) -> String {
    if name.is_empty() {
        fill(t.row, |i| (i == 0).then(|| format::number(line.into(), 0)))
    } else {
        name.to_owned()
    }
}

/// A canonical number as the language writes it.
fn state_localized(canonical: &str, lang: Lang) -> String {
    crate::state::localized(canonical, lang)
}

fn set_document_lang(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
    }
}
