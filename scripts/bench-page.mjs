// Measures the page in headless Chromium (playwright-core, /usr/bin/chromium), inside the page:
//   - load: navigation start until the last column's highlights, the presence strips and the
//     comparison panel exist (an init script with a MutationObserver records performance.now());
//     the same for a pre-rendered static copy of the page (its HTML as rendered, no scripts),
//     measured in the same run as the floor;
//   - selection: click -> updated view (classes, panel, scroll, forced layout), with
//     performance marks, on the seeds and on 50 generated reports of about 1,000 words;
//   - size: wasm + JS of dist/, gzip -9.
// Usage: scripts/bench-page [LOADS]     (after `trunk build --release`; default 21 loads)

import { readFile, readdir, writeFile, mkdtemp } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './static-server.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = path.join(root, 'dist');
const LOADS = Number(process.argv[2] ?? 21);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (x) => x.toFixed(1);

// Ready when the last column has a highlight and the page has its strips and panel.
const READY = `(() => {
  const check = () => {
    const cols = document.querySelectorAll('[data-report]');
    const last = cols[cols.length - 1];
    if (last && last.querySelector('[data-kind]') && last.querySelector('.seg')
        && document.querySelector('#panel .panel-tab')) {
      window.__ready = performance.now();
      return true;
    }
    return false;
  };
  const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
  mo.observe(document, { childList: true, subtree: true });
})();`;

const marks = [];
async function loads(browser, url, n) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(READY);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 15000 });
    times.push(await page.evaluate(() => {
      const at = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
      window.__marks = ['start', 'analysed', 'compared', 'rendered'].map((n) => at(`crosscheck:${n}`));
      return window.__ready;
    }));
    marks.push(await page.evaluate(() => window.__marks));
    await context.close();
  }
  return times;
}

/** Median time of clicking each selector (then Escape to clear), in the page. */
async function selections(page, rounds = 15) {
  return page.evaluate(async (rounds) => {
    const pick = {
      quote: () => [...document.querySelectorAll('[data-report="0"] [data-kind="quote"]')].find((q) => q.closest('[data-report]') && q.getAttribute('role') === 'button'),
      speaker: () => document.querySelector('[data-report="0"] [data-kind="speaker"][data-person]'),
      passage: () => document.querySelector('[data-report="0"] .seg[data-carried="2"], [data-report="0"] .seg'),
      discrepancy: () => {
        document.querySelector('[data-msg="togglepanel:discrepancies"]').click();
        return document.querySelector('#panel-body .disc-label');
      },
    };
    const out = {};
    for (const [name, find] of Object.entries(pick)) {
      const times = [];
      for (let i = 0; i < rounds; i++) {
        const el = find();
        if (!el) break;
        await new Promise(requestAnimationFrame);
        performance.mark(`${name}-start`);
        el.click();
        void document.body.offsetHeight; // style and layout of the updated view
        performance.mark(`${name}-end`);
        times.push(performance.measure(name, `${name}-start`, `${name}-end`).duration);
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      }
      times.sort((a, b) => a - b);
      out[name] = times.length ? times[Math.floor(times.length / 2)] : NaN;
    }
    return out;
  }, rounds);
}

/** 50 reports of about 1,000 words: seed paragraphs mixed deterministically. */
async function generated(n = 50, words = 1000) {
  const dir = path.join(root, 'seeds');
  const texts = await Promise.all((await readdir(dir)).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => readFile(path.join(dir, f), 'utf8')));
  const paras = texts.flatMap((t) => t.split('\n').map((l) => l.trim()).filter((l) => l.split(/\s+/).length > 8));
  let seed = 12345;
  const rnd = (k) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % k; };
  const out = [];
  for (let i = 0; i < n; i++) {
    const lines = [`Report ${i}: talks between the two presidents`];
    let count = 0;
    while (count < words) {
      const p = paras[rnd(paras.length)];
      lines.push(p);
      count += p.split(/\s+/).length;
    }
    out.push(lines.join('\n\n'));
  }
  return out;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const server = await serve(dist, { base: '/bench/' });
const url = `http://127.0.0.1:${server.address().port}/bench/#set=example`;

// The static copy: the rendered page, scripts removed.
const staticDir = await mkdtemp(path.join(tmpdir(), 'crosscheck-static-'));
{
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('[data-report] [data-kind]');
  const html = await page.evaluate(() => {
    const doc = document.documentElement.cloneNode(true);
    doc.querySelectorAll('script, link[rel="modulepreload"], link[rel="preload"]').forEach((s) => s.remove());
    return '<!doctype html>\n' + doc.outerHTML;
  });
  await writeFile(path.join(staticDir, 'index.html'), html);
  await context.close();
}
const staticServer = await serve(staticDir, { base: '/static/' });
const staticUrl = `http://127.0.0.1:${staticServer.address().port}/static/`;

// Interleave so both see the same machine load.
const page = [];
const floor = [];
for (let i = 0; i < LOADS; i++) {
  page.push(...await loads(browser, url, 1));
  floor.push(...await loads(browser, staticUrl, 1));
}

const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
const p = await context.newPage();
await p.goto(url, { waitUntil: 'load' });
await p.waitForSelector('[data-report="4"] [data-kind]');
const seedSel = await selections(p);
const texts = await generated();
const t0 = Date.now();
await p.evaluate(({ texts }) => window.wasmBindings.show_reports(texts.map((_, i) => `generated-${i}.txt`), texts), { texts });
const mount50 = Date.now() - t0;
await p.waitForSelector('[data-report="49"] [data-kind]');
const bigSel = await selections(p);
await context.close();

const files = await readdir(dist);
let gz = 0;
for (const f of files.filter((f) => f.endsWith('.wasm') || f.endsWith('.js'))) {
  gz += gzipSync(await readFile(path.join(dist, f)), { level: 9 }).length;
}

console.log(`load (navigation start -> last column's highlights, strips and panel), median of ${LOADS}:`);
console.log(`  page          ${fmt(median(page))} ms   (min ${fmt(Math.min(...page))}, max ${fmt(Math.max(...page))})`);
console.log(`  static floor  ${fmt(median(floor))} ms   (min ${fmt(Math.min(...floor))}, max ${fmt(Math.max(...floor))})`);
{
  const m = marks.filter((x) => !Number.isNaN(x[0]));
  const d = (i) => fmt(median(m.map((x) => x[i + 1] - x[i])));
  console.log(`  page, medians inside: wasm started at ${fmt(median(m.map((x) => x[0])))} ms; analysis ${d(0)} ms, comparison ${d(1)} ms, rendering ${d(2)} ms`);
}
console.log('selection (click -> updated view, forced layout), median of 15:');
for (const [name, t] of Object.entries(seedSel)) {
  console.log(`  ${name.padEnd(12)} seeds ${fmt(t)} ms   50 x 1,000 words ${fmt(bigSel[name])} ms`);
}
console.log(`  (50 reports analysed, compared and rendered in ${mount50} ms, as seen from outside)`);
console.log(`size: wasm + JS in dist/, gzip -9: ${(gz / 1000).toFixed(1)} KB`);

await browser.close();
await new Promise((r) => server.close(r));
await new Promise((r) => staticServer.close(r));
