//! Random valid scenarios for the property tests (proptest strategies).

use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;
use sellercalc_engine::{PolicySet, DEFAULT_POLICY_ID};
use serde_json::{json, Number, Value};

/// The built-in default policy set.
pub fn policy() -> &'static PolicySet {
    PolicySet::find(DEFAULT_POLICY_ID).expect("the default policy is built in")
}

/// A JSON number for `f` (null for NaN and infinities, which JSON cannot hold).
pub fn float(f: f64) -> Value {
    Number::from_f64(f).map_or(Value::Null, Value::Number)
}

/// `lo..=hi` hundredths (or other places), as decimal text such as "12.34".
pub fn decimal(lo: i64, hi: i64, places: u32) -> impl Strategy<Value = String> {
    (lo..=hi).prop_map(move |n| Decimal::new(n, places).to_string())
}

pub fn pct() -> impl Strategy<Value = String> {
    decimal(0, 10_000, 2)
}

/// A valid random scenario, as the fields it sets.
#[derive(Clone, Debug)]
pub struct Valid {
    pub cost: String,
    pub sale: String,
    pub rate: Option<String>,
    pub unit_cost: String,
    pub packaging: String,
    pub weight_g: String,
    /// The parcel's length, width and height in cm; `None` leaves them out.
    pub sides: Option<(String, String, String)>,
    pub category: String,
    pub units: String,
    pub destination: String,
    /// A second market and the share of the volume that goes to it (the rest goes to
    /// `destination`): the scenario then sells to the mix, by `destinations`.
    pub mix: Option<(String, String)>,
    pub return_rate: String,
    pub pop: (String, String, String, String),
    /// POP's shipping line (`economy`), only where it reaches the market and takes the parcel;
    /// `None` leaves the default, AliExpress Standard.
    pub shipping: Option<String>,
    /// What the buyer pays for shipping, in the sale currency.
    pub shipping_charge: Option<String>,
    pub semi_price: Option<String>,
    /// Semi-managed's own ad spend, affiliate share and rate; `None` follows POP's.
    pub semi_marketing: Option<(String, String, String)>,
    pub jit: bool,
    pub popular: bool,
    /// The supply price; `None` takes the estimate.
    pub supply: Option<String>,
    pub uplift: Option<String>,
    pub as_numbers: bool,
}

impl Valid {
    /// The scenario as JSON input.
    pub fn json(&self) -> Value {
        // Some scenarios give the numbers as JSON numbers: the shortest double text of a value
        // with a few decimals is that value, so the scenario is the same.
        let n = |text: &String| -> Value {
            if self.as_numbers {
                float(text.parse::<f64>().expect("generated decimal"))
            } else {
                json!(text)
            }
        };
        let mut currency = json!({ "cost": self.cost, "sale": self.sale });
        if let Some(rate) = &self.rate {
            currency["rate"] = n(rate);
        }
        let mut semi =
            json!({ "mode": if self.jit { "jit" } else { "warehouse" }, "popular": self.popular });
        if let Some(price) = &self.semi_price {
            semi["price"] = n(price);
        }
        if let Some((ads, share, rate)) = &self.semi_marketing {
            semi["ad_spend_pct"] = n(ads);
            semi["affiliate_share_pct"] = n(share);
            semi["affiliate_rate_pct"] = n(rate);
        }
        let mut scenario = json!({
            "currency": currency,
            "product": {
                "unit_cost": n(&self.unit_cost),
                "packaging": n(&self.packaging),
                "weight_g": n(&self.weight_g),
                "category": self.category,
            },
            "monthly_units": n(&self.units),
            "return_rate_pct": n(&self.return_rate),
            "pop": {
                "price": n(&self.pop.0),
                "ad_spend_pct": n(&self.pop.1),
                "affiliate_share_pct": n(&self.pop.2),
                "affiliate_rate_pct": n(&self.pop.3),
            },
            "semi": semi,
        });
        match &self.mix {
            Some((other, share)) => {
                let rest =
                    (Decimal::ONE_HUNDRED - share.parse::<Decimal>().expect("a share")).to_string();
                scenario["destinations"] = json!([
                    { "id": self.destination, "share_pct": n(&rest) },
                    { "id": other, "share_pct": n(share) },
                ]);
            }
            None => scenario["destination"] = json!(self.destination),
        }
        if let Some(line) = &self.shipping {
            scenario["pop"]["shipping"] = json!(line);
        }
        if let Some(charge) = &self.shipping_charge {
            scenario["pop"]["shipping_charge"] = n(charge);
        }
        if let Some((length, width, height)) = &self.sides {
            scenario["product"]["dimensions_cm"] =
                json!({ "length": n(length), "width": n(width), "height": n(height) });
        }
        if let Some(supply) = &self.supply {
            scenario["full"] = json!({ "supply_price": n(supply) });
        }
        if let Some(uplift) = &self.uplift {
            scenario["assumptions"] = json!({ "choice.traffic_uplift": uplift });
        }
        scenario
    }
}

/// Valid random scenarios: every currency pair (with or without an entered rate), category,
/// destination and semi-managed mode, with any uplift, numbers as text or as JSON numbers.
pub fn valid() -> impl Strategy<Value = Valid> {
    let p = policy();
    let currencies = p.currencies.clone();
    let categories: Vec<String> = p.categories.iter().map(|c| c.id.clone()).collect();
    let destinations: Vec<String> = p.destinations.iter().map(|d| d.code.clone()).collect();
    let markets = destinations.clone();
    let price = || decimal(1, 1_000_000, 2); // 0.01 to 10000
    let cost = || decimal(0, 1_000_000, 2); // 0 to 10000
    (
        (
            select(currencies.clone()),
            select(currencies),
            prop::option::of(decimal(1, 2_000_000, 3)), // 0.001 to 2000
        ),
        (
            cost(),
            cost(),
            decimal(0, 300_000, 1), // 0 to 30000 g, the most AliExpress Standard takes
            select(categories),
            decimal(0, 1_000_000, 0),
            select(markets),
            pct(),
        ),
        (price(), pct(), pct(), pct()),
        (
            prop::option::of(price()),
            prop::option::of((pct(), pct(), pct())),
            any::<bool>(),
            any::<bool>(),
            prop::option::weighted(0.8, price()),
        ),
        (
            prop::option::of(decimal(0, 100_000, 2)), // uplift 0 to 1000%
            any::<bool>(),
            // Sides of 0.1 to 60 cm weigh at most 27 kg by volume, within the services' 30 kg.
            prop::option::of((decimal(1, 600, 1), decimal(1, 600, 1), decimal(1, 600, 1))),
            any::<bool>(),
            prop::option::of(decimal(0, 10_000, 2)), // a shipping charge of 0 to 100
            // A second market taking 0.01% to 99.99% of the volume.
            prop::option::weighted(0.3, (select(destinations.clone()), decimal(1, 9_999, 2))),
        ),
    )
        .prop_map(
            |(
                (cost_currency, sale, rate),
                (unit_cost, packaging, weight_g, category, units, destination, return_rate),
                pop,
                (semi_price, semi_marketing, jit, popular, supply),
                (uplift, as_numbers, sides, economy, shipping_charge, mix),
            )| {
                // One currency takes no rate (or exactly 1).
                let rate = rate.filter(|_| cost_currency != sale);
                // Each market at most once.
                let mix = mix.filter(|(other, _)| *other != destination);
                let shipping = economy
                    .then(|| {
                        takes_economy(&destination, &weight_g, sides.as_ref())
                            && mix.as_ref().is_none_or(|(other, _)| {
                                takes_economy(other, &weight_g, sides.as_ref())
                            })
                    })
                    .filter(|takes| *takes)
                    .map(|_| "economy".to_owned());
                Valid {
                    cost: cost_currency,
                    sale,
                    rate,
                    unit_cost,
                    packaging,
                    weight_g,
                    sides,
                    category,
                    units,
                    destination,
                    mix,
                    return_rate,
                    pop,
                    shipping,
                    shipping_charge,
                    semi_price,
                    semi_marketing,
                    jit,
                    popular,
                    supply,
                    uplift,
                    as_numbers,
                }
            },
        )
}

/// Whether Super Economy Global reaches `destination` and takes the parcel: at most 2 kg, by
/// weight and by volume (÷ the default divisor, 8000).
fn takes_economy(
    destination: &str,
    weight_g: &str,
    sides: Option<&(String, String, String)>,
) -> bool {
    let p = policy();
    let reaches = p
        .service("economy")
        .is_some_and(|line| p.reaches(line, destination));
    let grams = |text: &str| text.parse::<Decimal>().unwrap_or_default();
    let by_volume = sides.map_or(Decimal::ZERO, |(l, w, h)| {
        grams(l) * grams(w) * grams(h) / Decimal::from(8)
    });
    reaches && grams(weight_g) <= Decimal::from(2000) && by_volume <= Decimal::from(2000)
}
