import { Chunker, edgeRow, nodeRow, type ExportGraph, type WriteOptions } from './model.ts';

/**
 * Cytoscape.js elements JSON, the form Cytoscape desktop imports as "Cytoscape.js JSON" (`.cyjs`).
 * Each element's `data` holds its attributes as scalars (desktop columns take no nested objects), so
 * aliases and evidence are JSON text; edges carry their type as `interaction`, as desktop expects.
 */
export async function* writeCyjs(graph: ExportGraph, options: WriteOptions = {}): AsyncGenerator<string> {
  const out = new Chunker();
  const title = options.title ?? 'cooperation graph';
  const head = {
    format_version: '1.0',
    generated_by: 'cooperation-graph',
    target_cytoscapejs_version: '~3.30',
    data: { name: title, shared_name: title },
  };
  const open = JSON.stringify(head);
  out.push(`${open.slice(0, -1)},"elements":{"nodes":[`);
  let first = true;
  for (const node of graph.nodes) {
    out.push(`${first ? '\n' : ',\n'}${JSON.stringify({ data: { id: node.id, ...nodeRow(node) } })}`);
    first = false;
    if (out.full) yield out.take();
  }
  out.push('\n],"edges":[');
  first = true;
  for (const edge of graph.edges) {
    const data = { id: edge.id, source: edge.source, target: edge.target, interaction: edge.type, ...edgeRow(edge) };
    out.push(`${first ? '\n' : ',\n'}${JSON.stringify({ data })}`);
    first = false;
    if (out.full) yield out.take();
  }
  out.push('\n]}}\n');
  yield out.take();
}
