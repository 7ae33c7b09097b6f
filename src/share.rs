//! Links that hold a whole scenario, and the prefill parameters of embedded calculators.
//!
//! Format version 2 is a plain query string with readable keys (documented in `docs/api.md`):
//!
//! ```text
//! ?v=2&cost=18&category=apparel&price=14.99&units=600&a.commission.apparel=5&c=…&lang=es&embed=1
//! ```
//!
//! - `v` is the format version. Every later version reads every earlier one; this one still reads
//!   version 1, on top of version 1's defaults ([`Snapshot::v1_defaults`]).
//! - One key per input ([`key`]), present only when the input differs from the default, so links
//!   stay short; `a.<id>` for each policy value the user changed.
//! - `c` is a check code (FNV-1a, 32 bits) over `v` and the scenario keys: a shared link that was
//!   changed or cut short is detected. Version 2 computes it over the decoded pairs, each key and
//!   value percent-encoded one canonical way ([`canonical_v2`]), so that a boundary moved into a
//!   value (`cost=31.5%26price=19.90`) changes it, while a link re-encoded on its way (`+` for
//!   `%20`, lower-case hex) keeps it. Version 1 covered the unencoded text, which could not tell
//!   `&` from `%26`. Hand-written prefill links simply leave `c` (and `v`) out.
//! - `lang` and `embed` say how to show the page, not what it computes, so they sit outside the
//!   check: a help-center author may add `&embed=1` to any shared link.
//!
//! Values are taken as typed text: the engine validates them exactly as it validates typing, and a
//! bad value shows its usual message at its field. A value holds at most [`MAX_INPUT_CHARS`]
//! characters, the limit the page writes to (a longer input is cut to it, see
//! [`State::snapshot`](crate::state::State::snapshot)), so every link the page writes reads back.

use std::collections::{BTreeMap, BTreeSet};

use sellercalc_engine::{Input, PolicySet, DEFAULT_POLICY_ID};
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::state::{Snapshot, State, MAX_INPUT_CHARS};

/// The link format version this build writes.
pub const VERSION: &str = "2";

/// The first link format: still read (on top of its own defaults), no longer written.
const VERSION_1: &str = "1";

/// The most parameters a link may have.
const MAX_PARAMS: usize = 300;

/// The prefix of policy-value keys: `a.commission.home=5`.
const ASSUMPTION_PREFIX: &str = "a.";

/// The link key of an input.
pub fn key(field: Input) -> &'static str {
    match field {
        Input::CostCurrency => "cost_currency",
        Input::SaleCurrency => "sale_currency",
        Input::Rate => "rate",
        Input::UnitCost => "cost",
        Input::Packaging => "packaging",
        Input::WeightG => "weight",
        Input::Length => "length",
        Input::Width => "width",
        Input::Height => "height",
        Input::Category => "category",
        Input::Price => "price",
        Input::MonthlyUnits => "units",
        Input::Destination => "destination",
        Input::ReturnRate => "returns",
        Input::AdSpend => "ads",
        Input::AffiliateShare => "affiliate_share",
        Input::AffiliateRate => "affiliate_rate",
        Input::EarlyPayout => "early_payout",
        Input::PopShipping => "shipping",
        Input::ShippingCharge => "shipping_charge",
        Input::SemiPrice => "semi_price",
        Input::SemiMode => "semi_mode",
        Input::SemiPopular => "popular",
        Input::SemiAdSpend => "semi_ads",
        Input::SemiAffiliateShare => "semi_affiliate_share",
        Input::SemiAffiliateRate => "semi_affiliate_rate",
        Input::SupplyPrice => "supply",
    }
}

fn field_of(name: &str) -> Option<Input> {
    Input::ALL.into_iter().find(|f| key(*f) == name)
}

/// How the page is shown: links carry it, outside the scenario and its check code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Presentation {
    /// `embed=1`: the compact layout for iframes.
    pub embed: bool,
    /// `rates=own`: the figures were made with a rate sheet of the sender's own, which the link
    /// does not carry (issue #15, item 2).
    pub rates: bool,
    /// `lang=…`: the language asked for, kept for the translations to come.
    pub lang: Option<String>,
}

/// Why a link could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// A format version this build does not know (`v=…`).
    Version(String),
    /// The check code does not match the contents: the link was changed or cut short.
    Checksum,
    /// A key appears twice, a value is too long, or the link is otherwise garbled.
    Malformed,
}

/// What a link asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// No scenario: the page starts from the autosave or the defaults.
    Empty,
    /// A scenario, from a shared link or prefill parameters.
    Scenario(Snapshot),
    /// A link that could not be read: the page shows the defaults and says so.
    Unreadable(Unreadable),
}

/// A link, read.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// The scenario it holds.
    pub outcome: Outcome,
    /// How to show the page.
    pub presentation: Presentation,
    /// Parameters that were not understood and were left out, by name.
    pub ignored: Vec<String>,
}

/// FNV-1a (32 bits) of `text`, as 8 hex digits. A check against accidents, not a signature.
pub fn checksum(text: &str) -> String {
    let hash = text.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    format!("{hash:08x}")
}

/// What a version-1 check code covers: `key=value` pairs joined with `&`, unescaped, in canonical
/// order (`v`, the inputs in form order, then `a.<id>` sorted by id). A `&` or `=` inside a value
/// reads the same as a boundary, which version 2 fixes.
fn canonical_v1(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// Appends `text` percent-encoded the one canonical way: its UTF-8 bytes, each but the unreserved
/// ones of RFC 3986 (ASCII letters, digits, `-`, `.`, `_`, `~`) written `%XX` in upper-case hex.
fn push_canonical(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
    }
}

/// What a version-2 check code covers: the decoded pairs in canonical order, each key and value
/// encoded by [`push_canonical`], as `key=value` joined with `&`. Encoded, a `&` or `=` inside a
/// key or value can no longer pass for a boundary.
pub fn canonical_v2(pairs: &[(String, String)]) -> String {
    let mut out = String::new();
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        push_canonical(&mut out, k);
        out.push('=');
        push_canonical(&mut out, v);
    }
    out
}

/// The link key of the policy set (the fees) a scenario was made with.
pub const POLICY_KEY: &str = "policy";

/// Whether `text` can be a policy set's id: 1 to 40 lower-case letters, digits and `-`. An id
/// this page does not know (from a newer SellerCalc) is kept, and the engine says so.
pub fn is_policy_id(text: &str) -> bool {
    (1..=40).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The scenario part of a link in canonical order, without `v` and `c`: the inputs that differ
/// from the defaults, the policy set, the changed policy values. A link that carries a scenario
/// always names its set, so that its figures do not move when newer fees come out.
fn scenario_pairs(snapshot: &Snapshot) -> Vec<(String, String)> {
    let defaults = Snapshot::defaults().form;
    let mut pairs = Vec::new();
    for field in Input::ALL {
        let text = snapshot.form.get(&field).map_or("", String::as_str);
        if defaults.get(&field).map(String::as_str) != Some(text) {
            pairs.push((key(field).to_owned(), text.to_owned()));
        }
    }
    if !pairs.is_empty() || !snapshot.assumptions.is_empty() || snapshot.policy != DEFAULT_POLICY_ID
    {
        pairs.push((POLICY_KEY.to_owned(), snapshot.policy.clone()));
    }
    for (id, text) in &snapshot.assumptions {
        pairs.push((format!("{ASSUMPTION_PREFIX}{id}"), text.clone()));
    }
    pairs
}

/// The link parameters for a scenario, in order: `v`, the inputs that differ from the defaults,
/// the changed policy values, `c`, then `lang` and `embed`. The default scenario has no `v` or `c`.
pub fn encode(snapshot: &Snapshot, presentation: &Presentation) -> Vec<(String, String)> {
    let mut pairs = scenario_pairs(snapshot);
    if !pairs.is_empty() {
        pairs.insert(0, ("v".to_owned(), VERSION.to_owned()));
        let check = checksum(&canonical_v2(&pairs));
        pairs.push(("c".to_owned(), check));
    }
    if let Some(lang) = &presentation.lang {
        pairs.push(("lang".to_owned(), lang.clone()));
    }
    if presentation.embed {
        pairs.push(("embed".to_owned(), "1".to_owned()));
    }
    if presentation.rates {
        pairs.push(("rates".to_owned(), "own".to_owned()));
    }
    pairs
}

/// Whether `name` is a tracking parameter that sites and messengers add, which links ignore
/// without a word.
fn is_tracking(name: &str) -> bool {
    name.starts_with("utm_") || name.ends_with("clid") || name == "_ga" || name == "ref"
}

/// A BCP 47-like language tag: `es`, `pt-BR`, `zh-Hans-CN`.
fn is_language_tag(text: &str) -> bool {
    let mut parts = text.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    first_ok
        && text.len() <= 35
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A name for the notice about ignored parameters: at most 40 characters.
fn shown_name(name: &str) -> String {
    let mut shown: String = name.chars().take(40).collect();
    if name.chars().count() > 40 {
        shown.push('…');
    }
    shown
}

/// Reads link parameters (decoded `(key, value)` pairs, in their order in the URL).
pub fn decode(pairs: &[(String, String)]) -> Link {
    let policy = PolicySet::find(DEFAULT_POLICY_ID);
    let mut presentation = Presentation::default();
    let mut ignored = Vec::new();
    let mut seen = BTreeSet::new();
    let mut malformed = pairs.len() > MAX_PARAMS;
    let mut version = None;
    let mut check = None;
    let mut fields: BTreeMap<Input, String> = BTreeMap::new();
    let mut assumptions: BTreeMap<String, String> = BTreeMap::new();
    let mut policy_id: Option<&str> = None;

    for (name, value) in pairs {
        if !seen.insert(name.as_str()) || value.chars().count() > MAX_INPUT_CHARS {
            malformed = true;
            continue;
        }
        match name.as_str() {
            "v" => version = Some(value.as_str()),
            "c" => check = Some(value.as_str()),
            "rates" => match value.as_str() {
                "own" => presentation.rates = true,
                _ => ignored.push(shown_name(name)),
            },
            "embed" => match value.as_str() {
                "1" | "true" => presentation.embed = true,
                "0" | "false" => {}
                _ => ignored.push(shown_name(name)),
            },
            POLICY_KEY => {
                if is_policy_id(value) {
                    policy_id = Some(value.as_str());
                } else {
                    malformed = true;
                }
            }
            "lang" => {
                if is_language_tag(value) {
                    presentation.lang = Some(value.clone());
                } else {
                    ignored.push(shown_name(name));
                }
            }
            _ => {
                if let Some(field) = field_of(name) {
                    fields.insert(field, value.clone());
                } else if let Some(id) = name.strip_prefix(ASSUMPTION_PREFIX) {
                    if policy.is_some_and(|p| p.value(id).is_some()) {
                        assumptions.insert(id.to_owned(), value.clone());
                    } else {
                        ignored.push(shown_name(name));
                    }
                } else if !is_tracking(name) {
                    ignored.push(shown_name(name));
                }
            }
        }
    }

    let unreadable = |why| Link {
        outcome: Outcome::Unreadable(why),
        presentation: presentation.clone(),
        ignored: Vec::new(),
    };
    let check_ok = check.is_some_and(|c| c.len() == 8 && c.bytes().all(|b| b.is_ascii_hexdigit()));
    if malformed || (check.is_some() && (version.is_none() || !check_ok)) {
        return unreadable(Unreadable::Malformed);
    }
    if let Some(v) = version.filter(|v| *v != VERSION && *v != VERSION_1) {
        return unreadable(Unreadable::Version(shown_name(v)));
    }
    let v1 = version == Some(VERSION_1);
    if let (Some(check), Some(version)) = (check, version) {
        // Over every scenario key that was in the link, known or not, so that nothing can be
        // added to a shared link unnoticed. `fields` iterates in form order (`Input`'s order).
        let mut covered = vec![("v".to_owned(), version.to_owned())];
        for (field, text) in &fields {
            covered.push((key(*field).to_owned(), text.clone()));
        }
        if let Some(id) = policy_id {
            covered.push((POLICY_KEY.to_owned(), id.to_owned()));
        }
        // Inserted one by one: collecting into a map would pull in a sort routine.
        let mut by_id = BTreeMap::new();
        for (k, v) in pairs
            .iter()
            .filter(|(k, _)| k.starts_with(ASSUMPTION_PREFIX))
        {
            by_id.insert(k.clone(), v.clone());
        }
        covered.extend(by_id);
        let text = if v1 {
            canonical_v1(&covered)
        } else {
            canonical_v2(&covered)
        };
        if !checksum(&text).eq_ignore_ascii_case(check) {
            return unreadable(Unreadable::Checksum);
        }
    }
    if fields.is_empty() && assumptions.is_empty() && policy_id.is_none() {
        return Link {
            outcome: Outcome::Empty,
            presentation,
            ignored,
        };
    }
    // A link holds only what differs from its version's defaults. One without a version (a
    // hand-written prefill link) takes the page's own.
    let mut snapshot = if v1 {
        Snapshot::v1_defaults()
    } else {
        Snapshot::defaults()
    };
    // A checkbox is ticked or not: any other value is not the user's to type.
    if let Some(text) = fields.get(&Input::SemiPopular) {
        let normal = match text.as_str() {
            "true" | "1" => Some("true"),
            "false" | "0" => Some("false"),
            _ => None,
        };
        match normal {
            Some(normal) => {
                fields.insert(Input::SemiPopular, normal.to_owned());
            }
            None => {
                fields.remove(&Input::SemiPopular);
                ignored.push(key(Input::SemiPopular).to_owned());
            }
        }
    }
    snapshot.form.extend(fields);
    snapshot.assumptions = assumptions;
    if let Some(id) = policy_id {
        snapshot.policy = id.to_owned();
    }
    Link {
        outcome: Outcome::Scenario(snapshot),
        presentation,
        ignored,
    }
}

/// Splits a query string (with or without its `?`) into decoded pairs. `None` when a value is
/// not valid percent-encoding.
pub fn parse_query(search: &str) -> Option<Vec<(String, String)>> {
    let query = search.strip_prefix('?').unwrap_or(search);
    let decode = |text: &str| {
        js_sys::decode_uri_component(&text.replace('+', " "))
            .ok()
            .and_then(|s| s.as_string())
    };
    query
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            Some((decode(k)?, decode(v)?))
        })
        .collect()
}

/// Joins pairs into a query string, without the `?`.
pub fn query_string(pairs: &[(String, String)]) -> String {
    let encode = |text: &str| String::from(js_sys::encode_uri_component(text));
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Reads the page's own URL.
pub fn read_location() -> Link {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    match parse_query(&search) {
        Some(pairs) => decode(&pairs),
        None => Link {
            outcome: Outcome::Unreadable(Unreadable::Malformed),
            presentation: Presentation::default(),
            ignored: Vec::new(),
        },
    }
}

/// The page's address without its query: `https://example.com/calc/` (empty natively, as in the
/// build-time prerender, which has no address).
fn base_url() -> String {
    if !cfg!(target_arch = "wasm32") {
        return String::new();
    }
    web_sys::window()
        .and_then(|w| {
            let location = w.location();
            Some(format!(
                "{}{}",
                location.origin().ok()?,
                location.pathname().ok()?
            ))
        })
        .unwrap_or_default()
}

/// The full link to a scenario: what "Copy link" copies.
pub fn link(snapshot: &Snapshot, presentation: &Presentation) -> String {
    let query = query_string(&encode(snapshot, presentation));
    if query.is_empty() {
        base_url()
    } else {
        format!("{}?{query}", base_url())
    }
}

/// Puts the scenario in the address bar without a new history entry, so that a reload or a copied
/// address gives it back.
fn replace_location(snapshot: &Snapshot, presentation: &Presentation) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let query = query_string(&encode(snapshot, presentation));
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    if location
        .search()
        .ok()
        .as_deref()
        .map(|s| s.trim_start_matches('?'))
        == Some(&query)
    {
        return;
    }
    if let Ok(history) = window.history() {
        // Fails in sandboxed frames without an origin: the link then simply stays as it was.
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// How long the address bar waits for typing to pause. Browsers throttle frequent history updates.
const SYNC_DELAY_MS: u32 = 150;

/// Keeps the address bar in step with the inputs, a moment after each change.
#[hook]
pub fn use_link_sync(state: &UseReducerHandle<State>, presentation: &Presentation, enabled: bool) {
    let snapshot = state.snapshot();
    let presentation = presentation.clone();
    use_effect_with(
        (snapshot, presentation, enabled),
        |(snapshot, presentation, enabled)| {
            let timeout = enabled.then(|| {
                let snapshot = snapshot.clone();
                let presentation = presentation.clone();
                gloo_timers::callback::Timeout::new(SYNC_DELAY_MS, move || {
                    replace_location(&snapshot, &presentation);
                })
            });
            move || drop(timeout)
        },
    );
}
