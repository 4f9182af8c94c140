import type { Core } from 'cytoscape';
import type { Selection } from '../state/state.ts';

export interface Decorations {
  focus: string | null;
  expanded: readonly string[];
  pinned: readonly string[];
  selection: Selection;
}

/** Focus, expanded and pinned marks (pinned nodes are locked in place), and the selected element. */
export function markState(cy: Core, d: Decorations): void {
  cy.batch(() => {
    cy.nodes().removeClass('focus expanded pinned');
    if (d.focus) cy.getElementById(d.focus).addClass('focus');
    for (const id of d.expanded) cy.getElementById(id).addClass('expanded');
    for (const n of cy.nodes()) n.unlock();
    for (const id of d.pinned) cy.getElementById(id).addClass('pinned').lock();
    cy.elements(':selected').unselect();
    if (d.selection) cy.getElementById(d.selection.id).select();
  });
}

/** Brings out a path (or several) and fades the rest; empty ids clear the highlight. */
export function markPaths(cy: Core, nodeIds: readonly string[], edgeIds: readonly string[], endpoints: readonly string[]): void {
  cy.batch(() => {
    cy.elements().removeClass('path faded endpoint');
    if (nodeIds.length === 0 && edgeIds.length === 0) return;
    cy.elements().addClass('faded');
    for (const id of [...nodeIds, ...edgeIds]) cy.getElementById(id).removeClass('faded').addClass('path');
    for (const id of endpoints) cy.getElementById(id).removeClass('faded').addClass('endpoint');
  });
}
