/**
 * The force pass of large views, on d3-force: Barnes–Hut repulsion, springs along edges, a weak pull
 * to the centre (so small components stay near) and a collision force with each body's own radius (a
 * hub is as wide as its leaf rings), so rings end apart. A fixed number of ticks, from a seed where
 * neighbours already sit close: its time is known in advance, whatever the graph.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';
import type { SimulationLinkDatum, SimulationNodeDatum } from 'd3-force';

type Point = { x: number; y: number };

export interface Body {
  id: string;
  /** how far the body reaches from its centre: half a node, or a hub's outer ring plus half a leaf */
  radius: number;
  /** a pinned body stays here */
  fixed?: Point;
}

export interface Link {
  source: string;
  target: string;
}

/**
 * Ticks of the simulation. Measured on the synthetic graph's 1,273-body core (5,000 elements): 150
 * ticks leave a quarter fewer overlapping nodes than 100 (about 270 against 360, fCoSE about 1,150)
 * for half as much time again.
 */
export const TICKS = 100;
/** The gap springs aim for between two linked bodies' rims. */
export const LINK_GAP = 40;
/** The least room collision leaves between two bodies' rims. */
export const COLLIDE_GAP = 6;

type Sim = SimulationNodeDatum & { id: string; radius: number };

/** Positions for `bodies`, as [x0, y0, x1, y1, …] in their order; the same input gives the same output. */
export function spread(bodies: readonly Body[], links: readonly Link[], ticks = TICKS): Float64Array {
  const nodes: Sim[] = bodies.map((b) => ({ id: b.id, radius: b.radius }));
  const ids = new Set(bodies.map((b) => b.id));
  const springs = links.filter((l) => l.source !== l.target && ids.has(l.source) && ids.has(l.target)).map((l) => ({ source: l.source, target: l.target }));
  // Pinned bodies keep the place they had in the drawing: the rest gathers around them.
  const pins = bodies.flatMap((b) => (b.fixed ? [b.fixed] : []));
  const centre = pins.length ? { x: pins.reduce((a, p) => a + p.x, 0) / pins.length, y: pins.reduce((a, p) => a + p.y, 0) / pins.length } : { x: 0, y: 0 };
  seed(nodes, springs, centre);
  bodies.forEach((b, i) => {
    if (b.fixed) Object.assign(nodes[i] as Sim, { x: b.fixed.x, y: b.fixed.y, fx: b.fixed.x, fy: b.fixed.y });
  });
  const reach = (n: Sim | string | number) => (n as Sim).radius;
  forceSimulation<Sim>(nodes)
    .stop()
    // Cool from 1 to d3's resting alpha (0.001) in exactly `ticks` steps.
    .alphaDecay(1 - Math.pow(0.001, 1 / ticks))
    .force('link', forceLink<Sim, SimulationLinkDatum<Sim>>(springs).id((n) => n.id).distance((l) => reach(l.source) + reach(l.target) + LINK_GAP))
    // Coarse Barnes–Hut (theta 1.5, d3's default 0.9): far repulsion needs little precision, and
    // repulsion is most of a tick's time.
    .force('charge', forceManyBody<Sim>().strength((n) => -30 - 2 * n.radius).theta(1.5))
    .force('collide', forceCollide<Sim>((n) => n.radius + COLLIDE_GAP / 2))
    .force('x', forceX<Sim>(centre.x).strength(0.06))
    .force('y', forceY<Sim>(centre.y).strength(0.06))
    .tick(ticks);
  const out = new Float64Array(nodes.length * 2);
  nodes.forEach((n, i) => {
    out[2 * i] = n.x ?? 0;
    out[2 * i + 1] = n.y ?? 0;
  });
  return out;
}

/**
 * Puts the bodies on a sunflower spiral around `centre`, as wide as their area needs, in breadth-first
 * order from each component's best-connected body, biggest components first: neighbours start close,
 * so the force pass untangles rather than gathers.
 */
function seed(nodes: Sim[], links: readonly Link[], centre: Point): void {
  const next = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const l of links) {
    next.get(l.source)?.push(l.target);
    next.get(l.target)?.push(l.source);
  }
  const degree = (id: string) => next.get(id)?.length ?? 0;
  const seen = new Set<string>();
  const components: string[][] = [];
  for (const start of [...next.keys()].sort((a, b) => degree(b) - degree(a))) {
    if (seen.has(start)) continue;
    seen.add(start);
    const order = [start];
    for (let i = 0; i < order.length; i++)
      for (const m of next.get(order[i] as string) ?? [])
        if (!seen.has(m)) {
          seen.add(m);
          order.push(m);
        }
    components.push(order);
  }
  components.sort((a, b) => b.length - a.length);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  // Each spiral point stands for an area of π·spacing², the mean a body needs.
  const spacing = Math.sqrt(nodes.reduce((sum, n) => sum + (n.radius + LINK_GAP / 2) ** 2, 0) / Math.max(1, nodes.length));
  const golden = Math.PI * (3 - Math.sqrt(5));
  components.flat().forEach((id, i) => {
    const n = byId.get(id) as Sim;
    const r = spacing * Math.sqrt(i + 0.5);
    n.x = centre.x + r * Math.cos(i * golden);
    n.y = centre.y + r * Math.sin(i * golden);
  });
}
