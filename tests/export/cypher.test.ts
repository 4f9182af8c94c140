import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { FORMATS, type ExportGraph } from '../../server/export/index.ts';
import { testDatabase, testDriver, uniqueDataset } from '../helpers/neo4j.ts';
import { fixtureGraph, HOSTILE } from './fixture.ts';
import { splitCypher } from './readers.ts';

/**
 * The Cypher script is run statement by statement (split as a shell splits it) into the run's Neo4j,
 * with a `graph` marker no other test uses, then read back node by node and edge by edge.
 */
let driver: Driver;
const markers: string[] = [];

/**
 * Schema statements racing the same statement in another test file (the loader's applySchema) can
 * fail with "an equivalent index already exists" despite IF NOT EXISTS, on either side. So the
 * script's index statement runs only when the index is not there yet (when it is, it would change
 * nothing), and losing a race to create it still leaves it there, which is all it asks for.
 */
const raced = (error: unknown) => (error as { code?: string }).code === 'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists';

async function run(statement: string): Promise<void> {
  const index = /^CREATE INDEX (\w+) IF NOT EXISTS/.exec(statement);
  if (index) {
    const { records } = await driver.executeQuery('SHOW INDEXES YIELD name WHERE name = $name RETURN name', { name: index[1] }, { database: testDatabase() });
    if (records.length) return;
  }
  try {
    await driver.executeQuery(statement, {}, { database: testDatabase() });
  } catch (error) {
    if (!(index && raced(error))) throw error;
  }
}

beforeAll(() => {
  driver = testDriver();
});

afterAll(async () => {
  for (const graph of markers) {
    await driver.executeQuery('MATCH (n {graph: $graph}) DETACH DELETE n', { graph }, { database: testDatabase() });
  }
  await driver.close();
});

async function runScript(graph: ExportGraph): Promise<string> {
  const marker = uniqueDataset('export-cypher');
  markers.push(marker);
  let script = '';
  for await (const chunk of FORMATS.cypher.write(graph, { graph: marker })) script += chunk;
  for (const statement of splitCypher(script)) await run(statement);
  return marker;
}

type Props = Record<string, unknown>;

/** Back from the project's storage form: two alias lists, evidence as JSON text, the type as a label. */
async function readBack(marker: string) {
  const { records: nodeRecords } = await driver.executeQuery(
    'MATCH (n:Entity {graph: $marker}) RETURN properties(n) AS props, labels(n) AS labels',
    { marker },
    { database: testDatabase() },
  );
  const nodes = nodeRecords.map((r) => {
    const { graph, aliasNames, aliasLangs, evidence, articleIds, ...rest } = r.get('props') as Props;
    expect(graph).toBe(marker);
    const labels = (r.get('labels') as string[]).filter((l) => l !== 'Entity');
    expect(labels).toHaveLength(1);
    const node: Props = { ...rest, type: labels[0], aliases: (aliasNames as string[]).map((name, i) => ({ name, lang: (aliasLangs as string[])[i] })) };
    if (evidence !== undefined) {
      node.evidence = JSON.parse(evidence as string);
      expect(articleIds).toEqual([...new Set((node.evidence as { articleId: string }[]).map((e) => e.articleId))]);
    }
    return node;
  });
  const { records: edgeRecords } = await driver.executeQuery(
    `MATCH (a:Entity {graph: $marker})-[r {graph: $marker}]->(b:Entity {graph: $marker})
     RETURN properties(r) AS props, type(r) AS type, a.id AS source, b.id AS target`,
    { marker },
    { database: testDatabase() },
  );
  const edges = edgeRecords.map((r) => {
    const { graph: _, articleIds, evidence, ...rest } = r.get('props') as Props;
    const parsed = JSON.parse(evidence as string) as { articleId: string }[];
    expect(articleIds).toEqual([...new Set(parsed.map((e) => e.articleId))]);
    return { ...rest, type: r.get('type'), source: r.get('source'), target: r.get('target'), evidence: parsed } as Props;
  });
  return { nodes, edges };
}

const byId = <T extends Props>(items: readonly T[]) => [...items].sort((a, b) => String(a.id).localeCompare(String(b.id)));

describe('the Cypher script recreates the subgraph in Neo4j', () => {
  it('gives back every node and edge of the fixture with its labels, type and attributes, diacritics and hostile text intact', async () => {
    const graph = fixtureGraph();
    const marker = await runScript(graph);
    const back = await readBack(marker);
    expect(back.nodes).toHaveLength(graph.nodes.length);
    expect(back.edges).toHaveLength(graph.edges.length);
    const expected = byId(graph.nodes as unknown as Props[]);
    byId(back.nodes).forEach((node, i) => expect(node, String(node.id)).toEqual(expected[i]));
    const expectedEdges = byId(graph.edges as unknown as Props[]);
    byId(back.edges).forEach((edge, i) => expect(edge, String(edge.id)).toEqual(expectedEdges[i]));
  });

  it('runs twice without duplicating anything (nodes and relationships are merged on their ids)', async () => {
    const graph = fixtureGraph();
    const marker = uniqueDataset('export-cypher');
    markers.push(marker);
    let script = '';
    for await (const chunk of FORMATS.cypher.write(graph, { graph: marker })) script += chunk;
    for (let i = 0; i < 2; i++) for (const s of splitCypher(script)) await run(s);
    const back = await readBack(marker);
    expect([back.nodes.length, back.edges.length]).toEqual([graph.nodes.length, graph.edges.length]);
  });

  it('writes hostile property keys and values as data, never as code', async () => {
    const base = fixtureGraph().nodes[0]!;
    const graph: ExportGraph = {
      nodes: [
        { ...base, id: 'a', 'we`ird} key': HOSTILE, name: "x' }) DETACH DELETE n //", backslash: '\\u0041 \\n not escapes' },
        { ...base, id: 'b', name: '\u0000\u0007\u2028 controls' },
      ],
      edges: [{ id: "e'1", source: 'a', target: 'b', type: 'MET', evidence: [{ articleId: 'x-1', language: 'de', quote: `${HOSTILE}\`) RETURN 1 //` }] }],
    };
    const marker = await runScript(graph);
    const back = await readBack(marker);
    expect(byId(back.nodes)).toEqual(byId(graph.nodes as unknown as Props[]));
    expect(back.edges).toEqual(graph.edges);
  });
});
