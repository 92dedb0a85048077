// End-to-end: the JavaScript API (dist/api/, built by scripts/build-api) from a page over
// http, and its generated TypeScript declarations.
//
// - the README's example page (dist/api/example.html) runs and shows the quotations;
// - `analyze` on the seeds, called from a page, returns exactly the CLI's
//   `crosscheck analyze --format json` (f32 scores compared as f32), with UTF-16 offsets that
//   index the JavaScript strings;
// - `tsc --noEmit --strict` accepts tests/e2e/api/uses.ts and rejects tests/e2e/api/misuse.ts
//   with the expected errors (the .d.ts is generated from the Rust types, never written by hand).
// Screenshot: target/screenshots/api-example.png.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFile, readdir, mkdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/static-server.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = path.resolve(root, process.env.CROSSCHECK_DIST ?? 'dist');
const shots = path.join(root, 'target', 'screenshots');
const SUB_PATH = '/api/sub/path/';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TSC = path.join(root, 'node_modules', '.bin', 'tsc');

let browser;
let server;
let base;

before(async () => {
  for (const f of ['crosscheck.js', 'crosscheck_bg.wasm', 'crosscheck.d.ts', 'example.html']) {
    await stat(path.join(dist, 'api', f));
  }
  await mkdir(shots, { recursive: true });
  server = await serve(dist, { base: SUB_PATH });
  base = `http://127.0.0.1:${server.address().port}${SUB_PATH}`;
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
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

/** `value` with every non-integer number rounded to f32, as the CLI's f32 scores are. */
function f32(value) {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Math.fround(value);
  if (Array.isArray(value)) return value.map(f32);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, f32(v)]));
  }
  return value;
}

test('the example page runs the API', async () => {
  const { page, problems } = await open(`${base}api/example.html`);
  await page.waitForFunction(() => document.getElementById('out').textContent.length > 0);
  const out = await page.textContent('#out');
  assert.match(out, /a\.txt: "We made real progress," \(full\) by the minister at UTF-16 \d+/);
  assert.match(out, /b\.txt: "real progress" \(partial\)/);
  await page.screenshot({ path: path.join(shots, 'api-example.png') });
  assert.deepEqual(problems, []);
  await page.close();
});

test('analyze equals the CLI on the seeds, with UTF-16 offsets into the JS strings', async () => {
  const seeds = (await readdir(path.join(root, 'seeds'))).filter((f) => f.endsWith('.txt')).sort();
  const files = seeds.map((f) => `seeds/${f}`);
  const texts = await Promise.all(files.map((f) => readFile(path.join(root, f), 'utf8')));
  const cli = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'crosscheck',
    '--', 'analyze', '--format', 'json', ...files], { cwd: root, maxBuffer: 64 << 20 }).toString());
  const { page, problems } = await open(`${base}api/example.html`);
  const api = await page.evaluate(async ({ url, files, texts }) => {
    const m = await import(url);
    await m.default();
    const out = m.analyze(files.map((file, i) => ({ file, text: texts[i] })));
    // Every quotation's UTF-16 offsets cut its text out of the JavaScript string.
    const cut = out.reports.every((r, i) => r.quotes.every((q) =>
      texts[i].slice(q.start_utf16, q.end_utf16) === q.text));
    return { out, cut };
  }, { url: `${base}api/crosscheck.js`, files, texts });
  assert.ok(api.cut, 'UTF-16 offsets index the JS strings');
  assert.ok(cli.reports.some((r) => r.quotes.length > 0) && cli.comparison.quote_groups.length > 0);
  assert.deepEqual(f32(api.out), f32(cli));
  // Wrong input throws instead of returning nonsense.
  const error = await page.evaluate(async (url) => {
    const m = await import(url);
    try { m.analyze([{ file: 'a.txt' }]); return null; } catch (e) { return String(e.message); }
  }, `${base}api/crosscheck.js`);
  assert.match(error ?? '', /expected \[\{file, text\}/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the generated .d.ts type-checks real use and rejects misuse', () => {
  const args = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'es2022',
    '--moduleResolution', 'bundler', '--lib', 'es2022,dom', '--skipLibCheck', 'false'];
  const good = spawnSync(TSC, [...args, path.join(root, 'tests/e2e/api/uses.ts')], { cwd: root });
  assert.equal(good.status, 0, `tsc on uses.ts:\n${good.stdout}${good.stderr}`);
  const bad = spawnSync(TSC, [...args, path.join(root, 'tests/e2e/api/misuse.ts')], { cwd: root });
  const out = `${bad.stdout}${bad.stderr}`;
  assert.notEqual(bad.status, 0, 'tsc must reject misuse.ts');
  assert.match(out, /TS2741/, out);
  assert.match(out, /TS2322/, out);
});
