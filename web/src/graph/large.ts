import type { FixedNode } from './layout.ts';
import { leafPositions, leafRadius, splitLeaves } from './leaves.ts';
import type { Edge } from './leaves.ts';
import { spread } from './spread.ts';

/** What a large layout needs: ids and endpoints only, so it can be posted to a worker. */
export interface LayoutInput {
  nodes: string[];
  edges: (Edge & { id: string })[];
  /** pinned nodes: they keep these positions */
  fixed: FixedNode[];
}

/** Half the size every node has in a large view (the large stylesheet draws nodes about 30 wide). */
const NODE_RADIUS = 15;

/**
 * Positions for a large view, as [x0, y0, x1, y1, …] in the order of `input.nodes`. A force pass
 * (spread.ts) lays out the core only, each hub as big as the rings its leaves will take; then the
 * leaves go on those rings. Pinned nodes keep their positions. No DOM and no Cytoscape: it runs in a
 * worker as well as in the page.
 */
export function largeLayout(input: LayoutInput): Float64Array {
  const pinned = new Map(input.fixed.map((f) => [f.nodeId, f.position]));
  const { core, leaves } = splitLeaves(input.nodes, input.edges);
  const bodies = core.map((id) => {
    const position = pinned.get(id);
    return { id, radius: NODE_RADIUS + leafRadius(leaves.get(id)?.length ?? 0), ...(position ? { fixed: position } : {}) };
  });
  const placed = spread(bodies, input.edges);
  const at = new Map<string, { x: number; y: number }>();
  core.forEach((id, i) => at.set(id, { x: placed[2 * i] as number, y: placed[2 * i + 1] as number }));
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

/** A request to the layout worker. */
export interface LayoutRequest {
  /** 0 for the page's first, empty request, whose answer says the worker takes requests */
  seq: number;
  input: LayoutInput;
}

export interface LayoutReply {
  seq: number;
  /** [x0, y0, x1, y1, …] in the order of the request's nodes */
  positions: Float64Array;
}

/** What the worker does with a request (kept here so it can be tested without a worker). */
export function answer(request: LayoutRequest): LayoutReply {
  return { seq: request.seq, positions: largeLayout(request.input) };
}
