//! Typical products that fill the form in one click, for sales reps on calls.

use crate::state::Field;

/// A named set of form values.
#[derive(Debug, PartialEq, Eq)]
pub struct Preset {
    /// Stable id.
    pub id: &'static str,
    /// English name.
    pub name: &'static str,
    /// The values it sets; fields it leaves out keep what the user typed.
    pub fields: &'static [(Field, &'static str)],
}

/// The built-in presets. Costs are in CNY and prices in USD, typical of factory sellers.
pub const PRESETS: &[Preset] = &[
    Preset {
        id: "phone-case",
        name: "Phone case",
        fields: &[
            (Field::UnitCost, "4.80"),
            (Field::Packaging, "0.60"),
            (Field::WeightG, "60"),
            (Field::Category, "phone_accessories"),
            (Field::Price, "6.99"),
            (Field::SemiPrice, ""),
            (Field::MonthlyUnits, "1500"),
            (Field::ReturnRate, "3"),
            (Field::SupplyPrice, "15.00"),
        ],
    },
    Preset {
        id: "t-shirt",
        name: "T-shirt",
        fields: &[
            (Field::UnitCost, "18.00"),
            (Field::Packaging, "1.00"),
            (Field::WeightG, "220"),
            (Field::Category, "apparel"),
            (Field::Price, "14.99"),
            (Field::SemiPrice, ""),
            (Field::MonthlyUnits, "600"),
            (Field::ReturnRate, "8"),
            (Field::SupplyPrice, "42.00"),
        ],
    },
    Preset {
        id: "kitchen-gadget",
        name: "Kitchen gadget",
        fields: &[
            (Field::UnitCost, "12.50"),
            (Field::Packaging, "1.20"),
            (Field::WeightG, "180"),
            (Field::Category, "home"),
            (Field::Price, "9.99"),
            (Field::SemiPrice, ""),
            (Field::MonthlyUnits, "800"),
            (Field::ReturnRate, "4"),
            (Field::SupplyPrice, "30.00"),
        ],
    },
    Preset {
        id: "led-lamp",
        name: "LED desk lamp",
        fields: &[
            (Field::UnitCost, "38.00"),
            (Field::Packaging, "3.50"),
            (Field::WeightG, "650"),
            (Field::Category, "lighting"),
            (Field::Price, "24.99"),
            (Field::SemiPrice, ""),
            (Field::MonthlyUnits, "300"),
            (Field::ReturnRate, "5"),
            (Field::SupplyPrice, "85.00"),
        ],
    },
];

/// The preset with this id.
pub fn find(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}
