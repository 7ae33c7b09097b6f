//! The strings of the catalog page (`catalog/`), in every language.
//!
//! Built like [`ShareTexts`](super::share::ShareTexts): one [`CatalogTexts`] constant per language
//! in `catalog/`, so a language that leaves a string out does not compile, and templates mark
//! values `{0}`, `{1}`… for [`fill`](super::fill). English is the reference wording. Only the
//! catalog page links these tables in; the calculator's first load does not carry them. As for
//! the calculator, only English is compiled into the wasm: the other languages are in the
//! language packs (`catalog.<field>`), read from the pack the first time the page asks.
//!
//! The results CSV stays English whatever the page's language (see the engine's `catalog::export`).

mod en;
#[cfg(any(test, not(target_arch = "wasm32")))]
mod es;
#[cfg(any(test, not(target_arch = "wasm32")))]
mod fr;
#[cfg(any(test, not(target_arch = "wasm32")))]
mod ko;
#[cfg(any(test, not(target_arch = "wasm32")))]
mod pt_br;
#[cfg(any(test, not(target_arch = "wasm32")))]
mod zh_cn;

use super::texts::text_table;
use super::Lang;

text_table! {
    /// The catalog page.
    CatalogTexts {
        // Header and navigation.
        /// The page's title, after "SellerCalc".
        title,
        /// One line under the title.
        tagline,
        /// Link back to the single-product calculator.
        back,

        // Loading products.
        input_title,
        intro,
        upload,
        /// Under the upload button.
        upload_hint,
        paste_label,
        paste_placeholder,
        compare_pasted,
        template,
        sample,
        try_sample,
        /// {0} the main column names, joined by the page's separator.
        columns_help,
        optional_title,
        /// Before the list of optional column names.
        optional_intro,
        /// {0} an example assumption column.
        optional_assumptions,
        empty_state,
        not_csv,
        too_large,
        not_utf8,
        unreadable,
        /// The chosen file is not text in any encoding the page reads (an image, a database…).
        not_text,
        /// {0} the encoding the file was read in (UTF-16, GB18030).
        read_as,
        /// {0} the file's name.
        loaded_file,
        pasted,
        sample_loaded,

        // Settings every product shares.
        /// {0} the list of settings.
        settings,
        settings_link,
        /// One shared setting in the list: {0} its label, {1} its value.
        label_value,
        /// The calculator had no saved inputs.
        settings_default,
        target_label,
        target_hint,

        // File problems.
        file_title,
        file_empty,
        no_rows,
        /// {0} the column's name as in the file.
        unknown_column,
        /// {0} the column's name as in the file.
        duplicate_column,
        /// {0} the column's name in the template, {1} the calculator's value.
        missing_column,
        no_name_column,
        /// {0} the row number.
        malformed,
        /// {0} the row number.
        too_many_cells,
        /// {0} the most products a file may hold.
        too_many_rows,

        // Progress.
        /// {0} products compared so far, {1} all products.
        progress,
        /// While the file is read, before comparing: {0} the percentage read.
        reading,
        /// Button beside it: stop reading (the catalog on screen stays).
        stop_reading,
        /// {0} the number of products.
        done,
        /// The same for one product (languages without a singular repeat `done`).
        done_one,
        /// The catalog could not be kept for a reload (too large, or storage refused).
        not_kept,
        /// Button: forget the catalog on screen and in the browser.
        clear,
        /// Status after a reload brought the last catalog back.
        restored,
        /// The kept catalog was not opened again: the page stopped while opening it last time.
        restore_skipped,
        /// Button: download the kept catalog that was not opened.
        download_kept,
        /// Button: forget it.
        forget_kept,
        /// Button: open it all the same.
        open_kept,
        /// Status after a reload brought the last catalog back but not its fixes.
        restored_without_edits,
        /// After the first file problems: {0} how many more there are.
        more_problems,

        // Rows with problems.
        /// {0} the number of rows.
        bad_title,
        /// The same for one row.
        bad_title_one,
        bad_intro,
        /// {0} the row number.
        row,
        /// {0} the row number, {1} the product's name.
        row_named,
        /// {0} the column's name, {1} the message.
        cell_error,
        not_in_file,
        /// Button that shows a row with problems in the table.
        show_in_table,
        /// {0} the number of rows not listed.
        more_bad,
        /// A fixed row: {0} the row number.
        fixed,

        // Portfolio.
        totals_title,
        /// {0} a model's name: selling every product that way ("All POP").
        all_as,
        best_mix,
        /// {0} the number of products.
        best_for,
        /// The same for one product.
        best_for_one,
        /// {0} money: how much less than the best mix.
        below_mix,
        the_most,
        /// {0} the number of rows left out.
        excluded,
        /// The same for one row.
        excluded_one,
        drivers_title,
        /// {0} money a month, {1} the uniform choice ("All POP").
        drivers_intro,
        /// {0} the model's name.
        all_same,
        /// Column: the share of the difference.
        share,
        gain,
        /// Label of the selector of a uniform choice to compare the best mix with.
        versus,
        /// The rows' cost currencies differ, so they cannot be added up.
        mixed_currency,

        // The table.
        table_title,
        filter_label,
        filter_placeholder,
        best_filter,
        any,
        /// An option of the "show" selector: {0} the model's name.
        best_is,
        problems_only,
        view_label,
        view_profit,
        view_prices,
        col_row,
        col_product,
        col_best,
        col_ahead,
        /// {0} the model's name.
        col_profit,
        /// {0} the model's name.
        col_break_even,
        /// {0} the model's name, {1} the target margin.
        col_target,
        /// {0} the model's name.
        col_match,
        /// The price columns' note: {0} the sale currency, {1} the cost currency.
        prices_note,
        /// {0} first row shown, {1} last row shown, {2} rows matching.
        showing,
        previous,
        next,
        no_match,
        not_computed,
        /// A solved price that does not exist: no positive price reaches the target.
        no_price,
        /// Accessible name of a sortable column's button: {0} the column.
        sort_by,
        export,
        export_failed,

        // Estimates, warnings and the set of fees (money model v2, policy sets by date).
        /// Under the column list: the supply price may be left empty.
        supply_optional,
        /// In the optional columns: semi-managed marketing follows POP's when left out.
        optional_semi_marketing,
        // (The selector, its options and "fees as of" are the calculator's words: `Texts::policy`.)
        /// The catalog uses the calculator's set.
        fees_calculator,
        /// The catalog uses another set than the calculator: {0} the calculator's set's date.
        fees_calculator_other,
        /// Policy values changed in the calculator that this set lacks: {0} their ids.
        fees_left_out,
        /// The short mark beside a figure that rests on the estimated supply price.
        estimated_mark,
        /// What the mark means (its tooltip and its accessible text).
        estimated_title,
        /// Read out before each warning of a row.
        warning_prefix,
        /// A row's warning: {0} the estimated supply price, {1} its share of the retail price.
        warn_estimated,
        /// A row's warning: {0} the supply price, {1} the retail price in the same currency.
        warn_supply_above_retail,
        /// A row's warning: the monthly volume has a fraction.
        warn_fractional_volume,
        /// An option of the "show" selector.
        warnings_only,
        /// Under the totals: {0} products at an estimated supply price, {1} products in the
        /// totals, {2} the mark.
        estimated_note,
        /// After it, when fully managed comes out best on the estimate: {0} how many products.
        estimated_decides,
        /// In a total's tile: {0} products at an estimated supply price, {1} products in it.
        tile_estimated,

        // Empty required cells (issue #16, item 14).
        /// On a row whose main cells are empty: {0} each input with the calculator's value used.
        row_defaults,

        // Several markets per row (issue #15, item 6).
        /// The `destinations` column in the list of optional columns.
        mix_column,
        /// An error about one market of a row's mix: {0} its position from 1, {1} the error.
        market_numbered,

        // A cell naming no known value: the values a cell may hold (closing notes of #15).
        /// After "Choose one of the listed options.": {0} the values, comma-separated.
        one_of,
        /// The status after the visitor stopped reading a file.
        reading_stopped,
    }
}

impl Lang {
    /// The catalog page's strings in this language (English until its pack is loaded).
    pub fn catalog(self) -> &'static CatalogTexts {
        match self {
            Lang::En => &en::CATALOG,
            #[cfg(any(test, not(target_arch = "wasm32")))]
            Lang::ZhCn => &zh_cn::CATALOG,
            #[cfg(any(test, not(target_arch = "wasm32")))]
            Lang::Es => &es::CATALOG,
            #[cfg(any(test, not(target_arch = "wasm32")))]
            Lang::Ko => &ko::CATALOG,
            #[cfg(any(test, not(target_arch = "wasm32")))]
            Lang::PtBr => &pt_br::CATALOG,
            #[cfg(any(test, not(target_arch = "wasm32")))]
            Lang::Fr => &fr::CATALOG,
            #[cfg(all(not(test), target_arch = "wasm32"))]
            _ => from_pack(self).unwrap_or(&en::CATALOG),
        }
    }
}

/// The catalog's table of `lang`, read from its loaded pack once and kept.
#[cfg(all(not(test), target_arch = "wasm32"))]
fn from_pack(lang: Lang) -> Option<&'static CatalogTexts> {
    use std::cell::RefCell;
    thread_local! {
        static READ: RefCell<Vec<(Lang, &'static CatalogTexts)>> = const { RefCell::new(Vec::new()) };
    }
    if let Some(texts) = READ.with(|r| r.borrow().iter().find(|(l, _)| *l == lang).map(|(_, t)| *t))
    {
        return Some(texts);
    }
    let strings = super::packs::loaded(lang)?.strings;
    let get =
        |key: &str| -> Option<&'static str> { strings.get(&format!("catalog.{key}"))?.as_str() };
    let texts: &'static CatalogTexts = Box::leak(Box::new(CatalogTexts::from_pack(&get)?));
    READ.with(|r| r.borrow_mut().push((lang, texts)));
    Some(texts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_englishs_strings_and_placeholders() {
        crate::i18n::tests::assert_like_english(|lang: Lang| lang.catalog().entries(), |_| false);
    }
}
