import { describe, expect, it } from 'vitest';
import { answer, largeLayout } from '../../web/src/graph/large.ts';
import { fullLayout, LARGE_GRAPH, layoutPlan, WORKER_GRAPH } from '../../web/src/graph/layout.ts';
import { FIRST_RING, LEAF_SPACING, leafPositions, leafRadius, splitLeaves } from '../../web/src/graph/leaves.ts';
import { GraphView } from '../../web/src/graph/view.ts';
import { visibleGraph } from '../../web/src/graph/model.ts';
import { emptyFilters } from '../../web/src/state/state.ts';
import type { ApiEdge, ApiNode } from '../../web/src/api/types.ts';

/** A star of `leaves` around `hub`, plus a chain hub — a — b — hub2 with its own star. */
function stars(leaves: number): { nodes: string[]; edges: { id: string; source: string; target: string }[] } {
  const nodes = ['hub', 'a', 'b', 'hub2'];
  const edges = [
    { id: 'e-hub-a', source: 'hub', target: 'a' },
    { id: 'e-a-b', source: 'a', target: 'b' },
    { id: 'e-b-hub2', source: 'b', target: 'hub2' },
  ];
  for (let i = 0; i < leaves; i++) {
    nodes.push(`l${i}`, `m${i}`);
    edges.push({ id: `e-l${i}`, source: 'hub', target: `l${i}` }, { id: `e-m${i}`, source: `m${i}`, target: 'hub2' });
  }
  return { nodes, edges };
}

function distance(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

describe('leaves on rings', () => {
  it('splits leaves from the core by their one neighbour; lone pairs, loops and isolated nodes stay in the core', () => {
    const split = splitLeaves(
      ['hub', 'x', 'y', 'p', 'q', 'alone', 'loop'],
      [
        { source: 'hub', target: 'x' },
        { source: 'y', target: 'hub' },
        { source: 'hub', target: 'x' },
        { source: 'hub', target: 'loop' },
        { source: 'loop', target: 'loop' },
        { source: 'hub', target: 'p' },
        { source: 'p', target: 'q' },
      ],
    );
    expect(split.leaves.get('hub')).toEqual(['x', 'y', 'loop']);
    expect(split.leaves.get('p')).toEqual(['q']);
    expect(split.core).toEqual(['hub', 'p', 'alone']);
    expect(splitLeaves(['a', 'b'], [{ source: 'a', target: 'b' }]).core).toEqual(['a', 'b']);
  });

  it('puts leaves on rings with room between them, and knows how far the rings reach', () => {
    expect(leafRadius(0)).toBe(0);
    expect(leafRadius(1)).toBe(FIRST_RING);
    for (const count of [1, 5, 9, 10, 40, 300]) {
      const spots = leafPositions({ x: 100, y: -50 }, count);
      expect(spots).toHaveLength(count);
      const reach = Math.max(...spots.map((p) => distance(p, { x: 100, y: -50 })));
      expect(reach).toBeCloseTo(leafRadius(count), 6);
      for (let i = 0; i < spots.length; i++)
        for (let j = i + 1; j < spots.length; j++) expect(distance(spots[i]!, spots[j]!)).toBeGreaterThan(LEAF_SPACING * 0.8);
    }
  });
});

describe('the large-view layout', () => {
  it('lays out the core by force and the leaves around their hub, nothing on top of anything else', () => {
    const input = { ...stars(30), fixed: [] };
    const positions = largeLayout(input);
    expect(positions).toHaveLength(input.nodes.length * 2);
    const at = new Map(input.nodes.map((id, i) => [id, { x: positions[2 * i]!, y: positions[2 * i + 1]! }]));
    for (let i = 0; i < 30; i++) expect(distance(at.get(`l${i}`)!, at.get('hub')!)).toBeLessThanOrEqual(leafRadius(30) + 1e-6);
    const all = [...at.values()];
    let overlapping = 0;
    for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) if (distance(all[i]!, all[j]!) < 30) overlapping++;
    expect(overlapping).toBe(0);
  });

  it('keeps pinned nodes where they are, in the core and among the leaves', () => {
    const input = { ...stars(12), fixed: [{ nodeId: 'hub2', position: { x: 500, y: 500 } }, { nodeId: 'l3', position: { x: -900, y: 40 } }] };
    const positions = largeLayout(input);
    const at = (id: string) => {
      const i = input.nodes.indexOf(id);
      return { x: positions[2 * i]!, y: positions[2 * i + 1]! };
    };
    expect(distance(at('hub2'), { x: 500, y: 500 })).toBeLessThan(1);
    expect(at('l3')).toEqual({ x: -900, y: 40 });
  });

  it('answers a worker request with finite positions for every node, under the request\'s number', () => {
    const input = { ...stars(5), fixed: [] };
    const reply = answer({ seq: 7, input });
    expect(reply.seq).toBe(7);
    expect(reply.positions).toHaveLength(input.nodes.length * 2);
    expect(reply.positions.every(Number.isFinite)).toBe(true);
    // The page's first request, which only checks that the worker takes requests.
    expect(answer({ seq: 0, input: { nodes: [], edges: [], fixed: [] } })).toEqual({ seq: 0, positions: new Float64Array(0) });
  });

  it('picks the layout by size: fCoSE (animated when asked) up to LARGE_GRAPH, rings and the force pass above, in a worker from WORKER_GRAPH', () => {
    const small = fullLayout(100, { animate: true }) as unknown as Record<string, unknown>;
    expect(small).toMatchObject({ name: 'fcose', animate: true, quality: 'default' });
    expect([120, LARGE_GRAPH, LARGE_GRAPH + 1, WORKER_GRAPH - 1, WORKER_GRAPH, 5000].map(layoutPlan)).toEqual(['force', 'force', 'rings', 'rings', 'rings-in-worker', 'rings-in-worker']);
  });

  it('is what a headless view uses above the large-view threshold', async () => {
    const { nodes, edges } = stars(LARGE_GRAPH / 2);
    const apiNodes = nodes.map((id) => ({ id, type: 'Person', label: id, name: id, unnamed: false, aliases: [] }) as unknown as ApiNode);
    const apiEdges = edges.map((e) => ({ ...e, type: 'MET', evidence: [] }) as unknown as ApiEdge);
    const view = new GraphView(undefined, { select: () => {}, expand: () => {} }, { headless: true });
    await view.render(visibleGraph(apiNodes, apiEdges, emptyFilters()));
    expect(view.size).toBeGreaterThan(LARGE_GRAPH);
    const at = new Map(view.elements().map((e) => [e.id, e.position]));
    const hub = at.get('hub')!;
    const reach = Math.max(...nodes.filter((id) => id.startsWith('l')).map((id) => distance(at.get(id)!, hub)));
    expect(reach).toBeCloseTo(leafRadius(LARGE_GRAPH / 2), 6);
    view.destroy();
  });
});
