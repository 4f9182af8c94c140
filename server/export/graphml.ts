import { asColumn, columnsOf, edgeRow, nodeRow, rowsOf, type Column, type ExportGraph, type WriteOptions } from './model.ts';
import { xmlWriter } from './xml.ts';

export const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';

/** GraphML's attr.type names for the column types. */
const GRAPHML_TYPE = { boolean: 'boolean', long: 'long', double: 'double', string: 'string' } as const;

/**
 * GraphML (Gephi, yEd, Cytoscape desktop): a typed `<key>` for every node and edge attribute, then the
 * nodes and the directed edges with their `<data>`. Aliases and evidence are JSON text.
 */
export async function* writeGraphml(graph: ExportGraph, options: WriteOptions = {}): AsyncGenerator<string> {
  const nodeColumns = columnsOf(rowsOf(graph.nodes, nodeRow), ['type', 'label', 'name', 'kind', 'unnamed']);
  const edgeColumns = columnsOf(rowsOf(graph.edges, edgeRow), ['type']);
  const nodeKeys = new Map(nodeColumns.map((c, i) => [c.name, { id: `n${i}`, column: c }]));
  const edgeKeys = new Map(edgeColumns.map((c, i) => [c.name, { id: `e${i}`, column: c }]));

  const { doc, out } = xmlWriter();
  doc.dec('1.0', 'UTF-8');
  doc.ele('graphml', {
    xmlns: GRAPHML_NS,
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': `${GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd`,
  }).txt('\n');
  const key = (id: string, domain: 'node' | 'edge', c: Column) =>
    doc.ele('key', { id, for: domain, 'attr.name': c.name, 'attr.type': GRAPHML_TYPE[c.type] }).up().txt('\n');
  for (const { id, column } of nodeKeys.values()) key(id, 'node', column);
  for (const { id, column } of edgeKeys.values()) key(id, 'edge', column);
  doc.ele('graph', { id: 'G', edgedefault: 'directed' }).txt('\n');
  doc.ele('desc').txt(options.title ?? 'cooperation graph').up().txt('\n');
  yield out.take();

  const data = (keys: typeof nodeKeys, row: Record<string, string | number | boolean>) => {
    for (const [name, value] of Object.entries(row)) {
      const k = keys.get(name);
      if (k) doc.ele('data', { key: k.id }).txt(String(asColumn(value, k.column.type))).up();
    }
  };
  for (const node of graph.nodes) {
    doc.ele('node', { id: node.id });
    data(nodeKeys, nodeRow(node));
    doc.up().txt('\n');
    if (out.full) yield out.take();
  }
  for (const edge of graph.edges) {
    doc.ele('edge', { id: edge.id, source: edge.source, target: edge.target });
    data(edgeKeys, edgeRow(edge));
    doc.up().txt('\n');
    if (out.full) yield out.take();
  }
  doc.up().txt('\n').up().end();
  yield out.take();
}
