//! Catalog mode (issue #6): many SKUs from a CSV, each compared under the three models with the
//! calculator's scenario as the base and the row's cells as overrides, then summed into a
//! portfolio and exported. The format, the rules and every definition: `docs/catalog.md`.
//!
//! ```
//! use sellercalc_engine::catalog::{compute_row, read_csv, PortfolioBuilder};
//!
//! let file = read_csv("Name,Unit cost,Price\nMug,25,12.99\nLamp,40,\"19,50\"\n");
//! assert!(file.problems.iter().all(|p| matches!(
//!     p,
//!     sellercalc_engine::catalog::FileProblem::MissingColumn { .. }
//! )));
//! let base = sellercalc_engine::ScenarioInput::new();
//! let mut portfolio = PortfolioBuilder::new(10);
//! for (i, row) in file.rows.iter().enumerate() {
//!     let result = compute_row(&base, &file, row, None);
//!     assert!(result.ok());
//!     portfolio.add(i, &result);
//! }
//! assert_eq!(portfolio.finish().included, 2);
//! ```

mod compute;
mod decode;
mod export;
mod portfolio;
mod read;
mod sample;

pub(crate) use compute::number_cell;
pub use compute::{compute_row, merged_scenario, CellError, SkuModel, SkuResult};
pub use decode::{looks_binary, mostly_utf8, sniff, Encoding, Sniffed};
pub use export::{
    problems_text, results_csv, results_csv_header, results_csv_row, spreadsheet_safe,
    warnings_text, RESULTS_FILE,
};
pub use portfolio::{Driver, Portfolio, PortfolioBuilder};
pub(crate) use read::{normalise_header, read_csv_records, sheet_decimal_mark};
pub use read::{
    optional_header, read_csv, CatalogFile, CatalogReader, Column, ColumnKind, DecimalMark,
    FileProblem, SkuRow, MAIN_COLUMNS, MAX_ROWS, MIX_ALIASES, OPTIONAL_INPUTS,
};
pub use sample::{sample_csv, template_csv, SAMPLE_FILE, TEMPLATE_FILE};
