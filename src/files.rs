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

/// At most this many bytes are decoded in one task: a megabyte decodes and crosses into the
/// wasm in a few milliseconds, so no file holds the page for long (a 6.4 MB catalog decoded at
/// once held it ~110 ms).
const STEP_BYTES: u32 = 1 << 20;

/// The chosen `file`, read and decoded ([`decode`]); `None` when the browser could not read it.
pub async fn read(file: &web_sys::File) -> Option<Decoded> {
    let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .ok()?;
    Some(decode(&js_sys::Uint8Array::new(&bytes)).await)
}

/// Decodes a file's bytes: as its byte order mark says, else as UTF-8, else as GB18030, each
/// strictly (a byte sequence the encoding does not allow fails it); text that is in fact binary
/// is refused too. The browser's `TextDecoder` does the decoding, a megabyte a task.
async fn decode(bytes: &js_sys::Uint8Array) -> Decoded {
    let head = bytes.subarray(0, bytes.length().min(4)).to_vec();
    let tries = match cat::sniff(&head) {
        Sniffed::Workbook => return Decoded::Workbook,
        Sniffed::Marked(encoding) => vec![encoding],
        Sniffed::Unmarked(list) => list.to_vec(),
    };
    let text = |text: String, encoding| {
        if cat::looks_binary(&text) {
            Decoded::NotText
        } else {
            Decoded::Text(text, encoding)
        }
    };
    for encoding in tries {
        if let Some(decoded) = decode_as(bytes, encoding, true).await {
            return text(decoded, encoding);
        }
        // UTF-8 with a stray byte or two is UTF-8 (read with a warning), not another encoding.
        if encoding == Encoding::Utf8 {
            let lossy = decode_as(bytes, encoding, false).await;
            if let Some(lossy) = lossy.filter(|t| cat::mostly_utf8(t)) {
                return text(lossy, encoding);
            }
        }
    }
    Decoded::NotText
}

/// `bytes` as text in `encoding`, [`STEP_BYTES`] a task (the decoder carries a character split
/// between two steps over); `None` if `fatal` and a byte sequence is not allowed.
async fn decode_as(bytes: &js_sys::Uint8Array, encoding: Encoding, fatal: bool) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(fatal);
    let decoder =
        web_sys::TextDecoder::new_with_label_and_options(encoding.label(), &options).ok()?;
    let stream = web_sys::TextDecodeOptions::new();
    stream.set_stream(true);
    let length = bytes.length();
    let mut text = String::with_capacity(length as usize);
    let mut at = 0;
    while at < length {
        let end = at.saturating_add(STEP_BYTES).min(length);
        let step = bytes.subarray(at, end);
        text.push_str(
            &decoder
                .decode_with_js_u8_array_and_options(&step, &stream)
                .ok()?,
        );
        at = end;
        if at < length {
            next_task().await;
        }
    }
    text.push_str(&decoder.decode().ok()?);
    Some(text)
}

/// Resolves in a task of its own, after what the browser has queued (a frame to paint, input):
/// [`crate::next_task`], awaited.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        crate::next_task(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
