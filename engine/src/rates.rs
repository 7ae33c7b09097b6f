//! The seller's own rate sheet (issue #15, item 2): a CSV of market, service, weight band, per-kg
//! rate and per-parcel fee, as the rate card AliExpress's logistics portal gives a seller. Read
//! with the catalog's CSV reader ([`crate::catalog::CatalogReader`]: delimiters, quotes, encodings'
//! text, row numbers) and validated row by row, each problem named by row and column; nothing
//! panics and every text is bounded. A sheet is typed data: [`RateSheet::apply`] puts its rates
//! in place of the policy's, exactly for the bands it names; [`RateSheet::source`] says, for a
//! band, whether its rate is the sheet's (which row) or still the policy's.

use rust_decimal::Decimal;

use crate::catalog::FileProblem;
use crate::catalog::{normalise_header, number_cell, read_csv_records, sheet_decimal_mark};
use crate::error::Problem;
use crate::policy::PolicySet;
use crate::scenario::ScenarioInput;

/// The longest rate-sheet text read, in bytes: far more than every market, service and band of
/// a policy with long names.
pub const SHEET_MAX_BYTES: usize = 1_000_000;

/// The most rows a sheet has: more than every service × market × band of any policy.
pub const SHEET_MAX_ROWS: usize = 5_000;

/// The columns of a rate sheet, in template order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetColumn {
    /// The market: its code (`ES`) or English name.
    Market,
    /// The logistics service: its id (`standard`) or name (`AliExpress Standard`).
    Service,
    /// The weight band: its id (`300_2000g`) or range (`300–2000 g`, `300-2000g`).
    Band,
    /// The rate per kilogram, in the policy's currency.
    PerKg,
    /// The fee per parcel, in the policy's currency.
    PerParcel,
}

impl SheetColumn {
    /// Every column, in template order.
    pub const ALL: [SheetColumn; 5] = [
        SheetColumn::Market,
        SheetColumn::Service,
        SheetColumn::Band,
        SheetColumn::PerKg,
        SheetColumn::PerParcel,
    ];

    /// The template's header (the per-kg and per-parcel ones add the policy's currency).
    pub fn header(self) -> &'static str {
        match self {
            SheetColumn::Market => "Market",
            SheetColumn::Service => "Service",
            SheetColumn::Band => "Weight band",
            SheetColumn::PerKg => "Per kg",
            SheetColumn::PerParcel => "Per parcel",
        }
    }

    /// The headers accepted for it, normalised as the catalog's are (lowercase, a trailing unit
    /// in parentheses dropped, spaces, `_` and `-` alike).
    fn aliases(self) -> &'static [&'static str] {
        match self {
            SheetColumn::Market => &["market", "destination", "country"],
            SheetColumn::Service => &["service", "line", "shipping_line", "logistics"],
            SheetColumn::Band => &["weight_band", "band", "weight"],
            SheetColumn::PerKg => &["per_kg", "rate_per_kg", "kg_rate"],
            SheetColumn::PerParcel => &["per_parcel", "fee_per_parcel", "parcel_fee"],
        }
    }
}

/// What is wrong with a sheet, a row or a cell.
#[derive(Clone, Debug, PartialEq)]
pub enum SheetProblem {
    /// A finding of the CSV reader about the file or a row (a malformed row, too many cells, an
    /// empty file, no rows).
    File(FileProblem),
    /// The text is longer than [`SHEET_MAX_BYTES`] or has more than [`SHEET_MAX_ROWS`] rows:
    /// refused whole.
    TooLarge,
    /// A column the sheet needs is not in it.
    MissingColumn(SheetColumn),
    /// A cell's value: empty, not a number (or one that reads two ways), negative, above the
    /// policy value's largest, or an unknown market, service or band (the engine's problems,
    /// with their typed arguments).
    Cell(Problem),
    /// The row names a service, market and band an earlier row (`first_line`) already named.
    Duplicate {
        /// The earlier row's number.
        first_line: usize,
    },
}

/// One problem, where it is: the row as a spreadsheet numbers it (the header is 1) and the
/// column (its index in the file), each when it has one.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetError {
    /// The row's number; `None` for the file as a whole.
    pub line: Option<usize>,
    /// The column's index in the file; `None` for a whole row or a missing column.
    pub column: Option<usize>,
    /// What is wrong.
    pub problem: SheetProblem,
}

/// One rate of a sheet: a service's band for a market, validated against the policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetRate {
    /// The row it came from.
    pub line: usize,
    /// The service's id (`standard`).
    pub service: String,
    /// The market's code (`ES`).
    pub market: String,
    /// The band's id (`300_2000g`).
    pub band: String,
    /// Per kilogram, in the policy's currency.
    pub per_kg: Decimal,
    /// Per parcel, in the policy's currency.
    pub per_parcel: Decimal,
}

/// A seller's rate sheet: its valid rates, for one policy set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RateSheet {
    /// The rates, in row order; each service, market and band once.
    pub rates: Vec<SheetRate>,
}

/// A rate sheet as read: the rates of its valid rows, and every problem. A sheet with problems
/// is not meant to be used until they are fixed (the page shows them and keeps the policy's
/// rates), but its valid rows are here to show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SheetFile {
    /// The file's headers, trimmed, in file order (for naming a column).
    pub headers: Vec<String>,
    /// The valid rows' rates.
    pub sheet: RateSheet,
    /// Every problem: the file's, then the rows', by row and column.
    pub errors: Vec<SheetError>,
}

impl SheetFile {
    /// Whether the sheet has no problem.
    pub fn ok(&self) -> bool {
        self.errors.is_empty()
    }
}

/// Where a band's rate comes from, once a sheet is in use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateSource {
    /// The sheet's row with this number.
    Sheet {
        /// The row's number.
        line: usize,
    },
    /// The policy's: the sheet does not name this band.
    Policy,
}

impl RateSheet {
    /// The policy value ids its rates replace, with their values: `postage.<service>.<market>.<band>.per_kg`
    /// and `.per_parcel`, in row order.
    pub fn overrides(&self) -> Vec<(String, Decimal)> {
        let mut out = Vec::with_capacity(self.rates.len() * 2);
        for rate in &self.rates {
            let id = |what: &str| {
                format!(
                    "postage.{}.{}.{}.{what}",
                    rate.service, rate.market, rate.band
                )
            };
            out.push((id("per_kg"), rate.per_kg));
            out.push((id("per_parcel"), rate.per_parcel));
        }
        out
    }

    /// Puts the sheet's rates into `input` in place of the policy's, exactly for the bands it
    /// names; every other band keeps the policy's rate. A rate the input already overrides (one
    /// the seller typed) is left as it is.
    pub fn apply(&self, input: &mut ScenarioInput) {
        for (id, value) in self.overrides() {
            if !input.assumptions().any(|(given, _)| given == id) {
                input.give_assumption(&id, Ok(value));
            }
        }
    }

    /// Where the rate of `service`'s `band` to `market` comes from.
    pub fn source(&self, service: &str, market: &str, band: &str) -> RateSource {
        self.rates
            .iter()
            .find(|r| r.service == service && r.market == market && r.band == band)
            .map_or(RateSource::Policy, |r| RateSource::Sheet { line: r.line })
    }

    /// The bands of `service` to `market` the sheet does not name (which keep the policy's
    /// rate), lightest first; empty when the service does not reach the market.
    pub fn missing_bands<'p>(
        &self,
        policy: &'p PolicySet,
        service: &str,
        market: &str,
    ) -> Vec<&'p str> {
        let Some(service) = policy.service(service) else {
            return Vec::new();
        };
        if !policy.reaches(service, market) {
            return Vec::new();
        }
        service
            .bands
            .iter()
            .filter(|b| self.source(&service.id, market, &b.id) == RateSource::Policy)
            .map(|b| b.id.as_str())
            .collect()
    }
}

/// The template: the policy's current rates, one row per service, market and band, in the
/// policy's currency (comma-separated, CRLF line ends).
pub fn sheet_template(policy: &PolicySet) -> String {
    let currency = &policy.currency;
    let mut out = format!(
        "{},{},{},{} ({currency}),{} ({currency})\r\n",
        SheetColumn::Market.header(),
        SheetColumn::Service.header(),
        SheetColumn::Band.header(),
        SheetColumn::PerKg.header(),
        SheetColumn::PerParcel.header(),
    );
    let defaults = policy.defaults();
    for service in &policy.services {
        for destination in &policy.destinations {
            if !policy.reaches(service, &destination.code) {
                continue;
            }
            for band in &service.bands {
                let value = |what: &str| {
                    defaults
                        .get(&service.rate_id(&destination.code, band, what))
                        .map(|v| v.normalize().to_string())
                        .unwrap_or_default()
                };
                out.push_str(&format!(
                    "{},{},{},{},{}\r\n",
                    destination.code,
                    service.id,
                    band.id,
                    value("per_kg"),
                    value("per_parcel")
                ));
            }
        }
    }
    out
}

/// Lowercase, spaces dropped, `–`/`—` as `-` and `_` as `-`: `300–2000 g` and `300_2000g` alike.
fn band_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '–' | '—' | '_' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Signs that say an amount is not in CNY (or not an amount): refused in a sheet's rates.
const NOT_CNY: &[char] = &[
    '$', '€', '£', '₩', '₽', '₹', '₺', '₫', '฿', '₱', '₪', '¢', '₴', '₦', '₡', '₲', '₵', '₸', '₼',
    '₾', '%',
];

/// Reads a rate sheet for `policy`. Never fails and never panics: the valid rows' rates and
/// every problem, by row and column.
pub fn read_rate_sheet(text: &str, policy: &PolicySet) -> SheetFile {
    let mut out = SheetFile::default();
    if text.len() > SHEET_MAX_BYTES {
        out.errors.push(SheetError {
            line: None,
            column: None,
            problem: SheetProblem::TooLarge,
        });
        return out;
    }
    let file = read_csv_records(text);
    out.headers = file.columns.iter().map(|c| c.header.clone()).collect();
    if file.rows.len() > SHEET_MAX_ROWS {
        out.errors.push(SheetError {
            line: None,
            column: None,
            problem: SheetProblem::TooLarge,
        });
        return out;
    }
    // The reader's own findings, save those about the catalog's columns.
    for problem in &file.problems {
        let line = match problem {
            FileProblem::UnknownColumn { .. }
            | FileProblem::DuplicateColumn { .. }
            | FileProblem::MissingColumn { .. } => continue,
            FileProblem::Malformed { line, .. } | FileProblem::TooManyCells { line } => Some(*line),
            _ => None,
        };
        out.errors.push(SheetError {
            line,
            column: None,
            problem: SheetProblem::File(problem.clone()),
        });
    }
    // Each column the sheet needs: the first header that names it.
    let mut at = [None; 5];
    for (i, column) in file.columns.iter().enumerate() {
        let (key, _) = normalise_header(&column.header);
        if let Some(k) = SheetColumn::ALL
            .iter()
            .position(|c| c.aliases().contains(&key.as_str()))
        {
            at[k].get_or_insert(i);
        }
    }
    for (k, column) in SheetColumn::ALL.into_iter().enumerate() {
        if at[k].is_none() && !file.columns.is_empty() {
            out.errors.push(SheetError {
                line: None,
                column: None,
                problem: SheetProblem::MissingColumn(column),
            });
        }
    }
    let [Some(market_at), Some(service_at), Some(band_at), Some(kg_at), Some(parcel_at)] = at
    else {
        return out;
    };
    let mark = sheet_decimal_mark(&file, &[kg_at, parcel_at]);
    let mut seen: Vec<(String, String, String, usize)> = Vec::new();
    for row in &file.rows {
        let cell = |i: usize| row.cells.get(i).map_or("", String::as_str);
        let mut problems: Vec<(usize, SheetProblem)> = Vec::new();
        let mut fail = |column: usize, problem: Problem| {
            problems.push((column, SheetProblem::Cell(problem)));
        };
        let service = match cell(service_at) {
            "" => {
                fail(service_at, Problem::Required);
                None
            }
            text => {
                let found = policy
                    .services
                    .iter()
                    .find(|s| s.id.eq_ignore_ascii_case(text) || s.name.eq_ignore_ascii_case(text));
                if found.is_none() {
                    fail(
                        service_at,
                        Problem::UnknownValue {
                            given: bounded(text),
                            allowed: policy.services.iter().map(|s| s.id.clone()).collect(),
                        },
                    );
                }
                found
            }
        };
        let market = match cell(market_at) {
            "" => {
                fail(market_at, Problem::Required);
                None
            }
            text => {
                let reached = |code: &str| service.is_none_or(|s| policy.reaches(s, code));
                let found = policy.destinations.iter().find(|d| {
                    (d.code.eq_ignore_ascii_case(text) || d.name.eq_ignore_ascii_case(text))
                        && reached(&d.code)
                });
                if found.is_none() {
                    fail(
                        market_at,
                        Problem::UnknownValue {
                            given: bounded(text),
                            allowed: policy
                                .destinations
                                .iter()
                                .filter(|d| reached(&d.code))
                                .map(|d| d.code.clone())
                                .collect(),
                        },
                    );
                }
                found.map(|d| d.code.clone())
            }
        };
        let band = match (cell(band_at), service) {
            ("", _) => {
                fail(band_at, Problem::Required);
                None
            }
            (_, None) => None,
            (text, Some(service)) => {
                let key = band_key(text);
                let found = service
                    .bands
                    .iter()
                    .find(|b| band_key(&b.id) == key || band_key(&b.name) == key);
                if found.is_none() {
                    fail(
                        band_at,
                        Problem::UnknownValue {
                            given: bounded(text),
                            allowed: service.bands.iter().map(|b| b.id.clone()).collect(),
                        },
                    );
                }
                found.map(|b| b.id.clone())
            }
        };
        let mut amount = |column: usize, what: &str, unit: crate::input::Unit| {
            let text = cell(column);
            if text.is_empty() {
                fail(column, Problem::Required);
                return None;
            }
            // The sheet's amounts are in CNY: another currency's sign, or a percent sign, is not
            // read away as the catalog's cells are (a card in USD read as CNY is ~7× too low).
            if text.chars().any(|c| NOT_CNY.contains(&c)) {
                fail(column, Problem::NotANumber);
                return None;
            }
            let value = match number_cell(text, file.delimiter, mark) {
                Ok(value) => value,
                Err(problem) => {
                    fail(column, problem);
                    return None;
                }
            };
            // The policy value's own bounds, as an override of it would have.
            let max = match (&service, &market, &band) {
                (Some(s), Some(m), Some(b)) => policy
                    .value(&format!("postage.{}.{m}.{b}.{what}", s.id))
                    .map(|v| v.max()),
                _ => None,
            }
            .unwrap_or(Decimal::from(1_000_000));
            if value.is_sign_negative() && !value.is_zero() {
                fail(column, Problem::Negative);
                None
            } else if value > max {
                fail(column, Problem::TooLarge { max, unit });
                None
            } else {
                Some(value)
            }
        };
        let per_kg = amount(kg_at, "per_kg", crate::input::Unit::PolicyMoneyPerKg);
        let per_parcel = amount(
            parcel_at,
            "per_parcel",
            crate::input::Unit::PolicyMoneyPerParcel,
        );
        if let (Some(service), Some(market), Some(band), Some(per_kg), Some(per_parcel)) =
            (service, market, band, per_kg, per_parcel)
        {
            if let Some((.., first_line)) = seen
                .iter()
                .find(|(s, m, b, _)| *s == service.id && *m == market && *b == band)
            {
                problems.push((
                    band_at,
                    SheetProblem::Duplicate {
                        first_line: *first_line,
                    },
                ));
            } else if problems.is_empty() {
                seen.push((service.id.clone(), market.clone(), band.clone(), row.line));
                out.sheet.rates.push(SheetRate {
                    line: row.line,
                    service: service.id.clone(),
                    market,
                    band,
                    per_kg,
                    per_parcel,
                });
            }
        }
        for (column, problem) in problems {
            out.errors.push(SheetError {
                line: Some(row.line),
                column: Some(column),
                problem,
            });
        }
    }
    out
}

/// A cell's text as an error quotes it: at most 60 characters.
fn bounded(text: &str) -> String {
    text.chars().take(60).collect()
}
