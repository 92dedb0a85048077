//! The browser layer in a real browser (headless Chromium through wasm-bindgen-test-runner and
//! chromedriver): `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use crosscheck::highlight;
use crosscheck::web::state::{Msg, Selection, State, Target};
use crosscheck::web::{render, App, Report};
use crosscheck::{Analysis, Claim, ClaimKind, Quote, QuoteKind, Span, Speaker};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into::<Element>().unwrap())
        .collect()
}

fn content(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

/// The headline as `text::title` defines it: the first line of three words or more.
fn expected_title(seed: &str) -> &str {
    seed.lines()
        .map(str::trim)
        .find(|l| l.split_whitespace().count() >= 3)
        .unwrap()
}

#[wasm_bindgen_test]
fn seeds_render_as_five_columns_with_titles_and_paragraphs() {
    let doc = doc();
    let root = doc.create_element("main").unwrap();
    let _app = App::mount(&doc, &root, State::seeds()).unwrap();

    let columns = all(&root, "[data-report]");
    assert_eq!(columns.len(), 5);
    for (i, (col, (_, seed))) in columns.iter().zip(crosscheck::seeds::SEEDS).enumerate() {
        assert_eq!(
            col.get_attribute("data-report").as_deref(),
            Some(i.to_string().as_str())
        );
        let h2 = all(col, "h2");
        assert_eq!(h2.len(), 1, "one heading in column {i}");
        assert_eq!(content(&h2[0]), expected_title(seed));
        // Every other non-blank line is a <p> of its own, in order.
        let paras: Vec<String> = all(col, ".report-body > p").iter().map(content).collect();
        let lines: Vec<&str> = seed
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && *l != expected_title(seed))
            .collect();
        assert_eq!(paras, lines, "paragraphs of column {i}");
    }
    // Seed 004 opens with page furniture before its headline.
    assert_eq!(all(&columns[4], "p.furniture").len(), 2);
}

#[wasm_bindgen_test]
fn highlights_become_nested_elements_with_data_kind() {
    let text = "Peace \"We will talk about land,\" Trump said, and Moscow reportedly agreed.";
    let at = |s: &str| {
        let start = text.find(s).unwrap();
        Span::new(start, start + s.len())
    };
    let analysis = Analysis {
        title: None,
        paragraphs: vec![Span::new(0, text.len())],
        quotes: vec![Quote {
            span: at("\"We will talk about land,\""),
            inner: at("We will talk about land,"),
            kind: QuoteKind::Full,
            speaker: Some(0),
            speaker_mention: Some(at("Trump")),
            cue: Some(at("said")),
            closed: true,
            ..Default::default()
        }],
        speakers: vec![Speaker {
            name: "Trump".into(),
            mentions: vec![at("Trump")],
            organisation: false,
        }],
        claims: vec![Claim {
            span: at("Moscow reportedly agreed"),
            holder: None,
            marker: at("reportedly"),
            kind: ClaimKind::Hedged,
            rule: String::new(),
        }],
    };
    let doc = doc();
    let marks = highlight::marks(&analysis);
    let mut report = Report::new("a.txt", text);
    report.analysis = analysis.clone();
    let state = State::new(vec![report]);
    let ctx = render::TextCtx::new(&state, 0);
    let p = doc.create_element("p").unwrap();
    let mut targets = Default::default();
    render::highlighted(
        &doc,
        &p,
        &state,
        0,
        analysis.paragraphs[0],
        &marks,
        &ctx,
        &mut targets,
    )
    .unwrap();

    assert_eq!(content(&p), text, "the paragraph keeps its text exactly");
    let kinds: Vec<(String, String, String)> = all(&p, "[data-kind]")
        .iter()
        .map(|e| {
            (
                e.tag_name().to_lowercase(),
                e.get_attribute("data-kind").unwrap(),
                content(e),
            )
        })
        .collect();
    let expect = [
        ("mark", "quote", "\"We will talk about land,\""),
        ("span", "speaker", "Trump"),
        ("span", "cue", "said"),
        ("mark", "claim", "Moscow reportedly agreed"),
        ("span", "marker", "reportedly"),
    ];
    let expect: Vec<(String, String, String)> = expect
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(kinds, expect);
    // The marker sits inside its claim, and both name the claim's index.
    let marker = p.query_selector("[data-kind=marker]").unwrap().unwrap();
    let claim = marker.parent_element().unwrap();
    assert_eq!(claim.get_attribute("data-kind").as_deref(), Some("claim"));
    assert_eq!(
        claim.get_attribute("data-claim-kind").as_deref(),
        Some("hedged")
    );
    assert_eq!(marker.get_attribute("data-claim").as_deref(), Some("0"));
    let quote = p.query_selector("[data-kind=quote]").unwrap().unwrap();
    assert_eq!(
        quote.get_attribute("data-quote-kind").as_deref(),
        Some("full")
    );
}

#[wasm_bindgen_test]
fn markup_in_article_text_stays_text() {
    let evil = "<img src=x onerror=\"window.__pwned=1\"> <script>window.__pwned=2</script>\n\
                Body with <b>tags</b> & entities &amp; \"<i>quoted</i>\" said Eve.";
    let doc = doc();
    let root = doc.create_element("div").unwrap();
    // The body must be in the document for an <img> to try loading.
    doc.body().unwrap().append_child(&root).unwrap();
    let mut report = Report::new("evil.txt", evil);
    // Highlight across the markup as well, so the mark path is exercised with it.
    let start = evil.find("\"<i>").unwrap();
    let end = evil.find("</i>\"").unwrap() + 5;
    report.analysis.quotes.push(Quote {
        span: Span::new(start, end),
        inner: Span::new(start + 1, end - 1),
        kind: QuoteKind::Partial,
        speaker: None,
        speaker_mention: None,
        cue: None,
        closed: true,
        ..Default::default()
    });
    let _app = App::mount(&doc, &root, State::new(vec![report])).unwrap();

    for tag in ["img", "script", "b", "i"] {
        assert!(all(&root, tag).is_empty(), "no <{tag}> element was created");
    }
    let h2 = all(&root, "h2");
    assert_eq!(
        content(&h2[0]),
        "<img src=x onerror=\"window.__pwned=1\"> <script>window.__pwned=2</script>"
    );
    let p = all(&root, ".report-body > p");
    assert_eq!(
        content(&p[0]),
        "Body with <b>tags</b> & entities &amp; \"<i>quoted</i>\" said Eve."
    );
    let quote = all(&root, "[data-kind=quote]");
    assert_eq!(content(&quote[0]), "\"<i>quoted</i>\"");
    // Every element in the paragraph is a highlight or a sentence wrapper the page made.
    for e in all(&p[0], "*") {
        assert!(
            e.has_attribute("data-kind")
                || e.has_attribute("data-sentence")
                || e.has_attribute("data-disc")
                || e.has_attribute("data-mention"),
            "unexpected element {:?}",
            e.tag_name()
        );
    }
    let pwned = js_sys_get(&web_sys::window().unwrap(), "__pwned");
    assert!(pwned.is_undefined());
    root.remove();
}

/// `window[name]`, without a js-sys dependency.
fn js_sys_get(window: &web_sys::Window, name: &str) -> wasm_bindgen::JsValue {
    let obj: &wasm_bindgen::JsValue = window.as_ref();
    web_sys::js_sys::Reflect::get(obj, &name.into()).unwrap()
}

#[wasm_bindgen_test]
fn clicking_a_highlight_selects_it() {
    let text = "\"Yes,\" he said.";
    let mut report = Report::new("a.txt", text);
    report.analysis.quotes.push(Quote {
        span: Span::new(0, 6),
        inner: Span::new(1, 5),
        kind: QuoteKind::Full,
        speaker: None,
        speaker_mention: None,
        cue: None,
        closed: true,
        ..Default::default()
    });
    let doc = doc();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let app = App::mount(&doc, &root, State::new(vec![report])).unwrap();
    let quote = all(app.root(), "[data-kind=quote]").remove(0);
    quote.dyn_ref::<HtmlElement>().unwrap().click();
    assert!(quote.class_list().contains("selected"));
    all(&root, "h2")[0]
        .dyn_ref::<HtmlElement>()
        .unwrap()
        .click();
    assert!(!quote.class_list().contains("selected"));
    // Once the app is dropped its listener is gone.
    drop(app);
    quote.dyn_ref::<HtmlElement>().unwrap().click();
    assert!(!quote.class_list().contains("selected"));
    root.remove();
}

#[wasm_bindgen_test]
fn main_shows_an_error_in_the_page_when_the_root_is_missing() {
    // The test page has no #reports element, so start() fails and run() must say so visibly.
    crosscheck::web::run();
    let status = doc()
        .get_element_by_id(crosscheck::web::app::STATUS_ID)
        .expect("a status line");
    assert!(!status.has_attribute("hidden"));
    assert_eq!(status.get_attribute("role").as_deref(), Some("alert"));
    assert!(content(&status).contains("reports"), "{}", content(&status));
    status.remove();
}

/// The JSON contract as JS objects: UTF-16 offsets index the JavaScript string itself.
#[wasm_bindgen_test]
fn analyze_report_gives_js_the_contract_with_utf16_offsets() {
    use js_sys::Reflect;
    let text = "Talks in Moscow 🙂\n“We’ll see,” said Anna Berg 🙂.";
    let v = crosscheck::web::api::analyze_report("x.txt", text).unwrap();
    let get = |o: &wasm_bindgen::JsValue, k: &str| Reflect::get(o, &k.into()).unwrap();
    assert_eq!(get(&v, "file").as_string().unwrap(), "x.txt");
    let quotes = js_sys::Array::from(&get(&v, "quotes"));
    assert_eq!(quotes.length(), 1);
    let q = quotes.get(0);
    assert_eq!(get(&q, "speaker").as_string().unwrap(), "Anna Berg");
    let js = js_sys::JsString::from(text);
    let (a, b) = (
        get(&q, "start_utf16").as_f64().unwrap() as u32,
        get(&q, "end_utf16").as_f64().unwrap() as u32,
    );
    assert_eq!(String::from(js.substring(a, b)), "“We’ll see,”");
    assert_eq!(get(&q, "text").as_string().unwrap(), "“We’ll see,”");
}

/// The seeds compared in the browser: the same contract as the CLI, comparison included.
#[wasm_bindgen_test]
fn analyze_reports_compares_the_seeds() {
    use js_sys::Reflect;
    let seeds = crosscheck::seeds::SEEDS;
    let files: Vec<String> = seeds.iter().map(|(f, _)| f.to_string()).collect();
    let texts: Vec<String> = seeds.iter().map(|(_, t)| t.to_string()).collect();
    let v = crosscheck::web::api::analyze_reports(files, texts).unwrap();
    let get = |o: &wasm_bindgen::JsValue, k: &str| Reflect::get(o, &k.into()).unwrap();
    assert_eq!(js_sys::Array::from(&get(&v, "reports")).length(), 5);
    let comparison = get(&v, "comparison");
    let groups = js_sys::Array::from(&get(&comparison, "quote_groups"));
    assert!(groups.length() >= 3);
    let first = groups.get(0);
    assert_eq!(get(&first, "speaker").as_string().unwrap(), "Donald Trump");
    let discrepancies = js_sys::Array::from(&get(&comparison, "discrepancies"));
    assert!(discrepancies.length() >= 1);
    assert!(crosscheck::web::api::analyze_reports(vec!["a".into()], vec![]).is_err());
}

/// Mounts the seeds into a fresh element in the document (so clicks and layout work).
fn mounted_seeds() -> (Element, App) {
    let doc = doc();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let app = App::mount(&doc, &root, State::seeds()).unwrap();
    (root, app)
}

fn click(e: &Element) {
    e.dyn_ref::<HtmlElement>().unwrap().click();
}

#[wasm_bindgen_test]
fn a_quote_click_emphasises_its_group_and_fills_the_panel_without_rebuilding_the_columns() {
    let (root, app) = mounted_seeds();
    let columns = all(&root, "[data-report]");
    assert_eq!(columns.len(), 5);
    let land = all(&columns[0], "[data-kind=quote]")
        .into_iter()
        .find(|q| content(q).contains("power plants"))
        .expect("the land-and-power-plants quote in report 0");
    click(&land);
    assert!(land.class_list().contains("selected"));
    // The same column elements, now with emphasised members in at least three other reports.
    let after = all(&root, "[data-report]");
    for (a, b) in columns.iter().zip(&after) {
        assert!(
            a.is_same_node(Some(b)),
            "columns are not rebuilt by a selection"
        );
    }
    let with_members = after
        .iter()
        .filter(|c| !all(c, "[data-kind=quote].emph").is_empty())
        .count();
    assert!(with_members >= 4, "{with_members} columns emphasised");
    let panel = root.query_selector("#panel-body").unwrap().unwrap();
    let variants = all(&panel, ".variants li");
    assert!(variants.len() >= 4, "{} variants", variants.len());
    assert!(
        !all(&panel, "ins, del").is_empty(),
        "the word diff is shown"
    );
    // A variant jumps: it carries a message for its report.
    let jump = all(&panel, ".variants .jump")[1]
        .get_attribute("data-msg")
        .unwrap();
    assert!(jump.starts_with("jump:"), "{jump}");
    // Escape clears every emphasis.
    app.send(Msg::Clear);
    assert!(all(&root, ".emph, .selected").is_empty());
    drop(app);
    root.remove();
}

#[wasm_bindgen_test]
fn a_speaker_click_and_a_discrepancy_emphasise_across_columns() {
    let (root, app) = mounted_seeds();
    let trump = all(&root, "[data-report=\"0\"] [data-kind=speaker]")
        .into_iter()
        .find(|s| content(s).contains("Trump"))
        .expect("a Trump mention in report 0");
    click(&trump);
    assert!(matches!(app.view().selection, Some(Selection::Person(_))));
    let columns = all(&root, "[data-report]");
    assert!(columns.iter().all(|c| !all(c, ".emph").is_empty()));
    // Every mention of the person, quoting or not, in every column.
    assert!(columns.iter().all(|c| !all(c, ".mention.emph").is_empty()));
    let mentions = all(&columns[0], ".mention.emph");
    assert!(mentions
        .iter()
        .all(|m| content(m).contains("Trump") || content(m).len() < 40));
    assert!(
        !all(&root, ".matrix .cell").is_empty(),
        "the speaker x report matrix"
    );

    let state = State::seeds();
    let d = state
        .comparison
        .discrepancies
        .iter()
        .position(|d| d.label.contains("Former President"))
        .unwrap();
    app.send(Msg::SelectDiscrepancy(d));
    let spans = all(&columns[1], ".disc.emph");
    assert!(!spans.is_empty());
    assert!(
        content(&spans[0]).contains("Former"),
        "{}",
        content(&spans[0])
    );
    assert!(
        all(&columns[1], "[data-kind=speaker].emph").is_empty(),
        "the person emphasis is gone"
    );
    let _ = Target::Discrepancy(d);
    drop(app);
    root.remove();
}
