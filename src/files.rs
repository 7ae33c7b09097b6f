//! Reading a file the visitor chose: its bytes decoded as text the way the catalog and the rate
//! sheet both need, by the browser's `TextDecoder`.

use sellercalc_engine::catalog::{self as cat, Encoding, Sniffed};

/// What a chosen file turned out to be.
pub enum Decoded {
    /// Text, and the encoding it was in.
    Text(String, Encoding),
    /// A spreadsheet workbook (a zip), not a CSV.
    Workbook,
    /// Not text in any encoding the page reads.
    NotText,
}

/// Decodes a file's bytes: as its byte order mark says, else as UTF-8, else as GB18030, each
/// strictly (a byte sequence the encoding does not allow fails it); text that is in fact binary
/// is refused too. The browser's `TextDecoder` does the decoding.
pub fn decode(bytes: &js_sys::Uint8Array) -> Decoded {
    let head = bytes.subarray(0, bytes.length().min(4)).to_vec();
    let tries = match cat::sniff(&head) {
        Sniffed::Workbook => return Decoded::Workbook,
        Sniffed::Marked(encoding) => vec![encoding],
        Sniffed::Unmarked(list) => list.to_vec(),
    };
    let decode = |encoding: Encoding, fatal: bool| {
        let options = web_sys::TextDecoderOptions::new();
        options.set_fatal(fatal);
        web_sys::TextDecoder::new_with_label_and_options(encoding.label(), &options)
            .and_then(|decoder| decoder.decode_with_js_u8_array(bytes))
            .ok()
    };
    let text = |text: String, encoding| {
        if cat::looks_binary(&text) {
            Decoded::NotText
        } else {
            Decoded::Text(text, encoding)
        }
    };
    for encoding in tries {
        if let Some(decoded) = decode(encoding, true) {
            return text(decoded, encoding);
        }
        // UTF-8 with a stray byte or two is UTF-8 (read with a warning), not another encoding.
        if encoding == Encoding::Utf8 {
            if let Some(lossy) = decode(encoding, false).filter(|t| cat::mostly_utf8(t)) {
                return text(lossy, encoding);
            }
        }
    }
    Decoded::NotText
}
