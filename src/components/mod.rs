//! One function component per file.

pub mod ab_compare;
pub mod assumptions_panel;
pub mod breakdown_chart;
pub mod field;
pub mod inputs;
pub mod language_picker;
pub mod markets;
pub mod model_card;
pub mod notice;
pub mod page_footer;
pub mod page_header;
pub mod plot;
pub mod policy_bar;
pub mod rate_sheet;
pub mod recommendation;
pub mod saved_scenarios;
pub mod sensitivity_chart;
pub mod share_bar;
pub mod solver_panel;
pub mod summary_bar;
pub mod volume_chart;
