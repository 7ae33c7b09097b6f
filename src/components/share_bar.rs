//! The share bar: copy the scenario's link, save it, pin it for an A/B comparison, export it and
//! print it. Also the one-line link that an embedded calculator shows instead of the bar.

use js_sys::Reflect;
use sellercalc_engine::Comparison;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Clipboard, HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::components::notice::Message;
use crate::components::Same;
use crate::export::{self, Column};
use crate::i18n::share::share_texts;
use crate::i18n::{around, use_lang, Lang};
use crate::share::{self, Presentation};
use crate::state::{self, Action, Pinned, Snapshot};
use crate::storage;

/// Props of [`ShareBar`].
#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    /// The current inputs, as links and saves hold them.
    pub current: Snapshot,
    /// Their comparison.
    pub comparison: Same<Comparison>,
    /// Scenario A of an A/B comparison, if one is pinned.
    pub pinned: Option<Same<Pinned>>,
    /// Whether the inputs differ from the defaults or a scenario is pinned (see `State::changed`).
    pub changed: bool,
    /// Where `Pin` and `NewScenario` go.
    pub on: Callback<Action>,
    /// How the page is shown; copied links keep its language.
    pub presentation: Presentation,
    /// Whether saving scenarios is possible.
    pub can_save: bool,
    /// Shows a notice.
    pub on_message: Callback<Message>,
}

#[derive(Clone, Copy, PartialEq)]
enum CopyStatus {
    Idle,
    Copied,
    ByHand,
}

/// `navigator.clipboard`, where the browser offers it (secure pages only).
fn clipboard() -> Option<Clipboard> {
    let navigator = web_sys::window()?.navigator();
    let clipboard = Reflect::get(&navigator, &"clipboard".into()).ok()?;
    (!clipboard.is_undefined() && !clipboard.is_null()).then(|| clipboard.unchecked_into())
}

/// The link for sharing: the scenario and language, never the embed layout.
fn share_link(current: &Snapshot, presentation: &Presentation) -> String {
    let presentation = Presentation {
        embed: false,
        lang: presentation.lang.clone(),
        rates: presentation.rates,
    };
    share::link(current, &presentation)
}

/// Buttons for the scenario as a whole, above the results.
#[function_component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let lang = use_lang();
    let s = share_texts(lang);
    let status = use_state(|| CopyStatus::Idle);
    let link_ref = use_node_ref();
    // What only the printout shows (the link, the inputs and the date) is built from the
    // scenario as it was when the last frame was painted: a keystroke's render then holds the
    // figures alone, and this follows a frame later, long before anyone prints (issue #17,
    // keystroke). Copying builds the link afresh.
    let drawn = crate::app::use_after_paint((props.current.clone(), props.presentation.clone()));
    let link = use_memo(drawn.clone(), |(current, presentation)| {
        AttrValue::from(share_link(current, presentation))
    });
    let printout = use_memo((drawn, lang), |((current, _), lang)| {
        crate::components::ab_compare::print_inputs(
            current,
            state::policy_set(&current.policy),
            *lang,
            &crate::components::ab_compare::print_date(*lang),
        )
    });
    {
        // A changed scenario has a new link: the old "copied" no longer holds.
        let status = status.clone();
        use_effect_with(link.clone(), move |_| status.set(CopyStatus::Idle));
    }
    {
        let link_ref = link_ref.clone();
        use_effect_with(*status, move |status| {
            if *status == CopyStatus::ByHand {
                if let Some(input) = link_ref.cast::<HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                }
            }
        });
    }

    let on_copy = {
        let (current, presentation) = (props.current.clone(), props.presentation.clone());
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let link = share_link(&current, &presentation);
            let Some(clipboard) = clipboard() else {
                status.set(CopyStatus::ByHand);
                return;
            };
            let promise = clipboard.write_text(&link);
            let status = status.clone();
            yew::platform::spawn_local(async move {
                status.set(match JsFuture::from(promise).await {
                    Ok(_) => CopyStatus::Copied,
                    Err(_) => CopyStatus::ByHand,
                });
            });
        })
    };
    let on_save = Callback::from(|_: MouseEvent| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        // Focusing the name field scrolls it into view, no further than needed.
        if let Some(panel) = document.get_element_by_id("saved-scenarios") {
            let _ = panel.set_attribute("open", "");
        }
        if let Some(input) = document
            .get_element_by_id("save-name")
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            let _ = input.focus();
        }
    });
    let on_pin = props.on.reform(|_: MouseEvent| Action::Pin);
    let export = |csv: bool| {
        let (current, comparison, pinned) = (
            props.current.clone(),
            props.comparison.clone(),
            props.pinned.clone(),
        );
        let presentation = props.presentation.clone();
        let on_message = props.on_message.clone();
        Callback::from(move |_: MouseEvent| {
            let current_link = share_link(&current, &presentation);
            let pinned_presentation = Presentation {
                embed: false,
                lang: presentation.lang.clone(),
                rates: false,
            };
            let mut columns = Vec::new();
            if let Some(pinned) = &pinned {
                columns.push(Column {
                    name: "A",
                    snapshot: &pinned.snapshot,
                    comparison: &pinned.comparison,
                    link: share::link(&pinned.snapshot, &pinned_presentation),
                });
            }
            columns.push(Column {
                name: if pinned.is_some() { "B" } else { "current" },
                snapshot: &current,
                comparison: &comparison,
                link: current_link,
            });
            let done = if csv {
                export::download(
                    export::CSV_FILE,
                    "text/csv;charset=utf-8",
                    &export::csv(&columns),
                )
            } else {
                export::download(
                    export::JSON_FILE,
                    "application/json",
                    &export::json(&columns),
                )
            };
            if !done {
                on_message.emit(Message::DownloadFailed);
            }
        })
    };
    // The next seller's call starts from the defaults. The scenario on screen is lost only after
    // the user says so: asked when it is changed and not among the saved scenarios.
    let on_new = {
        let (current, changed, on) = (props.current.clone(), props.changed, props.on.clone());
        let question = s.new_scenario_confirm;
        Callback::from(move |_: MouseEvent| {
            let saved = storage::load_library()
                .is_ok_and(|library| library.scenarios.iter().any(|s| s.snapshot == current));
            if changed && !saved {
                let asked = web_sys::window().map(|w| w.confirm_with_message(question));
                if !matches!(asked, Some(Ok(true))) {
                    return;
                }
            }
            on.emit(Action::NewScenario);
        })
    };
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let pinned = props.pinned.is_some();
    let (print_before, print_after) = around(s.print_link);

    html! {
        <section class="share-bar" aria-label={s.tools} data-testid="share-bar">
            <div class="share-buttons">
                <button type="button" class="tool primary" data-testid="copy-link" onclick={on_copy}>
                    { s.copy }
                </button>
                if props.can_save {
                    <button type="button" class="tool" data-testid="save-open" onclick={on_save}>{ s.save_open }</button>
                }
                <button type="button" class="tool" data-testid="pin" onclick={on_pin}
                    aria-describedby="pin-hint">
                    { if pinned { s.repin } else { s.pin } }
                </button>
                <button type="button" class="tool" data-testid="export-csv" onclick={export(true)}>{ s.export_csv }</button>
                <button type="button" class="tool" data-testid="export-json" onclick={export(false)}>{ s.export_json }</button>
                <button type="button" class="tool" data-testid="print" onclick={on_print}>{ s.print }</button>
                <button type="button" class="tool" data-testid="new-scenario" onclick={on_new}>{ s.new_scenario }</button>
            </div>
            <p class="visually-hidden" id="pin-hint">{ s.pin_hint }</p>
            <div class="copy-status" aria-live="polite" data-testid="copy-status">
                if *status == CopyStatus::Copied {
                    <p class="copied"><span aria-hidden="true">{ "✓ " }</span>{ s.copied }</p>
                }
                if *status == CopyStatus::ByHand {
                    <p>{ s.copy_by_hand }</p>
                }
            </div>
            if *status == CopyStatus::ByHand {
                <input ref={link_ref} type="text" class="share-link" readonly=true
                    value={share_link(&props.current, &props.presentation)}
                    aria-label={s.link_label} data-testid="share-link" />
            }
            { (*printout).clone() }
            <p class="print-only print-link">{ print_before }<span class="url">{ (*link).clone() }</span>{ print_after }</p>
        </section>
    }
}

/// In embed mode, in place of the footer: that figures are estimates, and a link to the full
/// calculator with this scenario, in the page's language. (Plain functions, not components: each
/// component costs the page a few kilobytes of Yew machinery.)
pub fn embed_link(current: &Snapshot, lang: Lang, presentation: &Presentation) -> Html {
    let link = share_link(current, presentation);
    let s = share_texts(lang);
    let (before, after) = around(s.embed_note);
    html! {
        <footer class="embed-link" data-testid="embed-link">
            { before }
            <a href={link} target="_blank" rel="noopener">
                { s.embed_open }<span aria-hidden="true">{ " ↗" }</span>
                <span class="visually-hidden">{ " " }{ s.new_tab }</span>
            </a>
            { after }
        </footer>
    }
}

/// In embed mode, in place of the header: the page's title in `lang`, for screen readers only.
pub fn embed_title(lang: Lang) -> Html {
    html! { <h1 class="visually-hidden">{ share_texts(lang).embed_title }</h1> }
}
