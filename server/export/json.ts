import { Chunker, type ExportGraph } from './model.ts';

/**
 * The API's own graph shape, `{nodes, edges}`, with every attribute and the evidence as arrays:
 * the lossless format, written one element at a time.
 */
export async function* writeJson(graph: ExportGraph): AsyncGenerator<string> {
  const out = new Chunker();
  out.push('{"nodes":[');
  let first = true;
  for (const node of graph.nodes) {
    out.push(`${first ? '\n' : ',\n'}${JSON.stringify(node)}`);
    first = false;
    if (out.full) yield out.take();
  }
  out.push('\n],"edges":[');
  first = true;
  for (const edge of graph.edges) {
    out.push(`${first ? '\n' : ',\n'}${JSON.stringify(edge)}`);
    first = false;
    if (out.full) yield out.take();
  }
  out.push('\n]}\n');
  yield out.take();
}
