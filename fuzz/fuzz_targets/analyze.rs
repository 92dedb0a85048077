//! `analyze` on any text: never panics, every span lies on char boundaries inside the text,
//! the highlight stream is balanced, and the JSON contract's UTF-16 offsets round-trip.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let a = crosscheck::analyze(text);
    if let Some(e) = a.invalid_span(text) {
        panic!("{e}");
    }
    // Byte offsets to UTF-16 and back, as they cross into JavaScript.
    let idx = crosscheck::Utf16Index::new(text);
    for q in &a.quotes {
        for b in [q.span.start, q.span.end] {
            assert_eq!(idx.byte(idx.utf16(b)), Some(b));
        }
    }
});
