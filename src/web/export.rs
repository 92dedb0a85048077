//! What the reader can take away: the whole analysis as JSON (exactly the CLI's contract,
//! `crosscheck analyze --format json`) and the annotated reports as one standalone HTML file
//! that reads without any script (every text escaped, a Content-Security-Policy that allows
//! no script and no connection). Compiled everywhere, tested natively.

use std::fmt::Write;

use super::state::State;
use crate::compare::DiffOp;
use crate::highlight::{self, Event, Mark};
use crate::report::{ComparisonOut, Output, ReportOut};

/// The analysis of the shown reports as the CLI prints it (`{reports, comparison}`), with the
/// report names as `file`.
pub fn json(state: &State) -> String {
    let pairs: Vec<(&str, &crate::Analysis)> = state
        .reports
        .iter()
        .map(|r| (r.text.as_str(), &r.analysis))
        .collect();
    let output = Output {
        reports: state
            .reports
            .iter()
            .map(|r| ReportOut::new(&r.file, &r.text, &r.analysis))
            .collect(),
        comparison: ComparisonOut::new(&pairs, &state.comparison),
    };
    let mut s =
        serde_json::to_string_pretty(&output).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// `s` with `& < > " '` escaped for HTML text and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The policy of the exported file: styles inline, nothing else at all.
pub const EXPORT_CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const CSS: &str = "body{font-family:Georgia,serif;margin:0;background:#f6f4ef;color:#1f1d1a}\
header,section{padding:0.5rem 1rem}h1{font-size:1.3rem;margin:0.4rem 0}\
.columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem;padding:1rem}\
article{background:#fffdf8;border:1px solid #ddd7cb;padding:0.6rem 0.9rem;line-height:1.5}\
article h2{font-size:1.05rem}.source{font:0.8rem sans-serif;color:#5f594f}\
mark[data-kind=quote]{background:#f6eebb;border-bottom:2px solid #a08a00}\
mark[data-kind=quote][data-quote-kind=partial]{border-bottom-style:dashed}\
mark[data-kind=quote][data-quote-kind=scare]{background:none;border-bottom-style:dotted}\
mark[data-kind=claim]{background:#ffe0e6;text-decoration:underline wavy #cc3311}\
span[data-kind=speaker]{font-weight:bold;border-bottom:3px solid #4477aa}\
span[data-kind=cue]{font-style:italic}\
span[data-kind=marker]{font-weight:bold;color:#a32a16;font-variant:small-caps}\
ins{background:#d6f5d6}del{color:#a32a16}table{border-collapse:collapse}\
td,th{border:1px solid #ddd7cb;padding:0.15rem 0.4rem;text-align:left}\
@media (prefers-color-scheme:dark){body{background:#17171a;color:#ebe7df}article{background:#202024;border-color:#444}\
mark[data-kind=quote]{background:#4a4112;color:inherit}mark[data-kind=claim]{background:#4d2228;color:inherit}}";

/// One standalone HTML file: every report with its highlights, then the comparison (quote
/// groups with their word differences, discrepancies, who is quoted where).
pub fn html(state: &State) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{EXPORT_CSP}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>crosscheck: {} reports compared</title>\n<style>{CSS}</style>\n</head>\n<body>\n\
         <header><h1>crosscheck: {} reports compared</h1><p>Quotations <mark data-kind=\"quote\">highlighted</mark>, \
         speakers in <span data-kind=\"speaker\">bold</span>, reporting verbs in <span data-kind=\"cue\">italics</span>, \
         disputed claims <mark data-kind=\"claim\">underlined</mark> with their <span data-kind=\"marker\">markers</span>.</p></header>\n\
         <div class=\"columns\">\n",
        state.reports.len(),
        state.reports.len()
    );
    for (i, r) in state.reports.iter().enumerate() {
        let a = &r.analysis;
        let marks = highlight::marks(a);
        let _ = write!(
            h,
            "<article data-report=\"{i}\"><p class=\"source\">{i} · {}</p>\n",
            escape(&r.file)
        );
        for &p in &a.paragraphs {
            let tag = if Some(p) == a.title { "h2" } else { "p" };
            let _ = write!(h, "<{tag}>");
            let mut stack: Vec<&str> = Vec::new();
            for ev in highlight::events(p, &marks) {
                match ev {
                    Event::Start(m) => {
                        let (el, attrs) = match m {
                            Mark::Quote(q, kind) => (
                                "mark",
                                format!(
                                    " data-quote=\"{q}\" data-quote-kind=\"{}\"",
                                    kind.as_str()
                                ),
                            ),
                            Mark::Claim(c, kind) => (
                                "mark",
                                format!(
                                    " data-claim=\"{c}\" title=\"disputed claim ({})\"",
                                    kind.as_str()
                                ),
                            ),
                            Mark::Speaker(q) => ("span", format!(" data-quote=\"{q}\"")),
                            Mark::Cue(q) => ("span", format!(" data-quote=\"{q}\"")),
                            Mark::Marker(c) => ("span", format!(" data-claim=\"{c}\"")),
                        };
                        let _ = write!(h, "<{el} data-kind=\"{}\"{attrs}>", m.name());
                        stack.push(el);
                    }
                    Event::Source(s) => h.push_str(&escape(s.as_str(&r.text))),
                    Event::End => {
                        if let Some(el) = stack.pop() {
                            let _ = write!(h, "</{el}>");
                        }
                    }
                }
            }
            let _ = writeln!(h, "</{tag}>");
        }
        h.push_str("</article>\n");
    }
    h.push_str("</div>\n");

    let c = &state.comparison;
    let name = |r: usize| -> String {
        let rep = &state.reports[r];
        let title = rep
            .analysis
            .title
            .map(|t| t.as_str(&rep.text))
            .unwrap_or(&rep.file);
        escape(&format!("Report {r} · {title}"))
    };
    let _ = writeln!(
        h,
        "<section class=\"groups\"><h2>The same quotation in several reports ({})</h2>",
        c.quote_groups.len()
    );
    for g in &c.quote_groups {
        let who = g
            .person
            .map(|p| c.people[p].name.as_str())
            .unwrap_or("Someone");
        let _ = write!(h, "<div class=\"group\"><h3>{}</h3><ul>", escape(who));
        for m in &g.members {
            let _ = write!(h, "<li><strong>{}</strong>: ", name(m.report));
            for (k, part) in m.diff.iter().enumerate() {
                if k > 0 {
                    h.push(' ');
                }
                let tag = match part.op {
                    DiffOp::Same => "span",
                    DiffOp::Extra => "ins",
                    DiffOp::Missing => "del",
                };
                let _ = write!(h, "<{tag}>{}</{tag}>", escape(&part.text));
            }
            h.push_str("</li>");
        }
        h.push_str("</ul></div>\n");
    }
    h.push_str("</section>\n");
    let _ = writeln!(
        h,
        "<section class=\"discrepancies\"><h2>Where the reports disagree ({})</h2><ul>",
        c.discrepancies.len()
    );
    for d in &c.discrepancies {
        let _ = write!(h, "<li><strong>{}</strong><ul>", escape(&d.label));
        for item in &d.items {
            let text = &state.reports[item.report].text;
            let _ = write!(
                h,
                "<li>{}: {}</li>",
                name(item.report),
                escape(item.context.as_str(text))
            );
        }
        h.push_str("</ul></li>\n");
    }
    h.push_str("</ul></section>\n");
    h.push_str("<section class=\"speakers\"><h2>Who is quoted where (quotations · quoted words)</h2><table><thead><tr><th>Speaker</th>");
    for r in 0..state.reports.len() {
        let _ = write!(h, "<th>Report {r}</th>");
    }
    h.push_str("</tr></thead><tbody>\n");
    for row in &c.coverage.speakers {
        let _ = write!(h, "<tr><th>{}</th>", escape(&c.people[row.person].name));
        for cell in &row.reports {
            let _ = write!(h, "<td>{} · {}</td>", cell.quotes, cell.words);
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody></table></section>\n</body>\n</html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::state::Doc;

    #[test]
    fn json_is_the_cli_contract() {
        let s = State::seeds();
        let j = json(&s);
        let v: serde_json::Value = serde_json::from_str(&j).unwrap();
        assert_eq!(v["reports"].as_array().unwrap().len(), 5);
        assert_eq!(v["reports"][0]["file"], "000_e13547b9d494a4a3.txt");
        assert!(!v["comparison"]["quote_groups"]
            .as_array()
            .unwrap()
            .is_empty());
    }

    #[test]
    fn html_escapes_text_and_allows_no_script() {
        let s = State::with_own(
            vec![Doc::new(
                "<b>x</b>.txt",
                "Headline with <script>alert(1)</script> in it\n\"We agree,\" Ana Ruiz said of the <img src=x onerror=alert(2)> plan.\n",
            )],
            false,
        );
        let h = html(&s);
        assert!(!h.contains("<script"), "{h}");
        assert!(!h.contains("<img"));
        assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(h.contains("&lt;b&gt;x&lt;/b&gt;.txt"));
        assert!(h.contains("<mark data-kind=\"quote\""));
        assert!(h.contains(EXPORT_CSP));
        assert!(!EXPORT_CSP.contains("script-src"));
    }
}
