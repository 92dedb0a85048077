// End-to-end: the built page in headless Chromium (Debian's /usr/bin/chromium through
// playwright-core, which downloads no browser).
//
//   node --test tests/e2e/          (after `trunk build --release`; scripts/test does both)
//
// Two ways in, each at a desktop and a phone width:
//   - dist/ over http, mounted under a sub-path, so every URL in the page must be relative;
//   - dist/crosscheck.html opened from file://, the single-file page.
// In each: five [data-report] columns with the seed titles and paragraphs, the status line gone,
// and no console error, page error, failed request or error response.
// Screenshots go to target/screenshots/. CROSSCHECK_DIST overrides the dist directory.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, readdir, mkdir, stat } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve, TYPES } from '../../scripts/static-server.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = path.resolve(root, process.env.CROSSCHECK_DIST ?? 'dist');
const shots = path.join(root, 'target', 'screenshots');
const SUB_PATH = '/some/sub/path/';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const VIEWPORTS = {
  desktop: { viewport: { width: 1440, height: 900 } },
  mobile: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
};

/** The seeds as the page should show them: title (first line of three words or more among
 *  the first six non-blank lines, as `text::title`) and every other non-blank line. */
async function seeds() {
  const dir = path.join(root, 'seeds');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
  assert.equal(names.length, 5, 'five seed files');
  return Promise.all(names.map(async (file) => {
    const lines = (await readFile(path.join(dir, file), 'utf8'))
      .split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const at = lines.slice(0, 6).findIndex((l) => l.split(/\s+/).length >= 3);
    const t = at === -1 ? 0 : at;
    return { file, title: lines[t], paragraphs: lines.filter((_, i) => i !== t) };
  }));
}

let browser;
let server;
let expected;

before(async () => {
  for (const f of ['index.html', 'crosscheck.html']) {
    await stat(path.join(dist, f)).catch(() => {
      throw new Error(`${path.join(dist, f)} is missing: run \`trunk build --release\` first`);
    });
  }
  await mkdir(shots, { recursive: true });
  expected = await seeds();
  server = await serve(dist, { base: SUB_PATH });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

/** Opens `url` in a fresh context and checks the page; returns nothing, throws on failure. */
async function checkPage(url, name, size) {
  const context = await browser.newContext(VIEWPORTS[size]);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  try {
    // The example story (a first visit without it shows the empty state: own.test.mjs).
    await page.goto(`${url}#set=example`, { waitUntil: 'load' });
    await page.waitForFunction(
      () => document.querySelectorAll('[data-report]').length > 0
        || document.querySelector('#status.error'),
      null, { timeout: 15000 },
    );
    const shown = await page.evaluate(() => ({
      status: document.querySelector('#status')?.hidden ? null
        : document.querySelector('#status')?.textContent,
      columns: [...document.querySelectorAll('[data-report]')].map((c) => ({
        index: c.getAttribute('data-report'),
        title: c.querySelector('h2')?.textContent,
        headings: c.querySelectorAll('h2').length,
        paragraphs: [...c.querySelectorAll('.report-body > p')].map((p) => p.textContent),
      })),
      documentTitle: document.title,
      // Every highlight: its element, its kind, and whether it sits inside a title or paragraph.
      highlights: [...document.querySelectorAll('[data-kind]')].map((h) => ({
        tag: h.tagName.toLowerCase(),
        kind: h.getAttribute('data-kind'),
        placed: Boolean(h.closest('[data-report] h2, [data-report] .report-body > p')),
      })),
    }));
    assert.equal(shown.status, null, `the status line is hidden (it says: ${shown.status})`);
    assert.equal(shown.columns.length, 5, 'five report columns');
    shown.columns.forEach((col, i) => {
      const seed = expected[i];
      assert.equal(col.index, String(i), `data-report of column ${i}`);
      assert.equal(col.headings, 1, `one heading in column ${i}`);
      assert.equal(col.title, seed.title, `title of ${seed.file}`);
      assert.deepEqual(col.paragraphs, seed.paragraphs, `paragraphs of ${seed.file}`);
    });
    assert.match(shown.documentTitle, /crosscheck/);
    const KINDS = { quote: 'mark', claim: 'mark', speaker: 'span', cue: 'span', marker: 'span' };
    for (const h of shown.highlights) {
      assert.equal(h.tag, KINDS[h.kind], `a ${h.kind} highlight is a <${KINDS[h.kind]}>`);
      assert.ok(h.placed, `a ${h.kind} highlight inside a title or paragraph`);
    }
    if (size === 'desktop') {
      // Side by side: the first columns start at one height, left to right.
      const boxes = await page.$$eval('[data-report]', (cs) => cs.map((c) => c.getBoundingClientRect().toJSON()));
      assert.equal(boxes[1].top, boxes[0].top, 'columns side by side');
      assert.ok(boxes[1].left > boxes[0].right - 1, 'second column right of the first');
    } else {
      // On a phone the reports are tabs: one column shown, no wider than the screen.
      const layout = await page.evaluate(() => {
        const cs = [...document.querySelectorAll('[data-report]')].map((c) => c.getBoundingClientRect())
          .filter((r) => r.width > 0);
        return { shown: cs.length, widest: Math.max(...cs.map((c) => c.right)), width: innerWidth,
          tabs: document.querySelectorAll('[role=tab]').length,
          scrollWidth: document.documentElement.scrollWidth };
      });
      assert.equal(layout.shown, 1, 'one report shown at a time');
      assert.equal(layout.tabs, 5, 'one tab per report');
      assert.ok(layout.widest <= layout.width, `columns fit the screen (${layout.widest} > ${layout.width})`);
      assert.ok(layout.scrollWidth <= layout.width, `no sideways scrolling (${layout.scrollWidth})`);
    }
    await page.screenshot({ path: path.join(shots, `${name}-${size}.png`) });
    if (size === 'desktop') {
      await page.screenshot({ path: path.join(shots, `${name}-${size}-full.png`), fullPage: true });
    }
    assert.deepEqual(problems, [], 'no console error, page error or failed request');
  } finally {
    await context.close();
  }
}

for (const size of Object.keys(VIEWPORTS)) {
  test(`http under a sub-path (${size})`, async () => {
    const { port } = server.address();
    await checkPage(`http://127.0.0.1:${port}${SUB_PATH}`, 'http-subpath', size);
  });

  test(`single file from file:// (${size})`, async () => {
    await checkPage(pathToFileURL(path.join(dist, 'crosscheck.html')).href, 'file-single', size);
  });
}

test('the single file loads nothing else', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(path.join(dist, 'crosscheck.html')).href;
  await page.goto(`${url}#set=example`, { waitUntil: 'load' });
  await page.waitForSelector('[data-report]');
  await context.close();
  assert.deepEqual(requests.filter((u) => u !== url && !u.startsWith('data:')), []);
});

test('a failure to load shows a message, not a blank page', async () => {
  // Serve the page with its wasm missing: the status line must turn into a visible error.
  const broken = createServer(async (req, res) => {
    const name = path.basename(new URL(req.url, 'http://x').pathname) || 'index.html';
    if (name.endsWith('.wasm')) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(path.join(dist, name));
      res.writeHead(200, { 'content-type': TYPES[path.extname(name)] ?? 'text/plain' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => broken.listen(0, '127.0.0.1', resolve));
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`http://127.0.0.1:${broken.address().port}/`);
    const status = await page.waitForSelector('#status.error', { timeout: 15000 });
    assert.ok(await status.isVisible());
    assert.match(await status.textContent(), /could not start/);
    await page.screenshot({ path: path.join(shots, 'load-failure.png') });
  } finally {
    await context.close();
    await new Promise((resolve) => broken.close(resolve));
  }
});
