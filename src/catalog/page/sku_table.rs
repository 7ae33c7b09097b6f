//! The table of every product: controls, sortable headers, rows and pages.

use sellercalc_engine::catalog::{self as cat, CatalogFile, ColumnKind, SkuResult, MAIN_COLUMNS};
use sellercalc_engine::decimal::price_up;
use sellercalc_engine::{Decimal, Field, ModelKind};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::input::offer;
use super::{estimated_mark, shown_name, warning_text, Same};
use crate::catalog::settings::Base;
use crate::catalog::state::{Action, View};
use crate::catalog::table::{self, Show, Sort, SortKey, PAGE_SIZE};
use crate::format;
use crate::i18n::{self, fill, fill_all, fill_one, input_label, use_locale, Locale};

/// Props of [`SkuTable`].
#[derive(Properties, PartialEq)]
pub struct SkuTableProps {
    /// The catalog on screen.
    pub file: Same<CatalogFile>,
    /// Its rows, computed.
    pub results: Same<Vec<Rc<SkuResult>>>,
    /// Indices of the rows shown, in order.
    pub order: Same<Vec<u32>>,
    /// The calculator's inputs, which stand in for empty cells.
    pub base: Same<Base>,
    /// Which columns.
    pub view: View,
    /// The sort.
    pub sort: Sort,
    /// The name filter.
    pub filter: String,
    /// Which rows.
    pub show: Show,
    /// The page of the table.
    pub page: usize,
    /// The target margin, if valid.
    pub target: Option<Decimal>,
    /// A row to highlight.
    pub highlight: Option<usize>,
    /// The cost and sale currencies.
    pub currency: (String, String),
    /// Where the table's controls go.
    pub on: Callback<Action>,
}

/// The table of every product: controls, sortable headers, rows and pages.
#[function_component]
pub fn SkuTable(props: &SkuTableProps) -> Html {
    let locale = use_locale();
    let lang = locale.lang;
    let t = lang.catalog();
    let on = &props.on;
    let names = lang.texts();
    let on_filter = on.reform(|e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::Filter(input.value())
    });
    let on_show = on.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        Action::Show(Show::from_value(&select.value()))
    });
    let (cost, sale) = props.currency.clone();
    let export = {
        let (on, results, target) = (on.clone(), props.results.clone(), props.target);
        Callback::from(move |_| offer(&on, cat::RESULTS_FILE, &cat::results_csv(&results, target)))
    };
    let target = props
        .target
        .map(|target| format::percent_plain(&locale, target))
        .unwrap_or_default();
    let mut columns: Vec<(SortKey, String)> = vec![
        (SortKey::Row, t.col_row.to_owned()),
        (SortKey::Name, t.col_product.to_owned()),
    ];
    match props.view {
        View::Profit => {
            for k in ModelKind::ALL {
                let name = names.model_name(k).to_owned();
                columns.push((SortKey::Profit(k), fill_one(t.col_profit, &name)));
            }
            columns.push((SortKey::Best, t.col_best.to_owned()));
            columns.push((SortKey::Ahead, t.col_ahead.to_owned()));
        }
        View::Prices => {
            for k in ModelKind::ALL {
                let name = names.model_name(k).to_owned();
                columns.push((SortKey::BreakEven(k), fill_one(t.col_break_even, &name)));
            }
            if props.target.is_some() {
                for k in ModelKind::ALL {
                    let name = names.model_name(k).to_owned();
                    columns.push((
                        SortKey::Target(k),
                        fill_all(t.col_target, &[name.as_str(), &target]),
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
    let rows = props.order.len();
    let first = props.page * PAGE_SIZE;
    let last = (first + PAGE_SIZE).min(rows);
    let count = |v: usize| format::number(&locale, v.into(), 0);
    let showing = fill_all(
        t.showing,
        &[
            count(if rows == 0 { 0 } else { first + 1 }),
            count(last),
            count(rows),
        ],
    );
    let pages = table::pages(rows);
    let page = props.page;
    let caption = format!(
        "{} · {}",
        t.table_title,
        if props.view == View::Profit {
            t.view_profit
        } else {
            t.view_prices
        }
    );
    let view_radio = |view: View, label: &'static str, id: &'static str| {
        html! {
            <label class="radio">
                <input type="radio" name="catalog-view" value={id} data-testid={format!("view-{id}")}
                    checked={props.view == view} onchange={on.reform(move |_| Action::View(view))} />
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
                        placeholder={t.filter_placeholder} value={props.filter.clone()} oninput={on_filter} />
                </div>
                <div class="field select">
                    <label for="catalog-show">{ t.best_filter }</label>
                    <select id="catalog-show" data-testid="catalog-show" onchange={on_show}>
                        <option value="all" selected={props.show == Show::All}>{ t.any }</option>
                        { for ModelKind::ALL.into_iter().map(|k| {
                            let name = names.model_name(k).to_owned();
                            html! {
                                <option value={k.id()} selected={props.show == Show::Best(k)}>
                                    { fill_one(t.best_is, &name) }
                                </option>
                            }
                        }) }
                        <option value="problems" selected={props.show == Show::Problems}>{ t.problems_only }</option>
                        <option value="warnings" selected={props.show == Show::Warnings}>{ t.warnings_only }</option>
                    </select>
                </div>
                <fieldset class="view-choice">
                    <legend>{ t.view_label }</legend>
                    { view_radio(View::Profit, t.view_profit, "profit") }
                    { view_radio(View::Prices, t.view_prices, "prices") }
                </fieldset>
                <button type="button" class="tool primary export" data-testid="catalog-export"
                    onclick={export}>{ t.export }</button>
            </div>
            if props.view == View::Prices {
                <p class="hint">{ fill_all(t.prices_note, &[sale, cost]) }</p>
            }
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="sku-caption">
                <table class="sku-table" data-testid="catalog-table">
                    <caption id="sku-caption" class="visually-hidden">{ caption }</caption>
                    <thead><tr>
                        { for columns.iter().map(|(key, label)| header(props, &locale, *key, label)) }
                    </tr></thead>
                    <tbody>
                        { for props.order[first..last].iter().map(|&i| row(props, &locale, i as usize)) }
                    </tbody>
                </table>
            </div>
            if rows == 0 {
                <p class="empty-state" data-testid="catalog-no-match">{ t.no_match }</p>
            }
            <nav class="pager" aria-label={t.table_title}>
                <button type="button" class="tool" data-testid="catalog-prev" disabled={page == 0}
                    onclick={on.reform(move |_| Action::Page(page.saturating_sub(1)))}>{ t.previous }</button>
                <span data-testid="catalog-showing" aria-live="polite">{ showing }</span>
                <button type="button" class="tool" data-testid="catalog-next" disabled={page + 1 >= pages}
                    onclick={on.reform(move |_| Action::Page(page + 1))}>{ t.next }</button>
            </nav>
        </section>
    }
}

/// A column's header: a button that sorts by it, and which way the table is sorted.
fn header(props: &SkuTableProps, locale: &Locale, key: SortKey, label: &str) -> Html {
    let t = locale.lang.catalog();
    let sorted = props.sort.key == key;
    let aria_sort = match (sorted, props.sort.descending) {
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
                title={fill_one(t.sort_by, &name)}
                onclick={props.on.reform(move |_| Action::Sort(key))}>
                { label.to_owned() }<span aria-hidden="true">{ arrow }</span>
            </button>
        </th>
    }
}

/// A product's row.
fn row(props: &SkuTableProps, locale: &Locale, index: usize) -> Html {
    let lang = locale.lang;
    let t = lang.catalog();
    let names = lang.texts();
    let r = &props.results[index];
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
                <td class={classes!("num", class, (v < Decimal::ZERO).then_some("loss"))}>{ format::money(locale, v, currency) }</td>
            },
            None => missing(computed),
        }
    };
    // A profit; marked when it rests on the estimated supply price.
    let money_cell = |value: Option<Decimal>,
                      currency: &str,
                      class: &'static str,
                      estimated: bool| {
        match value {
            Some(v) if estimated => html! {
                <td class={classes!("num", class, (v < Decimal::ZERO).then_some("loss"))}>
                    { format::money(locale, v, currency) }{ " " }{ estimated_mark(t) }
                </td>
            },
            _ => cell(value, false, currency, class),
        }
    };
    let has = |k: ModelKind| r.model(k).is_some();
    let line = format::number(locale, r.line.into(), 0);
    let name = if r.name.is_empty() {
        html! { <span class="muted">{ fill_one(t.row, &line) }</span> }
    } else {
        html! { { shown_name(&r.name) } }
    };
    let problem = (!r.ok()).then(|| {
            html! { <span class="row-problem" title={t.problems_only}>{ " ⚠" }<span class="visually-hidden">{ t.problems_only }</span></span> }
        });
    // Valid but probably not meant, or never entered: said on the row, in words.
    let warnings = (!r.warnings.is_empty()).then(|| {
            html! {
                <ul class="row-warnings" data-testid="row-warnings">
                    { for r.warnings.iter().map(|w| html! {
                        <li data-code={w.kind.code()}>
                            <span aria-hidden="true">{ "⚠ " }</span>
                            <span class="visually-hidden">{ t.warning_prefix }{ i18n::sentence_gap(t.warning_prefix) }</span>
                            { warning_text(locale, w) }
                        </li>
                    }) }
                </ul>
            }
        });
    // Main cells left empty: the row took the calculator's value, said on the row itself.
    let file = &props.file;
    let defaults: Vec<String> = file
        .rows
        .get(index)
        .map(|row| {
            MAIN_COLUMNS
                .iter()
                .filter_map(|(kind, _)| {
                    let ColumnKind::Field(Field::Input(input)) = kind else {
                        return None;
                    };
                    // No column at all is said once, above the table.
                    let cell = file.cell(row, kind)?;
                    if !cell.trim().is_empty() {
                        return None;
                    }
                    let value = props.base.value(*input, locale)?;
                    Some(format!("{} {value}", input_label(lang, *input)))
                })
                .collect()
        })
        .unwrap_or_default();
    let defaults = (!defaults.is_empty()).then(|| {
        html! {
            <p class="row-defaults" data-testid="row-defaults">
                { fill_one(t.row_defaults, &defaults.join(names.page.clause_separator)) }
            </p>
        }
    });
    let on_estimate = r.rests_on_estimate();
    let cells = match props.view {
        View::Profit => html! { <>
            { for ModelKind::ALL.into_iter().map(|k| {
                let best = r.best == Some(k);
                let estimated = k == ModelKind::Full && r.supply_estimated;
                money_cell(r.model(k).map(|m| m.monthly_profit), cost, if best { "is-best" } else { "" }, estimated)
            }) }
            <td>
                { r.best.map(|k| format!("★ {}", names.model_name(k))).unwrap_or_else(|| "—".to_owned()) }
                if on_estimate { { " " }{ estimated_mark(t) } }
            </td>
            { money_cell(r.advantage, cost, "", on_estimate) }
        </> },
        View::Prices => {
            let currency = |k: ModelKind| if k == ModelKind::Full { cost } else { sale };
            html! { <>
                { for ModelKind::ALL.into_iter().map(|k| cell(
                    r.model(k).and_then(|m| m.break_even_price).map(price_up), has(k), currency(k), "")) }
                if props.target.is_some() {
                    { for ModelKind::ALL.into_iter().map(|k| cell(
                        r.model(k).and_then(|m| m.target_price).map(price_up), has(k), currency(k), "")) }
                }
                { for r.indifference.iter().zip([ModelKind::Pop, ModelKind::Semi]).map(|(v, k)| {
                    cell(*v, has(k) && has(ModelKind::Full), cost, "")
                }) }
            </> }
        }
    };
    html! {
        <tr key={index} class={classes!((props.highlight == Some(index)).then_some("highlight"), (!r.ok()).then_some("has-problem"))}
            data-testid="catalog-row">
            <td class="num">{ line.clone() }</td>
            <th scope="row">{ name }{ problem }{ warnings }{ defaults }</th>
            { cells }
        </tr>
    }
}
