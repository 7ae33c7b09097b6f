//! One catalog row compared under the three models: the base scenario with the row's cells as
//! overrides, run through [`crate::compare_figures`] (the calculator's comparison without the
//! rules' wording) so that validation is exactly the calculator's.

use rust_decimal::Decimal;

use super::read::{CatalogFile, ColumnKind, DecimalMark, SkuRow};
use crate::comparison::{compare_figures, Comparison};
use crate::decimal::{parse_decimal, ParseError};
use crate::error::{Expected, FieldError, Problem};
use crate::input::{Field, Input, InputKind};
use crate::policy::PolicySet;
use crate::scenario::{
    is_mix_text, markets_from_text, Given, MarketInput, ModelKind, RawValue, ScenarioInput,
    MIX_TEXT_MAX_CHARS,
};
use crate::solve::{
    indifference_supply_price_decimals, price_decimals, stated_indifference_supply_price,
    target_margin_price,
};
use crate::warning::Warning;

/// One model's figures for one SKU (unrounded; round once, at output).
#[derive(Clone, Debug, PartialEq)]
pub struct SkuModel {
    /// Monthly profit, in the cost currency.
    pub monthly_profit: Decimal,
    /// Profit per unit sold, in the cost currency.
    pub profit_per_unit: Decimal,
    /// Profit as a percentage of revenue.
    pub margin_pct: Decimal,
    /// Units sold a month (with any Choice uplift).
    pub monthly_units: Decimal,
    /// The price at which profit is zero (sale currency; supply price in the cost currency for
    /// fully managed), from [`crate::ModelResult::break_even_price`].
    pub break_even_price: Option<Decimal>,
    /// Places to state the break-even price with.
    pub break_even_decimals: u32,
    /// The price that gives the target margin ([`crate::target_margin_price`]); `None` when no
    /// target was given or no positive price meets it.
    pub target_price: Option<Decimal>,
    /// Places to state the target price with ([`crate::price_decimals`]).
    pub target_decimals: u32,
}

/// One row's comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct SkuResult {
    /// The row's number in the file.
    pub line: usize,
    /// The SKU's name; empty when the row has none (show "Row N").
    pub name: String,
    /// POP, semi-managed and fully managed ([`ModelKind::ALL`] order), each when computed.
    pub models: [Option<SkuModel>; 3],
    /// The model with the highest monthly profit, when all three were computed.
    pub best: Option<ModelKind>,
    /// The next best.
    pub runner_up: Option<ModelKind>,
    /// Best − runner-up monthly profit, in the cost currency.
    pub advantage: Option<Decimal>,
    /// The fully managed supply price at which fully managed earns as much as POP, and as
    /// semi-managed, as a seller should enter it ([`crate::stated_indifference_supply_price`]).
    pub indifference: [Option<Decimal>; 2],
    /// Places to state the indifference prices with.
    pub indifference_decimals: u32,
    /// Every problem with the row (or the base scenario), each mapped to its column.
    pub errors: Vec<CellError>,
    /// Inputs that are valid but probably not what the seller meant (a fractional volume, a
    /// supply price above the retail price), and the supply price when it is estimated.
    pub warnings: Vec<Warning>,
    /// Whether fully managed's figures rest on the estimated supply price.
    pub supply_estimated: bool,
    /// The currency of costs, supply prices and every monthly figure.
    pub cost_currency: String,
    /// The currency of retail prices.
    pub sale_currency: String,
}

impl SkuResult {
    /// One model's figures, when computed.
    pub fn model(&self, kind: ModelKind) -> Option<&SkuModel> {
        self.models[kind.index()].as_ref()
    }

    /// Whether the row had no problem.
    pub fn ok(&self) -> bool {
        self.errors.is_empty()
    }

    /// Whether all three models were computed (the row counts in the portfolio).
    pub fn included(&self) -> bool {
        self.models.iter().all(Option::is_some)
    }

    /// Whether the row's recommendation rests on the estimated supply price: the supply price
    /// is estimated and fully managed is the best model or the runner-up (the two its advantage
    /// compares), as [`crate::Recommendation::rests_on_estimate`] says for one scenario.
    pub fn rests_on_estimate(&self) -> bool {
        self.supply_estimated
            && (self.best == Some(ModelKind::Full) || self.runner_up == Some(ModelKind::Full))
    }
}

/// A problem with one cell of a row.
#[derive(Clone, Debug, PartialEq)]
pub struct CellError {
    /// The file column the error is about; `None` if its field is not in the file (the base
    /// scenario's value, or a whole model that overflowed).
    pub column: Option<usize>,
    /// The engine's error, naming the scenario field.
    pub error: FieldError,
}

/// Whether `text` is digits split by `mark` into a first group of 1 to 3 digits and then groups of
/// exactly 3 (`1,234`, `12,345,678`), with at least one mark.
fn grouped(text: &str, mark: char) -> bool {
    let mut groups = text.split(mark);
    let first = groups.next().unwrap_or("");
    let digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    let mut count = 0;
    for group in groups {
        if group.len() != 3 || !digits(group) {
            return false;
        }
        count += 1;
    }
    count > 0 && (1..=3).contains(&first.len()) && digits(first)
}

// How a number cell is read (the spec of `read_number_cell`): spaces, no-break spaces and narrow
// no-break spaces (thousands separators) and a trailing `%` are dropped, and one currency symbol.
// With both `,` and `.`, the last is the decimal mark and the other groups thousands. A single
// mark that splits off exactly three digits (`1.500`, `1,500`) is read with the file's decimal
// mark: the decimal mark, or else a thousands separator; when the file does not say, the cell
// reads two ways and is reported with both. Any other single `,` is a decimal comma, any other
// single `.` a decimal point. Several of the same mark that group thousands (`1.234.567`) are
// grouping.

/// A number cell read with the file's conventions, or its problem: not a number, or a number
/// that reads two ways ([`Problem::Ambiguous`], both readings given).
pub(crate) fn number_cell(
    cell: &str,
    delimiter: u8,
    mark: DecimalMark,
) -> Result<Decimal, Problem> {
    match read_number_cell(cell, delimiter, mark) {
        Read::Ambiguous(readings) => Err(Problem::Ambiguous { readings }),
        Read::Number(text) => parse_decimal(&text).map_err(ParseError::problem),
        Read::Same | Read::Unreadable => parse_decimal(cell).map_err(ParseError::problem),
    }
}

/// What [`read_number_cell`] made of a cell.
enum Read {
    /// Already as the engine reads numbers.
    Same,
    /// Rewritten as the engine reads numbers.
    Number(String),
    /// Reads two ways: with a decimal point, and with a thousands separator.
    Ambiguous([Decimal; 2]),
    /// Not a number in any convention.
    Unreadable,
}

fn read_number_cell(cell: &str, delimiter: u8, mark: DecimalMark) -> Read {
    let simple = cell
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-' || b == b'+');
    if simple {
        // Most cells (`12.99`, `300`): what the rest of this function makes of them, without
        // copying them (10,000 rows have 80,000 such cells).
        let body = cell.strip_prefix(['-', '+']).unwrap_or(cell);
        let dots = body.bytes().filter(|&b| b == b'.').count();
        let maybe_thousands = dots == 1 && grouped(body, '.') && !body.starts_with('0');
        if dots == 0 || (dots == 1 && !maybe_thousands) {
            return Read::Same;
        }
    }
    let mut text: String = cell
        .chars()
        .filter(|&c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
        .collect();
    if text.ends_with('%') {
        text.pop();
    }
    let text = strip_currency(&text);
    let (sign, body) = match text.strip_prefix(['-', '+']) {
        Some(rest) => (&text[..1], rest),
        None => ("", text.as_str()),
    };
    let commas = body.matches(',').count();
    let dots = body.matches('.').count();
    let plain = |s: &str| format!("{sign}{s}");
    // One mark splitting off exactly three digits after a first group that does not start with
    // 0 (`1.500`, `12,500`): a decimal mark or a thousands separator, as the file says.
    let thousands_or_decimal =
        |m: char| commas + dots == 1 && grouped(body, m) && !body.starts_with('0');
    for (m, file_mark) in [('.', DecimalMark::Point), (',', DecimalMark::Comma)] {
        if !thousands_or_decimal(m) {
            continue;
        }
        let as_decimal = plain(&body.replace(m, "."));
        let as_thousands = plain(&body.replace(m, ""));
        return match mark {
            DecimalMark::Unknown => {
                match (parse_decimal(&as_decimal), parse_decimal(&as_thousands)) {
                    (Ok(a), Ok(b)) => Read::Ambiguous([a, b]),
                    _ => Read::Unreadable,
                }
            }
            m if m == file_mark => Read::Number(as_decimal),
            _ => Read::Number(as_thousands),
        };
    }
    if simple && dots <= 1 {
        return Read::Same;
    }
    let out = match (commas, dots) {
        (0, 0) | (0, 1) => Some(plain(body)),
        (0, _) if grouped(body, '.') => Some(plain(&body.replace('.', ""))),
        (0, _) => None,
        (_, 0) => {
            let decimal_comma = commas == 1 && (delimiter != b',' || !grouped(body, ','));
            if decimal_comma {
                Some(plain(&body.replace(',', ".")))
            } else if grouped(body, ',') {
                Some(plain(&body.replace(',', "")))
            } else {
                None
            }
        }
        _ => {
            let last_comma = body.rfind(',').unwrap_or(0);
            let last_dot = body.rfind('.').unwrap_or(0);
            let (mark, group) = if last_comma > last_dot {
                (',', '.')
            } else {
                ('.', ',')
            };
            match body.rsplit_once(mark) {
                Some((whole, fraction))
                    if !whole.contains(mark)
                        && grouped(whole, group)
                        && !fraction.is_empty()
                        && fraction.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    Some(format!("{sign}{}.{fraction}", whole.replace(group, "")))
                }
                _ => None,
            }
        }
    };
    match out {
        Some(out) => Read::Number(out),
        None => Read::Unreadable,
    }
}

/// Currency symbols a cell may carry, as the calculator reads them (`src/i18n/parse.rs`): the
/// longer ones first, so that `US$` is not read as `$`.
const CURRENCY_PREFIXES: &[&str] = &["R$", "US$", "¥", "$", "€", "£", "₩", "₺"];
const CURRENCY_SUFFIXES: &[&str] = &["R$", "US$", "¥", "$", "€", "£", "₩", "₺", "元", "원"];

/// `text` without one currency symbol before or after its number, keeping its sign (`€12,99`,
/// `12,99€`, `-US$5`, `$-5`; spaces are already gone); other text unchanged (issue #16, item 12).
/// The number is read in the file's currencies whatever the symbol says.
fn strip_currency(text: &str) -> String {
    let (sign, rest) = match text.strip_prefix(['-', '+']) {
        Some(rest) => (&text[..1], rest),
        None => ("", text),
    };
    let number = CURRENCY_PREFIXES
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .or_else(|| CURRENCY_SUFFIXES.iter().find_map(|p| rest.strip_suffix(p)));
    match number {
        // A symbol alone is not a number: left as it is, for the engine to say so.
        Some(number) if !number.is_empty() => format!("{sign}{number}"),
        _ => text.to_owned(),
    }
}

/// A category cell: its id when the cell is a category's id or English name (any case, spaces
/// for `_`); otherwise the cell unchanged.
fn normalise_category(cell: &str) -> &str {
    let policy = PolicySet::default_set();
    let same = |a: &str, b: &str| {
        a.len() == b.len()
            && a.chars().zip(b.chars()).all(|(x, y)| {
                let x = if x == ' ' {
                    '_'
                } else {
                    x.to_ascii_lowercase()
                };
                let y = if y == ' ' {
                    '_'
                } else {
                    y.to_ascii_lowercase()
                };
                x == y
            })
    };
    policy
        .categories
        .iter()
        .find(|c| same(cell, &c.id) || same(cell, &c.name))
        .map_or(cell, |c| c.id.as_str())
}

/// The value of a cell for `input`: a number read with the file's conventions, a category by id
/// or English name, a flag from true/false, yes/no or 1/0, other names as written.
fn cell_value(input: Input, cell: &str, delimiter: u8, mark: DecimalMark) -> Given<RawValue> {
    match input.kind() {
        InputKind::Number => number_cell(cell, delimiter, mark).map(RawValue::Number),
        InputKind::Choice if input == Input::Category => {
            Ok(RawValue::Text(normalise_category(cell).to_owned()))
        }
        InputKind::Choice => Ok(RawValue::Text(cell.to_owned())),
        InputKind::Flag => match cell.to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" => Ok(RawValue::Flag(true)),
            "false" | "no" | "0" => Ok(RawValue::Flag(false)),
            _ => Err(Problem::WrongType {
                expected: Expected::Flag,
            }),
        },
    }
}

/// A `destinations` cell's markets: a mix, `ES:60|US:40`, read as the calculator reads one (its
/// shares with the file's conventions), or one market's code alone, at 100%.
fn mix_cell(cell: &str, delimiter: u8, mark: DecimalMark) -> Given<Vec<Given<MarketInput>>> {
    if !is_mix_text(cell) && cell.chars().count() <= MIX_TEXT_MAX_CHARS {
        return Ok(vec![Ok(MarketInput {
            id: Some(Ok(cell.to_owned())),
            share_pct: Some(Ok(Decimal::ONE_HUNDRED)),
        })]);
    }
    markets_from_text(cell, |share| number_cell(share, delimiter, mark))
}

/// The base scenario with `row`'s non-empty cells as overrides: the scenario the row is compared
/// with. When the row sets a POP input that a semi-managed one follows (`pop.price`, POP's
/// marketing) but not that semi-managed input, the base's semi-managed value is dropped so that it
/// follows the row's, as it does in the calculator. The supply price is the row's own: a row
/// without one takes the estimate from its retail price, never the calculator's supply price,
/// which is another product's.
pub fn merged_scenario(base: &ScenarioInput, file: &CatalogFile, row: &SkuRow) -> ScenarioInput {
    let mut scenario = base.clone();
    scenario.remove(Input::SupplyPrice);
    let mut given = [false; Input::ALL.len()];
    let mut mix = false;
    for (column, cell) in file.columns.iter().zip(&row.cells) {
        if cell.is_empty() {
            continue;
        }
        match &column.kind {
            ColumnKind::Field(Field::Input(input)) => {
                given[input.index()] = true;
                scenario.give(
                    *input,
                    cell_value(*input, cell, file.delimiter, file.decimal),
                );
            }
            ColumnKind::Field(Field::Assumption(id)) => {
                let value = number_cell(cell, file.delimiter, file.decimal);
                scenario.give_assumption(id, value);
            }
            ColumnKind::Field(Field::Destinations) => {
                mix = true;
                scenario.give_destinations(mix_cell(cell, file.delimiter, file.decimal));
            }
            _ => {}
        }
    }
    // A row's market, or its mix, replaces the calculator's (both in one row is the
    // calculator's error, at the destination).
    if mix && !given[Input::Destination.index()] {
        scenario.remove(Input::Destination);
    } else if given[Input::Destination.index()] && !mix {
        scenario.remove_destinations();
    }
    for follower in Input::ALL {
        if let Some(leader) = follower.follows() {
            if given[leader.index()] && !given[follower.index()] {
                scenario.remove(follower);
            }
        }
    }
    scenario
}

/// Compares one row: `base` (the calculator's inputs) with each non-empty cell of a field column
/// overriding that input; empty cells keep the base value. Errors are mapped back to their
/// columns, and every model that does not depend on a bad field is still computed.
pub fn compute_row(
    base: &ScenarioInput,
    file: &CatalogFile,
    row: &SkuRow,
    target_margin_pct: Option<Decimal>,
) -> SkuResult {
    // A row shows figures, never the rules' wording.
    let comparison = compare_figures(&merged_scenario(base, file, row));
    result_of(comparison, file, row, target_margin_pct)
}

/// The row's result from its comparison.
fn result_of(
    comparison: Comparison,
    file: &CatalogFile,
    row: &SkuRow,
    target_margin_pct: Option<Decimal>,
) -> SkuResult {
    let models = ModelKind::ALL.map(|kind| {
        comparison.model(kind).map(|m| SkuModel {
            monthly_profit: m.monthly_profit,
            profit_per_unit: m.profit_per_unit,
            margin_pct: m.margin_pct,
            monthly_units: m.monthly_units,
            break_even_price: m.break_even_price,
            break_even_decimals: m.break_even_decimals,
            target_price: target_margin_pct
                .and_then(|target| target_margin_price(&comparison, kind, target)),
            target_decimals: price_decimals(&comparison, kind),
        })
    });
    let recommendation = comparison.recommendation();
    let supply_estimated = comparison.supply_estimated();
    let indifference = [ModelKind::Pop, ModelKind::Semi]
        .map(|versus| stated_indifference_supply_price(&comparison, versus));
    let indifference_decimals = indifference_supply_price_decimals(&comparison);
    let errors = comparison
        .errors
        .into_iter()
        .map(|error| CellError {
            column: file.columns.iter().position(|c| match &c.kind {
                // A market of a mix is in the row's `destinations` cell.
                ColumnKind::Field(Field::Destinations) => {
                    matches!(error.field, Field::Destinations | Field::Market { .. })
                }
                ColumnKind::Field(field) => *field == error.field,
                _ => false,
            }),
            error,
        })
        .collect();
    SkuResult {
        line: row.line,
        name: file.name(row).to_owned(),
        models,
        best: recommendation.as_ref().map(|r| r.best),
        runner_up: recommendation.as_ref().map(|r| r.runner_up),
        advantage: recommendation.map(|r| r.monthly_advantage),
        indifference,
        indifference_decimals,
        errors,
        warnings: comparison.warnings,
        supply_estimated,
        cost_currency: comparison.scenario.currency.cost,
        sale_currency: comparison.scenario.currency.sale,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_normalise() {
        let read = |cell: &str, d: u8, mark: DecimalMark| match number_cell(cell, d, mark) {
            Ok(value) => value.to_string(),
            Err(Problem::Ambiguous { readings: [a, b] }) => format!("{a} or {b}"),
            Err(_) => "not a number".to_owned(),
        };
        let n = |cell: &str, d: u8| read(cell, d, DecimalMark::Unknown);
        assert_eq!(n("12.99", b','), "12.99");
        assert_eq!(n("12,99", b';'), "12.99");
        assert_eq!(n("12,345,678", b','), "12345678");
        assert_eq!(n("12,5", b','), "12.5");
        assert_eq!(n("1.234,56", b';'), "1234.56");
        assert_eq!(n("1,234.56", b','), "1234.56");
        assert_eq!(n("1 234,56", b'\t'), "1234.56");
        assert_eq!(n("1\u{a0}234", b';'), "1234");
        assert_eq!(n("1\u{202f}234.5", b','), "1234.5");
        assert_eq!(n("8%", b','), "8");
        assert_eq!(n("-1.234,5", b';'), "-1234.5");
        assert_eq!(n("1.234.567", b';'), "1234567");
        assert_eq!(n("0.500", b','), "0.500");
        // One mark before exactly three digits reads two ways when the file does not say
        // (issue #16, item 12), and one way when it does.
        assert_eq!(n("1.500", b';'), "1.500 or 1500");
        assert_eq!(n("1,234", b','), "1.234 or 1234");
        assert_eq!(n("-12,500", b';'), "-12.500 or -12500");
        assert_eq!(read("1.500", b';', DecimalMark::Comma), "1500");
        assert_eq!(read("1.500", b',', DecimalMark::Point), "1.500");
        assert_eq!(read("1,500", b';', DecimalMark::Comma), "1.500");
        assert_eq!(read("1,500", b',', DecimalMark::Point), "1500");
        assert_eq!(read("€1.500", b';', DecimalMark::Comma), "1500");
        // Wrong: not a number.
        assert_eq!(n("1,2,3", b';'), "not a number");
        assert_eq!(n("1.2.3", b','), "not a number");
        assert_eq!(n("12,34.5", b','), "not a number");
        assert_eq!(n("abc", b','), "not a number");
        // A currency symbol before or after, as the calculator reads it (issue #16, item 12).
        assert_eq!(n("$5", b','), "5");
        assert_eq!(n("€12,99", b';'), "12.99");
        assert_eq!(n("12,99 €", b';'), "12.99");
        assert_eq!(n("-US$1,234.50", b','), "-1234.50");
        assert_eq!(n("$-5", b','), "-5");
        assert_eq!(n("¥ 30", b','), "30");
        assert_eq!(n("30元", b','), "30");
        assert_eq!(n("R$ 9,90", b';'), "9.90");
        assert_eq!(n("€", b';'), "not a number");
        assert_eq!(n("5$$", b','), "not a number");
        assert_eq!(n("€€5", b';'), "not a number");
    }

    #[test]
    fn categories_by_id_or_name() {
        assert_eq!(normalise_category("Phone accessories"), "phone_accessories");
        assert_eq!(normalise_category("HOME"), "home");
        assert_eq!(normalise_category("home & garden"), "home");
        assert_eq!(normalise_category("nope"), "nope");
    }
}
