import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CurationCheckError } from '../../extract/problems.ts';
import { loadConfig } from '../../server/config.ts';
import { errorHandler } from '../../server/errors.ts';
import admin from '../../server/routes/admin/index.ts';
import { testDatabase, testDriver } from '../helpers/neo4j.ts';
import { testApp } from '../helpers/app.ts';
import { datasetState } from './helpers.ts';

const TOKEN = 'admin-test-token-0123456789abcdef';
const reload = (app: FastifyInstance, authorization?: string) =>
  app.inject({ method: 'POST', url: '/api/v1/admin/reload', headers: authorization === undefined ? {} : { authorization } });

describe('read-only by default: no ADMIN_TOKEN', () => {
  let app: FastifyInstance;
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    ({ app } = await testApp({ curated: 'readonly', loader: driver, env: { RATE_LIMIT_MAX: '0' } }));
  });
  afterAll(async () => {
    await app?.close();
    await driver?.close();
  });

  it('has no admin route: 404 ROUTE_NOT_FOUND, with or without a token', async () => {
    for (const authorization of [undefined, `Bearer ${TOKEN}`]) {
      const response = await reload(app, authorization);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: 'ROUTE_NOT_FOUND' });
    }
  });

  it('documents and answers only GET: every other method on every API path is 405, Allow: GET, HEAD', async () => {
    const document = (await app.inject('/api/v1/openapi.json')).json<{ paths: Record<string, Record<string, unknown>> }>();
    const paths = Object.keys(document.paths);
    expect(paths.length).toBeGreaterThan(10);
    for (const [path, operations] of Object.entries(document.paths)) expect(Object.keys(operations), path).toEqual(['get']);
    for (const path of paths) {
      const url = path.replace(/\{[^}]+\}/g, 'vu-dai-thang');
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
        const response = await app.inject({ method, url, payload: '{}', headers: { 'content-type': 'application/json' } });
        expect(response.statusCode, `${method} ${url}`).toBe(405);
        expect(response.headers.allow, `${method} ${url}`).toBe('GET, HEAD');
      }
    }
  });
});

describe('POST /api/v1/admin/reload with ADMIN_TOKEN set', () => {
  let app: FastifyInstance;
  let driver: Driver;
  let dataset: string;
  beforeAll(async () => {
    driver = testDriver();
    ({ app, dataset } = await testApp({ curated: 'admin', loader: driver, env: { RATE_LIMIT_MAX: '0', ADMIN_TOKEN: TOKEN } }));
  });
  afterAll(async () => {
    await app?.close();
    await driver?.close();
  });

  it('answers 401 without a bearer token, with WWW-Authenticate, and changes nothing', async () => {
    const before = await datasetState(driver, dataset);
    for (const authorization of [undefined, '', 'Bearer', `Basic ${Buffer.from(`admin:${TOKEN}`).toString('base64')}`, TOKEN]) {
      const response = await reload(app, authorization);
      expect(response.statusCode, String(authorization)).toBe(401);
      expect(response.json()).toMatchObject({ error: 'UNAUTHORIZED', message: expect.stringContaining('Authorization: Bearer') });
      expect(response.headers['www-authenticate']).toBe('Bearer realm="admin"');
    }
    expect(await datasetState(driver, dataset)).toEqual(before);
  });

  it('answers 403 to a wrong token of any length, without echoing it, and changes nothing', async () => {
    const before = await datasetState(driver, dataset);
    const wrong = [`${TOKEN.slice(0, -1)}X`, TOKEN.slice(0, -1), `${TOKEN}0`, 'x', `${TOKEN.toUpperCase()}`];
    for (const token of wrong) {
      const response = await reload(app, `Bearer ${token}`);
      expect(response.statusCode, token).toBe(403);
      expect(response.json()).toMatchObject({ error: 'FORBIDDEN' });
      expect(response.body).not.toContain(token);
    }
    expect(await datasetState(driver, dataset)).toEqual(before);
  });

  it('with the token, recompiles and loads a new generation of the served dataset: same graph, new generation', async () => {
    const before = await datasetState(driver, dataset);
    const response = await reload(app, `Bearer ${TOKEN}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{ dataset: string; generation: string; previous: string; changes: Record<string, number> }>();
    expect(body).toMatchObject({ dataset, previous: before.generation, changes: { added: 0, removed: 0, changed: 0 } });
    const after = await datasetState(driver, dataset);
    expect(after.generation).toBe(body.generation);
    expect(after.generation).not.toBe(before.generation);
    expect({ ...after, generation: null, loadedAt: null }).toEqual({ ...before, generation: null, loadedAt: null });
    const ready = (await app.inject('/api/v1/ready')).json<{ loadedAt: string }>();
    expect(ready.loadedAt).toBe(after.loadedAt);
  });

  it('runs one reload at a time: a concurrent one answers 409 RELOAD_IN_PROGRESS', async () => {
    const responses = await Promise.all([reload(app, `Bearer ${TOKEN}`), reload(app, `Bearer ${TOKEN}`)]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(responses.find((r) => r.statusCode === 409)?.json()).toMatchObject({ error: 'RELOAD_IN_PROGRESS' });
  });
});

describe('a reload of a curation that does not pass the check', () => {
  it('answers 422 CURATION_INVALID with the problems, and writes nothing', async () => {
    const driver = testDriver();
    const app = Fastify({ logger: false });
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.setErrorHandler(errorHandler);
    const config = loadConfig({ GRAPH_DATASET: 'test-admin-never-written', NEO4J_DATABASE: testDatabase(), ADMIN_TOKEN: TOKEN });
    const compile = () => Promise.reject(new CurationCheckError([{ file: 'curation/x.yaml', record: 'someone', message: 'duplicate id' }]));
    await app.register(admin, { prefix: '/api/v1', config, driver, compile });
    try {
      const response = await reload(app, `Bearer ${TOKEN}`);
      expect(response.statusCode).toBe(422);
      expect(response.json()).toEqual({
        error: 'CURATION_INVALID',
        message: 'the curation has 1 problem(s); nothing was loaded',
        details: { problems: ['curation/x.yaml: someone: duplicate id'] },
      });
      expect((await datasetState(driver, 'test-admin-never-written')).generation).toBeNull();
    } finally {
      await app.close();
      await driver.close();
    }
  });
});
