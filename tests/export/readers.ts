/**
 * Independent readers for the export formats: third-party parsers (an XML parser, a CSV parser, an
 * unzip library) and the formats' own rules, written here without the writers' code.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { parse as parseCsvText } from 'csv-parse/sync';
import yauzl from 'yauzl';
import { expect } from 'vitest';

type Scalar = string | number | boolean;
type Element = Record<string, unknown> & { id: string };

export interface XmlElement {
  name: string;
  uri: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** A conformant, namespace-aware parse into a tree; throws on any well-formedness error. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) attrs[a.name] = a.value;
    const el: XmlElement = { name: tag.local, uri: tag.uri, attrs, children: [], text: '' };
    stack.at(-1)?.children.push(el);
    root ??= el;
    stack.push(el);
  });
  parser.on('text', (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  if (failure) throw failure;
  if (!root) throw new Error('no root element');
  return root;
}

const children = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);
const only = (el: XmlElement, name: string) => {
  const found = children(el, name);
  expect(found, `<${el.name}> must hold one <${name}>`).toHaveLength(1);
  return found[0]!;
};

function typed(value: string, type: string): Scalar {
  switch (type) {
    case 'boolean':
      expect(['true', 'false']).toContain(value);
      return value === 'true';
    case 'int':
    case 'integer':
    case 'long':
      expect(value).toMatch(/^-?\d+$/);
      return Number(value);
    case 'float':
    case 'double':
      expect(Number.isNaN(Number(value))).toBe(false);
      return Number(value);
    case 'string':
      return value;
    default:
      throw new Error(`unknown attribute type ${type}`);
  }
}

/** Aliases and evidence travel as JSON text in the flat formats. */
function unflatten(row: Record<string, unknown>): Record<string, unknown> {
  const out = { ...row };
  if (typeof out.aliases === 'string') out.aliases = JSON.parse(out.aliases);
  if (typeof out.evidence === 'string') out.evidence = JSON.parse(out.evidence);
  return out;
}

export interface ReadGraph {
  nodes: Element[];
  edges: Element[];
}

function checkEnds(graph: ReadGraph): void {
  const ids = new Set(graph.nodes.map((n) => n.id));
  expect(ids.size, 'node ids are unique').toBe(graph.nodes.length);
  expect(new Set(graph.edges.map((e) => e.id)).size, 'edge ids are unique').toBe(graph.edges.length);
  for (const e of graph.edges) {
    expect(ids.has(e.source as string), `edge ${e.id} source`).toBe(true);
    expect(ids.has(e.target as string), `edge ${e.id} target`).toBe(true);
  }
}

/** GraphML 1.0: keys (id, for, attr.name, attr.type) before one graph; data only under declared keys of their domain. */
export function readGraphml(xml: string): ReadGraph {
  const root = parseXml(xml);
  expect(root.name).toBe('graphml');
  expect(root.uri).toBe('http://graphml.graphdrawing.org/xmlns');
  const keyEls = children(root, 'key');
  const graphIndex = root.children.findIndex((c) => c.name === 'graph');
  expect(root.children.slice(graphIndex).some((c) => c.name === 'key'), 'keys come before the graph').toBe(false);
  const keys = new Map<string, { domain: string; name: string; type: string }>();
  for (const k of keyEls) {
    expect(['node', 'edge', 'graph', 'all']).toContain(k.attrs.for);
    expect(['boolean', 'int', 'long', 'float', 'double', 'string']).toContain(k.attrs['attr.type']);
    expect(keys.has(k.attrs.id!), `key ${k.attrs.id} declared once`).toBe(false);
    keys.set(k.attrs.id!, { domain: k.attrs.for!, name: k.attrs['attr.name']!, type: k.attrs['attr.type']! });
  }
  const graph = only(root, 'graph');
  expect(['directed', 'undirected']).toContain(graph.attrs.edgedefault);
  const dataOf = (el: XmlElement, domain: string) => {
    const row: Record<string, unknown> = {};
    for (const d of children(el, 'data')) {
      const key = keys.get(d.attrs.key!);
      expect(key, `data key ${d.attrs.key} is declared`).toBeDefined();
      expect([domain, 'all']).toContain(key!.domain);
      row[key!.name] = typed(d.text, key!.type);
    }
    return row;
  };
  const result: ReadGraph = {
    nodes: children(graph, 'node').map((n) => ({ ...unflatten(dataOf(n, 'node')), id: n.attrs.id! })),
    edges: children(graph, 'edge').map((e) => ({
      ...unflatten(dataOf(e, 'edge')),
      id: e.attrs.id!,
      source: e.attrs.source,
      target: e.attrs.target,
    })),
  };
  checkEnds(result);
  return result;
}

export interface GexfTimes {
  nodes: Map<string, string | undefined>;
  edges: Map<string, string | undefined>;
  edgeKinds: Map<string, string | undefined>;
}

/** GEXF 1.3: meta, one graph with declared attributes, nodes then edges; start dates in the graph's time format. */
export function readGexf(xml: string): ReadGraph & { times: GexfTimes; graph: Record<string, string> } {
  const root = parseXml(xml);
  expect(root.name).toBe('gexf');
  expect(root.uri).toBe('http://gexf.net/1.3');
  expect(root.attrs.version).toBe('1.3');
  const graph = only(root, 'graph');
  expect(['directed', 'undirected', 'mutual']).toContain(graph.attrs.defaultedgetype ?? 'undirected');
  const attrs = new Map<string, Map<string, { title: string; type: string }>>();
  for (const block of children(graph, 'attributes')) {
    expect(['node', 'edge']).toContain(block.attrs.class);
    const declared = new Map<string, { title: string; type: string }>();
    for (const a of children(block, 'attribute')) {
      expect(['integer', 'long', 'double', 'float', 'boolean', 'string', 'liststring', 'anyURI', 'date']).toContain(a.attrs.type);
      declared.set(a.attrs.id!, { title: a.attrs.title!, type: a.attrs.type! });
    }
    attrs.set(block.attrs.class!, declared);
  }
  const date = /^\d{4}-\d{2}-\d{2}$/;
  const valuesOf = (el: XmlElement, domain: string) => {
    const row: Record<string, unknown> = {};
    for (const block of children(el, 'attvalues')) {
      for (const v of children(block, 'attvalue')) {
        const a = attrs.get(domain)?.get(v.attrs.for!);
        expect(a, `attvalue for ${v.attrs.for} is declared for ${domain}s`).toBeDefined();
        row[a!.title] = typed(v.attrs.value!, a!.type);
      }
    }
    return row;
  };
  const times: GexfTimes = { nodes: new Map(), edges: new Map(), edgeKinds: new Map() };
  const nodes = children(only(graph, 'nodes'), 'node').map((n) => {
    if (n.attrs.start !== undefined) expect(n.attrs.start).toMatch(date);
    times.nodes.set(n.attrs.id!, n.attrs.start);
    const row = unflatten(valuesOf(n, 'node'));
    expect(n.attrs.label).toBe(row.label);
    return { ...row, id: n.attrs.id! };
  });
  const edgesEl = children(graph, 'edges');
  const edges = (edgesEl[0] ? children(edgesEl[0], 'edge') : []).map((e) => {
    if (e.attrs.start !== undefined) expect(e.attrs.start).toMatch(date);
    times.edges.set(e.attrs.id!, e.attrs.start);
    times.edgeKinds.set(e.attrs.id!, e.attrs.kind);
    return { ...unflatten(valuesOf(e, 'edge')), id: e.attrs.id!, source: e.attrs.source, target: e.attrs.target };
  });
  const result = { nodes, edges, times, graph: graph.attrs };
  checkEnds(result);
  return result;
}

/** The entries of a zip, by name. */
export async function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  const zipfile = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(zip, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (err, z) => (err ? reject(err) : resolve(z))),
  );
  const files = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zipfile.on('error', reject);
    zipfile.on('end', () => resolve());
    zipfile.on('entry', (entry: yauzl.Entry) => {
      zipfile.openReadStream(entry, (err, stream) => {
        if (err) return reject(err);
        const parts: Buffer[] = [];
        stream.on('data', (b: Buffer) => parts.push(b));
        stream.on('error', reject);
        stream.on('end', () => {
          files.set(entry.fileName, Buffer.concat(parts));
          zipfile.readEntry();
        });
      });
    });
    zipfile.readEntry();
  });
  return files;
}

/** A CSV file as rows; an unquoted empty field is a missing value, a quoted one an empty text. */
export function parseCsv(bytes: Buffer): (string | undefined)[][] {
  return parseCsvText(bytes, {
    bom: true,
    relax_column_count: false,
    cast: (value, context) => (value === '' && !context.quoting ? undefined : value),
  }) as (string | undefined)[][];
}

const ADMIN_TYPES: Record<string, string> = { '': 'string', string: 'string', long: 'long', int: 'int', double: 'double', float: 'float', boolean: 'boolean' };

/** neo4j-admin import headers: `name:type` columns, `id:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`. */
function header(cell: string): { name: string; type: string } {
  const colon = cell.lastIndexOf(':');
  const name = colon < 0 ? cell : cell.slice(0, colon);
  const type = colon < 0 ? '' : cell.slice(colon + 1);
  if (['ID', 'LABEL', 'START_ID', 'END_ID', 'TYPE'].includes(type)) return { name, type };
  expect(Object.keys(ADMIN_TYPES), `header type of ${cell}`).toContain(type);
  return { name, type: ADMIN_TYPES[type]! };
}

export function readCsvFiles(files: Map<string, Buffer>): ReadGraph & { labels: Map<string, string[]> } {
  expect([...files.keys()].sort()).toEqual(['nodes.csv', 'relationships.csv']);
  const [nodeHead, ...nodeRows] = parseCsv(files.get('nodes.csv')!);
  const [edgeHead, ...edgeRows] = parseCsv(files.get('relationships.csv')!);
  const nodeCols = nodeHead!.map((c) => header(c!));
  const edgeCols = edgeHead!.map((c) => header(c!));
  expect(nodeCols.filter((c) => c.type === 'ID')).toHaveLength(1);
  expect(nodeCols.filter((c) => c.type === 'LABEL')).toHaveLength(1);
  for (const t of ['START_ID', 'END_ID', 'TYPE']) expect(edgeCols.filter((c) => c.type === t)).toHaveLength(1);
  const labels = new Map<string, string[]>();
  const nodes = nodeRows.map((cells) => {
    const row: Record<string, unknown> = {};
    let id = '';
    cells.forEach((cell, i) => {
      const col = nodeCols[i]!;
      if (cell === undefined) return;
      if (col.type === 'ID') {
        id = cell;
        row[col.name] = cell;
      } else if (col.type === 'LABEL') labels.set(id, cell.split(';'));
      else row[col.name] = typed(cell, col.type);
    });
    return { ...unflatten(row), id };
  });
  const edges = edgeRows.map((cells) => {
    const row: Record<string, unknown> = {};
    cells.forEach((cell, i) => {
      const col = edgeCols[i]!;
      if (cell === undefined) return;
      if (col.type === 'START_ID') row.source = cell;
      else if (col.type === 'END_ID') row.target = cell;
      else if (col.type === 'TYPE') row.type = cell;
      else row[col.name] = typed(cell, col.type);
    });
    return unflatten(row) as Element;
  });
  const result = { nodes, edges, labels };
  checkEnds(result);
  return result;
}

/** Cytoscape.js elements JSON: `elements.nodes[].data` and `elements.edges[].data`. */
export function readCyjs(text: string): ReadGraph {
  const doc = JSON.parse(text) as { elements: { nodes: { data: Element }[]; edges: { data: Element & { interaction: string } }[] } };
  const result: ReadGraph = {
    nodes: doc.elements.nodes.map((n) => unflatten(n.data) as Element),
    edges: doc.elements.edges.map((e) => {
      expect(e.data.interaction).toBe(e.data.type);
      const { interaction: _, ...rest } = e.data;
      return unflatten(rest) as Element;
    }),
  };
  checkEnds(result);
  return result;
}

/**
 * Splits a Cypher script into statements the way a shell does: at semicolons outside string literals,
 * quoted names and comments.
 */
export function splitCypher(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    if (quote) {
      current += c;
      if (c === '\\' && quote !== '`') {
        current += script[++i] ?? '';
      } else if (c === quote) quote = null;
      continue;
    }
    if (c === '/' && script[i + 1] === '/') {
      const end = script.indexOf('\n', i);
      i = end < 0 ? script.length : end;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    if (c === ';') {
      if (current.trim()) statements.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
