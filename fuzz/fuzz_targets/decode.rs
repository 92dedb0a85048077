//! Reading a dropped file's bytes: never panics; what it accepts is non-blank text within the
//! limit.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(d) = crosscheck::decode::decode(data, 4096) {
        assert!(!crosscheck::decode::is_blank(&d.text));
        assert!(data.len() <= 4096);
    }
});
