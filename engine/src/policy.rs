//! Policy sets: the platform's rules as versioned data, with a source for every value.
//!
//! A policy set is a JSON file under `engine/policies/`, compiled into the binary as tables by
//! `engine/build.rs` (so the shipped wasm needs no JSON parsing for it). Each value has
//! an id (`commission.home`, `postage.standard.ES.0_150g.per_kg`), a unit, a default and a source key; the
//! source `assumption` marks values that no public source supports. A scenario may override any
//! value by id through its `assumptions` object.

use std::borrow::Cow;
use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::decimal::{parse_decimal, ParseError};
use crate::error::Problem;
use crate::input::Unit;
use crate::scenario::ModelKind;

/// The policy set a scenario uses when it names none: the newest built-in set by its effective
/// date (a test holds the two together).
pub const DEFAULT_POLICY_ID: &str = "aliexpress-2025-08";

/// A built-in policy file as `build.rs` compiles it: every field as the file writes it.
struct RawSet {
    /// The file's name under `engine/policies/`, for the tests.
    #[cfg_attr(not(test), allow(dead_code))]
    file: &'static str,
    id: &'static str,
    name: &'static str,
    version: &'static str,
    effective_date: &'static str,
    currency: &'static str,
    based_on: Option<&'static str>,
    sources: &'static [(&'static str, &'static str)],
    categories: &'static [(&'static str, &'static str)],
    destinations: &'static [(&'static str, &'static str, bool)],
    currencies: &'static [&'static str],
    services: &'static [RawService],
    renamed: &'static [(&'static str, &'static str)],
    removed: &'static [&'static str],
    values: &'static [RawValue],
}

/// One value of a [`RawSet`].
struct RawValue {
    id: &'static str,
    label: &'static str,
    unit: &'static str,
    default: Decimal,
    source: &'static str,
    note: &'static str,
    max: Option<Decimal>,
    positive: bool,
    note_key: Option<&'static str>,
    since: &'static str,
}

/// One logistics service of a [`RawSet`].
struct RawService {
    id: &'static str,
    name: &'static str,
    model: ModelKind,
    source: &'static str,
    note: &'static str,
    bands: &'static [RawBand],
}

/// One weight band of a [`RawService`].
struct RawBand {
    id: &'static str,
    name: &'static str,
    max_g: Decimal,
    step_g: Option<Decimal>,
}

// `const BUILTIN: &[RawSet]`, one per file in engine/policies/.
include!(concat!(env!("OUT_DIR"), "/builtin_policies.rs"));

// `whole_policy`: a file based on another set, completed (shared with build.rs).
include!("policy_file.rs");

/// A product category, which sets the commission rate.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
pub struct Category {
    /// Stable id used in scenarios, such as `home`.
    pub id: String,
    /// English name.
    pub name: String,
}

/// A destination market, which sets last-mile postage.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
pub struct Destination {
    /// ISO 3166 alpha-2 code, such as `ES`.
    pub code: String,
    /// English name.
    pub name: String,
    /// Whether Cainiao promises delivery within five days there (seed article).
    #[serde(default)]
    pub cainiao_five_day: bool,
}

/// A logistics service that ships parcels to buyers (a line of AliExpress's rate sheets, or
/// Cainiao's Choice logistics): the weight bands it prices parcels in. Its rates are policy values
/// `postage.<service>.<destination>.<band>.per_kg` and `.per_parcel`; a destination without them
/// is one the service does not reach. It takes parcels up to its last band's upper bound.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
pub struct Service {
    /// Stable id, such as `standard`; `pop.shipping` names POP's by it.
    pub id: String,
    /// Its name, such as `AliExpress Standard` (a proper name, the same in every language).
    pub name: String,
    /// The model that ships with it: `pop` (the seller's choice of line) or `semi` (Choice).
    pub model: ModelKind,
    /// Key into the policy's `sources` for the band structure; `assumption` when none was found.
    pub source: String,
    /// Why the bands are what they are.
    pub note: String,
    /// Its weight bands, lightest first; each covers the weights above the previous band's upper
    /// bound up to and including its own.
    pub bands: Vec<Band>,
}

/// A weight band of a [`Service`]: parcels up to `max_g` grams (and above the previous band's).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
pub struct Band {
    /// Stable id within the service, such as `300_2000g`, as its rates' ids use it.
    pub id: String,
    /// Its range as written, such as `300–2000 g`.
    pub name: String,
    /// The heaviest parcel in the band, in grams (the band includes it).
    pub max_g: Decimal,
    /// When the band prices weight in steps (the half kilo of large parcels), the step in grams:
    /// the weight is rounded up to a whole number of steps before it is priced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step_g: Option<Decimal>,
}

impl Service {
    /// The heaviest parcel the service takes, in grams: its last band's upper bound.
    pub fn max_weight_g(&self) -> Decimal {
        self.bands.last().map_or(Decimal::ZERO, |b| b.max_g)
    }

    /// The band a parcel of `grams` (chargeable weight) falls in; `None` above the service's
    /// limit.
    pub fn band(&self, grams: Decimal) -> Option<&Band> {
        self.bands.iter().find(|b| grams <= b.max_g)
    }

    /// The id of its rate for `destination` in `band` (`per_kg` or `per_parcel`).
    pub fn rate_id(&self, destination: &str, band: &Band, what: &str) -> String {
        self.rate_id_parts(destination, band, what).concat()
    }

    /// [`Service::rate_id`] in parts, for [`with_id`].
    pub(crate) fn rate_id_parts<'a>(
        &'a self,
        destination: &'a str,
        band: &'a Band,
        what: &'a str,
    ) -> [&'a str; 8] {
        [
            "postage.",
            &self.id,
            ".",
            destination,
            ".",
            &band.id,
            ".",
            what,
        ]
    }
}

/// The longest id [`with_id`] joins without allocating (the policy's longest is ~45 bytes).
const ID_BYTES: usize = 96;

/// Calls `f` with the id `parts` joined (`["returns.", model, ".refund_borne"]`), joined on
/// the stack: the engine looks up a dozen such ids for every row of a catalog, and building
/// each with `format!` was a tenth of a row's time in wasm.
pub(crate) fn with_id<R>(parts: &[&str], f: impl FnOnce(&str) -> R) -> R {
    let len: usize = parts.iter().map(|p| p.len()).sum();
    if len > ID_BYTES {
        return f(&parts.concat());
    }
    let mut buf = [0u8; ID_BYTES];
    let mut at = 0;
    for part in parts {
        buf[at..at + part.len()].copy_from_slice(part.as_bytes());
        at += part.len();
    }
    // Whole `str`s end to end are UTF-8.
    match std::str::from_utf8(&buf[..len]) {
        Ok(id) => f(id),
        Err(_) => f(&parts.concat()),
    }
}

/// One editable policy value.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct PolicyValue {
    /// Stable id, used by `assumptions` overrides and the assumptions panel.
    pub id: String,
    /// English label.
    pub label: String,
    /// Unit: `%`, `days`, `CNY`, `CNY/kg`, `CNY/parcel` or `CNY/unit` (amounts in the policy's currency).
    pub unit: String,
    /// The default, as the policy file states it.
    pub default: Decimal,
    /// Key into the policy's `sources`; `assumption` when no public source was found.
    pub source: String,
    /// Why the value is what it is.
    pub note: String,
    /// The largest value an override may take; percentages default to 100, days to 3,650 and
    /// others to 1,000,000.
    #[serde(default)]
    pub max: Option<Decimal>,
    /// Whether the value must be more than zero (an exchange rate), not merely zero or more.
    #[serde(default)]
    pub positive: bool,
    /// The effective date of the set that last stated this value: the set's own date, or an
    /// earlier set's for a value it carries over unchanged.
    #[serde(default)]
    pub since: String,
    /// Which translated note stands for this value's note, where one id has different notes in
    /// different sets (a category's commission before and after a change); by id otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_key: Option<String>,
}

impl PolicyValue {
    /// Whether no public source supports this value.
    pub fn is_assumption(&self) -> bool {
        self.source == "assumption"
    }

    /// The largest value an override may take.
    pub fn max(&self) -> Decimal {
        self.max.unwrap_or(match self.unit.as_str() {
            "%" => Decimal::ONE_HUNDRED,
            "days" => Decimal::from(3_650),
            _ => Decimal::from(1_000_000),
        })
    }
}

/// A versioned set of platform policies.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct PolicySet {
    /// Stable id, such as `aliexpress-2024`.
    pub id: String,
    /// English name.
    pub name: String,
    /// Version of this data; bumps whenever a value changes.
    pub version: String,
    /// The date from which these policies apply (ISO 8601).
    pub effective_date: String,
    /// The set this one changes, when it is written as changes to an earlier set: the set "what
    /// changed" compares it with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub based_on: Option<String>,
    /// Currency of every money value in this set.
    pub currency: String,
    /// Source notes, by key.
    pub sources: BTreeMap<String, String>,
    /// Product categories.
    pub categories: Vec<Category>,
    /// Destination markets.
    pub destinations: Vec<Destination>,
    /// Currencies a scenario may use.
    pub currencies: Vec<String>,
    /// The logistics services that ship to buyers, with their weight bands.
    #[serde(default)]
    pub services: Vec<Service>,
    /// Every editable value.
    pub values: Vec<PolicyValue>,
    /// Ids that earlier versions of this set used, with the id that replaced each, so that an
    /// override saved or shared under the old id still applies.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub renamed: BTreeMap<String, String>,
    #[serde(skip)]
    index: FxHashMap<String, usize>,
    /// Every value's default, in the order of `values`: what [`PolicySet::defaults`] lends.
    #[serde(skip)]
    default_values: Vec<Decimal>,
}

impl PolicySet {
    /// Parses a policy file and checks that its ids are unique and its sources known. A file
    /// based on another set is completed from `parent` (see [`whole_policy`]).
    pub fn from_json(text: &str, parent: Option<&PolicySet>) -> Result<Self, String> {
        let file: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let parent = match (file.get("based_on"), parent) {
            (None, _) => None,
            (Some(_), None) => return Err("based on a set that was not given".to_owned()),
            (Some(_), Some(parent)) => {
                Some(serde_json::to_value(parent).map_err(|e| e.to_string())?)
            }
        };
        let whole = whole_policy(&file, parent.as_ref());
        let set: PolicySet = serde_json::from_value(whole).map_err(|e| e.to_string())?;
        set.checked()
    }
}

/// A file's own list, or the parent's when the file leaves it out (empty).
fn inherit<T>(mine: Vec<T>, theirs: Option<Vec<T>>) -> Vec<T> {
    match theirs {
        Some(theirs) if mine.is_empty() => theirs,
        _ => mine,
    }
}

impl PolicySet {
    /// A built-in set from the tables `build.rs` wrote: the file's own part, completed from
    /// `parent` (the set it is based on, already whole) by the rule of [`whole_policy`].
    fn from_raw(raw: &RawSet, parent: Option<&PolicySet>) -> Result<Self, String> {
        let own = |s: &str| s.to_owned();
        if raw.based_on.is_some() != parent.is_some() {
            return Err(format!("{}: based_on and its parent disagree", raw.id));
        }
        let mut sources = parent.map(|p| p.sources.clone()).unwrap_or_default();
        sources.extend(raw.sources.iter().map(|(k, v)| (own(k), own(v))));
        let mut renamed = parent.map(|p| p.renamed.clone()).unwrap_or_default();
        renamed.extend(raw.renamed.iter().map(|(old, new)| (own(old), own(new))));
        let changes: Vec<PolicyValue> = raw
            .values
            .iter()
            .map(|v| PolicyValue {
                id: own(v.id),
                label: own(v.label),
                unit: own(v.unit),
                default: v.default,
                source: own(v.source),
                note: own(v.note),
                max: v.max,
                positive: v.positive,
                note_key: v.note_key.map(own),
                since: own(v.since),
            })
            .collect();
        let mut values: Vec<PolicyValue> = parent
            .map(|p| p.values.clone())
            .unwrap_or_default()
            .into_iter()
            .filter(|v| !raw.removed.contains(&v.id.as_str()))
            .map(|v| changes.iter().find(|c| c.id == v.id).cloned().unwrap_or(v))
            .collect();
        for change in &changes {
            if !values.iter().any(|v| v.id == change.id) {
                values.push(change.clone());
            }
        }
        PolicySet {
            id: own(raw.id),
            name: own(raw.name),
            version: own(raw.version),
            effective_date: own(raw.effective_date),
            currency: match (raw.currency, parent) {
                ("", Some(parent)) => parent.currency.clone(),
                (currency, _) => own(currency),
            },
            based_on: raw.based_on.map(own),
            sources,
            categories: inherit(
                raw.categories
                    .iter()
                    .map(|(id, name)| Category {
                        id: own(id),
                        name: own(name),
                    })
                    .collect(),
                parent.map(|p| p.categories.clone()),
            ),
            destinations: inherit(
                raw.destinations
                    .iter()
                    .map(|(code, name, five_day)| Destination {
                        code: own(code),
                        name: own(name),
                        cainiao_five_day: *five_day,
                    })
                    .collect(),
                parent.map(|p| p.destinations.clone()),
            ),
            currencies: inherit(
                raw.currencies.iter().map(|c| own(c)).collect(),
                parent.map(|p| p.currencies.clone()),
            ),
            services: inherit(
                raw.services
                    .iter()
                    .map(|s| Service {
                        id: own(s.id),
                        name: own(s.name),
                        model: s.model,
                        source: own(s.source),
                        note: own(s.note),
                        bands: s
                            .bands
                            .iter()
                            .map(|b| Band {
                                id: own(b.id),
                                name: own(b.name),
                                max_g: b.max_g,
                                step_g: b.step_g,
                            })
                            .collect(),
                    })
                    .collect(),
                parent.map(|p| p.services.clone()),
            ),
            renamed,
            values,
            index: FxHashMap::default(),
            default_values: Vec::new(),
        }
        .checked()
    }

    /// Indexes the values, and checks that their ids are unique, their sources known and their
    /// defaults in range.
    fn checked(mut self) -> Result<Self, String> {
        self.default_values = self.values.iter().map(|v| v.default).collect();
        for (i, value) in self.values.iter().enumerate() {
            if self.index.insert(value.id.clone(), i).is_some() {
                return Err(format!("duplicate policy value id {}", value.id));
            }
            if !self.sources.contains_key(&value.source) {
                return Err(format!("{}: unknown source {}", value.id, value.source));
            }
            if value.default.is_sign_negative()
                || value.default > value.max()
                || (value.positive && value.default.is_zero())
            {
                return Err(format!("{}: default out of range", value.id));
            }
        }
        self.check_services()?;
        for (old, new) in &self.renamed {
            if self.index.contains_key(old) || !self.index.contains_key(new) {
                return Err(format!(
                    "renamed {old} -> {new}: not an old id for a current one"
                ));
            }
        }
        Ok(self)
    }

    /// Each service's bands rise and its steps divide them; each destination has all of a
    /// service's rates or none; the services that every destination needs (Choice, and POP's
    /// first line, its default) reach them all.
    fn check_services(&self) -> Result<(), String> {
        for service in &self.services {
            if !self.sources.contains_key(&service.source) {
                return Err(format!("service {}: unknown source", service.id));
            }
            let mut floor = Decimal::ZERO;
            for band in &service.bands {
                let steps_fit = band.step_g.is_none_or(|step| {
                    step > Decimal::ZERO
                        && (band.max_g % step).is_zero()
                        && (floor % step).is_zero()
                });
                if band.max_g <= floor || !steps_fit {
                    return Err(format!(
                        "service {} band {}: bad bounds",
                        service.id, band.id
                    ));
                }
                floor = band.max_g;
            }
            if service.bands.is_empty() {
                return Err(format!("service {}: no bands", service.id));
            }
            let first_of_model = self
                .services
                .iter()
                .find(|s| s.model == service.model)
                .is_some_and(|s| s.id == service.id);
            for destination in &self.destinations {
                let found = service
                    .bands
                    .iter()
                    .flat_map(|band| ["per_kg", "per_parcel"].map(|w| (band, w)))
                    .filter(|(band, what)| {
                        self.index
                            .contains_key(&service.rate_id(&destination.code, band, what))
                    })
                    .count();
                let complete = found == 2 * service.bands.len();
                if !(complete || (found == 0 && !first_of_model)) {
                    return Err(format!(
                        "service {} to {}: {found} of its rates",
                        service.id, destination.code
                    ));
                }
            }
        }
        Ok(())
    }

    /// The built-in policy sets.
    pub fn builtin() -> &'static [PolicySet] {
        static SETS: OnceLock<Vec<PolicySet>> = OnceLock::new();
        SETS.get_or_init(|| {
            // The files are compiled in and checked by the test suite, so a bad file cannot
            // ship. A set is built once the set it is based on is.
            let mut sets: Vec<PolicySet> = Vec::new();
            let mut waiting: Vec<&RawSet> = BUILTIN.iter().collect();
            while !waiting.is_empty() {
                let before = waiting.len();
                waiting.retain(|raw| {
                    let parent = match raw.based_on {
                        None => None,
                        Some(id) => match sets.iter().find(|s| s.id == id) {
                            Some(parent) => Some(parent),
                            None => return true,
                        },
                    };
                    if let Ok(set) = PolicySet::from_raw(raw, parent) {
                        sets.push(set);
                    }
                    false
                });
                if waiting.len() == before {
                    break;
                }
            }
            // In the files' order, whatever the order they were completed in.
            sets.sort_by_key(|s| BUILTIN.iter().position(|raw| raw.id == s.id));
            sets
        })
    }

    /// The default set; an empty one if none were built in, which tests rule out, so that callers
    /// never need to unwrap.
    pub fn default_set() -> &'static PolicySet {
        static EMPTY: OnceLock<PolicySet> = OnceLock::new();
        Self::find(DEFAULT_POLICY_ID)
            .or_else(|| Self::builtin().first())
            .unwrap_or_else(|| {
                EMPTY.get_or_init(|| PolicySet {
                    id: String::new(),
                    name: String::new(),
                    version: String::new(),
                    effective_date: String::new(),
                    currency: String::new(),
                    based_on: None,
                    sources: BTreeMap::new(),
                    categories: Vec::new(),
                    destinations: Vec::new(),
                    currencies: Vec::new(),
                    services: Vec::new(),
                    values: Vec::new(),
                    renamed: BTreeMap::new(),
                    index: FxHashMap::default(),
                    default_values: Vec::new(),
                })
            })
    }

    /// The built-in set with the latest effective date: the one a scenario gets when it names
    /// none.
    pub fn newest() -> Option<&'static PolicySet> {
        Self::builtin()
            .iter()
            .max_by(|a, b| a.effective_date.cmp(&b.effective_date))
    }

    /// The built-in set this one is based on, for "what changed".
    pub fn previous(&self) -> Option<&'static PolicySet> {
        Self::find(self.based_on.as_deref()?)
    }

    /// The values whose default, source or note differs from `earlier`'s (a rate that changed
    /// to an unpublished figure keeps its default but not its note), or that one of the two sets
    /// lacks: (id, the earlier default, this set's default), in this set's order, then the values
    /// only `earlier` had.
    pub fn changes_from<'a>(
        &'a self,
        earlier: &'a PolicySet,
    ) -> Vec<(&'a str, Option<Decimal>, Option<Decimal>)> {
        let mut changes: Vec<(&str, Option<Decimal>, Option<Decimal>)> = self
            .values
            .iter()
            .filter_map(|v| {
                let before = earlier.value(&v.id);
                let same = before.is_some_and(|e| {
                    e.default == v.default && e.source == v.source && e.note == v.note
                });
                (!same).then_some((v.id.as_str(), before.map(|e| e.default), Some(v.default)))
            })
            .collect();
        for gone in &earlier.values {
            if self.value(&gone.id).is_none() {
                changes.push((gone.id.as_str(), Some(gone.default), None));
            }
        }
        changes
    }

    /// The built-in set with this id.
    pub fn find(id: &str) -> Option<&'static PolicySet> {
        Self::builtin().iter().find(|set| set.id == id)
    }

    /// The value with this id.
    pub fn value(&self, id: &str) -> Option<&PolicyValue> {
        self.index.get(id).map(|&i| &self.values[i])
    }

    /// The current id for `id`: itself when the set has it, the id that replaced it when it was
    /// renamed, else `None`.
    pub fn current_id<'a>(&'a self, id: &'a str) -> Option<&'a str> {
        if self.index.contains_key(id) {
            Some(id)
        } else {
            self.renamed.get(id).map(String::as_str)
        }
    }

    /// The category with this id.
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The destination with this code.
    pub fn destination(&self, code: &str) -> Option<&Destination> {
        self.destinations.iter().find(|d| d.code == code)
    }

    /// The service with this id.
    pub fn service(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.id == id)
    }

    /// The services a model ships with: POP's lines (the first is its default), Choice's one.
    pub fn services_of(&self, model: ModelKind) -> impl Iterator<Item = &Service> {
        self.services.iter().filter(move |s| s.model == model)
    }

    /// Whether `service` has rates for `destination` (and so reaches it).
    pub fn reaches(&self, service: &Service, destination: &str) -> bool {
        service.bands.first().is_some_and(|band| {
            self.index
                .contains_key(&service.rate_id(destination, band, "per_kg"))
        })
    }

    /// The defaults, ready for overrides.
    pub fn defaults(&self) -> Assumptions<'_> {
        Assumptions {
            policy: self,
            values: Cow::Borrowed(&self.default_values),
        }
    }
}

/// A policy set's values as one scenario uses them: the defaults with any overrides applied.
#[derive(Clone, Debug)]
pub struct Assumptions<'p> {
    policy: &'p PolicySet,
    /// The policy's defaults, copied on the first override.
    values: Cow<'p, [Decimal]>,
}

/// A value the engine needs is missing from the policy set (a data error, caught by tests).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingValue(pub String);

impl<'p> Assumptions<'p> {
    /// The policy set these values come from.
    pub fn policy(&self) -> &'p PolicySet {
        self.policy
    }

    /// The value in force for `id`.
    pub fn get(&self, id: &str) -> Result<Decimal, MissingValue> {
        self.policy
            .index
            .get(id)
            .map(|&i| self.values[i])
            .ok_or_else(|| MissingValue(id.to_owned()))
    }

    /// The value in force for the id joined from `parts` (see [`with_id`]).
    pub(crate) fn get_in(&self, parts: &[&str]) -> Result<Decimal, MissingValue> {
        with_id(parts, |id| self.get(id))
    }

    /// Whether the value in force for `id` differs from its default.
    pub fn is_overridden(&self, id: &str) -> bool {
        self.policy
            .index
            .get(id)
            .is_some_and(|&i| self.values[i] != self.policy.values[i].default)
    }

    /// Overrides the value `id` with `value`, within the value's range.
    pub fn set(&mut self, id: &str, value: Decimal) -> Result<(), Problem> {
        let Some(&i) = self.policy.index.get(id) else {
            return Err(Problem::UnknownPolicyValue {
                policy: self.policy.id.clone(),
            });
        };
        let spec = &self.policy.values[i];
        if value.is_sign_negative() && !value.is_zero() {
            return Err(Problem::Negative);
        }
        if spec.positive && value.is_zero() {
            return Err(Problem::NotPositive);
        }
        if value > spec.max() {
            return Err(Problem::TooLarge {
                max: spec.max(),
                unit: Unit::of_policy_value(&spec.unit),
            });
        }
        self.values.to_mut()[i] = value;
        Ok(())
    }

    /// Parses `text` and overrides `id` with it.
    pub fn set_text(&mut self, id: &str, text: &str) -> Result<(), Problem> {
        let value = parse_decimal(text).map_err(ParseError::problem)?;
        self.set(id, value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_joined_on_the_stack_are_the_parts_end_to_end() {
        assert_eq!(
            with_id(&["returns.", "semi", ".unsellable"], str::to_owned),
            "returns.semi.unsellable"
        );
        assert_eq!(with_id(&[], str::to_owned), "");
        // Non-ASCII parts, and an id longer than the buffer (joined on the heap instead).
        assert_eq!(with_id(&["fx.", "€", "中"], str::to_owned), "fx.€中");
        let long = "x".repeat(ID_BYTES);
        assert_eq!(with_id(&[&long, ".y"], str::to_owned), format!("{long}.y"));
        assert_eq!(with_id(&[&long[1..]], str::to_owned), long[1..]);
        // A service's rate id is the same in parts as whole.
        let service = &PolicySet::builtin()[0].services[0];
        let band = &service.bands[0];
        assert_eq!(
            with_id(&service.rate_id_parts("ES", band, "per_kg"), str::to_owned),
            service.rate_id("ES", band, "per_kg"),
        );
    }

    #[test]
    fn builtin_policy_parses() {
        assert_eq!(
            PolicySet::newest().map(|s| s.id.as_str()),
            Some(DEFAULT_POLICY_ID),
            "the default set is the newest"
        );
        let set = PolicySet::find("aliexpress-2024").expect("built-in policy");
        assert_eq!(set.version, "5");
        assert_eq!(PolicySet::default_set().id, DEFAULT_POLICY_ID);
        assert_eq!(set.defaults().get("commission.home"), Ok(Decimal::from(8)));
        assert!(set.value("commission.home").unwrap().is_assumption());
        assert!(!set
            .value("semi.jit_commission_waiver")
            .unwrap()
            .is_assumption());
    }

    /// Each built-in set is exactly what its file says, read the way any policy file is read.
    #[test]
    fn builtin_sets_equal_their_files() {
        assert_eq!(
            BUILTIN.len(),
            PolicySet::builtin().len(),
            "every file checks"
        );
        for (raw, set) in BUILTIN.iter().zip(PolicySet::builtin()) {
            let path = format!("{}/policies/{}", env!("CARGO_MANIFEST_DIR"), raw.file);
            let text = std::fs::read_to_string(&path).expect("the policy file");
            let parent = set.based_on.as_deref().and_then(PolicySet::find);
            let read = PolicySet::from_json(&text, parent).expect("the file reads");
            // Serialised, so that decimals compare with their scale ("1.30" is not "1.3").
            assert_eq!(
                serde_json::to_value(set).unwrap(),
                serde_json::to_value(&read).unwrap(),
                "{}",
                raw.file
            );
            assert_eq!(set.index, read.index, "{}", raw.file);
        }
    }

    #[test]
    fn duplicate_ids_are_rejected() {
        let text = include_str!("../policies/aliexpress-2024.json").replace(
            "\"id\": \"commission.apparel\"",
            "\"id\": \"commission.home\"",
        );
        assert!(PolicySet::from_json(&text, None)
            .unwrap_err()
            .contains("duplicate"));
    }

    #[test]
    fn overrides_are_bounded_and_named() {
        let set = PolicySet::find(DEFAULT_POLICY_ID).unwrap();
        let mut values = set.defaults();
        values.set_text("commission.home", "5").unwrap();
        assert_eq!(values.get("commission.home"), Ok(Decimal::from(5)));
        assert!(values.is_overridden("commission.home"));
        assert_eq!(
            values.set_text("commission.home", "101"),
            Err(Problem::TooLarge {
                max: Decimal::ONE_HUNDRED,
                unit: Unit::Percent
            })
        );
        assert!(matches!(
            values.set_text("nope", "1"),
            Err(Problem::UnknownPolicyValue { .. })
        ));
        assert_eq!(
            values.set_text("days.pop.payout", "-1"),
            Err(Problem::Negative)
        );
    }
}
