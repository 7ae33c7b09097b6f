//! The header: what the tool is, and the presets.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::presets::{self, Preset, PRESETS};

/// Props of [`PageHeader`].
#[derive(Properties, PartialEq)]
pub struct PageHeaderProps {
    /// Called when the user picks a preset.
    pub on_preset: Callback<&'static Preset>,
    /// The page's language.
    pub lang: Lang,
    /// Called when the user picks another language.
    pub on_lang: Callback<Lang>,
}

/// Title, one-line purpose and the preset picker.
#[function_component]
pub fn PageHeader(props: &PageHeaderProps) -> Html {
    let on_preset = props.on_preset.clone();
    let onchange = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        if let Some(preset) = presets::find(&select.value()) {
            on_preset.emit(preset);
        }
        // Back to the prompt, so the same preset can be picked again.
        select.set_value("");
    });
    let t = props.lang.texts();
    let on_lang = props.on_lang.clone();
    let onlang = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        if let Some(lang) = Lang::ALL.into_iter().find(|l| l.code() == select.value()) {
            on_lang.emit(lang);
        }
    });
    html! {
        <header class="page-header">
            <div class="brand">
                <h1>{ "SellerCalc" }</h1>
                <p class="tagline">{ t.header.tagline }</p>
            </div>
            <div class="header-controls">
                <a class="nav-link" href="catalog/" data-testid="to-catalog">{ t.header.catalog }</a>
                <label for="preset" class="visually-hidden">{ t.header.preset_label }</label>
                <select id="preset" {onchange} data-testid="preset">
                    <option value="" selected=true>{ t.header.preset_prompt }</option>
                    { for PRESETS.iter().map(|p| html! {
                        <option value={p.id}>{ t.presets.get(p.id).unwrap_or(p.name) }</option>
                    }) }
                </select>
                <label for="language" class="visually-hidden">{ t.header.language }</label>
                <select id="language" onchange={onlang} data-testid="language">
                    { for Lang::ALL.into_iter().map(|l| html! {
                        <option value={l.code()} lang={l.code()} selected={l == props.lang}>{ l.native_name() }</option>
                    }) }
                </select>
            </div>
        </header>
    }
}

/// Puts the language picker (`#language`, on both pages) back to `lang`: after a language whose
/// strings could not be fetched, the page stays in `lang` and the picker must say so too.
pub fn reset_language_picker(lang: Lang) {
    use wasm_bindgen::JsCast;

    if let Some(select) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("language"))
        .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
    {
        select.set_value(lang.code());
    }
}
