import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { gatedDriver } from '../helpers/gated-driver.ts';
import { testDatabase, testDriver } from '../helpers/neo4j.ts';
import { loadCurated } from '../helpers/curated.ts';

/**
 * The router decodes percent-escapes in the path, so `/%61pi/v1/search` is the search route: the
 * rate limit, the concurrency limit, the response cache and the not-found answer must treat it so.
 * Requests go over a real socket, as a client sends them, escapes and all.
 */

/** Ways to spell /api/v1/search?q=vu that the router reads as that route. */
const SPELLINGS = ['/%61pi/v1/search?q=vu', '/api/v1/%73earch?q=vu', '/%61%70%69/%76%31/search?q=%76u', '/api/v1/search/?q=vu'];

const loader = testDriver();
let dataset = '';
const webRoot = mkdtempSync(join(tmpdir(), 'encoded-paths-web-'));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>explorer</title>');
const running: FastifyInstance[] = [];

beforeAll(async () => {
  dataset = await loadCurated(loader, 'encoded');
});
afterAll(async () => {
  for (const app of running) await app.close();
  await loader.close();
  rmSync(webRoot, { recursive: true, force: true });
});

async function serve(env: Record<string, string>, driver = testDriver()): Promise<string> {
  const config = loadConfig({ GRAPH_DATASET: dataset, NEO4J_DATABASE: testDatabase(), LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '0', ...env });
  const app = await buildApp({ config, driver, webRoot, logger: false });
  running.push(app);
  return app.listen({ host: '127.0.0.1', port: 0 });
}

describe('percent-encoded paths', () => {
  it('count against the rate limit like the plain path', async () => {
    const base = await serve({ RATE_LIMIT_MAX: '3' });
    for (let i = 0; i < 3; i++) expect((await fetch(`${base}/api/v1/search?q=vu`)).status).toBe(200);
    for (const spelling of SPELLINGS) {
      const response = await fetch(`${base}${spelling}`);
      expect(response.status, spelling).toBe(429);
      expect(await response.json()).toMatchObject({ error: 'RATE_LIMITED' });
    }
    // The probes stay outside the limit however they are spelled.
    expect((await fetch(`${base}/%61pi/v1/health`)).status).toBe(200);
  });

  it('wait for their turn like the plain path: one slot and no queue leave the others 503 OVERLOADED', async () => {
    const gate = gatedDriver(testDriver(), () => true);
    const base = await serve({ API_MAX_CONCURRENCY: '1', API_MAX_QUEUE: '0', RESPONSE_CACHE_MB: '0' }, gate.driver);
    try {
      const first = fetch(`${base}/api/v1/search?q=vu`);
      await expect.poll(() => gate.held).toBe(1);
      const others = await Promise.all(SPELLINGS.map((spelling) => fetch(`${base}${spelling}`)));
      expect(others.map((r) => r.status)).toEqual(SPELLINGS.map(() => 503));
      expect(await others[0]!.json()).toMatchObject({ error: 'OVERLOADED' });
      gate.open();
      expect((await first).status).toBe(200);
    } finally {
      gate.open();
    }
  });

  it('find the answer the response cache keeps for the plain path', async () => {
    const base = await serve({});
    const plain = await fetch(`${base}/api/v1/search?q=vu`);
    expect(plain.headers.get('x-cache')).toBe('miss');
    const body = await plain.text();
    for (const spelling of SPELLINGS) {
      const response = await fetch(`${base}${spelling}`);
      expect(response.headers.get('x-cache'), spelling).toBe('hit');
      expect(await response.text(), spelling).toBe(body);
    }
  });

  it("get the API's 404 for a path under the API that no route takes, not the web page", async () => {
    const base = await serve({});
    for (const path of ['/%61pi/v1/nope', '/api/v1/%6Eope', '/%61pi/v1']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.json(), path).toMatchObject({ error: 'ROUTE_NOT_FOUND' });
    }
    // Elsewhere, the explorer's page (its own routing in the browser).
    const page = await fetch(`${base}/entity/vu-dai-thang`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  });
});
