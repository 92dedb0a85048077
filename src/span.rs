//! Byte spans into an article and their conversion to UTF-16 for JavaScript.

use serde::Serialize;

/// A half-open range of UTF-8 byte offsets into the analysed text (`start..end`).
///
/// Every span the core produces lies on `char` boundaries, so `&text[span.range()]` never panics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    /// First byte, inclusive.
    pub start: usize,
    /// Last byte, exclusive.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a `Range`, for slicing.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The text the span covers, or `""` if it does not fit `text` (never panics).
    pub fn as_str(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or("")
    }

    /// True when `other` lies inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Converts UTF-8 byte offsets of one text to UTF-16 code unit offsets and back.
///
/// JavaScript strings count UTF-16 units: a curly quote is 3 bytes and 1 unit, an emoji 4 bytes
/// and 2 units. The table keeps one entry per non-ASCII character, so ASCII text costs nothing
/// and a lookup is a binary search.
#[derive(Clone, Debug, Default)]
pub struct Utf16Index {
    marks: Vec<Mark>,
    len_bytes: usize,
}

/// One non-ASCII character.
#[derive(Clone, Copy, Debug)]
struct Mark {
    /// Byte offset where the character starts.
    start: usize,
    /// Its length in bytes (2 to 4).
    len8: u8,
    /// Its length in UTF-16 units (1 or 2).
    len16: u8,
    /// Bytes minus units of the text up to the character's end.
    delta_after: usize,
}

impl Mark {
    fn delta_before(self) -> usize {
        self.delta_after - (self.len8 - self.len16) as usize
    }
    fn unit_start(self) -> usize {
        self.start - self.delta_before()
    }
}

impl Utf16Index {
    /// Builds the index for `text`.
    pub fn new(text: &str) -> Utf16Index {
        let mut marks = Vec::new();
        let mut delta = 0;
        for (start, c) in text.char_indices() {
            let (len8, len16) = (c.len_utf8(), c.len_utf16());
            if len8 > 1 {
                delta += len8 - len16;
                marks.push(Mark {
                    start,
                    len8: len8 as u8,
                    len16: len16 as u8,
                    delta_after: delta,
                });
            }
        }
        Utf16Index {
            marks,
            len_bytes: text.len(),
        }
    }

    /// The UTF-16 offset of the byte offset `byte` (a char boundary; clamped to the text).
    pub fn utf16(&self, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        let k = self
            .marks
            .partition_point(|m| m.start + (m.len8 as usize) <= byte);
        let delta = if k == 0 {
            0
        } else {
            self.marks[k - 1].delta_after
        };
        byte - delta
    }

    /// The byte offset of the UTF-16 offset `unit`, or `None` when it lies past the end or
    /// inside a character (between the two halves of a surrogate pair).
    pub fn byte(&self, unit: usize) -> Option<usize> {
        let k = self
            .marks
            .partition_point(|m| m.unit_start() + (m.len16 as usize) <= unit);
        let delta = if k == 0 {
            0
        } else {
            self.marks[k - 1].delta_after
        };
        if let Some(m) = self.marks.get(k) {
            if m.unit_start() < unit {
                return None;
            }
        }
        let byte = unit + delta;
        (byte <= self.len_bytes).then_some(byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_on_curly_quotes_and_emoji() {
        let text = "“We’ll see,” he said 🙂. Ünïcode 𝄞 ok";
        let idx = Utf16Index::new(text);
        let js: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(idx.utf16(text.len()), js.len());
        for (b, c) in text.char_indices() {
            let u = idx.utf16(b);
            // The unit offset points at the same character in the UTF-16 string.
            let decoded = char::decode_utf16(js[u..].iter().copied())
                .next()
                .unwrap()
                .unwrap();
            assert_eq!(decoded, c, "at byte {b}");
            assert_eq!(idx.byte(u), Some(b));
        }
        // The second half of the emoji's surrogate pair is no char boundary.
        let emoji = text.find('🙂').unwrap();
        assert_eq!(idx.byte(idx.utf16(emoji) + 1), None);
        assert_eq!(idx.byte(js.len() + 1), None);
    }

    #[test]
    fn ascii_is_identity() {
        let idx = Utf16Index::new("plain text");
        assert_eq!(idx.utf16(5), 5);
        assert_eq!(idx.byte(5), Some(5));
    }

    #[test]
    fn span_slicing_never_panics() {
        let text = "“a”";
        assert_eq!(Span::new(0, 3).as_str(text), "“");
        assert_eq!(Span::new(1, 3).as_str(text), "");
        assert_eq!(Span::new(5, 90).as_str(text), "");
    }
}
