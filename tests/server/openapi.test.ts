import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Validator } from '@seriousme/openapi-schema-validator';
import { testApp } from '../helpers/app.ts';

let app: FastifyInstance;
beforeAll(async () => {
  ({ app } = await testApp());
});
afterAll(() => app?.close());

const ROUTES = [
  '/api/v1/search',
  '/api/v1/entities/{id}',
  '/api/v1/entities/{id}/neighbors',
  '/api/v1/meetings',
  '/api/v1/paths',
  '/api/v1/events',
  '/api/v1/dossier',
  '/api/v1/sources',
  '/api/v1/sources/{id}',
  '/api/v1/stats',
  '/api/v1/health',
  '/api/v1/ready',
  '/api/v1/export',
  '/health',
  '/ready',
];

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3 and lists every route', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json() as { openapi: string; paths: Record<string, Record<string, { parameters?: { name: string }[]; responses: Record<string, unknown> }>>; components: { schemas: Record<string, unknown> } };
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths).sort()).toEqual([...ROUTES].sort());
  });

  it('documents the parameters, the answer and the errors of each route, with named schemas', async () => {
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, { get: { parameters?: { name: string; in: string }[]; responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, unknown> };
    };
    const meetings = document.paths['/api/v1/meetings']!.get;
    expect(meetings.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['person', 'with', 'from', 'to', 'place']));
    expect(Object.keys(meetings.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '409', '503']));
    expect(JSON.stringify(meetings.responses['200'])).toContain('#/components/schemas/MeetingsResponse');
    for (const name of ['Node', 'Edge', 'Evidence', 'Error', 'MeetingsResponse', 'DossierResponse', 'EntityType', 'RelationType']) {
      expect(document.components.schemas, name).toHaveProperty(name);
    }
    for (const route of ROUTES) expect(Object.keys(document.paths[route]!.get.responses), route).toContain('200');
  });

  it('serves the browsable UI', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });
});
