/**
 * Large views are mostly stars: hubs with many neighbours that touch nothing else. Laying those
 * leaves out by force is where fCoSE spends most of its time (they are pruned, grown back and then
 * settled among everything else), and the result is a heap around each hub. Instead the layout runs
 * over the core only, each hub drawn as big as the rings its leaves will need, and the leaves are
 * then put on those rings: evenly spaced, never on top of each other, in linear time.
 */

export interface Edge {
  source: string;
  target: string;
}

type Point = { x: number; y: number };

/** Centre-to-centre distance between neighbouring leaves on a ring, and between rings. */
export const LEAF_SPACING = 36;
/** Radius of the first ring (from the hub's centre). */
export const FIRST_RING = 52;

export interface LeafSplit {
  /** the nodes laid out by force */
  core: string[];
  /** hub id → its leaves, in input order */
  leaves: Map<string, string[]>;
}

/**
 * Leaves are nodes with exactly one neighbour (self-loops and parallel edges aside) whose neighbour
 * has others: a lone pair stays in the core, and so does any node not in `edges` at all.
 */
export function splitLeaves(nodes: readonly string[], edges: readonly Edge[]): LeafSplit {
  const neighbours = new Map<string, Set<string>>();
  for (const id of nodes) neighbours.set(id, new Set());
  for (const e of edges) {
    if (e.source === e.target) continue;
    neighbours.get(e.source)?.add(e.target);
    neighbours.get(e.target)?.add(e.source);
  }
  const leaves = new Map<string, string[]>();
  const core: string[] = [];
  for (const id of nodes) {
    const mine = neighbours.get(id) as Set<string>;
    const [only] = mine;
    if (mine.size === 1 && only !== undefined && (neighbours.get(only)?.size ?? 0) > 1) {
      const list = leaves.get(only);
      if (list) list.push(id);
      else leaves.set(only, [id]);
    } else core.push(id);
  }
  return { core, leaves };
}

/** How many leaves ring `ring` (0 = innermost) holds, and its radius. */
function ring(index: number): { radius: number; capacity: number } {
  const radius = FIRST_RING + index * LEAF_SPACING;
  return { radius, capacity: Math.max(6, Math.floor((2 * Math.PI * radius) / LEAF_SPACING)) };
}

/** The radius of the outermost ring `count` leaves need (0 for none). */
export function leafRadius(count: number): number {
  let left = count;
  let index = 0;
  let radius = 0;
  while (left > 0) {
    const r = ring(index++);
    radius = r.radius;
    left -= r.capacity;
  }
  return radius;
}

/**
 * Positions for `count` leaves on rings around `centre`; the outer ring, usually partly filled,
 * spreads its leaves evenly. Rings are turned a little against each other so spokes do not line up.
 */
export function leafPositions(centre: Point, count: number): Point[] {
  const out: Point[] = [];
  let index = 0;
  while (out.length < count) {
    const { radius, capacity } = ring(index);
    const k = Math.min(capacity, count - out.length);
    const turn = index * 0.5;
    for (let i = 0; i < k; i++) {
      const a = turn + (2 * Math.PI * i) / k;
      out.push({ x: centre.x + radius * Math.cos(a), y: centre.y + radius * Math.sin(a) });
    }
    index++;
  }
  return out;
}
