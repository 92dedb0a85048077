// End-to-end: the reader's own reports (issue 9) on the built page, over http from a sub-path
// and from dist/crosscheck.html on file://, in Debian's Chromium through playwright-core.
//
// - a first visit shows the empty state, the example story one click away;
// - paste a report; choose a .txt and an .html file, drop another (its markup and scripts do
//   not appear and do not run; its text equals the CLI's `crosscheck text` of the same file);
// - rename, reorder, remove; a reload brings back the reports and the view;
// - the example never overwrites the reader's reports;
// - a full localStorage gives a message and loses nothing; corrupt stored data is kept aside
//   and offered for download;
// - axe-core finds no serious or critical violation in the new states.
// Screenshots go to target/screenshots/own-*.png.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/static-server.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = path.resolve(root, process.env.CROSSCHECK_DIST ?? 'dist');
const shots = path.join(root, 'target', 'screenshots');
const SUB_PATH = '/own/sub/path/';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const FIXTURE = path.join(root, 'tests', 'fixtures', 'article.html');

let browser;
let server;
let fixtureText;
const urls = {};

before(async () => {
  for (const f of ['index.html', 'crosscheck.html']) await stat(path.join(dist, f));
  await mkdir(shots, { recursive: true });
  // What the CLI analyses for the fixture (cargo builds it if needed).
  fixtureText = execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'crosscheck', '--',
    'text', FIXTURE], { cwd: root }).toString();
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

async function open(url) {
  // bypassCSP: axe-core is injected as an inline script, which the page's CSP forbids (the CSP
  // itself is tested in hostile.test.mjs).
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('#add-form');
  return { context, page, problems };
}

const shot = (page, name) => page.screenshot({ path: path.join(shots, `own-${name}.png`) });

async function axe(page, state) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `axe in state "${state}"`);
}

/** Each column: its name (the rename field), title and paragraphs. */
const columns = (page) => page.$$eval('[data-report]', (cs) => cs.map((c) => ({
  name: c.querySelector('.rename')?.value ?? null,
  title: c.querySelector('h2')?.textContent,
  paragraphs: [...c.querySelectorAll('.report-body > p')].map((p) => p.textContent),
  highlights: c.querySelectorAll('[data-kind]').length,
})));

const PASTED = 'Council approves the new bridge\n'
  + 'The city council voted on Tuesday to build a second bridge over the river.\n'
  + '"This bridge will change how people cross the city," Mayor Jane Holt said after the vote.\n'
  + 'Opponents reportedly plan to challenge the decision in court.\n';

async function paste(page, name, text) {
  // Once there are reports the form folds into "Add reports…".
  if (await page.locator('#add-box[open]').count() === 0) await page.click('#add-box > summary');
  await page.fill('#add-name', name);
  await page.fill('#add-text', text);
  await page.click('#add-form button[type=submit]');
}

for (const way of ['http', 'file']) {
  test(`add, manage and keep the reader's reports (${way})`, async () => {
    const { context, page, problems } = await open(urls[way]);
    try {
      // First visit: the empty state, no columns, the example one click away.
      assert.equal(await page.locator('[data-report]').count(), 0);
      assert.match(await page.locator('.empty').textContent(), /paste/i);
      await shot(page, `${way}-empty`);
      if (way === 'http') await axe(page, 'empty');

      // Paste one report: analysed alone.
      await paste(page, 'Courier', PASTED);
      await page.waitForSelector('[data-report="0"] [data-kind="quote"]');
      let cols = await columns(page);
      assert.equal(cols.length, 1);
      assert.equal(cols[0].name, 'Courier');
      assert.equal(cols[0].title, 'Council approves the new bridge');
      assert.equal(await page.inputValue('#add-text'), '', 'the form is emptied once added');

      // Choose a .txt and the .html fixture at once.
      await page.setInputFiles('#add-files', [
        { name: 'second.txt', mimeType: 'text/plain', buffer: Buffer.from(PASTED.replace('Tuesday', 'Monday')) },
        { name: 'article.html', mimeType: 'text/html', buffer: await readFile(FIXTURE) },
      ]);
      await page.waitForSelector('[data-report="2"]');
      cols = await columns(page);
      assert.deepEqual(cols.map((c) => c.name), ['Courier', 'second.txt', 'article.html']);
      const lines = fixtureText.split('\n').filter((l) => l !== '');
      assert.equal(cols[2].title, lines[0]);
      assert.deepEqual(cols[2].paragraphs, lines.slice(1), 'the page reduces the HTML as the CLI does');
      assert.equal(await page.evaluate(() => window.__injected), undefined, 'no script of the file ran');
      assert.doesNotMatch(await page.evaluate(() => document.title), /hacked/);
      assert.equal(await page.locator('[data-report] script, [data-report] img, [data-report] iframe').count(), 0);
      const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('crosscheck.reports')));
      assert.equal(stored[2].text, fixtureText, 'the stored text is the article text');

      // Drop a file on the page.
      await page.evaluate(() => {
        const dt = new DataTransfer();
        dt.items.add(new File(['Dropped report on the bridge\n"We will appeal," a spokesman for the opponents said.\n'], 'dropped.md', { type: 'text/markdown' }));
        document.querySelector('.columns').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      });
      await page.waitForSelector('[data-report="3"]');
      await shot(page, `${way}-four`);
      if (way === 'http') await axe(page, 'four reports of the reader');

      // Rename, reorder, remove.
      await page.fill('[data-report="1"] .rename', 'Gazette');
      await page.press('[data-report="1"] .rename', 'Enter');
      await page.waitForFunction(() => localStorage.getItem('crosscheck.reports').includes('"Gazette"'));
      await page.click('[data-report="0"] [data-msg="mv:0:1"]');
      cols = await columns(page);
      assert.deepEqual(cols.map((c) => c.name), ['Gazette', 'Courier', 'article.html', 'dropped.md']);
      await page.click('[data-report="3"] [data-msg="rm:3"]');
      cols = await columns(page);
      assert.deepEqual(cols.map((c) => c.name), ['Gazette', 'Courier', 'article.html']);
      assert.match(await page.locator('.notice').textContent(), /Removed dropped\.md/);

      // A view (a kind hidden, a column widened), then reload: reports and view come back.
      await page.click('.legend-item[data-msg="kind:cue"]');
      await page.click('[data-report="1"] [data-msg="wide:1"]');
      const hash = await page.evaluate(() => location.hash);
      assert.match(hash, /hide=cue/);
      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector('[data-report="2"]');
      cols = await columns(page);
      assert.deepEqual(cols.map((c) => c.name), ['Gazette', 'Courier', 'article.html']);
      assert.equal(await page.evaluate(() => location.hash), hash);
      assert.equal(await page.locator('.legend-item[data-msg="kind:cue"]').getAttribute('aria-pressed'), 'false');
      assert.equal(await page.locator('[data-report="1"].wide').count(), 1);
      // A visit without the fragment restores the last view from storage.
      await page.goto(urls[way], { waitUntil: 'load' });
      await page.waitForSelector('[data-report="2"]');
      assert.equal(await page.locator('[data-report="1"].wide').count(), 1);

      // The example, one click away, leaves the reader's reports alone.
      await page.click('.sources [data-msg="example"]');
      await page.waitForSelector('[data-report="4"]');
      assert.equal(await page.locator('[data-report] .rename').count(), 0, 'the example is read-only');
      await shot(page, `${way}-example`);
      await page.click('.sources [data-msg="own"]');
      cols = await columns(page);
      assert.deepEqual(cols.map((c) => c.name), ['Gazette', 'Courier', 'article.html']);

      // New comparison, then undo.
      await page.click('.sources [data-msg="new"]');
      assert.equal(await page.locator('[data-report]').count(), 0);
      await page.click('.notice [data-msg="undo"]');
      assert.equal(await page.locator('[data-report]').count(), 3);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

test('a report over the size limit is refused with a message, nothing typed is lost', async () => {
  const { context, page, problems } = await open(urls.http);
  try {
    const big = 'Big report\n' + 'word '.repeat(50000);
    await paste(page, 'huge', big);
    await page.waitForSelector('.notice');
    assert.match(await page.locator('.notice').textContent(), /too large .*at most 200 KB/);
    assert.equal(await page.locator('[data-report]').count(), 0);
    assert.equal((await page.inputValue('#add-text')).length, big.length, 'the text stays in the box');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a full localStorage gives a message and loses nothing', async () => {
  const { context, page, problems } = await open(urls.http);
  try {
    await paste(page, 'first', PASTED);
    await page.waitForSelector('[data-report="0"]');
    const saved = await page.evaluate(() => localStorage.getItem('crosscheck.reports'));
    // Fill the rest of the storage.
    const filled = await page.evaluate(() => {
      let n = 0;
      let chunk = 'x'.repeat(1 << 20);
      while (chunk.length > 16) {
        try { localStorage.setItem(`filler-${n}`, chunk); n++; } catch { chunk = chunk.slice(chunk.length / 2); }
      }
      return n;
    });
    assert.ok(filled > 0);
    await paste(page, 'second', PASTED.replace('Tuesday', 'Friday') + 'More text. '.repeat(2000));
    await page.waitForSelector('[data-report="1"]');
    assert.match(await page.locator('.notice').textContent(), /storage .* is full/);
    assert.equal(await page.locator('[data-report]').count(), 2, 'the session keeps both reports');
    assert.equal(await page.evaluate(() => localStorage.getItem('crosscheck.reports')), saved, 'what was saved is untouched');
    await shot(page, 'storage-full');
    await axe(page, 'storage full');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('corrupt stored data is kept aside and offered for download', async () => {
  const { context, page, problems } = await open(urls.http);
  try {
    const junk = '[{"file": "a.txt", "text": "unfinished';
    await page.evaluate((j) => localStorage.setItem('crosscheck.reports', j), junk);
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('.notice');
    assert.match(await page.locator('.notice').textContent(), /could not be read/);
    assert.equal(await page.evaluate(() => localStorage.getItem('crosscheck.reports.unreadable')), junk);
    const href = await page.locator('.notice a[download]').getAttribute('href');
    assert.equal(decodeURIComponent(href.slice(href.indexOf(',') + 1)), junk);
    await shot(page, 'corrupt');
    await axe(page, 'corrupt data kept aside');
    // The session works, and adding a report keeps the aside copy.
    await paste(page, 'fresh', PASTED);
    await page.waitForSelector('[data-report="0"]');
    assert.equal(await page.evaluate(() => localStorage.getItem('crosscheck.reports.unreadable')), junk);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('export: the JSON equals the CLI\'s, the HTML reads with its highlights and no script', async () => {
  const { context, page, problems } = await open(urls.http);
  const dir = await mkdtemp(path.join(tmpdir(), 'crosscheck-export-'));
  try {
    const texts = {
      'courier.txt': PASTED,
      'gazette.txt': PASTED.replace('Tuesday', 'Monday').replace('Jane Holt', 'Jane Holt-Smith'),
    };
    for (const [name, text] of Object.entries(texts)) await writeFile(path.join(dir, name), text);
    await page.setInputFiles('#add-files', Object.entries(texts).map(([name, text]) => (
      { name, mimeType: 'text/plain', buffer: Buffer.from(text) })));
    await page.waitForSelector('[data-report="1"]');
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="json"]')]);
    const exported = JSON.parse(await readFile(await json.path(), 'utf8'));
    // The CLI (built by \`cargo run\` in before()) on the same files, named as on the page.
    const cli = JSON.parse(execFileSync(path.join(root, 'target', 'release', 'crosscheck'),
      ['analyze', '--format', 'json', ...Object.keys(texts)], { cwd: dir, maxBuffer: 64 << 20 }).toString());
    assert.deepEqual(exported, cli, 'the exported JSON is the CLI\'s output on the same texts');
    assert.ok(cli.reports[0].quotes.length > 0);

    const [html] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="html"]')]);
    const file = path.join(dir, 'export.html');
    await writeFile(file, await readFile(await html.path()));
    const source = await readFile(file, 'utf8');
    assert.doesNotMatch(source, /<script/i);
    assert.match(source, /Content-Security-Policy" content="default-src 'none'/);
    const reader = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1200, height: 900 } });
    const view = await reader.newPage();
    await view.goto(pathToFileURL(file).href);
    assert.equal(await view.locator('article[data-report]').count(), 2);
    assert.ok(await view.locator('mark[data-kind="quote"]').count() >= 2, 'quotations highlighted');
    assert.ok(await view.locator('span[data-kind="speaker"]').count() >= 2);
    const bg = await view.locator('mark[data-kind="quote"]').first().evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.notEqual(bg, 'rgba(0, 0, 0, 0)', 'the highlight is visible');
    assert.ok(await view.locator('.groups .group').count() >= 1, 'the comparison panels are there');
    await view.screenshot({ path: path.join(shots, 'own-export-html.png'), fullPage: true });
    await reader.close();
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
});
