import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../../../server/graph/schema.ts';
import { activeGeneration } from '../../../../server/graph/generations.ts';
import { clearDataset } from '../../../../server/graph/load/cleanup.ts';
import { DatasetBusyError, GraphValidationError, LoadError } from '../../../../server/graph/load/errors.ts';
import { loadGraph } from '../../../../server/graph/load/load-graph.ts';
import type { BatchInfo } from '../../../../server/graph/load/types.ts';
import type { CompiledGraph } from '../../../../extract/schema/compiled.ts';
import { testDatabase, testDriver, uniqueDataset } from '../../../helpers/neo4j.ts';
import neo4j from 'neo4j-driver';
import { createServer, connect, type Socket } from 'node:net';
import { inject } from 'vitest';
import { allElements, fixtureGraph, snapshot, type Snapshot } from '../fixture.ts';

const driver = testDriver();
const database = testDatabase();
const datasets: string[] = [];
const dataset = (prefix: string) => {
  const name = uniqueDataset(prefix);
  datasets.push(name);
  return name;
};

beforeAll(() => applySchema(driver, database));
afterAll(async () => {
  for (const name of datasets) await clearDataset(driver, database, name);
  await driver.close();
});

/** The fixture changed: one person renamed, one relationship dropped, one place added. */
function changedGraph(): CompiledGraph {
  const graph = fixtureGraph();
  graph.nodes.find((n) => n.id === 'do-van-duc')!.name = 'Đỗ Văn Đức (Vice Chairman)';
  graph.relationships = graph.relationships.filter((r) => r.id !== 'attended-hcmc-conference-9');
  graph.nodes.push({ id: 'nanning', type: 'Place', name: 'Nam Ninh', kind: 'city', unnamed: false, aliases: [{ name: 'Nanning', lang: 'zh' }], properties: {}, evidence: [] });
  return graph;
}

/** A TCP proxy to Neo4j whose connections can all be cut at once, as if the database went away. */
async function cuttableProxy(target: URL): Promise<{ port: number; cut(): void }> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => {});
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    cut() {
      server.close();
      for (const s of sockets) s.destroy();
    },
  };
}

const totals = (s: Snapshot) => ({ nodes: s.nodes, relationships: s.relationships });

describe('loadGraph', () => {
  it('loads the fixture with the counts of the input', async () => {
    const name = dataset('counts');
    const graph = fixtureGraph();
    const result = await loadGraph(driver, database, name, graph);
    expect(result.counts).toEqual({
      nodes: { Person: 2, Place: 2, Organization: 1, Agreement: 1, Event: 1 },
      relationships: { CO_CHAIRED: 1, ATTENDED: 1, MET: 1, HOLDS_POSITION: 1, TOOK_PLACE_IN: 1, SIGNED_AT: 1 },
      articles: 2,
    });
    expect(result.previous).toBeNull();
    expect(result.diff.compared).toBe(false);
    const seen = await snapshot(driver, database, name);
    expect(seen).toMatchObject({ generation: result.generation, nodes: 7, relationships: 6, articles: 2 });

    // Properties as the contract gives them.
    const { records } = await driver.executeQuery(
      `MATCH (d:Dataset {name: $name}) WITH d.active AS g
       MATCH (n:Entity:Place {graph: g, id: 'guangdong'})<-[r:TOOK_PLACE_IN {graph: g}]-(e:Event) RETURN n {.*} AS n, r {.*} AS r, e.ordinal AS ordinal`,
      { name },
      { database },
    );
    const n = records[0]?.get('n') as Record<string, unknown>;
    expect(n).toMatchObject({ id: 'guangdong', name: 'Quảng Đông', kind: 'province', unnamed: false, aliasNames: ['Provinz Guangdong', 'Guangdong'], aliasLangs: ['de', 'zh'], articleIds: ['de-conference-9'] });
    expect(JSON.parse(n.evidence as string)).toEqual([{ articleId: 'de-conference-9', language: 'de', quote: 'die Konferenz in der Provinz Guangdong' }]);
    expect(records[0]?.get('r')).toMatchObject({ id: 'took-place-in-conference-9-guangdong', articleIds: ['de-conference-9'] });
    expect(records[0]?.get('ordinal')).toBe(9);

    const active = await activeGeneration(driver, database, name);
    expect(active).toEqual({ dataset: name, generation: result.generation, loadedAt: result.loadedAt, counts: result.counts });
  });

  it('is idempotent: the same graph twice gives the same counts, no duplicates and an empty diff', async () => {
    const name = dataset('idempotent');
    const first = await loadGraph(driver, database, name, fixtureGraph());
    const before = await snapshot(driver, database, name);
    const second = await loadGraph(driver, database, name, fixtureGraph());
    const after = await snapshot(driver, database, name);
    expect(second.counts).toEqual(first.counts);
    expect(after.checksum).toBe(before.checksum);
    expect(after.generation).not.toBe(before.generation);
    expect(second.previous).toBe(first.generation);
    expect(second.diff.compared).toBe(true);
    for (const d of [...Object.values(second.diff.nodes), ...Object.values(second.diff.relationships), second.diff.articles]) {
      expect(d).toMatchObject({ added: 0, removed: 0, changed: 0 });
    }
    // The old generation is gone: only one generation's worth of elements is left.
    expect(await allElements(driver, database, name)).toEqual({ nodes: 9, relationships: 6 });
  });

  it('reports what changed since the previous load', async () => {
    const name = dataset('diff');
    await loadGraph(driver, database, name, fixtureGraph());
    const result = await loadGraph(driver, database, name, changedGraph());
    expect(result.diff.nodes.Place).toMatchObject({ before: 2, after: 3, added: 1, removed: 0, changed: 0, addedIds: ['nanning'] });
    expect(result.diff.nodes.Person).toMatchObject({ added: 0, removed: 0, changed: 1, changedIds: ['do-van-duc'] });
    expect(result.diff.relationships.ATTENDED).toMatchObject({ before: 1, after: 0, removed: 1, removedIds: ['attended-hcmc-conference-9'] });
    expect(result.diff.relationships.MET).toMatchObject({ added: 0, removed: 0, changed: 0 });
  });

  it('rejects an invalid graph before writing anything', async () => {
    const name = dataset('invalid');
    const graph = fixtureGraph();
    graph.relationships.push({ ...graph.relationships[0]!, id: 'dangling', target: 'nowhere' });
    graph.nodes.push({ ...graph.nodes[0]! });
    const failure = await loadGraph(driver, database, name, graph).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GraphValidationError);
    expect((failure as Error).message).toContain('relationship dangling: unknown target nowhere');
    expect((failure as Error).message).toContain('node nguyen-minh-vu: duplicate id');
    expect(await allElements(driver, database, name)).toEqual({ nodes: 0, relationships: 0 });
    expect(await activeGeneration(driver, database, name)).toBeNull();
  });

  it('leaves the previous graph exactly as it was when the last batch fails inside Neo4j', async () => {
    const name = dataset('atomic');
    await loadGraph(driver, database, name, fixtureGraph());
    const before = await snapshot(driver, database, name);
    const stats = await activeGeneration(driver, database, name);

    const batches: BatchInfo[] = [];
    const failure = await loadGraph(driver, database, name, changedGraph(), {
      nodeBatchSize: 2,
      relationshipBatchSize: 2,
      onBatch: async (batch, tx) => {
        batches.push(batch);
        // A real error raised by Neo4j in the batch's own transaction.
        if (batch.index === batch.total) await tx.run({ cypher: 'RETURN 1 / toInteger($zero) AS boom', params: { zero: 0 }, routing: 'WRITE', transform: () => null });
      },
    }).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(LoadError);
    expect((failure as Error).message).toMatch(/failed while writing relationships: relationships batch (\d+) of \1/);
    expect((failure as Error).message).toContain(`generation ${before.generation} is still active and unchanged`);
    expect(batches.length).toBeGreaterThan(5);
    expect(batches.at(-1)?.index).toBe(batches.at(-1)?.total);

    const after = await snapshot(driver, database, name);
    expect(after).toEqual(before);
    expect(await activeGeneration(driver, database, name)).toEqual(stats);
    // The half-written generation is gone.
    expect(await allElements(driver, database, name)).toEqual(totals({ ...before, nodes: before.nodes + before.articles }));

    // And the next load goes through.
    const next = await loadGraph(driver, database, name, changedGraph());
    expect(next.counts.nodes.Place).toBe(3);
  });

  it('survives losing its connection mid-load: the old graph stays, the next load sweeps the remains', async () => {
    const name = dataset('gone');
    await loadGraph(driver, database, name, fixtureGraph());
    const before = await snapshot(driver, database, name);

    // The load talks to Neo4j through a proxy that drops every connection at the fourth batch.
    const proxy = await cuttableProxy(new URL(inject('neo4jUri').replace(/^\w+:/, 'http:')));
    const doomed = neo4j.driver(`bolt://127.0.0.1:${proxy.port}`, neo4j.auth.basic(inject('neo4jUser'), inject('neo4jPassword')), { disableLosslessIntegers: true, maxTransactionRetryTime: 500, connectionTimeout: 1000 });
    const failure = await loadGraph(doomed, database, name, changedGraph(), {
      nodeBatchSize: 2,
      relationshipBatchSize: 2,
      onBatch: async (batch) => {
        if (batch.index === 4) proxy.cut();
      },
    }).catch((e: unknown) => e);
    await doomed.close();
    expect(failure).toBeInstanceOf(LoadError);
    expect((failure as Error).message).toContain('will be swept by the next load');
    expect(await snapshot(driver, database, name)).toEqual(before);
    expect((await allElements(driver, database, name)).nodes).toBeGreaterThan(before.nodes + before.articles);

    // The dead load still holds its lease: a second load waits for it to lapse...
    await expect(loadGraph(driver, database, name, changedGraph())).rejects.toBeInstanceOf(DatasetBusyError);
    // ...and once it has, sweeps the half-written generation first.
    const next = await loadGraph(driver, database, name, changedGraph(), { staleLeaseMs: 0 });
    expect(next.swept).toHaveLength(1);
    expect(await allElements(driver, database, name)).toEqual({ nodes: 8 + 2, relationships: 5 });
  });

  it('lets readers see the old graph or the new one, never half of one', async () => {
    const name = dataset('readers');
    await loadGraph(driver, database, name, fixtureGraph());
    const old = await snapshot(driver, database, name);
    const seenDuringBatches: Snapshot[] = [];
    const seenConcurrently: Snapshot[] = [];
    let loading = true;
    const reader = (async () => {
      while (loading) seenConcurrently.push(await snapshot(driver, database, name));
    })();
    await loadGraph(driver, database, name, changedGraph(), {
      nodeBatchSize: 1,
      relationshipBatchSize: 1,
      onBatch: async () => {
        seenDuringBatches.push(await snapshot(driver, database, name));
      },
    });
    const fresh = await snapshot(driver, database, name);
    for (let i = 0; i < 3; i++) seenConcurrently.push(await snapshot(driver, database, name));
    loading = false;
    await reader;

    expect(fresh.checksum).not.toBe(old.checksum);
    expect(seenDuringBatches.length).toBeGreaterThan(10);
    for (const s of seenDuringBatches) expect(s).toEqual(old);
    expect(seenConcurrently.length).toBeGreaterThan(3);
    for (const s of seenConcurrently) expect([old.checksum, fresh.checksum]).toContain(s.checksum);
    expect(seenConcurrently.at(-1)).toEqual(fresh);
  });
});
