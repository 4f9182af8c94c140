import { asColumn, columnsOf, edgeRow, fullDate, nodeRow, rowsOf, type Column, type ExportGraph, type Scalar, type WriteOptions } from './model.ts';
import { xmlWriter } from './xml.ts';

export const GEXF_NS = 'http://gexf.net/1.3';

/**
 * GEXF 1.3 (Gephi): a dynamic graph whose time format is `date`. A dated node (an event, an agreement)
 * or a dated edge starts at its date, so Gephi's timeline shows the cooperation growing; undated ones
 * are there throughout. Partial dates start at their first day (2025-04 → 2025-04-01); the date as
 * written stays an attribute, with every other attribute declared with its type. Edges carry their
 * relation type as label and as `kind`, so parallel edges of different types stay apart.
 */
export async function* writeGexf(graph: ExportGraph, options: WriteOptions = {}): AsyncGenerator<string> {
  const nodeColumns = columnsOf(rowsOf(graph.nodes, nodeRow), ['type', 'label', 'name', 'kind', 'unnamed']);
  const edgeColumns = columnsOf(rowsOf(graph.edges, edgeRow), ['type']);
  const nodeIds = new Map(nodeColumns.map((c, i) => [c.name, { id: `n${i}`, column: c }]));
  const edgeIds = new Map(edgeColumns.map((c, i) => [c.name, { id: `e${i}`, column: c }]));
  const exportedAt = options.exportedAt ?? new Date();

  const { doc, out } = xmlWriter();
  doc.dec('1.0', 'UTF-8');
  doc.ele('gexf', {
    xmlns: GEXF_NS,
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': `${GEXF_NS} http://gexf.net/1.3/gexf.xsd`,
    version: '1.3',
  }).txt('\n');
  doc.ele('meta', { lastmodifieddate: exportedAt.toISOString().slice(0, 10) });
  doc.ele('creator').txt('cooperation-graph').up();
  doc.ele('description').txt(options.title ?? 'cooperation graph').up();
  doc.up().txt('\n');
  doc.ele('graph', { defaultedgetype: 'directed', mode: 'dynamic', timeformat: 'date' }).txt('\n');
  const declare = (domain: 'node' | 'edge', ids: typeof nodeIds) => {
    doc.ele('attributes', { class: domain, mode: 'static' });
    for (const { id, column } of ids.values()) doc.ele('attribute', { id, title: column.name, type: column.type }).up();
    doc.up().txt('\n');
  };
  declare('node', nodeIds);
  declare('edge', edgeIds);
  yield out.take();

  const attvalues = (ids: Map<string, { id: string; column: Column }>, row: Record<string, Scalar>) => {
    doc.ele('attvalues');
    for (const [name, value] of Object.entries(row)) {
      const a = ids.get(name);
      if (a) doc.ele('attvalue', { for: a.id, value: String(asColumn(value, a.column.type)) }).up();
    }
    doc.up();
  };
  const start = (date: unknown) => (typeof date === 'string' ? fullDate(date) : undefined);

  doc.ele('nodes').txt('\n');
  for (const node of graph.nodes) {
    const begins = start(node.date);
    doc.ele('node', { id: node.id, label: node.label, ...(begins ? { start: begins } : {}) });
    attvalues(nodeIds, nodeRow(node));
    doc.up().txt('\n');
    if (out.full) yield out.take();
  }
  doc.up().txt('\n');
  doc.ele('edges').txt('\n');
  for (const edge of graph.edges) {
    const begins = start(edge.date);
    doc.ele('edge', { id: edge.id, source: edge.source, target: edge.target, label: edge.type, kind: edge.type, ...(begins ? { start: begins } : {}) });
    attvalues(edgeIds, edgeRow(edge));
    doc.up().txt('\n');
    if (out.full) yield out.take();
  }
  doc.up().txt('\n').up().txt('\n').up().end();
  yield out.take();
}
