//! crosscheck finds the direct quotations, their speakers and the disputed claims in news
//! articles, and compares several reports of the same event.
//!
//! The core is pure Rust with no browser dependency: it takes text and returns byte spans.
//! The native CLI (`src/main.rs`) and the browser layer (`web`, compiled for wasm32 only) are
//! thin shells over it.
//!
//! ```
//! let text = "Talks\n\"We will talk about land,\" Trump said.";
//! let a = crosscheck::analyze(text);
//! assert_eq!(a.quotes.len(), 1);
//! let q = &a.quotes[0];
//! assert_eq!(q.span.as_str(text), "\"We will talk about land,\"");
//! assert_eq!(a.speakers[q.speaker.unwrap()].name, "Trump");
//! ```
//!
//! Offsets are UTF-8 bytes everywhere inside Rust ([`Span`]); [`Utf16Index`] converts them for
//! JavaScript, and [`report`] is the JSON contract with both.

mod attribution;
mod claims;
mod lexicon;
mod model;
mod num;
mod quotes;
mod sort;
mod span;
mod text;
mod tokens;

pub mod compare;
pub mod decode;
pub mod highlight;
pub mod html;
pub mod notation;
pub mod report;
pub mod seeds;

pub mod web;

pub use model::{
    Analysis, AttributionRule, Claim, ClaimKind, KindRule, Quote, QuoteKind, Resolution, Speaker,
};
pub use span::{Span, Utf16Index};

/// How a reporting cue frames what it reports, from the lexicon's stance of its verb:
/// `"neutral"` (`said`), `"contested"` (`claimed`, `insisted`), `"counter"` (`denied`) or
/// `"hedged"` (`suggested`); `None` for a cue that is no listed verb (a colon, `according to`).
///
/// ```
/// assert_eq!(crosscheck::cue_stance("insisted"), Some("contested"));
/// assert_eq!(crosscheck::cue_stance("told reporters"), Some("neutral"));
/// assert_eq!(crosscheck::cue_stance(":"), None);
/// ```
pub fn cue_stance(cue: &str) -> Option<&'static str> {
    let lex = lexicon::Lexicon::get();
    let word = cue.split_whitespace().next()?.to_lowercase();
    let verb = lex.verb_of(lex.info(&word))?;
    Some(match verb.stance {
        lexicon::Stance::Neutral => "neutral",
        lexicon::Stance::Contested => "contested",
        lexicon::Stance::Counter => "counter",
        lexicon::Stance::Hedged => "hedged",
    })
}

/// Analyses one article: its title, paragraphs, quotations, speakers and disputed claims.
///
/// Never panics, whatever the input: unbalanced quotation marks are closed at their paragraph's
/// end, and an empty text gives an empty analysis. Line ends may be `\n`, `\r\n` or a lone
/// `\r` (old Mac files): the spans count in `text` as given.
pub fn analyze(text: &str) -> Analysis {
    let text = &*text::unify_line_ends(text);
    let mut a = analyze_flat(text);
    nested_quotes(text, &mut a);
    a
}

/// Every reporting statement the analysis sees in `text` (outside quotations): the subject's
/// words and the reporting verb (or `according to`), in text order. The subjects of these are
/// the speakers that quote nothing; `crosscheck analyze --explain` lists them.
pub fn statements(text: &str) -> Vec<(Span, Span)> {
    let text = &*text::unify_line_ends(text);
    let paragraphs = text::paragraphs(text);
    let found = quotes::find(text, &paragraphs);
    let ctx = attribution::Ctx::new(text, tokens::tokenize(text, &found));
    ctx.statements()
        .iter()
        .map(|st| {
            (
                ctx.span(st.np.start, st.np.end),
                ctx.span(st.verb, st.cue_end),
            )
        })
        .collect()
}

/// The analysis of `text` without looking inside quotations.
fn analyze_flat(text: &str) -> Analysis {
    let paragraphs = text::paragraphs(text);
    let title = text::title(text, &paragraphs);
    let found = quotes::find(text, &paragraphs);
    let toks = tokens::tokenize(text, &found);
    let qtok: Vec<usize> = toks
        .iter()
        .enumerate()
        .filter_map(|(i, t)| matches!(t.kind, tokens::Kind::Quote(_)).then_some(i))
        .collect();
    let ctx = attribution::Ctx::new(text, toks);
    let statements = ctx.statements();
    let mut atts = ctx.attribute(&qtok);
    // Kinds first: a scare quote (a term, a title, a programme's name) never gets a speaker.
    // Quoted words inside what a party is reported as saying are that party's words.
    for (i, a) in atts.iter_mut().enumerate() {
        if a.mention.is_none() {
            let Some(st) = attribution::reported_speech(&ctx, &statements, qtok[i]) else {
                continue;
            };
            if !ctx.is_named_thing(qtok[i]) && !ctx.is_title(qtok[i]) {
                a.mention = Some(st.np);
                a.cue = Some((st.verb, st.cue_end));
                a.partial = true;
                a.rule = Some(if ctx.verb(st.verb).is_some() {
                    AttributionRule::SpeechVerbBefore
                } else {
                    AttributionRule::RemarkOwner
                });
            }
        }
    }
    let kinds: Vec<(QuoteKind, KindRule)> = found
        .iter()
        .zip(&atts)
        .enumerate()
        .map(|(i, (f, a))| {
            let words = f.inner.as_str(text).split_whitespace().count();
            let spoken = a.mention.is_some()
                && matches!(
                    a.rule,
                    Some(
                        AttributionRule::SpeechVerbBefore
                            | AttributionRule::AccordingTo
                            | AttributionRule::RemarkOwner
                    )
                )
                && ctx.is_sayable_term(qtok[i]);
            if ctx.is_named_thing(qtok[i]) || !a.direct && ctx.is_title(qtok[i]) {
                (QuoteKind::Scare, KindRule::Title)
            } else if !a.direct && ctx.is_term(qtok[i]) && spoken {
                (QuoteKind::Partial, KindRule::InReportedSpeech)
            } else if !a.direct && ctx.is_term(qtok[i]) {
                (QuoteKind::Scare, KindRule::Term)
            } else if a.mention.is_none() && words <= 6 {
                (QuoteKind::Scare, KindRule::UnattributedTerm)
            } else if a.partial {
                (QuoteKind::Partial, KindRule::InSentence)
            } else {
                (QuoteKind::Full, KindRule::Speech)
            }
        })
        .collect();
    for (a, k) in atts.iter_mut().zip(&kinds) {
        if k.0 == QuoteKind::Scare {
            *a = attribution::Attribution::default();
        }
    }
    let found_claims = claims::find(&ctx, &statements);
    // Claim holders resolve to entities along with the speakers of quotations.
    let n_quotes = atts.len();
    atts.extend(found_claims.iter().map(|c| attribution::Attribution {
        mention: c.holder.filter(|_| !c.unnamed),
        ..Default::default()
    }));
    let entities = ctx.resolve(&mut atts, &statements);
    let holders = atts.split_off(n_quotes);

    // Speakers: the entities that are the source of a quotation or hold a claim, in order of
    // first mention.
    let mut order: Vec<usize> = (0..entities.len())
        .filter(|&e| entities[e].quoted)
        .collect();
    crate::sort::by_key(&mut order, |&e| {
        entities[e]
            .mentions
            .iter()
            .map(|m| m.start)
            .min()
            .unwrap_or(usize::MAX)
    });
    let mut index = vec![None; entities.len()];
    for (k, &e) in order.iter().enumerate() {
        index[e] = Some(k);
    }
    let speakers: Vec<Speaker> = order
        .iter()
        .map(|&e| {
            let mut mentions = entities[e].mentions.clone();
            crate::sort::sort(&mut mentions);
            mentions.dedup();
            Speaker {
                name: entities[e].name.clone(),
                mentions,
                organisation: entities[e].organisation,
            }
        })
        .collect();

    let quotes: Vec<Quote> = found
        .iter()
        .zip(&atts)
        .enumerate()
        .map(|(i, (f, a))| {
            let (kind, kind_rule) = kinds[i];
            Quote {
                span: f.span,
                inner: f.inner,
                kind,
                speaker: a.entity.and_then(|e| index[e]),
                speaker_mention: a.mention.map(|np| ctx.span(np.start, np.end)),
                cue: a.cue.map(|(s, e)| ctx.span(s, e)),
                closed: f.closed,
                rule: a.rule,
                resolution: a.resolution,
                kind_rule,
            }
        })
        .collect();
    let claims = found_claims
        .iter()
        .zip(&holders)
        .map(|(c, h)| Claim {
            span: c.span,
            holder: if c.reporter {
                Some("reporter".to_string())
            } else if c.unnamed {
                c.holder.map(|np| {
                    let w = ctx.span(np.start, np.end).as_str(text);
                    let w = w
                        .strip_suffix("’s")
                        .or_else(|| w.strip_suffix("'s"))
                        .unwrap_or(w);
                    w.to_string()
                })
            } else {
                h.entity.map(|e| entities[e].name.clone()).or_else(|| {
                    h.mention
                        .map(|np| ctx.span(np.start, np.end).as_str(text).to_string())
                })
            },
            marker: c.marker,
            kind: c.kind,
            rule: c.rule.clone(),
        })
        .collect();
    let mut claims: Vec<Claim> = claims;
    claims.extend(claims_in_quotes(text, &quotes, &speakers));
    // A quotation nested in another is read twice: one claim per marker, its shortest clause.
    sort::by_key(&mut claims, |c| {
        (c.marker.start, c.marker.end, c.span.end - c.span.start)
    });
    claims.dedup_by_key(|c| c.marker);
    sort::by_key(&mut claims, |c| {
        (c.span.start, std::cmp::Reverse(c.span.end))
    });
    Analysis {
        title,
        paragraphs,
        quotes,
        speakers,
        claims,
    }
}

/// Disputed claims inside the quotations of a known speaker: a speaker's own hedge (`"it
/// appears the plan failed," she said`) or a claim the speaker frames (`"they denied the
/// accusation"`). The speaker holds what the words do not give to someone else. Only quotations
/// holding a marker's first word are analysed again.
fn claims_in_quotes(text: &str, quotes: &[Quote], speakers: &[Speaker]) -> Vec<Claim> {
    let mut out = Vec::new();
    for q in quotes {
        let Some(speaker) = q.speaker.and_then(|i| speakers.get(i)) else {
            continue;
        };
        // Whole quoted sentences: quoted words inside the reporter's sentence are too short
        // to carry a claim of their own.
        if q.kind != QuoteKind::Full {
            continue;
        }
        let inner = q.inner.as_str(text);
        // Three words at least: one or two quoted words hold no claim of their own.
        if inner.split_whitespace().nth(2).is_none() || !claims::may_hold_marker(inner) {
            continue;
        }
        let ctx = attribution::Ctx::new(inner, tokens::tokenize(inner, &[]));
        // No statements: inside a quotation the speaker's own hedges are the speaker's.
        for f in claims::find(&ctx, &[]) {
            let shift = |s: Span| Span::new(s.start + q.inner.start, s.end + q.inner.start);
            // The speaker's own hedge or verdict, or "I"/"we": the speaker; "they", "he": someone
            // the quotation does not name; a name or description: its words.
            let holder = if f.reporter {
                Some(speaker.name.clone())
            } else {
                f.holder.and_then(|np| {
                    let words = ctx.span(np.start, np.end).as_str(inner);
                    match np.kind {
                        attribution::NpKind::Pronoun => {
                            matches!(words.to_ascii_lowercase().as_str(), "i" | "we")
                                .then(|| speaker.name.clone())
                        }
                        _ => Some(words.to_string()),
                    }
                })
            };
            out.push(Claim {
                span: shift(f.span),
                holder,
                marker: shift(f.marker),
                kind: f.kind,
                rule: format!(
                    "{}; inside a quotation of {}",
                    f.rule.replace(
                        "holder: the article (no speaker in the sentence)",
                        "holder: the quotation's speaker"
                    ),
                    speaker.name
                ),
            });
        }
    }
    out
}

/// Quotations quoted inside a quotation: a block quoted from another article (`McCrummen
/// reports: "… what she called a “rant,” …"`) or a remark inside a remark of another mark
/// family. The inner text is analysed on its own, with the block's paragraph-opening marks
/// blanked out, and what it finds is added nested in the outer quotation, its speakers merged
/// by name with the article's.
fn nested_quotes(text: &str, a: &mut Analysis) {
    const MARKS: [char; 7] = ['"', '“', '”', '«', '»', '„', '`'];
    let mut added = Vec::new();
    for q in &a.quotes {
        let inner = q.inner.as_str(text);
        if !inner.contains(MARKS) {
            continue;
        }
        // Blank the continuation marks that open each paragraph after the first (same byte
        // length, so the spans found stay valid in the article).
        let mut sub = String::with_capacity(inner.len());
        for (k, line) in inner.split_inclusive('\n').enumerate() {
            let body = line.trim_start();
            let lead = line.len() - body.len();
            match body.chars().next() {
                Some(c) if k > 0 && MARKS.contains(&c) => {
                    sub.push_str(&line[..lead]);
                    sub.extend(std::iter::repeat_n(' ', c.len_utf8()));
                    sub.push_str(&body[c.len_utf8()..]);
                }
                _ => sub.push_str(line),
            }
        }
        let inside = analyze_flat(&sub);
        let shift = |s: Span| Span::new(s.start + q.inner.start, s.end + q.inner.start);
        for iq in inside.quotes {
            let speaker = iq.speaker.and_then(|i| inside.speakers.get(i)).map(|sp| {
                let mentions: Vec<Span> = sp.mentions.iter().map(|&m| shift(m)).collect();
                (sp.name.clone(), sp.organisation, mentions)
            });
            added.push((
                Quote {
                    span: shift(iq.span),
                    inner: shift(iq.inner),
                    speaker_mention: iq.speaker_mention.map(shift),
                    cue: iq.cue.map(shift),
                    speaker: None,
                    ..iq
                },
                speaker,
            ));
        }
    }
    for (mut q, speaker) in added {
        if let Some((name, organisation, mentions)) = speaker {
            let i = match a.speakers.iter().position(|s| s.name == name) {
                Some(i) => i,
                None => {
                    a.speakers.push(Speaker {
                        name,
                        mentions: Vec::new(),
                        organisation,
                    });
                    a.speakers.len() - 1
                }
            };
            let m = &mut a.speakers[i].mentions;
            m.extend(mentions);
            crate::sort::sort(m);
            m.dedup();
            q.speaker = Some(i);
        }
        a.quotes.push(q);
    }
    // Outer quotations before the ones they contain.
    crate::sort::by_key(&mut a.quotes, |q| {
        (q.span.start, std::cmp::Reverse(q.span.end))
    });
}
