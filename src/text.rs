//! Paragraphs, titles and other plain-text structure.

use std::borrow::Cow;

use crate::span::Span;

/// `text` with each lone `\r` (a line end of old Mac files) turned into `\n`, the one line end
/// the analysis splits on. The replacement has the same length, so every span found in the
/// result is a span of `text` too. Borrows when there is nothing to change.
pub fn unify_line_ends(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let lone = |i: usize| b[i] == b'\r' && b.get(i + 1) != Some(&b'\n');
    if !b.contains(&b'\r') || !(0..b.len()).any(lone) {
        return Cow::Borrowed(text);
    }
    let mut bytes = b.to_vec();
    for (i, byte) in bytes.iter_mut().enumerate() {
        if lone(i) {
            *byte = b'\n';
        }
    }
    // Only ASCII bytes changed, for ASCII bytes: still UTF-8.
    Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_owned()))
}

/// Every non-blank line of `text`, trimmed of surrounding whitespace (a `\r\n` ending too).
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let s = trim_span(text, Span::new(start, end));
        if !s.is_empty() {
            out.push(s);
        }
        start = end;
    }
    out
}

/// `span` without leading and trailing whitespace.
pub fn trim_span(text: &str, span: Span) -> Span {
    let s = span.as_str(text);
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    Span::new(span.start + lead, span.start + lead + t.len())
}

/// The headline: the first paragraph of three words or more (page furniture such as
/// "Advertisement" or a lone "X" comes before some headlines), else the first paragraph.
pub fn title(text: &str, paragraphs: &[Span]) -> Option<Span> {
    paragraphs
        .iter()
        .take(6)
        .find(|p| p.as_str(text).split_whitespace().count() >= 3)
        .or(paragraphs.first())
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_skip_blank_lines_and_trim() {
        let t = "Title\r\n\n  First para.  \nSecond\n";
        let p: Vec<&str> = paragraphs(t).iter().map(|s| s.as_str(t)).collect();
        assert_eq!(p, ["Title", "First para.", "Second"]);
    }

    #[test]
    fn lone_carriage_returns_end_lines_and_keep_offsets() {
        let t = "One\rTwo\r\nThree\r";
        let u = unify_line_ends(t);
        assert_eq!(u, "One\nTwo\r\nThree\n");
        assert_eq!(u.len(), t.len());
        assert!(matches!(unify_line_ends("a\r\nb\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn title_skips_page_furniture() {
        let t = "Advertisement\nX\n\nTrump and Putin talk\nBody text here.";
        let p = paragraphs(t);
        assert_eq!(title(t, &p).unwrap().as_str(t), "Trump and Putin talk");
        assert_eq!(title("", &paragraphs("")), None);
        let short = "Short\nok";
        assert_eq!(
            title(short, &paragraphs(short)).unwrap().as_str(short),
            "Short"
        );
    }
}
