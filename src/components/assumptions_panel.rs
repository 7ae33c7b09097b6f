//! The assumptions panel: every policy value, editable, with its source.
//!
//! The panel re-renders on every keystroke anywhere on the page, so everything that only the policy
//! set and the language decide (labels, units, notes, sources, default texts, grouping, which notes
//! to show) is computed once per policy, language, destination, category and sale currency, and
//! each value is its own [`AssumptionRow`] with plain, already translated props, which Yew skips
//! unless that value changed.

use std::collections::BTreeMap;

use sellercalc_engine::{Comparison, Field, FieldError, PolicySet, PolicyValue};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::field::{error_text, issue_text};
use crate::components::Same;
use crate::format;
use crate::i18n::{
    around, category_name, destination_name, fill, sentence_gap, source_text, texts, use_locale,
    value_label, value_note, value_unit, AssumptionTexts, Lang, Locale,
};
use crate::rate_sheet::Loaded;
use crate::state::{self, Action};

/// Props of [`AssumptionsPanel`].
#[derive(Properties, PartialEq)]
pub struct AssumptionsPanelProps {
    /// What the rows depend on in the scenario: its market, category and sale currency.
    pub scenario: Where,
    /// The comparison's errors at policy values (rarely any).
    pub errors: Vec<FieldError>,
    /// The seller's rate sheet in use, if any (its rates show in place of the policy's).
    pub sheet: Option<Same<Loaded>>,
    /// The policy values the user changed, by id, as typed.
    pub assumptions: BTreeMap<String, String>,
    /// The id of the set of fees in use.
    pub policy: AttrValue,
    /// Where `SetAssumption`, `ResetAssumption` and `ResetAssumptions` go.
    pub on: Callback<Action>,
}

/// What the panel's rows depend on in the scenario. The panel takes this, not the comparison, so
/// that a keystroke in another input (a new comparison, the same market, category and currency)
/// leaves its props equal and Yew skips its ~100 rows (issue #17, keystroke).
#[derive(Clone, Debug, PartialEq)]
pub struct Where {
    pub destination: AttrValue,
    pub category: AttrValue,
    pub sale: AttrValue,
}

impl Where {
    /// The panel's props from `comparison`: where it applies and its errors at policy values.
    pub fn of(comparison: &Comparison) -> (Where, Vec<FieldError>) {
        let scenario = &comparison.scenario;
        let errors = comparison
            .errors
            .iter()
            .filter(|e| matches!(e.field, Field::Assumption(_)))
            .cloned()
            .collect();
        (
            Where {
                destination: AttrValue::from(scenario.destination.clone()),
                category: AttrValue::from(scenario.product.category.clone()),
                sale: AttrValue::from(scenario.currency.sale.clone()),
            },
            errors,
        )
    }
}

/// The groups of the panel, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Group {
    Commission,
    PostagePop,
    PostageChoice,
    FirstMile,
    Warehouse,
    AdvanceTraffic,
    Returns,
    Timing,
    Payment,
    ExchangeRates,
    Other,
}

impl Group {
    const ALL: [Group; 11] = [
        Group::Commission,
        Group::PostagePop,
        Group::PostageChoice,
        Group::FirstMile,
        Group::Warehouse,
        Group::AdvanceTraffic,
        Group::Returns,
        Group::Timing,
        Group::Payment,
        Group::ExchangeRates,
        Group::Other,
    ];

    fn of(id: &str) -> Group {
        match id {
            _ if id.starts_with("commission.") => Group::Commission,
            _ if id.starts_with("semi.") && id.ends_with("commission_waiver") => Group::Commission,
            _ if id.starts_with("postage.standard.") || id.starts_with("postage.economy.") => {
                Group::PostagePop
            }
            _ if id.starts_with("logistics.standard.") || id.starts_with("logistics.economy.") => {
                Group::PostagePop
            }
            _ if id.starts_with("postage.choice.") || id.starts_with("logistics.choice.") => {
                Group::PostageChoice
            }
            _ if id.starts_with("first_mile.") => Group::FirstMile,
            _ if id.starts_with("warehouse.") => Group::Warehouse,
            "semi.advance_payment" | "choice.traffic_uplift" => Group::AdvanceTraffic,
            _ if id.starts_with("returns.") => Group::Returns,
            _ if id.starts_with("days.") => Group::Timing,
            _ if id.starts_with("payment.") => Group::Payment,
            _ if id.starts_with("fx.") => Group::ExchangeRates,
            _ => Group::Other,
        }
    }

    /// A stable name for tests and styles.
    fn slug(self) -> &'static str {
        match self {
            Group::Commission => "commission",
            Group::PostagePop => "postage-pop",
            Group::PostageChoice => "postage-choice",
            Group::FirstMile => "first-mile",
            Group::Warehouse => "warehouse",
            Group::AdvanceTraffic => "advance-traffic",
            Group::Returns => "returns",
            Group::Timing => "timing",
            Group::Payment => "payment",
            Group::ExchangeRates => "exchange-rates",
            Group::Other => "other",
        }
    }

    fn title(self, words: &AssumptionTexts) -> &'static str {
        words.group(self.slug()).unwrap_or(words.group_other)
    }

    /// The heading of the nested list that holds the values not about the current scenario.
    fn more_title(self, words: &AssumptionTexts) -> &'static str {
        match self {
            Group::Commission => words.other_categories,
            _ => words.other_destinations,
        }
    }
}

/// Where a row's note (or source) text is on the page: in the row itself, or in an earlier row of
/// the same list with the same text, so that a note shared by twelve values shows once.
#[derive(Clone, Default, PartialEq)]
struct Mention {
    /// The element that holds the text; `None` when there is no text.
    id: Option<AttrValue>,
    /// Whether this row shows the text itself.
    here: bool,
}

impl Mention {
    fn of(seen: &mut Vec<(&'static str, AttrValue)>, text: &'static str, id: String) -> Mention {
        if text.is_empty() {
            return Mention::default();
        }
        if let Some((_, earlier)) = seen.iter().find(|(seen_text, _)| *seen_text == text) {
            return Mention {
                id: Some(earlier.clone()),
                here: false,
            };
        }
        let id = AttrValue::from(id);
        seen.push((text, id.clone()));
        Mention {
            id: Some(id),
            here: true,
        }
    }
}

/// What a row shows that only the policy set and the language decide.
#[derive(Clone)]
struct RowSpec {
    value: &'static PolicyValue,
    dom_id: AttrValue,
    label: AttrValue,
    unit: AttrValue,
    /// The default as the input shows it: the locale's decimal separator, no grouping.
    default_text: AttrValue,
    source_text: AttrValue,
    note_text: AttrValue,
    note: Mention,
    /// Empty for assumptions: their badge says it all.
    source: Mention,
}

/// A group of rows, with the values not about the current scenario in a nested list.
struct Section {
    group: Group,
    rows: Vec<RowSpec>,
    more: Vec<RowSpec>,
}

fn dom_id(id: &str) -> String {
    format!("as-{}", id.replace('.', "-"))
}

/// Turns values into rows in `lang`, showing each distinct note and source once per list.
fn rows(lang: Lang, policy: &'static PolicySet, values: Vec<&'static PolicyValue>) -> Vec<RowSpec> {
    let t = texts(lang);
    let category = |id: &str| {
        let english = policy.category(id).map_or(id, |c| c.name.as_str());
        category_name(t, id, english).to_owned()
    };
    let destination = |code: &str| {
        let english = policy
            .destinations
            .iter()
            .find(|d| d.code == code)
            .map_or(code, |d| d.name.as_str());
        destination_name(lang, code, english)
    };
    let mut notes = Vec::new();
    let mut sources = Vec::new();
    values
        .into_iter()
        .map(|value| {
            let dom_id = dom_id(&value.id);
            let source_text = source_text(lang, policy, &value.source);
            let note_text = value_note(lang, value);
            let note = Mention::of(&mut notes, note_text, format!("{dom_id}-note"));
            let source = if value.is_assumption() {
                Mention::default()
            } else {
                Mention::of(&mut sources, source_text, format!("{dom_id}-source"))
            };
            RowSpec {
                value,
                label: AttrValue::from(value_label(lang, value, category, destination)),
                unit: AttrValue::from(value_unit(t, &value.unit)),
                default_text: AttrValue::from(format::editable(&Locale::new(lang), value.default)),
                source_text: AttrValue::from(source_text),
                note_text: AttrValue::from(note_text),
                dom_id: AttrValue::from(dom_id),
                note,
                source,
            }
        })
        .collect()
}

/// The panel's layout: groups in order, the current category, destination and sale currency first.
fn sections(
    lang: Lang,
    policy: &'static PolicySet,
    destination: &str,
    category: &str,
    sale_currency: &str,
) -> Vec<Section> {
    let own_commission = format!("commission.{category}");
    let own_rate = format!("fx.{sale_currency}");
    Group::ALL
        .into_iter()
        .filter_map(|group| {
            let members = policy.values.iter().filter(|v| Group::of(&v.id) == group);
            let (mut first, mut more): (Vec<_>, Vec<_>) = match group {
                Group::Commission => members.partition(|v| !v.id.starts_with("commission.")),
                // A service's divisor and size limit concern every destination.
                Group::PostagePop | Group::PostageChoice => members.partition(|v| {
                    v.id.starts_with("logistics.") || v.id.split('.').nth(2) == Some(destination)
                }),
                _ => (members.collect(), Vec::new()),
            };
            match group {
                Group::Commission => {
                    if let Some(i) = more.iter().position(|v| v.id == own_commission) {
                        first.insert(0, more.remove(i));
                    }
                }
                Group::ExchangeRates => {
                    if let Some(i) = first.iter().position(|v| v.id == own_rate) {
                        let own = first.remove(i);
                        first.insert(0, own);
                    }
                }
                _ => {}
            }
            if first.is_empty() {
                first = std::mem::take(&mut more);
            }
            (!first.is_empty()).then(|| Section {
                group,
                rows: rows(lang, policy, first),
                more: rows(lang, policy, more),
            })
        })
        .collect()
}

/// " · 2 changed" and "⚠ 1 problem" after a group's title.
fn counts(locale: &Locale, words: &AssumptionTexts, changed: usize, problems: usize) -> Html {
    let count = |n: usize| format::number(locale, n.into(), 0);
    html! {
        <>
            if changed > 0 {
                <span class="as-count">
                    { format!(" · {}", fill(words.changed, |i| (i == 0).then(|| count(changed)))) }
                </span>
            }
            if problems > 0 {
                <span class="summary-problem">
                    { format!(" ⚠ {}", words.problems(&count(problems), problems == 1)) }
                </span>
            }
        </>
    }
}

/// Every policy value with its unit, source and a reset.
#[function_component]
pub fn AssumptionsPanel(props: &AssumptionsPanelProps) -> Html {
    let locale = use_locale();
    let lang = locale.lang;
    let words = &texts(lang).assumptions;
    let policy = state::policy_set(&props.policy);
    let assumptions = &props.assumptions;
    let layout = use_memo(
        (policy.id.clone(), lang, props.scenario.clone()),
        |(_, lang, at)| sections(*lang, policy, &at.destination, &at.category, &at.sale),
    );
    let on_set = use_callback(props.on.clone(), |(id, text): (AttrValue, String), on| {
        on.emit(Action::SetAssumption(id.to_string(), text));
    });
    let on_reset = use_callback(props.on.clone(), |id: AttrValue, on| {
        on.emit(Action::ResetAssumption(id.to_string()));
    });
    let on_reset_all = use_callback(props.on.clone(), |_: MouseEvent, on| {
        on.emit(Action::ResetAssumptions);
    });

    // Errors are rare: gather and word the panel's once rather than formatting a path for every
    // row.
    let errors: Vec<(&str, AttrValue)> = props
        .errors
        .iter()
        .filter_map(|e| match &e.field {
            Field::Assumption(id) => Some((id.as_str(), error_text(&locale, e))),
            _ => None,
        })
        .collect();
    let error_of = |id: &str| {
        state::assumption_issue(lang, assumptions, id)
            .map(|issue| AttrValue::from(issue_text(&locale, &issue)))
            .or_else(|| {
                errors
                    .iter()
                    .find(|(error_id, _)| *error_id == id)
                    .map(|(_, message)| message.clone())
            })
    };
    let tally = |specs: &[RowSpec]| {
        specs.iter().fold((0, 0), |(changed, problems), spec| {
            let id = spec.value.id.as_str();
            (
                changed + usize::from(state::assumption_changed(lang, assumptions, policy, id)),
                problems + usize::from(error_of(id).is_some()),
            )
        })
    };
    // The seller's own rate sheet (issue #15, item 2): the rates it gives, shown in place of the
    // policy's where no rate was typed, with whose they are.
    let sheet = props.sheet.as_ref();
    let sheet_rates: std::collections::BTreeMap<String, sellercalc_engine::Decimal> = sheet
        .map(|l| l.sheet.overrides().into_iter().collect())
        .unwrap_or_default();
    let sheet_note = sheet.map(|l| {
        AttrValue::from(crate::i18n::fill_one(
            crate::i18n::share::share_texts(locale.lang).rs_postage_note,
            &l.loaded_on,
        ))
    });
    let row = |spec: &RowSpec| {
        let value = spec.value;
        let id = value.id.as_str();
        let typed = assumptions.get(id);
        let from_sheet = sheet_rates.get(id).filter(|_| typed.is_none());
        let shown = match (typed, from_sheet) {
            (Some(t), _) => AttrValue::from(t.clone()),
            (None, Some(rate)) => AttrValue::from(format::editable(&locale, *rate)),
            (None, None) => spec.default_text.clone(),
        };
        html! {
            <AssumptionRow
                key={id}
                id={id}
                dom_id={spec.dom_id.clone()}
                label={spec.label.clone()}
                unit={spec.unit.clone()}
                text={shown}
                sheet={from_sheet.and(sheet_note.clone())}
                default_text={spec.default_text.clone()}
                changed={state::assumption_changed(lang, assumptions, policy, id)}
                is_assumption={value.is_assumption()}
                source={spec.source_text.clone()}
                note={spec.note_text.clone()}
                note_ref={spec.note.clone()}
                source_ref={spec.source.clone()}
                error={error_of(id)}
                words={RowWords::of(words)}
                on_set={on_set.clone()}
                on_reset={on_reset.clone()}
            />
        }
    };

    // A value with an error may sit in a closed group (a shared link, say): open the groups around
    // it. Never close one here: that would take the focus from someone typing in it.
    // The rows sit in closed groups: they are built once the page has been painted, so that
    // they do not hold up the first figures, and ROWS_A_FRAME at a time, so that building them
    // is never one long task (issue #17, lever 2).
    let total: usize = layout.iter().map(|s| s.rows.len() + s.more.len()).sum();
    let all_steps = total.div_ceil(ROWS_A_FRAME);
    let steps = crate::app::use_paint_steps(all_steps);
    let built = steps * ROWS_A_FRAME;
    let painted = steps > 0;
    let error_ids: Vec<String> = errors.iter().map(|(id, _)| dom_id(id)).collect();
    use_effect_with((error_ids, steps), |(ids, _)| {
        let document = web_sys::window().and_then(|w| w.document());
        for id in ids {
            let mut node = document.as_ref().and_then(|d| d.get_element_by_id(id));
            while let Some(element) = node {
                if element.tag_name().eq_ignore_ascii_case("details")
                    && !element.has_attribute("open")
                {
                    let _ = element.set_attribute("open", "");
                }
                node = element.parent_element();
            }
        }
    });

    let total_changed = state::assumptions_changed(lang, assumptions, policy);
    let intro = fill(words.intro, |i| {
        [&policy.name, &policy.version, &policy.effective_date]
            .get(i)
            .map(|v| v.to_string())
    });
    let (marked_before, marked_after) = around(words.marked);
    // The intro and the badge sentence run on as the language writes sentences.
    let marked_before = format!("{intro}{}{marked_before}", sentence_gap(&intro));
    html! {
        <details class="group assumptions" data-testid="assumptions"
            data-pending={(steps < all_steps).then_some("true")}>
            <summary>
                { words.title }
                { counts(&locale, words, total_changed, errors.len()) }
            </summary>
            <div class="as-intro">
                <p>
                    { marked_before }
                    <span class="as-badge as-assumption">{ words.assumption }</span>
                    { marked_after }
                </p>
                <button type="button" class="as-reset-all" data-testid="reset-assumptions"
                    disabled={total_changed == 0} onclick={on_reset_all}>
                    { words.reset_all }
                </button>
            </div>
            { for layout.iter().filter(|_| painted).scan(0, |before, section| {
                // The rows of the sections above come first.
                let first = *before;
                *before += section.rows.len() + section.more.len();
                Some((first, section))
            }).map(|(first, section)| {
                let rows_built = built.saturating_sub(first).min(section.rows.len());
                let more_built = built.saturating_sub(first + section.rows.len()).min(section.more.len());
                let (changed, problems) = tally(&section.rows);
                let (more_changed, more_problems) = tally(&section.more);
                html! {
                    <details class="as-group" key={section.group.slug()} data-group={section.group.slug()}>
                        <summary>
                            { section.group.title(words) }
                            { counts(&locale, words, changed + more_changed, problems + more_problems) }
                        </summary>
                        <div class="as-rows">
                            { for section.rows.iter().take(rows_built).map(row) }
                        </div>
                        if !section.more.is_empty() {
                            <details class="as-more">
                                <summary>
                                    { section.group.more_title(words) }
                                    <span class="as-size">{ format!(" ({})", section.more.len()) }</span>
                                    { counts(&locale, words, more_changed, more_problems) }
                                </summary>
                                <div class="as-rows">
                                    { for section.more.iter().take(more_built).map(row) }
                                </div>
                            </details>
                        }
                    </details>
                }
            }) }
        </details>
    }
}

/// How many rows [`AssumptionsPanel`] builds a frame after the first paint.
const ROWS_A_FRAME: usize = 24;

/// Props of [`AssumptionRow`]: plain data, so that Yew skips rows whose value did not change.
#[derive(Properties, PartialEq)]
struct AssumptionRowProps {
    /// Policy value id, such as `commission.home`.
    id: AttrValue,
    /// The input's element id.
    dom_id: AttrValue,
    label: AttrValue,
    unit: AttrValue,
    /// The text in force: the user's override as typed, or the default.
    text: AttrValue,
    default_text: AttrValue,
    /// Whether the user overrode the default.
    changed: bool,
    /// When the value in force is the seller's own rate sheet's: the sentence that says so.
    #[prop_or_default]
    sheet: Option<AttrValue>,
    is_assumption: bool,
    /// The full text of the value's source.
    source: AttrValue,
    note: AttrValue,
    note_ref: Mention,
    source_ref: Mention,
    error: Option<AttrValue>,
    /// The row's own words in the page's language.
    words: RowWords,
    on_set: Callback<(AttrValue, String)>,
    on_reset: Callback<AttrValue>,
}

/// The words every row uses, as plain `'static` strings so that comparing props stays cheap.
#[derive(Clone, Copy, PartialEq)]
struct RowWords {
    assumption: &'static str,
    source: &'static str,
    changed: &'static str,
    reset: &'static str,
    reset_label: &'static str,
    source_text: &'static str,
}

impl RowWords {
    fn of(words: &AssumptionTexts) -> Self {
        RowWords {
            assumption: words.assumption,
            source: words.source,
            changed: words.changed_mark,
            reset: words.reset,
            reset_label: words.reset_label,
            source_text: words.source_text,
        }
    }
}

/// One policy value: label, input, unit, source badge, note and, once changed, a reset.
#[function_component]
fn AssumptionRow(props: &AssumptionRowProps) -> Html {
    let words = props.words;
    let sheet_word = crate::i18n::share::share_texts(use_locale().lang).rs_title;
    let oninput = {
        let id = props.id.clone();
        props.on_set.reform(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            (id.clone(), input.value())
        })
    };
    let onclick = {
        let id = props.id.clone();
        props.on_reset.reform(move |_: MouseEvent| id.clone())
    };
    let error_id = format!("{}-error", props.dom_id);
    let badge_id = format!("{}-badge", props.dom_id);
    let described = [
        props.error.is_some().then_some(error_id.as_str()),
        Some(badge_id.as_str()),
        props.note_ref.id.as_deref(),
        props.source_ref.id.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let badge_title = if props.note.is_empty() {
        props.source.to_string()
    } else {
        format!("{}\n{}", props.source, props.note)
    };
    html! {
        <div class={classes!(
            "as-row",
            props.changed.then_some("changed"),
            props.error.is_some().then_some("invalid"),
        )} data-id={props.id.clone()}>
            <label for={props.dom_id.clone()}>{ &props.label }</label>
            if let Some(sheet) = &props.sheet {
                <span class="as-badge as-source as-sheet" id={badge_id} title={sheet.clone()}>
                    { sheet_word }
                </span>
            } else if props.is_assumption {
                <span class="as-badge as-assumption" id={badge_id} title={badge_title}>{ words.assumption }</span>
            } else {
                <span class="as-badge as-source" id={badge_id} title={badge_title}>{ words.source }</span>
            }
            <div class="as-control">
                <input
                    id={props.dom_id.clone()}
                    name={props.id.clone()}
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    value={props.text.clone()}
                    aria-invalid={props.error.is_some().then_some("true")}
                    aria-describedby={described}
                    {oninput}
                />
                <span class="unit">{ &props.unit }</span>
                if props.changed {
                    <span class="as-changed-tools">
                        <span class="as-changed">{ words.changed }</span>
                        <button type="button" class="as-reset" {onclick}
                            aria-label={fill(words.reset_label, |i| match i {
                                0 => Some(props.label.to_string()),
                                1 => Some(props.default_text.to_string()),
                                _ => None,
                            })}>
                            { words.reset }
                        </button>
                    </span>
                }
            </div>
            if let Some(error) = &props.error {
                <p class="error" id={error_id} role="alert">{ error }</p>
            }
            if props.note_ref.here || props.source_ref.here {
                <p class="as-note">
                    if props.note_ref.here {
                        <span id={props.note_ref.id.clone()}>{ &props.note }</span>
                    }
                    if props.source_ref.here {
                        if props.note_ref.here { { sentence_gap(&props.note) } }
                        <span class="as-source-text" id={props.source_ref.id.clone()}>
                            { fill(words.source_text, |i| (i == 0).then(|| props.source.to_string())) }
                        </span>
                    }
                </p>
            }
        </div>
    }
}
