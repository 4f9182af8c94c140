import type { ApiEdge, ApiNode } from '../api/types.ts';

/** The subgraph on screen as the API's own element shape, with where it came from. */
export function subgraphJson(graph: { nodes: readonly ApiNode[]; edges: readonly ApiEdge[] }, meta: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...meta, nodes: graph.nodes, edges: graph.edges }, null, 2);
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

type KeyType = 'string' | 'int' | 'double' | 'boolean';

function keyType(value: unknown): KeyType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'double';
  return 'string';
}

/**
 * GraphML of the subgraph: scalar attributes as typed keys, aliases and evidence as JSON text, so
 * Gephi, yEd or NetworkX open it with every quote still attached.
 */
export function subgraphGraphML(graph: { nodes: readonly ApiNode[]; edges: readonly ApiEdge[] }): string {
  const keys = new Map<string, { for: 'node' | 'edge'; name: string; type: KeyType }>();
  const keyId = (scope: 'node' | 'edge', name: string, value: unknown) => {
    const id = `${scope[0]}_${name}`;
    if (!keys.has(id)) keys.set(id, { for: scope, name, type: typeof value === 'object' ? 'string' : keyType(value) });
    return id;
  };
  const dataLines = (scope: 'node' | 'edge', item: Record<string, unknown>, skip: string[]) =>
    Object.entries(item)
      .filter(([k, v]) => !skip.includes(k) && v !== null && v !== undefined)
      .map(([k, v]) => `      <data key="${keyId(scope, k, v)}">${xml(typeof v === 'object' ? JSON.stringify(v) : String(v))}</data>`);
  const nodes = graph.nodes.map(
    (n) => `    <node id="${xml(n.id)}">\n${dataLines('node', n as Record<string, unknown>, ['id']).join('\n')}\n    </node>`,
  );
  const edges = graph.edges.map(
    (e) =>
      `    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}">\n${dataLines('edge', e as Record<string, unknown>, ['id', 'source', 'target']).join('\n')}\n    </edge>`,
  );
  const keyLines = [...keys.entries()].map(([id, k]) => `  <key id="${xml(id)}" for="${k.for}" attr.name="${xml(k.name)}" attr.type="${k.type}"/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keyLines,
    '  <graph id="G" edgedefault="directed">',
    ...nodes,
    ...edges,
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

/** Saves a blob under a file name through a temporary link. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
