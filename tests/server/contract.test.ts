import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ERRORS } from '../../server/errors.ts';
import { IsoDate } from '../../extract/schema/common.ts';
import { get, testApp } from '../helpers/app.ts';

interface Parameter {
  name: string;
  in: string;
  style?: string;
  explode?: boolean;
  schema: { type?: string; pattern?: string; maxLength?: number; maxItems?: number; minItems?: number; items?: { enum?: string[]; pattern?: string }; $ref?: string };
}
interface Document {
  paths: Record<string, Record<string, { parameters?: Parameter[]; responses: Record<string, { description: string }> }>>;
  components: { schemas: Record<string, { pattern?: string }> };
}

async function documentOf(app: FastifyInstance): Promise<Document> {
  return (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as Document;
}

const parameter = (document: Document, path: string, name: string): Parameter => {
  const found = document.paths[path]?.get?.parameters?.find((p) => p.name === name);
  if (!found) throw new Error(`${path} has no parameter ${name}`);
  return found;
};

let app: FastifyInstance;
let document: Document;
beforeAll(async () => {
  ({ app } = await testApp({ curated: 'contract' }));
  document = await documentOf(app);
});
afterAll(() => app?.close());

describe('the OpenAPI document carries what the validators check', () => {
  it("gives dates the validator's own pattern: a date it states is one the API takes", () => {
    const ref = parameter(document, '/api/v1/events', 'from').schema.$ref ?? '';
    const pattern = document.components.schemas[ref.split('/').pop() ?? '']?.pattern;
    expect(pattern).toBeDefined();
    const stated = new RegExp(pattern ?? '');
    for (const date of ['2025', '2025-02', '2025-02-28', '2024-02-29', '2000-02-29', '1900-02-28', '', '2025-13', '2025-02-29', '1900-02-29', '2025-04-31', '2025-1-1', '20250']) {
      expect(stated.test(date), date).toBe(IsoDate.safeParse(date).success);
    }
  });

  it('states comma lists as arrays of the allowed values, sent as `a,b`', () => {
    for (const [path, name, value] of [
      ['/api/v1/search', 'types', 'Person'],
      ['/api/v1/entities/{id}/neighbors', 'relations', 'CO_CHAIRED'],
      ['/api/v1/paths', 'relations', 'MET'],
      ['/api/v1/events', 'type', 'conference'],
      ['/api/v1/export', 'types', 'Place'],
    ] as const) {
      const list = parameter(document, path, name);
      expect(list, `${path} ${name}`).toMatchObject({ style: 'form', explode: false, schema: { type: 'array' } });
      expect(list.schema.items?.enum, `${path} ${name}`).toContain(value);
    }
    expect(parameter(document, '/api/v1/search', 'types').schema).toMatchObject({ minItems: 1, maxItems: 6 });
    expect(parameter(document, '/api/v1/export', 'ids')).toMatchObject({ style: 'form', explode: false, schema: { type: 'array', minItems: 1, maxItems: 50 } });
  });

  it('states that a name must hold more than blanks', () => {
    const person = parameter(document, '/api/v1/meetings', 'person').schema;
    expect(person).toMatchObject({ type: 'string', maxLength: 200 });
    const stated = new RegExp(person.pattern ?? '^$');
    expect(stated.test('Vu Dai Thang')).toBe(true);
    expect(stated.test(' \t ')).toBe(false);
  });
});

describe('lists', () => {
  it('are taken comma-separated or as the parameter repeated, alike', async () => {
    const comma = await get(app, '/api/v1/search?q=quang&types=Place,Person');
    const repeated = await get(app, '/api/v1/search?q=quang&types=Place&types=Person');
    expect(comma.status).toBe(200);
    expect((comma.body.results as unknown[]).length).toBeGreaterThan(1);
    expect(repeated).toEqual(comma);
  });

  it('refuse a value outside the allowed ones, an empty one, and more values than there are', async () => {
    for (const types of ['Bogus', '', 'Place,', 'Place,%20Person', 'Place,,Person']) {
      expect((await get(app, `/api/v1/search?q=quang&types=${types}`)).status, types).toBe(400);
    }
    expect((await get(app, `/api/v1/search?q=quang&types=${Array(7).fill('Person').join(',')}`)).status).toBe(400);
  });
});

describe('every status a route can answer is documented', () => {
  it('names the rate limit, the back-pressure and the host check on every API route, and 414 where a path holds an id', () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      const responses = operations.get?.responses ?? {};
      const probe = /\/(health|ready)$/.test(path);
      expect(responses['403']?.description, path).toContain('HOST_NOT_ALLOWED');
      expect(responses['429']?.description, path).toBe(probe ? undefined : `RATE_LIMITED: ${ERRORS.RATE_LIMITED.description}`);
      if (!probe) expect(responses['503']?.description, path).toContain('OVERLOADED');
      if (path.includes('{')) expect(responses['414']?.description, path).toContain('URI_TOO_LONG');
    }
    for (const path of ['/api/v1/meetings', '/api/v1/paths', '/api/v1/events', '/api/v1/dossier', '/api/v1/export']) {
      expect(document.paths[path]?.get?.responses['409']?.description, path).toContain('AMBIGUOUS_NAME');
    }
  });

  it('documents what the configuration turns on: no 429 without a rate limit', async () => {
    const { app: unlimited } = await testApp({ env: { RATE_LIMIT_MAX: '0', API_MAX_CONCURRENCY: '0' } });
    try {
      const stats = (await documentOf(unlimited)).paths['/api/v1/stats']?.get?.responses ?? {};
      expect(stats['429']).toBeUndefined();
      expect(stats['503']?.description).not.toContain('OVERLOADED');
    } finally {
      await unlimited.close();
    }
  });

  it('answers over the rate limit with the documented error', async () => {
    const { app: strict } = await testApp({ env: { RATE_LIMIT_MAX: '1' } });
    try {
      await strict.inject({ method: 'GET', url: '/api/v1/stats' });
      const response = await strict.inject({ method: 'GET', url: '/api/v1/stats' });
      expect(response.statusCode).toBe(429);
      expect(response.json()).toMatchObject({ error: 'RATE_LIMITED' });
      expect(Object.keys((await documentOf(strict)).paths['/api/v1/stats']?.get?.responses ?? {})).toContain('429');
    } finally {
      await strict.close();
    }
  });
});

describe('the longest request the schemas allow', () => {
  it('reaches the API over real HTTP: 50 export names of 200 characters, each 9 bytes percent-encoded', async () => {
    const { app: served } = await testApp();
    try {
      const base = await served.listen({ host: '127.0.0.1', port: 0 });
      const ids = Array.from({ length: 50 }, (_, i) => `${'ễ'.repeat(199)}${i % 10}`).join(',');
      const url = `${base}/api/v1/export?ids=${encodeURIComponent(ids)}&types=Person,Place&from=2025-01-01`;
      expect(url.length).toBeGreaterThan(85_000);
      const response = await fetch(url);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: 'NOT_FOUND' });
    } finally {
      await served.close();
    }
  });
});

describe('a known path with another method', () => {
  it('answers 405 with the methods it takes in Allow', async () => {
    for (const [method, url] of [
      ['TRACE', '/api/v1/stats'],
      ['POST', '/api/v1/search?q=x'],
      ['DELETE', '/api/v1/entities/zhang-guozhi'],
      ['PUT', '/api/v1/health'],
      ['TRACE', '/health'],
      // QUERY needs a Content-Type; the 405 comes first.
      ['QUERY', '/api/v1/sources/some-article'],
    ] as const) {
      const response = await app.inject({ method, url });
      expect(response.statusCode, `${method} ${url}`).toBe(405);
      expect(response.headers.allow, `${method} ${url}`).toBe('GET, HEAD');
      expect(response.json(), `${method} ${url}`).toMatchObject({ error: 'METHOD_NOT_ALLOWED', details: { method, allowed: ['GET', 'HEAD'] } });
    }
  });

  it('still answers 404 on a path the API does not have', async () => {
    expect((await app.inject({ method: 'TRACE', url: '/api/v1/nope' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/nope' })).json()).toMatchObject({ error: 'ROUTE_NOT_FOUND' });
  });
});

describe('the probes at the root', () => {
  let web: FastifyInstance;
  let webRoot: string;
  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'contract-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>explorer</title>');
    ({ app: web } = await testApp({ webRoot }));
  });
  afterAll(async () => {
    await web?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it("answer as the API's probes do, never with the web page", async () => {
    const health = await web.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    // The served dataset was never loaded: not ready, whichever path asks.
    for (const url of ['/ready', '/api/v1/ready']) {
      const ready = await web.inject({ method: 'GET', url });
      expect(ready.statusCode, url).toBe(503);
      expect(ready.json(), url).toMatchObject({ error: 'DATASET_NOT_LOADED' });
    }
    expect((await web.inject({ method: 'GET', url: '/some/page' })).headers['content-type']).toContain('text/html');
  });

  it('are not counted by the rate limit', async () => {
    const { app: strict } = await testApp({ env: { RATE_LIMIT_MAX: '1' } });
    try {
      for (let i = 0; i < 3; i++) expect((await strict.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await strict.close();
    }
  });
});
