//! The header: what the tool is, and the presets.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::presets::{self, Preset, PRESETS};

/// Props of [`PageHeader`].
#[derive(Properties, PartialEq)]
pub struct PageHeaderProps {
    /// Called when the user picks a preset.
    pub on_preset: Callback<&'static Preset>,
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
    html! {
        <header class="page-header">
            <div class="brand">
                <h1>{ "SellerCalc" }</h1>
                <p class="tagline">{ "Which way of selling on AliExpress earns you more?" }</p>
            </div>
            <div class="header-controls">
                <label for="preset" class="visually-hidden">{ "Fill in a typical product" }</label>
                <select id="preset" {onchange} data-testid="preset">
                    <option value="" selected=true>{ "Presets: typical products…" }</option>
                    { for PRESETS.iter().map(|p| html! { <option value={p.id}>{ p.name }</option> }) }
                </select>
            </div>
        </header>
    }
}
