//! The catalog page (`/catalog/`): many products at once. Its own Trunk build and wasm binary
//! (`src/bin/catalog.rs`), so the calculator's first load does not carry it.
//!
//! A CSV file (uploaded or pasted) is read by the engine's `catalog` module; each row is compared
//! with the calculator's autosaved inputs as the base and the row's cells as overrides. Rows are
//! computed in slices of a few milliseconds between which the browser paints and handles input,
//! with a progress bar; only compact per-row figures are kept, never the full comparisons. The
//! catalog on screen is kept in `localStorage` (see [`saved`]) so that a reload does not lose it.

pub mod page;
pub mod saved;
pub mod settings;
pub mod state;
pub mod table;

pub use page::CatalogPage;

/// Renders the catalog page into `<body>`, once the visitor's language pack is loaded (see
/// [`crate::i18n::packs`]; the packs sit beside the calculator's page, one folder up).
pub fn start() {
    let lang = state::initial_lang();
    // Rendered in English if the pack cannot be had (the page says so).
    crate::i18n::packs::when_available(lang, "../", |_| {
        yew::Renderer::<CatalogPage>::new().render();
    });
}
