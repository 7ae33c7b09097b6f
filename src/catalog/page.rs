//! The catalog page's components: the page, which holds the [`CatalogState`] and runs its slices
//! of work, and its sections, each given the data it shows and a `Callback<Action>`: loading a
//! file, the status, the totals, the rows with problems (fixed in place) and the sortable table.

use sellercalc_engine::{Warning, WarningKind};
use yew::prelude::*;

use super::saved;
use super::state::{initial_lang, Action, CatalogState};
use crate::components::notice::Message;
use crate::components::page_footer::PageFooter;
use crate::components::page_header::{Page, PageHeader};
pub use crate::components::Same;
use crate::format;
use crate::i18n::{self, catalog::CatalogTexts, fill_all, fill_one, Locale};

mod input;
mod report;
mod sku_table;
mod soon;
mod totals;
mod warm;

use input::InputSection;
use report::{BadRows, FileProblems, Progress, SkippedNotice, Status};
use sku_table::SkuTable;
use soon::Soon;
use totals::Totals;

/// The catalog page.
#[function_component]
pub fn CatalogPage() -> Html {
    let state = use_reducer(|| {
        // start() renders once the visitor's pack has been fetched, or has failed to be.
        let wanted = initial_lang();
        CatalogState::start(wanted, i18n::packs::shown(wanted))
    });
    let on: Callback<Action> = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action| dispatcher.dispatch(action))
    };
    use_effect_with(state.lang, |lang| i18n::set_document_lang(*lang));
    use_effect_with((), |()| {
        let warming = warm::warm_up();
        move || drop(warming)
    });
    // The next slice of work, right after the next frame is painted, for the time until about
    // two frames later.
    use_effect_with(state.slice, {
        let on = on.clone();
        move |slice| {
            let next = slice.map(|(generation, _)| {
                Soon::new(move |budget_ms| on.emit(Action::Step(generation, budget_ms)))
            });
            move || drop(next)
        }
    });
    use_effect_with(state.scroll, |scroll| {
        if *scroll > 0 {
            let row = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.query_selector("tr.highlight").ok().flatten());
            if let Some(row) = row {
                row.scroll_into_view_with_bool(false);
            }
        }
    });
    // Takes the "being restored" mark off when the page is left on purpose (a reload, a closed
    // tab): only a page that dies keeps it.
    use_effect_with((), |()| {
        let listener = web_sys::window().map(|window| {
            gloo_events::EventListener::new(&window, "pagehide", |_| saved::restored())
        });
        move || drop(listener)
    });
    let on_lang = on.reform(|lang| {
        i18n::store_lang(lang);
        Action::Lang(lang)
    });
    let on_lang_unavailable = on.reform(Action::LangUnavailable);
    let lang = state.lang;
    let lang_notice = state.lang_unavailable.map(|wanted| {
        // The calculator's notice, written as one line.
        let (text, detail) = Message::LanguageUnavailable(wanted).text(lang);
        let detail = detail.unwrap_or_default();
        AttrValue::from(format!("{text}{}{detail}", i18n::sentence_gap(&text)))
    });
    let policy = state.policy();
    let file = state.file.as_ref().map(Same::from);
    let done = state.done();
    let (cost, sale) = state.currency();
    html! {
        <ContextProvider<Locale> context={state.locale()}>
        <div class="page catalog-page">
            <PageHeader page={Page::Catalog} kind={lang.catalog().title} tagline={lang.catalog().tagline}
                other_page={lang.catalog().back} {lang} {on_lang} {on_lang_unavailable} {lang_notice} />
            <main class="catalog">
                if let Some(skipped) = &state.skipped {
                    <SkippedNotice skipped={Same::from(skipped)} on={on.clone()} />
                }
                <InputSection paste={AttrValue::from(state.paste.clone())} target_text={state.target_text.clone()}
                    base={Same::from(&state.base)} file={file.clone()} policy={policy.id.clone()} on={on.clone()} />
                <Status note={state.note.clone()} encoding={state.encoding} />
                if let Some(file) = &file {
                    <FileProblems file={file.clone()} garbled={state.garbled} base={Same::from(&state.base)} />
                }
                <Progress reading={state.reading} rows={file.as_ref().map(|f| f.rows.len())}
                    computed={state.computed} not_kept={state.not_kept} on={on.clone()} />
                if let Some(portfolio) = &state.portfolio {
                    <Totals portfolio={Same::from(portfolio)} one_currency={state.one_currency}
                        currency={cost.clone()} policy={policy.id.clone()} versus={state.versus} on={on.clone()} />
                }
                if let (Some(file), true) = (&file, done) {
                    <BadRows file={file.clone()} results={Same::from(&state.results)} policy={policy.id.clone()} on={on.clone()} />
                    if !state.results.is_empty() {
                        <SkuTable file={file.clone()} results={Same::from(&state.results)} order={Same::from(&state.order)}
                            base={Same::from(&state.base)} view={state.view} sort={state.sort} filter={state.filter.clone()}
                            show={state.show} page={state.page} target={state.target} highlight={state.highlight}
                            currency={(cost, sale)} on={on.clone()} />
                    }
                }
            </main>
            <PageFooter policy_id={policy.id.clone()} version={policy.version.clone()}
                effective_date={policy.effective_date.clone()} />
        </div>
        </ContextProvider<Locale>>
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
