//! One labelled input with its error message beside it.

use sellercalc_engine::decimal::parse_decimal;
use sellercalc_engine::{Decimal, Field, FieldError, Input, Warning};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::format;
use crate::i18n::read_number;
use crate::i18n::solver::solver_texts;
use crate::i18n::{
    error_message, number_issue_message, texts, warning_message, Locale, NumberIssue,
};

/// The first of `errors` about `field`, in `locale`'s language, with the numbers it quotes
/// written for `locale`.
pub fn error_at(locale: &Locale, errors: &[FieldError], field: &Field) -> Option<AttrValue> {
    errors
        .iter()
        .find(|e| e.field == *field)
        .map(|e| error_text(locale, e))
}

/// The warnings about `field`, in `locale`'s language, joined into one note.
pub fn warning_at(locale: &Locale, warnings: &[Warning], field: &Field) -> Option<AttrValue> {
    let notes: Vec<String> = warnings
        .iter()
        .filter(|w| w.field == *field)
        .map(|w| warning_text(locale, w))
        .collect();
    (!notes.is_empty()).then(|| AttrValue::from(notes.join(" ")))
}

/// An engine warning in `locale`.
pub fn warning_text(locale: &Locale, warning: &Warning) -> String {
    warning_message(
        texts(locale.lang),
        warning,
        |amount, currency| format::money(locale, amount, currency),
        |pct| format::percent_plain(locale, pct),
    )
}

/// The id of an input's element: `in-product-unit-cost`.
pub fn dom_id(input: Input) -> String {
    format!("in-{}", input.path().replace(['.', '_'], "-"))
}

/// An engine error in `locale`.
pub fn error_text(locale: &Locale, error: &FieldError) -> AttrValue {
    AttrValue::from(error_message(texts(locale.lang), error, |number| {
        format::canonical(locale, number)
    }))
}

/// Why a typed number cannot be read, in `locale`, with the numbers it suggests written for it.
pub fn issue_text(locale: &Locale, issue: &NumberIssue) -> String {
    number_issue_message(texts(locale.lang), issue, |number| {
        format::canonical(locale, number)
    })
}

/// Props of [`NumberField`].
#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    /// Which field.
    pub field: Input,
    /// Visible label.
    pub label: AttrValue,
    /// Unit or currency shown after the input.
    #[prop_or_default]
    pub unit: Option<AttrValue>,
    /// Shown when the input is empty.
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// A short hint under the input.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The text as typed.
    pub value: AttrValue,
    /// The error for this field, if any.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// A warning about this field (a valid value that is probably not meant, or an estimate in
    /// place of an empty field), shown under it when there is no error.
    #[prop_or_default]
    pub warning: Option<AttrValue>,
    /// Called with the new text on every keystroke.
    pub on_change: Callback<(Input, String)>,
}

/// A text input for a number. It keeps exactly what the user types (never reformats it), so the
/// caret stays put; the engine validates the text and any error shows right under it.
#[function_component]
pub fn NumberField(props: &NumberFieldProps) -> Html {
    let id = dom_id(props.field);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let warning_id = format!("{id}-warning");
    let field = props.field;
    let oninput = props.on_change.reform(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        (field, input.value())
    });
    let warning = props.warning.as_ref().filter(|_| props.error.is_none());
    let described = match (&props.error, &props.hint) {
        (Some(_), _) => Some(error_id.clone()),
        (None, hint) => {
            let ids: Vec<&str> = [
                hint.as_ref().map(|_| hint_id.as_str()),
                warning.map(|_| warning_id.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    html! {
        <div class={classes!("field", props.error.is_some().then_some("invalid"), warning.is_some().then_some("warned"))}>
            <label for={id.clone()}>{ &props.label }</label>
            <div class="control">
                <input
                    id={id}
                    name={props.field.path()}
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    value={props.value.clone()}
                    placeholder={props.placeholder.clone()}
                    aria-invalid={props.error.is_some().then_some("true")}
                    aria-describedby={described}
                    {oninput}
                />
                if let Some(unit) = &props.unit {
                    <span class="unit" aria-hidden="true">{ unit }</span>
                }
            </div>
            if let Some(error) = &props.error {
                <p class="error" id={error_id} role="alert">{ error }</p>
            } else {
                if let Some(hint) = &props.hint {
                    <p class="hint" id={hint_id}>{ hint }</p>
                }
                if let Some(warning) = warning {
                    <p class="warning" id={warning_id}><span aria-hidden="true">{ "⚠ " }</span>{ warning }</p>
                }
            }
        </div>
    }
}

/// Props of [`SelectField`].
#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    /// Which field.
    pub field: Input,
    /// Visible label.
    pub label: AttrValue,
    /// `(value, text)` pairs.
    pub options: Vec<(AttrValue, AttrValue)>,
    /// The chosen value.
    pub value: AttrValue,
    /// The error for this field, if any.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// A short hint under the drop-down.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Called with the chosen value.
    pub on_change: Callback<(Input, String)>,
}

/// A labelled drop-down.
#[function_component]
pub fn SelectField(props: &SelectFieldProps) -> Html {
    let id = dom_id(props.field);
    let field = props.field;
    let onchange = props.on_change.reform(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        (field, select.value())
    });
    let described = match (&props.error, &props.hint) {
        (Some(_), _) => Some(format!("{id}-error")),
        (None, Some(_)) => Some(format!("{id}-hint")),
        _ => None,
    };
    html! {
        <div class={classes!("field", "select", props.error.is_some().then_some("invalid"))}>
            <label for={id.clone()}>{ &props.label }</label>
            <div class="control">
                <select id={id.clone()} name={props.field.path()} {onchange}
                    aria-invalid={props.error.is_some().then_some("true")}
                    aria-describedby={described}>
                    { for props.options.iter().map(|(value, text)| html! {
                        <option value={value.clone()} selected={*value == props.value}>{ text }</option>
                    }) }
                </select>
            </div>
            if let Some(error) = &props.error {
                <p class="error" id={format!("{id}-error")} role="alert">{ error }</p>
            } else if let Some(hint) = &props.hint {
                <p class="hint" id={format!("{id}-hint")}>{ hint }</p>
            }
        </div>
    }
}

/// Props of [`CheckboxField`].
#[derive(Properties, PartialEq)]
pub struct CheckboxFieldProps {
    /// Which field.
    pub field: Input,
    /// Visible label.
    pub label: AttrValue,
    /// A short hint.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Whether it is ticked.
    pub checked: bool,
    /// Called with `"true"` or `"false"`.
    pub on_change: Callback<(Input, String)>,
}

/// A labelled checkbox.
#[function_component]
pub fn CheckboxField(props: &CheckboxFieldProps) -> Html {
    let id = dom_id(props.field);
    let field = props.field;
    let onchange = props.on_change.reform(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        (field, input.checked().to_string())
    });
    html! {
        <div class="field check">
            <input id={id.clone()} type="checkbox" name={props.field.path()} checked={props.checked} {onchange}
                aria-describedby={props.hint.is_some().then(|| format!("{id}-hint"))} />
            <label for={id.clone()}>{ &props.label }</label>
            if let Some(hint) = &props.hint {
                <p class="hint" id={format!("{id}-hint")}>{ hint }</p>
            }
        </div>
    }
}

/// A target margin typed in `locale`'s language, in percent, or what is wrong with it in that
/// language: a number from 0 up to (not including) 100, since a price can reach any margin below
/// 100 % and none at or above it. The one reader of a target margin: the What if panel and the
/// catalog page both use it.
pub fn read_target_margin(locale: &Locale, text: &str) -> Result<Decimal, String> {
    let lang = locale.lang;
    let issue = |issue: NumberIssue| issue_text(locale, &issue);
    let canonical = read_number(lang, text).map_err(issue)?;
    let value = parse_decimal(&canonical).map_err(|_| issue(NumberIssue::NotANumber))?;
    if value < Decimal::ZERO {
        return Err(texts(lang).errors.negative.to_owned());
    }
    if value >= Decimal::ONE_HUNDRED {
        return Err(solver_texts(lang).margin_too_high.to_owned());
    }
    Ok(value)
}
