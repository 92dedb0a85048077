//! `crosscheck-bundle [DIR]`: turns Trunk's output into one self-contained `crosscheck.html`.
//!
//! Trunk's `index.html` loads its JS glue as a module and fetches the `.wasm`, which Chromium
//! refuses from `file://`. This writes `DIR/crosscheck.html` from `DIR/index.html` with the
//! wasm-bindgen glue inlined in a `<script type="module">`, the wasm embedded as base64 and
//! started with `initSync({ module: bytes })`, and any stylesheet link inlined, so the one file
//! works when opened from disk. DIR defaults to `$TRUNK_STAGING_DIR`, as Trunk's `post_build`
//! hook (Trunk.toml) sets it.
//!
//! Both pages get a Content-Security-Policy (a `<meta>` first in `<head>`): no script but the
//! page's own files (`index.html`) or its inline scripts by SHA-256 hash, no `eval` beyond
//! `wasm-unsafe-eval`, and no network connection (`crosscheck.html`: `connect-src 'none'`;
//! `index.html` may fetch only its own `.wasm`, from its own origin).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The name of the single-file page.
const OUTPUT: &str = "crosscheck.html";

fn main() -> ExitCode {
    let dir = match std::env::args_os().nth(1) {
        Some(a) if a == "-h" || a == "--help" => {
            println!("usage: crosscheck-bundle [DIR]   (DIR defaults to $TRUNK_STAGING_DIR)");
            return ExitCode::SUCCESS;
        }
        Some(a) => PathBuf::from(a),
        None => match std::env::var_os("TRUNK_STAGING_DIR") {
            Some(d) => PathBuf::from(d),
            None => {
                eprintln!("crosscheck-bundle: give the directory of Trunk's output, or run as Trunk's post_build hook");
                return ExitCode::from(2);
            }
        },
    };
    match bundle_dir(&dir) {
        Ok(summary) => {
            println!("crosscheck-bundle: {summary}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("crosscheck-bundle: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Reads `dir/index.html` and the files it names, writes `dir/crosscheck.html`.
fn bundle_dir(dir: &Path) -> Result<String, String> {
    let index = dir.join("index.html");
    let html = std::fs::read_to_string(&index)
        .map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let read = |url: &str| {
        let path = dir.join(local_path(url));
        std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let page = with_csp(&bundle(&html, read)?, Origin::File);
    let out = dir.join(OUTPUT);
    std::fs::write(&out, &page).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    let served = with_csp(&html, Origin::Served);
    std::fs::write(&index, &served)
        .map_err(|e| format!("cannot write {}: {e}", index.display()))?;
    Ok(format!(
        "wrote {} ({} bytes) and a CSP into index.html",
        out.display(),
        page.len()
    ))
}

/// Where a page runs: served with its files beside it, or as one file opened from disk.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Origin {
    Served,
    File,
}

/// The policy for a page whose inline scripts have these `'sha256-…'` sources.
fn policy(origin: Origin, hashes: &[String]) -> String {
    let own = if origin == Origin::Served {
        "'self' "
    } else {
        ""
    };
    let connect = if origin == Origin::Served {
        "'self'"
    } else {
        "'none'"
    };
    format!(
        "default-src 'none'; script-src {own}'wasm-unsafe-eval' {}; style-src 'unsafe-inline'; \
         img-src data: blob:; connect-src {connect}; base-uri 'none'; form-action 'none'; \
         object-src 'none'",
        hashes.join(" ")
    )
}

/// `html` with a Content-Security-Policy `<meta>` right after `<meta charset>` (or `<head>`),
/// allowing exactly its inline scripts by hash; an earlier policy meta is replaced.
fn with_csp(html: &str, origin: Origin) -> String {
    const META: &str = "<meta http-equiv=\"Content-Security-Policy\"";
    let mut html = html.to_owned();
    if let Some(i) = html.find(META) {
        if let Some(len) = html[i..].find('>') {
            // With the line break and indent it was inserted with.
            let from = html[..i].trim_end().len();
            html.replace_range(from..i + len + 1, "");
        }
    }
    let mut hashes = Vec::new();
    let mut from = 0;
    while let Some((start, end)) = find_script(&html[from..], |tag, _| attr(tag, "src").is_none()) {
        let (start, end) = (from + start, from + end);
        let open_end = start + html[start..].find('>').unwrap_or(0) + 1;
        let body = &html[open_end..end - "</script>".len()];
        hashes.push(format!("'sha256-{}'", base64(&sha256(body.as_bytes()))));
        from = end;
    }
    let meta = format!("{META} content=\"{}\">", policy(origin, &hashes));
    let at = tags(&html, "meta")
        .into_iter()
        .find(|t| attr(t, "charset").is_some())
        .or_else(|| tags(&html, "head").into_iter().next())
        .and_then(|t| html.find(t).map(|i| i + t.len()))
        .unwrap_or(0);
    html.insert_str(at, &format!("\n  {meta}"));
    html
}

/// SHA-256 (FIPS 180-4) of `data`: what a CSP hash source names.
fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in msg.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            (hh, g, f, e, d, c, b, a) = (g, f, e, d.wrapping_add(t1), c, b, a, t1.wrapping_add(t2));
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 32];
    for (i, x) in h.iter().enumerate() {
        out[4 * i..4 * i + 4].copy_from_slice(&x.to_be_bytes());
    }
    out
}

/// The single-file page for Trunk's `html`; `read` gives the bytes of a URL the page uses.
fn bundle(html: &str, read: impl Fn(&str) -> Result<Vec<u8>, String>) -> Result<String, String> {
    let (start, end, script) = find_loader(html)
        .ok_or("no <script type=\"module\"> importing the wasm-bindgen glue in index.html")?;
    let js_url = quoted_after(script, "from ").ok_or("the loader script names no JS glue")?;
    let wasm_url = quoted_ending(script, ".wasm").ok_or("the loader script names no .wasm file")?;

    let glue = String::from_utf8(read(js_url)?).map_err(|_| format!("{js_url} is not UTF-8"))?;
    if let Some(line) = glue.lines().find(|l| l.trim_start().starts_with("import ")) {
        return Err(format!(
            "the glue imports another module ({line}); inline snippets are not supported"
        ));
    }
    let wasm = read(wasm_url)?;
    if !wasm.starts_with(b"\0asm") {
        return Err(format!("{wasm_url} is not a WebAssembly module"));
    }

    let loader = format!(
        "<script type=\"module\">\n{glue}\n\
         const crosscheckWasm = Uint8Array.from(atob(\"{b64}\"), (c) => c.charCodeAt(0));\n\
         initSync({{ module: crosscheckWasm }});\n\
         </script>",
        glue = script_safe(&glue),
        b64 = base64(&wasm),
    );
    let mut page = format!("{}{}{}", &html[..start], loader, &html[end..]);

    // `trunk serve` adds a live-reload script that talks to its server; a file has none.
    while let Some((start, end)) = find_script(&page, |_, body| body.contains(AUTORELOAD_MARK)) {
        page.replace_range(start..end, "");
    }

    // The preload links of the JS and wasm would fail from file://; stylesheets become <style>.
    let links: Vec<String> = tags(&page, "link").into_iter().map(str::to_owned).collect();
    for tag in &links {
        let href = attr(tag, "href").unwrap_or_default();
        let rel = attr(tag, "rel").unwrap_or_default();
        if href == js_url || href == wasm_url {
            page = page.replacen(tag.as_str(), "", 1);
        } else if rel == "stylesheet" && is_local(href) {
            let css = String::from_utf8(read(href)?).map_err(|_| format!("{href} is not UTF-8"))?;
            let style = format!("<style>\n{}\n</style>", css.replace("</style", "<\\/style"));
            page = page.replacen(tag.as_str(), &style, 1);
        }
    }
    // Whatever still points at a local file would break from file://.
    for tag in tags(&page, "link")
        .into_iter()
        .chain(tags(&page, "script"))
        .chain(tags(&page, "img"))
    {
        for name in ["href", "src"] {
            if let Some(url) = attr(tag, name).filter(|u| is_local(u)) {
                return Err(format!("{OUTPUT} would still load {url} ({tag})"));
            }
        }
    }
    Ok(page)
}

/// A placeholder in the live-reload script that `trunk serve` injects.
const AUTORELOAD_MARK: &str = "{{__TRUNK_ADDRESS__}}";

/// The `<script type="module">` that imports the glue: `(start, end, body)` of the element.
fn find_loader(html: &str) -> Option<(usize, usize, &str)> {
    let (start, end) = find_script(html, |tag, body| {
        attr(tag, "type") == Some("module") && body.contains("import init")
    })?;
    let open_end = start + html[start..].find('>')? + 1;
    Some((start, end, &html[open_end..end - "</script>".len()]))
}

/// The first `<script>` element for which `wanted(start_tag, body)` holds, as `(start, end)`.
fn find_script(html: &str, wanted: impl Fn(&str, &str) -> bool) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(i) = html[from..].find("<script") {
        let start = from + i;
        let open_end = start + html[start..].find('>')? + 1;
        let close = open_end + html[open_end..].find("</script>")?;
        let end = close + "</script>".len();
        if wanted(&html[start..open_end], &html[open_end..close]) {
            return Some((start, end));
        }
        from = end;
    }
    None
}

/// Every start tag `<name ...>` in `html`, as written.
fn tags<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = html[from..].find(&open) {
        let start = from + i;
        let after = html[start + open.len()..].chars().next();
        let Some(len) = html[start..].find('>') else {
            break;
        };
        if after.is_some_and(|c| c.is_ascii_whitespace() || c == '>' || c == '/') {
            out.push(&html[start..start + len + 1]);
        }
        from = start + len + 1;
    }
    out
}

/// The value of attribute `name` in a start tag (double or single quoted).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(i) = tag[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let before = tag[..at].chars().next_back();
        if !before.is_some_and(|c| c.is_ascii_whitespace()) || !tag[from..].starts_with('=') {
            continue;
        }
        let rest = &tag[from + 1..];
        let q = rest.chars().next().filter(|&c| c == '"' || c == '\'')?;
        let len = rest[1..].find(q)?;
        return Some(&rest[1..1 + len]);
    }
    None
}

/// The first quoted string right after `keyword` (`from './x.js'`).
fn quoted_after<'a>(s: &'a str, keyword: &str) -> Option<&'a str> {
    let rest = s[s.find(keyword)? + keyword.len()..].trim_start();
    let q = rest.chars().next().filter(|&c| c == '"' || c == '\'')?;
    Some(&rest[1..1 + rest[1..].find(q)?])
}

/// The first quoted string whose content ends with `suffix`.
fn quoted_ending<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    for q in ['\'', '"'] {
        let closing = format!("{suffix}{q}");
        if let Some(i) = s.find(&closing) {
            let end = i + suffix.len();
            let start = s[..i].rfind(q)? + 1;
            return Some(&s[start..end]);
        }
    }
    None
}

/// A URL that names a file next to the page (not `data:`, `http:`, `#frag`, ...).
fn is_local(url: &str) -> bool {
    !url.is_empty() && !url.starts_with('#') && !url.starts_with("//") && !url.contains(':')
}

/// The path inside the output directory of a local URL (`./x.js`, `/x.js` or `x.js`).
fn local_path(url: &str) -> &str {
    let url = url.split(['?', '#']).next().unwrap_or(url);
    url.trim_start_matches("./").trim_start_matches('/')
}

/// JavaScript that can sit inside `<script>`: `</script` and `<!--` cannot end or confuse it.
/// Both only occur inside strings, regexes or comments in valid module code, where the
/// escaped forms mean the same.
fn script_safe(js: &str) -> String {
    js.replace("</script", "<\\/script")
        .replace("</SCRIPT", "<\\/SCRIPT")
        .replace("<!--", "<\\!--")
}

/// Standard base64 (RFC 4648) with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// The shape of Trunk 0.21.14's release output (`public_url = "./"`, inline CSS).
    const INDEX: &str = r#"<!DOCTYPE html><html lang="en"><head>
  <meta charset="utf-8">
  <title>crosscheck</title>
  <style>body { margin: 0 }</style>
  <link rel="stylesheet" href="./extra-1a2b.css" integrity="sha384-x">
<link rel="modulepreload" href="./crosscheck-web-0f1e.js" crossorigin="anonymous" integrity="sha384-abc"><link rel="preload" href="./crosscheck-web-0f1e_bg.wasm" crossorigin="anonymous" integrity="sha384-def" as="fetch" type="application/wasm"></head>
<body><main id="reports"></main>
<script>window.addEventListener("error", function () {});</script>
<script type="module">
import init, * as bindings from './crosscheck-web-0f1e.js';
const wasm = await init({ module_or_path: './crosscheck-web-0f1e_bg.wasm' });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script></body></html>"#;

    const GLUE: &str = "let wasm;\nconst s = '</script>';\nfunction initSync(module) {}\n\
                        export { initSync };\nexport default __wbg_init;\n";

    fn files() -> HashMap<&'static str, Vec<u8>> {
        HashMap::from([
            ("./crosscheck-web-0f1e.js", GLUE.as_bytes().to_vec()),
            ("./crosscheck-web-0f1e_bg.wasm", b"\0asm\x01\0\0\0".to_vec()),
            ("./extra-1a2b.css", b"p { color: red }".to_vec()),
        ])
    }

    fn run(html: &str, files: &HashMap<&'static str, Vec<u8>>) -> Result<String, String> {
        bundle(html, |url| {
            files.get(url).cloned().ok_or(format!("no file {url}"))
        })
    }

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
        assert_eq!(base64(&[0xff, 0xfe, 0x00, 0x3e, 0x3f]), "//4APj8=");
    }

    #[test]
    fn sha256_matches_fips_180_vectors() {
        let hex = |d: [u8; 32]| d.iter().map(|b| format!("{b:02x}")).collect::<String>();
        assert_eq!(
            hex(sha256(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            hex(sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        // Two blocks.
        assert_eq!(
            hex(sha256(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
    }

    /// The policy of a page: its content, and that it comes before every script.
    fn csp_of(page: &str) -> &str {
        let i = page
            .find("http-equiv=\"Content-Security-Policy\"")
            .expect("a CSP meta");
        assert!(
            page.find("<script").is_none_or(|s| s > i),
            "the CSP comes first"
        );
        assert_eq!(page.matches("Content-Security-Policy").count(), 1);
        let rest = &page[i..];
        let c = rest.find("content=\"").unwrap() + "content=\"".len();
        &rest[c..c + rest[c..].find('"').unwrap()]
    }

    #[test]
    fn both_pages_allow_exactly_their_inline_scripts_and_no_connection() {
        let hash = |body: &str| format!("'sha256-{}'", base64(&sha256(body.as_bytes())));
        let error_script = "window.addEventListener(\"error\", function () {});";
        let served = with_csp(INDEX, Origin::Served);
        let csp = csp_of(&served);
        assert!(csp.starts_with("default-src 'none'; script-src 'self' 'wasm-unsafe-eval' "));
        assert!(csp.contains(&hash(error_script)), "{csp}");
        assert!(csp.contains("connect-src 'self'") && !csp.contains(" 'unsafe-eval'"));
        assert_eq!(
            csp.matches("'sha256-").count(),
            2,
            "the two inline scripts: {csp}"
        );
        // Running it again replaces the policy instead of adding a second one.
        assert_eq!(with_csp(&served, Origin::Served), served);

        let page = with_csp(&run(INDEX, &files()).unwrap(), Origin::File);
        let csp = csp_of(&page);
        assert!(
            csp.contains("connect-src 'none'") && !csp.contains("'self'"),
            "{csp}"
        );
        assert!(csp.contains(&hash(error_script)));
        // The loader with the glue and the wasm inlined is allowed by its own hash.
        let (start, end, _) = find_script(&page, |t, b| {
            attr(t, "type") == Some("module") && b.contains("initSync")
        })
        .map(|(s, e)| (s, e, ()))
        .unwrap();
        let open_end = start + page[start..].find('>').unwrap() + 1;
        assert!(csp.contains(&hash(&page[open_end..end - "</script>".len()])));
    }

    #[test]
    fn bundles_glue_wasm_and_css_into_one_page() {
        let page = run(INDEX, &files()).unwrap();
        assert!(page.contains("initSync({ module: crosscheckWasm });"));
        assert!(page.contains(&format!("atob(\"{}\")", base64(b"\0asm\x01\0\0\0"))));
        assert!(page.contains("export { initSync };"));
        assert!(page.contains("<style>\np { color: red }\n</style>"));
        assert!(page.contains("<main id=\"reports\"></main>"));
        assert!(
            page.contains("window.addEventListener(\"error\""),
            "other scripts are kept"
        );
        for gone in [
            "modulepreload",
            "rel=\"preload\"",
            "import init",
            "_bg.wasm",
            ".js'",
            "extra-1a2b",
        ] {
            assert!(!page.contains(gone), "{gone} is still in the page");
        }
        // The glue's own "</script>" cannot close the element early.
        assert_eq!(page.matches("</script>").count(), 2);
        assert!(page.contains("'<\\/script>'"));
    }

    #[test]
    fn missing_or_wrong_files_fail_loudly() {
        let mut f = files();
        f.remove("./crosscheck-web-0f1e_bg.wasm");
        assert!(run(INDEX, &f).unwrap_err().contains("_bg.wasm"));

        let mut f = files();
        f.insert("./crosscheck-web-0f1e_bg.wasm", b"<html>".to_vec());
        assert!(run(INDEX, &f)
            .unwrap_err()
            .contains("not a WebAssembly module"));

        let mut f = files();
        f.insert(
            "./crosscheck-web-0f1e.js",
            b"import { x } from './snippets/a.js';\n".to_vec(),
        );
        assert!(run(INDEX, &f).unwrap_err().contains("snippets"));

        assert!(run("<html><body></body></html>", &files())
            .unwrap_err()
            .contains("no <script"));
    }

    #[test]
    fn trunk_serve_live_reload_is_dropped() {
        let reload = "<script>\"use strict\";\nconst address = '{{__TRUNK_ADDRESS__}}';</script>";
        let html = INDEX.replace("</body>", &format!("{reload}</body>"));
        let page = run(&html, &files()).unwrap();
        assert!(!page.contains("__TRUNK_ADDRESS__"));
        assert!(
            page.contains("window.addEventListener(\"error\""),
            "other scripts are kept"
        );
    }

    #[test]
    fn leftover_local_references_are_refused() {
        let html = INDEX.replace(
            "</head>",
            "<link rel=\"icon\" href=\"./favicon.ico\"></head>",
        );
        assert!(run(&html, &files()).unwrap_err().contains("favicon.ico"));
        // Remote and data URLs are fine.
        let html = INDEX.replace("</head>", "<link rel=\"icon\" href=\"data:,\"></head>");
        assert!(run(&html, &files()).is_ok());
    }

    #[test]
    fn attributes_and_urls() {
        let tag = r#"<link data-x="rel" rel='preload' href="./a b.wasm">"#;
        assert_eq!(attr(tag, "rel"), Some("preload"));
        assert_eq!(attr(tag, "href"), Some("./a b.wasm"));
        assert_eq!(attr(tag, "type"), None);
        assert_eq!(local_path("./a.js?v=1"), "a.js");
        assert_eq!(local_path("/a.js"), "a.js");
        assert!(!is_local("https://example.org/a.js") && !is_local("data:,") && is_local("a.css"));
        assert_eq!(
            tags("<linkx><link a=1><link>", "link"),
            ["<link a=1>", "<link>"]
        );
    }

    #[test]
    fn writes_the_file_next_to_index_html() {
        let dir =
            std::env::temp_dir().join(format!("crosscheck-bundle-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), INDEX).unwrap();
        for (name, bytes) in files() {
            std::fs::write(dir.join(local_path(name)), bytes).unwrap();
        }
        let summary = bundle_dir(&dir).unwrap();
        assert!(summary.contains(OUTPUT));
        let page = std::fs::read_to_string(dir.join(OUTPUT)).unwrap();
        assert!(page.contains("initSync"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
