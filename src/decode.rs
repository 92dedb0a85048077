//! Bytes of a file to article text, with a clear message for what cannot be read.
//!
//! Readers drop whatever they saved: UTF-8 (with or without a byte-order mark), UTF-16 from a
//! Windows editor, Latin-1 from an old page, sometimes a PDF or an image by mistake. [`decode`]
//! turns the first three into text and says what it did ([`Decoded::note`]); a binary file, an
//! empty one or one over the size limit gets a [`DecodeError`] whose message names the problem.
//! The CLI and the page use the same function, so both say the same thing.
//!
//! ```
//! use crosscheck::decode::{decode, Encoding};
//! // "café" in Latin-1: é is the single byte 0xE9.
//! let d = decode(b"caf\xE9", 1 << 20).unwrap();
//! assert_eq!(d.text, "café");
//! assert_eq!(d.encoding, Encoding::Latin1);
//! assert!(decode(b"", 1 << 20).is_err());
//! ```

use std::fmt;

/// How the bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (dropped).
    Utf8Bom,
    /// UTF-16, little-endian, with a byte-order mark.
    Utf16Le,
    /// UTF-16, big-endian, with a byte-order mark.
    Utf16Be,
    /// Not valid UTF-8: read as Windows-1252, the superset of Latin-1 that web pages labelled
    /// Latin-1 really use (bytes 0x80 to 0x9F are curly quotes and dashes there).
    Latin1,
}

/// Text read from bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// How it was read.
    pub encoding: Encoding,
}

impl Decoded {
    /// What the reader should be told about the reading, if anything (`None` for plain UTF-8).
    pub fn note(&self) -> Option<&'static str> {
        match self.encoding {
            Encoding::Utf8 | Encoding::Utf8Bom => None,
            Encoding::Utf16Le => Some("read as UTF-16 (little-endian) and converted to UTF-8"),
            Encoding::Utf16Be => Some("read as UTF-16 (big-endian) and converted to UTF-8"),
            Encoding::Latin1 => {
                Some("not UTF-8: read as Latin-1 (Windows-1252); check accented letters")
            }
        }
    }
}

/// Why bytes could not be read as an article.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecodeError {
    /// No bytes at all.
    Empty,
    /// Only spaces and line breaks.
    Blank,
    /// More bytes than the limit.
    TooLarge {
        /// The size of the input.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// Not text: the name of the format when it is recognised ("PDF", "PNG image", ...).
    Binary(Option<&'static str>),
    /// UTF-16 with a byte-order mark whose units do not form text.
    BadUtf16,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "the file is empty"),
            DecodeError::Blank => write!(f, "the file holds only blank space"),
            DecodeError::TooLarge { bytes, limit } => write!(
                f,
                "too large: {} (at most {})",
                human_size(*bytes),
                human_size(*limit)
            ),
            DecodeError::Binary(Some(kind)) => {
                write!(
                    f,
                    "a {kind} file, not text: save the article as text or HTML first"
                )
            }
            DecodeError::Binary(None) => {
                write!(
                    f,
                    "a binary file, not text: save the article as text or HTML first"
                )
            }
            DecodeError::BadUtf16 => {
                write!(f, "starts like UTF-16 but is not valid UTF-16 text")
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// `1.5 MB`, `200 KB`, `12 bytes` (decimal units, as file managers show them).
pub fn human_size(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        let mb = bytes as f64 / 1_000_000.0;
        if mb.fract() < 0.05 {
            format!("{mb:.0} MB")
        } else {
            format!("{mb:.1} MB")
        }
    } else if bytes >= 1_000 {
        format!("{} KB", bytes.div_ceil(1_000))
    } else {
        format!("{bytes} bytes")
    }
}

/// Magic numbers of formats readers drop by mistake.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP (or Word/OpenDocument)"),
    (b"\xD0\xCF\x11\xE0", "Microsoft Office"),
    (b"\x1F\x8B", "gzip"),
    (b"{\\rtf", "RTF"),
    (b"\x7FELF", "program"),
    (b"\0asm", "WebAssembly"),
];

/// Reads `bytes` as article text: a byte-order mark decides UTF-8 or UTF-16; otherwise valid
/// UTF-8 is UTF-8 and anything else is Latin-1 (Windows-1252). Refuses empty and blank input,
/// input over `limit` bytes, and binary files (a known signature, NUL bytes, or many control
/// characters). Never panics.
pub fn decode(bytes: &[u8], limit: usize) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if bytes.len() > limit {
        return Err(DecodeError::TooLarge {
            bytes: bytes.len(),
            limit,
        });
    }
    let decoded = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Decoded {
            text: String::from_utf8_lossy(rest).into_owned(),
            encoding: Encoding::Utf8Bom,
        }
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        Decoded {
            text: utf16(rest, u16::from_le_bytes)?,
            encoding: Encoding::Utf16Le,
        }
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        Decoded {
            text: utf16(rest, u16::from_be_bytes)?,
            encoding: Encoding::Utf16Be,
        }
    } else {
        if let Some(&(_, kind)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
            return Err(DecodeError::Binary(Some(kind)));
        }
        if looks_binary(bytes) {
            return Err(DecodeError::Binary(None));
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => Decoded {
                text: s.to_owned(),
                encoding: Encoding::Utf8,
            },
            Err(_) => Decoded {
                text: windows_1252(bytes),
                encoding: Encoding::Latin1,
            },
        }
    };
    if is_blank(&decoded.text) {
        return Err(DecodeError::Blank);
    }
    // Bytes without a byte-order mark were checked above; decoded UTF-16 (or UTF-8 after a
    // mark) is checked here.
    let checked = matches!(decoded.encoding, Encoding::Utf8 | Encoding::Latin1);
    if !checked && looks_binary(decoded.text.as_bytes()) {
        return Err(DecodeError::Binary(None));
    }
    Ok(decoded)
}

/// Nothing to read: only whitespace and invisible format characters (byte-order marks,
/// bidirectional marks, zero-width spaces).
pub fn is_blank(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || crate::tokens::is_invisible(c))
}

/// UTF-16 units to a string; an odd trailing byte or an unpaired surrogate is an error.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if bytes.len() % 2 != 0 {
        return Err(DecodeError::BadUtf16);
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| DecodeError::BadUtf16)
}

/// Binary rather than text: a NUL byte in the first 8 KB, or more than one in ten of its bytes
/// control characters other than tab, line feed, carriage return and form feed.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    controls * 10 > head.len()
}

/// Windows-1252: Latin-1 with printable characters in 0x80 to 0x9F (the five unassigned bytes
/// keep their Latin-1 code points, as browsers do).
fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MB: usize = 1 << 20;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("“Yes,” she said.".as_bytes(), MB).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("“Yes,” she said.", Encoding::Utf8)
        );
        assert_eq!(d.note(), None);
        let d = decode(b"\xEF\xBB\xBFHello", MB).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Hello", Encoding::Utf8Bom));
    }

    #[test]
    fn utf16_both_orders() {
        let s = "“Ja,” sagte sie. 😀";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(s.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(s.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let d = decode(&le, MB).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (s, Encoding::Utf16Le));
        assert!(d.note().unwrap().contains("UTF-16"));
        assert_eq!(decode(&be, MB).unwrap().text, s);
        // An odd byte count or a lone surrogate is not text.
        assert_eq!(decode(&le[..le.len() - 1], MB), Err(DecodeError::BadUtf16));
        assert_eq!(
            decode(b"\xFF\xFE\x00\xD8A\x00", MB),
            Err(DecodeError::BadUtf16)
        );
    }

    #[test]
    fn latin1_and_windows_1252() {
        let d = decode(b"\x93Caf\xE9,\x94 he said \x96 twice.", MB).unwrap();
        assert_eq!(d.text, "“Café,” he said – twice.");
        assert_eq!(d.encoding, Encoding::Latin1);
        assert!(d.note().unwrap().contains("Latin-1"));
    }

    #[test]
    fn refusals_name_the_problem() {
        assert_eq!(decode(b"", MB), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\r\n\t ", MB), Err(DecodeError::Blank));
        assert_eq!(decode(b"\xEF\xBB\xBF  ", MB), Err(DecodeError::Blank));
        // A second byte-order mark after the first (found by fuzzing) is nothing to read either.
        assert_eq!(decode(b"\xFF\xFE\xFF\xFE", MB), Err(DecodeError::Blank));
        assert_eq!(
            decode("\u{200b}\u{200f} ".as_bytes(), MB),
            Err(DecodeError::Blank)
        );
        assert_eq!(
            decode(&[b'a'; 11], 10),
            Err(DecodeError::TooLarge {
                bytes: 11,
                limit: 10
            })
        );
        assert_eq!(
            decode(b"%PDF-1.7\n...", MB),
            Err(DecodeError::Binary(Some("PDF")))
        );
        assert_eq!(
            decode(b"text\0with a NUL", MB),
            Err(DecodeError::Binary(None))
        );
        let noisy: Vec<u8> = (0..200u8)
            .map(|i| if i % 4 == 0 { 1 } else { b'x' })
            .collect();
        assert_eq!(decode(&noisy, MB), Err(DecodeError::Binary(None)));
        // UTF-16 that decodes to NULs and controls is binary too.
        assert_eq!(
            decode(b"\xFF\xFE\x01\x00\x02\x00", MB),
            Err(DecodeError::Binary(None))
        );
        let msg = DecodeError::TooLarge {
            bytes: 5_300_000,
            limit: 200_000,
        }
        .to_string();
        assert_eq!(msg, "too large: 5.3 MB (at most 200 KB)");
        assert!(DecodeError::Binary(Some("PNG image"))
            .to_string()
            .contains("PNG image"));
    }

    #[test]
    fn a_few_controls_in_text_are_fine() {
        // A form feed, a stray escape and CRLF line ends are still an article.
        let d = decode(b"Title\r\n\x0cBody text with a stray \x1b escape.\r\n", MB).unwrap();
        assert!(d.text.contains("stray"));
    }

    #[test]
    fn sizes_read_like_a_file_manager() {
        assert_eq!(human_size(12), "12 bytes");
        assert_eq!(human_size(200_000), "200 KB");
        assert_eq!(human_size(1_000_000), "1 MB");
        assert_eq!(human_size(5_300_000), "5.3 MB");
    }
}
