//! HTML reduced to an article's text: one line per paragraph, page furniture dropped.
//!
//! The same rules serve the page and the CLI, so both give the same text for one file
//! (`tests/html.rs` checks the CLI against a fixture, `tests/e2e/own.test.mjs` the page):
//!
//! - the root is the first `<article>`, else the first `<main>`, else `<body>`;
//! - elements in [`DROPPED`] are skipped with everything inside (scripts, styles, navigation,
//!   asides, forms, embedded media), and a `<header>` too unless it sits inside an `<article>`
//!   (where it holds the headline);
//! - each element in [`BLOCKS`] (and `<br>`) ends a line; text is joined within a line with
//!   runs of HTML white space (space, tab, CR, LF, form feed) collapsed to one space, and lines
//!   are trimmed; empty lines are dropped.
//!
//! The page walks the inert document of the browser's `DOMParser` (nothing is executed, loaded
//! or inserted); the CLI walks the tree of the `scraper` crate (html5ever, the parser of
//! Servo), native only. Both parse by the HTML standard, so they see the same tree.

/// Elements skipped with their content.
pub const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "iframe",
    "object", "embed", "svg", "math", "canvas", "video", "audio", "picture", "img", "figure",
    "button", "select", "input", "textarea", "label", "dialog", "menu", "head", "title",
];

/// Elements that start and end a line of their own.
pub const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "div",
    "section",
    "article",
    "main",
    "header",
    "dd",
    "dt",
    "figcaption",
    "td",
    "th",
    "tr",
    "table",
    "ul",
    "ol",
    "dl",
    "hr",
    "address",
    "details",
    "summary",
];

/// Whether an element named `tag` (lower case) is skipped; `in_article`: inside an `<article>`.
pub fn dropped(tag: &str, in_article: bool) -> bool {
    DROPPED.contains(&tag) || (tag == "header" && !in_article)
}

/// Whether an element named `tag` (lower case) breaks lines.
pub fn is_block(tag: &str) -> bool {
    BLOCKS.contains(&tag) || tag == "br"
}

/// Collects the lines of text: push text with [`Lines::text`], end lines with
/// [`Lines::brk`], take the result with [`Lines::finish`].
#[derive(Default)]
pub struct Lines {
    out: Vec<String>,
    line: String,
}

impl Lines {
    pub fn text(&mut self, s: &str) {
        for (i, part) in s.split([' ', '\t', '\n', '\r', '\u{c}']).enumerate() {
            if i > 0 && !self.line.ends_with(' ') {
                self.line.push(' ');
            }
            self.line.push_str(part);
        }
    }

    pub fn brk(&mut self) {
        let line = self.line.trim_matches([' ', '\t', '\n', '\r', '\u{c}']);
        if !line.is_empty() {
            self.out.push(line.to_string());
        }
        self.line.clear();
    }

    /// One paragraph per line, with a final newline (empty for no text).
    pub fn finish(mut self) -> String {
        self.brk();
        let mut s = self.out.join("\n");
        if !s.is_empty() {
            s.push('\n');
        }
        s
    }
}

/// Whether a file name is read as HTML (`.html`, `.htm`, `.xhtml`, any case).
pub fn is_html_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".html", ".htm", ".xhtml"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// The article text of an HTML document (see the module doc). Native only: the page uses the
/// browser's `DOMParser` with the same rules.
#[cfg(not(target_arch = "wasm32"))]
pub fn to_text(html: &str) -> String {
    use scraper::{ElementRef, Html, Node, Selector};

    fn walk(node: ego_tree::NodeRef<'_, Node>, in_article: bool, lines: &mut Lines) {
        match node.value() {
            Node::Text(t) => lines.text(t),
            Node::Element(e) => {
                let tag = e.name().to_ascii_lowercase();
                if dropped(&tag, in_article) {
                    return;
                }
                let block = is_block(&tag);
                if block {
                    lines.brk();
                }
                let inside = in_article || tag == "article";
                for child in node.children() {
                    walk(child, inside, lines);
                }
                if block {
                    lines.brk();
                }
            }
            _ => {
                for child in node.children() {
                    walk(child, in_article, lines);
                }
            }
        }
    }

    let doc = Html::parse_document(html);
    let pick = |sel: &str| -> Option<ElementRef<'_>> {
        Selector::parse(sel)
            .ok()
            .and_then(|s| doc.select(&s).next())
    };
    let root = pick("article")
        .or_else(|| pick("main"))
        .or_else(|| pick("body"));
    let mut lines = Lines::default();
    if let Some(root) = root {
        let in_article = root.value().name() == "article"
            || root.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| e.name() == "article")
            });
        walk(*root, in_article, &mut lines);
    }
    lines.finish()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_stay_furniture_goes() {
        let html = "<html><head><title>T</title><script>alert(1)</script></head><body>\
            <header><nav>Home | World</nav></header>\
            <article><header><h1>Talks  begin\n today</h1></header>\
            <p>First &amp; <b>bold</b> para.</p><aside>Read more</aside>\
            <p>Second<br>line</p><script>x()</script></article><footer>(c)</footer></body></html>";
        assert_eq!(
            to_text(html),
            "Talks begin today\nFirst & bold para.\nSecond\nline\n"
        );
    }

    #[test]
    fn no_article_uses_main_or_body() {
        assert_eq!(to_text("<main><p>a</p></main><p>b</p>"), "a\n");
        assert_eq!(
            to_text("<header>Site</header><div>x <i>y</i></div>z"),
            "x y\nz\n"
        );
        assert_eq!(to_text(""), "");
    }

    #[test]
    fn names() {
        assert!(is_html_name("a.HTML") && is_html_name("b.htm"));
        assert!(!is_html_name("c.txt") && !is_html_name("d.md"));
    }
}
