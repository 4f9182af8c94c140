import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import type { Core, EdgeSingular } from 'cytoscape';
import { build } from 'vite';
import { testApp } from '../helpers/app.ts';

/** Debian's Chromium; CHROMIUM_PATH points elsewhere. `.ci/run` installs it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, no GPU, and nothing that talks to the network behind the test's back. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-first-run',
  '--no-default-browser-check',
  '--metrics-recording-only',
];

export const ARTIFACTS = resolve('test-results/e2e');

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium (as .ci/run does) or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Builds the explorer into a folder of its own, so the test never races a developer's dist/. */
export async function buildWeb(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'cooperation-graph-web-'));
  await build({ configFile: resolve('vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  return outDir;
}

export interface RunningApp {
  url: string;
  dataset: string;
  close(): Promise<void>;
}

/** The real app over the curated graph, loaded into a dataset of its own, serving a fresh build. */
export async function startApp(): Promise<RunningApp> {
  const webRoot = await buildWeb();
  const { app, dataset } = await testApp({ curated: 'web', webRoot });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: address,
    dataset,
    async close() {
      await app.close();
      rmSync(webRoot, { recursive: true, force: true });
    },
  };
}

/** Page errors and failed API calls, collected so a test can say none happened. */
export function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // Failed requests are judged by their status below; the browser's own line about them is noise.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    // A 503 (store busy, cold query timed out) is retried once by the client; a failed retry shows as a toast.
    if (r.url().includes('/api/') && r.status() >= 400 && r.status() !== 503) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  return problems;
}

/** Problems so far, and any error the page shows to the user. */
export async function problemsOf(page: Page, problems: string[]): Promise<string[]> {
  const toasts = await page.locator('.toast').allTextContents();
  return [...problems, ...toasts.map((t) => `shown to the user: ${t}`)];
}

/** Waits until the explorer has caught up with its state (data loaded, layout done). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { explorer?: unknown }).explorer !== undefined);
  for (let i = 0; i < 3; i++) {
    await page.evaluate(() => (window as unknown as { explorer: { idle: Promise<void> } }).explorer.idle);
    await page.waitForTimeout(150);
  }
  // A centring waits out the double-click window, then animates: let it finish before anyone measures.
  await page.waitForFunction(() => !(window as unknown as { explorer: { view: { moving: boolean } } }).explorer.view.moving);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** What the graph shows: drawn node and edge ids, and classes of interest. */
export function drawn(page: Page): Promise<{ nodes: string[]; edges: string[]; path: string[]; selected: string[] }> {
  return page.evaluate(() => {
    const cy = (window as unknown as { explorer: { view: { cy: Core } } }).explorer.view.cy;
    return {
      nodes: cy.nodes().map((n) => n.id()).sort(),
      edges: cy.edges().map((e) => e.id()).sort(),
      path: cy.elements('.path').map((e) => e.id()).sort(),
      selected: cy.elements(':selected').map((e) => e.id()),
    };
  });
}

/** Where a node or an edge's midpoint is on the page, to click it as a user would. */
export function pointOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((id) => {
    const cy = (window as unknown as { explorer: { view: { cy: Core } } }).explorer.view.cy;
    const ele = cy.getElementById(id);
    const box = cy.container()!.getBoundingClientRect();
    const p = ele.isNode() ? ele.renderedPosition() : (ele as EdgeSingular).renderedMidpoint();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
}

/** A double click as a hand makes it: a pause between the clicks, in which the first one's effects start. */
export async function doubleClick(page: Page, at: { x: number; y: number }): Promise<void> {
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.mouse.up();
  await page.waitForTimeout(120);
  await page.mouse.down({ clickCount: 2 });
  await page.mouse.up({ clickCount: 2 });
}

export function positions(page: Page, ids: string[]): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate((ids) => {
    const cy = (window as unknown as { explorer: { view: { cy: Core } } }).explorer.view.cy;
    return Object.fromEntries(ids.map((id) => [id, { ...cy.getElementById(id).position() }]));
  }, ids);
}
