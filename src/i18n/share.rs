//! The strings of sharing, saving, comparing and embedding, in every language: the share bar, the
//! A/B comparison, the saved scenarios, the notices and the embed's title and link.
//!
//! They sit beside [`Texts`](super::Texts) rather than in it, one [`ShareTexts`] constant per
//! language in `share/`; as there, a language that leaves a string out does not compile, and
//! templates mark values `{0}`, `{1}`… for [`fill`](super::fill). English is the reference wording.
//!
//! Exports (CSV, JSON) stay English whatever the page's language: they are data, read by
//! spreadsheets and scripts, so their headers and labels do not come from here.

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

use super::texts::{by_lang, text_table};
use super::Lang;

text_table! {
    /// Sharing, saving, comparing and embedding.
    ShareTexts {
        // The share bar.
        /// Accessible name of the bar.
        tools,
        copy,
        copied,
        copy_by_hand,
        /// Accessible name of the link field shown when copying is blocked.
        link_label,
        /// Opens the saved-scenarios panel at its name field.
        save_open,
        pin,
        /// The pin button once a scenario is pinned.
        repin,
        pin_hint,
        export_csv,
        export_json,
        print,
        /// Printed under the figures: {0} the link (the page wraps it; see `around`).
        print_link,

        // Embed mode.
        /// For screen readers, in place of the header.
        embed_title,
        /// In place of the footer: {0} the link to the full calculator (see `around`).
        embed_note,
        embed_open,
        /// After `embed_open`, for screen readers.
        new_tab,

        // The A/B comparison.
        ab_title,
        unpin,
        /// Loads the pinned scenario's inputs again.
        restore,
        /// {0} the differences, joined by the page's clause separator (see `around`).
        differs,
        nothing_differs,
        /// Table column.
        figure,
        /// Table caption.
        ab_caption,
        /// Row label (the other rows use the card's labels).
        profit_a_month,
        /// A change of margin: {0} the number of percentage points.
        points,
        no_change,
        /// In the change column when A and B are in different currencies.
        other_currency,
        /// An input left empty.
        empty,
        /// An input that differs: {0} its label, {1} A's value, {2} B's value.
        input_difference,
        /// A policy value that differs: {0} its label, {1} A's value, {2} B's value, {3} the unit.
        value_difference,
        /// A percentage as typed: {0} the number.
        percent,
        /// The exchange rate's unit: {0} cost currency, {1} sale currency.
        rate_unit,
        /// The semi-managed mode, short.
        mode_warehouse,
        /// The semi-managed mode, short.
        mode_jit,
        yes,
        no,
        /// The exchange-rate input, by name (its on-page label names the currencies).
        exchange_rate,
        /// The semi-managed price input, by name (on the page it sits in the semi-managed group).
        semi_price,
        /// Semi-managed's own ad spend, in the A/B table.
        semi_advertising,
        /// Semi-managed's own share of orders from affiliates.
        semi_affiliate_share,
        /// Semi-managed's own affiliate commission.
        semi_affiliate_rate,

        // Saved scenarios.
        saved_title,
        /// After the title, behind a separator.
        saved_where,
        name_label,
        name_placeholder,
        save,
        save_hint,
        need_name,
        /// {0} the most scenarios that can be saved.
        full,
        taken,
        nothing_saved,
        storage_blocked,
        storage_newer,
        load,
        rename,
        delete,
        cancel,
        /// Beside the scenario the page shows now.
        showing,
        /// Accessible name of the list.
        saved_list,
        /// {0} the scenario's name.
        saved,
        /// {0} the scenario's name.
        updated,
        /// {0} the scenario's name.
        loaded,
        /// {0} the new name.
        renamed,
        /// {0} the scenario's name.
        deleted,
        /// {0} the scenario's name.
        confirm_delete,
        /// Accessible label of the rename field: {0} the current name.
        new_name_for,
        /// Accessible label of a button: {0} the scenario's name.
        load_named,
        /// Accessible label of a button: {0} the scenario's name.
        rename_named,
        /// Accessible label of a button: {0} the scenario's name.
        delete_named,

        // Notices.
        /// Accessible label of a notice's close button.
        dismiss,
        link_unreadable,
        link_other_version,
        link_changed,
        link_garbled,
        /// Followed by the parameters' names.
        link_ignored,
        autosave_unreadable,
        storage_damaged,
        /// `storage_damaged`, for saved scenarios, which saving replaces.
        library_damaged,
        library_unreadable,
        library_newer,
        library_newer_detail,
        /// {0} the number 1.
        library_skipped_one,
        /// {0} a number of scenarios other than 1.
        library_skipped_many,

        // Saved scenarios the list does not show, and a session that stopped the page.
        /// {0} the number 1.
        unshown_unreadable_one,
        /// {0} a number other than 1.
        unshown_unreadable_many,
        /// {0} the number 1; {1} the most scenarios the list shows.
        unshown_hidden_one,
        /// {0} a number other than 1; {1} the most scenarios the list shows.
        unshown_hidden_many,
        /// After the counts.
        unshown_kept,
        download_unshown,
        /// Asks to confirm, below.
        delete_unshown,
        confirm_delete_unshown,
        deleted_unshown,
        /// In the panel when what is stored cannot be read at all.
        library_damaged_note,
        confirm_delete_damaged,
        deleted_damaged,
        /// A notice: the last session was not restored, as restoring it stopped the page.
        restore_skipped,
        /// After `restore_skipped`.
        restore_skipped_detail,
        download_session,
        delete_session,
        /// What a static script in index.html shows when the page has stopped (a trapped
        /// WebAssembly instance). index.html holds the English, written by `cargo run --bin
        /// i18n_packs` (a test keeps it in step); other languages' come from their packs.
        crashed,
        /// The button under `crashed`.
        reload,
        autosave_failed,
        /// Why storage failed, and what to do.
        storage_full,
        save_failed,
        download_failed,
        /// A language's pack could not be fetched: {0} the language's own name.
        lang_unavailable,
        /// After `lang_unavailable`: what to do.
        lang_unavailable_detail,

        // The onboarding call (issue #16).
        /// Brings every input and assumption back to the defaults, keeping saved scenarios.
        new_scenario,
        /// Asked first when the scenario on screen is changed and not saved.
        new_scenario_confirm,
        /// A saved scenario's button: pins it as A, to compare with the scenario on screen.
        compare,
        /// The same button's accessible name: {0} the scenario's name.
        compare_named,
        /// The printout's heading above the inputs.
        print_title,
        /// The printed supply price when it is left to the estimate.
        print_estimated,
        /// Before the changed policy values on the printout.
        print_changed,
        /// After the first changed policy values: {0} how many more the link holds.
        print_more,
        /// The printout's date: {0} today, as the language writes it.
        print_date,
        // ---- Issue #15, item 2: the seller's own rate sheet ----
        rs_title,
        /// {0} the policy currency.
        rs_intro,
        rs_template,
        rs_load,
        rs_remove,
        /// {0} the day loaded, {1} how many rates.
        rs_active,
        /// The same for a sheet of one rate: {0} the day loaded.
        rs_active_one,
        /// A workbook loaded as a rate sheet: how to save a CSV.
        rs_not_csv,
        /// A file that is not text loaded as a rate sheet.
        rs_not_text,
        /// After a refusal: nothing changed.
        rs_unchanged,
        rs_rejected,
        /// {0} row, {1} column header, {2} the problem.
        rs_row_error,
        /// {0} the problem.
        rs_file_error,
        /// A row's problem that no column holds: {0} row, {1} the problem.
        rs_row_only,
        /// After the first 50 problems: {0} how many more.
        rs_more,
        rs_too_large,
        /// {0} the column.
        rs_missing_column,
        rs_unreadable_row,
        rs_empty,
        /// {0} the earlier row.
        rs_duplicate,
        rs_unreadable,
        rs_not_kept,
        /// {0} the day loaded.
        rs_postage_note,
        /// {0} the cell as written, {1} the values allowed.
        rs_unknown,
        rs_link_note,
    }
}

/// Every sharing string in `lang`.
pub fn share_texts(lang: Lang) -> &'static ShareTexts {
    by_lang!(lang, SHARE, share)
}

pub use super::fill_one;

/// Where index.html holds the English texts of its static "stopped" notice: between these two
/// markers.
pub const CRASH_TEXTS_MARKERS: (&str, &str) = ("/* i18n:crashed */", "/* /i18n:crashed */");

/// The English texts of index.html's static "stopped" notice, as the JSON that sits between
/// [`CRASH_TEXTS_MARKERS`]: `["<crashed>", "<reload>"]`. The script must work when the app no
/// longer does, so it carries its own copy; other languages' come from their packs (native code
/// and tests).
#[cfg(any(test, not(target_arch = "wasm32")))]
pub fn crash_texts_json() -> String {
    let s = share_texts(Lang::En);
    serde_json::json!([s.crashed, s.reload]).to_string()
}

/// index.html with its "stopped" notice's texts replaced by [`crash_texts_json`]; `None` when
/// it lacks the markers.
#[cfg(any(test, not(target_arch = "wasm32")))]
pub fn with_crash_texts(html: &str) -> Option<String> {
    let (open, close) = CRASH_TEXTS_MARKERS;
    let start = html.find(open)? + open.len();
    let end = start + html[start..].find(close)?;
    Some(format!(
        "{}{}{}",
        &html[..start],
        crash_texts_json(),
        &html[end..]
    ))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use sellercalc_engine::Input;

    use crate::i18n::input_label;

    /// The `{n}` indices a template uses.
    #[test]
    fn every_string_is_filled_in_and_has_englishs_placeholders() {
        crate::i18n::tests::assert_like_english(|lang| share_texts(lang).entries(), |_| false);
    }

    /// index.html's static notice for a stopped page carries the English table's texts: run
    /// `cargo run --bin i18n_packs` after changing them.
    #[test]
    fn index_html_carries_the_stopped_notice_in_every_language() {
        let html = include_str!("../../index.html");
        assert_eq!(
            with_crash_texts(html).as_deref(),
            Some(html),
            "index.html is out of date: run `cargo run --bin i18n_packs`"
        );
    }

    #[test]
    fn templates_that_the_page_splits_have_their_value() {
        for lang in Lang::ALL {
            let s = share_texts(lang);
            for template in [s.print_link, s.embed_note, s.differs] {
                assert!(template.contains("{0}"), "{lang:?}: {template}");
            }
        }
    }

    #[test]
    fn english_field_labels_stay_the_exports_labels() {
        // The CSV export names inputs in English; these are its labels, which must not drift.
        let labels: Vec<&str> = Input::ALL
            .into_iter()
            .map(|f| input_label(Lang::En, f))
            .collect();
        assert_eq!(
            labels,
            [
                "Cost currency",
                "Sale currency",
                "Exchange rate",
                "Unit cost",
                "Packaging",
                "Weight",
                "Length",
                "Width",
                "Height",
                "Category",
                "Sale price",
                "Units a month",
                "Destination",
                "Return rate",
                "Advertising",
                "Orders from affiliates",
                "Affiliate commission",
                "Paid early",
                "Shipping line",
                "Shipping paid by the buyer",
                "Semi-managed sale price",
                "How goods reach buyers",
                "Popular product",
                "Semi-managed advertising",
                "Semi-managed orders from affiliates",
                "Semi-managed affiliate commission",
                "Supply price",
            ]
        );
        for lang in Lang::ALL {
            let labels: BTreeSet<&str> = Input::ALL
                .into_iter()
                .map(|f| input_label(lang, f))
                .collect();
            assert_eq!(
                labels.len(),
                Input::ALL.len(),
                "{lang:?}: two fields share a label"
            );
        }
    }
}
