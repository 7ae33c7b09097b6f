//! Typical products that fill the form in one click, for sales reps on calls.

use sellercalc_engine::Input;

use crate::state::Snapshot;

/// A named set of form values.
#[derive(Debug, PartialEq, Eq)]
pub struct Preset {
    /// Stable id.
    pub id: &'static str,
    /// English name.
    pub name: &'static str,
    /// The values it sets, as canonical numbers; the fields it leaves out take their defaults.
    pub fields: &'static [(Input, &'static str)],
}

impl Preset {
    /// The whole scenario it stands for: its values on the defaults, with no policy value
    /// changed and the newest fees.
    pub fn snapshot(&self) -> Snapshot {
        let mut snapshot = Snapshot::defaults();
        for (field, text) in self.fields {
            snapshot.form.insert(*field, (*text).to_owned());
        }
        snapshot
    }
}

/// The built-in presets. Costs are in CNY and prices in USD, typical of factory sellers.
pub const PRESETS: &[Preset] = &[
    Preset {
        id: "phone-case",
        name: "Phone case",
        fields: &[
            (Input::UnitCost, "4.80"),
            (Input::Packaging, "0.60"),
            (Input::WeightG, "60"),
            (Input::Category, "phone_accessories"),
            (Input::Price, "6.99"),
            (Input::MonthlyUnits, "1500"),
            (Input::ReturnRate, "3"),
            (Input::SupplyPrice, "15.00"),
        ],
    },
    Preset {
        id: "t-shirt",
        name: "T-shirt",
        fields: &[
            (Input::UnitCost, "18.00"),
            (Input::Packaging, "1.00"),
            (Input::WeightG, "220"),
            (Input::Category, "apparel"),
            (Input::Price, "14.99"),
            (Input::MonthlyUnits, "600"),
            (Input::ReturnRate, "8"),
            (Input::SupplyPrice, "42.00"),
        ],
    },
    Preset {
        id: "kitchen-gadget",
        name: "Kitchen gadget",
        fields: &[
            (Input::UnitCost, "12.50"),
            (Input::Packaging, "1.20"),
            (Input::WeightG, "180"),
            (Input::Category, "home"),
            (Input::Price, "9.99"),
            (Input::MonthlyUnits, "800"),
            (Input::ReturnRate, "4"),
            (Input::SupplyPrice, "30.00"),
        ],
    },
    Preset {
        id: "led-lamp",
        name: "LED desk lamp",
        fields: &[
            (Input::UnitCost, "38.00"),
            (Input::Packaging, "3.50"),
            (Input::WeightG, "650"),
            (Input::Category, "lighting"),
            (Input::Price, "24.99"),
            (Input::MonthlyUnits, "300"),
            (Input::ReturnRate, "5"),
            (Input::SupplyPrice, "85.00"),
        ],
    },
];

/// The preset with this id.
pub fn find(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

/// The preset that `snapshot` is exactly, if any: what the preset picker shows.
pub fn matching(snapshot: &Snapshot) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.snapshot() == *snapshot)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_preset_is_recognised_and_an_edit_makes_it_a_scenario_of_its_own() {
        for preset in PRESETS {
            let mut snapshot = preset.snapshot();
            assert_eq!(matching(&snapshot), Some(preset), "{}", preset.id);
            snapshot.form.insert(Input::MonthlyUnits, "1".to_owned());
            assert_eq!(matching(&snapshot), None, "{}", preset.id);
        }
        assert_eq!(matching(&Snapshot::defaults()), None);
    }
}
