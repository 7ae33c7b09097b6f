//! The A/B comparison: the pinned scenario A beside the current inputs B, per model, with the
//! difference B − A of each figure and the inputs that differ ("your price now vs. 10% lower").

use sellercalc_engine::decimal::{parse_decimal, plain_text, price_up, round_to};
use sellercalc_engine::{Comparison, Decimal, Input, ModelKind, ModelResult, PolicySet, Unit};
use yew::prelude::*;

use crate::components::model_card::profit;
use crate::components::Same;
use crate::format;
use crate::i18n::share::{fill_one, share_texts, ShareTexts};
use crate::i18n::{
    around, category_name, destination_name, fill, input_label, texts, use_locale, value_label,
    value_unit, Lang, Locale, Texts,
};
use crate::state::{Action, Pinned, Snapshot};
use crate::storage;

/// What stands for a figure that does not exist; the same in every language.
const MISSING: &str = "—";

/// A figure compared between A and B.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Figure {
    MonthlyProfit,
    ProfitPerUnit,
    Margin,
    BreakEven,
    DaysToCash,
}

impl Figure {
    const ALL: [Figure; 5] = [
        Figure::MonthlyProfit,
        Figure::ProfitPerUnit,
        Figure::Margin,
        Figure::BreakEven,
        Figure::DaysToCash,
    ];

    fn key(self) -> &'static str {
        match self {
            Figure::MonthlyProfit => "monthly-profit",
            Figure::ProfitPerUnit => "profit-per-unit",
            Figure::Margin => "margin",
            Figure::BreakEven => "break-even",
            Figure::DaysToCash => "days-to-cash",
        }
    }

    /// The row's label: the card's own words for the same figure.
    fn label(self, kind: ModelKind, t: &Texts, s: &ShareTexts) -> &'static str {
        let c = &t.card;
        match self {
            Figure::MonthlyProfit => s.profit_a_month,
            Figure::ProfitPerUnit => c.profit_per_unit,
            Figure::Margin => c.margin,
            Figure::BreakEven if kind == ModelKind::Full => c.break_even_supply,
            Figure::BreakEven => c.break_even,
            Figure::DaysToCash => c.money_back_in,
        }
    }

    /// Whether more is better for the seller: more profit, but a lower break-even and less waiting.
    fn more_is_better(self) -> bool {
        matches!(
            self,
            Figure::MonthlyProfit | Figure::ProfitPerUnit | Figure::Margin
        )
    }

    /// The figure as the page shows it, rounded the same way, with its currency (if money).
    fn value(self, m: &ModelResult, cost_currency: &str) -> Option<(Decimal, Option<String>)> {
        let cost = Some(cost_currency.to_owned());
        Some(match self {
            Figure::MonthlyProfit => (round_to(m.monthly_profit, 2), cost),
            Figure::ProfitPerUnit => (round_to(m.profit_per_unit, 2), cost),
            Figure::Margin => (round_to(m.margin_pct, 1), None),
            // Rounded up, as on the cards: selling at the shown price never loses money.
            Figure::BreakEven => (
                price_up(m.break_even_price?),
                Some(m.break_even_currency.clone()),
            ),
            Figure::DaysToCash => (round_to(m.cash.days_to_cash, 0), None),
        })
    }

    fn show(self, locale: &Locale, value: Decimal, currency: Option<&str>, t: &Texts) -> String {
        match (self, currency) {
            (Figure::Margin, _) => format::percent(locale, value),
            (Figure::DaysToCash, _) => {
                t.days(&format::number(locale, value, 0), value == Decimal::ONE)
            }
            (_, Some(currency)) => format::money(locale, value, currency),
            (_, None) => format::number(locale, value, 2),
        }
    }

    /// A difference with its sign spelled out, never by colour alone: `+¥120.00`, `−3 days`.
    fn show_difference(
        self,
        locale: &Locale,
        difference: Decimal,
        currency: Option<&str>,
        t: &Texts,
        s: &ShareTexts,
    ) -> String {
        let sign = if difference.is_sign_negative() {
            "−"
        } else {
            "+"
        };
        let size = difference.abs();
        let amount = match (self, currency) {
            // One format for every row: "+7.0 pts" beside "+6.9 pts", not "+7 pts".
            (Figure::Margin, _) => fill_one(s.points, &format::fixed(locale, size, 1)),
            (Figure::DaysToCash, _) => {
                t.days(&format::number(locale, size, 0), size == Decimal::ONE)
            }
            (_, Some(currency)) => format::money(locale, size, currency),
            (_, None) => format::number(locale, size, 2),
        };
        format!("{sign}{amount}")
    }
}

/// The unit an input is in, in `lang`: a currency code, `%`, grams, units. (Exports keep their
/// own English units: see `export::field_unit`.)
fn with_unit(field: Input, snapshot: &Snapshot, number: String, lang: Lang) -> String {
    let (t, s) = (texts(lang), share_texts(lang));
    let text = |f: Input| snapshot.form.get(&f).cloned().unwrap_or_default();
    let currency = |code: String| format!("{number} {code}");
    match field.unit() {
        Unit::CostMoney => currency(text(Input::CostCurrency)),
        Unit::SaleMoney => currency(text(Input::SaleCurrency)),
        Unit::ExchangeRate => {
            let codes = [text(Input::CostCurrency), text(Input::SaleCurrency)];
            format!("{number} {}", fill(s.rate_unit, |i| codes.get(i).cloned()))
        }
        Unit::Grams => format!("{number} {}", t.inputs.grams),
        Unit::Percent => fill_one(s.percent, &number),
        Unit::Units => fill_one(t.volume.units, &number),
        _ => number,
    }
}

/// How an input's text reads in the list of differences: names for choices, units for amounts.
fn shown_input(
    field: Input,
    snapshot: &Snapshot,
    policy: Option<&PolicySet>,
    lang: Lang,
) -> String {
    let (t, s) = (texts(lang), share_texts(lang));
    let text = snapshot.form.get(&field).map_or("", String::as_str);
    let named = match field {
        Input::Category => policy
            .and_then(|p| p.category(text))
            .map(|c| category_name(t, &c.id, &c.name).to_owned()),
        Input::Destination => policy
            .and_then(|p| p.destination(text))
            .map(|d| destination_name(lang, &d.code, &d.name)),
        Input::SemiMode => match text {
            "warehouse" => Some(s.mode_warehouse.to_owned()),
            "jit" => Some(s.mode_jit.to_owned()),
            _ => None,
        },
        Input::SemiPopular => Some(if text == "true" { s.yes } else { s.no }.to_owned()),
        _ => None,
    };
    if let Some(name) = named {
        return name;
    }
    if text.trim().is_empty() {
        return s.empty.to_owned();
    }
    with_unit(
        field,
        snapshot,
        crate::format::editable_text(lang, text),
        lang,
    )
}

/// "Sale price 12.99 USD → 11.69 USD" for each input and policy value that differs, in `lang`.
fn differences(a: &Snapshot, b: &Snapshot, policy: Option<&PolicySet>, lang: Lang) -> Vec<String> {
    let (t, s) = (texts(lang), share_texts(lang));
    let mut out = Vec::new();
    for field in Input::ALL {
        if a.form.get(&field) != b.form.get(&field) {
            let parts = [
                input_label(lang, field).to_owned(),
                shown_input(field, a, policy, lang),
                shown_input(field, b, policy, lang),
            ];
            out.push(fill(s.input_difference, |i| parts.get(i).cloned()));
        }
    }
    // The fees each was worked out with, by their dates.
    if a.policy != b.policy {
        let when = |s: &Snapshot| {
            let date = PolicySet::find(&s.policy).map_or(s.policy.clone(), |p| {
                crate::format::date(&crate::i18n::Locale::new(lang), &p.effective_date)
            });
            fill(t.policy.older_option, |i| (i == 0).then(|| date.clone()))
        };
        let parts = [t.policy.choose_set.to_owned(), when(a), when(b)];
        out.push(fill(s.input_difference, |i| parts.get(i).cloned()));
    }
    let Some(policy) = policy else {
        return out;
    };
    let ids = a.assumptions.keys().chain(b.assumptions.keys());
    let mut seen: Vec<&String> = Vec::new();
    for id in ids {
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        let Some(spec) = policy.value(id) else {
            continue;
        };
        let default = plain_text(spec.default);
        let side = |s: &Snapshot| {
            s.assumptions
                .get(id)
                .cloned()
                .unwrap_or_else(|| default.clone())
        };
        let (text_a, text_b) = (side(a), side(b));
        let same = match (parse_decimal(&text_a), parse_decimal(&text_b)) {
            (Ok(x), Ok(y)) => x == y,
            _ => text_a == text_b,
        };
        if !same {
            let category = |id: &str| {
                let english = policy.category(id).map_or(id, |c| c.name.as_str());
                category_name(t, id, english).to_owned()
            };
            let destination = |code: &str| {
                let english = policy.destination(code).map_or("", |d| d.name.as_str());
                destination_name(lang, code, english)
            };
            let parts = [
                value_label(lang, spec, category, destination),
                crate::format::editable_text(lang, &text_a),
                crate::format::editable_text(lang, &text_b),
                value_unit(t, &spec.unit),
            ];
            out.push(fill(s.value_difference, |i| parts.get(i).cloned()));
        }
    }
    out
}

/// The most changed policy values a printout lists; the link holds the rest.
const PRINTED_CHANGES: usize = 6;

/// The printout's date, today's in `lang` (print-only); none in the build-time prerender, which
/// has no browser. A `Date` and, but in English, `Intl`'s date data: the share bar makes it with
/// the printout, a frame after a change, not in a keystroke's render.
pub fn print_date(lang: Lang) -> String {
    if !cfg!(target_arch = "wasm32") {
        String::new()
    } else if lang == Lang::En {
        let now = js_sys::Date::new_0();
        crate::format::english::long_date(now.get_full_year(), now.get_month() + 1, now.get_date())
    } else {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
        String::from(js_sys::Date::new_0().to_locale_date_string(lang.code(), &options))
    }
}

/// The printout's account of the scenario (issue #16, item 6), above the results on paper only:
/// the inputs a proposal names (product, prices, volume, market, mode), the policy values
/// changed from the fees' own (the first few, then how many more the link holds) and the date.
/// A plain function, not a component: it is only ever printed.
pub fn print_inputs(current: &Snapshot, policy: &PolicySet, lang: Lang, today: &str) -> Html {
    let (t, s) = (texts(lang), share_texts(lang));
    let mut fields = vec![
        Input::Category,
        Input::UnitCost,
        Input::Packaging,
        Input::WeightG,
        Input::Price,
    ];
    if !current
        .form
        .get(&Input::SemiPrice)
        .is_none_or(|p| p.trim().is_empty())
    {
        fields.push(Input::SemiPrice);
    }
    fields.extend([
        Input::MonthlyUnits,
        Input::Destination,
        Input::ReturnRate,
        Input::SemiMode,
        Input::SupplyPrice,
    ]);
    let rows = fields.into_iter().map(|field| {
        let value = match field {
            Input::SupplyPrice if current.form.get(&field).is_none_or(|p| p.trim().is_empty()) => {
                s.print_estimated.to_owned()
            }
            Input::SemiMode => match current.form.get(&field).map(String::as_str) {
                Some("jit") => t.inputs.mode_jit.to_owned(),
                _ => t.inputs.mode_warehouse.to_owned(),
            },
            _ => shown_input(field, current, Some(policy), lang),
        };
        html! { <div><dt>{ input_label(lang, field) }</dt><dd>{ value }</dd></div> }
    });
    // The changed policy values, each "label default → value".
    let base = Snapshot {
        assumptions: Default::default(),
        ..current.clone()
    };
    let changes = differences(&base, current, Some(policy), lang);
    let more = changes.len().saturating_sub(PRINTED_CHANGES);
    html! {
        <section class="print-only print-inputs" data-testid="print-inputs">
            <h2>{ s.print_title }</h2>
            <dl>{ for rows }</dl>
            if !changes.is_empty() {
                <p class="print-changes">
                    <strong>{ s.print_changed }</strong>{ " " }
                    { changes.iter().take(PRINTED_CHANGES).cloned().collect::<Vec<_>>().join(t.page.clause_separator) }
                    if more > 0 {
                        { t.page.clause_separator }{ fill_one(s.print_more, &more.to_string()) }
                    }
                </p>
            }
            <p class="print-date">{ fill_one(s.print_date, today) }</p>
        </section>
    }
}

/// Props of [`AbCompare`].
#[derive(Properties, PartialEq)]
pub struct AbCompareProps {
    /// Scenario A.
    pub pinned: Same<Pinned>,
    /// Scenario B, the current inputs, as links and saves hold them.
    pub current: Snapshot,
    /// B's comparison.
    pub comparison: Same<Comparison>,
    /// Where `Unpin` and `Load` go.
    pub on: Callback<Action>,
}

/// Both scenarios side by side, with their differences.
#[function_component]
pub fn AbCompare(props: &AbCompareProps) -> Html {
    let locale = use_locale();
    let lang = locale.lang;
    let (t, s) = (texts(lang), share_texts(lang));
    let pinned = &props.pinned;
    let on_unpin = props.on.reform(|_: MouseEvent| Action::Unpin);
    let on_restore = {
        let snapshot = pinned.snapshot.clone();
        props
            .on
            .reform(move |_: MouseEvent| Action::Load(snapshot.clone()))
    };
    let a: &Comparison = &pinned.comparison;
    let b: &Comparison = &props.comparison;
    let current = &props.current;
    // The columns carry the scenarios' names: A's if a saved scenario was pinned, B's if the
    // inputs are a saved scenario as it was saved.
    let b_name = storage::load_library().ok().and_then(|library| {
        library
            .scenarios
            .into_iter()
            .find(|saved| saved.snapshot == *current)
            .map(|saved| saved.name)
    });
    // (Test ids spelled out: `to_lowercase` would bring Unicode's case tables, +12 KB gzip.)
    let head = |letter: &'static str, test_id: &'static str, name: Option<&str>| {
        html! {
            <th scope="col" data-testid={test_id}>
                { letter }
                if let Some(name) = name {
                    <span class="ab-name">{ name.to_owned() }</span>
                }
            </th>
        }
    };
    let changed = differences(
        &pinned.snapshot,
        current,
        PolicySet::find(&b.policy_id),
        lang,
    );
    let best = |c: &Comparison| c.best().map_or(MISSING, |k| t.model_name(k));

    let row = |kind: ModelKind, figure: Figure| {
        let value_a = a
            .model(kind)
            .and_then(|m| figure.value(m, &a.scenario.currency.cost));
        let value_b = b
            .model(kind)
            .and_then(|m| figure.value(m, &b.scenario.currency.cost));
        let (change, class) = match (&value_a, &value_b) {
            (Some((x, cx)), Some((y, cy))) if cx == cy => {
                let difference = y.checked_sub(*x).unwrap_or_default();
                if difference.is_zero() {
                    (s.no_change.to_owned(), "same")
                } else {
                    let up = difference.is_sign_positive();
                    let arrow = if up { "▲ " } else { "▼ " };
                    let good = up == figure.more_is_better();
                    (
                        format!(
                            "{arrow}{}",
                            figure.show_difference(&locale, difference, cy.as_deref(), t, s)
                        ),
                        if good { "better" } else { "worse" },
                    )
                }
            }
            (Some(_), Some(_)) => (s.other_currency.to_owned(), "same"),
            _ => (MISSING.to_owned(), "same"),
        };
        // A model that was computed has every figure but a break-even price, which may not exist.
        // Profits read as on the cards: a loss in the loss colour, with its ▼.
        let show = |c: &Comparison, v: &Option<(Decimal, Option<String>)>| match v {
            Some((value, currency)) => {
                let shown = figure.show(&locale, *value, currency.as_deref(), t);
                if figure.more_is_better() {
                    profit(&shown, *value)
                } else {
                    html! { { shown } }
                }
            }
            None if c.model(kind).is_some() => html! { { t.card.none } },
            None => html! { { MISSING } },
        };
        html! {
            <tr data-testid={format!("ab-{}-{}", kind.id(), figure.key())}>
                <th scope="row">{ figure.label(kind, t, s) }</th>
                <td data-col="a">{ show(a, &value_a) }</td>
                <td data-col="b">{ show(b, &value_b) }</td>
                <td data-col="change" class={classes!("ab-change", class)}>{ change }</td>
            </tr>
        }
    };

    let (before, after) = around(s.differs);
    html! {
        <section class="ab" aria-labelledby="ab-title" data-testid="ab-compare">
            <div class="ab-head">
                <h2 id="ab-title">{ s.ab_title }</h2>
                <div class="ab-tools">
                    <button type="button" class="tool" data-testid="restore-a" onclick={on_restore}>{ s.restore }</button>
                    <button type="button" class="tool" data-testid="unpin" onclick={on_unpin}>{ s.unpin }</button>
                </div>
            </div>
            <p class="ab-changes" data-testid="ab-changes">
                if changed.is_empty() {
                    { s.nothing_differs }
                } else {
                    <strong>{ before }</strong>
                    { for changed.iter().enumerate().map(|(i, c)| html! {
                        <>
                            if i > 0 { { t.page.clause_separator } }
                            <span class="ab-diff">{ c.clone() }</span>
                        </>
                    }) }
                    { after }
                }
            </p>
            <div class="ab-scroll">
                <table class="ab-table">
                    <caption class="visually-hidden">{ s.ab_caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ s.figure }</th>
                            { head("A", "ab-head-a", pinned.name.as_deref()) }
                            { head("B", "ab-head-b", b_name.as_deref()) }
                            <th scope="col">{ "B − A" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        <tr class="ab-best" data-testid="ab-best">
                            <th scope="row">{ t.card.best }</th>
                            <td data-col="a">{ best(a) }</td>
                            <td data-col="b">{ best(b) }</td>
                            <td></td>
                        </tr>
                    </tbody>
                    { for ModelKind::ALL.into_iter().map(|kind| html! {
                        <tbody class={classes!("ab-model", kind.id())}>
                            <tr class="ab-model-head">
                                <th scope="rowgroup" colspan="4">{ t.model_name(kind) }</th>
                            </tr>
                            { for Figure::ALL.into_iter().map(|figure| row(kind, figure)) }
                        </tbody>
                    }) }
                </table>
            </div>
        </section>
    }
}
