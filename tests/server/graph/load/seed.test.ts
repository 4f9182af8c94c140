import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCorpus } from '../../../../extract/compile.ts';
import type { CompiledGraph } from '../../../../extract/schema/compiled.ts';
import { applySchema } from '../../../../server/graph/schema.ts';
import { activeGeneration } from '../../../../server/graph/generations.ts';
import { clearDataset } from '../../../../server/graph/load/cleanup.ts';
import { loadGraph } from '../../../../server/graph/load/load-graph.ts';
import { testDatabase, testDriver, uniqueDataset } from '../../../helpers/neo4j.ts';
import { snapshot } from '../fixture.ts';

const driver = testDriver();
const database = testDatabase();
const dataset = uniqueDataset('curated');
let graph: CompiledGraph;

beforeAll(async () => {
  graph = await compileCorpus();
  await applySchema(driver, database);
});
afterAll(async () => {
  await clearDataset(driver, database, dataset);
  await driver.close();
});

const tally = (items: { type: string }[]) => {
  const out: Record<string, number> = {};
  for (const item of items) out[item.type] = (out[item.type] ?? 0) + 1;
  return out;
};

describe('the curated seed graph', () => {
  it('loads whole, with one node per entity and one relationship per fact, and reloads to the same graph', { timeout: 180_000 }, async () => {
    const first = await loadGraph(driver, database, dataset, graph);
    expect(first.counts.articles).toBe(graph.articles.length);
    expect(first.counts.nodes).toEqual(expect.objectContaining(tally(graph.nodes)));
    expect(Object.values(first.counts.nodes).reduce((a, b) => a + b, 0)).toBe(graph.nodes.length);
    expect(first.counts.relationships).toEqual(expect.objectContaining(tally(graph.relationships)));
    expect(Object.values(first.counts.relationships).reduce((a, b) => a + b, 0)).toBe(graph.relationships.length);

    const seen = await snapshot(driver, database, dataset);
    expect(seen).toMatchObject({ nodes: graph.nodes.length, relationships: graph.relationships.length, articles: graph.articles.length });

    const second = await loadGraph(driver, database, dataset, await compileCorpus());
    expect(second.counts).toEqual(first.counts);
    expect((await snapshot(driver, database, dataset)).checksum).toBe(seen.checksum);
    expect(await activeGeneration(driver, database, dataset)).toMatchObject({ generation: second.generation, counts: first.counts });
  });

  it('keeps every quote behind every relationship', async () => {
    const { records } = await driver.executeQuery(
      `MATCH (d:Dataset {name: $dataset}) WITH d.active AS g
       MATCH (s)-[r {graph: g}]->(t) RETURN r.id AS id, r.evidence AS evidence, r.articleIds AS articleIds`,
      { dataset },
      { database, routing: 'READ' },
    );
    const stored = new Map(records.map((r) => [r.get('id') as string, { evidence: JSON.parse(r.get('evidence') as string) as unknown, articleIds: r.get('articleIds') as string[] }]));
    for (const rel of graph.relationships) {
      expect(stored.get(rel.id)?.evidence, rel.id).toEqual(rel.evidence);
      expect(stored.get(rel.id)?.articleIds, rel.id).toEqual([...new Set(rel.evidence.map((e) => e.articleId))]);
    }
  });
});
