//! Reading a catalog CSV: delimiter detection, header aliases, quotes, line numbers and the
//! file-level problems. Never fails and never panics: whatever the text, a [`CatalogFile`] comes
//! out, with what could not be understood listed in [`CatalogFile::problems`].

use std::collections::HashMap;
use std::rc::Rc;
use std::sync::OnceLock;

use crate::input::{Field, Input};
use crate::policy::PolicySet;

/// The main columns, in template order, each with its template header (what
/// [`super::template_csv`] writes).
pub const MAIN_COLUMNS: [(ColumnKind, &str); 8] = [
    (ColumnKind::Name, "Name"),
    (
        ColumnKind::Field(Field::Input(Input::UnitCost)),
        "Unit cost",
    ),
    (
        ColumnKind::Field(Field::Input(Input::Packaging)),
        "Packaging",
    ),
    (
        ColumnKind::Field(Field::Input(Input::WeightG)),
        "Weight (g)",
    ),
    (ColumnKind::Field(Field::Input(Input::Category)), "Category"),
    (ColumnKind::Field(Field::Input(Input::Price)), "Price"),
    (
        ColumnKind::Field(Field::Input(Input::SupplyPrice)),
        "Supply price",
    ),
    (
        ColumnKind::Field(Field::Input(Input::MonthlyUnits)),
        "Monthly units",
    ),
];

/// Header aliases (after normalising: lowercase, unit dropped, spaces, `_` and `-` alike) for the
/// main columns and the friendlier names of the optional ones; `None` is the name column. Every
/// input's path in [`MAIN_COLUMNS`] and [`OPTIONAL_INPUTS`] and every `assumptions.<id>` is
/// accepted as well, written as the path.
const ALIASES: &[(&str, Option<Input>)] = &[
    ("name", None),
    ("sku", None),
    ("product", None),
    ("product_name", None),
    ("title", None),
    ("unit_cost", Some(Input::UnitCost)),
    ("cost", Some(Input::UnitCost)),
    ("product_cost", Some(Input::UnitCost)),
    ("cost_price", Some(Input::UnitCost)),
    ("packaging", Some(Input::Packaging)),
    ("packaging_cost", Some(Input::Packaging)),
    ("weight", Some(Input::WeightG)),
    ("weight_g", Some(Input::WeightG)),
    ("weight_grams", Some(Input::WeightG)),
    ("category", Some(Input::Category)),
    ("price", Some(Input::Price)),
    ("retail_price", Some(Input::Price)),
    ("sale_price", Some(Input::Price)),
    ("pop_price", Some(Input::Price)),
    ("supply_price", Some(Input::SupplyPrice)),
    ("monthly_units", Some(Input::MonthlyUnits)),
    ("units", Some(Input::MonthlyUnits)),
    ("units_per_month", Some(Input::MonthlyUnits)),
    ("monthly_volume", Some(Input::MonthlyUnits)),
    // Friendlier names for the optional per-SKU overrides.
    ("semi_price", Some(Input::SemiPrice)),
    ("semi_managed_price", Some(Input::SemiPrice)),
    ("semi_mode", Some(Input::SemiMode)),
    ("semi_managed_mode", Some(Input::SemiMode)),
    ("popular", Some(Input::SemiPopular)),
    ("ad_spend", Some(Input::AdSpend)),
    ("ads", Some(Input::AdSpend)),
    ("semi_ad_spend", Some(Input::SemiAdSpend)),
    ("semi_ads", Some(Input::SemiAdSpend)),
    ("semi_affiliate_share", Some(Input::SemiAffiliateShare)),
    ("semi_affiliate_rate", Some(Input::SemiAffiliateRate)),
    ("affiliate_share", Some(Input::AffiliateShare)),
    ("affiliate_rate", Some(Input::AffiliateRate)),
    ("return_rate", Some(Input::ReturnRate)),
    ("exchange_rate", Some(Input::Rate)),
    ("cost_currency", Some(Input::CostCurrency)),
    ("sale_currency", Some(Input::SaleCurrency)),
];

/// Headers of the market-mix column (`ES:60|US:40`, issue #15): the scenario path first, which
/// the page lists with the optional columns.
pub const MIX_ALIASES: [&str; 4] = ["destinations", "markets", "market_mix", "destination_mix"];

/// Inputs a column may override besides the main ones (the optional per-SKU overrides).
pub const OPTIONAL_INPUTS: [Input; 14] = [
    Input::SemiPrice,
    Input::SemiMode,
    Input::SemiPopular,
    Input::SemiAdSpend,
    Input::SemiAffiliateShare,
    Input::SemiAffiliateRate,
    Input::AdSpend,
    Input::AffiliateShare,
    Input::AffiliateRate,
    Input::ReturnRate,
    Input::Destination,
    Input::Rate,
    Input::CostCurrency,
    Input::SaleCurrency,
];

/// The header a seller would write for each of [`OPTIONAL_INPUTS`] (what the page's list of
/// optional columns shows, beside the input's path); `None` for any other input.
pub fn optional_header(input: Input) -> Option<&'static str> {
    Some(match input {
        Input::SemiPrice => "Semi price",
        Input::SemiMode => "Semi mode",
        Input::SemiPopular => "Popular",
        Input::SemiAdSpend => "Semi ad spend (%)",
        Input::SemiAffiliateShare => "Semi affiliate share (%)",
        Input::SemiAffiliateRate => "Semi affiliate rate (%)",
        Input::AdSpend => "Ad spend (%)",
        Input::AffiliateShare => "Affiliate share (%)",
        Input::AffiliateRate => "Affiliate rate (%)",
        Input::ReturnRate => "Return rate (%)",
        Input::Destination => "Destination",
        Input::Rate => "Exchange rate",
        Input::CostCurrency => "Cost currency",
        Input::SaleCurrency => "Sale currency",
        _ => return None,
    })
}

/// Which decimal mark a file's numbers use, as its own cells show (issue #16, item 12).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DecimalMark {
    /// Some cell has a decimal point (`12.99`, `1,234.56`) and none a decimal comma: `1,500`
    /// is one thousand five hundred, `1.500` one and a half.
    Point,
    /// Some cell has a decimal comma (`12,99`, `1.234,56`) and none a decimal point: `1.500` is
    /// one thousand five hundred, `1,500` one and a half.
    Comma,
    /// Nothing in the file decides it (or it has both): a cell that reads two ways (`1.500`,
    /// `1,500`) is an error that gives both readings.
    #[default]
    Unknown,
}

/// A catalog file as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogFile {
    /// `b','`, `b';'` or `b'\t'`, detected from the header line (outside quotes).
    pub delimiter: u8,
    /// The decimal mark its number cells use ([`DecimalMark::Unknown`] when they do not say).
    pub decimal: DecimalMark,
    /// The columns, in file order.
    pub columns: Vec<Column>,
    /// The data rows; blank lines and rows whose cells are all empty are skipped. Each is behind
    /// its own `Rc`, so that a page that fixes a cell in place copies one row and the pointers
    /// to the others, not every row.
    pub rows: Vec<Rc<SkuRow>>,
    /// File-level findings: columns (by column), then missing main columns (in
    /// [`MAIN_COLUMNS`] order), then rows (by line), then [`FileProblem::NoRows`].
    pub problems: Vec<FileProblem>,
}

/// One column of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// The header as in the file, trimmed.
    pub header: String,
    /// What it holds. A duplicate of an earlier column is `Unknown`: it is ignored.
    pub kind: ColumnKind,
}

/// What a column holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    /// The SKU's name.
    Name,
    /// An input ([`Field::Input`]) or a policy value's override ([`Field::Assumption`]).
    Field(Field),
    /// Not understood (or a duplicate): ignored.
    Unknown,
}

/// One data row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkuRow {
    /// The row number as a spreadsheet shows it: the header is 1, the first data row 2 (blank lines
    /// count); a record spanning lines through quotes has the number of its first line.
    pub line: usize,
    /// Exactly one cell per column, trimmed; missing trailing cells are empty.
    pub cells: Vec<String>,
}

/// A finding about the file as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// No header line at all.
    Empty,
    /// A header but no data rows.
    NoRows,
    /// A header that is not understood; the column is ignored.
    UnknownColumn {
        /// Column index (0-based).
        column: usize,
        /// The header as in the file.
        header: String,
    },
    /// A second column for the same field; the later copy is ignored.
    DuplicateColumn {
        /// Column index (0-based) of the ignored copy.
        column: usize,
        /// The header as in the file.
        header: String,
    },
    /// One of [`MAIN_COLUMNS`] is absent: the base scenario's value applies to every row.
    MissingColumn {
        /// What it would hold.
        field: ColumnKind,
    },
    /// A row that could not be read as written, such as one with an unclosed quote.
    Malformed {
        /// Its row number.
        line: usize,
        /// What is wrong, in plain English.
        message: String,
    },
    /// A row with more non-empty cells than there are headers; the extra cells are ignored.
    TooManyCells {
        /// Its row number.
        line: usize,
    },
    /// More than `limit` products: the file is refused (no rows are read); split it.
    TooManyRows {
        /// [`MAX_ROWS`].
        limit: usize,
    },
}

impl CatalogFile {
    /// The index of the column that holds `kind`, if the file has one.
    pub fn column_of(&self, kind: &ColumnKind) -> Option<usize> {
        if *kind == ColumnKind::Unknown {
            return None;
        }
        self.columns.iter().position(|c| c.kind == *kind)
    }

    /// The index of the column for `input`, if the file has one.
    pub fn column_of_input(&self, input: Input) -> Option<usize> {
        self.column_of(&ColumnKind::Field(Field::Input(input)))
    }

    /// `row`'s cell in the column that holds `kind`, if the file has that column.
    pub fn cell<'a>(&self, row: &'a SkuRow, kind: &ColumnKind) -> Option<&'a str> {
        let column = self.column_of(kind)?;
        row.cells.get(column).map(String::as_str)
    }

    /// The SKU name of `row` (empty when the file has no name column or the cell is empty).
    pub fn name<'a>(&self, row: &'a SkuRow) -> &'a str {
        self.cell(row, &ColumnKind::Name).unwrap_or("")
    }
}

/// Lowercases, drops a trailing unit (in parentheses, or a bare `%`: `Ad spend %` is
/// `Ad spend (%)`) and treats spaces, `_` and `-` alike (as one `_`). Returns the key and the
/// unit dropped, if any.
pub(crate) fn normalise_header(header: &str) -> (String, Option<String>) {
    let lower = header.trim().to_lowercase();
    let (base, unit) = match lower.strip_suffix(')').and_then(|s| s.rsplit_once('(')) {
        Some((base, unit)) if !base.trim().is_empty() => {
            (base.trim(), Some(unit.trim().to_owned()))
        }
        _ => match lower.strip_suffix('%') {
            Some(base) if !base.trim().is_empty() => (base.trim(), Some("%".to_owned())),
            _ => (lower.as_str(), None),
        },
    };
    let mut key = String::with_capacity(base.len());
    for c in base.chars() {
        let c = if c == ' ' || c == '-' || c == '_' || c.is_whitespace() {
            '_'
        } else {
            c
        };
        if c == '_' && (key.is_empty() || key.ends_with('_')) {
            continue;
        }
        key.push(c);
    }
    while key.ends_with('_') {
        key.pop();
    }
    (key, unit)
}

/// Normalised header → what the column holds.
fn header_table() -> &'static HashMap<String, ColumnKind> {
    static TABLE: OnceLock<HashMap<String, ColumnKind>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        let mut add = |alias: &str, kind: ColumnKind| {
            table.entry(normalise_header(alias).0).or_insert(kind);
        };
        for (alias, input) in ALIASES {
            add(
                alias,
                input.map_or(ColumnKind::Name, |i| ColumnKind::Field(Field::Input(i))),
            );
        }
        let inputs = MAIN_COLUMNS
            .iter()
            .filter_map(|(kind, _)| match kind {
                ColumnKind::Field(Field::Input(input)) => Some(*input),
                _ => None,
            })
            .chain(OPTIONAL_INPUTS);
        for input in inputs {
            add(input.path(), ColumnKind::Field(Field::Input(input)));
        }
        // A market mix per row, `ES:60|US:40` (issue #15, item 6).
        for alias in MIX_ALIASES {
            add(alias, ColumnKind::Field(Field::Destinations));
        }
        let policy = PolicySet::default_set();
        for value in &policy.values {
            let field = Field::Assumption(value.id.clone());
            add(&field.path(), ColumnKind::Field(field));
        }
        // A column headed with an id the policy has since renamed overrides the value that
        // replaced it, as a saved scenario's override does.
        for (old, new) in &policy.renamed {
            let old = Field::Assumption(old.clone());
            add(
                &old.path(),
                ColumnKind::Field(Field::Assumption(new.clone())),
            );
        }
        table
    })
}

/// The kind of a column with this header.
fn classify(header: &str) -> ColumnKind {
    let (key, unit) = normalise_header(header);
    let Some(kind) = header_table().get(&key) else {
        return ColumnKind::Unknown;
    };
    // Weights are in grams: a weight in another unit would be read 1,000 times off.
    if *kind == ColumnKind::Field(Field::Input(Input::WeightG))
        && unit
            .as_deref()
            .is_some_and(|u| !matches!(u, "g" | "gram" | "grams"))
    {
        return ColumnKind::Unknown;
    }
    kind.clone()
}

/// Where a quote-aware scan is within a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scan {
    /// At the start of a record or field.
    FieldStart,
    /// In an unquoted field (a quote here is an ordinary character).
    Unquoted,
    /// In a quoted field.
    Quoted,
    /// Just after a quote inside a quoted field: a second quote is a literal quote.
    QuoteInQuoted,
}

impl Scan {
    /// The state after byte `b`, as the `csv` crate reads (a quote opens only at the start of a
    /// field); `delimiter` says whether `b` is a delimiter. A line break or a delimiter outside
    /// quotes starts a field.
    fn next(self, b: u8, delimiter: bool) -> Scan {
        match (self, b) {
            (Scan::Quoted, b'"') => Scan::QuoteInQuoted,
            (Scan::Quoted, _) => Scan::Quoted,
            (Scan::FieldStart | Scan::QuoteInQuoted, b'"') => Scan::Quoted,
            (_, b'\n') => Scan::FieldStart,
            _ if delimiter => Scan::FieldStart,
            _ => Scan::Unquoted,
        }
    }
}

/// The delimiter of a header starting at `start`: the most frequent of `,`, `;` and tab outside
/// quotes on its (first) record; `,` on a tie or when there is none.
fn detect_delimiter(bytes: &[u8], start: usize) -> u8 {
    let mut counts = [0usize; 3];
    let mut state = Scan::FieldStart;
    for &b in &bytes[start.min(bytes.len())..] {
        let candidate = match b {
            b',' => Some(0),
            b';' => Some(1),
            b'\t' => Some(2),
            _ => None,
        };
        // Outside quotes: the record ends at its line break, and a delimiter counts.
        if state != Scan::Quoted {
            if b == b'\n' {
                break;
            }
            if let Some(i) = candidate {
                counts[i] += 1;
            }
        }
        state = state.next(b, candidate.is_some());
    }
    let delimiters = [b',', b';', b'\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    delimiters[best]
}

/// How many products (data rows) a catalog may hold. A file with more is refused with
/// [`FileProblem::TooManyRows`] (split it): this bounds what a page holds in memory, about 1 KB a
/// product with its results, and the time to compare them.
pub const MAX_ROWS: usize = 100_000;

/// Tracks line numbers: counts `\n` from the last position asked about, so that numbering every
/// record costs one pass over the text.
#[derive(Clone, Copy, Debug)]
struct Lines {
    at: usize,
    line: usize,
}

impl Lines {
    /// The 1-based line of the first non-newline byte of `bytes` at or after `offset`.
    fn record_start(&mut self, bytes: &[u8], offset: usize) -> usize {
        let mut start = offset.min(bytes.len());
        while bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
        if start < self.at {
            // Never happens (records come in order); restart rather than count wrong.
            self.at = 0;
            self.line = 1;
        }
        self.line += bytes[self.at..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.at = start;
        self.line
    }
}

/// What has been read so far: the header, the rows and the row findings.
#[derive(Debug)]
struct Collected {
    file: CatalogFile,
    header_seen: bool,
    row_problems: Vec<FileProblem>,
    /// Whether each column has a non-empty cell.
    used: Vec<bool>,
    /// Whether a row beyond [`MAX_ROWS`] was met (reading stops there).
    too_many: bool,
    /// What a header names ([`classify`] for a catalog).
    classify: fn(&str) -> ColumnKind,
    /// For each number column, whether its cells show a decimal point and a decimal comma
    /// ([`decimal_of`]): noted row by row as the file is read, so that deciding the file's mark
    /// ([`decimal_mark`]) does not go over every cell again at the end, in one step.
    marks: Vec<(bool, bool)>,
}

impl Collected {
    fn record(&mut self, line: usize, record: &csv::StringRecord, malformed: bool) {
        if malformed {
            self.row_problems.push(FileProblem::Malformed {
                line,
                message: "A quote mark (\") opens a cell on this row and is never closed, so \
                          the row was read with its quote marks as ordinary characters."
                    .to_owned(),
            });
        }
        if !self.header_seen {
            // A header of empty cells is a blank line in effect.
            if record.iter().all(|c| c.trim().is_empty()) {
                return;
            }
            self.header_seen = true;
            self.file.columns = record
                .iter()
                .map(|h| Column {
                    header: h.trim().to_owned(),
                    kind: (self.classify)(h),
                })
                .collect();
            self.used = vec![false; self.file.columns.len()];
            self.marks = vec![(false, false); self.file.columns.len()];
            return;
        }
        if record.iter().all(|c| c.trim().is_empty()) {
            return;
        }
        if self.file.rows.len() == MAX_ROWS {
            self.too_many = true;
            return;
        }
        let n = self.file.columns.len();
        let mut cells: Vec<String> = record.iter().take(n).map(|c| c.trim().to_owned()).collect();
        cells.resize(n, String::new());
        for (i, cell) in cells.iter().enumerate() {
            if !cell.is_empty() {
                self.used[i] = true;
                if is_number(&self.file.columns[i].kind) {
                    match decimal_of(cell) {
                        Some('.') => self.marks[i].0 = true,
                        Some(',') => self.marks[i].1 = true,
                        _ => {}
                    }
                }
            }
        }
        if record.iter().skip(n).any(|c| !c.trim().is_empty()) {
            self.row_problems.push(FileProblem::TooManyCells { line });
        }
        self.file.rows.push(Rc::new(SkuRow { line, cells }));
    }
}

/// Reads a catalog CSV in steps of bounded work, so that a page can read a large file and still
/// paint between steps: call [`CatalogReader::step`] until it returns `true`, then
/// [`CatalogReader::finish`]. [`read_csv`] does all the steps at once; both give the same file.
///
/// Reading goes in three phases: line endings are made `\n` (when the text has any `\r`), then
/// the text is cut into pieces that end at a line break outside quotes and each piece is read
/// with the `csv` crate. A record whose quote is never closed (the scan reaches the end of the
/// text inside quotes) is read again from its own line with quotes as ordinary characters, and
/// reading resumes on the next line, as [`read_csv`] documents.
#[derive(Debug)]
pub struct CatalogReader {
    /// The text as given, byte order mark dropped, while line endings are being normalised.
    source: String,
    /// How much of `source` is normalised into `text`.
    normalised: usize,
    /// The text with `\n` line endings (as far as normalised).
    text: String,
    delimiter: Option<u8>,
    /// Where the next record to read starts, in `text`.
    from: usize,
    /// The quote-aware scan ahead of `from`: its position, state and the start of its record.
    scan_at: usize,
    scan: Scan,
    record_start: usize,
    /// The furthest the scan has been (it goes back after an unclosed quote): the progress.
    furthest: usize,
    lines: Lines,
    collected: Collected,
    done: bool,
}

impl CatalogReader {
    /// Starts reading `text`. Cheap: the work is done by [`CatalogReader::step`].
    pub fn new(text: &str) -> Self {
        Self::with_classifier(text, classify)
    }

    /// Starts reading `text` with `classify` naming what each header holds: a rate sheet's
    /// reader ([`crate::rates`]) names none, so that the catalog's header table is not part of
    /// the calculator page.
    pub(crate) fn with_classifier(text: &str, classify: fn(&str) -> ColumnKind) -> Self {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let (source, normalised, text) = if text.contains('\r') {
            (text.to_owned(), 0, String::with_capacity(text.len()))
        } else {
            (String::new(), 0, text.to_owned())
        };
        CatalogReader {
            source,
            normalised,
            text,
            delimiter: None,
            from: 0,
            scan_at: 0,
            scan: Scan::FieldStart,
            record_start: 0,
            furthest: 0,
            lines: Lines { at: 0, line: 1 },
            collected: Collected {
                file: CatalogFile {
                    delimiter: b',',
                    decimal: DecimalMark::Unknown,
                    columns: Vec::new(),
                    rows: Vec::new(),
                    problems: Vec::new(),
                },
                header_seen: false,
                row_problems: Vec::new(),
                used: Vec::new(),
                too_many: false,
                marks: Vec::new(),
                classify,
            },
            done: false,
        }
    }

    /// How far reading has come, as (done, total) in bytes of work.
    pub fn progress(&self) -> (usize, usize) {
        let total = self.source.len() + self.text.len().max(self.normalised);
        if self.done {
            return (total, total);
        }
        let done = if self.normalised < self.source.len() {
            self.normalised
        } else {
            self.source.len() + self.furthest
        };
        (done, total.max(1))
    }

    /// How many products have been read so far.
    pub fn rows(&self) -> usize {
        self.collected.file.rows.len()
    }

    /// Does about `budget` bytes of work (at least one byte); `true` once the whole text is read.
    pub fn step(&mut self, budget: usize) -> bool {
        let budget = budget.max(1);
        if self.done {
            return true;
        }
        if self.normalised < self.source.len() {
            self.normalise(budget);
            return false;
        }
        let bytes = self.text.as_bytes();
        let delimiter = *self.delimiter.get_or_insert_with(|| {
            bytes
                .iter()
                .position(|&b| b != b'\n')
                .map_or(b',', |start| detect_delimiter(bytes, start))
        });
        self.collected.file.delimiter = delimiter;

        // Scan ahead for a line break outside quotes at least `budget` bytes after `from`.
        let limit = self.scan_at.saturating_add(budget).min(bytes.len());
        let mut piece_end = None;
        while self.scan_at < limit {
            let i = self.scan_at;
            let b = bytes[i];
            if b == b'\n' && self.scan != Scan::Quoted {
                self.record_start = i + 1;
            }
            self.scan = self.scan.next(b, b == delimiter);
            self.scan_at += 1;
            if b == b'\n' && self.record_start == i + 1 && self.scan_at - self.from >= budget {
                piece_end = Some(self.scan_at);
                break;
            }
        }
        self.furthest = self.furthest.max(self.scan_at);
        if let Some(end) = piece_end {
            self.read_piece(end, delimiter);
            self.from = end;
        } else if self.scan_at < bytes.len() {
            return false;
        } else if self.scan != Scan::Quoted {
            let end = bytes.len();
            self.read_piece(end, delimiter);
            self.from = end;
        } else {
            // A quote opened at `record_start` is never closed: read what comes before it, then
            // its first line with quotes as ordinary characters, then go on from the next line.
            let bad = self.record_start;
            self.read_piece(bad, delimiter);
            let bytes = self.text.as_bytes();
            let line_end = bytes[bad..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |p| bad + p);
            let line = self.lines.record_start(bytes, bad);
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .quoting(false)
                .delimiter(delimiter)
                .from_reader(&bytes[bad..line_end]);
            let mut record = csv::StringRecord::new();
            if let Ok(true) = reader.read_record(&mut record) {
                self.collected.record(line, &record, true);
            }
            self.from = (line_end + 1).min(bytes.len());
            self.scan_at = self.from;
            self.scan = Scan::FieldStart;
            self.record_start = self.from;
        }
        self.done = self.collected.too_many || self.from >= self.text.len();
        self.done
    }

    /// Makes the next `budget` bytes' line endings `\n`.
    fn normalise(&mut self, budget: usize) {
        let source = self.source.as_bytes();
        let mut end = self.normalised.saturating_add(budget).min(source.len());
        while !self.source.is_char_boundary(end) {
            end += 1;
        }
        // Never split a CRLF pair.
        if end < source.len() && source[end - 1] == b'\r' && source[end] == b'\n' {
            end += 1;
        }
        let piece = &self.source[self.normalised..end];
        self.text
            .push_str(&piece.replace("\r\n", "\n").replace('\r', "\n"));
        self.normalised = end;
        if end == source.len() {
            self.source = String::new();
            self.normalised = 0;
        }
    }

    /// Reads the records of `text[from..end]`, which ends at a line break outside quotes (or at
    /// the end of the text) and so holds whole records.
    fn read_piece(&mut self, end: usize, delimiter: u8) {
        let bytes = self.text.as_bytes();
        let from = self.from.min(end);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(&bytes[from..end]);
        let mut record = csv::StringRecord::new();
        // The text is valid UTF-8 and split only at ASCII bytes, so reading cannot fail; stop
        // rather than loop if it ever did.
        while let Ok(true) = reader.read_record(&mut record) {
            let start = record.position().map_or(0, |p| p.byte() as usize);
            let line = self.lines.record_start(bytes, from + start);
            self.collected.record(line, &record, false);
            if self.collected.too_many {
                break;
            }
        }
    }

    /// The file as read, with its file-level findings. Reads what is left first, if anything.
    pub fn finish(mut self) -> CatalogFile {
        while !self.step(usize::MAX) {}
        let Collected {
            mut file,
            header_seen,
            mut row_problems,
            used,
            too_many,
            marks,
            ..
        } = self.collected;
        if too_many {
            // Refused: nothing of it is compared (the rows would be a part of the catalog).
            file.rows = Vec::new();
            file.problems = vec![FileProblem::TooManyRows { limit: MAX_ROWS }];
            return file;
        }
        if !header_seen {
            file.problems.push(FileProblem::Empty);
            return file;
        }

        // Columns: unknown ones, and later copies of a field (which are then ignored).
        let mut seen: Vec<&ColumnKind> = Vec::new();
        let mut ignored = Vec::new();
        for (i, column) in file.columns.iter().enumerate() {
            match &column.kind {
                ColumnKind::Unknown => {
                    // A column with neither a header nor any data (a trailing delimiter) is noise.
                    if !column.header.is_empty() || used[i] {
                        file.problems.push(FileProblem::UnknownColumn {
                            column: i,
                            header: column.header.clone(),
                        });
                    }
                }
                kind if seen.contains(&kind) => {
                    file.problems.push(FileProblem::DuplicateColumn {
                        column: i,
                        header: column.header.clone(),
                    });
                    ignored.push(i);
                }
                kind => seen.push(kind),
            }
        }
        for i in ignored {
            file.columns[i].kind = ColumnKind::Unknown;
        }
        for (field, _) in MAIN_COLUMNS {
            if file.column_of(&field).is_none() {
                file.problems.push(FileProblem::MissingColumn { field });
            }
        }
        file.decimal = decimal_mark(&file, &marks);
        // Malformed rows are reported before their own too-many-cells finding.
        row_problems.sort_by_key(|p| match p {
            FileProblem::Malformed { line, .. } => (*line, 0),
            FileProblem::TooManyCells { line } => (*line, 1),
            _ => (usize::MAX, 2),
        });
        file.problems.extend(row_problems);
        if file.rows.is_empty() {
            file.problems.push(FileProblem::NoRows);
        }
        file
    }
}

/// The decimal mark the file's number cells show: a mark followed by other than exactly three
/// digits (`12.99`, `0,5`), or the later of two different marks (`1.234,56`), is a decimal mark;
/// a file with only one kind decides, a file with both or neither does not. `marks` are each
/// column's, noted as its rows were read; the columns that count are the number columns left
/// after the duplicates were set aside.
fn decimal_mark(file: &CatalogFile, marks: &[(bool, bool)]) -> DecimalMark {
    let (mut point, mut comma) = (false, false);
    for (column, (p, c)) in file.columns.iter().zip(marks) {
        if is_number(&column.kind) {
            point |= p;
            comma |= c;
        }
    }
    match (point, comma) {
        (true, false) => DecimalMark::Point,
        (false, true) => DecimalMark::Comma,
        _ => DecimalMark::Unknown,
    }
}

/// Whether a catalog column holds numbers: a number input's, or a policy value's.
fn is_number(kind: &ColumnKind) -> bool {
    match kind {
        ColumnKind::Field(Field::Input(input)) => input.kind() == crate::input::InputKind::Number,
        ColumnKind::Field(Field::Assumption(_)) => true,
        _ => false,
    }
}

/// The decimal mark of a file's cells in `columns` (a rate sheet's amounts), decided as
/// [`decimal_mark`] decides a catalog's.
pub(crate) fn sheet_decimal_mark(file: &CatalogFile, columns: &[usize]) -> DecimalMark {
    let (mut point, mut comma) = (false, false);
    for row in &file.rows {
        for &i in columns {
            match row.cells.get(i).and_then(|c| decimal_of(c)) {
                Some('.') => point = true,
                Some(',') => comma = true,
                _ => {}
            }
        }
    }
    match (point, comma) {
        (true, false) => DecimalMark::Point,
        (false, true) => DecimalMark::Comma,
        _ => DecimalMark::Unknown,
    }
}

/// The decimal mark one cell shows, if it shows one (see [`decimal_mark`]).
fn decimal_of(cell: &str) -> Option<char> {
    let body: String = cell
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    let last = body.rfind(['.', ','])?;
    let mark = body[last..].chars().next()?;
    let other = if mark == '.' { ',' } else { '.' };
    let after = &body[last + 1..];
    if after.is_empty() || body[..last].is_empty() {
        return None;
    }
    if body[..last].contains(other) || after.len() != 3 {
        // `1.234,56`, `12,99`, `0.5`: the last mark is the decimal one (a grouping mark splits
        // off exactly three digits). Several of the same mark (`1.234.567`) group thousands.
        if body.matches(mark).count() == 1 {
            return Some(mark);
        }
    }
    None
}

/// Reads a catalog CSV at once. Never fails and never panics.
///
/// A UTF-8 byte order mark is dropped; CRLF, LF and CR line endings are all accepted; the
/// delimiter is detected from the header line; cells are trimmed. A file of more than
/// [`MAX_ROWS`] products is refused ([`FileProblem::TooManyRows`], no rows). To read a large
/// text without blocking, use [`CatalogReader`].
pub fn read_csv(text: &str) -> CatalogFile {
    CatalogReader::new(text).finish()
}

/// Reads a CSV as [`read_csv`] does, naming no column (every kind `Unknown`): the records of
/// another kind of file, such as a rate sheet.
pub(crate) fn read_csv_records(text: &str) -> CatalogFile {
    CatalogReader::with_classifier(text, |_| ColumnKind::Unknown).finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_normalise() {
        assert_eq!(normalise_header(" Weight (g) ").0, "weight");
        assert_eq!(normalise_header("Unit-Cost (CNY)").0, "unit_cost");
        assert_eq!(normalise_header("units  per   month").0, "units_per_month");
        assert_eq!(
            normalise_header("Semi ads %"),
            ("semi_ads".to_owned(), Some("%".to_owned()))
        );
        assert_eq!(normalise_header("%").0, "%");
        assert_eq!(classify("Weight (kg)"), ColumnKind::Unknown);
        assert_eq!(classify("Weight %"), ColumnKind::Unknown);
        assert_eq!(
            classify("Ad spend %"),
            ColumnKind::Field(Field::Input(Input::AdSpend))
        );
        assert_eq!(
            classify("assumptions.postage.standard.us.0_150g.per_kg"),
            ColumnKind::Field(Field::Assumption(
                "postage.standard.US.0_150g.per_kg".to_owned()
            ))
        );
        // An id from before the weight bands names the band it meant.
        assert_eq!(
            classify("assumptions.postage.pop.us.per_kg"),
            ColumnKind::Field(Field::Assumption(
                "postage.standard.US.0_150g.per_kg".to_owned()
            ))
        );
    }

    #[test]
    fn delimiter_counts_outside_quotes() {
        assert_eq!(detect_delimiter(b"\"a;b;c\",d,e", 0), b',');
        assert_eq!(detect_delimiter(b"a;b,c;d", 0), b';');
        assert_eq!(detect_delimiter(b"a\tb\tc", 0), b'\t');
        assert_eq!(detect_delimiter(b"name", 0), b',');
    }
}
