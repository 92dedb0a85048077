//! Reading a dropped file's bytes: never panics; what it accepts is non-blank text within the
//! limit, without a byte-order mark.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(d) = crosscheck::decode::decode(data, 4096) {
        assert!(!d.text.trim().is_empty());
        assert!(!d.text.starts_with('\u{feff}') || data.starts_with(b"\xEF\xBB\xBF\xEF\xBB\xBF"));
    }
});
