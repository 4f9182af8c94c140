import type { CollectionReturnValue, Core, NodeSingular } from 'cytoscape';
import { ringPositions } from './elements.ts';
import type { FixedNode } from './layout.ts';

export type Point = { x: number; y: number };

/**
 * Puts nodes an expansion brought in on a ring around the drawn node they hang off (the anchor when
 * they touch it), those touching no drawn node around the middle of the view, and marks them new.
 * Returns what a layout of just them should cover (them and the drawn nodes they touch, with the
 * edges between) and the drawn nodes it holds in place; null when there is nothing to settle.
 */
export function placeNew(cy: Core, fresh: readonly string[], anchor: string | null): { elements: CollectionReturnValue; fixed: FixedNode[] } | null {
  const freshSet = new Set(fresh);
  const isPlaced = (n: NodeSingular) => !freshSet.has(n.id());
  // Group the new nodes by the drawn node they hang off.
  const groups = new Map<string, string[]>();
  const orphans: string[] = [];
  for (const id of fresh) {
    const node = cy.getElementById(id);
    const neighbours = node.neighborhood().nodes().filter(isPlaced).map((n) => n.id());
    const parent = anchor && neighbours.includes(anchor) ? anchor : (neighbours[0] ?? null);
    if (parent) groups.set(parent, [...(groups.get(parent) ?? []), id]);
    else orphans.push(id);
  }
  cy.batch(() => {
    for (const [parent, ids] of groups) {
      const centre = cy.getElementById(parent).position();
      const spots = ringPositions(centre, ids.length);
      ids.forEach((id, i) => cy.getElementById(id).position(spots[i] as Point));
    }
    if (orphans.length) {
      const ext = cy.extent();
      const spots = ringPositions({ x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 }, orphans.length, 60);
      orphans.forEach((id, i) => cy.getElementById(id).position(spots[i] as Point));
    }
    for (const id of fresh) cy.getElementById(id).addClass('new');
  });
  // Lay out the new nodes with the drawn nodes they touch held in place.
  let subset: CollectionReturnValue = cy.collection();
  for (const id of fresh) subset = subset.union(cy.getElementById(id));
  const anchors = subset.neighborhood().nodes().filter(isPlaced);
  const nodes = subset.union(anchors);
  const edges = nodes.connectedEdges().filter((e) => nodes.contains(e.source()) && nodes.contains(e.target()));
  const fixed: FixedNode[] = anchors.nodes().map((n) => ({ nodeId: n.id(), position: { ...n.position() } }));
  return fixed.length > 0 && subset.length > 1 ? { elements: nodes.union(edges), fixed } : null;
}
