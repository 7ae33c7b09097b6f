//! The root component: one reducer for the state, one for the notices, the session's side effects
//! (the link in the address bar, the autosave, the height posted to an embedding page), and the
//! layout.

use std::cell::RefCell;
use std::rc::Rc;

use sellercalc_engine::ModelKind;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::ab_compare::AbCompare;
use crate::components::assumptions_panel::{AssumptionsPanel, Where};
use crate::components::breakdown_chart::BreakdownChart;
use crate::components::inputs::Inputs;
use crate::components::model_card::{card_warnings, ModelCard};
use crate::components::notice::{notice_list, Message, NoticeAction, Notices};
use crate::components::page_footer::PageFooter;
use crate::components::page_header::{Page, PageHeader, PresetPicker};
use crate::components::policy_bar::PolicyBar;
use crate::components::rate_sheet::RateSheetPanel;
use crate::components::recommendation::{sentence_in, RecommendationBanner};
use crate::components::saved_scenarios::SavedScenarios;
use crate::components::sensitivity_chart::{Axis, Base, SensitivityChart};
use crate::components::share_bar::{embed_link, embed_title, ShareBar};
use crate::components::solver_panel::SolverPanel;
use crate::components::summary_bar::SummaryBar;
use crate::components::volume_chart::VolumeChart;
use crate::components::Same;
use crate::format;
use crate::i18n::{self, Lang, Locale};
use crate::session::Session;
use crate::state::{scenario_input, Action, Shown, State};
use crate::{embed, share, storage};

/// What waits for a painted frame ([`after_paint`]), in order.
#[derive(Default)]
struct PaintQueue {
    waiting: std::collections::VecDeque<Box<dyn FnOnce()>>,
    /// Whether a frame is awaited for the first of them.
    pumping: bool,
    /// While the app's first screen is built off the document ([`build_off_document`]).
    off_document: bool,
}

thread_local! {
    static PAINT_QUEUE: RefCell<PaintQueue> = RefCell::new(PaintQueue::default());
}

/// The app is about to be built in an element that is not in the document (issue #17): frames
/// painted meanwhile are not the app's, so what waits for its first paint ([`use_painted`],
/// [`use_paint_steps`], the charts) waits until [`in_document`].
pub fn build_off_document() {
    PAINT_QUEUE.with(|queue| queue.borrow_mut().off_document = true);
}

/// The app's element has just been put into the document: from now on its frames are painted.
pub fn in_document() {
    PAINT_QUEUE.with(|queue| queue.borrow_mut().off_document = false);
    pump();
}

/// Runs `task` once the browser has painted a frame: from a timeout queued by an
/// animation-frame callback, which the browser runs after that frame's paint. One waiting task
/// runs after each painted frame, in the order they came: several views that each wait for a
/// paint (the cards' tables, the charts, the assumptions' rows) then render in tasks of their
/// own, not all in one long task (issue #17). While the app is built off the document, they wait
/// until it is in.
fn after_paint(task: impl FnOnce() + 'static) {
    if web_sys::window().is_none() {
        return task();
    }
    PAINT_QUEUE.with(|queue| queue.borrow_mut().waiting.push_back(Box::new(task)));
    pump();
}

/// Awaits a painted frame for the first waiting task, unless one is awaited already.
fn pump() {
    let start = PAINT_QUEUE.with(|queue| {
        let mut queue = queue.borrow_mut();
        let start = !queue.pumping && !queue.off_document && !queue.waiting.is_empty();
        queue.pumping |= start;
        start
    });
    if start {
        after_frame(|| {
            let task = PAINT_QUEUE.with(|queue| {
                let mut queue = queue.borrow_mut();
                queue.pumping = false;
                queue.waiting.pop_front()
            });
            if let Some(task) = task {
                task();
            }
            pump();
        });
    }
}

/// Runs `run` in a task after the next painted frame (at once without a window).
fn after_frame(run: impl FnOnce() + 'static) {
    let slot = Rc::new(RefCell::new(Some(run)));
    let run = move || {
        if let Some(run) = slot.borrow_mut().take() {
            run();
        }
    };
    let Some(window) = web_sys::window() else {
        return run();
    };
    let frame = {
        let window = window.clone();
        let run = run.clone();
        move || {
            let later = Closure::once_into_js(run.clone());
            if window
                .set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 0)
                .is_err()
            {
                run();
            }
        }
    };
    let frame = Closure::once_into_js(frame);
    if window
        .request_animation_frame(frame.unchecked_ref())
        .is_err()
    {
        run();
    }
}

/// `value` as it was when the last frame was painted: the first render gets it at once, later
/// ones a frame late, so that what depends on it draws after the key figures are on screen.
/// Several changes within one frame give one update, with the latest value.
#[hook]
pub(crate) fn use_after_paint<T: Clone + PartialEq + 'static>(value: T) -> T {
    let shown = use_state_eq(|| value.clone());
    let latest = use_mut_ref(|| None::<T>);
    let pending = use_mut_ref(|| false);
    let setter = shown.setter();
    use_effect_with(value, move |value| {
        *latest.borrow_mut() = Some(value.clone());
        if !pending.replace(true) {
            after_paint(move || {
                *pending.borrow_mut() = false;
                if let Some(value) = latest.borrow_mut().take() {
                    setter.set(value);
                }
            });
        }
    });
    (*shown).clone()
}

/// Whether the page has been painted once: `false` during the first render, `true` from the
/// render after the first paint. Views below the first screen wait for it, so that the first
/// render (the key figures) is not held up by them.
#[hook]
pub fn use_painted() -> bool {
    let painted = use_state_eq(|| false);
    {
        let painted = painted.setter();
        use_effect_with((), move |()| after_paint(move || painted.set(true)));
    }
    *painted
}

/// How many frames have been painted since this component's first render, up to `steps`: `0`
/// during the first render, then one more after each painted frame until `steps`. Views far
/// below the first screen come in turns with it, each turn a task of its own, so that no single
/// task after the first paint is long on a slow phone (issue #17, lever 2).
#[hook]
pub fn use_paint_steps(steps: usize) -> usize {
    let done = use_state_eq(|| 0usize);
    {
        let setter = done.setter();
        use_effect_with(*done, move |done| {
            let next = *done + 1;
            if next <= steps {
                after_paint(move || setter.set(next));
            }
        });
    }
    (*done).min(steps)
}

/// The state the charts draw: a snapshot, compared by its comparison's identity (a new one is
/// computed for every change of input, language or policy value).
#[derive(Clone)]
struct Drawn(Rc<State>);

impl PartialEq for Drawn {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0.comparison, &other.0.comparison)
    }
}

/// Props of [`Charts`]: everything the charts draw.
#[derive(Properties, PartialEq, Clone)]
struct ChartsProps {
    /// The state to draw.
    state: Drawn,
    /// The cost currency.
    currency: AttrValue,
    /// Whether to draw the sensitivity charts ("What if").
    what_if: bool,
}

/// The charts, drawn a frame after the figures they illustrate: a keystroke updates the cards at
/// once, and the charts (the page's most costly views) follow in the next frame. Until then the
/// charts' props stay equal, so Yew does not render them again.
#[function_component]
fn Charts(props: &ChartsProps) -> Html {
    // The breakdown chart after the first paint, then the volume chart, then each sensitivity
    // chart (ten comparisons each), a painted frame apart: four short tasks instead of one long
    // one.
    let step = use_paint_steps(4);
    let drawn = use_after_paint(props.clone());
    let state = &drawn.state.0;
    let models: Vec<(ModelKind, Option<Shown>)> = ModelKind::ALL
        .iter()
        .map(|k| (*k, state.shown(*k).cloned()))
        .collect();
    // The inputs the sensitivity charts vary, made once per drawn state.
    let inputs = use_memo(drawn.state.clone(), |drawn| {
        let state = &drawn.0;
        scenario_input(&state.form, &state.assumptions, &state.policy, state.lang)
    });
    let base = Base {
        comparison: state.comparison.clone(),
        inputs,
    };
    let currency = &drawn.currency;
    if step == 0 {
        // The first render shows the figures; the charts follow once they are on screen.
        return html! { <div class="charts" data-pending="true"></div> };
    }
    html! {
        <div class="charts" data-pending={(step < if drawn.what_if { 4 } else { 2 }).then_some("true")}>
            <BreakdownChart models={models.clone()} currency={currency.clone()} />
            if step >= 2 {
                <VolumeChart {models} currency={currency.clone()} units={state.comparison.scenario.monthly_units} />
            }
            if drawn.what_if && step >= 3 {
                <SensitivityChart axis={Axis::Price} base={base.clone()} currency={currency.clone()} />
            }
            if drawn.what_if && step >= 4 {
                <SensitivityChart axis={Axis::Cost} {base} currency={currency.clone()} />
            }
        </div>
    }
}

/// The page's language: `?lang=` wins, then the visitor's earlier choice (not in embed mode), then
/// the browser's languages.
pub fn initial_lang(session: &Session) -> Lang {
    i18n::starting_lang(
        session.presentation.lang.as_deref(),
        !session.presentation.embed,
    )
}

/// The steps in which the app's first screen is built while it is built off the document, one a
/// task (issue #17, lever 2: no long first task on a slow phone; `crate::start` swaps it for the
/// prerendered picture in a task of its own once the last step is in), each well under 50 ms on
/// Lighthouse's slow phone (4× CPU): 0 the page's state and effects, nothing shown; 1 the
/// header; 2 the inputs' first three groups; 3 the rest of the inputs ([`INPUTS_REST_STEP`]);
/// 4 the tools, the recommendation and the summary; 5 the cards; 6 the rest of the first screen
/// (the assumptions, the rate sheet, the footer). See [`AppProps::building`].
pub const FIRST_SCREEN_STEPS: usize = 6;

/// The step of [`FIRST_SCREEN_STEPS`] that builds the inputs after their first three groups.
pub const INPUTS_REST_STEP: usize = 3;

/// A state worked out before the app's first render, in a task of its own (issue #17: that
/// computation and the first calls of the engine's functions out of the render's task), taken by
/// the first render. Compared by identity.
#[derive(Clone, Default)]
pub struct Prepared(Option<Rc<RefCell<Option<State>>>>);

impl Prepared {
    /// `session`'s state in `lang`, as [`App`]'s first render would make it.
    pub fn new(session: &Session, lang: Lang) -> Self {
        let state = State::restored(session.current.clone(), session.pinned.clone(), lang);
        Self(Some(Rc::new(RefCell::new(Some(state)))))
    }

    /// The state, the first time it is asked for.
    fn take(&self) -> Option<State> {
        self.0.as_ref().and_then(|state| state.borrow_mut().take())
    }
}

impl PartialEq for Prepared {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        }
    }
}

/// Props of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// What the page starts from; by default the default scenario, with no storage and no link.
    #[prop_or_default]
    pub session: Rc<Session>,
    /// The language to start in; by default [`initial_lang`] of the session. [`crate::start`]
    /// passes English when the negotiated language's pack could not be fetched.
    #[prop_or_default]
    pub lang: Option<Lang>,
    /// The state made from `session` in `lang` beforehand, if it was ([`Prepared`]).
    #[prop_or_default]
    pub prepared: Prepared,
    /// While the first screen is built off the document: the last of its
    /// [`FIRST_SCREEN_STEPS`] built. `None` (the tests, the prerender, a visitor who is not shown
    /// the picture): everything at once.
    #[prop_or_default]
    pub building: Option<usize>,
}

/// The calculator page.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let session = props.session.clone();
    let embedded = session.presentation.embed;
    let state = use_reducer({
        let session = session.clone();
        let start = props.lang;
        let prepared = props.prepared.clone();
        move || {
            // The language start() could load, else ?lang=, the visitor's earlier choice, the
            // browser's.
            let lang = start.unwrap_or_else(|| initial_lang(&session));
            prepared
                .take()
                .filter(|state| state.lang == lang)
                .unwrap_or_else(|| {
                    State::restored(session.current.clone(), session.pinned.clone(), lang)
                })
        }
    });
    // While the first screen is built off the document: which parts are in yet.
    let built = |step: usize| props.building.is_none_or(|done| done >= step);
    let lang = state.lang;
    // How every figure below is written, provided to them all as one context.
    let locale = state.locale();
    use_effect_with(lang, |lang| i18n::set_document_lang(*lang));
    let notices = use_reducer({
        let session = session.clone();
        move || Notices::of(&session.messages)
    });
    let on_message = {
        let notices = notices.dispatcher();
        Callback::from(move |message: Message| notices.dispatch(NoticeAction::Push(message)))
    };
    // A language other than English comes as a pack, which the picker fetches the first time it
    // is chosen. If it cannot be had, the page stays as it is and says why.
    let on_lang = {
        let state = state.dispatcher();
        Callback::from(move |chosen: Lang| {
            if !embedded {
                i18n::store_lang(chosen);
            }
            state.dispatch(Action::SetLang(chosen));
        })
    };
    let on_lang_unavailable = on_message.reform(Message::LanguageUnavailable);
    let painted = use_painted();
    // Links keep the language the visitor chose here, and otherwise the one the page was opened in.
    let presentation = state.presentation(&session.presentation);
    share::use_link_sync(&state, &presentation, session.sync_url);
    storage::use_autosave(
        &state,
        session.autosave,
        on_message.reform(|_| Message::AutosaveFailed),
    );
    storage::use_restored(session.restoring, painted);
    embed::use_height_reporting();
    // Every action goes through one callback, made once: components whose data did not change
    // get equal props, and Yew skips them.
    let on = use_memo((), {
        let dispatcher = state.dispatcher();
        move |()| Callback::from(move |action: Action| dispatcher.dispatch(action))
    });
    let on = (*on).clone();
    let on_change = use_memo((), {
        let on = on.clone();
        move |()| on.reform(|(field, text)| Action::Set(field, text))
    });
    let on_change = (*on_change).clone();
    let on_pick = use_memo((), {
        let on = on.clone();
        move |()| on.reform(Action::SetPolicy)
    });
    let current = state.snapshot();
    let comparison = Same::from(&state.comparison);
    let pinned = state.pinned.as_ref().map(Same::from);
    let on_preset = {
        let state = state.clone();
        Callback::from(move |preset| state.dispatch(Action::ApplyPreset(preset)))
    };
    let currency = AttrValue::from(state.comparison.scenario.currency.cost.clone());
    // Results are in the cost currency unless the user asks for the sale currency.
    let sale_currency = state.comparison.scenario.currency.sale.clone();
    let can_convert = sale_currency != *currency;
    let shown_in = locale.display_currency(&currency).to_owned();
    let toggle_currency = {
        let state = state.dispatcher();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ToggleResultsCurrency))
    };
    let other_currency = if shown_in == *currency {
        sale_currency
    } else {
        currency.to_string()
    };
    let (recommendation, stale) = match &state.recommendation {
        Some((r, stale)) => (Some(r.clone()), *stale),
        None => (None, false),
    };
    let best = recommendation.as_ref().map(|r| r.best);
    let best_profit = best
        .and_then(|b| state.shown(b))
        .and_then(|s| s.result())
        .map(|r| r.monthly_profit);
    let policy = state.policy();
    let (panel_where, panel_errors) = Where::of(&state.comparison);
    let shown: Vec<_> = ModelKind::ALL
        .iter()
        .map(|k| (*k, state.shown(*k).cloned()))
        .collect();
    // Made once the summary is built (it is not while the first screen is built in steps).
    let announcement = if !built(4) {
        String::new()
    } else {
        let t = lang.texts();
        let profits: Vec<String> = shown
            .iter()
            .filter_map(|(k, s)| {
                s.as_ref().and_then(|s| s.result()).map(|result| {
                    let money = format::money(&locale, result.monthly_profit, &currency);
                    i18n::fill(t.page.profit_a_month, |i| match i {
                        0 => Some(t.model_name(*k).to_owned()),
                        1 => Some(money.clone()),
                        _ => None,
                    })
                })
            })
            .collect();
        let lead = recommendation
            .as_ref()
            .map(|r| sentence_in(&locale, r, best_profit, &currency))
            .unwrap_or_default();
        format!("{lead} {}", profits.join(t.page.item_separator))
    };

    html! {
        <ContextProvider<Locale> context={locale.clone()}>
        <div class={classes!("page", embedded.then_some("embed"))}>
            if !embedded && built(1) {
                <PageHeader page={Page::Calculator} tagline={lang.texts().header.tagline}
                    other_page={lang.texts().header.catalog} {lang} {on_lang} {on_lang_unavailable}>
                    <PresetPicker {on_preset} preset={state.preset.map(|p| p.id)} {lang} />
                </PageHeader>
            }
            <div class="layout">
                <main class="results" data-testid="comparison" aria-label="Results">
                    if built(4) {
                    if can_convert {
                        <p class="currency-toggle">
                            <span>{ i18n::fill(lang.texts().page.results_in, |i| (i == 0).then(|| shown_in.clone())) }</span>
                            <button type="button" data-testid="currency-toggle" onclick={toggle_currency}>
                                { i18n::fill(lang.texts().page.show_results_in, |i| (i == 0).then(|| other_currency.clone())) }
                            </button>
                        </p>
                    }
                    if embedded {
                        { embed_title(lang) }
                    }
                    { notice_list(&notices, lang) }
                    if !embedded {
                        <ShareBar current={current.clone()} comparison={comparison.clone()} pinned={pinned.clone()}
                            changed={state.changed()} on={on.clone()} presentation={presentation.clone()}
                            can_save={session.persist} on_message={on_message.clone()} />
                    }
                    <PolicyBar comparison={comparison.clone()} form={state.form.clone()} assumptions={state.assumptions.clone()}
                        policy={state.policy.clone()} on_pick={(!embedded).then(|| (*on_pick).clone())} />
                    <RecommendationBanner {recommendation} {stale} best_monthly_profit={best_profit} currency={currency.clone()} />
                    if let Some(pinned) = pinned {
                        <AbCompare {pinned} current={current.clone()} comparison={comparison.clone()} on={on.clone()} />
                    }
                    <SummaryBar shown={shown.clone()} {best} currency={currency.clone()}
                        markets={state.comparison.scenario.destinations.len()} />
                    <p class="visually-hidden" aria-live="polite" data-testid="live-summary">{ announcement }</p>
                    }
                    if built(5) {
                    <div class="cards">
                        { for shown.iter().map(|(kind, s)| html! {
                            <ModelCard kind={*kind} shown={s.clone()} currency={currency.clone()}
                                best={best == Some(*kind) && !stale} units={state.comparison.scenario.monthly_units}
                                estimated={*kind == ModelKind::Full && state.comparison.supply_estimated()}
                                warnings={card_warnings(&locale, &state.comparison, *kind)} />
                        }) }
                    </div>
                    }
                    if built(6) {
                    <Charts state={Drawn(Rc::new((*state).clone()))} currency={currency.clone()} what_if={!embedded} />
                    }
                    // Below the first screen: built once the figures are painted.
                    if !embedded && painted {
                        <SolverPanel key={state.generation} comparison={comparison.clone()} on_change={on_change.clone()} />
                    }
                </main>
                <aside class="input-column" aria-label="Inputs">
                    if built(2) {
                    <Inputs form={state.form.clone()} comparison={comparison.clone()} assumptions={state.assumptions.clone()}
                        policy={state.policy.clone()} on_change={on_change.clone()} whole={built(INPUTS_REST_STEP)} />
                    }
                    if built(6) {
                    <AssumptionsPanel scenario={panel_where} errors={panel_errors}
                        sheet={crate::rate_sheet::active().map(Same)} assumptions={state.assumptions.clone()}
                        policy={state.policy.clone()} on={on.clone()} />
                    if !embedded {
                        <RateSheetPanel policy={state.policy.clone()} persist={session.persist} on={on.clone()} />
                    }
                    }
                    if !embedded && painted {
                        <SavedScenarios current={current.clone()} preset={state.preset.map(|p| p.id)} on={on.clone()}
                            initial={session.library.clone()}
                            available={session.persist} writable={session.library_writable}
                            on_message={on_message.clone()} />
                    }
                </aside>
            </div>
            if !built(6) {
            } else if embedded {
                { embed_link(&current, lang, &presentation) }
            } else {
                <PageFooter policy_id={policy.id.clone()} version={policy.version.clone()} effective_date={policy.effective_date.clone()} />
            }
        </div>
        </ContextProvider<Locale>>
    }
}
