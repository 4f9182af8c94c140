import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { coreLayout } from './layout.ts';
import type { FixedNode } from './layout.ts';
import { leafPositions, leafRadius, splitLeaves } from './leaves.ts';
import type { Edge } from './leaves.ts';

/** What a large layout needs: ids and endpoints only, so it can be posted to a worker. */
export interface LayoutInput {
  nodes: string[];
  edges: (Edge & { id: string })[];
  /** pinned nodes: they keep these positions */
  fixed: FixedNode[];
}

export type LayoutQuality = 'draft' | 'default';

/** The size every node has in a large view (the large stylesheet's nodes are about this big). */
const NODE_SIZE = 30;

let registered = false;

/**
 * Positions for a large view, as [x0, y0, x1, y1, …] in the order of `input.nodes`. fCoSE lays out
 * the core only (on a headless Cytoscape of its own, so this runs in a worker as well as in the page),
 * each hub as big as the rings its leaves will take; then the leaves go on those rings. Pinned nodes
 * keep their positions.
 */
export function largeLayout(input: LayoutInput, quality: LayoutQuality, tune: Record<string, unknown> = {}): Float64Array {
  if (!registered) {
    cytoscape.use(fcose);
    registered = true;
  }
  const pinned = new Map(input.fixed.map((f) => [f.nodeId, f.position]));
  const { core, leaves } = splitLeaves(input.nodes, input.edges);
  const inCore = new Set(core);
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)' } }],
  });
  cy.add([
    ...core.map((id) => ({ group: 'nodes' as const, data: { id, size: NODE_SIZE + 2 * leafRadius(leaves.get(id)?.length ?? 0) } })),
    ...input.edges
      .filter((e) => inCore.has(e.source) && inCore.has(e.target))
      .map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target } })),
  ]);
  const fixed = input.fixed.filter((f) => inCore.has(f.nodeId));
  // Runs synchronously: without animation fCoSE is done when run() returns.
  cy.layout({ ...coreLayout(input.nodes.length + input.edges.length, quality, fixed), ...tune } as cytoscape.LayoutOptions).run();
  const at = new Map<string, { x: number; y: number }>();
  for (const n of cy.nodes()) at.set(n.id(), { ...n.position() });
  cy.destroy();
  for (const [hub, ids] of leaves) {
    const spots = leafPositions(at.get(hub) ?? { x: 0, y: 0 }, ids.length);
    ids.forEach((id, i) => at.set(id, pinned.get(id) ?? (spots[i] as { x: number; y: number })));
  }
  const out = new Float64Array(input.nodes.length * 2);
  input.nodes.forEach((id, i) => {
    const p = at.get(id) ?? { x: 0, y: 0 };
    out[2 * i] = p.x;
    out[2 * i + 1] = p.y;
  });
  return out;
}

/** A request to the layout worker: lay `input` out at each quality in turn, replying after each. */
export interface LayoutRequest {
  seq: number;
  input: LayoutInput;
  qualities: LayoutQuality[];
}

export interface LayoutReply {
  seq: number;
  quality: LayoutQuality;
  /** [x0, y0, x1, y1, …] in the order of the request's nodes */
  positions: Float64Array;
}

/** What the worker does with a request (kept here so it can be tested without a worker). */
export function answer(request: LayoutRequest, reply: (r: LayoutReply) => void): void {
  for (const quality of request.qualities) reply({ seq: request.seq, quality, positions: largeLayout(request.input, quality) });
}
