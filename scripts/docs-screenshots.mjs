// The README's screenshots: the main states of the page at 1280x800 (and a phone), written to
// docs/*.png. Then, if pngquant is installed: pngquant --force --ext .png docs/page-*.png
//   node scripts/docs-screenshots.mjs      (after `trunk build --release`)
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../', import.meta.url));
const url = `${pathToFileURL(path.join(root, 'dist', 'crosscheck.html')).href}#set=example`;
const out = (n) => path.join(root, 'docs', `page-${n}.png`);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

async function at(fragment, name, options = {}, then = async () => {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  await page.goto(url + fragment);
  await page.waitForSelector('#panel .panel-tab');
  await then(page);
  await page.screenshot({ path: out(name) });
  await context.close();
}

const quote = async (page) => {
  const qs = page.locator('[data-report="0"] [data-kind="quote"]');
  await qs.first().click();
};
await at('', 'quote', {}, quote);
await at('', 'speaker', {}, async (page) => {
  await page.locator('[data-report="0"] [data-kind="speaker"]', { hasText: 'Trump' }).first().click();
});
await at('', 'discrepancies', {}, async (page) => {
  await page.locator('[data-msg="togglepanel:discrepancies"]').click();
  await page.locator('#panel-body .disc-label', { hasText: 'Former President' }).click();
});
await at('', 'passage', {}, async (page) => {
  await page.locator('[data-report="0"] .seg[data-carried="3"]').nth(2).click();
});
await at('', 'lens', {}, async (page) => {
  await page.keyboard.press('t');
  await page.keyboard.press('?');
});
await at('', 'phone', { viewport: { width: 390, height: 844 }, isMobile: true }, async (page) => {
  await page.locator('[data-report="0"] [data-kind="quote"]').first().click();
});
await browser.close();
