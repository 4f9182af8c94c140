import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { Core } from 'cytoscape';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { doubleClick, drawn, launchChromium, pointOf, positions, problemsOf, screenshot, settled, startApp, watch } from './harness.ts';
import type { RunningApp } from './harness.ts';

/**
 * The explorer in a real headless Chromium against the real app over the curated graph. Each test
 * saves a screenshot under test-results/e2e/.
 */
describe('the web explorer', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchChromium()]);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    problems = watch(page);
  });

  afterEach(async () => {
    await context.close();
  });

  async function open(query = ''): Promise<void> {
    await page.goto(`${app.url}/${query}`);
    await settled(page);
  }

  it('finds a person by a name typed without diacritics and opens the neighbourhood', async () => {
    await open();
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.type('truong quoc tri');
    const option = page.locator('#search-list [role=option]').first();
    await option.waitFor();
    expect(await option.textContent()).toContain('Zhang Guozhi');
    expect(await option.textContent()).toContain('Truong Quoc Tri');
    await page.keyboard.press('Enter');
    await settled(page);
    const g = await drawn(page);
    expect(g.nodes).toContain('zhang-guozhi');
    expect(g.nodes).toContain('guangdong-coordination-conference-9');
    expect(new URL(page.url()).searchParams.get('focus')).toBe('zhang-guozhi');
    await page.locator('#panel-title', { hasText: 'Zhang Guozhi' }).waitFor();
    await page.locator('#panel .aliases', { hasText: 'Trương Quốc Trí' }).waitFor();
    await screenshot(page, '01-search-without-diacritics');
    expect(await problemsOf(page, problems)).toEqual([]);
  });

  it('shows the evidence of a clicked edge with its article, and the quote highlighted in the article', async () => {
    await open('?focus=zhang-guozhi');
    const edge = 'CO_CHAIRED:zhang-guozhi->guangdong-coordination-conference-9';
    const at = await pointOf(page, edge);
    await page.mouse.click(at.x, at.y);
    await settled(page);
    expect((await drawn(page)).selected).toEqual([edge]);
    const panel = page.locator('#panel');
    await panel.locator('.edge-title', { hasText: 'co-chaired' }).waitFor();
    const article = panel.locator('.evidence-article[data-article="guangdong-conference-9-nl"]');
    await article.waitFor();
    expect(await article.locator('blockquote').first().textContent()).toContain('Truong Quoc Tri');
    await expect.poll(() => article.locator('.evidence-title').textContent()).not.toBe('guangdong-conference-9-nl');
    expect(await article.locator('.lang').textContent()).toBe('NL');
    await screenshot(page, '02-edge-evidence');
    const quote = (await article.locator('blockquote').first().textContent()) ?? '';
    await article.locator('button', { hasText: 'Read in article' }).first().click();
    const dialog = page.locator('#article-dialog');
    await dialog.locator('mark.quote-mark').first().waitFor();
    const marked = (await dialog.locator('mark.quote-mark').allTextContents()).join(' ');
    expect(marked.replace(/\s+/g, ' ')).toBe(quote.replace(/\s+/g, ' '));
    await screenshot(page, '02b-article-with-quote');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.isHidden()).toBe(true);
    expect(await problemsOf(page, problems)).toEqual([]);
  });

  it('expands a node in place: its neighbours arrive and the rest of the graph does not move', async () => {
    await open('?focus=zhang-guozhi');
    const before = await drawn(page);
    expect(before.nodes).not.toContain('china');
    const old = await positions(page, before.nodes);
    const at = await pointOf(page, 'guangdong');
    // The first click selects the node and opens the panel; the second must still find the node under it.
    await doubleClick(page, at);
    // On a busy machine the double click can be handled after the page first looks idle: wait for its neighbours.
    await expect.poll(async () => (await drawn(page)).nodes.length, { timeout: 20_000 }).toBeGreaterThan(before.nodes.length + 3);
    await settled(page);
    const after = await drawn(page);
    expect(after.nodes.length).toBeGreaterThan(before.nodes.length + 3);
    expect(new URL(page.url()).searchParams.get('x')).toBe('guangdong');
    const now = await positions(page, before.nodes);
    for (const id of before.nodes) {
      expect(now[id]!.x).toBeCloseTo(old[id]!.x, 3);
      expect(now[id]!.y).toBeCloseTo(old[id]!.y, 3);
    }
    await screenshot(page, '03-expanded');
    expect(await problemsOf(page, problems)).toEqual([]);
  });

  it('expands a node by the right edge on a double click: the panel the first click opens waits, so it does not cover the node', async () => {
    await open('?focus=zhang-guozhi');
    const before = await drawn(page);
    // Bring Guangdong 60 px from the canvas's right edge, where the panel opens.
    await page.evaluate(() => {
      const cy = (window as unknown as { explorer: { view: { cy: Core } } }).explorer.view.cy;
      const p = cy.getElementById('guangdong').renderedPosition();
      cy.panBy({ x: cy.width() - 60 - p.x, y: 0 });
    });
    const at = await pointOf(page, 'guangdong');
    await doubleClick(page, at);
    await expect.poll(async () => (await drawn(page)).nodes.length, { timeout: 20_000 }).toBeGreaterThan(before.nodes.length + 3);
    await settled(page);
    expect(new URL(page.url()).searchParams.get('x')).toBe('guangdong');
    // The panel opened once the double click was over, on the node it selected.
    await expect.poll(() => page.locator('#panel').isVisible()).toBe(true);
    await expect.poll(() => page.locator('#panel-title').textContent()).toContain('Guangdong');
    await screenshot(page, '03b-expanded-at-edge');
    expect(await problemsOf(page, problems)).toEqual([]);
  });

  it('a date filter removes an event outside the range', async () => {
    await open('?focus=guangdong-coordination-conference-9');
    expect((await drawn(page)).nodes).toContain('guangdong-coordination-conference-8');
    await page.locator('input[data-date=from]').fill('2025-01');
    await page.locator('input[data-date=from]').press('Enter');
    await settled(page);
    const g = await drawn(page);
    expect(g.nodes).not.toContain('guangdong-coordination-conference-8');
    expect(g.nodes).toContain('guangdong-coordination-conference-9');
    expect(g.edges.some((e) => e.includes('guangdong-coordination-conference-8'))).toBe(false);
    expect(new URL(page.url()).searchParams.get('from')).toBe('2025-01');
    await screenshot(page, '04-date-filter');
    expect(await problemsOf(page, problems)).toEqual([]);
  });

  it('finds and highlights the paths between two people, with their meetings', async () => {
    await open('?focus=zhang-guozhi');
    await page.locator('#open-paths').click();
    await page.locator('#path-from').fill('Zhang Guozhi');
    await page.locator('#path-from-list [role=option]').first().waitFor();
    await page.locator('#path-from').press('Enter');
    await page.locator('#path-to').fill('vu dai thang');
    await page.locator('#path-to-list [role=option]', { hasText: 'Thắng' }).first().waitFor();
    await page.locator('#path-to').press('Enter');
    await settled(page);
    await page.locator('#path-results .path-list li').first().waitFor();
    const g = await drawn(page);
    expect(g.path).toContain('zhang-guozhi');
    expect(g.path).toContain('vu-dai-thang');
    // The shortest route has three relations: Zhang agreed with Vietnam, Chen Gang visited it and agreed with Vu Dai Thang.
    expect(g.path.length).toBeGreaterThanOrEqual(7);
    const url = new URL(page.url());
    expect(url.searchParams.get('path')).toBe('zhang-guozhi~vu-dai-thang');
    await page.locator('.path-item').first().click();
    const one = await drawn(page);
    expect(one.path.length).toBe(7);
    await screenshot(page, '05-paths');
    expect(await problemsOf(page, problems)).toEqual([]);
  });

  it('reopens the same view from its URL', async () => {
    await open('?focus=zhang-guozhi');
    const at = await pointOf(page, 'guangdong');
    await page.mouse.dblclick(at.x, at.y);
    await settled(page);
    await page.locator('#type-Organization').uncheck();
    await settled(page);
    const edge = (await drawn(page)).edges.find((e) => e.startsWith('REPRESENTED:zhang-guozhi'))!;
    const p = await pointOf(page, edge);
    await page.mouse.click(p.x, p.y);
    await settled(page);
    const before = await drawn(page);
    const url = page.url();
    expect(url).toContain('types=-Organization');
    await page.reload();
    await settled(page);
    const after = await drawn(page);
    expect(after.nodes).toEqual(before.nodes);
    expect(after.edges).toEqual(before.edges);
    expect(after.selected).toEqual([edge]);
    expect(page.url()).toBe(url);
    expect(await page.locator('#type-Organization').isChecked()).toBe(false);
    await page.locator('#panel .edge-title', { hasText: 'represented' }).waitFor();
    await screenshot(page, '06-reloaded');
    expect(await problemsOf(page, problems)).toEqual([]);
  });

  it('shows the dossier of two parties with links into the graph', async () => {
    await open('?view=dossier&dossier=guangdong~vietnam');
    await page.locator('.dossier-timeline .timeline-item').first().waitFor();
    expect(await page.locator('.dossier-summary').textContent()).toContain('Guangdong');
    await screenshot(page, '07-dossier');
    await page.locator('.dossier-timeline .entity-link').first().click();
    await settled(page);
    expect(await page.locator('#dossier').isHidden()).toBe(true);
    expect(new URL(page.url()).searchParams.get('focus')).toBeTruthy();
    expect(await problemsOf(page, problems)).toEqual([]);
  });

  it('shows an API error instead of swallowing it', async () => {
    await open('?focus=no-such-entity');
    const toast = page.locator('.toast').first();
    await toast.waitFor();
    expect(await toast.textContent()).toMatch(/no-such-entity|404/);
    await screenshot(page, '08-error');
    expect(problems.filter((p) => !p.includes('no-such-entity') && !p.includes('404'))).toEqual([]);
  });
});
