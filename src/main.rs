//! `crosscheck`: the command-line tool over the core.
//!
//! ```text
//! crosscheck analyze [--format json|text] [--explain] FILE...   (`-` reads standard input)
//! ```
//! JSON is the documented contract (README, `crosscheck::report`); text is for people.

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use crosscheck::highlight::{self, Event, Mark};
use crosscheck::report::{ComparisonOut, Output, ReportOut};
use crosscheck::{analyze, Analysis};

const USAGE: &str = "\
usage: crosscheck analyze [--format json|text] [--explain] FILE...
       crosscheck text FILE...
       crosscheck --help | --version

Finds direct quotations, their speakers and disputed claims in news reports.
FILE is a text file, title on the first line; `-` reads standard input. UTF-8 is expected;
UTF-16 with a byte-order mark and Latin-1 (Windows-1252) are converted, with a note on
standard error. Empty, blank and binary files and files over 64 MiB are refused.
A file named *.html or *.htm is reduced to its article's text first (paragraphs kept,
scripts, styles, navigation, asides and other page furniture dropped); offsets then count
in that text. `crosscheck text` prints the text that would be analysed.

  --format json   the JSON contract (see README), the default when output is not a terminal
  --format text   the reports with their highlights, for reading in a terminal
  --explain       one line per finding with its byte range and the rule that decided it
                  (`start..end  what  rule  evidence`), then the comparison's findings

Exit status: 0 on success, 1 when an input cannot be read, 2 on a usage error.";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Text,
    Explain,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(msg)) => {
            eprintln!("crosscheck: {msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Input(msgs)) => {
            for m in msgs {
                eprintln!("crosscheck: {m}");
            }
            ExitCode::from(1)
        }
    }
}

enum Failure {
    Usage(String),
    Input(Vec<String>),
}

fn run(args: &[String]) -> Result<(), Failure> {
    let Some((cmd, rest)) = args.split_first() else {
        return Err(Failure::Usage("no command given".into()));
    };
    match cmd.as_str() {
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(())
        }
        "-V" | "--version" => {
            println!("crosscheck {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        "analyze" => analyze_cmd(rest),
        "text" => text_cmd(rest),
        other => Err(Failure::Usage(format!("unknown command `{other}`"))),
    }
}

fn analyze_cmd(args: &[String]) -> Result<(), Failure> {
    let mut format = None;
    let mut files = Vec::new();
    let mut it = args.iter();
    let mut only_files = false;
    while let Some(a) = it.next() {
        match a.as_str() {
            _ if only_files => files.push(a.clone()),
            "--" => only_files = true,
            "--format" | "-f" => {
                let v = it
                    .next()
                    .ok_or_else(|| Failure::Usage("--format needs a value".into()))?;
                format = Some(parse_format(v)?);
            }
            s if s.starts_with("--format=") => format = Some(parse_format(&s[9..])?),
            "--explain" => format = Some(Format::Explain),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            s if s.starts_with('-') && s != "-" => {
                return Err(Failure::Usage(format!("unknown option `{s}`")))
            }
            _ => files.push(a.clone()),
        }
    }
    if files.is_empty() {
        return Err(Failure::Usage(
            "no input file given (use `-` for standard input)".into(),
        ));
    }
    let format = format.unwrap_or(if std::io::stdout().is_terminal() {
        Format::Text
    } else {
        Format::Json
    });

    // Read everything first: one unreadable input fails the run before anything is printed.
    let mut texts = Vec::new();
    let mut errors = Vec::new();
    let mut stdin_used = false;
    for f in &files {
        match read_input(f, &mut stdin_used) {
            Ok(t) => texts.push((f.clone(), t)),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(Failure::Input(errors));
    }

    let analyses: Vec<Analysis> = texts.iter().map(|(_, t)| analyze(t)).collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = match format {
        Format::Json => {
            let output = Output {
                reports: texts
                    .iter()
                    .zip(&analyses)
                    .map(|((f, t), a)| ReportOut::new(f, t, a))
                    .collect(),
                comparison: ComparisonOut::from_reports(
                    &texts
                        .iter()
                        .zip(&analyses)
                        .map(|((_, t), a)| (t.as_str(), a))
                        .collect::<Vec<_>>(),
                ),
            };
            serde_json::to_writer_pretty(&mut out, &output)
                .map_err(std::io::Error::from)
                .and_then(|_| writeln!(out))
        }
        Format::Explain => Ok(()),
        Format::Text => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            texts
                .iter()
                .zip(&analyses)
                .try_for_each(|((f, t), a)| render_text(&mut out, f, t, a, color))
        }
    };
    let written = written.and_then(|_| {
        if format != Format::Explain {
            return Ok(());
        }
        let pairs: Vec<(&str, &Analysis)> = texts
            .iter()
            .zip(&analyses)
            .map(|((_, t), a)| (t.as_str(), a))
            .collect();
        let names: Vec<&str> = texts.iter().map(|(f, _)| f.as_str()).collect();
        for (i, ((f, t), a)) in texts.iter().zip(&analyses).enumerate() {
            explain_report(&mut out, i, f, t, a)?;
        }
        if pairs.len() > 1 {
            explain_comparison(&mut out, &names, &ComparisonOut::from_reports(&pairs))?;
        }
        Ok(())
    });
    match written.and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Input(vec![format!("cannot write output: {e}")])),
    }
}

/// `crosscheck text FILE...`: the text each file is analysed as (an HTML file's article text).
fn text_cmd(files: &[String]) -> Result<(), Failure> {
    if files.is_empty() {
        return Err(Failure::Usage(
            "no input file given (use `-` for standard input)".into(),
        ));
    }
    let mut stdin_used = false;
    let mut texts = Vec::new();
    let mut errors = Vec::new();
    for f in files {
        match read_input(f, &mut stdin_used) {
            Ok(t) => texts.push(t),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(Failure::Input(errors));
    }
    let mut out = std::io::stdout().lock();
    for t in texts {
        if let Err(e) = out.write_all(t.as_bytes()) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return Ok(());
            }
            return Err(Failure::Input(vec![format!("cannot write output: {e}")]));
        }
    }
    Ok(())
}

fn parse_format(v: &str) -> Result<Format, Failure> {
    match v {
        "json" => Ok(Format::Json),
        "text" => Ok(Format::Text),
        _ => Err(Failure::Usage(format!(
            "unknown format `{v}` (expected json or text)"
        ))),
    }
}

/// The largest input the CLI reads (the page's limit per report is smaller: `state.rs`).
const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

fn read_input(path: &str, stdin_used: &mut bool) -> Result<String, String> {
    let bytes = if path == "-" {
        if std::mem::replace(stdin_used, true) {
            return Err("standard input (`-`) given more than once".into());
        }
        let mut b = Vec::new();
        // One byte over the limit is enough to refuse it.
        std::io::stdin()
            .take(MAX_INPUT_BYTES as u64 + 1)
            .read_to_end(&mut b)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        b
    } else {
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => format!("{path}: no such file"),
            std::io::ErrorKind::PermissionDenied => format!("{path}: permission denied"),
            _ => format!("{path}: {e}"),
        })?;
        if meta.is_dir() {
            return Err(format!("{path}: is a directory, not a text file"));
        }
        if meta.len() > MAX_INPUT_BYTES as u64 {
            let e = crosscheck::decode::DecodeError::TooLarge {
                bytes: usize::try_from(meta.len()).unwrap_or(usize::MAX),
                limit: MAX_INPUT_BYTES,
            };
            return Err(format!("{path}: {e}"));
        }
        std::fs::read(path).map_err(|e| format!("{path}: {e}"))?
    };
    let name = if path == "-" { "standard input" } else { path };
    let decoded =
        crosscheck::decode::decode(&bytes, MAX_INPUT_BYTES).map_err(|e| format!("{name}: {e}"))?;
    if let Some(note) = decoded.note() {
        eprintln!("crosscheck: {name}: {note}");
    }
    let text = decoded.text;
    if crosscheck::html::is_html_name(path) {
        return html_text(name, &text);
    }
    Ok(text)
}

/// The article text of an HTML file (native: through scraper).
#[cfg(not(target_arch = "wasm32"))]
fn html_text(_name: &str, html: &str) -> Result<String, String> {
    Ok(crosscheck::html::to_text(html))
}

/// The CLI never runs on wasm32; it only has to compile there (for the browser tests).
#[cfg(target_arch = "wasm32")]
fn html_text(name: &str, _html: &str) -> Result<String, String> {
    Err(format!("{name}: HTML input needs the native build"))
}

/// The text format: each report with its highlights, then a list of what was found.
fn render_text(
    out: &mut impl Write,
    file: &str,
    text: &str,
    a: &Analysis,
    color: bool,
) -> std::io::Result<()> {
    let style = |m: Mark| -> (&str, &str) {
        match (color, m) {
            (true, Mark::Quote(..)) => ("\x1b[36m", "\x1b[39m"),
            (true, Mark::Speaker(_)) => ("\x1b[1;33m", "\x1b[22;39m"),
            (true, Mark::Cue(_)) => ("\x1b[4m", "\x1b[24m"),
            (true, Mark::Claim(..)) => ("\x1b[3m", "\x1b[23m"),
            (true, Mark::Marker(_)) => ("\x1b[35m", "\x1b[39m"),
            (false, Mark::Quote(..)) => ("[", "]"),
            (false, Mark::Speaker(_)) => ("{", "}"),
            (false, Mark::Cue(_)) => ("", ""),
            (false, Mark::Claim(..)) => ("", ""),
            (false, Mark::Marker(_)) => ("<", ">"),
        }
    };
    let title = a.title.map(|t| t.as_str(text)).unwrap_or("");
    writeln!(out, "== {file}: {title}")?;
    let marks = highlight::marks(a);
    for &p in &a.paragraphs {
        let mut stack = Vec::new();
        for ev in highlight::events(p, &marks) {
            match ev {
                Event::Start(m) => {
                    out.write_all(style(m).0.as_bytes())?;
                    stack.push(m);
                }
                Event::Source(s) => out.write_all(s.as_str(text).as_bytes())?,
                Event::End => {
                    if let Some(m) = stack.pop() {
                        out.write_all(style(m).1.as_bytes())?;
                        // Re-open outer styles that a reset may have cleared.
                        for &o in &stack {
                            out.write_all(style(o).0.as_bytes())?;
                        }
                    }
                }
            }
        }
        writeln!(out)?;
    }
    writeln!(out, "-- {} quotations", a.quotes.len())?;
    for (i, q) in a.quotes.iter().enumerate() {
        let who = q
            .speaker
            .and_then(|s| a.speakers.get(s))
            .map(|s| s.name.as_str())
            .unwrap_or("?");
        let mention = q
            .speaker_mention
            .map(|m| format!(" (\"{}\")", m.as_str(text)))
            .unwrap_or_default();
        writeln!(
            out,
            "Q{} [{}] {who}{mention}: {}",
            i + 1,
            q.kind.as_str(),
            q.span.as_str(text)
        )?;
    }
    writeln!(out, "-- {} speakers", a.speakers.len())?;
    for s in &a.speakers {
        writeln!(out, "{} ({} mentions)", s.name, s.mentions.len())?;
    }
    writeln!(out, "-- {} disputed claims", a.claims.len())?;
    for c in &a.claims {
        let holder = c.holder.as_deref().unwrap_or("?");
        writeln!(
            out,
            "[{}] {holder} <{}>: {}",
            c.kind.as_str(),
            c.marker.as_str(text),
            c.span.as_str(text)
        )?;
    }
    writeln!(out)
}

/// A span as the explanation prints it: `start..end "text"` (bytes; the text shortened).
fn quoted(text: &str, s: crosscheck::Span) -> String {
    let t = s.as_str(text).replace('\n', " ");
    let short: String = t.chars().take(60).collect();
    let more = if short.len() < t.len() { "…" } else { "" };
    format!("{}..{} \"{short}{more}\"", s.start, s.end)
}

/// `--explain`: every quotation, speaker and claim of one report, each with the rule behind it,
/// as `start..end  what  rule  evidence` lines (byte offsets into the report's text).
fn explain_report(
    out: &mut impl Write,
    index: usize,
    file: &str,
    text: &str,
    a: &Analysis,
) -> std::io::Result<()> {
    writeln!(out, "== report {index}: {file}")?;
    for q in &a.quotes {
        write!(
            out,
            "{}  quote {} ({})",
            quoted(text, q.span),
            q.kind.as_str(),
            q.kind_rule.as_str()
        )?;
        match (q.rule, q.speaker_mention) {
            (Some(rule), Some(m)) => {
                let who = q
                    .speaker
                    .and_then(|s| a.speakers.get(s))
                    .map_or("?", |s| s.name.as_str());
                write!(out, "  {}  mention {}", rule.as_str(), quoted(text, m))?;
                if let Some(c) = q.cue {
                    write!(out, " cue {}", quoted(text, c))?;
                }
                let how = q.resolution.map_or("unresolved", |r| r.as_str());
                write!(out, " -> speaker \"{who}\" by {how}")?;
            }
            _ => write!(out, "  no_cue  no speaker")?,
        }
        writeln!(out)?;
    }
    for (np, verb) in crosscheck::statements(text) {
        writeln!(
            out,
            "{}  statement  subject {}",
            quoted(text, verb),
            quoted(text, np)
        )?;
    }
    for (i, s) in a.speakers.iter().enumerate() {
        let kind = if s.organisation {
            "organisation"
        } else {
            "person"
        };
        let mentions: Vec<String> = s.mentions.iter().map(|&m| quoted(text, m)).collect();
        writeln!(
            out,
            "speaker {i} \"{}\" ({kind}): {}",
            s.name,
            mentions.join(", ")
        )?;
    }
    for c in &a.claims {
        writeln!(
            out,
            "{}  claim {}  marker {}  holder {}  rule {}",
            quoted(text, c.span),
            c.kind.as_str(),
            quoted(text, c.marker),
            c.holder
                .as_deref()
                .map_or("none".to_string(), |h| format!("\"{h}\"")),
            c.rule
        )?;
    }
    Ok(())
}

/// `--explain` for the comparison: people merged across reports, quote groups and
/// discrepancies, with the reports' spans (`report:start..end`).
fn explain_comparison(
    out: &mut impl Write,
    files: &[&str],
    c: &ComparisonOut,
) -> std::io::Result<()> {
    writeln!(out, "== comparison of {} reports", files.len())?;
    for (i, p) in c.people.iter().enumerate() {
        if p.speakers.len() < 2 {
            continue;
        }
        let at: Vec<String> = p
            .speakers
            .iter()
            .zip(&p.rules)
            .map(|((r, s), rule)| format!("report {r} speaker {s} ({rule})"))
            .collect();
        writeln!(
            out,
            "person {i} \"{}\" ({}): {}",
            p.name,
            p.kind,
            at.join(", ")
        )?;
    }
    for (i, g) in c.quote_groups.iter().enumerate() {
        let members: Vec<String> = g
            .members
            .iter()
            .flat_map(|m| m.spans.iter())
            .map(|s| format!("{}:{}..{}", s.report, s.start, s.end))
            .collect();
        writeln!(
            out,
            "group {i} speaker {}: {}",
            g.speaker
                .as_deref()
                .map_or("none".into(), |s| format!("\"{s}\"")),
            members.join(" ")
        )?;
    }
    for d in &c.discrepancies {
        let items: Vec<String> = d
            .items
            .iter()
            .map(|it| {
                format!(
                    "{}:{}..{} \"{}\"",
                    it.span.report, it.span.start, it.span.end, it.value
                )
            })
            .collect();
        writeln!(
            out,
            "discrepancy {}: {}  {}",
            d.kind,
            d.label,
            items.join(" vs ")
        )?;
        writeln!(out, "  rule {}: {}", d.rule, d.evidence)?;
    }
    Ok(())
}
