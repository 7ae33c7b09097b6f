//! The files a seller starts from: a template with the main columns, and a sample catalog.

/// The template's file name.
pub const TEMPLATE_FILE: &str = "sellercalc-catalog-template.csv";
/// The sample's file name.
pub const SAMPLE_FILE: &str = "sellercalc-catalog-sample.csv";

/// The header row of [`super::MAIN_COLUMNS`] and two example rows.
pub fn template_csv() -> &'static str {
    include_str!("../../catalog/template.csv")
}

/// About 25 realistic SKUs across the policy's categories, with weights and prices varied so
/// that each of the three models is best for some of them (with the default scenario as the
/// base).
pub fn sample_csv() -> &'static str {
    include_str!("../../catalog/sample.csv")
}
