// End-to-end: hostile and broken input on the built page (issue: hostile and broken input), over
// http from a sub-path and from dist/crosscheck.html on file://, with the page's own
// Content-Security-Policy in force (no bypass):
//
// - a pasted report full of markup (<script>, <img onerror>, javascript: links, </style>,
//   <iframe>, SVG with script, entities) and a dropped HTML file with scripts show as text and
//   run nothing;
// - bad files dropped on the page (binary, empty, UTF-16, Latin-1, over the size limit) get a
//   message naming each, the good ones are added, and the page stays usable;
// - the CSP is there and enforced: a connection attempt from the page is refused;
// - every request the page makes while a reader loads it, adds and analyses reports, opens the
//   example and exports is for the page's own files: nothing leaves the browser.
// Screenshots go to target/screenshots/hostile-*.png.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/static-server.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = path.resolve(root, process.env.CROSSCHECK_DIST ?? 'dist');
const shots = path.join(root, 'target', 'screenshots');
const SUB_PATH = '/hostile/sub/path/';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

let browser;
let server;
const urls = {};

before(async () => {
  await mkdir(shots, { recursive: true });
  server = await serve(dist, { base: SUB_PATH });
  urls.http = `http://127.0.0.1:${server.address().port}${SUB_PATH}`;
  urls.file = pathToFileURL(path.join(dist, 'crosscheck.html')).href;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

// Everything in this report tries to run or load something; all of it must show as text.
const HOSTILE = [
  'Harbour <b>vote</b> <script>window.__pwned = "script"</script> tonight',
  '"We will rebuild the pier," Mayor Ines Calder said. <img src=x onerror="window.__pwned=\'img\'">',
  '<a href="javascript:window.__pwned=\'link\'">click</a> </style><style>body{display:none}</style>',
  '<iframe src="https://example.invalid/" onload="window.__pwned=\'iframe\'"></iframe>',
  '<svg onload="window.__pwned=\'svg\'"><script>window.__pwned="svg-script"</script></svg>',
  '&lt;script&gt; &amp; &#x3C;img&#x3E; {{constructor.constructor("window.__pwned=1")()}}',
].join('\n');

const LEAK = 'https://example.invalid/leak?x=1';

const HOSTILE_HTML = `<!doctype html><html><head><title>x</title>
<script>window.__pwned = "html-head"</script>
<link rel="stylesheet" href="https://example.invalid/x.css"></head>
<body><article><h1>Council approves the harbour plan</h1>
<p>"We will rebuild," Mayor Ines Calder said on Friday.<img src="https://example.invalid/t.png" onerror="window.__pwned='html-img'"></p>
<script>window.__pwned = "html-body"</script><p>Critics were not convinced.</p></article></body></html>`;

async function open(url) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('websocket', (w) => requests.push(w.url()));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('#add-form');
  return { context, page, requests, problems };
}

async function paste(page, name, text) {
  if (await page.locator('#add-box[open]').count() === 0) await page.click('#add-box > summary');
  await page.fill('#add-name', name);
  await page.fill('#add-text', text);
  await page.click('#add-form button[type=submit]');
}

/** Drops files (name, bytes as an array of numbers or a string) on the page. */
async function drop(page, files) {
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const [name, content] of files) {
      const part = typeof content === 'string' ? content : new Uint8Array(content);
      dt.items.add(new File([part], name));
    }
    (document.querySelector('.columns') ?? document.querySelector('main')).dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

/** The files of dist/, as the URLs the page may request for them. */
async function ownFiles(base) {
  return new Set((await readdir(dist)).map((f) => new URL(f, base).href).concat([base]));
}

for (const way of ['http', 'file']) {
  test(`markup in reports runs nothing, bad files are refused by name, nothing leaves the browser (${way})`, async () => {
    const { context, page, requests, problems } = await open(urls[way]);
    try {
      // The policy is in the page, before any script.
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, way === 'file' ? /connect-src 'none'/ : /connect-src 'self'/);
      assert.doesNotMatch(csp, / 'unsafe-eval'| 'unsafe-inline'[^;]*script|script-src[^;]*'unsafe-inline'/);
      const loaded = requests.length;

      // A report of markup: shown as text, nothing runs.
      await paste(page, 'Markup', HOSTILE);
      await page.waitForSelector('[data-report="0"] [data-kind="quote"]');
      const text = await page.locator('[data-report="0"]').textContent();
      for (const piece of ['<script>window.__pwned = "script"</script>', '<img src=x onerror=', 'javascript:', '</style>', '<iframe', '<svg onload', '&lt;script&gt;']) {
        assert.ok(text.includes(piece), `${piece} is shown as text`);
      }
      assert.equal(await page.locator('[data-report] :is(script, img, iframe, svg, style, object, embed)').count(), 0);
      assert.equal(await page.locator('[data-report="0"] [data-kind="speaker"]').first().textContent(), 'Mayor Ines Calder');

      // A dropped HTML file is reduced to its article; its scripts and images neither run nor load.
      await drop(page, [['page.html', HOSTILE_HTML]]);
      await page.waitForSelector('[data-report="1"]');
      assert.equal(await page.locator('[data-report="1"] h2').textContent(), 'Council approves the harbour plan');
      assert.doesNotMatch(await page.locator('[data-report="1"]').textContent(), /__pwned|<script/);

      // Bad files: each refused with its reason, the good ones added and converted.
      const utf16 = [0xff, 0xfe, ...Buffer.from('Port deal signed at last\n“We agree,” Ana Ruiz said.', 'utf16le')];
      const latin1 = [...Buffer.from('Port deal signed at last\n\x93Oui,\x94 Ana Ruiz said in Orl\xe9ans.', 'latin1')];
      await drop(page, [
        ['picture.png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]],
        ['empty.txt', []],
        ['binary.dat', [1, 2, 3, 0, 0, 0, 255, 254, 0, 7]],
        ['wide.txt', utf16],
        ['old.txt', latin1],
        ['huge.txt', 'x'.repeat(2_100_000)],
      ]);
      await page.waitForSelector('[data-report="3"]');
      const notice = await page.locator('.notice').textContent();
      for (const part of ['picture.png: a PNG image file, not text', 'empty.txt: the file is empty',
        'binary.dat: a binary file, not text', 'huge.txt: too large: 2.1 MB (at most 2 MB)',
        'wide.txt: read as UTF-16', 'old.txt: not UTF-8: read as Latin-1']) {
        assert.ok(notice.includes(part), `"${part}" in the notice: ${notice}`);
      }
      assert.match(await page.locator('[data-report="3"] .report-body').textContent(), /“Oui,” Ana Ruiz said in Orléans\./);
      await page.screenshot({ path: path.join(shots, `hostile-${way}.png`) });

      // The page stays usable: a quotation still selects, the example still opens.
      await page.click('[data-report="2"] [data-kind="quote"]');
      await page.locator('[data-msg="example"]').first().click();
      await page.waitForSelector('[data-report="4"] [data-kind="quote"]');
      await page.locator('[data-msg="own"]').first().click();
      await page.waitForSelector('[data-report="3"]');

      // Export both ways (downloads are blob: URLs the page makes itself).
      for (const kind of ['json', 'html']) {
        const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${kind}"]`)]);
        assert.ok(await download.path());
      }

      // The CSP is enforced: the page cannot open a connection.
      const fetched = await page.evaluate((u) => fetch(u).then(() => 'sent', (e) => `refused: ${e.message}`), LEAK);
      assert.match(fetched, /^refused/);
      const violations = await page.evaluate(() => window.__violations);
      assert.ok(violations.some((v) => v.startsWith('connect-src') && v.includes('example.invalid')), violations.join('\n'));

      assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script of a report ran');
      // After the page's own files, nothing but the refused attempt above (which Chromium may not
      // even report as a request).
      const own = await ownFiles(urls[way]);
      const after = requests.slice(loaded).filter((u) => !u.startsWith('blob:') && !u.startsWith('data:'));
      assert.deepEqual(after.filter((u) => u !== LEAK), [], 'requests after load');
      const foreign = requests.slice(0, loaded).filter((u) => !own.has(u) && !u.startsWith('data:'));
      assert.deepEqual(foreign, [], 'the page loads only its own files');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}
