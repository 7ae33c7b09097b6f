//! The header: what the tool is, the presets and the language.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::language_picker::LanguagePicker;
use crate::i18n::Lang;
use crate::presets::{self, Preset, PRESETS};

/// Props of [`PageHeader`].
#[derive(Properties, PartialEq)]
pub struct PageHeaderProps {
    /// Called when the user picks a preset.
    pub on_preset: Callback<&'static Preset>,
    /// The preset the inputs are, if any: the picker shows its name.
    #[prop_or_default]
    pub preset: Option<&'static str>,
    /// The page's language.
    pub lang: Lang,
    /// Called with a language the user picked, once the page can show it.
    pub on_lang: Callback<Lang>,
    /// Called with a language the user picked whose strings could not be fetched.
    pub on_lang_unavailable: Callback<Lang>,
}

/// Title, one-line purpose, the preset picker and the language picker.
#[function_component]
pub fn PageHeader(props: &PageHeaderProps) -> Html {
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
    // The value is set as a property in the browser only: the build-time prerender
    // (src/prerender.rs) renders natively, where the `selected` attributes say it.
    #[cfg(target_arch = "wasm32")]
    let preset_select = html! {
        <select id="preset" ~value={current} {onchange} data-testid="preset">{ options }</select>
    };
    #[cfg(not(target_arch = "wasm32"))]
    let preset_select = html! {
        <select id="preset" {onchange} data-testid="preset">{ options }</select>
    };
    html! {
        <header class="page-header">
            <div class="brand">
                <h1>{ "SellerCalc" }</h1>
                <p class="tagline">{ t.header.tagline }</p>
            </div>
            <div class="header-controls">
                <a class="nav-link" href="catalog/" data-testid="to-catalog">{ t.header.catalog }</a>
                <label for="preset" class="visually-hidden">{ t.header.preset_label }</label>
                { preset_select }
                <LanguagePicker lang={props.lang} base="" on_lang={props.on_lang.clone()}
                    on_unavailable={props.on_lang_unavailable.clone()} />
            </div>
        </header>
    }
}
