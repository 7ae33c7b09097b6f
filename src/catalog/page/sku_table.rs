//! The table of every product: controls, sortable headers, rows and pages.

use super::*;

impl CatalogPage {
    pub(super) fn table(&self, ctx: &Context<Self>) -> Html {
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
        let target = self
            .target
            .map(|target| format::percent_plain(&self.locale(), target))
            .unwrap_or_default();
        let mut columns: Vec<(SortKey, String)> = vec![
            (SortKey::Row, t.col_row.to_owned()),
            (SortKey::Name, t.col_product.to_owned()),
        ];
        match self.view {
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
                if self.target.is_some() {
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
        let rows = self.order.len();
        let first = self.page * PAGE_SIZE;
        let last = (first + PAGE_SIZE).min(rows);
        let count = |v: usize| format::number(&self.locale(), v.into(), 0);
        let showing = fill_all(
            t.showing,
            &[
                count(if rows == 0 { 0 } else { first + 1 }),
                count(last),
                count(rows),
            ],
        );
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
                                        { fill_one(t.best_is, &name) }
                                    </option>
                                }
                            }) }
                            <option value="problems" selected={self.show == Show::Problems}>{ t.problems_only }</option>
                            <option value="warnings" selected={self.show == Show::Warnings}>{ t.warnings_only }</option>
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
                    <p class="hint">{ fill_all(t.prices_note, &[sale, cost]) }</p>
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

    pub(super) fn header(&self, ctx: &Context<Self>, key: SortKey, label: &str) -> Html {
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
                    title={fill_one(t.sort_by, &name)}
                    onclick={ctx.link().callback(move |_| Msg::Sort(key))}>
                    { label.to_owned() }<span aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    }

    pub(super) fn row(&self, ctx: &Context<Self>, index: usize) -> Html {
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
                    <td class={classes!("num", class, (v < Decimal::ZERO).then_some("loss"))}>{ format::money(&self.locale(), v, currency) }</td>
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
                        { format::money(&self.locale(), v, currency) }{ " " }{ estimated_mark(t) }
                    </td>
                },
                _ => cell(value, false, currency, class),
            }
        };
        let has = |k: ModelKind| r.model(k).is_some();
        let line = format::number(&self.locale(), r.line.into(), 0);
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
            let locale = self.locale();
            html! {
                <ul class="row-warnings" data-testid="row-warnings">
                    { for r.warnings.iter().map(|w| html! {
                        <li data-code={w.kind.code()}>
                            <span aria-hidden="true">{ "⚠ " }</span>
                            <span class="visually-hidden">{ t.warning_prefix }{ i18n::sentence_gap(t.warning_prefix) }</span>
                            { warning_text(&locale, w) }
                        </li>
                    }) }
                </ul>
            }
        });
        // Main cells left empty: the row took the calculator's value, said on the row itself.
        let defaults: Vec<String> = self
            .file
            .as_ref()
            .and_then(|file| file.rows.get(index).map(|row| (file, row)))
            .map(|(file, row)| {
                let locale = self.locale();
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
                        let value = self.base.value(*input, &locale)?;
                        Some(format!("{} {value}", input_label(self.lang, *input)))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let defaults = (!defaults.is_empty()).then(|| html! {
            <p class="row-defaults" data-testid="row-defaults">
                { fill_one(t.row_defaults, &defaults.join(self.lang.texts().page.clause_separator)) }
            </p>
        });
        let on_estimate = r.rests_on_estimate();
        let cells = match self.view {
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
                <th scope="row">{ name }{ problem }{ warnings }{ defaults }</th>
                { cells }
            </tr>
        }
    }
}
