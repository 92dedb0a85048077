// End-to-end: reading and linking on the built page (dist/ over http from a sub-path, and
// dist/crosscheck.html from file://), in Debian's Chromium through playwright-core.
//
//   node --test tests/e2e/          (after `trunk build --release`; scripts/test does both)
//
// - per report and kind, the page's highlights equal `crosscheck analyze --format json`;
// - a quote click (Trump on land and power plants in report 0) emphasises the group's members
//   in the other columns, scrolls them into view and opens the variants panel; a speaker click;
//   a discrepancy jump (the "Former President" entry brings report 1's span into view); a
//   passage click that scrolls the other columns; the same by keyboard alone;
// - a reload with the fragment restores the view;
// - 390x844, the dark scheme and print media render without overlap or sideways overflow;
// - axe-core finds no serious or critical violation in each state.
// Screenshots of every state go to target/screenshots/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdir, mkdir, stat } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/static-server.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = path.resolve(root, process.env.CROSSCHECK_DIST ?? 'dist');
const shots = path.join(root, 'target', 'screenshots');
const SUB_PATH = '/reading/sub/path/';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser;
let server;
let cli;
const urls = {};

before(async () => {
  for (const f of ['index.html', 'crosscheck.html']) await stat(path.join(dist, f));
  await mkdir(shots, { recursive: true });
  const seeds = (await readdir(path.join(root, 'seeds'))).filter((n) => n.endsWith('.txt')).sort()
    .map((n) => path.join('seeds', n));
  // The CLI's analysis of the same texts (cargo builds it if needed).
  cli = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'crosscheck', '--',
    'analyze', '--format', 'json', ...seeds], { cwd: root, maxBuffer: 64 << 20 }).toString());
  server = await serve(dist, { base: SUB_PATH });
  // The example story (a first visit without it shows the empty state: own.test.mjs).
  urls.http = `http://127.0.0.1:${server.address().port}${SUB_PATH}#set=example`;
  urls.file = `${pathToFileURL(path.join(dist, 'crosscheck.html')).href}#set=example`;
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

async function open(url, options = {}) {
  // bypassCSP: axe-core is injected as an inline script, which the page's CSP forbids (the CSP
  // itself is tested in hostile.test.mjs).
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('[data-report="4"] .report-body p', { state: 'attached' });
  return { context, page, problems };
}

async function shot(page, name, fullPage = false) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage });
}

/** axe-core in the page: no serious or critical violation. */
async function axe(page, state) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `axe in state "${state}"`);
}

/** Is the first element matching `selector` inside its column's visible text area? */
function inView(page, selector) {
  return page.evaluate((sel) => {
    const e = document.querySelector(sel);
    if (!e) return `no element ${sel}`;
    const body = e.closest('.report-body') ?? e.closest('[data-report]');
    const r = e.getBoundingClientRect();
    const b = body.getBoundingClientRect();
    const col = e.closest('[data-report]').getBoundingClientRect();
    const visible = r.bottom > b.top && r.top < b.bottom && r.bottom > 0 && r.top < innerHeight
      && col.left >= -1 && col.right <= innerWidth + 1;
    return visible || `${sel} at ${Math.round(r.top)}..${Math.round(r.bottom)}, its column shows ${Math.round(b.top)}..${Math.round(b.bottom)}`;
  }, selector);
}

/** The text of every highlight of `kind` in each column, grouped by its index attribute. */
function pageHighlights(page) {
  return page.evaluate(() => [...document.querySelectorAll('[data-report]')].map((col) => {
    const out = {};
    for (const [kind, attr] of [['quote', 'data-quote'], ['speaker', 'data-quote'], ['cue', 'data-quote'],
      ['claim', 'data-claim'], ['marker', 'data-claim']]) {
      const by = new Map();
      for (const e of col.querySelectorAll(`[data-kind="${kind}"]`)) {
        const i = Number(e.getAttribute(attr));
        by.set(i, (by.get(i) ?? '') + e.textContent);
      }
      out[kind] = [...by].sort((a, b) => a[0] - b[0]).map(([i, t]) => [i, t.replace(/\s+/g, '')]);
    }
    return out;
  }));
}

/** The same from the CLI's JSON: marks at one span are shown once, under the first index. */
function cliHighlights(report) {
  const squash = (t) => t.replace(/\s+/g, '');
  const once = (items) => {
    const seen = new Set();
    return items.filter(([, span]) => span && span.end > span.start && !seen.has(`${span.start}:${span.end}`)
      && seen.add(`${span.start}:${span.end}`)).map(([i, span]) => [i, squash(span.text)]);
  };
  return {
    quote: once(report.quotes.map((q, i) => [i, q])),
    speaker: once(report.quotes.map((q, i) => [i, q.speaker_mention])),
    cue: once(report.quotes.map((q, i) => [i, q.cue])),
    claim: once(report.claims.map((c, i) => [i, c])),
    marker: once(report.claims.map((c, i) => [i, c.marker])),
  };
}

const LAND = '[data-report="0"] [data-kind="quote"]';

async function landQuote(page) {
  const all = page.locator(LAND);
  const n = await all.count();
  for (let i = 0; i < n; i++) {
    if ((await all.nth(i).textContent()).includes('power plants')) return all.nth(i);
  }
  throw new Error('no land-and-power-plants quote in report 0');
}

/** After the land quote is selected: members in other columns emphasised and in view, and the
 *  variants panel with their wordings and word differences. */
async function checkLandSelected(page) {
  const emph = await page.evaluate(() => [...document.querySelectorAll('[data-report]')]
    .filter((c) => c.querySelector('[data-kind="quote"].emph')).map((c) => c.dataset.report));
  assert.ok(emph.length >= 4, `members emphasised in ${emph}`);
  for (const r of emph.filter((r) => r !== '0')) {
    assert.equal(await inView(page, `[data-report="${r}"] [data-kind="quote"].emph`), true, `report ${r}'s member in view`);
  }
  const panel = await page.evaluate(() => ({
    open: document.querySelector('#panel').classList.contains('open'),
    variants: [...document.querySelectorAll('#panel-body .members li')].map((li) => li.textContent),
    diffs: document.querySelectorAll('#panel-body .diff ins, #panel-body .diff del').length,
  }));
  assert.ok(panel.open, 'the panel is open');
  assert.ok(panel.variants.length >= 4, `${panel.variants.length} variants`);
  assert.ok(panel.variants.every((v) => /land/i.test(v)), 'each variant is a wording of the land quote');
  assert.ok(panel.diffs > 0, 'word differences shown');
}

function formerPresident(page) {
  return cli.comparison.discrepancies.findIndex((d) => d.label.includes('Former President'));
}

for (const way of ['http', 'file']) {
  test(`highlights equal the CLI's analysis (${way})`, async () => {
    const { context, page, problems } = await open(urls[way]);
    try {
      const shown = await pageHighlights(page);
      assert.equal(shown.length, cli.reports.length);
      shown.forEach((col, r) => {
        const want = cliHighlights(cli.reports[r]);
        for (const kind of Object.keys(want)) {
          assert.deepEqual(col[kind], want[kind], `report ${r}, ${kind} highlights`);
        }
      });
      await shot(page, `${way}-initial`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test(`linking by mouse: quote, speaker, discrepancy, passage (${way})`, async () => {
    const { context, page, problems } = await open(urls[way]);
    try {
      await axe(page, 'initial');
      // A quotation.
      const land = await landQuote(page);
      await land.click();
      assert.ok(await land.evaluate((e) => e.classList.contains('selected')));
      await checkLandSelected(page);
      await shot(page, `${way}-quote-selected`);
      await axe(page, 'quote selected');
      // A variant in the panel jumps to its report.
      const jump = page.locator('#panel-body .members .jump').last();
      const target = await jump.getAttribute('data-msg');
      await jump.click();
      const [, r, , q] = target.split(':');
      assert.equal(await inView(page, `[data-report="${r}"] [data-kind="quote"][data-quote="${q}"]`), true);

      // A speaker: every column emphasises Trump; the matrix is shown and a cell jumps.
      const trump = page.locator('[data-report="0"] [data-kind="speaker"]', { hasText: 'Trump' }).first();
      await trump.click();
      const speaker = await page.evaluate(() => ({
        columns: [...document.querySelectorAll('[data-report]')].filter((c) => c.querySelector('.emph')).length,
        rows: document.querySelectorAll('#panel-body .matrix tbody tr').length,
        selectedRow: document.querySelector('#panel-body .matrix .selected-row th')?.textContent,
      }));
      assert.equal(speaker.columns, 5, 'Trump emphasised in every report');
      assert.ok(speaker.rows >= 3);
      assert.equal(speaker.selectedRow, 'Donald Trump');
      await shot(page, `${way}-speaker-selected`);
      await axe(page, 'speaker selected');
      const cell = page.locator('#panel-body .matrix .selected-row .cell').nth(3);
      const cellMsg = await cell.getAttribute('data-msg');
      await cell.click();
      const cellReport = cellMsg.split(':')[2];
      assert.equal(await inView(page, `[data-report="${cellReport}"] [data-kind="quote"].emph`), true);

      // The discrepancies panel: the "Former President" entry jumps to report 1.
      await page.getByRole('button', { name: 'Discrepancies', exact: true }).click();
      const d = formerPresident(page);
      assert.ok(d >= 0, 'the comparison has the Former President discrepancy');
      await page.locator(`#panel-body [data-discrepancy="${d}"] .disc-label`).click();
      assert.equal(await page.locator(`[data-report="1"] .disc.emph[data-disc="${d}"]`).count() > 0, true);
      await page.locator(`#panel-body [data-discrepancy="${d}"] .jump`, { hasText: 'Report 1' }).click();
      assert.equal(await inView(page, `[data-report="1"] [data-disc="${d}"]`), true, 'report 1\'s span in view');
      const spanText = await page.locator(`[data-report="1"] [data-disc="${d}"]`).first().textContent();
      assert.match(spanText, /Former/);
      await shot(page, `${way}-discrepancies`);
      await axe(page, 'discrepancies panel');

      // A passage: a sentence of report 0 that others carry; the others scroll to theirs.
      const seg = page.locator('[data-report="0"] .seg[data-carried="3"], [data-report="0"] .seg[data-carried="4"]').nth(2);
      const k = (await seg.getAttribute('data-msg')).split(':')[1];
      await seg.click();
      const sentence = cli.comparison.coverage.sentences[Number(k)];
      assert.ok(sentence.matches.length >= 3);
      for (const m of sentence.matches) {
        assert.equal(await inView(page, `[data-report="${m.report}"] [data-sentence="${m.sentence}"].emph`), true,
          `report ${m.report}'s counterpart in view`);
      }
      await shot(page, `${way}-passage`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

test('the same by keyboard alone, and a reload restores the view', async () => {
  const { context, page, problems } = await open(urls.http);
  try {
    // The first quotation of report 0 is the land quote.
    assert.match(await page.locator(LAND).first().textContent(), /power plants/);
    await page.keyboard.press('j');
    assert.equal(await page.evaluate(() => document.activeElement.matches('[data-report="0"] [data-kind="quote"].selected')), true,
      'the selected quotation has the focus');
    await checkLandSelected(page);
    // Tab to a variant's jump link? Enter on the focused quotation keeps it selected.
    await page.keyboard.press('Enter');
    await checkLandSelected(page);
    // Discrepancies: step to "Former President".
    const d = formerPresident(page);
    for (let i = 0; i <= d; i++) await page.keyboard.press('d');
    assert.equal(await inView(page, `[data-report="1"] .disc.emph[data-disc="${d}"]`), true);
    // Passages, columns, panels, keys, Escape.
    await page.keyboard.press(']');
    await page.keyboard.press('p');
    assert.equal(await page.locator('[data-report="1"] [data-sentence].selected').count() > 0, true, 'a passage of report 1');
    await page.keyboard.press('c');
    await page.keyboard.press('s');
    assert.equal(await page.locator('#panel-body .matrix').count(), 1, 's opens the speakers');
    await page.keyboard.press('?');
    assert.ok((await page.locator('#panel-body .keys').textContent()).includes('Escape'));
    await shot(page, 'keys');
    await axe(page, 'keys panel');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.emph, .selected').count(), 0, 'Escape clears');
    assert.equal(await page.evaluate(() => document.querySelector('#panel').classList.contains('open')), false);
    // Toggle by keyboard: Tab reaches the legend buttons (visible focus), Enter presses one.
    await page.keyboard.press('t');
    await page.locator('.legend-item[data-msg="kind:cue"]').focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.legend-item[data-msg="kind:cue"]').getAttribute('aria-pressed'), 'false');
    await page.locator(`[data-report="4"] [data-msg="hide:4"]`).focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('[data-report="4"]').isHidden(), true);
    await page.keyboard.press('j');
    await shot(page, 'lens-hidden-column');
    await axe(page, 'lens on, a column hidden');
    const before = await page.evaluate(() => ({
      hash: location.hash,
      selected: document.querySelector('.selected')?.textContent,
      classes: document.querySelector('#reports').className.split(' ').sort().join(' '),
    }));
    assert.match(before.hash, /lens=1/);
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('[data-report="3"] .report-body p');
    const afterReload = await page.evaluate(() => ({
      hash: location.hash,
      selected: document.querySelector('.selected')?.textContent,
      classes: document.querySelector('#reports').className.split(' ').sort().join(' '),
      hidden: document.querySelector('[data-report="4"]').hidden,
      panel: document.querySelector('#panel').classList.contains('open'),
    }));
    assert.equal(afterReload.hash, before.hash);
    assert.equal(afterReload.selected, before.selected);
    assert.equal(afterReload.classes, before.classes);
    assert.equal(afterReload.hidden, true);
    assert.equal(afterReload.panel, true);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

/** No two shown columns overlap, the panel sits below them, nothing overflows sideways. */
async function checkLayout(page, what) {
  const l = await page.evaluate(() => {
    const cols = [...document.querySelectorAll('[data-report]')].map((c) => c.getBoundingClientRect())
      .filter((r) => r.width > 0);
    const panel = document.querySelector('#panel').getBoundingClientRect();
    return { cols: cols.map((r) => r.toJSON()), panel: panel.toJSON(), width: innerWidth,
      scrollWidth: document.documentElement.scrollWidth };
  });
  const overlap = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  for (let i = 0; i < l.cols.length; i++) {
    for (let j = i + 1; j < l.cols.length; j++) assert.ok(!overlap(l.cols[i], l.cols[j]), `${what}: columns ${i} and ${j} overlap`);
  }
  assert.ok(l.scrollWidth <= l.width, `${what}: no sideways overflow (${l.scrollWidth} > ${l.width})`);
  return l;
}

test('a phone: reports as tabs, the panel below', async () => {
  const { context, page, problems } = await open(urls.file, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  try {
    await checkLayout(page, 'phone');
    await shot(page, 'phone-initial');
    await axe(page, 'phone');
    await page.getByRole('tab').nth(2).click();
    assert.equal(await page.locator('[data-report="2"]').isVisible(), true);
    assert.equal(await page.locator('[data-report="0"]').isVisible(), false);
    await (await page.locator('[data-report="2"] [data-kind="quote"]').first()).click();
    const l = await checkLayout(page, 'phone, quote selected');
    assert.ok(l.panel.height > 0);
    await shot(page, 'phone-quote-selected');
    await axe(page, 'phone, quote selected');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the dark scheme and print media', async () => {
  const { context, page, problems } = await open(urls.http, { colorScheme: 'dark' });
  try {
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g).map(Number);
    assert.ok(r + g + b < 150, `a dark background (${bg})`);
    await (await landQuote(page)).click();
    await checkLayout(page, 'dark');
    await shot(page, 'dark-quote-selected');
    await axe(page, 'dark');
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    const l = await checkLayout(page, 'print');
    assert.equal(l.cols.length, 5, 'every report printed');
    for (let i = 1; i < l.cols.length; i++) assert.ok(l.cols[i].top >= l.cols[i - 1].bottom - 1, 'printed one after another');
    const kept = await page.evaluate(() => getComputedStyle(document.querySelector('[data-kind="quote"]')).backgroundColor);
    assert.notEqual(kept, 'rgba(0, 0, 0, 0)', 'highlights kept in print');
    await shot(page, 'print', true);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
