import type { Core, EventObject } from 'cytoscape';
import type { Selection } from '../state/state.ts';
import type { ClickWindow } from './double-click.ts';

export interface ViewEvents {
  select(selection: Selection): void;
  expand(id: string): void;
  hover?(id: string | null, at: { x: number; y: number } | null): void;
}

/**
 * What the pointer does on the canvas: a tap selects (or clears the selection), a double click
 * expands, hovering marks a node. Every tap restarts the double-click window of `clicks`.
 */
export function bindPointer(cy: Core, events: ViewEvents, clicks: ClickWindow): void {
  const tapped = () => clicks.tapped();
  cy.on('tapstart tapend', tapped);
  // The double-click window counts from when the page has handled the tap: on a busy machine a
  // selection can take a while to draw, and the second click only comes after it.
  const select = (selection: Selection) => {
    events.select(selection);
    tapped();
  };
  cy.on('tap', 'node', (e: EventObject) => select({ kind: 'node', id: e.target.id() }));
  cy.on('tap', 'edge', (e: EventObject) => select({ kind: 'edge', id: e.target.id() }));
  cy.on('tap', (e: EventObject) => {
    if (e.target === cy) select(null);
  });
  // Cytoscape times double taps itself (touch needs it); the browser's own dblclick follows the
  // system's double-click speed and still arrives when a busy page handled the first click late.
  // Expanding twice is expanding once.
  cy.on('dbltap', 'node', (e: EventObject) => events.expand(e.target.id()));
  cy.container()?.addEventListener('dblclick', (e: MouseEvent) => {
    const node = nodeAt(cy, e.clientX, e.clientY);
    if (node) events.expand(node);
  });
  cy.on('mouseover', 'node', (e: EventObject) => {
    e.target.addClass('hover');
    events.hover?.(e.target.id(), e.renderedPosition ?? null);
  });
  cy.on('mouseout', 'node', (e: EventObject) => {
    e.target.removeClass('hover');
    events.hover?.(null, null);
  });
}

/** The id of the topmost visible node drawn under a point of the window, if any. */
function nodeAt(cy: Core, clientX: number, clientY: number): string | undefined {
  const box = cy.container()!.getBoundingClientRect();
  const pan = cy.pan();
  const zoom = cy.zoom();
  const x = (clientX - box.left - pan.x) / zoom;
  const y = (clientY - box.top - pan.y) / zoom;
  const under = cy.nodes(':visible').filter((n) => {
    const b = n.boundingBox({ includeLabels: false, includeOverlays: false });
    return x >= b.x1 && x <= b.x2 && y >= b.y1 && y <= b.y2;
  });
  // Later nodes are drawn over earlier ones (same z-index).
  return under.length ? under[under.length - 1]!.id() : undefined;
}
