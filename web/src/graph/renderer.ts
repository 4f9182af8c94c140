import cytoscape from 'cytoscape';
import type { Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { DOUBLE_CLICK_MS } from './double-click.ts';
import { stylesheet } from './style.ts';

/** In a large view, the zoom from which on-screen elements get their labels, and at most how many. */
const LABEL_ZOOM = 0.6;
const MAX_LABELLED = 400;

let registered = false;
function register(): void {
  if (registered) return;
  cytoscape.use(fcose);
  registered = true;
}

/** Renderer settings that keep pan and zoom fluid with thousands of elements on screen. */
export function rendererOptions(): cytoscape.CytoscapeOptions {
  return {
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: 'single',
    // Every element is drawn while panning or zooming; a large view switches to a cached bitmap of
    // the graph instead (useLargeDrawing).
    textureOnViewport: false,
    hideEdgesOnViewport: false,
    hideLabelsOnViewport: false,
    motionBlur: false,
    pixelRatio: 'auto',
  };
}

/** Cytoscape with the explorer's style and renderer settings, drawn in `container` or headless. */
export function createCy(container: HTMLElement | undefined, headless: boolean): Core {
  register();
  const cy = cytoscape({ container, headless, style: stylesheet(), ...rendererOptions() });
  // In Cytoscape since 3.18, not yet in its type declarations.
  (cy as Core & { multiClickDebounceTime(ms: number): void }).multiClickDebounceTime(DOUBLE_CLICK_MS);
  return cy;
}

/** The cheaper drawing of a large view (or back): its style, and a cached bitmap without labels while the viewport moves. */
export function useLargeDrawing(cy: Core, large: boolean): void {
  cy.style(stylesheet({ large }));
  if (!large) cy.elements('.labelled').removeClass('labelled');
  const renderer = (cy as unknown as { renderer(): Record<string, unknown> | undefined }).renderer();
  if (renderer && 'textureOnViewport' in renderer) {
    renderer.textureOnViewport = large;
    renderer.hideEdgesOnViewport = false;
    renderer.hideLabelsOnViewport = large;
  }
}

/** In a large view, labels for what is on screen, once the viewport has been still for a moment. */
export function relabelWhenStill(cy: Core, large: () => boolean): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  cy.on('viewport', () => {
    if (!large()) return;
    clearTimeout(timer);
    timer = setTimeout(() => labelOnScreen(cy), 150);
  });
}

/** Labels for what is on screen once zoomed in far enough to read them. */
function labelOnScreen(cy: Core): void {
  cy.batch(() => {
    cy.elements('.labelled').removeClass('labelled');
    if (cy.zoom() < LABEL_ZOOM) return;
    const ext = cy.extent();
    const inView = cy.nodes().filter((n) => {
      const p = n.position();
      return p.x >= ext.x1 && p.x <= ext.x2 && p.y >= ext.y1 && p.y <= ext.y2;
    });
    if (inView.length > MAX_LABELLED) return;
    inView.addClass('labelled');
    inView.edgesWith(inView).addClass('labelled');
  });
}
