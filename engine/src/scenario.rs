//! The scenario a seller describes, and how loose input (JSON from a page or an embedder) becomes
//! one, with an error naming the field for every problem.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::decimal::{parse_decimal, parse_json_number, ParseError};
use crate::error::{Conflict, ErrorCode, Expected, FieldError, Problem};
use crate::input::{Bounds, Field, Group, Input, InputKind, MarketPart, Unit};
use crate::policy::{Assumptions, PolicySet, DEFAULT_POLICY_ID};
use crate::warning::{Warning, WarningKind};

/// The key of the market mix.
const DESTINATIONS_KEY: &str = "destinations";

/// The most entries of `destinations` read from JSON: more than any policy has markets (a list
/// longer than the policy's markets is an error whatever it holds).
const MARKETS_READ: usize = 64;

/// The key of the parcel's sides in `product`.
const DIMENSIONS_KEY: &str = "dimensions_cm";

/// The three ways of selling on AliExpress.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ModelKind {
    /// Merchant self-operated store: the seller prices, ships and handles returns.
    Pop,
    /// POP store with the Choice badge: the seller prices, the platform ships.
    Semi,
    /// Choice: the seller supplies the platform at a supply price.
    Full,
}

impl ModelKind {
    /// All three, in the order the page shows them.
    pub const ALL: [ModelKind; 3] = [ModelKind::Pop, ModelKind::Semi, ModelKind::Full];

    /// The position of this model in [`ModelKind::ALL`], for arrays indexed by model.
    pub fn index(self) -> usize {
        match self {
            ModelKind::Pop => 0,
            ModelKind::Semi => 1,
            ModelKind::Full => 2,
        }
    }

    /// The id used in scenarios and results: `pop`, `semi` or `full`.
    pub fn id(self) -> &'static str {
        match self {
            ModelKind::Pop => "pop",
            ModelKind::Semi => "semi",
            ModelKind::Full => "full",
        }
    }

    /// English name.
    pub fn name(self) -> &'static str {
        match self {
            ModelKind::Pop => "POP",
            ModelKind::Semi => "Semi-managed",
            ModelKind::Full => "Fully managed",
        }
    }
}

/// How semi-managed goods reach the buyer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SemiManagedMode {
    /// Stock enters the platform (Cainiao) warehouse in advance.
    #[default]
    Warehouse,
    /// Just in time: the seller sends each item to the platform once an order exists.
    Jit,
}

/// The currencies of a scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CurrencyPair {
    /// The currency of costs, supply prices and every result.
    pub cost: String,
    /// The currency of retail prices.
    pub sale: String,
    /// Cost-currency units that one sale-currency unit buys; `None` takes the policy's table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate: Option<Decimal>,
}

/// The sides of a parcel, in centimetres.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dimensions {
    /// Length.
    pub length: Decimal,
    /// Width.
    pub width: Decimal,
    /// Height.
    pub height: Decimal,
}

impl Dimensions {
    /// The sides in the order of [`Input::SIDES`].
    pub fn sides(&self) -> [Decimal; 3] {
        [self.length, self.width, self.height]
    }
}

/// What the product costs and weighs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Product {
    /// Cost of one unit, in the cost currency.
    pub unit_cost: Decimal,
    /// Packaging per unit, in the cost currency.
    pub packaging: Decimal,
    /// Shipping weight of one unit in grams.
    pub weight_g: Decimal,
    /// The parcel's sides, when given: services that charge by volume then charge the larger of
    /// the actual and the volumetric weight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimensions_cm: Option<Dimensions>,
    /// Category id, which sets the commission.
    pub category: String,
}

/// POP store settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PopSettings {
    /// Retail price, in the sale currency.
    pub price: Decimal,
    /// Advertising spend as a percentage of the sale price.
    pub ad_spend_pct: Decimal,
    /// Share of orders that come through affiliates, in percent.
    pub affiliate_share_pct: Decimal,
    /// Commission the seller pays on affiliate orders, in percent.
    pub affiliate_rate_pct: Decimal,
    /// Whether the platform pays this store early, a few days after shipment (a status it
    /// grants from store metrics): it changes cash only.
    #[serde(default)]
    pub early_payout: bool,
    /// The shipping line POP ships with, by the policy's service id: `standard` (AliExpress
    /// Standard) or `economy` (Super Economy Global).
    #[serde(default = "standard_line")]
    pub shipping: String,
    /// What the buyer pays for shipping per order, in the sale currency; it adds to revenue.
    #[serde(default)]
    pub shipping_charge: Decimal,
}

/// POP's default shipping line.
fn standard_line() -> String {
    "standard".to_owned()
}

/// Semi-managed settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SemiSettings {
    /// Retail price, in the sale currency.
    pub price: Decimal,
    /// Warehouse or JIT.
    pub mode: SemiManagedMode,
    /// Whether the platform counts the product as popular (advance payment for warehouse goods).
    pub popular: bool,
    /// Advertising spend of the semi-managed store, as a percentage of the sale price (POP's
    /// unless given).
    pub ad_spend_pct: Decimal,
    /// Share of its orders that come through affiliates, in percent (POP's unless given).
    pub affiliate_share_pct: Decimal,
    /// Commission it pays on affiliate orders, in percent (POP's unless given).
    pub affiliate_rate_pct: Decimal,
}

/// Fully managed settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FullSettings {
    /// The price the platform pays per unit sold, in the cost currency; `None` takes the
    /// estimate from the retail price (policy value `full.supply_share`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supply_price: Option<Decimal>,
}

/// One market of a mix: a destination and its share of the monthly volume.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Market {
    /// The destination's code (`ES`).
    pub id: String,
    /// Its share of the units sold, in percent; the shares of a mix add up to 100.
    pub share_pct: Decimal,
}

/// Everything the engine needs to compare the three models.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// Policy set id.
    pub policy: String,
    /// Currencies and exchange rate.
    pub currency: CurrencyPair,
    /// The product.
    pub product: Product,
    /// Expected units sold a month (before any Choice traffic uplift).
    pub monthly_units: Decimal,
    /// Destination market code: the one market, or the first of a mix.
    pub destination: String,
    /// The market mix, when the volume is split between markets (two or more, or one at 100%);
    /// empty when the scenario sells to `destination` alone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub destinations: Vec<Market>,
    /// Share of orders returned or refunded, in percent.
    pub return_rate_pct: Decimal,
    /// POP settings.
    pub pop: PopSettings,
    /// Semi-managed settings.
    pub semi: SemiSettings,
    /// Fully managed settings.
    pub full: FullSettings,
    /// Policy values overridden for this scenario, by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub assumptions: BTreeMap<String, Decimal>,
}

impl Default for Scenario {
    /// The example from the product brief: a home-goods item sold to Spain.
    fn default() -> Self {
        Scenario {
            policy: DEFAULT_POLICY_ID.to_owned(),
            currency: CurrencyPair {
                cost: "CNY".to_owned(),
                sale: "USD".to_owned(),
                rate: None,
            },
            product: Product {
                unit_cost: Decimal::new(25, 0),
                packaging: Decimal::new(15, 1),
                weight_g: Decimal::new(350, 0),
                dimensions_cm: None,
                category: "home".to_owned(),
            },
            monthly_units: Decimal::new(400, 0),
            destination: "ES".to_owned(),
            destinations: Vec::new(),
            return_rate_pct: Decimal::new(4, 0),
            pop: PopSettings {
                price: Decimal::new(1299, 2),
                ad_spend_pct: Decimal::new(8, 0),
                affiliate_share_pct: Decimal::new(20, 0),
                affiliate_rate_pct: Decimal::new(5, 0),
                early_payout: false,
                shipping: standard_line(),
                shipping_charge: Decimal::ZERO,
            },
            semi: SemiSettings {
                price: Decimal::new(1299, 2),
                mode: SemiManagedMode::Warehouse,
                popular: false,
                ad_spend_pct: Decimal::new(8, 0),
                affiliate_share_pct: Decimal::new(20, 0),
                affiliate_rate_pct: Decimal::new(5, 0),
            },
            full: FullSettings { supply_price: None },
            assumptions: BTreeMap::new(),
        }
    }
}

impl Scenario {
    /// This scenario in the JSON input format.
    pub fn to_json(&self) -> Value {
        // Serializing plain structs of strings and decimals into a `Value` cannot fail.
        let mut json = serde_json::to_value(self).unwrap_or(Value::Null);
        // A mix stands on its own: `destination` beside it would be an error.
        if !self.destinations.is_empty() {
            if let Some(map) = json.as_object_mut() {
                map.remove("destination");
            }
        }
        json
    }

    /// The markets sold to, each with its share of the units as a fraction (0.6 for 60%): the
    /// mix, or `destination` alone at 1.
    pub fn markets(&self) -> Vec<(String, Decimal)> {
        if self.destinations.is_empty() {
            return vec![(self.destination.clone(), Decimal::ONE)];
        }
        self.destinations
            .iter()
            .map(|m| (m.id.clone(), m.share_pct / Decimal::ONE_HUNDRED))
            .collect()
    }
}

/// The longest mix text [`markets_from_text`] reads: far more than every market with its share.
pub const MIX_TEXT_MAX_CHARS: usize = 1_000;

/// Whether a destination text is a mix (`ES:60|US:40`) rather than one market's code.
pub fn is_mix_text(text: &str) -> bool {
    text.contains(['|', ':'])
}

/// The markets of a mix written as one text, `ES:60|US:40`: each market's code and its share in
/// percent, `|` between markets (what links, the page's destination field and a catalog's
/// `destinations` column hold; issue #15). Each share is read by `read_share` (the page reads it
/// in its language, a catalog with its file's decimal mark); a market without `:` has no share.
/// Bounded: a text longer than [`MIX_TEXT_MAX_CHARS`] is refused whole, and at most
/// [`MARKETS_READ`] markets are read (more than any policy has: the rest is an error anyway).
pub fn markets_from_text(
    text: &str,
    read_share: impl Fn(&str) -> Given<Decimal>,
) -> Given<Vec<Given<MarketInput>>> {
    if text.chars().count() > MIX_TEXT_MAX_CHARS {
        return Err(Problem::TooLong {
            max_chars: MIX_TEXT_MAX_CHARS,
        });
    }
    Ok(text
        .split('|')
        .take(MARKETS_READ)
        .map(|part| {
            let (code, share) = match part.split_once(':') {
                Some((code, share)) => (code.trim(), share.trim()),
                None => (part.trim(), ""),
            };
            Ok(MarketInput {
                id: (!code.is_empty()).then(|| Ok(code.to_owned())),
                share_pct: (!share.is_empty()).then(|| read_share(share)),
            })
        })
        .collect())
}

/// One market of a mix as given, before validation: its code and its share, each when given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MarketInput {
    /// The market's code (`ES`), as read.
    pub id: Option<Given<String>>,
    /// Its share of the monthly volume in percent, as read.
    pub share_pct: Option<Given<Decimal>>,
}

impl MarketInput {
    /// A market read without a problem.
    pub fn new(id: &str, share_pct: Decimal) -> Self {
        MarketInput {
            id: Some(Ok(id.to_owned())),
            share_pct: Some(Ok(share_pct)),
        }
    }
}

/// One input's value as given, before validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RawValue {
    /// A number, already read (by the page in its language, or from JSON).
    Number(Decimal),
    /// A name.
    Text(String),
    /// True or false.
    Flag(bool),
}

/// An input as given: its value, or the problem found while reading it (text that is not a
/// number, a value of the wrong type). A field given with a problem counts as bad: the models
/// that depend on it are not computed.
pub type Given<T> = Result<T, Problem>;

/// A scenario's inputs as given, before validation: what JSON is read into, what a page builds
/// from its form and what a catalog row adds its cells to. [`ScenarioInput::validate`] turns it
/// into a [`ParsedScenario`]; an input left out takes its default.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScenarioInput {
    /// The policy set's id, when one is named.
    pub policy: Option<Given<String>>,
    /// The inputs given, by [`Input::index`]. (A fixed array: no map code in the wasm, and
    /// copying a row's inputs costs one allocation-free clone per value.)
    values: [Option<Given<RawValue>>; Input::ALL.len()],
    /// Policy values overridden, by id, in the order given; an id given twice keeps the last.
    assumptions: Vec<(String, Given<Decimal>)>,
    /// The market mix, when one is given: each market as read, or the problem that kept it from
    /// being read (an entry that is not an object).
    destinations: Option<Given<Vec<Given<MarketInput>>>>,
    /// Problems with the shape of the input itself: keys the format does not have, groups that
    /// are not objects.
    pub errors: Vec<FieldError>,
}

impl ScenarioInput {
    /// An input with nothing given: the default scenario.
    pub fn new() -> Self {
        Self::default()
    }

    /// What was given for `input`, if anything.
    pub fn get(&self, input: Input) -> Option<&Given<RawValue>> {
        self.values[input.index()].as_ref()
    }

    /// Gives `input` what was read for it: a value, or the problem found reading it.
    pub fn give(&mut self, input: Input, given: Given<RawValue>) {
        self.values[input.index()] = Some(given);
    }

    /// Leaves `input` out: it takes its default.
    pub fn remove(&mut self, input: Input) {
        self.values[input.index()] = None;
    }

    /// Every input given, in form order.
    pub fn given(&self) -> impl Iterator<Item = (Input, &Given<RawValue>)> {
        Input::ALL
            .into_iter()
            .zip(&self.values)
            .filter_map(|(input, given)| Some((input, given.as_ref()?)))
    }

    /// Overrides policy value `id` with what was read for it.
    pub fn give_assumption(&mut self, id: &str, given: Given<Decimal>) {
        match self.assumptions.iter_mut().find(|(known, _)| known == id) {
            Some(slot) => slot.1 = given,
            None => self.assumptions.push((id.to_owned(), given)),
        }
    }

    /// The policy values overridden, in the order given.
    pub fn assumptions(&self) -> impl Iterator<Item = (&str, &Given<Decimal>)> {
        self.assumptions
            .iter()
            .map(|(id, given)| (id.as_str(), given))
    }

    /// Gives `input` the value `value`.
    pub fn set(&mut self, input: Input, value: RawValue) {
        self.give(input, Ok(value));
    }

    /// Gives `input` the number `value`.
    pub fn set_number(&mut self, input: Input, value: Decimal) {
        self.set(input, RawValue::Number(value));
    }

    /// Records that `input` was given, but could not be read: the engine reports `problem` at it
    /// and does not compute the models that depend on it.
    pub fn reject(&mut self, input: Input, problem: Problem) {
        self.give(input, Err(problem));
    }

    /// The market mix as given, if one was.
    pub fn destinations(&self) -> Option<&Given<Vec<Given<MarketInput>>>> {
        self.destinations.as_ref()
    }

    /// Gives the market mix: its markets as read, or the problem that kept the list from being
    /// read.
    pub fn give_destinations(&mut self, given: Given<Vec<Given<MarketInput>>>) {
        self.destinations = Some(given);
    }

    /// Gives a mix of markets, each read without a problem: (code, share in percent).
    pub fn set_destinations(&mut self, markets: &[(&str, Decimal)]) {
        let markets = markets
            .iter()
            .map(|(id, share)| Ok(MarketInput::new(id, *share)))
            .collect();
        self.give_destinations(Ok(markets));
    }

    /// Leaves the mix out: the scenario sells to `destination` alone.
    pub fn remove_destinations(&mut self) {
        self.destinations = None;
    }

    /// The number given for `input`, if one was given and read.
    pub fn number(&self, input: Input) -> Option<Decimal> {
        match self.get(input) {
            Some(Ok(RawValue::Number(value))) => Some(*value),
            _ => None,
        }
    }

    /// The inputs in the JSON format of the public API: numbers as decimal strings, as given.
    /// Inputs that could not be read are left out (their problem is not JSON's to carry).
    pub fn to_json(&self) -> Value {
        let mut root = Map::new();
        if let Some(Ok(id)) = &self.policy {
            root.insert("policy".to_owned(), Value::String(id.clone()));
        }
        for (input, given) in self.given() {
            let Ok(value) = given else { continue };
            let value = match value {
                RawValue::Number(n) => Value::String(n.to_string()),
                RawValue::Text(t) => Value::String(t.clone()),
                RawValue::Flag(b) => Value::Bool(*b),
            };
            match input.group() {
                None => {
                    root.insert(input.key().to_owned(), value);
                }
                Some(group) => {
                    let mut node = root
                        .entry(group.key())
                        .or_insert_with(|| Value::Object(Map::new()));
                    // A side sits one level deeper, in `dimensions_cm`.
                    let mut keys = input.key().split('.').peekable();
                    while let Some(key) = keys.next() {
                        let Value::Object(map) = node else { break };
                        if keys.peek().is_none() {
                            map.insert(key.to_owned(), value);
                            break;
                        }
                        node = map.entry(key).or_insert_with(|| Value::Object(Map::new()));
                    }
                }
            }
        }
        if let Some(Ok(markets)) = &self.destinations {
            let markets: Vec<Value> = markets
                .iter()
                .filter_map(|market| {
                    let market = market.as_ref().ok()?;
                    let mut object = Map::new();
                    if let Some(Ok(id)) = &market.id {
                        object.insert("id".to_owned(), Value::String(id.clone()));
                    }
                    if let Some(Ok(share)) = &market.share_pct {
                        object.insert("share_pct".to_owned(), Value::String(share.to_string()));
                    }
                    Some(Value::Object(object))
                })
                .collect();
            root.insert(DESTINATIONS_KEY.to_owned(), Value::Array(markets));
        }
        let assumptions: Map<String, Value> = self
            .assumptions()
            .filter_map(|(id, given)| {
                Some((
                    id.to_owned(),
                    Value::String(given.as_ref().ok()?.to_string()),
                ))
            })
            .collect();
        if !assumptions.is_empty() {
            root.insert(
                Group::Assumptions.key().to_owned(),
                Value::Object(assumptions),
            );
        }
        Value::Object(root)
    }

    /// Reads a scenario in the JSON format of the public API. Numbers may be JSON numbers or
    /// decimal strings; every problem is recorded, nothing is refused outright.
    pub fn from_json(input: &Value) -> ScenarioInput {
        let mut read = ScenarioInput::new();
        let Some(root) = read.object(Some(input), Field::Scenario) else {
            return read;
        };
        for (key, value) in root {
            if key == "policy" {
                read.policy = match value {
                    Value::Null => None,
                    Value::String(id) => Some(Ok(id.trim().to_owned())),
                    _ => Some(Err(Problem::WrongType {
                        expected: Expected::Text,
                    })),
                };
                continue;
            }
            if let Some(input) = Input::from_path(key).filter(|i| i.group().is_none()) {
                read.leaf(input, value);
                continue;
            }
            if key == DESTINATIONS_KEY {
                read.markets(value);
                continue;
            }
            let group = Group::ALL
                .into_iter()
                .find(|g| g.key() == key && !matches!(g, Group::Assumptions));
            if let Some(group) = group {
                let Some(map) = read.object(Some(value), Field::Group(group)) else {
                    continue;
                };
                for (key, value) in map {
                    if group == Group::Product && key == DIMENSIONS_KEY {
                        read.dimensions(value);
                        continue;
                    }
                    // A side is read from its own object only (`dimensions_cm.length` is no key).
                    match group
                        .inputs()
                        .find(|i| i.key() == key && !key.contains('.'))
                    {
                        Some(input) => read.leaf(input, value),
                        None => read.unknown(format!("{}.{key}", group.key())),
                    }
                }
            } else if key == Group::Assumptions.key() {
                let Some(map) = read.object(Some(value), Field::Group(Group::Assumptions)) else {
                    continue;
                };
                for (id, value) in map {
                    let parsed = match value {
                        Value::String(text) => parse_decimal(text).map_err(ParseError::problem),
                        Value::Number(n) => {
                            parse_json_number(&n.to_string()).map_err(ParseError::problem)
                        }
                        _ => Err(Problem::WrongType {
                            expected: Expected::Number,
                        }),
                    };
                    read.give_assumption(id, parsed);
                }
            } else {
                read.unknown(key.clone());
            }
        }
        read
    }

    /// `destinations`: a list of markets, each `{ "id", "share_pct" }`. `null` leaves it out.
    fn markets(&mut self, value: &Value) {
        let list = match value {
            Value::Null => return,
            Value::Array(list) => list,
            _ => {
                self.destinations = Some(Err(Problem::WrongType {
                    expected: Expected::List,
                }));
                return;
            }
        };
        let mut markets = Vec::with_capacity(list.len().min(MARKETS_READ));
        // A list longer than any mix is refused as a whole; its entries need not be read.
        for (index, entry) in list.iter().enumerate().take(MARKETS_READ) {
            let Value::Object(fields) = entry else {
                markets.push(Err(Problem::WrongType {
                    expected: Expected::Object,
                }));
                continue;
            };
            let mut market = MarketInput::default();
            for (key, value) in fields {
                match (key.as_str(), value) {
                    (_, Value::Null) if key == "id" || key == "share_pct" => {}
                    ("id", Value::String(id)) => market.id = Some(Ok(id.trim().to_owned())),
                    ("id", _) => {
                        market.id = Some(Err(Problem::WrongType {
                            expected: Expected::Text,
                        }))
                    }
                    ("share_pct", Value::String(text)) => {
                        market.share_pct = Some(parse_decimal(text).map_err(ParseError::problem))
                    }
                    ("share_pct", Value::Number(n)) => {
                        market.share_pct =
                            Some(parse_json_number(&n.to_string()).map_err(ParseError::problem))
                    }
                    ("share_pct", _) => {
                        market.share_pct = Some(Err(Problem::WrongType {
                            expected: Expected::Number,
                        }))
                    }
                    _ => self.unknown(format!("{DESTINATIONS_KEY}[{index}].{key}")),
                }
            }
            markets.push(Ok(market));
        }
        if list.len() > MARKETS_READ {
            // Kept as one entry too many, for validation to refuse the list by its length.
            markets.push(Ok(MarketInput::default()));
        }
        self.destinations = Some(Ok(markets));
    }

    /// `product.dimensions_cm`: an object of sides.
    fn dimensions(&mut self, value: &Value) {
        let Some(map) = self.object(Some(value), Field::Dimensions) else {
            return;
        };
        for (key, value) in map {
            let nested = format!("{DIMENSIONS_KEY}.{key}");
            match Input::SIDES.into_iter().find(|i| i.key() == nested) {
                Some(side) => self.leaf(side, value),
                None => self.unknown(format!("product.{nested}")),
            }
        }
    }

    fn unknown(&mut self, path: String) {
        self.errors
            .push(FieldError::new(Field::Unknown(path), Problem::UnknownField));
    }

    /// The object `value`, or `None` when it is absent, null or not an object (recorded).
    fn object<'v>(
        &mut self,
        value: Option<&'v Value>,
        field: Field,
    ) -> Option<&'v Map<String, Value>> {
        match value {
            None | Some(Value::Null) => None,
            Some(Value::Object(map)) => Some(map),
            Some(_) => {
                self.errors.push(FieldError::new(
                    field,
                    Problem::WrongType {
                        expected: Expected::Object,
                    },
                ));
                None
            }
        }
    }

    /// One input's JSON value, read by the input's kind. `null` counts as left out.
    fn leaf(&mut self, input: Input, value: &Value) {
        let expected = match input.kind() {
            InputKind::Number => Expected::Number,
            InputKind::Choice => Expected::Text,
            InputKind::Flag => Expected::Flag,
        };
        let given = match (input.kind(), value) {
            (_, Value::Null) => return,
            (InputKind::Number, Value::String(text)) => parse_decimal(text)
                .map(RawValue::Number)
                .map_err(ParseError::problem),
            (InputKind::Number, Value::Number(n)) => parse_json_number(&n.to_string())
                .map(RawValue::Number)
                .map_err(ParseError::problem),
            (InputKind::Choice, Value::String(text)) => Ok(RawValue::Text(text.trim().to_owned())),
            (InputKind::Flag, Value::Bool(b)) => Ok(RawValue::Flag(*b)),
            (InputKind::Flag, Value::String(s)) if s.trim() == "true" => Ok(RawValue::Flag(true)),
            (InputKind::Flag, Value::String(s)) if s.trim() == "false" => Ok(RawValue::Flag(false)),
            _ => Err(Problem::WrongType { expected }),
        };
        self.give(input, given);
    }

    /// Validates the input against the policy set it names (the default one when it names none),
    /// filling every input left out with its default.
    pub fn validate(&self) -> ParsedScenario {
        let d = Scenario::default();
        let mut v = Validator {
            input: self,
            errors: self.errors.clone(),
        };
        let policy_ids: Vec<String> = PolicySet::builtin().iter().map(|p| p.id.clone()).collect();
        let policy_id = match &self.policy {
            None => None,
            Some(Err(problem)) => {
                v.errors
                    .push(FieldError::new(Field::Policy, problem.clone()));
                None
            }
            Some(Ok(id)) if policy_ids.contains(id) => Some(id.clone()),
            Some(Ok(id)) => {
                v.errors.push(FieldError::new(
                    Field::Policy,
                    Problem::UnknownValue {
                        given: id.clone(),
                        allowed: policy_ids.clone(),
                    },
                ));
                None
            }
        }
        .unwrap_or_else(|| d.policy.clone());
        // The default policy is always built in (a test holds it to that).
        let Some(policy) = PolicySet::find(&policy_id).or_else(|| PolicySet::builtin().first())
        else {
            return ParsedScenario {
                scenario: d,
                errors: v.errors,
                warnings: Vec::new(),
                derived: Vec::new(),
            };
        };
        let currencies: Vec<&str> = policy.currencies.iter().map(String::as_str).collect();
        let categories: Vec<&str> = policy.categories.iter().map(|c| c.id.as_str()).collect();
        let destinations: Vec<&str> = policy
            .destinations
            .iter()
            .map(|c| c.code.as_str())
            .collect();
        let pop_lines: Vec<&str> = policy
            .services_of(ModelKind::Pop)
            .map(|s| s.id.as_str())
            .collect();

        let cost = v
            .choice(Input::CostCurrency, &currencies, upper)
            .unwrap_or_else(|| d.currency.cost.clone());
        let sale = v
            .choice(Input::SaleCurrency, &currencies, upper)
            .unwrap_or_else(|| d.currency.sale.clone());
        let rate = v.number(Input::Rate);
        if cost == sale && rate.is_some_and(|rate| rate != Decimal::ONE) {
            v.errors.push(FieldError::new(
                Input::Rate,
                Problem::Inconsistent(Conflict::RateWithOneCurrency),
            ));
        }
        let product = Product {
            unit_cost: v.number(Input::UnitCost).unwrap_or(d.product.unit_cost),
            packaging: v.number(Input::Packaging).unwrap_or(d.product.packaging),
            weight_g: v.number(Input::WeightG).unwrap_or(d.product.weight_g),
            dimensions_cm: v.dimensions(),
            category: v
                .choice(Input::Category, &categories, lower)
                .unwrap_or_else(|| d.product.category.clone()),
        };
        let monthly_units = v.number(Input::MonthlyUnits).unwrap_or(d.monthly_units);
        let destination = v
            .choice(Input::Destination, &destinations, upper)
            .unwrap_or_else(|| d.destination.clone());
        let mix = self.mix(&mut v, &destinations);
        let destination = mix.first().map_or(destination, |m| m.id.clone());
        let return_rate_pct = v.number(Input::ReturnRate).unwrap_or(d.return_rate_pct);
        let pop = PopSettings {
            price: v.number(Input::Price).unwrap_or(d.pop.price),
            ad_spend_pct: v.number(Input::AdSpend).unwrap_or(d.pop.ad_spend_pct),
            affiliate_share_pct: v
                .number(Input::AffiliateShare)
                .unwrap_or(d.pop.affiliate_share_pct),
            affiliate_rate_pct: v
                .number(Input::AffiliateRate)
                .unwrap_or(d.pop.affiliate_rate_pct),
            early_payout: v.flag(Input::EarlyPayout).unwrap_or(d.pop.early_payout),
            shipping: v
                .choice(Input::PopShipping, &pop_lines, lower)
                .or_else(|| pop_lines.first().map(|l| (*l).to_owned()))
                .unwrap_or_else(|| d.pop.shipping.clone()),
            shipping_charge: v.number(Input::ShippingCharge).unwrap_or_default(),
        };
        // A line that does not reach a market sold to is no line for the scenario: one error,
        // naming the first such market.
        if let (Some(Ok(_)), Some(line)) =
            (self.get(Input::PopShipping), policy.service(&pop.shipping))
        {
            let markets_read = !v.errors.iter().any(|e| {
                matches!(
                    e.field,
                    Field::Input(Input::Destination) | Field::Destinations | Field::Market { .. }
                )
            });
            let codes: Vec<&str> = if mix.is_empty() {
                vec![destination.as_str()]
            } else {
                mix.iter().map(|m| m.id.as_str()).collect()
            };
            let missed = codes.into_iter().find(|code| !policy.reaches(line, code));
            if let Some(code) = missed.filter(|_| markets_read) {
                let market = policy.destination(code).map_or(code, |m| m.name.as_str());
                v.errors.push(FieldError::new(
                    Input::PopShipping,
                    Problem::Inconsistent(Conflict::LineMissesMarket {
                        service: line.id.clone(),
                        name: line.name.clone(),
                        market: code.to_owned(),
                        market_name: market.to_owned(),
                    }),
                ));
            }
        }
        let semi = SemiSettings {
            price: v.number(Input::SemiPrice).unwrap_or(pop.price),
            mode: match v
                .choice(Input::SemiMode, &["warehouse", "jit"], lower)
                .as_deref()
            {
                Some("jit") => SemiManagedMode::Jit,
                _ => SemiManagedMode::Warehouse,
            },
            popular: v.flag(Input::SemiPopular).unwrap_or(d.semi.popular),
            ad_spend_pct: v.number(Input::SemiAdSpend).unwrap_or(pop.ad_spend_pct),
            affiliate_share_pct: v
                .number(Input::SemiAffiliateShare)
                .unwrap_or(pop.affiliate_share_pct),
            affiliate_rate_pct: v
                .number(Input::SemiAffiliateRate)
                .unwrap_or(pop.affiliate_rate_pct),
        };
        let full = FullSettings {
            supply_price: v.number(Input::SupplyPrice),
        };
        // An input left empty that takes another's value depends on that one too.
        let mut derived: Vec<(Input, Field)> = Input::ALL
            .into_iter()
            .filter(|i| self.get(*i).is_none())
            .filter_map(|i| Some((i, Field::Input(i.follows()?))))
            .collect();
        if self.get(Input::SupplyPrice).is_none() {
            // The estimate is a share of the retail price: POP's price × the rate.
            for leader in [Input::Price, Input::Rate, Input::SaleCurrency] {
                derived.push((Input::SupplyPrice, Field::Input(leader)));
            }
        }
        let mut warnings = Vec::new();
        if !monthly_units.fract().is_zero() {
            warnings.push(Warning::new(
                Input::MonthlyUnits,
                WarningKind::FractionalVolume,
            ));
        }

        let mut assumptions = BTreeMap::new();
        let mut values = policy.defaults();
        for (given_id, given) in self.assumptions() {
            let field = Field::Assumption(given_id.to_owned());
            // An override saved under an id the policy has since renamed applies to the new id.
            let Some(id) = policy.current_id(given_id) else {
                v.errors.push(FieldError::new(
                    field,
                    Problem::UnknownPolicyValue {
                        policy: policy.id.clone(),
                    },
                ));
                continue;
            };
            match given.clone().and_then(|value| values.set(id, value)) {
                Ok(()) => {
                    if let Ok(value) = values.get(id) {
                        assumptions.insert(id.to_owned(), value);
                    }
                }
                Err(problem) => v.errors.push(FieldError::new(field, problem)),
            }
        }

        // The parcel as given, against the limits of the services that ship it.
        let parcel_read = !v.errors.iter().any(|e| match &e.field {
            Field::Input(input) => *input == Input::WeightG || Input::SIDES.contains(input),
            field => *field == Field::Dimensions,
        });
        if parcel_read {
            v.errors
                .extend(service_limits(policy, &values, &product, &pop.shipping));
        }

        ParsedScenario {
            scenario: Scenario {
                policy: policy.id.clone(),
                currency: CurrencyPair { cost, sale, rate },
                product,
                monthly_units,
                destination,
                destinations: mix,
                return_rate_pct,
                pop,
                semi,
                full,
                assumptions,
            },
            errors: v.errors,
            warnings,
            derived,
        }
    }
}

/// The parcel against the limits of the services that ship it: POP's line and Choice. A parcel
/// heavier than a service's heaviest band is an error at the weight; one that weighs more by
/// volume, at its longest side; a side longer than the service takes, at that side. Each names
/// the service and its limit.
fn service_limits(
    policy: &PolicySet,
    values: &Assumptions<'_>,
    product: &Product,
    pop_line: &str,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for (model, id) in [(ModelKind::Pop, pop_line), (ModelKind::Semi, "choice")] {
        let Some(service) = policy.service(id) else {
            continue;
        };
        let mut over = |field: Input, max: Decimal, unit: Unit| {
            errors.push(FieldError::new(
                field,
                Problem::AboveServiceLimit {
                    service: service.id.clone(),
                    name: service.name.clone(),
                    model,
                    max,
                    unit,
                },
            ));
        };
        let max = service.max_weight_g();
        let divisor = values.get_in(&["logistics.", id, ".volumetric_divisor"]);
        if product.weight_g > max {
            over(Input::WeightG, max, Unit::Grams);
        } else if let (Some(dimensions), Ok(divisor)) = (&product.dimensions_cm, divisor) {
            // Beyond exact arithmetic (a divisor overridden to almost nothing) is far too heavy.
            let too_heavy = volumetric_grams(dimensions, divisor).is_none_or(|g| g > max);
            if too_heavy && !divisor.is_zero() {
                over(longest_side(dimensions), max, Unit::Grams);
            }
        }
        let longest = values
            .get_in(&["logistics.", id, ".max_side_cm"])
            .unwrap_or_default();
        if let Some(dimensions) = &product.dimensions_cm {
            if !longest.is_zero() {
                for (side, length) in Input::SIDES.into_iter().zip(dimensions.sides()) {
                    if length > longest {
                        over(side, longest, Unit::Centimetres);
                    }
                }
            }
        }
    }
    errors
}

/// The side of the parcel that is longest (the first of equals, in form order).
fn longest_side(dimensions: &Dimensions) -> Input {
    let sides = dimensions.sides();
    let mut longest = 0;
    for i in 1..3 {
        if sides[i] > sides[longest] {
            longest = i;
        }
    }
    Input::SIDES[longest]
}

/// The volumetric weight of a parcel in grams: length × width × height (cm) ÷ `divisor`
/// (cm³ per kg) × 1000. `None` when the service does not charge by volume (a divisor of 0) or
/// the figure is beyond exact arithmetic.
pub(crate) fn volumetric_grams(dimensions: &Dimensions, divisor: Decimal) -> Option<Decimal> {
    if divisor.is_zero() {
        return None;
    }
    let [length, width, height] = dimensions.sides();
    length
        .checked_mul(width)?
        .checked_mul(height)?
        .checked_div(divisor)?
        .checked_mul(Decimal::ONE_THOUSAND)
}

impl ScenarioInput {
    /// The market mix, validated: each market known, listed once, with a share above 0 and at
    /// most 100, the shares adding up to 100; and no `destination` beside it. Empty when no mix
    /// was given, or when it has a problem (recorded).
    fn mix(&self, v: &mut Validator<'_>, codes: &[&str]) -> Vec<Market> {
        let Some(given) = &self.destinations else {
            return Vec::new();
        };
        if self.get(Input::Destination).is_some() {
            v.errors.push(FieldError::new(
                Input::Destination,
                Problem::Inconsistent(Conflict::DestinationAndMix),
            ));
        }
        let list = match given {
            Ok(list) => list,
            Err(problem) => {
                v.errors
                    .push(FieldError::new(Field::Destinations, problem.clone()));
                return Vec::new();
            }
        };
        let problem = if list.is_empty() {
            Some(Problem::Required)
        } else if list.len() > codes.len() {
            Some(Problem::TooMany { max: codes.len() })
        } else {
            None
        };
        if let Some(problem) = problem {
            v.errors.push(FieldError::new(Field::Destinations, problem));
            return Vec::new();
        }
        let errors_before = v.errors.len();
        let mut markets = Vec::with_capacity(list.len());
        let mut seen: Vec<(String, usize)> = Vec::new();
        for (index, entry) in list.iter().enumerate() {
            let at = |part: Option<MarketPart>| Field::Market { index, part };
            let market = match entry {
                Ok(market) => market,
                Err(problem) => {
                    v.errors.push(FieldError::new(at(None), problem.clone()));
                    continue;
                }
            };
            let id = match &market.id {
                None => Err(Problem::Required),
                Some(Err(problem)) => Err(problem.clone()),
                Some(Ok(text)) => {
                    let code = upper(text.trim());
                    if !codes.contains(&code.as_str()) {
                        Err(Problem::UnknownValue {
                            given: code,
                            allowed: codes.iter().map(|c| (*c).to_owned()).collect(),
                        })
                    } else if let Some((_, first)) = seen.iter().find(|(seen, _)| *seen == code) {
                        Err(Problem::Inconsistent(Conflict::DuplicateMarket {
                            market: code,
                            first: *first,
                        }))
                    } else {
                        seen.push((code.clone(), index));
                        Ok(code)
                    }
                }
            };
            let share = match &market.share_pct {
                None => Err(Problem::Required),
                Some(Err(problem)) => Err(problem.clone()),
                Some(Ok(share)) if *share <= Decimal::ZERO => Err(Problem::NotPositive),
                Some(Ok(share)) if *share > Decimal::ONE_HUNDRED => Err(Problem::TooLarge {
                    max: Decimal::ONE_HUNDRED,
                    unit: Unit::Percent,
                }),
                Some(Ok(share)) => Ok(*share),
            };
            match (id, share) {
                (Ok(id), Ok(share_pct)) => markets.push(Market { id, share_pct }),
                (id, share) => {
                    let problems = [(MarketPart::Id, id.err()), (MarketPart::Share, share.err())];
                    for (part, problem) in problems {
                        if let Some(problem) = problem {
                            v.errors.push(FieldError::new(at(Some(part)), problem));
                        }
                    }
                }
            }
        }
        if v.errors.len() > errors_before {
            return Vec::new();
        }
        // At most as many shares as the policy has markets, each at most 100: no overflow.
        let total: Decimal = markets.iter().map(|m| m.share_pct).sum();
        if total != Decimal::ONE_HUNDRED {
            v.errors.push(FieldError::new(
                Field::Destinations,
                Problem::Inconsistent(Conflict::SharesNotHundred { total }),
            ));
            return Vec::new();
        }
        markets
    }
}

/// A scenario read from loose input, with every problem found.
#[derive(Clone, Debug)]
pub struct ParsedScenario {
    /// The scenario; a field with an error holds its default, and the models that depend on it are
    /// not computed.
    pub scenario: Scenario,
    /// Every problem, each naming its field.
    pub errors: Vec<FieldError>,
    /// Inputs that are valid but probably not what the seller meant.
    pub warnings: Vec<Warning>,
    /// Inputs left empty that take their value from another field (semi-managed's price and
    /// marketing from POP's, the estimated supply price from the retail price): an error at
    /// that field concerns the follower's models too.
    pub derived: Vec<(Input, Field)>,
}

/// Checks each given input against its kind, its range or its list of names.
struct Validator<'a> {
    input: &'a ScenarioInput,
    errors: Vec<FieldError>,
}

impl Validator<'_> {
    fn error(&mut self, input: Input, problem: Problem) {
        self.errors.push(FieldError::new(input, problem));
    }

    /// The value given for `input`; `None` when it was left out or had a problem (recorded).
    fn given(&mut self, input: Input) -> Option<&RawValue> {
        match self.input.get(input)? {
            Ok(value) => Some(value),
            Err(problem) => {
                self.errors.push(FieldError::new(input, problem.clone()));
                None
            }
        }
    }

    /// The number given for `input` when it is in range; `None` when left out or bad (recorded).
    fn number(&mut self, input: Input) -> Option<Decimal> {
        let value = match self.given(input)? {
            RawValue::Number(value) => *value,
            _ => {
                self.error(
                    input,
                    Problem::WrongType {
                        expected: Expected::Number,
                    },
                );
                return None;
            }
        };
        let Bounds { max, positive } = input.bounds()?;
        let problem = if positive && value <= Decimal::ZERO {
            Problem::NotPositive
        } else if value.is_sign_negative() && !value.is_zero() {
            Problem::Negative
        } else if value > Decimal::from(max) {
            Problem::TooLarge {
                max: Decimal::from(max),
                unit: input.unit(),
            }
        } else {
            return Some(value);
        };
        self.error(input, problem);
        None
    }

    /// A name from `allowed`, compared after `normalize`; `None` when left out or unknown
    /// (recorded).
    fn choice(
        &mut self,
        input: Input,
        allowed: &[&str],
        normalize: fn(&str) -> String,
    ) -> Option<String> {
        let text = match self.given(input)? {
            RawValue::Text(text) => normalize(text.trim()),
            _ => {
                self.error(
                    input,
                    Problem::WrongType {
                        expected: Expected::Text,
                    },
                );
                return None;
            }
        };
        if allowed.contains(&text.as_str()) {
            Some(text)
        } else {
            self.error(
                input,
                Problem::UnknownValue {
                    given: text,
                    allowed: allowed.iter().map(|s| (*s).to_owned()).collect(),
                },
            );
            None
        }
    }

    /// The parcel's sides: none when none was given; each one given is read as a number, and
    /// with one or two of them given, each missing one is required.
    fn dimensions(&mut self) -> Option<Dimensions> {
        if Input::SIDES
            .iter()
            .all(|side| self.input.get(*side).is_none())
        {
            return None;
        }
        let mut sides = [Decimal::ZERO; 3];
        let mut complete = true;
        for (i, side) in Input::SIDES.into_iter().enumerate() {
            if self.input.get(side).is_none() {
                self.error(side, Problem::Required);
                complete = false;
            } else {
                match self.number(side) {
                    Some(length) => sides[i] = length,
                    None => complete = false,
                }
            }
        }
        complete.then_some(Dimensions {
            length: sides[0],
            width: sides[1],
            height: sides[2],
        })
    }

    fn flag(&mut self, input: Input) -> Option<bool> {
        match self.given(input)? {
            RawValue::Flag(b) => Some(*b),
            _ => {
                self.error(
                    input,
                    Problem::WrongType {
                        expected: Expected::Flag,
                    },
                );
                None
            }
        }
    }
}

fn upper(text: &str) -> String {
    text.to_ascii_uppercase()
}

fn lower(text: &str) -> String {
    text.to_ascii_lowercase()
}

impl ParsedScenario {
    /// Reads a scenario from JSON. Omitted fields take their defaults; `semi.price` defaults to
    /// `pop.price`; the exchange rate defaults to the policy's table.
    pub fn from_json(input: &Value) -> ParsedScenario {
        ScenarioInput::from_json(input).validate()
    }

    /// Whether an error keeps `model` from being computed.
    pub fn blocks(&self, model: ModelKind) -> bool {
        self.errors.iter().any(|e| {
            if e.code() == ErrorCode::UnknownField {
                // An unknown field changes nothing that is computed.
                return false;
            }
            // A follower also depends on its leader, and on the group the leader sits in.
            let leads = |leader: &Field| {
                *leader == e.field
                    || matches!(
                        (&e.field, leader),
                        (Field::Group(g), Field::Input(i)) if i.group() == Some(*g)
                    )
            };
            if matches!(e.problem, Problem::AboveServiceLimit { .. }) {
                // A parcel one service does not take stops only the model that ships with it.
                return e.models().contains(&model);
            }
            e.models().contains(&model)
                || self
                    .derived
                    .iter()
                    .any(|(follower, leader)| leads(leader) && follower.models().contains(&model))
        })
    }
}
