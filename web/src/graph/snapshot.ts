import type { Core } from 'cytoscape';

/** One drawn element as plain data: where it is, its classes, and whether it is selected or held in place. */
export interface DrawnElement {
  id: string;
  group: 'nodes' | 'edges';
  position: { x: number; y: number } | null;
  source: string | null;
  target: string | null;
  classes: string[];
  selected: boolean;
  locked: boolean;
}

/** Every drawn element, nodes first, each group in the order it was drawn. */
export function drawnElements(cy: Core): DrawnElement[] {
  return [...cy.nodes(), ...cy.edges()].map((e) => ({
    id: e.id(),
    group: e.isNode() ? 'nodes' : 'edges',
    position: e.isNode() ? { ...e.position() } : null,
    source: e.isEdge() ? e.source().id() : null,
    target: e.isEdge() ? e.target().id() : null,
    classes: e.classes(),
    selected: e.selected(),
    locked: e.isNode() && e.locked(),
  }));
}
