//! Telling what a chosen file is before it is read as a catalog: a workbook, text in one of the
//! encodings spreadsheet programs save (UTF-8, UTF-16 by its byte order mark, GB18030/GBK), or
//! something else, refused before any parsing. The decoding itself is the browser's
//! (`TextDecoder`); what is decided here is which decoders to try, in which order, and whether
//! decoded text is text at all.

/// An encoding a catalog file may be in, with the label `TextDecoder` knows it by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte order mark (what "CSV UTF-8" saves).
    Utf8,
    /// UTF-16, little-endian, by its byte order mark (Excel's "Unicode text").
    Utf16Le,
    /// UTF-16, big-endian, by its byte order mark.
    Utf16Be,
    /// GB18030, a superset of GBK and GB2312 (what Chinese spreadsheet programs often save as
    /// "CSV"). Tried only when the bytes are not UTF-8.
    Gb18030,
    /// Windows-1252 (what Excel saves as "CSV" on a Western European Windows). Tried last: every
    /// byte sequence decodes, so it decides nothing by itself; [`looks_binary`] still refuses
    /// binary data.
    Windows1252,
}

impl Encoding {
    /// The label `TextDecoder` takes.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Gb18030 => "gb18030",
            Encoding::Windows1252 => "windows-1252",
        }
    }

    /// The name a person knows it by.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le | Encoding::Utf16Be => "UTF-16",
            Encoding::Gb18030 => "GB18030",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

/// What the first bytes of a file say it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sniffed {
    /// A zip archive: an Excel or OpenDocument workbook (whatever its name says).
    Workbook,
    /// Text that says its encoding with a byte order mark: decode as that, strictly.
    Marked(Encoding),
    /// No mark: try these, in order, each strictly (a decoder that meets a byte sequence its
    /// encoding does not allow fails); if none succeeds the file is not text.
    Unmarked([Encoding; 3]),
}

/// The encodings tried, in order, for a file without a byte order mark.
const UNMARKED: [Encoding; 3] = [Encoding::Utf8, Encoding::Gb18030, Encoding::Windows1252];

/// Whether text decoded as UTF-8 with replacement characters (U+FFFD) for the bytes UTF-8 does
/// not allow is UTF-8 with a few bad bytes (a UTF-8 file with one stray byte from another
/// program), rather than another encoding: it has at least four valid non-ASCII characters for
/// every replacement (GBK or Windows-1252 text read as UTF-8 has about one valid character for ten
/// replacements, the few byte pairs that happen to be UTF-8). Such a file is read as UTF-8, with the warning that some
/// characters could not be read, instead of being read whole as GB18030 (which would garble
/// every name).
pub fn mostly_utf8(lossy: &str) -> bool {
    let (mut valid, mut replaced) = (0usize, 0usize);
    for c in lossy.chars().filter(|c| !c.is_ascii()) {
        if c == '\u{fffd}' {
            replaced += 1;
        } else {
            valid += 1;
        }
    }
    valid > 0 && replaced * 4 <= valid
}

/// What `head` (the first bytes of a file; four are enough) says the file is.
pub fn sniff(head: &[u8]) -> Sniffed {
    match head {
        [b'P', b'K', 3, 4, ..] => Sniffed::Workbook,
        [0xEF, 0xBB, 0xBF, ..] => Sniffed::Marked(Encoding::Utf8),
        [0xFF, 0xFE, ..] => Sniffed::Marked(Encoding::Utf16Le),
        [0xFE, 0xFF, ..] => Sniffed::Marked(Encoding::Utf16Be),
        _ => Sniffed::Unmarked(UNMARKED),
    }
}

/// How much of a decoded text [`looks_binary`] looks at, in characters.
const LOOK_AT: usize = 64 * 1024;

/// Whether decoded text is in fact binary data (an image, an archive, a database…) that happened
/// to decode: it has a NUL character, or more than 1 in 100 of its first 65,536 characters are
/// control characters other than tab, line feed, carriage return and form feed. A spreadsheet's
/// CSV has none of either.
pub fn looks_binary(text: &str) -> bool {
    let mut seen = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(LOOK_AT) {
        seen += 1;
        match c {
            '\0' => return true,
            '\t' | '\n' | '\r' | '\u{c}' => {}
            c if c.is_control() => control += 1,
            _ => {}
        }
    }
    control * 100 > seen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_and_workbooks() {
        assert_eq!(sniff(b"PK\x03\x04rest"), Sniffed::Workbook);
        assert_eq!(sniff(b"\xEF\xBB\xBFName"), Sniffed::Marked(Encoding::Utf8));
        assert_eq!(sniff(b"\xFF\xFEN\0"), Sniffed::Marked(Encoding::Utf16Le));
        assert_eq!(sniff(b"\xFE\xFF\0N"), Sniffed::Marked(Encoding::Utf16Be));
        assert_eq!(sniff(b"Name,Price"), Sniffed::Unmarked(UNMARKED));
        assert_eq!(sniff(b""), Sniffed::Unmarked(UNMARKED));
        assert_eq!(sniff(b"PK"), sniff(b"Name"));
    }

    #[test]
    fn a_stray_byte_in_utf8_is_told_from_another_encoding() {
        assert!(mostly_utf8("陶瓷杯子,1\n玻璃杯,2\n\u{fffd}Lamp,3"));
        assert!(!mostly_utf8("杯\u{fffd}\u{fffd}\u{fffd}\u{fffd}"));
        // GBK bytes read as UTF-8: nearly every non-ASCII character is a replacement.
        assert!(!mostly_utf8(
            "\u{fffd}\u{fffd}\u{fffd}\u{fffd},12.99\n\u{fffd}\u{fffd}"
        ));
        assert!(!mostly_utf8("Name,Price\nMug,12.99\n"));
        assert!(!mostly_utf8("caf\u{fffd},1\n"));
    }

    #[test]
    fn binary_is_told_from_text() {
        assert!(!looks_binary("Name,Price\r\nMug,12.99\n\tLamp,\u{c}9\n"));
        assert!(!looks_binary("名称,价格\n杯子,12.99\n"));
        assert!(!looks_binary(""));
        assert!(looks_binary("Name\0,Price"));
        // One stray control character in a long text is tolerated; many are not.
        let mut text = "a".repeat(1000);
        text.push('\u{1}');
        assert!(!looks_binary(&text));
        let junk: String = (0..1000u32)
            .map(|i| char::from_u32(i % 32 + 1).unwrap_or('x'))
            .collect();
        assert!(looks_binary(&junk));
        // Only the start is looked at.
        let late = format!("{}\u{0}", "a".repeat(LOOK_AT));
        assert!(!looks_binary(&late));
    }
}
