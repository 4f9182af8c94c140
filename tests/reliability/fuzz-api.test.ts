import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import type { ZodType } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportQuery } from '../../server/export/query.ts';
import { ERRORS } from '../../server/errors.ts';
import {
  DossierQuery,
  EntityParams,
  EventsQuery,
  MeetingsQuery,
  NeighborsQuery,
  PathsQuery,
  SearchQuery,
  SourceParams,
  SourcesQuery,
} from '../../server/schemas/query.ts';
import { testApp } from '../helpers/app.ts';
import { testDriver } from '../helpers/neo4j.ts';
import { datasetState } from './helpers.ts';

/**
 * Every parameter of every data route, fed random and hostile values one at a time (the others
 * valid): the answer is never a 5xx; a value the route's schema refuses gets 400 naming that
 * parameter; every error is the catalogue's JSON with a message; the graph is the same afterwards.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const MB = 1 << 20;

/** Strings that have broken parsers, query builders and databases before. */
const HOSTILE = [
  '',
  ' ',
  "' OR 1=1 --",
  '" OR ""="',
  "x'}) MATCH (n) DETACH DELETE n //",
  '}) DETACH DELETE n WITH 1 AS x MATCH (m',
  '`) DELETE n //',
  '``',
  '${dataset}',
  '$dataset',
  '{{7*7}}',
  '{"$ne": null}',
  'CALL db.labels()',
  "CALL apoc.cypher.runWrite('MATCH (n) DETACH DELETE n', {})",
  'MATCH (n) RETURN n LIMIT 1',
  '/* */',
  '\\',
  '\\"',
  '+-&&||!(){}[]^"~*?:\\/',
  'name:*',
  '*',
  '?',
  '%',
  '%00',
  '%zz',
  '\u0000',
  'a\u0000b',
  '\u0000'.repeat(300),
  '\r\nX-Injected: 1',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'toString',
  'Vu\u0301 Đa\u0323i Tha\u0306\u0301ng',
  'Ｖｕ Ｄａｉ Ｔｈａｎｇ',
  'Vu Dаi Thаng', // Cyrillic а
  'vu-dai-thang\u200b',
  '\u202eevil',
  'a\u0300'.repeat(150),
  '\uD800',
  '\uDFFF\uD800',
  '😀'.repeat(60),
  '1e309',
  '-0',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '0.5',
  '1.5',
  '0x10',
  '1e2',
  ' 5 ',
  '9'.repeat(400),
  '-9007199254740993',
  'Person,',
  ',,,',
  'Person,Person',
  'person',
  'MET,`CO_CHAIRED`',
  '2025-02-30',
  '2025-13',
  '10000',
  '-2025',
  '2025-1-1',
  'a'.repeat(201),
  'a'.repeat(MB),
  `${"') DETACH DELETE n //".repeat(MB / 21)}`,
];

/** Any string, numbers written every way, and the hostile ones above, alone or mixed into text. */
const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE.filter((s) => s.length < 10_000)) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-composite', maxLength: 100 }) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...HOSTILE.slice(2, 20)), fc.string({ maxLength: 20 })).map((p) => p.join('')) },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String) },
);
/** One value, or the parameter repeated (`?p=a&p=b`). */
const value = fc.oneof({ weight: 4, arbitrary: text }, { weight: 1, arbitrary: fc.array(text, { minLength: 2, maxLength: 3 }) });

/** Percent-encodes every byte but the unreserved ones, so the server decodes exactly `value`. */
function encode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** What the server decodes: lone surrogates become U+FFFD on the way through UTF-8. */
const decoded = (v: string) => Buffer.from(v, 'utf8').toString('utf8');

type Query = Record<string, string | string[]>;
const queryString = (query: Query) =>
  Object.entries(query)
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((item) => `${encode(k)}=${encode(item)}`))
    .join('&');

interface Target {
  route: string;
  /** The path, given the value of a path parameter. */
  path: (id: string) => string;
  base: Query;
  schema: ZodType;
  /** The path parameter's schema, for routes that have one. */
  params?: ZodType;
  /** Statuses a valid request may get besides 200 (a name that fits nothing or several). */
  alsoValid: number[];
}

const ID = 'vu-dai-thang';
const TARGETS: Target[] = [
  { route: '/search', path: () => '/search', base: { q: 'vu', types: 'Person', limit: '5' }, schema: SearchQuery, alsoValid: [] },
  { route: '/entities/:id', path: (id) => `/entities/${id}`, base: {}, schema: EntityParams.partial(), params: EntityParams, alsoValid: [404] },
  {
    route: '/entities/:id/neighbors',
    path: (id) => `/entities/${id}/neighbors`,
    base: { depth: '2', relations: 'MET,CO_CHAIRED', types: 'Person,Event', from: '2024', to: '2026', limit: '50' },
    schema: NeighborsQuery,
    params: EntityParams,
    alsoValid: [404],
  },
  { route: '/meetings', path: () => '/meetings', base: { person: ID, with: 'chen-gang', from: '2024', to: '2026', place: 'quang-ninh' }, schema: MeetingsQuery, alsoValid: [404, 409] },
  { route: '/paths', path: () => '/paths', base: { from: ID, to: 'zhang-guozhi', maxHops: '4', relations: 'MET,CO_CHAIRED,ATTENDED' }, schema: PathsQuery, alsoValid: [400, 404, 409] },
  { route: '/events', path: () => '/events', base: { from: '2024', to: '2026', place: 'quang-ninh', type: 'meeting,conference', participant: ID, limit: '20' }, schema: EventsQuery, alsoValid: [404, 409] },
  { route: '/dossier', path: () => '/dossier', base: { a: 'quang-ninh', b: 'guangxi', from: '2024', to: '2026' }, schema: DossierQuery, alsoValid: [400, 404, 409] },
  { route: '/sources', path: () => '/sources', base: { language: 'vi', limit: '5' }, schema: SourcesQuery, alsoValid: [] },
  { route: '/sources/:id', path: (id) => `/sources/${id}`, base: {}, schema: SourceParams.partial(), params: SourceParams, alsoValid: [404] },
  { route: '/export', path: () => '/export', base: { ids: ID, depth: '1', format: 'json' }, schema: ExportQuery, alsoValid: [404, 409, 413] },
];

/** The path parameter (`id`) and every query parameter of a route, each fuzzed on its own. */
const parametersOf = (t: Target) => [...(t.params ? ['id'] : []), ...Object.keys((t.schema as unknown as { shape: object }).shape ?? {})].filter((p, i, all) => all.indexOf(p) === i);

let app: FastifyInstance;
let driver: Driver;
let dataset: string;
let before: Awaited<ReturnType<typeof datasetState>>;
const seen = { requests: 0, statuses: new Map<number, number>(), byParameter: new Map<string, number>() };

beforeAll(async () => {
  driver = testDriver();
  ({ app, dataset } = await testApp({ curated: 'fuzz-api', loader: driver, env: { RATE_LIMIT_MAX: '0' } }));
  before = await datasetState(driver, dataset);
});
afterAll(async () => {
  const statuses = Object.fromEntries([...seen.statuses].sort(([a], [b]) => a - b));
  console.log(`fuzz-api: ${seen.requests} requests over ${seen.byParameter.size} route parameters; statuses ${JSON.stringify(statuses)}`);
  await app?.close();
  await driver?.close();
});

const KNOWN_CODES = new Set(Object.keys(ERRORS));

async function probe(target: Target, parameter: string, v: string | string[]): Promise<void> {
  const isPath = parameter === 'id' && target.params !== undefined;
  const query: Query = isPath ? { ...target.base } : { ...target.base, [parameter]: v };
  const id = isPath ? (Array.isArray(v) ? v.join(',') : v) : ID;
  const url = `/api/v1${target.path(encode(id))}${Object.keys(query).length ? `?${queryString(query)}` : ''}`;
  const response = await app.inject({ method: 'GET', url });
  seen.requests += 1;
  seen.statuses.set(response.statusCode, (seen.statuses.get(response.statusCode) ?? 0) + 1);
  const key = `${target.route} ${parameter}`;
  seen.byParameter.set(key, (seen.byParameter.get(key) ?? 0) + 1);

  const context = `${key} = ${JSON.stringify(v).slice(0, 200)} -> ${response.statusCode} ${response.body.slice(0, 300)}`;
  expect(response.statusCode, context).toBeLessThan(500);
  if (response.statusCode >= 400) {
    expect(response.headers['content-type'], context).toMatch(/^application\/json/);
    const body = response.json<{ error: string; message: string; details?: { parameter?: string } }>();
    expect(KNOWN_CODES.has(body.error), context).toBe(true);
    expect(typeof body.message === 'string' && body.message.length > 0, context).toBe(true);
  }

  // What the route's own schema says about the value decides between 400 and an answer.
  const plain = (s: string) => decoded(s);
  const candidate = Array.isArray(v) ? v.map(plain) : plain(v);
  const valid = isPath
    ? !Array.isArray(v) && target.params!.safeParse({ id: candidate }).success && id !== '' && !id.includes('/')
    : target.schema.safeParse({ ...target.base, [parameter]: candidate }).success;
  if (!valid && !isPath) {
    expect(response.statusCode, context).toBe(400);
    const body = response.json<{ error: string; details: { parameter: string } }>();
    expect(body.error, context).toBe('INVALID_PARAMETER');
    expect(body.details.parameter.split('.')[0], context).toBe(parameter);
  } else if (!valid) {
    // A path segment that is empty (\`/sources/\` is the list), too long, or holds a slash.
    expect(id === '' ? [200, 400, 404] : [400, 404, 414], context).toContain(response.statusCode);
  } else {
    expect([200, ...target.alsoValid], context).toContain(response.statusCode);
  }
}

describe('every API parameter, random and hostile values', () => {
  for (const target of TARGETS) {
    for (const parameter of parametersOf(target)) {
      it(`${target.route} ${parameter}`, async () => {
        // The hostile list in full, the 1 MB ones included, then random values.
        for (const v of HOSTILE) await probe(target, parameter, v);
        await probe(target, parameter, [ID, ID]);
        await fc.assert(
          fc.asyncProperty(value, async (v) => {
            await probe(target, parameter, v);
          }),
          { numRuns: RUNS },
        );
      });
    }
  }

  it('answers 400 to malformed percent-encoding, in the path and in the query', async () => {
    for (const url of ['/api/v1/entities/%zz', '/api/v1/entities/%E0%A4', '/api/v1/entities/%', '/api/v1/sources/%C0%AF/x', '/api/v1/search?q=%zz', '/api/v1/search?q=%E0%A4%A', '/api/v1/search?q=%']) {
      const response = await app.inject(url);
      seen.requests += 1;
      seen.statuses.set(response.statusCode, (seen.statuses.get(response.statusCode) ?? 0) + 1);
      expect([200, 400, 404], url).toContain(response.statusCode);
      if (response.statusCode !== 200) expect(KNOWN_CODES.has(response.json<{ error: string }>().error), url).toBe(true);
    }
    expect((await app.inject('/api/v1/entities/%zz')).json()).toMatchObject({ error: 'INVALID_PARAMETER' });
  });

  it('ignores unknown and prototype-polluting parameter names', async () => {
    for (const name of ['__proto__', 'constructor', 'prototype', '__proto__[admin]', 'q[$ne]', 'limit[]']) {
      const response = await app.inject(`/api/v1/search?q=vu&${encode(name)}=1`);
      expect(response.statusCode, name).toBe(200);
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});

describe('afterwards', () => {
  it('the graph in Neo4j is unchanged: same generation, counts and checksum', async () => {
    const after = await datasetState(driver, dataset);
    expect(after.nodes).toBeGreaterThan(0);
    expect(after).toEqual(before);
  });
});
