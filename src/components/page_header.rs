//! The header of both pages: what the tool is, the link to the other page, the page's own
//! controls (the calculator's presets) and the language.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::language_picker::LanguagePicker;
use crate::i18n::Lang;
use crate::presets::{self, Preset, PRESETS};

/// Which page the header is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// The calculator (`/`).
    Calculator,
    /// The catalog (`/catalog/`), one folder down.
    Catalog,
}

/// Props of [`PageHeader`].
#[derive(Properties, PartialEq)]
pub struct PageHeaderProps {
    /// The page it heads.
    pub page: Page,
    /// The page's name after "SellerCalc", on pages other than the calculator.
    #[prop_or_default]
    pub kind: Option<&'static str>,
    /// One line under the title.
    pub tagline: &'static str,
    /// The words of the link to the other page.
    pub other_page: &'static str,
    /// The page's language.
    pub lang: Lang,
    /// Called with a language the user picked, once the page can show it.
    pub on_lang: Callback<Lang>,
    /// Called with a language the user picked whose strings could not be fetched.
    pub on_lang_unavailable: Callback<Lang>,
    /// Said beside the language picker: why the page is not in the language asked for.
    #[prop_or_default]
    pub lang_notice: Option<AttrValue>,
    /// The page's own controls, before the language picker.
    #[prop_or_default]
    pub children: Html,
}

/// Title, one-line purpose, the link to the other page, the page's controls and the language
/// picker. Each page gives its own words (the calculator's first load does not carry the
/// catalog's).
#[function_component]
pub fn PageHeader(props: &PageHeaderProps) -> Html {
    let (link, test_id, base) = match props.page {
        Page::Calculator => ("catalog/", "to-catalog", ""),
        Page::Catalog => ("../", "to-calculator", "../"),
    };
    html! {
        <header class="page-header">
            <div class="brand">
                <h1>
                    { "SellerCalc" }
                    if let Some(kind) = props.kind {
                        <span class="page-kind">{ " · " }{ kind }</span>
                    }
                </h1>
                <p class="tagline">{ props.tagline }</p>
            </div>
            <div class="header-controls">
                <a class="nav-link" href={link} data-testid={test_id}>{ props.other_page }</a>
                { props.children.clone() }
                <LanguagePicker lang={props.lang} {base} on_lang={props.on_lang.clone()}
                    on_unavailable={props.on_lang_unavailable.clone()} />
                if let Some(notice) = &props.lang_notice {
                    <p class="header-notice" role="status" data-testid="language-notice">{ notice.clone() }</p>
                }
            </div>
        </header>
    }
}

/// Props of [`PresetPicker`].
#[derive(Properties, PartialEq)]
pub struct PresetPickerProps {
    /// Called when the user picks a preset.
    pub on_preset: Callback<&'static Preset>,
    /// The preset the inputs are, if any: the picker shows its name.
    #[prop_or_default]
    pub preset: Option<&'static str>,
    /// The page's language.
    pub lang: Lang,
}

/// The calculator's presets: a `<select>` that shows the preset the inputs are.
#[function_component]
pub fn PresetPicker(props: &PresetPickerProps) -> Html {
    let on_preset = props.on_preset.clone();
    let onchange = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        if let Some(preset) = presets::find(&select.value()) {
            on_preset.emit(preset);
        }
    });
    let t = props.lang.texts();
    // Controlled by the state: the preset the inputs are, or the prompt (which cannot be picked)
    // once an input differs from every preset. As in the language picker, the `value` property
    // keeps the select in step after the user has picked an option.
    let current = props.preset.unwrap_or("");
    let options = html! {
        <>
            <option value="" disabled=true selected={current.is_empty()}>{ t.header.preset_prompt }</option>
            { for PRESETS.iter().map(|p| html! {
                <option value={p.id} selected={p.id == current}>{ t.presets.get(p.id).unwrap_or(p.name) }</option>
            }) }
        </>
    };
    html! {
        <>
            <label for="preset" class="visually-hidden">{ t.header.preset_label }</label>
            { controlled_select("preset", current, onchange, options) }
        </>
    }
}

/// A `<select>` whose `value` property follows `value`: a browser ignores the `selected`
/// attribute on an option the user has picked, so the property keeps it in step. The property is
/// set in the browser only: the build-time prerender (src/prerender.rs) renders natively, where
/// the options' `selected` attributes say it.
pub fn controlled_select(
    id: &'static str,
    value: &str,
    onchange: Callback<Event>,
    options: Html,
) -> Html {
    #[cfg(target_arch = "wasm32")]
    {
        html! { <select {id} ~value={value.to_owned()} {onchange} data-testid={id}>{ options }</select> }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = value;
        html! { <select {id} {onchange} data-testid={id}>{ options }</select> }
    }
}
