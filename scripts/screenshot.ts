import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { chromium } from 'playwright-core';

/**
 * The README's screenshot, taken from the running app (`npm start`) so it shows what the explorer
 * really draws on the seed graph: a person's neighbourhood with one neighbour expanded and the
 * evidence of an edge open in the panel.
 *
 *   npm run screenshot                  # app at http://127.0.0.1:3000, writes docs/explorer.png
 *   APP_URL=http://host:port OUT=docs/x.png CHROMIUM_PATH=/path/to/chromium npm run screenshot
 */

const APP_URL = (process.env.APP_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
const OUT = resolve(process.env.OUT ?? 'docs/explorer.png');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEW = '?focus=zhang-guozhi&sel=e:CO_CHAIRED:zhang-guozhi->guangdong-coordination-conference-9&x=guangdong-coordination-conference-9';

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const response = await page.goto(`${APP_URL}/${VIEW}`);
  if (!response?.ok()) throw new Error(`the app did not answer at ${APP_URL} (is \`npm start\` running?)`);
  await page.waitForFunction(() => (window as unknown as { explorer?: unknown }).explorer !== undefined);
  for (let i = 0; i < 3; i++) {
    await page.evaluate(() => (window as unknown as { explorer: { idle: Promise<void> } }).explorer.idle);
    await page.waitForTimeout(400);
  }
  await page.locator('#panel .evidence-article').first().waitFor({ timeout: 15_000 });
  // Let the article titles arrive and the layout animation finish.
  await page.waitForTimeout(1200);
  if (errors.length) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
  mkdirSync(dirname(OUT), { recursive: true });
  await page.screenshot({ path: OUT });
  console.log(`screenshot of ${APP_URL}/${VIEW} written to ${OUT}`);
} finally {
  await browser.close();
}
