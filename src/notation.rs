//! The compact text notation of what the analysis found, one line per finding, used by the spec
//! tests (`tests/specs/*.txt`) and printed by `crosscheck analyze --format text`:
//!
//! ```text
//! [full] {Ana Ruiz} "The pier stays open,"
//! [scare] {} "reckless"
//! speakers: Ana Ruiz; the council
//! claim [contested] {Ana Ruiz} <insisted>
//! ```
//! A quotation is `[kind] {speaker} text` (`{}` when it has none); `speakers:` lists the
//! speakers' names in order of first mention (`speakers: none` when there are none); a claim is
//! `claim [kind] {holder} <marker>`.

use crate::Analysis;

/// The quotation lines of `a` (over `text`).
pub fn quotes(text: &str, a: &Analysis) -> Vec<String> {
    a.quotes
        .iter()
        .map(|q| {
            let who = q
                .speaker
                .and_then(|s| a.speakers.get(s))
                .map_or("", |s| s.name.as_str());
            format!("[{}] {{{who}}} {}", q.kind.as_str(), q.span.as_str(text))
        })
        .collect()
}

/// The `speakers:` line of `a`.
pub fn speakers(a: &Analysis) -> String {
    if a.speakers.is_empty() {
        return "speakers: none".into();
    }
    let names: Vec<&str> = a.speakers.iter().map(|s| s.name.as_str()).collect();
    format!("speakers: {}", names.join("; "))
}

/// The claim lines of `a` (over `text`).
pub fn claims(text: &str, a: &Analysis) -> Vec<String> {
    a.claims
        .iter()
        .map(|c| {
            format!(
                "claim [{}] {{{}}} <{}>",
                c.kind.as_str(),
                c.holder.as_deref().unwrap_or(""),
                c.marker.as_str(text)
            )
        })
        .collect()
}
