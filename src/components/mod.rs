//! One function component per file.

pub mod assumptions_panel;
pub mod breakdown_chart;
pub mod field;
pub mod inputs;
pub mod model_card;
pub mod page_footer;
pub mod page_header;
pub mod recommendation;
pub mod summary_bar;
pub mod volume_chart;
