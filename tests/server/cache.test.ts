import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { compileCorpus } from '../../extract/compile.ts';
import { loadGraph } from '../../server/graph/load/load-graph.ts';
import { meetingsOf } from '../../server/graph/queries/meetings.ts';
import { neighborsOf } from '../../server/graph/queries/neighbors.ts';
import { LIMITS } from '../../server/schemas/query.ts';
import { GenerationClock } from '../../server/plugins/response-cache.ts';
import { testApp } from '../helpers/app.ts';
import { gatedDriver } from '../helpers/gated-driver.ts';
import { testDatabase, testDriver } from '../helpers/neo4j.ts';

/** The response cache over the real curated graph: hits, misses, and a reload that must not be hidden by it. */
describe('the response cache', () => {
  let app: FastifyInstance;
  let uncached: FastifyInstance;
  let dataset: string;
  const loader = testDriver();

  beforeAll(async () => {
    ({ app, dataset } = await testApp({ curated: 'cache', loader }));
    ({ app: uncached } = await testApp({ dataset, env: { RESPONSE_CACHE_MB: '0' } }));
  });

  afterAll(async () => {
    await app?.close();
    await uncached?.close();
    await loader.close();
  });

  const get = (on: FastifyInstance, url: string) => on.inject({ method: 'GET', url });

  it('answers a repeated request from memory, with the same body as Neo4j gave the first time', async () => {
    const url = '/api/v1/entities/zhang-guozhi/neighbors?depth=1';
    const first = await get(app, url);
    const second = await get(app, url);
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-cache']).toBe('miss');
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(second.body).toBe(first.body);
    const ids = (second.json() as { nodes: { id: string }[] }).nodes.map((n) => n.id);
    expect(ids).toContain('guangdong-coordination-conference-9');
    // Security headers are set on a hit as on any answer.
    expect(second.headers['content-security-policy']).toBeDefined();
  });

  /**
   * Sends `url` once to a cached app whose first query matching `holds` waits, then `count - 1` more
   * times; lets the first go only once the others have read the served generation (so they surely
   * arrive while it is being answered), and returns every answer, the first one first.
   */
  async function burst(url: string, count: number, holds: (cypher: string) => boolean) {
    const gate = gatedDriver(testDriver(), holds);
    const { app: gated } = await testApp({ dataset, driver: gate.driver });
    try {
      const first = get(gated, url);
      await expect.poll(() => gate.held).toBe(1);
      const lookups = gate.generationLookups;
      const others = Array.from({ length: count - 1 }, () => get(gated, url));
      await expect.poll(() => gate.generationLookups).toBeGreaterThan(lookups);
      await new Promise((r) => setTimeout(r, 20));
      gate.open();
      return await Promise.all([first, ...others]);
    } finally {
      gate.open();
      await gated.close();
    }
  }

  it('asks Neo4j once for a burst of identical requests: the others wait for the first answer', async () => {
    const url = '/api/v1/meetings?person=nguyen-minh-vu';
    const meetings = meetingsOf(dataset, 'nguyen-minh-vu', {}).cypher;
    const answers = await burst(url, 6, (cypher) => cypher === meetings);
    expect(answers.map((r) => r.statusCode)).toEqual(Array(6).fill(200));
    expect(answers.map((r) => r.headers['x-cache'])).toEqual(['miss', 'hit', 'hit', 'hit', 'hit', 'hit']);
    expect(new Set(answers.map((r) => r.body)).size).toBe(1);
    expect(answers[0]!.body).toBe((await get(uncached, url)).body);
  });

  it('shares an error answer with the burst that waited for it, and keeps it no longer', async () => {
    const url = '/api/v1/entities/no-such-entity/neighbors';
    const neighbours = neighborsOf(dataset, 'no-such-entity', 1, {}, LIMITS.neighbors.default).cypher;
    const answers = await burst(url, 4, (cypher) => cypher === neighbours);
    expect(answers.map((r) => r.statusCode)).toEqual(Array(4).fill(404));
    expect(answers.map((r) => r.headers['x-cache'])).toEqual(['miss', 'hit', 'hit', 'hit']);
    expect(new Set(answers.map((r) => r.body)).size).toBe(1);
    expect(answers[3]!.json()).toMatchObject({ error: 'NOT_FOUND', message: expect.stringContaining('no-such-entity') });
    expect(answers.every((r) => r.headers['content-type'] === 'application/json; charset=utf-8')).toBe(true);
    // Once answered, the error is not kept: the next request asks again.
    const later = await get(app, url);
    expect(later.statusCode).toBe(404);
    expect(later.headers['x-cache']).toBe('miss');
  });

  it('hands the work on when the first requester leaves: the others get one answer, computed once more', async () => {
    // The app's queries go to the real Neo4j; the first neighbours query is held until the test lets
    // it go, so the first requester is surely computing when it leaves.
    const neighbours = neighborsOf(dataset, 'guangdong', 2, {}, LIMITS.neighbors.default).cypher;
    const gate = gatedDriver(testDriver(), (cypher) => cypher === neighbours);
    const { app: leaving } = await testApp({ dataset, driver: gate.driver });
    try {
      const url = '/api/v1/entities/guangdong/neighbors?depth=2';
      const address = await leaving.listen({ host: '127.0.0.1', port: 0 });
      const leaver = connect(Number(new URL(address).port), '127.0.0.1');
      leaver.on('error', () => {});
      leaver.write(`GET ${url} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
      await expect.poll(() => gate.held).toBe(1);
      const lookups = gate.generationLookups;
      const others = Array.from({ length: 3 }, () => fetch(address + url));
      // Their generation lookup has answered: they are waiting for the leaver's answer.
      await expect.poll(() => gate.generationLookups).toBeGreaterThan(lookups);
      await new Promise((r) => setTimeout(r, 50));
      leaver.destroy();
      await new Promise((r) => setTimeout(r, 50));
      gate.open();
      const answers = await Promise.all(others);
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
      // One of them took the leaver's place; the other two waited for it.
      expect(answers.map((r) => r.headers.get('x-cache')).sort()).toEqual(['hit', 'hit', 'miss']);
      const bodies = await Promise.all(answers.map((r) => r.text()));
      expect(new Set(bodies).size).toBe(1);
      expect(bodies[0]).toBe((await get(uncached, url)).body);
    } finally {
      gate.open();
      await leaving.close();
    }
  });

  it('keeps no error answers, and no answer of the probes', async () => {
    for (let i = 0; i < 2; i++) {
      const missing = await get(app, '/api/v1/entities/no-such-entity');
      expect(missing.statusCode).toBe(404);
      expect(missing.headers['x-cache']).toBe('miss');
      const health = await get(app, '/api/v1/health');
      expect(health.headers['x-cache']).toBeUndefined();
    }
  });

  it('answers from the new graph as soon as a load has flipped the dataset', async () => {
    const url = '/api/v1/search?q=truong%20quoc%20tri';
    const before = await get(app, url);
    expect((await get(app, url)).headers['x-cache']).toBe('hit');
    expect((before.json() as { results: { id: string }[] }).results.map((r) => r.id)).toContain('zhang-guozhi');

    // The same corpus without Zhang Guozhi and everything that touches him.
    const graph = await compileCorpus();
    const without = {
      ...graph,
      nodes: graph.nodes.filter((n) => n.id !== 'zhang-guozhi'),
      relationships: graph.relationships.filter((r) => r.source !== 'zhang-guozhi' && r.target !== 'zhang-guozhi'),
    };
    await loadGraph(loader, testDatabase(), dataset, without);

    const after = await get(app, url);
    expect(after.statusCode).toBe(200);
    expect(after.headers['x-cache']).toBe('miss');
    expect((after.json() as { results: { id: string }[] }).results.map((r) => r.id)).not.toContain('zhang-guozhi');
    expect(after.body).toBe((await get(uncached, url)).body);
    const gone = await get(app, '/api/v1/entities/zhang-guozhi/neighbors?depth=1');
    expect(gone.statusCode).toBe(404);

    // Back again: the same as Neo4j answers now (full-text scores move with the index's statistics).
    await loadGraph(loader, testDatabase(), dataset, graph);
    const back = await get(app, url);
    expect(back.headers['x-cache']).toBe('miss');
    expect((back.json() as { results: { id: string }[] }).results.map((r) => r.id)).toContain('zhang-guozhi');
    expect(back.body).toBe((await get(uncached, url)).body);
  });

  it('is off with RESPONSE_CACHE_MB=0', async () => {
    const answer = await get(uncached, '/api/v1/search?q=guangdong');
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['x-cache']).toBeUndefined();
  });
});

describe('GenerationClock', () => {
  /** A lookup per call, answered by hand, so the order of events is the test's. */
  function manual() {
    const calls: { resolve: (g: string) => void; reject: (e: Error) => void }[] = [];
    const clock = new GenerationClock(() => new Promise<string | null>((resolve, reject) => calls.push({ resolve, reject })));
    return { clock, calls };
  }

  it('gives a caller that arrives during a lookup the answer of a lookup started after it', async () => {
    const { clock, calls } = manual();
    const early = clock.current();
    const late = clock.current();
    const later = clock.current();
    expect(calls).toHaveLength(1);
    calls[0]!.resolve('g1');
    expect(await early).toBe('g1');
    await Promise.resolve();
    expect(calls).toHaveLength(2);
    calls[1]!.resolve('g2');
    expect(await late).toBe('g2');
    expect(await later).toBe('g2');
  });

  it('passes a failed lookup on to its callers, and the next caller starts a fresh one', async () => {
    const { clock, calls } = manual();
    const failing = clock.current();
    calls[0]!.reject(new Error('Neo4j is away'));
    await expect(failing).rejects.toThrow('Neo4j is away');
    const next = clock.current();
    expect(calls).toHaveLength(2);
    calls[1]!.resolve('g3');
    expect(await next).toBe('g3');
  });
});
