import type { ElementDefinition } from 'cytoscape';
import type { ApiEdge, ApiNode } from '../api/types.ts';
import { relationLabel } from '../util/labels.ts';
import { dateOf, endDateOf, nodeName, prop } from './model.ts';

/** The data a drawn node carries: enough for styling and tooltips; details come from the model. */
export interface NodeData {
  id: string;
  type: string;
  label: string;
  name: string;
  kind: string | null;
  unnamed: boolean;
  date: string | null;
  endDate: string | null;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  label: string;
  date: string | null;
  evidenceCount: number;
}

export function nodeElement(node: ApiNode): ElementDefinition & { data: NodeData } {
  const kind = prop(node, 'kind');
  return {
    group: 'nodes',
    data: {
      id: node.id,
      type: node.type,
      label: nodeName(node),
      name: node.name ?? nodeName(node),
      kind: typeof kind === 'string' ? kind : null,
      unnamed: prop(node, 'unnamed') === true,
      date: dateOf(node),
      endDate: endDateOf(node),
    },
  };
}

export function edgeElement(edge: ApiEdge): ElementDefinition & { data: EdgeData } {
  return {
    group: 'edges',
    data: {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: edge.type,
      label: relationLabel(edge.type),
      date: dateOf(edge),
      evidenceCount: edge.evidence?.length ?? 0,
    },
  };
}

export function toElements(graph: { nodes: readonly ApiNode[]; edges: readonly ApiEdge[] }): ElementDefinition[] {
  return [...graph.nodes.map(nodeElement), ...graph.edges.map(edgeElement)];
}

/** What to add to and remove from a drawn graph to make it show `next`; what stays is left in place. */
export function diffElements(
  drawn: { nodes: Iterable<string>; edges: Iterable<string> },
  next: { nodes: readonly ApiNode[]; edges: readonly ApiEdge[] },
): { add: ElementDefinition[]; remove: string[] } {
  const drawnNodes = new Set(drawn.nodes);
  const drawnEdges = new Set(drawn.edges);
  const nextNodes = new Set(next.nodes.map((n) => n.id));
  const nextEdges = new Set(next.edges.map((e) => e.id));
  const add: ElementDefinition[] = [
    ...next.nodes.filter((n) => !drawnNodes.has(n.id)).map(nodeElement),
    ...next.edges.filter((e) => !drawnEdges.has(e.id)).map(edgeElement),
  ];
  const remove = [...[...drawnEdges].filter((id) => !nextEdges.has(id)), ...[...drawnNodes].filter((id) => !nextNodes.has(id))];
  return { add, remove };
}

/** Starting positions for new nodes around the node they hang off, away from what is already there. */
export function ringPositions(
  center: { x: number; y: number },
  count: number,
  radius = 120,
): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  let placed = 0;
  let ring = 0;
  while (placed < count) {
    const r = radius + ring * 70;
    const capacity = Math.max(6, Math.floor((2 * Math.PI * r) / 60));
    const n = Math.min(capacity, count - placed);
    for (let i = 0; i < n; i++) {
      const angle = (2 * Math.PI * i) / n + ring * 0.4;
      out.push({ x: center.x + r * Math.cos(angle), y: center.y + r * Math.sin(angle) });
    }
    placed += n;
    ring++;
  }
  return out;
}
