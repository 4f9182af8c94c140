import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
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

  it('refuse a value outside the allowed ones, and more values than there are', async () => {
    expect((await get(app, '/api/v1/search?q=quang&types=Bogus')).status).toBe(400);
    expect((await get(app, `/api/v1/search?q=quang&types=${Array(6).fill('Person').join(',')}`)).status).toBe(400);
  });
});
