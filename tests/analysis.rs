//! One short, hand-written case for each rule the analysis promises (issue: analysis core).
//! None of these sentences come from the evaluation articles.

use crosscheck::{analyze, Analysis, QuoteKind};

/// `(quoted text, kind, canonical speaker, speaker mention)` of every quotation.
fn quotes(t: &str) -> Vec<(String, QuoteKind, Option<String>, Option<String>)> {
    let a: Analysis = analyze(t);
    a.quotes
        .iter()
        .map(|q| {
            (
                q.span.as_str(t).to_string(),
                q.kind,
                q.speaker.map(|s| a.speakers[s].name.clone()),
                q.speaker_mention.map(|m| m.as_str(t).to_string()),
            )
        })
        .collect()
}

fn speaker_of(t: &str, quote_starts: &str) -> Option<String> {
    quotes(t)
        .into_iter()
        .find(|q| {
            q.0.trim_start_matches(['"', '“', '«', '„', '`', '\'', ' '])
                .starts_with(quote_starts)
        })
        .and_then(|q| q.2)
}

fn mention_of(t: &str, quote_starts: &str) -> Option<String> {
    quotes(t)
        .into_iter()
        .find(|q| {
            q.0.trim_start_matches(['"', '“', '«', '„', '`', '\'', ' '])
                .starts_with(quote_starts)
        })
        .and_then(|q| q.3)
}

const H: &str = "Headline of the story\n";

#[test]
fn cue_after_in_either_order() {
    let t = format!("{H}Mayor Ann Ruiz opened the bridge.\n“It is done,” said Ruiz.\n“It took years,” Ruiz said.");
    assert_eq!(speaker_of(&t, "It is done"), Some("Ann Ruiz".into()));
    assert_eq!(speaker_of(&t, "It took"), Some("Ann Ruiz".into()));
}

#[test]
fn told_reporters_and_interviews() {
    let t = format!("{H}“We are close,” Paul Okafor told reporters aboard the ferry.\nMeanwhile, Lena Brandt confirmed in an interview with a radio station that talks went on. “We keep talking,” acknowledged Brandt.");
    assert_eq!(speaker_of(&t, "We are close"), Some("Paul Okafor".into()));
    assert_eq!(speaker_of(&t, "We keep"), Some("Lena Brandt".into()));
}

#[test]
fn colon_introduction_and_statement() {
    let t = format!("{H}The minister, Karl Haas, stated: “The plan stands.”\nKarl Haas said in a statement that the plan “will not change.”");
    assert_eq!(speaker_of(&t, "The plan stands"), Some("Karl Haas".into()));
    assert_eq!(speaker_of(&t, "will not change"), Some("Karl Haas".into()));
}

#[test]
fn according_to_and_social_media() {
    let t = format!("{H}The deal is “dead on arrival,” according to Senator Mia Long.\n“Shame on them,” Tom Reyes wrote on social media.");
    assert_eq!(speaker_of(&t, "dead on arrival"), Some("Mia Long".into()));
    assert_eq!(speaker_of(&t, "Shame"), Some("Tom Reyes".into()));
}

#[test]
fn cue_inside_the_sentence_with_participle() {
    let t = format!(
        "{H}“We must look at the facts,” Mr. Vance responded, noting that the talks were long."
    );
    assert_eq!(mention_of(&t, "We must"), Some("Mr. Vance".into()));
}

#[test]
fn interrupted_quote_gives_two_with_one_speaker() {
    let t = format!("{H}“We will win,” Dora Kim said, “and we will win soon.”");
    let q = quotes(&t);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].2, Some("Dora Kim".into()));
    assert_eq!(q[1].2, Some("Dora Kim".into()));
    assert_eq!(q[1].3, Some("Dora Kim".into()));
}

#[test]
fn multi_paragraph_quote_is_one_with_one_speaker() {
    let t = format!("{H}Ivo Petrov, the chairman, spoke at length.\n“The first part is about money.\n“The second part is about time,” Petrov said.\nThe meeting ended.");
    let q = quotes(&t);
    assert_eq!(q.len(), 1);
    assert!(q[0].0.contains("money.\n“The second"));
    assert_eq!(q[0].2, Some("Ivo Petrov".into()));
}

#[test]
fn continuation_paragraph_takes_the_previous_speaker() {
    let t = format!("{H}“We are ready,” said Nora Bell, the party leader.\n“Nobody else is.”");
    assert_eq!(speaker_of(&t, "Nobody else"), Some("Nora Bell".into()));
}

#[test]
fn titles_and_appositions_belong_to_the_mention_not_the_name() {
    let t = format!("{H}Kremlin spokesman Dmitry Orlov said “no comment.”\nRussia’s Deputy Foreign Minister, Ivan Sokol, said: “We will insist.”\n“Good,” Mr. Sokol added.");
    assert_eq!(speaker_of(&t, "no comment"), Some("Dmitry Orlov".into()));
    assert_eq!(
        mention_of(&t, "no comment"),
        Some("Kremlin spokesman Dmitry Orlov".into())
    );
    assert_eq!(speaker_of(&t, "We will insist"), Some("Ivan Sokol".into()));
    assert_eq!(speaker_of(&t, "Good"), Some("Ivan Sokol".into()));
}

#[test]
fn pronouns_resolve_to_the_person() {
    let t = format!("{H}Senator Rosa Diaz visited the plant on Monday.\n“It is safe,” she said.\nThe engineer Mr. Lin disagreed. “It is not,” he said.");
    assert_eq!(speaker_of(&t, "It is safe"), Some("Rosa Diaz".into()));
    assert_eq!(mention_of(&t, "It is safe"), Some("she".into()));
    assert_eq!(speaker_of(&t, "It is not"), Some("Lin".into()));
}

#[test]
fn descriptions_resolve_to_the_person_they_describe() {
    let t = format!("{H}The talks were led by US envoy Sam Hart on Friday.\n“We made progress,” the envoy said.");
    assert_eq!(speaker_of(&t, "We made"), Some("Sam Hart".into()));
    assert_eq!(mention_of(&t, "We made"), Some("the envoy".into()));
}

#[test]
fn canonical_name_is_the_fullest() {
    let t =
        format!("{H}President Maria Sanz arrived.\n“Hello,” Sanz said.\n“Goodbye,” said Ms. Sanz.");
    let a = analyze(&t);
    assert_eq!(a.speakers.len(), 1);
    assert_eq!(a.speakers[0].name, "Maria Sanz");
    assert!(a.speakers[0].mentions.len() >= 2);
}

#[test]
fn organisations_speak() {
    let t = format!("{H}“The call went well,” the White House said.\nThe Russian Defense Ministry said it had “intercepted 31 drones.”");
    assert_eq!(speaker_of(&t, "The call"), Some("White House".into()));
    assert_eq!(
        speaker_of(&t, "intercepted"),
        Some("Russian Defense Ministry".into())
    );
    let a = analyze(&t);
    assert!(a.speakers.iter().all(|s| s.organisation));
}

#[test]
fn kinds_full_partial_scare() {
    let t = format!("{H}Omar Said said “we never get ahead of events.”\n“We will see,” said Omar Said.\nEuropean leaders met as a “coalition of the willing.”");
    let q = quotes(&t);
    assert_eq!(q[0].1, QuoteKind::Partial);
    assert_eq!(q[1].1, QuoteKind::Full);
    assert_eq!(q[2].1, QuoteKind::Scare);
    assert_eq!(q[2].2, None);
}

#[test]
fn every_mark_style_is_attributed() {
    for (open, close) in [
        ("\"", "\""),
        ("“", "”"),
        ("''", "''"),
        ("``", "''"),
        ("« ", " »"),
        ("„", "“"),
    ] {
        let t = format!("{H}{open}We agree,{close} said Jan Novak.");
        assert_eq!(
            speaker_of(&t, "We agree"),
            Some("Jan Novak".into()),
            "{open}…{close}"
        );
    }
}

#[test]
fn apostrophes_do_not_break_quotes() {
    let t = format!("{H}“Ukraine’s future and the ’90s and rock ’n’ roll, as he put it, ‘stay with us,’” said Lev Orr.");
    let q = quotes(&t);
    assert_eq!(q.len(), 1);
    assert!(q[0].0.ends_with("us,’”"));
    assert_eq!(q[0].2, Some("Lev Orr".into()));
}

#[test]
fn unbalanced_marks_recover_at_paragraph_end() {
    let t = format!("{H}Kai Moss said “this never closes.\nA new paragraph, “with its own quote,” said Kai Moss.\nStray” marks » and \" alone.");
    let a = analyze(&t);
    assert!(a.quotes.len() >= 2);
    assert!(!a.quotes[0].closed);
    assert!(
        a.quotes[0].span.as_str(&t).ends_with("never closes."),
        "cut at the paragraph end"
    );
    let second = a
        .quotes
        .iter()
        .find(|q| q.span.as_str(&t).contains("with its own"))
        .unwrap();
    assert!(second.closed);
}

#[test]
fn passive_with_agent_and_quoted_as_saying() {
    let t = format!("{H}“We will demand guarantees,” the paper quoted Mr. Grushin as saying.");
    assert_eq!(mention_of(&t, "We will demand"), Some("Mr. Grushin".into()));
}

#[test]
fn headline_capitals_are_not_names() {
    let t = "Leader Says Talks With Rivals Go Well Today\n“Talks go well,” said Ana Ruiz.";
    let a = analyze(t);
    assert_eq!(
        a.speakers
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>(),
        ["Ana Ruiz"]
    );
}

#[test]
fn common_wire_patterns() {
    let t = format!(
        "{H}\"We are not going to stop,\" the official said, speaking on condition of anonymity.\n\
         \"It is a mess,\" said Maria Lopez, a resident of the town, who has lived there for years.\n\
         In a statement, the company said: \"We regret the error.\"\n\
         Asked whether the plan would work, Johnson said: \"Time will tell.\"\n\
         According to a spokeswoman for the agency, the rule \"remains under review.\"\n\
         The report, released Monday, found that costs had \"ballooned beyond control.\"\n\
         White House press secretary Tara Lind said Tuesday that the president \"has been clear.\""
    );
    assert_eq!(mention_of(&t, "We are not"), Some("the official".into()));
    assert_eq!(speaker_of(&t, "It is a mess"), Some("Maria Lopez".into()));
    assert_eq!(mention_of(&t, "We regret"), Some("the company".into()));
    assert_eq!(speaker_of(&t, "Time will"), Some("Johnson".into()));
    assert_eq!(
        mention_of(&t, "remains under"),
        Some("a spokeswoman for the agency".into())
    );
    assert_eq!(mention_of(&t, "ballooned"), Some("The report".into()));
    assert_eq!(
        mention_of(&t, "has been clear"),
        Some("White House press secretary Tara Lind".into())
    );
    assert_eq!(speaker_of(&t, "has been clear"), Some("Tara Lind".into()));
}

#[test]
fn nouns_that_look_like_reporting_verbs_are_not_cues() {
    // "quotes" and "claims" after a determiner or possessive are nouns.
    let t = format!(
        "{H}The profile used one of the woman’s quotes as its title: “Finally, someone like me.”"
    );
    assert_eq!(mention_of(&t, "Finally"), Some("The profile".into()));
}

#[test]
fn titles_in_quotation_marks_are_not_quotations() {
    let t = format!("{H}Mr. Hale told the “Morning Hour” program that he would run.\nHe called the rival “Little Ben” and “Sleepy Ben.”");
    let q = quotes(&t);
    assert_eq!(q[0].1, QuoteKind::Scare, "a show's name");
    assert_eq!(
        q[1].1,
        QuoteKind::Partial,
        "a nickname someone is quoted as using"
    );
    assert_eq!(
        q[2].1,
        QuoteKind::Partial,
        "coordinated with the one before"
    );
    assert_eq!(q[2].2, Some("Hale".into()));
}

#[test]
fn quotations_inside_a_block_quotation_are_found_nested() {
    let t = format!(
        "{H}The paper’s reporter Ada Vos writes:\n\
         \"The first time she saw him, she was sure. She had called it a “turning point,” she said.\n\
         \"Later she told friends, “It is over.” Nobody argued.\"\nThe end."
    );
    let a = analyze(&t);
    let outer = a
        .quotes
        .iter()
        .find(|q| q.span.as_str(&t).starts_with("\"The first"))
        .unwrap();
    assert!(
        outer.span.as_str(&t).ends_with("Nobody argued.\""),
        "the block runs over both paragraphs"
    );
    let inner: Vec<&str> = a
        .quotes
        .iter()
        .filter(|q| outer.span.contains(q.span) && q.span != outer.span)
        .map(|q| q.span.as_str(&t))
        .collect();
    assert_eq!(inner, ["“turning point,”", "“It is over.”"]);
    let over = a
        .quotes
        .iter()
        .find(|q| q.span.as_str(&t) == "“It is over.”")
        .unwrap();
    assert_eq!(over.speaker_mention.map(|m| m.as_str(&t)), Some("she"));
    assert_eq!(a.speakers[outer.speaker.unwrap()].name, "Ada Vos");
}

#[test]
fn pronouns_respect_the_gender_of_first_names() {
    let t = format!("{H}Laura Finch said the vote was close, and her husband Kevin Finch agreed.\nKevin Finch later left the hall. “We will win,” she said.");
    assert_eq!(speaker_of(&t, "We will win"), Some("Laura Finch".into()));
}

#[test]
fn coordinated_verbs_and_colons_take_the_nearest_subject() {
    let t = format!("{H}Years ago, when my aunt asked me about it, I laughed and said, “It is a myth.”\nShe was upset, so I had to change my answer: “It is real.”");
    assert_eq!(mention_of(&t, "It is a myth"), Some("I".into()));
    assert_eq!(mention_of(&t, "It is real"), Some("I".into()));
}

#[test]
fn progressive_is_not_passive_and_my_is_a_determiner() {
    let t = format!("{H}Senator Ida Crane is telling voters that the fund is “depleted.”\n“We live in hard times,” my father often said.\nThe plan was described by Ida Crane as “bold.”");
    assert_eq!(speaker_of(&t, "depleted"), Some("Ida Crane".into()));
    assert_eq!(mention_of(&t, "We live"), Some("my father".into()));
    assert_eq!(speaker_of(&t, "bold"), Some("Ida Crane".into()));
}

#[test]
fn they_and_it_resolve_to_the_group_opening_the_sentence() {
    let t = format!("{H}The Lopez campaign is seeking to contrast her approach with what they call Mr. Hale’s “self-centered message.”");
    assert_eq!(mention_of(&t, "self-centered"), Some("they".into()));
    assert_eq!(
        speaker_of(&t, "self-centered"),
        Some("The Lopez campaign".into())
    );
}
