//! The scenario a seller describes, and how loose input (JSON from a page or an embedder) becomes
//! one, with an error naming the field for every problem.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::decimal::{parse_decimal, parse_json_number, ParseError};
use crate::error::{ErrorCode, FieldError};
use crate::policy::{PolicySet, DEFAULT_POLICY_ID};

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

/// What the product costs and weighs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Product {
    /// Cost of one unit, in the cost currency.
    pub unit_cost: Decimal,
    /// Packaging per unit, in the cost currency.
    pub packaging: Decimal,
    /// Shipping weight of one unit in grams.
    pub weight_g: Decimal,
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
}

/// Fully managed settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FullSettings {
    /// The price the platform pays per unit sold, in the cost currency.
    pub supply_price: Decimal,
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
    /// Destination market code.
    pub destination: String,
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
                category: "home".to_owned(),
            },
            monthly_units: Decimal::new(400, 0),
            destination: "ES".to_owned(),
            return_rate_pct: Decimal::new(4, 0),
            pop: PopSettings {
                price: Decimal::new(1299, 2),
                ad_spend_pct: Decimal::new(8, 0),
                affiliate_share_pct: Decimal::new(20, 0),
                affiliate_rate_pct: Decimal::new(5, 0),
            },
            semi: SemiSettings {
                price: Decimal::new(1299, 2),
                mode: SemiManagedMode::Warehouse,
                popular: true,
            },
            full: FullSettings {
                supply_price: Decimal::new(45, 0),
            },
            assumptions: BTreeMap::new(),
        }
    }
}

impl Scenario {
    /// This scenario in the JSON input format.
    pub fn to_json(&self) -> Value {
        // Serializing plain structs of strings and decimals into a `Value` cannot fail.
        serde_json::to_value(self).unwrap_or(Value::Null)
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
    /// Whether `semi.price` was omitted and so follows `pop.price`.
    pub semi_price_follows_pop: bool,
}

/// The error for a text that does not parse, worded for `field`.
pub(crate) fn parse_error(field: &str, error: ParseError) -> FieldError {
    match error {
        ParseError::Empty => FieldError::new(field, ErrorCode::Required, "Enter a number."),
        ParseError::Invalid => FieldError::new(
            field,
            ErrorCode::NotANumber,
            "Enter a number, such as 25 or 12.99 (a dot for decimals, no thousands separators).",
        ),
        ParseError::TooLarge => FieldError::new(
            field,
            ErrorCode::TooLarge,
            "This number is too large to calculate with.",
        ),
        ParseError::TooPrecise => FieldError::new(
            field,
            ErrorCode::NotANumber,
            "Too many decimal places: use at most 20.",
        ),
    }
}

/// The range a number field accepts.
#[derive(Clone, Copy)]
enum Range {
    /// 0 up to the limit.
    NonNegative(i64),
    /// More than 0, up to the limit.
    Positive(i64),
    /// 0 to 100.
    Percent,
}

const MONEY_MAX: i64 = 1_000_000_000;
const WEIGHT_MAX_G: i64 = 1_000_000;
const RATE_MAX: i64 = 1_000_000;

struct Reader {
    errors: Vec<FieldError>,
}

fn path(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_owned()
    } else {
        format!("{parent}.{key}")
    }
}

impl Reader {
    fn error(&mut self, field: impl Into<String>, code: ErrorCode, message: impl Into<String>) {
        self.errors.push(FieldError::new(field, code, message));
    }

    /// The object at `field`, checking that it has only `keys`.
    fn object<'v>(
        &mut self,
        value: Option<&'v Value>,
        field: &str,
        keys: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        match value {
            None | Some(Value::Null) => None,
            Some(Value::Object(map)) => {
                for key in map.keys() {
                    if !keys.contains(&key.as_str()) {
                        self.error(
                            path(field, key),
                            ErrorCode::UnknownField,
                            format!("Unknown field \"{key}\": check its spelling."),
                        );
                    }
                }
                Some(map)
            }
            Some(_) => {
                let name = if field.is_empty() {
                    "The scenario"
                } else {
                    field
                };
                self.error(
                    if field.is_empty() { "scenario" } else { field },
                    ErrorCode::WrongType,
                    format!("{name} must be an object with named fields."),
                );
                None
            }
        }
    }

    fn number(
        &mut self,
        map: Option<&Map<String, Value>>,
        parent: &str,
        key: &str,
        default: Decimal,
        range: Range,
    ) -> Decimal {
        self.optional_number(map, parent, key, range)
            .unwrap_or(default)
    }

    /// The number at `parent.key`, or `None` when it is absent or has an error (recorded).
    fn optional_number(
        &mut self,
        map: Option<&Map<String, Value>>,
        parent: &str,
        key: &str,
        range: Range,
    ) -> Option<Decimal> {
        let field = path(parent, key);
        let parsed = match map.and_then(|m| m.get(key)) {
            None | Some(Value::Null) => return None,
            Some(Value::String(text)) => parse_decimal(text),
            Some(Value::Number(n)) => parse_json_number(&n.to_string()),
            Some(_) => {
                self.error(field, ErrorCode::WrongType, "Enter a number.");
                return None;
            }
        };
        let value = match parsed {
            Ok(value) => value,
            Err(e) => {
                self.errors.push(parse_error(&field, e));
                return None;
            }
        };
        let (positive, max) = match range {
            Range::NonNegative(max) => (false, max),
            Range::Positive(max) => (true, max),
            Range::Percent => (false, 100),
        };
        if positive && value <= Decimal::ZERO {
            self.error(field, ErrorCode::NotPositive, "Must be more than 0.");
            None
        } else if value.is_sign_negative() && !value.is_zero() {
            self.error(field, ErrorCode::Negative, "Cannot be negative.");
            None
        } else if value > Decimal::from(max) {
            let message = match range {
                Range::Percent => "Must be a percentage from 0 to 100.".to_owned(),
                _ => format!("Too large: this field takes at most {max}."),
            };
            self.error(field, ErrorCode::TooLarge, message);
            None
        } else {
            Some(value)
        }
    }

    /// The text at `parent.key`, or `None` when absent or not text (recorded).
    fn text(
        &mut self,
        map: Option<&Map<String, Value>>,
        parent: &str,
        key: &str,
    ) -> Option<String> {
        match map.and_then(|m| m.get(key)) {
            None | Some(Value::Null) => None,
            Some(Value::String(text)) => Some(text.trim().to_owned()),
            Some(_) => {
                self.error(
                    path(parent, key),
                    ErrorCode::WrongType,
                    "Enter a name, as text.",
                );
                None
            }
        }
    }

    /// A name from `allowed`, compared after `normalize`; `None` when absent or unknown (recorded).
    fn choice(
        &mut self,
        map: Option<&Map<String, Value>>,
        parent: &str,
        key: &str,
        allowed: &[&str],
        what: &str,
        normalize: fn(&str) -> String,
    ) -> Option<String> {
        let text = normalize(&self.text(map, parent, key)?);
        if allowed.contains(&text.as_str()) {
            Some(text)
        } else {
            self.error(
                path(parent, key),
                ErrorCode::UnknownValue,
                format!(
                    "Unknown {what} \"{text}\". Choose one of: {}.",
                    allowed.join(", ")
                ),
            );
            None
        }
    }

    fn flag(
        &mut self,
        map: Option<&Map<String, Value>>,
        parent: &str,
        key: &str,
        default: bool,
    ) -> bool {
        match map.and_then(|m| m.get(key)) {
            None | Some(Value::Null) => default,
            Some(Value::Bool(b)) => *b,
            Some(Value::String(s)) if s.trim() == "true" => true,
            Some(Value::String(s)) if s.trim() == "false" => false,
            Some(_) => {
                self.error(
                    path(parent, key),
                    ErrorCode::WrongType,
                    "Must be true or false.",
                );
                default
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
        let mut r = Reader { errors: Vec::new() };
        let d = Scenario::default();
        let root = r.object(
            Some(input),
            "",
            &[
                "policy",
                "currency",
                "product",
                "monthly_units",
                "destination",
                "return_rate_pct",
                "pop",
                "semi",
                "full",
                "assumptions",
            ],
        );

        let policy_ids: Vec<&str> = PolicySet::builtin().iter().map(|p| p.id.as_str()).collect();
        let policy_id = r
            .choice(root, "", "policy", &policy_ids, "policy set", |s| {
                s.to_owned()
            })
            .unwrap_or_else(|| (d.policy).to_owned());
        // The default policy is always built in (a test holds it to that).
        let Some(policy) = PolicySet::find(&policy_id).or_else(|| PolicySet::builtin().first())
        else {
            return ParsedScenario {
                scenario: d,
                errors: r.errors,
                semi_price_follows_pop: false,
            };
        };
        let currencies: Vec<&str> = policy.currencies.iter().map(String::as_str).collect();
        let categories: Vec<&str> = policy.categories.iter().map(|c| c.id.as_str()).collect();
        let destinations: Vec<&str> = policy
            .destinations
            .iter()
            .map(|c| c.code.as_str())
            .collect();

        let currency = r.object(
            root.and_then(|m| m.get("currency")),
            "currency",
            &["cost", "sale", "rate"],
        );
        let cost = r
            .choice(currency, "currency", "cost", &currencies, "currency", upper)
            .unwrap_or_else(|| (d.currency.cost).to_owned());
        let sale = r
            .choice(currency, "currency", "sale", &currencies, "currency", upper)
            .unwrap_or_else(|| (d.currency.sale).to_owned());
        let rate = r.optional_number(currency, "currency", "rate", Range::Positive(RATE_MAX));
        if cost == sale && rate.is_some_and(|rate| rate != Decimal::ONE) {
            r.error(
                "currency.rate",
                ErrorCode::Inconsistent,
                "Costs and prices are in the same currency, so the rate must be 1.",
            );
        }

        let product = r.object(
            root.and_then(|m| m.get("product")),
            "product",
            &["unit_cost", "packaging", "weight_g", "category"],
        );
        let money = Range::NonNegative(MONEY_MAX);
        let product = Product {
            unit_cost: r.number(product, "product", "unit_cost", d.product.unit_cost, money),
            packaging: r.number(product, "product", "packaging", d.product.packaging, money),
            weight_g: r.number(
                product,
                "product",
                "weight_g",
                d.product.weight_g,
                Range::NonNegative(WEIGHT_MAX_G),
            ),
            category: r
                .choice(
                    product,
                    "product",
                    "category",
                    &categories,
                    "category",
                    lower,
                )
                .unwrap_or_else(|| (d.product.category).to_owned()),
        };
        let monthly_units = r.number(root, "", "monthly_units", d.monthly_units, money);
        let destination = r
            .choice(root, "", "destination", &destinations, "destination", upper)
            .unwrap_or_else(|| (d.destination).to_owned());
        let return_rate_pct = r.number(
            root,
            "",
            "return_rate_pct",
            d.return_rate_pct,
            Range::Percent,
        );

        let pop = r.object(
            root.and_then(|m| m.get("pop")),
            "pop",
            &[
                "price",
                "ad_spend_pct",
                "affiliate_share_pct",
                "affiliate_rate_pct",
            ],
        );
        let price = Range::Positive(MONEY_MAX);
        let pop = PopSettings {
            price: r.number(pop, "pop", "price", d.pop.price, price),
            ad_spend_pct: r.number(
                pop,
                "pop",
                "ad_spend_pct",
                d.pop.ad_spend_pct,
                Range::Percent,
            ),
            affiliate_share_pct: r.number(
                pop,
                "pop",
                "affiliate_share_pct",
                d.pop.affiliate_share_pct,
                Range::Percent,
            ),
            affiliate_rate_pct: r.number(
                pop,
                "pop",
                "affiliate_rate_pct",
                d.pop.affiliate_rate_pct,
                Range::Percent,
            ),
        };

        let semi = r.object(
            root.and_then(|m| m.get("semi")),
            "semi",
            &["price", "mode", "popular"],
        );
        let semi_price_follows_pop = semi.and_then(|m| m.get("price")).is_none_or(Value::is_null);
        let semi = SemiSettings {
            price: r.number(semi, "semi", "price", pop.price, price),
            mode: match r
                .choice(semi, "semi", "mode", &["warehouse", "jit"], "mode", lower)
                .as_deref()
            {
                Some("jit") => SemiManagedMode::Jit,
                _ => SemiManagedMode::Warehouse,
            },
            popular: r.flag(semi, "semi", "popular", d.semi.popular),
        };

        let full = r.object(root.and_then(|m| m.get("full")), "full", &["supply_price"]);
        let full = FullSettings {
            supply_price: r.number(full, "full", "supply_price", d.full.supply_price, price),
        };

        let mut assumptions = BTreeMap::new();
        if let Some(map) = r.object(root.and_then(|m| m.get("assumptions")), "assumptions", &[]) {
            // `object` reported every key as unknown; the ids are checked against the policy instead.
            r.errors.retain(|e| {
                !(e.code == ErrorCode::UnknownField && e.field.starts_with("assumptions."))
            });
            let mut values = policy.defaults();
            for (id, value) in map {
                let parsed = match value {
                    Value::String(text) => parse_decimal(text),
                    Value::Number(n) => parse_json_number(&n.to_string()),
                    _ => {
                        r.error(
                            format!("assumptions.{id}"),
                            ErrorCode::WrongType,
                            "Enter a number.",
                        );
                        continue;
                    }
                };
                match values.set(id, parsed) {
                    Ok(()) => {
                        if let Ok(v) = values.get(id) {
                            assumptions.insert(id.clone(), v);
                        }
                    }
                    Err(e) => r.errors.push(e),
                }
            }
        }

        ParsedScenario {
            scenario: Scenario {
                policy: policy.id.clone(),
                currency: CurrencyPair { cost, sale, rate },
                product,
                monthly_units,
                destination,
                return_rate_pct,
                pop,
                semi,
                full,
                assumptions,
            },
            errors: r.errors,
            semi_price_follows_pop,
        }
    }

    /// Whether an error keeps `model` from being computed.
    pub fn blocks(&self, model: ModelKind) -> bool {
        self.errors.iter().any(|e| {
            if e.code == ErrorCode::UnknownField {
                // An unknown field changes nothing that is computed.
                return false;
            }
            let affected = affected_models(&e.field);
            affected.contains(&model)
                || (model == ModelKind::Semi
                    && self.semi_price_follows_pop
                    && (e.field == "pop.price" || e.field == "pop"))
        })
    }
}

/// The models whose figures depend on `field`.
pub fn affected_models(field: &str) -> Vec<ModelKind> {
    use ModelKind::{Full, Pop, Semi};
    // Fully managed is paid a supply price in the cost currency and ships nothing to buyers.
    if matches!(
        field,
        "currency.sale" | "currency.rate" | "product.category" | "destination"
    ) {
        return vec![Pop, Semi];
    }
    let first = field.split('.').next().unwrap_or("");
    match first {
        "pop" => vec![Pop],
        "semi" => vec![Semi],
        "full" => vec![Full],
        "assumptions" => {
            let id = &field["assumptions.".len().min(field.len())..];
            let mut parts = id.split('.');
            match (parts.next().unwrap_or(""), parts.next().unwrap_or("")) {
                ("commission", _) | ("payment", _) => vec![Pop, Semi],
                ("semi" | "warehouse", _) => vec![Semi],
                ("choice", _) => vec![Semi, Full],
                ("postage", "pop") | ("first_mile" | "returns" | "days", "pop") => vec![Pop],
                ("postage", "choice") => vec![Semi],
                ("first_mile" | "returns" | "days", m) if m.starts_with("semi") => vec![Semi],
                ("first_mile" | "returns" | "days", "full") => vec![Full],
                _ => vec![Pop, Semi, Full],
            }
        }
        _ => vec![Pop, Semi, Full],
    }
}
