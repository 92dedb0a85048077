// Speed of the reader's own reports on the built page (dist/, over http), in Debian's Chromium:
//   node scripts/bench-own.mjs [RUNS]        (after trunk build --release; default 7 runs)
// 1. five ~1,000-word reports are added, then a sixth ~1,000-word report is pasted: the time
//    from the form's submit until its column's highlights and the rebuilt comparison exist
//    (performance.now() inside the page);
// 2. twelve ~1,000-word reports are added at once (as from chosen files): end to end from the
//    change to the last column's highlights, and the longest main-thread task (Long Tasks API).
// Reports are the seeds' sentences shuffled deterministically to about 1,000 words each.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './static-server.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Number(process.argv[2] ?? 7);
const seeds = await Promise.all((await readdir(path.join(root, 'seeds'))).sort()
  .map((n) => readFile(path.join(root, 'seeds', n), 'utf8')));
const sentences = seeds.flatMap((t) => t.split('\n').slice(1)).filter((l) => l.trim());
function report(k) {
  let seed = 7 + k * 31;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const out = [`Generated report ${k} on the call between the two leaders`];
  let words = 0;
  while (words < 1000) {
    const s = sentences[Math.floor(rnd() * sentences.length)];
    out.push(s);
    words += s.split(/\s+/).length;
  }
  return out.join('\n') + '\n';
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serve(path.join(root, 'dist'), { base: '/bench/' });
const url = `http://127.0.0.1:${server.address().port}/bench/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'] });

async function fresh() {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('#add-form');
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => e.duration)))
      .observe({ type: 'longtask', buffered: false });
  });
  return { context, page };
}

/** Sets up a wait for `[data-report=N] [data-kind]`, runs `act` in the page, returns ms. */
const timed = (page, n, act) => page.evaluate(async ({ n, act }) => {
  const sel = `[data-report="${n}"] [data-kind]`;
  window.__long = [];
  const t0 = performance.now();
  const done = new Promise((resolve) => {
    const check = () => { if (document.querySelector(sel)) { obs.disconnect(); resolve(performance.now() - t0); } };
    const obs = new MutationObserver(check);
    obs.observe(document.body, { childList: true, subtree: true });
    check();
  });
  // eslint-disable-next-line no-new-func
  new Function(act)();
  const ms = await done;
  await new Promise((r) => setTimeout(r, 50));
  return { ms, longest: Math.max(0, ...window.__long) };
}, { n, act });

const paste = [];
const twelve = [];
for (let run = 0; run < RUNS; run++) {
  {
    const { context, page } = await fresh();
    await page.setInputFiles('#add-files', [0, 1, 2, 3, 4].map((k) => ({ name: `r${k}.txt`, mimeType: 'text/plain', buffer: Buffer.from(report(k)) })));
    await page.waitForSelector('[data-report="4"] [data-kind]');
    await page.click('#add-box > summary');
    await page.fill('#add-text', report(5));
    paste.push(await timed(page, 5, "document.getElementById('add-form').requestSubmit()"));
    await context.close();
  }
  {
    const { context, page } = await fresh();
    const texts = Array.from({ length: 12 }, (_, k) => report(100 + k));
    // The same path as chosen files (File objects read by the page), timed from the change.
    await page.evaluate((texts) => { window.__files = texts.map((t, k) => new File([t], `g${k}.txt`, { type: 'text/plain' })); }, texts);
    twelve.push(await timed(page, 11, `const dt = new DataTransfer(); window.__files.forEach((f) => dt.items.add(f));
      document.querySelector('.columns').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));`));
    await context.close();
  }
}
const fmt = (xs, k) => `median ${median(xs.map((x) => x[k])).toFixed(1)} ms (min ${Math.min(...xs.map((x) => x[k])).toFixed(1)}, max ${Math.max(...xs.map((x) => x[k])).toFixed(1)})`;
console.log(`paste a ~1,000-word report into five: ${fmt(paste, 'ms')}; longest task ${fmt(paste, 'longest')}`);
console.log(`twelve ~1,000-word reports at once: ${fmt(twelve, 'ms')}; longest task ${fmt(twelve, 'longest')}`);
await browser.close();
server.close();
