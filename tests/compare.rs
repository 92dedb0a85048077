//! The comparison of reports (issue: comparing reports): one short, made-up case per kind of
//! quote variant and discrepancy, then the seeds. None of these sentences come from news.

use crosscheck::compare::{compare, Comparison, DiffOp, DiscrepancyKind};
use crosscheck::{analyze, Analysis};

fn run(texts: &[&str]) -> Comparison {
    let analyses: Vec<Analysis> = texts.iter().map(|t| analyze(t)).collect();
    let reports: Vec<(&str, &Analysis)> = texts.iter().copied().zip(&analyses).collect();
    compare(&reports)
}

fn person(c: &Comparison, p: Option<usize>) -> String {
    p.and_then(|p| c.people.get(p))
        .map_or(String::new(), |p| p.name.clone())
}

fn labels(c: &Comparison, kind: DiscrepancyKind) -> Vec<String> {
    c.discrepancies
        .iter()
        .filter(|d| d.kind == kind)
        .map(|d| d.label.clone())
        .collect()
}

#[test]
fn contractions_and_small_synonyms_are_one_utterance() {
    let a = "Strike talks\n\"We'll end the strike at the harbour soon,\" union leader Maria Lopez said.";
    let b =
        "Harbour news\n\"We will conclude the strike at the harbour soon,\" Lopez told reporters.";
    let c = run(&[a, b]);
    assert_eq!(c.quote_groups.len(), 1, "{:#?}", c.quote_groups);
    let g = &c.quote_groups[0];
    assert_eq!(person(&c, g.person), "Maria Lopez");
    assert_eq!(g.members.len(), 2);
    // `We'll` and `We will` agree word for word; `end` and `conclude` differ in the diff.
    let b_diff = &g.members[1].diff;
    assert!(
        b_diff
            .iter()
            .any(|d| d.op == DiffOp::Same && d.text.starts_with("We will")),
        "{b_diff:?}"
    );
    let we = g
        .majority
        .iter()
        .find(|w| w.word.starts_with("We"))
        .unwrap();
    assert_eq!(we.support, 2);
}

#[test]
fn reordered_and_trimmed_wording_still_groups() {
    let a = "Bridge\n\"The old bridge over the river will reopen to traffic in May after repairs,\" said Karl Weiss.";
    let b = "Traffic\n\"After repairs, the old river bridge will reopen in May,\" Karl Weiss said.";
    let c = run(&[a, b]);
    assert_eq!(c.quote_groups.len(), 1);
    assert_eq!(person(&c, c.quote_groups[0].person), "Karl Weiss");
}

#[test]
fn a_quotation_split_in_two_meets_the_whole_one() {
    let whole = "Budget\n\"The new budget protects every school in the valley. Teachers will get their raise in autumn,\" said Governor Ann Price.";
    let split = "Schools\n\"The new budget protects every school in the valley,\" Price said on the radio. \"Teachers will get their raise in autumn.\"";
    let other = "Valley\n\"Teachers will get the raise in autumn, and the budget protects each school in the valley,\" Ann Price said.";
    let c = run(&[whole, split, other]);
    assert_eq!(c.quote_groups.len(), 1, "{:#?}", c.quote_groups);
    let g = &c.quote_groups[0];
    assert_eq!(g.members.len(), 3);
    let m = g.members.iter().find(|m| m.report == 1).unwrap();
    assert_eq!(
        m.quotes,
        [0, 1],
        "the split report's two quotations are one member"
    );
}

#[test]
fn two_remarks_of_one_report_with_like_words_stay_apart() {
    // One report quotes two remarks that share their words ("way too late" early on, "too
    // late" in the closing apology); each other report's rendering joins the closest one.
    let a = "Ferry apology\n\"I acted way too late,\" Mayor Ines Calder said on Monday. \"I am sorry for the delay.\"\nLater she spoke again. \"I acted too late. I failed the island and I regret it.\"";
    let b = "Island\n\"I acted way too late,\" Calder told the council.";
    let c = "Mayor sorry\n\"I acted too late and I regret it,\" said Ines Calder.";
    let cmp = run(&[a, b, c]);
    let groups: Vec<Vec<(usize, Vec<usize>)>> = cmp
        .quote_groups
        .iter()
        .map(|g| {
            g.members
                .iter()
                .map(|m| (m.report, m.quotes.clone()))
                .collect()
        })
        .collect();
    assert!(
        groups.contains(&vec![(0, vec![0]), (1, vec![0])]),
        "{groups:?}"
    );
    assert!(
        groups.contains(&vec![(0, vec![2]), (2, vec![0])]),
        "{groups:?}"
    );
    assert_eq!(groups.len(), 2, "{groups:?}");
}

#[test]
fn a_short_partial_quotation_joins_the_remark_with_its_words_in_order() {
    // "has to stop" could be either remark by its content word; only one has its words in order.
    let a = "Fees\nMayor Ines Calder said the fees would be stopped one way or another. \"They will be stopped within the year,\" she said.\n\"It is absurd. And it has to stop,\" Calder told the council.";
    let b = "Council\nCalder called the fees \"absurd\" and said the practice \"has to stop.\"";
    let cmp = run(&[a, b]);
    let groups: Vec<Vec<(usize, Vec<usize>)>> = cmp
        .quote_groups
        .iter()
        .map(|g| {
            g.members
                .iter()
                .map(|m| (m.report, m.quotes.clone()))
                .collect()
        })
        .collect();
    assert!(
        groups
            .iter()
            .any(|g| g.contains(&(0, vec![1])) && g.iter().any(|(r, q)| *r == 1 && q.contains(&1))),
        "{groups:?}"
    );
    assert!(
        !groups.iter().any(|g| g.contains(&(0, vec![0]))),
        "{groups:?}"
    );
}

#[test]
fn six_words_in_a_row_of_one_speaker_are_one_utterance() {
    let a = "Road\n\"We could fix the road over a few years ― we did not need to rush this,\" Mayor Ines Calder said.";
    let b = "Repairs\n\"We did not need to rush this, but we would rather finish it much sooner,\" Calder said.";
    let cmp = run(&[a, b]);
    assert_eq!(cmp.quote_groups.len(), 1, "{:#?}", cmp.quote_groups);
}

#[test]
fn words_given_to_two_speakers_joined_by_and_meet_each_one() {
    let a = "Storm\nMayor Ines Calder said the town would rebuild. Governor Tom Reyes said the state would pay.\nBoth Calder and Reyes called the storm an \"act of nature\" on Monday.";
    let b = "Rebuilding\n\"It was an act of nature and a test of will,\" Mayor Ines Calder said.";
    let c = "Aid\n\"It was an act of nature,\" Governor Tom Reyes said.";
    let cmp = run(&[a, b, c]);
    let with = |r: usize| {
        cmp.quote_groups.iter().any(|g| {
            g.members.iter().any(|m| m.report == 0) && g.members.iter().any(|m| m.report == r)
        })
    };
    assert!(with(1) && with(2), "{:#?}", cmp.quote_groups);
}

#[test]
fn a_short_partial_quotation_needs_its_words_in_order() {
    // "act of cruelty" is not the proclamation's "the act of hatred and cruelty".
    let a = "Fire\nMayor Ines Calder called the fire an \"act of cruelty\" on Monday.";
    let b = "Flags\nMayor Ines Calder said the flags honour \"the victims of the act of hatred and cruelty on Sunday.\"";
    let cmp = run(&[a, b]);
    assert!(cmp.quote_groups.is_empty(), "{:#?}", cmp.quote_groups);
}

#[test]
fn a_quotation_links_to_its_paraphrase() {
    let a = "Bridge\n\"The old bridge over the river will reopen to traffic in May after repairs,\" said Karl Weiss.";
    let b = "Traffic\nKarl Weiss said the old bridge over the river would reopen to traffic in May.\n\"Repairs are going well,\" Weiss said.\n\"The bridge reopens in May after repairs,\" Weiss added.";
    let c = run(&[a, b]);
    let g = c
        .quote_groups
        .iter()
        .find(|g| g.members.len() == 2)
        .expect("a group");
    assert!(
        g.paraphrases.iter().any(|p| p.report == 1
            && p.span
                .as_str(b)
                .starts_with("Karl Weiss said the old bridge")),
        "{:#?}",
        g.paraphrases
    );
}

#[test]
fn different_titles_of_one_person() {
    let a = "Visit\nFormer Governor Ann Price visited the flooded valley on Friday.\n\"We will rebuild the valley,\" Price said.";
    let b = "Floods\nGovernor Ann Price toured the valley.\n\"We shall rebuild this valley,\" Price said.";
    let c = run(&[a, b]);
    let t = labels(&c, DiscrepancyKind::Title);
    assert_eq!(
        t,
        ["Title of Ann Price: Former Governor (report 0) vs Governor (report 1)"]
    );
    // A nationality or a less specific title is no conflict.
    let d = "Visit\nUS Governor Ann Price visited the valley.\n\"We will rebuild the valley,\" Price said.";
    assert!(labels(&run(&[b, d]), DiscrepancyKind::Title).is_empty());
}

#[test]
fn one_envoy_described_two_ways() {
    let a = "Talks\nJonas Berg, the special envoy for water rights, met farmers.\n\"The canal will be shared,\" Berg said.";
    let b = "Water\nThe trade envoy of the region, Jonas Berg, met farmers.\n\"The canal is to be shared,\" Berg said.";
    let t = labels(&run(&[a, b]), DiscrepancyKind::Title);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].starts_with("Title of Jonas Berg: "), "{t:?}");
}

#[test]
fn weekdays_of_one_statement_differ() {
    let a = "Budget\nGovernor Ann Price said on Monday that the budget plan would cut school funding in the valley.";
    let b = "Schools\nGovernor Ann Price said on Thursday that the budget plan would cut school funding in the valley.";
    let t = labels(&run(&[a, b]), DiscrepancyKind::Date);
    assert_eq!(
        t,
        ["Weekday of a statement by Ann Price: Monday (report 0) vs Thursday (report 1)"]
    );
    // The same day, or a day in one report only, is no conflict.
    let c = "Schools\nGovernor Ann Price said that the budget plan would cut school funding in the valley.";
    assert!(labels(&run(&[a, c]), DiscrepancyKind::Date).is_empty());
}

#[test]
fn dates_of_one_event_differ() {
    let a = "Vote\nThe council vote on the harbour plan led by Karl Weiss is set for June 4.";
    let b = "Harbour\nThe council vote on the harbour plan led by Karl Weiss is set for June 5, officials said.";
    let t = labels(&run(&[a, b]), DiscrepancyKind::Date);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(
        t[0].contains("June 4 (report 0) vs June 5 (report 1)"),
        "{t:?}"
    );
}

#[test]
fn numbers_for_one_quantity_differ() {
    let a = "Mine\nRescue teams found 12 survivors near the collapsed copper mine on Sunday.\nThe mine has a 30-day safety review.";
    let b = "Rescue\nRescue teams found 14 survivors near the collapsed copper mine on Sunday.\nThe mine has a safety review of 30 days.";
    let t = labels(&run(&[a, b]), DiscrepancyKind::Number);
    assert_eq!(t, ["Number of survivors: 12 (report 0) vs 14 (report 1)"]);
}

#[test]
fn the_same_words_from_different_speakers() {
    let a =
        "Project\n\"Our city will never give up on the harbour tunnel project,\" said Karl Weiss.";
    let b =
        "Tunnel\n\"Our city will never give up on the harbour tunnel project,\" said Ann Price.";
    let c = run(&[a, b]);
    let t = labels(&c, DiscrepancyKind::Speaker);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(
        t[0].contains("Karl Weiss (report 0) vs Ann Price (report 1)"),
        "{t:?}"
    );
}

#[test]
fn the_same_quotation_said_on_different_days() {
    let a = "Port\n\"The harbour will stay open all winter,\" Karl Weiss said on Monday.";
    let b = "Winter\n\"The harbour is going to stay open all winter,\" Karl Weiss told a radio station on Friday.";
    let t = labels(&run(&[a, b]), DiscrepancyKind::Date);
    assert!(
        t.iter().any(|l| l.starts_with("Weekday Karl Weiss said")
            && l.contains("Monday (report 0) vs Friday (report 1)")),
        "{t:?}"
    );
}

#[test]
fn coverage_counts_speakers_and_shared_sentences() {
    let a = "Port\n\"The harbour will stay open all winter,\" Karl Weiss said.\nThe council approved the new ferry timetable for the northern islands.";
    let b = "Winter\nThe council approved a new ferry timetable for the northern islands.\nFishing boats returned early because of the storm warnings.";
    let c = run(&[a, b]);
    let row = &c.coverage.speakers[0];
    assert_eq!(person(&c, Some(row.person)), "Karl Weiss");
    assert_eq!(
        (
            row.reports[0].quotes,
            row.reports[0].words,
            row.reports[1].quotes
        ),
        (1, 7, 0)
    );
    let find = |r: usize, start: &str| {
        c.coverage
            .sentences
            .iter()
            .find(|s| s.report == r && s.span.as_str([a, b][r]).starts_with(start))
            .unwrap()
    };
    assert_eq!(find(0, "The council").matches.len(), 1);
    assert_eq!(find(0, "The council").matches[0].report, 1);
    assert!(
        find(1, "Fishing").matches.is_empty(),
        "only one report carries it"
    );
}

#[test]
fn one_report_is_coverage_only_and_nothing_panics() {
    let a = "Port\n\"The harbour will stay open,\" Karl Weiss said.";
    let c = run(&[a]);
    assert!(c.quote_groups.is_empty() && c.discrepancies.is_empty());
    assert!(!c.coverage.sentences.is_empty());
    assert_eq!(run(&[]), Comparison::default());
    for t in [
        "",
        "“",
        "\u{1F642}’s can't… 30-",
        "Mr. . . ?!",
        "ÉÉ “É” É, the É of É, said É.",
        "2025-13-99 March 40 one-",
    ] {
        run(&[t, t, a]);
    }
}

#[test]
fn seeds_group_the_land_and_power_plants_remark() {
    let texts: Vec<&str> = crosscheck::seeds::SEEDS.iter().map(|(_, t)| *t).collect();
    let c = run(&texts);
    let g = c
        .quote_groups
        .iter()
        .find(|g| {
            g.members.iter().any(|m| {
                m.spans
                    .iter()
                    .any(|s| s.as_str(texts[m.report]).contains("power plants"))
            })
        })
        .expect("a power plants group");
    assert!(g.members.len() >= 3, "{:#?}", g.members);
    assert_eq!(person(&c, g.person), "Donald Trump");
    assert!(g
        .majority
        .iter()
        .any(|w| w.word == "land" && w.support >= 3));
    let titles = labels(&c, DiscrepancyKind::Title);
    assert!(
        titles
            .iter()
            .any(|l| l.starts_with("Title of Donald Trump: Former President (report 1)")),
        "{titles:?}"
    );
    let dates = labels(&c, DiscrepancyKind::Date);
    assert!(
        dates.iter().any(|l| l.contains("Alexander Grushko")
            && l.contains("Monday")
            && l.contains("Sunday")),
        "{dates:?}"
    );
}

#[test]
fn seeds_link_a_lone_quotation_to_its_paraphrase() {
    let texts: Vec<&str> = crosscheck::seeds::SEEDS.iter().map(|(_, t)| *t).collect();
    let c = run(&texts);
    assert!(c.paraphrases.iter().any(|p| p.report == 1
        && p.paraphrase.report == 2
        && p.paraphrase
            .span
            .as_str(texts[2])
            .contains("neutral status")));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Whatever the texts, comparing them never panics and every span fits its report.
    #[test]
    fn compare_never_panics(a in "[a-zA-Z0-9 ,.’'\"“”…\\-\n]{0,200}", b in "\\PC{0,120}") {
        let texts = [a.as_str(), b.as_str(), "Port\n\"The harbour will stay open,\" Karl Weiss said on Monday."];
        let c = run(&texts);
        for s in &c.coverage.sentences {
            proptest::prop_assert!(texts[s.report].get(s.span.range()).is_some());
        }
    }
}
