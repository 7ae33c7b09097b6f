//! The scenario's inputs and the paths that name them, as types: what the engine validates, what a
//! page shows as a field, what a catalog column holds and what an error or a warning points at.
//!
//! [`Input`] is one input with a fixed path (`product.unit_cost`), its unit, its kind and whether
//! it may be left empty. [`Field`] is any place in a scenario an error can point at: an input, a
//! policy value override (`assumptions.commission.home`), one market of a mix
//! (`destinations[1].share_pct`), a group (`pop`) or a key the format does not have.

use std::borrow::Cow;
use std::fmt;

use serde::{Serialize, Serializer};

use crate::scenario::ModelKind;

/// What kind of value an input holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// A decimal number.
    Number,
    /// A name from a list (a currency, category, destination or mode).
    Choice,
    /// True or false.
    Flag,
}

/// The unit of a number, for labels and for messages such as "at most 100 %".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Money in the scenario's cost currency.
    CostMoney,
    /// Money in the scenario's sale currency.
    SaleMoney,
    /// A percentage, in percent.
    Percent,
    /// Grams.
    Grams,
    /// Centimetres.
    Centimetres,
    /// A count of units sold.
    Units,
    /// Cost-currency units per sale-currency unit.
    ExchangeRate,
    /// Days.
    Days,
    /// Money in the policy's currency (CNY), as a policy value states it.
    PolicyMoney,
    /// Policy money per kilogram.
    PolicyMoneyPerKg,
    /// Policy money per parcel.
    PolicyMoneyPerParcel,
    /// Policy money per unit.
    PolicyMoneyPerUnit,
    /// A plain number without a unit.
    Plain,
}

impl Unit {
    /// The unit of a policy value, from the policy file's unit text (`%`, `days`, `CNY/kg`…).
    pub fn of_policy_value(unit: &str) -> Unit {
        match unit {
            "cm" => return Unit::Centimetres,
            "g" => return Unit::Grams,
            // A volumetric divisor: cubic centimetres per kilogram, not money.
            "cm3/kg" => return Unit::Plain,
            _ => {}
        }
        match unit.split_once('/') {
            Some((_, "kg")) => Unit::PolicyMoneyPerKg,
            Some((_, "parcel")) => Unit::PolicyMoneyPerParcel,
            Some((_, "unit")) => Unit::PolicyMoneyPerUnit,
            Some(_) => Unit::Plain,
            None => match unit {
                "%" => Unit::Percent,
                "days" => Unit::Days,
                "" => Unit::Plain,
                _ => Unit::PolicyMoney,
            },
        }
    }
}

/// The largest value a number input takes; the smallest is 0 (or just above it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bounds {
    /// The largest value allowed.
    pub max: i64,
    /// Whether 0 itself is refused (a price, an exchange rate).
    pub positive: bool,
}

/// The most a money amount may be: a billion in any currency.
pub const MONEY_MAX: i64 = 1_000_000_000;
/// The most a weight may be, in grams.
pub const WEIGHT_MAX_G: i64 = 1_000_000;
/// The most an exchange rate may be.
pub const RATE_MAX: i64 = 1_000_000;
/// The most a side of a parcel may be, in centimetres.
pub const SIDE_MAX_CM: i64 = 1_000;

/// One scenario input with a fixed path.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Input {
    /// `currency.cost`
    CostCurrency,
    /// `currency.sale`
    SaleCurrency,
    /// `currency.rate`; empty takes the policy's table.
    Rate,
    /// `product.unit_cost`
    UnitCost,
    /// `product.packaging`
    Packaging,
    /// `product.weight_g`
    WeightG,
    /// `product.dimensions_cm.length`: the parcel's length; empty with the other two sides, for
    /// a parcel priced by its weight alone.
    Length,
    /// `product.dimensions_cm.width`
    Width,
    /// `product.dimensions_cm.height`
    Height,
    /// `product.category`
    Category,
    /// `pop.price`, which semi-managed follows unless it has its own.
    Price,
    /// `monthly_units`
    MonthlyUnits,
    /// `destination`
    Destination,
    /// `return_rate_pct`
    ReturnRate,
    /// `pop.ad_spend_pct`
    AdSpend,
    /// `pop.affiliate_share_pct`
    AffiliateShare,
    /// `pop.affiliate_rate_pct`
    AffiliateRate,
    /// `pop.early_payout`: the platform pays this store early (a status it grants).
    EarlyPayout,
    /// `pop.shipping`: POP's shipping line, by service id (`standard`, `economy`); empty takes
    /// the first, AliExpress Standard.
    PopShipping,
    /// `pop.shipping_charge`: what the buyer pays for shipping per order, in the sale currency;
    /// empty is none.
    ShippingCharge,
    /// `semi.price`; empty follows the POP price.
    SemiPrice,
    /// `semi.mode`
    SemiMode,
    /// `semi.popular`
    SemiPopular,
    /// `semi.ad_spend_pct`; empty follows POP's.
    SemiAdSpend,
    /// `semi.affiliate_share_pct`; empty follows POP's.
    SemiAffiliateShare,
    /// `semi.affiliate_rate_pct`; empty follows POP's.
    SemiAffiliateRate,
    /// `full.supply_price`; empty takes the estimate from the retail price.
    SupplyPrice,
}

impl Input {
    /// Every input, in form order.
    pub const ALL: [Input; 27] = [
        Input::CostCurrency,
        Input::SaleCurrency,
        Input::Rate,
        Input::UnitCost,
        Input::Packaging,
        Input::WeightG,
        Input::Length,
        Input::Width,
        Input::Height,
        Input::Category,
        Input::Price,
        Input::MonthlyUnits,
        Input::Destination,
        Input::ReturnRate,
        Input::AdSpend,
        Input::AffiliateShare,
        Input::AffiliateRate,
        Input::EarlyPayout,
        Input::PopShipping,
        Input::ShippingCharge,
        Input::SemiPrice,
        Input::SemiMode,
        Input::SemiPopular,
        Input::SemiAdSpend,
        Input::SemiAffiliateShare,
        Input::SemiAffiliateRate,
        Input::SupplyPrice,
    ];

    /// The three sides of the parcel, `product.dimensions_cm.*`.
    pub const SIDES: [Input; 3] = [Input::Length, Input::Width, Input::Height];

    /// The input's position in [`Input::ALL`], for arrays indexed by input.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The input's path in the scenario, which errors name.
    pub fn path(self) -> &'static str {
        match self {
            Input::CostCurrency => "currency.cost",
            Input::SaleCurrency => "currency.sale",
            Input::Rate => "currency.rate",
            Input::UnitCost => "product.unit_cost",
            Input::Packaging => "product.packaging",
            Input::WeightG => "product.weight_g",
            Input::Length => "product.dimensions_cm.length",
            Input::Width => "product.dimensions_cm.width",
            Input::Height => "product.dimensions_cm.height",
            Input::Category => "product.category",
            Input::Price => "pop.price",
            Input::MonthlyUnits => "monthly_units",
            Input::Destination => "destination",
            Input::ReturnRate => "return_rate_pct",
            Input::AdSpend => "pop.ad_spend_pct",
            Input::AffiliateShare => "pop.affiliate_share_pct",
            Input::AffiliateRate => "pop.affiliate_rate_pct",
            Input::EarlyPayout => "pop.early_payout",
            Input::PopShipping => "pop.shipping",
            Input::ShippingCharge => "pop.shipping_charge",
            Input::SemiPrice => "semi.price",
            Input::SemiMode => "semi.mode",
            Input::SemiPopular => "semi.popular",
            Input::SemiAdSpend => "semi.ad_spend_pct",
            Input::SemiAffiliateShare => "semi.affiliate_share_pct",
            Input::SemiAffiliateRate => "semi.affiliate_rate_pct",
            Input::SupplyPrice => "full.supply_price",
        }
    }

    /// The input at `path`, if one has it.
    pub fn from_path(path: &str) -> Option<Input> {
        Input::ALL.into_iter().find(|input| input.path() == path)
    }

    /// The group the input sits in (`product` for `product.unit_cost`), `None` at the top level.
    pub fn group(self) -> Option<Group> {
        let (group, _) = self.path().split_once('.')?;
        Group::from_key(group)
    }

    /// The input's key within its group (`unit_cost`; `dimensions_cm.length` for a side, which
    /// sits in an object of its own), or its whole path at the top level.
    pub fn key(self) -> &'static str {
        let path = self.path();
        path.split_once('.').map_or(path, |(_, key)| key)
    }

    /// What kind of value it holds.
    pub fn kind(self) -> InputKind {
        match self {
            Input::CostCurrency
            | Input::SaleCurrency
            | Input::Category
            | Input::Destination
            | Input::PopShipping
            | Input::SemiMode => InputKind::Choice,
            Input::SemiPopular | Input::EarlyPayout => InputKind::Flag,
            _ => InputKind::Number,
        }
    }

    /// Whether it holds a number.
    pub fn is_number(self) -> bool {
        self.kind() == InputKind::Number
    }

    /// Whether leaving it empty means "use the default" (the policy's exchange rate, POP's price
    /// and marketing, the estimated supply price, AliExpress Standard, no shipping charge, no
    /// sides) rather than a missing value.
    pub fn optional(self) -> bool {
        self.follows().is_some()
            || matches!(
                self,
                Input::Rate | Input::SupplyPrice | Input::PopShipping | Input::ShippingCharge
            )
            || Input::SIDES.contains(&self)
    }

    /// The POP input whose value this semi-managed input takes when it is left empty.
    pub fn follows(self) -> Option<Input> {
        match self {
            Input::SemiPrice => Some(Input::Price),
            Input::SemiAdSpend => Some(Input::AdSpend),
            Input::SemiAffiliateShare => Some(Input::AffiliateShare),
            Input::SemiAffiliateRate => Some(Input::AffiliateRate),
            _ => None,
        }
    }

    /// The unit of its number ([`Unit::Plain`] for names and flags).
    pub fn unit(self) -> Unit {
        match self {
            Input::UnitCost | Input::Packaging | Input::SupplyPrice => Unit::CostMoney,
            Input::Price | Input::SemiPrice | Input::ShippingCharge => Unit::SaleMoney,
            Input::WeightG => Unit::Grams,
            Input::Length | Input::Width | Input::Height => Unit::Centimetres,
            Input::MonthlyUnits => Unit::Units,
            Input::ReturnRate
            | Input::AdSpend
            | Input::AffiliateShare
            | Input::AffiliateRate
            | Input::SemiAdSpend
            | Input::SemiAffiliateShare
            | Input::SemiAffiliateRate => Unit::Percent,
            Input::Rate => Unit::ExchangeRate,
            _ => Unit::Plain,
        }
    }

    /// The range a number input accepts; `None` for names and flags.
    pub fn bounds(self) -> Option<Bounds> {
        let bounds = |max, positive| Some(Bounds { max, positive });
        match self.unit() {
            Unit::Percent => bounds(100, false),
            Unit::Grams => bounds(WEIGHT_MAX_G, false),
            Unit::Centimetres => bounds(SIDE_MAX_CM, true),
            Unit::ExchangeRate => bounds(RATE_MAX, true),
            // A price is more than 0; the buyer's shipping charge may be 0.
            Unit::SaleMoney => bounds(MONEY_MAX, self != Input::ShippingCharge),
            Unit::CostMoney if self == Input::SupplyPrice => bounds(MONEY_MAX, true),
            Unit::CostMoney | Unit::Units => bounds(MONEY_MAX, false),
            _ => None,
        }
    }

    /// The models whose figures depend on the input. Fully managed is paid a supply price in
    /// the cost currency and ships nothing to buyers, so the sale currency, the rate, the
    /// category and the parcel's size concern POP and semi-managed only; the destination
    /// concerns all three, fully managed for its delivery days (issue #15, item 7).
    pub fn models(self) -> &'static [ModelKind] {
        use ModelKind::{Full, Pop, Semi};
        match self {
            Input::SaleCurrency
            | Input::Rate
            | Input::Category
            | Input::Length
            | Input::Width
            | Input::Height => &[Pop, Semi],
            _ => match self.group() {
                Some(Group::Pop) => &[Pop],
                Some(Group::Semi) => &[Semi],
                Some(Group::Full) => &[Full],
                _ => &ModelKind::ALL,
            },
        }
    }
}

/// An object of the scenario that holds inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// `currency`
    Currency,
    /// `product`
    Product,
    /// `pop`
    Pop,
    /// `semi`
    Semi,
    /// `full`
    Full,
    /// `assumptions`
    Assumptions,
}

impl Group {
    /// Every group, in the order a scenario lists them.
    pub const ALL: [Group; 6] = [
        Group::Currency,
        Group::Product,
        Group::Pop,
        Group::Semi,
        Group::Full,
        Group::Assumptions,
    ];

    /// Its key in the scenario.
    pub fn key(self) -> &'static str {
        match self {
            Group::Currency => "currency",
            Group::Product => "product",
            Group::Pop => "pop",
            Group::Semi => "semi",
            Group::Full => "full",
            Group::Assumptions => "assumptions",
        }
    }

    fn from_key(key: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.key() == key)
    }

    /// The group of one model's settings.
    pub fn of_model(model: ModelKind) -> Group {
        match model {
            ModelKind::Pop => Group::Pop,
            ModelKind::Semi => Group::Semi,
            ModelKind::Full => Group::Full,
        }
    }

    /// The inputs it holds, in form order.
    pub fn inputs(self) -> impl Iterator<Item = Input> {
        Input::ALL
            .into_iter()
            .filter(move |i| i.group() == Some(self))
    }
}

/// A part of one market in a `destinations` mix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MarketPart {
    /// `id`: the market's code.
    Id,
    /// `share_pct`: its share of the monthly volume.
    Share,
}

impl MarketPart {
    fn key(self) -> &'static str {
        match self {
            MarketPart::Id => "id",
            MarketPart::Share => "share_pct",
        }
    }
}

/// A place in a scenario that an error or a warning points at.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The scenario as a whole (`scenario`), when it is not an object at all.
    Scenario,
    /// `policy`: the policy set's id.
    Policy,
    /// An object of the scenario (`pop`, `product`…); also where a whole model's figures
    /// overflow.
    Group(Group),
    /// An input.
    Input(Input),
    /// The parcel's sides as a whole: `product.dimensions_cm`.
    Dimensions,
    /// A policy value's override: `assumptions.<id>`.
    Assumption(String),
    /// The market mix as a whole: `destinations`.
    Destinations,
    /// One market of the mix, or one part of it: `destinations[1]`, `destinations[1].share_pct`.
    Market {
        /// Its position in the list, from 0.
        index: usize,
        /// Which part, or `None` for the market as a whole.
        part: Option<MarketPart>,
    },
    /// A key the scenario format does not have, as written.
    Unknown(String),
}

impl From<Input> for Field {
    fn from(input: Input) -> Self {
        Field::Input(input)
    }
}

impl Field {
    /// The path that names it in errors and results: `product.unit_cost`,
    /// `assumptions.commission.home`, `destinations[1].share_pct`.
    pub fn path(&self) -> Cow<'static, str> {
        match self {
            Field::Scenario => Cow::Borrowed("scenario"),
            Field::Policy => Cow::Borrowed("policy"),
            Field::Group(group) => Cow::Borrowed(group.key()),
            Field::Input(input) => Cow::Borrowed(input.path()),
            Field::Dimensions => Cow::Borrowed("product.dimensions_cm"),
            Field::Assumption(id) => Cow::Owned(format!("assumptions.{id}")),
            Field::Destinations => Cow::Borrowed("destinations"),
            Field::Market { index, part: None } => Cow::Owned(format!("destinations[{index}]")),
            Field::Market {
                index,
                part: Some(part),
            } => Cow::Owned(format!("destinations[{index}].{}", part.key())),
            Field::Unknown(path) => Cow::Owned(path.clone()),
        }
    }

    /// The field a path names: the inverse of [`Field::path`]. A path that names nothing the
    /// format has is [`Field::Unknown`].
    pub fn parse(path: &str) -> Field {
        if path == "scenario" {
            return Field::Scenario;
        }
        if path == "destinations" {
            return Field::Destinations;
        }
        if path == "policy" {
            return Field::Policy;
        }
        if path == "product.dimensions_cm" {
            return Field::Dimensions;
        }
        if let Some(input) = Input::from_path(path) {
            return Field::Input(input);
        }
        if let Some(group) = Group::from_key(path) {
            return Field::Group(group);
        }
        if let Some(id) = path.strip_prefix("assumptions.") {
            return Field::Assumption(id.to_owned());
        }
        if let Some(market) = path.strip_prefix("destinations[") {
            if let Some((index, rest)) = market.split_once(']') {
                let part = match rest {
                    "" => Some(None),
                    ".id" => Some(Some(MarketPart::Id)),
                    ".share_pct" => Some(Some(MarketPart::Share)),
                    _ => None,
                };
                let index = index
                    .parse::<usize>()
                    .ok()
                    .filter(|_| index.bytes().all(|b| b.is_ascii_digit()));
                if let (Some(index), Some(part)) = (index, part) {
                    return Field::Market { index, part };
                }
            }
        }
        Field::Unknown(path.to_owned())
    }

    /// The input it names, if it names one.
    pub fn input(&self) -> Option<Input> {
        match self {
            Field::Input(input) => Some(*input),
            _ => None,
        }
    }

    /// The models whose figures depend on it. A key the format does not have concerns none; a
    /// group concerns the models that read it.
    pub fn models(&self) -> &'static [ModelKind] {
        use ModelKind::{Full, Pop, Semi};
        match self {
            Field::Input(input) => input.models(),
            Field::Group(Group::Pop) => &[Pop],
            Field::Group(Group::Semi) => &[Semi],
            Field::Group(Group::Full) => &[Full],
            Field::Assumption(id) => assumption_models(id),
            // A market's delivery days concern fully managed's cash too (issue #15, item 7).
            Field::Destinations | Field::Market { .. } => &ModelKind::ALL,
            Field::Dimensions => &[Pop, Semi],
            Field::Unknown(_) => &[],
            Field::Scenario | Field::Policy | Field::Group(_) => &ModelKind::ALL,
        }
    }
}

/// The models that read the policy value `id`.
fn assumption_models(id: &str) -> &'static [ModelKind] {
    use ModelKind::{Full, Pop, Semi};
    let mut parts = id.split('.');
    match (parts.next().unwrap_or(""), parts.next().unwrap_or("")) {
        ("commission", _) | ("payment", _) => &[Pop, Semi],
        ("semi" | "warehouse", _) => &[Semi],
        ("choice", _) => &[Semi, Full],
        // `postage.pop.*`: the ids of POP's postage before the weight bands (renamed).
        ("postage" | "logistics", "standard" | "economy" | "pop")
        | ("first_mile" | "returns" | "days", "pop") => &[Pop],
        ("postage" | "logistics", "choice") => &[Semi],
        ("days", "choice") => &[Semi, Full],
        ("first_mile" | "returns" | "days", m) if m.starts_with("semi") => &[Semi],
        ("first_mile" | "returns" | "days", "full") => &[Full],
        _ => &ModelKind::ALL,
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path())
    }
}

impl Serialize for Field {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.path())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_round_trip() {
        let fields = Input::ALL
            .into_iter()
            .map(Field::Input)
            .chain(Group::ALL.into_iter().map(Field::Group))
            .chain([
                Field::Scenario,
                Field::Policy,
                Field::Destinations,
                Field::Dimensions,
                Field::Assumption("commission.home".to_owned()),
                Field::Market {
                    index: 1,
                    part: Some(MarketPart::Share),
                },
                Field::Market {
                    index: 0,
                    part: Some(MarketPart::Id),
                },
                Field::Market {
                    index: 12,
                    part: None,
                },
                Field::Unknown("pop.nope".to_owned()),
            ]);
        for field in fields {
            assert_eq!(Field::parse(&field.path()), field, "{field}");
        }
        assert_eq!(
            Field::parse("destinations[1].share_pct").path(),
            "destinations[1].share_pct"
        );
        assert_eq!(
            Field::parse("destinations[+1]"),
            Field::Unknown("destinations[+1]".to_owned())
        );
    }

    #[test]
    fn inputs_index_their_place_in_all() {
        for (i, input) in Input::ALL.into_iter().enumerate() {
            assert_eq!(input.index(), i, "{input:?}");
        }
    }

    #[test]
    fn inputs_know_their_group_unit_and_models() {
        assert_eq!(Input::UnitCost.group(), Some(Group::Product));
        assert_eq!(Input::UnitCost.key(), "unit_cost");
        assert_eq!(Input::MonthlyUnits.group(), None);
        assert_eq!(Input::MonthlyUnits.key(), "monthly_units");
        assert_eq!(Input::Price.unit(), Unit::SaleMoney);
        assert_eq!(Input::ReturnRate.bounds().map(|b| b.max), Some(100));
        assert!(Input::Rate.bounds().is_some_and(|b| b.positive));
        assert_eq!(Input::SupplyPrice.models(), [ModelKind::Full]);
        // Fully managed's delivery days depend on the market (issue #15, item 7).
        assert_eq!(Input::Destination.models(), ModelKind::ALL);
        assert_eq!(Input::Category.models(), [ModelKind::Pop, ModelKind::Semi]);
        assert_eq!(
            Group::Pop.inputs().collect::<Vec<_>>(),
            [
                Input::Price,
                Input::AdSpend,
                Input::AffiliateShare,
                Input::AffiliateRate,
                Input::EarlyPayout,
                Input::PopShipping,
                Input::ShippingCharge
            ]
        );
        assert_eq!(
            Unit::of_policy_value("CNY/kg"),
            Unit::PolicyMoneyPerKg,
            "postage"
        );
        assert_eq!(Unit::of_policy_value("CNY"), Unit::PolicyMoney);
    }
}
