import type { Core } from 'cytoscape';

/** The closest a fit zooms in. */
export const MAX_FIT_ZOOM = 1.15;
/** Margin around a fitted graph, in pixels. */
export const FIT_PADDING = 60;

/** Animates the view to fit the given elements (or all), never closer than MAX_FIT_ZOOM. */
export function fitTo(cy: Core, ids?: readonly string[]): void {
  let eles = cy.collection();
  if (ids && ids.length) for (const id of ids) eles = eles.union(cy.getElementById(id));
  else eles = cy.elements();
  if (eles.empty()) return;
  const padding = FIT_PADDING;
  const bb = eles.boundingBox();
  const zoom = Math.max(cy.minZoom(), Math.min(MAX_FIT_ZOOM, (cy.width() - 2 * padding) / Math.max(bb.w, 1), (cy.height() - 2 * padding) / Math.max(bb.h, 1)));
  cy.animate({ zoom, center: { eles } }, { duration: 300 });
}

/** Animates a zoom by `factor` about the canvas's centre, within the zoom limits. */
export function zoomAbout(cy: Core, factor: number): void {
  const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor));
  cy.animate({ zoom: { level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }, duration: 150 });
}
