//! `analyze` on any text: never panics, every span lies on char boundaries inside the text,
//! the highlight stream is balanced, and the JSON contract's UTF-16 offsets round-trip.
#![no_main]

use crosscheck::highlight::{self, Event};
use crosscheck::Span;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let a = crosscheck::analyze(text);
    let ok = |s: Span| {
        assert!(s.start <= s.end && s.end <= text.len(), "{s:?}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{s:?}");
    };
    a.paragraphs.iter().copied().for_each(ok);
    a.title.into_iter().for_each(ok);
    for q in &a.quotes {
        ok(q.span);
        ok(q.inner);
        q.cue.into_iter().for_each(ok);
        q.speaker_mention.into_iter().for_each(ok);
        assert!(q.speaker.is_none_or(|s| s < a.speakers.len()));
    }
    for c in &a.claims {
        ok(c.span);
        ok(c.marker);
    }
    for s in &a.speakers {
        s.mentions.iter().copied().for_each(ok);
    }
    let marks = highlight::marks(&a);
    for &p in &a.paragraphs {
        let mut depth = 0i64;
        for e in highlight::events(p, &marks) {
            match e {
                Event::Start(_) => depth += 1,
                Event::End => depth -= 1,
                Event::Source(s) => ok(s),
            }
            assert!(depth >= 0);
        }
        assert_eq!(depth, 0);
    }
    // Byte offsets to UTF-16 and back, as they cross into JavaScript.
    let idx = crosscheck::Utf16Index::new(text);
    for q in &a.quotes {
        for b in [q.span.start, q.span.end] {
            assert_eq!(idx.byte(idx.utf16(b)), Some(b));
        }
    }
});
