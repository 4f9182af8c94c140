import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { main as runExportCli } from '../../server/export/cli.ts';
import { EXPORT_FORMATS } from '../../server/export/index.ts';
import type { NeighborsResponse } from '../../server/schemas/api.ts';
import { testApp } from '../helpers/app.ts';
import { testDatabase, testDriver, testUri } from '../helpers/neo4j.ts';
import { readCsvFiles, readCyjs, readGexf, readGraphml, splitCypher, unzip } from './readers.ts';

let app: FastifyInstance;
let small: FastifyInstance;
let dataset: string;

beforeAll(async () => {
  ({ app, dataset } = await testApp({ curated: 'api' }));
  ({ app: small } = await testApp({ dataset, env: { EXPORT_MAX_NODES: '3', EXPORT_MAX_EDGES: '2' } }));
});
afterAll(async () => {
  await app?.close();
  await small?.close();
});

const get = (target: FastifyInstance, url: string) => target.inject({ method: 'GET', url });
const SELECTION = 'ids=vu-dai-thang&depth=2';

describe('GET /api/v1/export', () => {
  it('with several ids, also holds the edges that join their neighbourhoods, as Neo4j has them', async () => {
    const ids = ['chen-gang', 'nguyen-minh-vu'];
    const own = new Set<string>();
    for (const id of ids) {
      const n = (await get(app, `/api/v1/entities/${id}/neighbors?depth=1&limit=1000`)).json<NeighborsResponse>();
      for (const e of n.edges) own.add(e.id);
    }
    const doc = (await get(app, `/api/v1/export?ids=${ids.join(',')}&depth=1&format=json`)).json<NeighborsResponse>();
    const nodeIds = doc.nodes.map((n) => n.id);
    // Independently: every relationship of the served generation between two exported nodes.
    const driver = testDriver();
    const { records } = await driver
      .executeQuery(
        'MATCH (d:Dataset {name: $dataset}) MATCH (a:Entity {graph: d.active})-[r]->(b:Entity {graph: d.active}) WHERE a.id IN $ids AND b.id IN $ids RETURN r.id AS id',
        { dataset, ids: nodeIds },
        { database: testDatabase(), routing: 'READ' },
      )
      .finally(() => driver.close());
    const expected = records.map((r) => r.get('id') as string).sort();
    expect(doc.edges.map((e) => e.id).sort()).toEqual(expected);
    // Not vacuous: Quang Ninh (met Chen Gang's side) attended the conference Nguyễn Minh Vũ co-chaired,
    // an edge in neither neighbourhood.
    expect(expected.filter((id) => !own.has(id))).toContain('ATTENDED:quang-ninh->guangdong-coordination-conference-9');
  });

  it('exports the same subgraph as the neighbours route, in every format, with the evidence', async () => {
    const neighbours = (await get(app, '/api/v1/entities/vu-dai-thang/neighbors?depth=2&limit=1000')).json<NeighborsResponse>();
    expect(neighbours.truncated).toBe(false);
    const nodeIds = neighbours.nodes.map((n) => n.id).sort();
    const edgeIds = neighbours.edges.map((e) => e.id).sort();
    expect(edgeIds.length).toBeGreaterThan(0);

    const json = await get(app, `/api/v1/export?${SELECTION}&format=json`);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.headers['content-disposition']).toBe('attachment; filename="cooperation-graph-vu-dai-thang-depth-2.json"');
    const doc = json.json<NeighborsResponse>();
    expect(doc.nodes.map((n) => n.id).sort()).toEqual(nodeIds);
    expect(doc.edges.map((e) => e.id).sort()).toEqual(edgeIds);
    // The same elements, attribute for attribute and quote for quote.
    const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(doc.nodes)).toEqual(byId(neighbours.nodes));
    expect(byId(doc.edges)).toEqual(byId(neighbours.edges));

    const read = {
      cyjs: (b: Buffer) => readCyjs(b.toString('utf8')),
      graphml: (b: Buffer) => readGraphml(b.toString('utf8')),
      gexf: (b: Buffer) => readGexf(b.toString('utf8')),
      csv: async (b: Buffer) => readCsvFiles(await unzip(b)),
      'neo4j-csv': async (b: Buffer) => readCsvFiles(await unzip(b)),
    };
    for (const format of ['cyjs', 'graphml', 'gexf', 'csv', 'neo4j-csv'] as const) {
      const response = await get(app, `/api/v1/export?${SELECTION}&format=${format}`);
      expect(response.statusCode, format).toBe(200);
      const back = await read[format](response.rawPayload);
      expect(back.nodes.map((n) => n.id).sort(), format).toEqual(nodeIds);
      expect(back.edges.map((e) => e.id).sort(), format).toEqual(edgeIds);
      // Names with diacritics come back as they were.
      const names = new Map(back.nodes.map((n) => [n.id, n.name]));
      for (const n of neighbours.nodes) expect(names.get(n.id), `${format} ${n.id}`).toBe(n.name);
      const evidence = new Map(back.edges.map((e) => [e.id, e.evidence]));
      for (const e of neighbours.edges) expect(evidence.get(e.id), `${format} ${e.id}`).toEqual(e.evidence);
    }

    const cypher = await get(app, `/api/v1/export?${SELECTION}&format=cypher`);
    expect(cypher.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(splitCypher(cypher.body).length).toBeGreaterThan(2);
    const zip = await get(app, `/api/v1/export?${SELECTION}&format=csv`);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(zip.headers['content-disposition']).toMatch(/filename="cooperation-graph-vu-dai-thang-depth-2\.csv\.zip"$/);
    const raw = await get(app, `/api/v1/export?${SELECTION}&format=neo4j-csv`);
    expect(raw.headers['content-disposition']).toMatch(/filename="cooperation-graph-vu-dai-thang-depth-2\.neo4j\.csv\.zip"$/);
  });

  it('titles the file with the ids the selection resolved to, never with the text the client typed', async () => {
    // Names with control characters between their words still resolve (they count as spaces).
    const typed = ['Trương\u000bQuốc\fTrí', 'vũ\tđại\u001f thắng'];
    const response = await get(app, `/api/v1/export?ids=${encodeURIComponent(typed.join(','))}&depth=1&format=cypher`);
    expect(response.statusCode, response.body).toBe(200);
    const first = response.body.split('\n')[0]!;
    expect(first).toMatch(/^\/\/ cooperation graph: zhang-guozhi, vu-dai-thang \(depth 1\): \d+ nodes, \d+ relationships\.$/);
    const graphml = await get(app, `/api/v1/export?ids=${encodeURIComponent(typed[0]!)}&depth=1&format=graphml`);
    expect(graphml.body).toContain('<desc>cooperation graph: zhang-guozhi (depth 1)</desc>');
  });

  it('takes several ids (or names) and filters as the neighbours route does', async () => {
    const response = await get(app, '/api/v1/export?ids=vu-dai-thang,Trương Quốc Trí&depth=1&relations=MET,CO_CHAIRED&format=json');
    expect(response.statusCode).toBe(200);
    const doc = response.json<NeighborsResponse>();
    const ids = doc.nodes.map((n) => n.id);
    expect(ids).toContain('vu-dai-thang');
    expect(ids).toContain('zhang-guozhi');
    expect(doc.edges.every((e) => e.type === 'MET' || e.type === 'CO_CHAIRED')).toBe(true);
  });

  it('refuses a selection over the cap, saying the limit and how to narrow it', async () => {
    const response = await get(small, `/api/v1/export?${SELECTION}&format=graphml`);
    expect(response.statusCode).toBe(400);
    const body = response.json<{ error: string; message: string; details: { limit: number; narrowWith: string[] } }>();
    expect(body.error).toBe('INVALID_PARAMETER');
    expect(body.message).toMatch(/export limit of 3 \(EXPORT_MAX_NODES\)/);
    expect(body.message).toMatch(/depth=1/);
    expect(body.details.limit).toBe(3);
  });

  it('answers 404 for an unknown id and 400 for an unknown format or no ids', async () => {
    expect((await get(app, '/api/v1/export?ids=no-such-entity-at-all')).statusCode).toBe(404);
    expect((await get(app, '/api/v1/export?ids=vu-dai-thang&format=pdf')).statusCode).toBe(400);
    expect((await get(app, '/api/v1/export?ids=,')).statusCode).toBe(400);
    expect((await get(app, '/api/v1/export?ids=vu-dai-thang&depth=9')).statusCode).toBe(400);
  });

  it('is listed in the OpenAPI document with its formats', async () => {
    const spec = (await get(app, '/api/v1/openapi.json')).json<{ paths: Record<string, { get?: { parameters?: { name: string }[] } }> }>();
    const result = await new Validator().validate(spec as never);
    expect(result.errors ?? []).toEqual([]);
    const route = spec.paths['/api/v1/export']?.get;
    expect(route?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['ids', 'format', 'depth']));
    expect(EXPORT_FORMATS).toHaveLength(7);
  });
});

describe('npm run export', () => {
  const sink = () => {
    const chunks: Buffer[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
    });
    return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
  };
  const env = () => ({ NEO4J_URI: testUri(), NEO4J_USER: inject('neo4jUser'), NEO4J_PASSWORD: inject('neo4jPassword'), NEO4J_DATABASE: testDatabase(), GRAPH_DATASET: dataset, LOG_LEVEL: 'silent' });

  it('writes the same file as the route', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'export-cli-'));
    try {
      const out = join(dir, 'graph.graphml');
      const err = sink();
      const code = await runExportCli(['--ids', 'vu-dai-thang', '--depth', '2', '--format', 'graphml', '--out', out], { env: env(), stdout: sink().stream, stderr: err.stream });
      expect(code, err.text()).toBe(0);
      const fromCli = readGraphml(readFileSync(out, 'utf8'));
      const fromRoute = readGraphml((await get(app, `/api/v1/export?${SELECTION}&format=graphml`)).body);
      expect(fromCli.nodes).toEqual(fromRoute.nodes);
      expect(fromCli.edges).toEqual(fromRoute.edges);
      expect(err.text()).toMatch(/\d+ nodes and \d+ edges written as graphml/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes to standard output, and explains bad usage and a selection over the cap', async () => {
    const out = sink();
    expect(await runExportCli(['--ids', 'vu-dai-thang', '--format', 'cypher', '--out', '-'], { env: env(), stdout: out.stream, stderr: sink().stream })).toBe(0);
    expect(out.text()).toContain('MERGE (n:Entity:Person {id: row.id})');

    const usage = sink();
    expect(await runExportCli(['--ids', 'x', '--format', 'pdf'], { env: env(), stdout: sink().stream, stderr: usage.stream })).toBe(2);
    expect(usage.text()).toMatch(/--format: /);

    const capped = sink();
    const code = await runExportCli(['--ids', 'vu-dai-thang', '--depth', '2', '--out', '-'], { env: { ...env(), EXPORT_MAX_NODES: '3' }, stdout: sink().stream, stderr: capped.stream });
    expect(code).toBe(1);
    expect(capped.text()).toMatch(/export limit of 3 \(EXPORT_MAX_NODES\); narrow it with/);
  });
});
