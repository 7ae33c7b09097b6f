//! The catalog results as a CSV for spreadsheets: comma-separated, CRLF line ends, a UTF-8 byte
//! order mark, English headers, and every amount rounded once, here.

use std::borrow::Cow;

use rust_decimal::Decimal;

use super::compute::SkuResult;
use super::read::{ColumnKind, MAIN_COLUMNS};
use crate::decimal::{fixed_text, money_text, plain_text};
use crate::input::Field;
use crate::scenario::ModelKind;

/// The results file's name.
pub const RESULTS_FILE: &str = "sellercalc-catalog-results.csv";

/// Whether `text` is a plain decimal number, such as `-1.50`: a spreadsheet must read it as one.
fn is_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// The formula-injection guard, for every CSV the seller downloads (this export and the
/// calculator's): text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
/// `@`, tab or carriage return, and not a plain number) gets a leading `'`.
pub fn spreadsheet_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_number(text) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A writer of comma-separated, CRLF-terminated records that quotes a cell only where needed
/// (a comma, quote or line break in it). Cells are trimmed when read, so none has the leading or
/// trailing space that would also need quotes.
fn writer(out: Vec<u8>) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .buffer_capacity(4096)
        .from_writer(out)
}

/// Writes one record, each cell guarded. Writing into memory cannot fail.
fn write_record<S: AsRef<str>>(w: &mut csv::Writer<Vec<u8>>, cells: &[S]) {
    for cell in cells {
        let _ = w.write_field(spreadsheet_safe(cell.as_ref()).as_bytes());
    }
    let _ = w.write_record(None::<&[u8]>);
}

/// The text written so far.
fn finish(w: csv::Writer<Vec<u8>>) -> String {
    let bytes = w.into_inner().unwrap_or_default();
    // Only UTF-8 text and ASCII punctuation went in.
    String::from_utf8(bytes).unwrap_or_default()
}

fn header_cells(target_margin_pct: Option<Decimal>) -> Vec<String> {
    let mut cells: Vec<String> = vec!["Row".into(), "Name".into()];
    for kind in ModelKind::ALL {
        cells.push(format!("{} monthly profit", kind.name()));
    }
    for kind in ModelKind::ALL {
        cells.push(format!("{} margin %", kind.name()));
    }
    cells.push("Best model".into());
    cells.push("Advantage over next".into());
    cells.push("Cost currency".into());
    cells.push("Sale currency".into());
    for kind in ModelKind::ALL {
        cells.push(match kind {
            ModelKind::Full => "Fully managed break-even supply price".into(),
            _ => format!("{} break-even price", kind.name()),
        });
    }
    if let Some(target) = target_margin_pct {
        let target = plain_text(target);
        for kind in ModelKind::ALL {
            cells.push(match kind {
                ModelKind::Full => format!("Fully managed supply price for {target}% margin"),
                _ => format!("{} price for {target}% margin", kind.name()),
            });
        }
    }
    cells.push("Supply price to match POP".into());
    cells.push("Supply price to match semi-managed".into());
    cells.push("Problems".into());
    cells.push("Warnings".into());
    cells
}

/// The header line, with its CRLF. The target-price columns appear only with a target.
pub fn results_csv_header(target_margin_pct: Option<Decimal>) -> String {
    let mut w = writer(Vec::with_capacity(512));
    write_record(&mut w, &header_cells(target_margin_pct));
    finish(w)
}

/// The English label of a scenario field in the problems column: the template header for the main
/// columns, the path otherwise.
fn field_label(field: &Field) -> Cow<'static, str> {
    MAIN_COLUMNS
        .iter()
        .find(|(kind, _)| matches!(kind, ColumnKind::Field(f) if f == field))
        .map_or_else(|| field.path(), |(_, header)| Cow::Borrowed(*header))
}

/// The problems of a row as one plain-English text: `Label: message` joined by `; `.
pub fn problems_text(result: &SkuResult) -> String {
    let mut text = String::new();
    for e in &result.errors {
        if !text.is_empty() {
            text.push_str("; ");
        }
        text.push_str(&field_label(&e.error.field));
        text.push_str(": ");
        text.push_str(&e.error.english());
    }
    text
}

/// The warnings of a row as one plain-English text, each as the JSON output's `message` says it
/// (whole sentences, joined by a space): a supply price above the retail price, a fractional
/// volume, the estimated supply price that fully managed's figures rest on.
pub fn warnings_text(result: &SkuResult) -> String {
    let mut text = String::new();
    for warning in &result.warnings {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&warning.english());
    }
    text
}

fn row_cells(result: &SkuResult, target_margin_pct: Option<Decimal>) -> Vec<String> {
    let opt = |value: Option<String>| value.unwrap_or_default();
    let mut cells = Vec::with_capacity(23);
    cells.push(result.line.to_string());
    cells.push(result.name.clone());
    for kind in ModelKind::ALL {
        cells.push(opt(result
            .model(kind)
            .map(|m| money_text(m.monthly_profit))));
    }
    for kind in ModelKind::ALL {
        cells.push(opt(result.model(kind).map(|m| money_text(m.margin_pct))));
    }
    cells.push(opt(result.best.map(|k| k.name().to_owned())));
    cells.push(opt(result.advantage.map(money_text)));
    cells.push(result.cost_currency.clone());
    cells.push(result.sale_currency.clone());
    for kind in ModelKind::ALL {
        cells.push(opt(result.model(kind).and_then(|m| {
            m.break_even_price
                .map(|p| fixed_text(p, m.break_even_decimals))
        })));
    }
    if target_margin_pct.is_some() {
        for kind in ModelKind::ALL {
            cells.push(opt(result.model(kind).and_then(|m| {
                m.target_price.map(|p| fixed_text(p, m.target_decimals))
            })));
        }
    }
    for price in result.indifference {
        cells.push(opt(
            price.map(|p| fixed_text(p, result.indifference_decimals))
        ));
    }
    cells.push(problems_text(result));
    cells.push(warnings_text(result));
    cells
}

/// One result as a line, with its CRLF.
pub fn results_csv_row(result: &SkuResult, target_margin_pct: Option<Decimal>) -> String {
    let mut w = writer(Vec::with_capacity(256));
    write_record(&mut w, &row_cells(result, target_margin_pct));
    finish(w)
}

/// The whole file: byte order mark, header and one line per result (each a `SkuResult`, or
/// something that lends one, such as the page's `Rc<SkuResult>`).
pub fn results_csv<R: std::borrow::Borrow<SkuResult>>(
    results: &[R],
    target_margin_pct: Option<Decimal>,
) -> String {
    let mut out = Vec::with_capacity(512 + results.len() * 200);
    out.extend_from_slice("\u{feff}".as_bytes());
    let mut w = writer(out);
    write_record(&mut w, &header_cells(target_margin_pct));
    for result in results {
        write_record(&mut w, &row_cells(result.borrow(), target_margin_pct));
    }
    finish(w)
}
