//! The result of analysing one article: quotations, speakers and disputed claims as byte spans.

use serde::Serialize;

use crate::span::Span;

/// What the core found in one article. All offsets are UTF-8 bytes into the analysed text.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Analysis {
    /// The headline: the first line that reads like one (boilerplate such as "Advertisement"
    /// is skipped), or `None` for an empty text.
    pub title: Option<Span>,
    /// Every non-blank line, in order, without its line break.
    pub paragraphs: Vec<Span>,
    /// Direct quotations in text order.
    pub quotes: Vec<Quote>,
    /// People and organisations that are sources of statements, in order of first mention.
    pub speakers: Vec<Speaker>,
    /// Claims the text presents as contested, countered or hedged, in text order.
    pub claims: Vec<Claim>,
}

impl Analysis {
    /// The first span or index of this analysis of `text` that breaks its invariants,
    /// described; `None` when all hold: every span lies on char boundaries inside `text`, each
    /// quotation's inner span inside it, quotations in order and disjoint or nested, speaker
    /// indices in range, and the highlight stream of every paragraph balanced. [`crate::analyze`]
    /// keeps them on any input; the property tests and the fuzz target check it.
    ///
    /// ```
    /// let text = "Talks\n\"We agree,\" Ana Ruiz said.";
    /// assert_eq!(crosscheck::analyze(text).invalid_span(text), None);
    /// ```
    pub fn invalid_span(&self, text: &str) -> Option<String> {
        let bad = |s: Span| {
            let ok = s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end);
            (!ok).then(|| format!("{s:?} out of {} bytes or inside a char", text.len()))
        };
        let mut spans = self
            .title
            .into_iter()
            .chain(self.paragraphs.iter().copied());
        if let Some(e) = spans.find_map(bad) {
            return Some(e);
        }
        for q in &self.quotes {
            let own = [Some(q.span), Some(q.inner), q.speaker_mention, q.cue];
            if let Some(e) = own.into_iter().flatten().find_map(bad) {
                return Some(format!("quotation: {e}"));
            }
            if !q.span.contains(q.inner) {
                return Some(format!(
                    "quotation {:?}: inner {:?} outside",
                    q.span, q.inner
                ));
            }
            if q.speaker.is_some_and(|s| s >= self.speakers.len()) {
                return Some(format!("quotation {:?}: speaker out of range", q.span));
            }
        }
        if let Some(w) = self
            .quotes
            .windows(2)
            .find(|w| w[0].span.start > w[1].span.start)
        {
            return Some(format!(
                "quotations out of order: {:?} {:?}",
                w[0].span, w[1].span
            ));
        }
        for (i, x) in self.quotes.iter().enumerate() {
            for y in &self.quotes[i + 1..] {
                // In order: once y starts after x ends, so do the rest.
                if y.span.start >= x.span.end {
                    break;
                }
                let nested = x.span.contains(y.span) || y.span.contains(x.span);
                if x.span.overlaps(y.span) && !nested {
                    return Some(format!("quotations overlap: {:?} {:?}", x.span, y.span));
                }
            }
        }
        let mentions = self
            .speakers
            .iter()
            .flat_map(|s| s.mentions.iter().copied());
        let claims = self.claims.iter().flat_map(|c| [c.span, c.marker]);
        if let Some(e) = mentions.chain(claims).find_map(bad) {
            return Some(e);
        }
        let marks = crate::highlight::marks(self);
        for &p in &self.paragraphs {
            let mut depth = 0i64;
            for e in crate::highlight::events(p, &marks) {
                match e {
                    crate::highlight::Event::Start(_) => depth += 1,
                    crate::highlight::Event::End => depth -= 1,
                    crate::highlight::Event::Source(s) => {
                        if let Some(e) = bad(s) {
                            return Some(format!("highlight: {e}"));
                        }
                    }
                }
                if depth < 0 {
                    return Some(format!(
                        "highlights of paragraph {p:?} close more than open"
                    ));
                }
            }
            if depth != 0 {
                return Some(format!("highlights of paragraph {p:?} left open"));
            }
        }
        None
    }
}

/// How a quotation sits in its sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// One or more sentences of speech.
    #[default]
    Full,
    /// Quoted words inside the reporter's own sentence.
    Partial,
    /// A term in quotation marks that nobody is reported as saying.
    Scare,
}

impl QuoteKind {
    /// The contract's name for the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Full => "full",
            QuoteKind::Partial => "partial",
            QuoteKind::Scare => "scare",
        }
    }
}

/// One direct quotation.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Quote {
    /// From the opening mark to the closing mark, both included. A quotation over several
    /// paragraphs is one span; an unclosed one ends at its paragraph's end.
    pub span: Span,
    /// The quoted words without the outer marks.
    pub inner: Span,
    pub kind: QuoteKind,
    /// Index into [`Analysis::speakers`] of the canonical speaker.
    pub speaker: Option<usize>,
    /// The words that attribute the quotation where it stands: a name, a pronoun, a description.
    pub speaker_mention: Option<Span>,
    /// The reporting verb or phrase (`said`, `told reporters`, `according to`, a colon).
    pub cue: Option<Span>,
    /// False when the closing mark is missing and the quotation was cut at its paragraph's end.
    pub closed: bool,
    /// The rule that found the speaker mention, when there is one.
    pub rule: Option<AttributionRule>,
    /// How the mention was resolved to [`Quote::speaker`].
    pub resolution: Option<Resolution>,
    /// Why the quotation has its [`Quote::kind`].
    pub kind_rule: KindRule,
}

/// The rule that gave a quotation its speaker (see `crosscheck analyze --explain`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AttributionRule {
    /// A cue right after the quotation: `"…," said Trump`, `"…," Trump told reporters`.
    CueAfter,
    /// A speech verb before it in the sentence: `Trump said: "…"`, `Peskov said "…"`.
    SpeechVerbBefore,
    /// `according to X` before it in the sentence.
    AccordingTo,
    /// A framing verb before quoted words: `he called it a "disaster"`.
    FrameVerbBefore,
    /// The cue of an earlier quotation of the same sentence: `"A," and "B," she said`.
    EarlierQuoteInSentence,
    /// A cue later in the sentence after a comma: `"…" for the first time, she said`.
    CueLaterInSentence,
    /// The owner of a view or statement whose `that` clause holds the quotation: `agrees with
    /// Lee's view that the plan is "…"`.
    ViewOf,
    /// A colon introduction without a reporting verb: `The memo's headline: "…"`.
    ColonIntroduction,
    /// Quoted words in a sentence whose subject is a person: `Trump's "beautiful" wall`.
    SentenceSubject,
    /// A quotation standing alone continues the speaker of the sentence or paragraph before.
    PreviousSentence,
    /// The owner of a remark named just before the quoted words: `Ruiz's remark about the
    /// "lost decade"`.
    RemarkOwner,
}

impl AttributionRule {
    /// The contract's name for the rule.
    pub fn as_str(self) -> &'static str {
        match self {
            AttributionRule::CueAfter => "cue_after",
            AttributionRule::SpeechVerbBefore => "speech_verb_before",
            AttributionRule::AccordingTo => "according_to",
            AttributionRule::FrameVerbBefore => "frame_verb_before",
            AttributionRule::EarlierQuoteInSentence => "earlier_quote_in_sentence",
            AttributionRule::CueLaterInSentence => "cue_later_in_sentence",
            AttributionRule::ViewOf => "view_of",
            AttributionRule::ColonIntroduction => "colon_introduction",
            AttributionRule::SentenceSubject => "sentence_subject",
            AttributionRule::PreviousSentence => "previous_sentence",
            AttributionRule::RemarkOwner => "remark_owner",
        }
    }
}

/// How the words of a speaker mention were resolved to a speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Resolution {
    /// A name (with or without titles), or a surname of the person last named in full.
    Name,
    /// `he`, `she`, `they`, `it`: the nearest earlier matching subject or name.
    Pronoun,
    /// `the envoy`: the person earlier described with the same words.
    Description,
    /// A description no named person matches: a speaker of its own (`a campaign spokesman`).
    OwnDescription,
    /// `I` outside quotation marks: the article's author.
    Author,
}

impl Resolution {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Resolution::Name => "name",
            Resolution::Pronoun => "pronoun",
            Resolution::Description => "description",
            Resolution::OwnDescription => "own_description",
            Resolution::Author => "author",
        }
    }
}

/// Why a quotation has its kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum KindRule {
    /// Whole sentences of speech with a speaker, or standing on their own.
    #[default]
    Speech,
    /// Quoted words inside the reporter's sentence (lower-case start, or no introducing
    /// comma, colon or verb).
    InSentence,
    /// Six words or fewer that nobody is reported as saying: a term or a phrase as a phrase.
    UnattributedTerm,
    /// A title or name in quotation marks (`"Morning Joe"`), without a cue after it.
    Title,
    /// A term the sentence talks about: `the word "X"`, `filed as "X"`, `30 "X"`,
    /// `a "X" rule`.
    Term,
    /// Quoted words inside what the sentence reports a party as saying (`she insisted the plan
    /// was a "fair deal"`, `what he has called a "normal" thing`): that party's words, a partial
    /// quotation with that speaker, even one word.
    InReportedSpeech,
}

impl KindRule {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            KindRule::Speech => "speech",
            KindRule::InSentence => "in_sentence",
            KindRule::UnattributedTerm => "unattributed_term",
            KindRule::Title => "title",
            KindRule::Term => "term",
            KindRule::InReportedSpeech => "in_reported_speech",
        }
    }
}

/// A person or organisation quoted in the article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Speaker {
    /// The canonical name: the fullest form used in the article (`Donald Trump`).
    pub name: String,
    /// Every mention that refers to this speaker, in text order.
    pub mentions: Vec<Span>,
    /// True for organisations (`the Kremlin`), false for people.
    pub organisation: bool,
}

/// How the text frames a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// A party's assertion marked as such (`claims`, `insists`, `what it calls`).
    Contested,
    /// A claim that contradicts another party's (`denied`, `rejected`, `dismissed`).
    Counter,
    /// Reported with hedging or an unnamed source (`reportedly`, `is said to`, `likely`).
    Hedged,
}

impl ClaimKind {
    /// The contract's name for the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Contested => "contested",
            ClaimKind::Counter => "counter",
            ClaimKind::Hedged => "hedged",
        }
    }
}

/// A disputed claim.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Claim {
    /// The clause or sentence that carries the claim.
    pub span: Span,
    /// Who asserts it, as a canonical name when known; `reporter` when the article itself
    /// hedges or contradicts.
    pub holder: Option<String>,
    /// The words that mark the claim as disputed.
    pub marker: Span,
    pub kind: ClaimKind,
    /// The rule that found it: the marker's lexicon line and how the holder was found (shown by
    /// `crosscheck analyze --explain`; not in the JSON).
    #[serde(skip)]
    pub rule: String,
}
