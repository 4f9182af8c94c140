import cytoscape from 'cytoscape';
import type { Core, CollectionReturnValue, ElementDefinition, EventObject, NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Selection } from '../state/state.ts';
import { diffElements, ringPositions } from './elements.ts';
import { largeLayout } from './large.ts';
import type { LayoutInput, LayoutReply, LayoutRequest } from './large.ts';
import { fullLayout, incrementalLayout, LARGE_GRAPH, layoutPlan } from './layout.ts';
import type { FixedNode } from './layout.ts';
import type { VisibleGraph } from './model.ts';
import { stylesheet } from './style.ts';

let registered = false;
function register(): void {
  if (registered) return;
  cytoscape.use(fcose);
  registered = true;
}

export interface ViewEvents {
  select(selection: Selection): void;
  expand(id: string): void;
  hover?(id: string | null, at: { x: number; y: number } | null): void;
}

export interface RenderOptions {
  /** The node an expansion started from: new nodes are placed around it. */
  anchor?: string | null;
  /** Lay the whole view out anew. */
  relayout?: boolean;
  /** Animate the layout (small graphs only). */
  animate?: boolean;
}

export interface Decorations {
  focus: string | null;
  expanded: readonly string[];
  pinned: readonly string[];
  selection: Selection;
}

type Point = { x: number; y: number };

/** In a large view, the zoom from which on-screen elements get their labels, and at most how many. */
const LABEL_ZOOM = 0.6;
const MAX_LABELLED = 400;

/**
 * Two taps closer together than this make a double click (the desktop default is about 500 ms;
 * Cytoscape's own 250 ms misses many real ones). Nothing on the canvas moves in between, so the
 * second click lands on the node the first one hit.
 */
export const DOUBLE_CLICK_MS = 400;

/** The closest a fit zooms in. */
const MAX_FIT_ZOOM = 1.15;
/** Margin around a fitted graph, in pixels. */
const FIT_PADDING = 60;

/** The layout worker of the app (and of the benchmark's page). */
function layoutWorker(): Worker {
  return new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'graph-layout' });
}

/** Renderer settings that keep pan and zoom fluid with thousands of elements on screen. */
export function rendererOptions(): cytoscape.CytoscapeOptions {
  return {
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: 'single',
    // While panning or zooming, draw a cached bitmap of the graph instead of every element.
    textureOnViewport: false,
    hideEdgesOnViewport: false,
    hideLabelsOnViewport: false,
    motionBlur: false,
    pixelRatio: 'auto',
  };
}

/** The drawn graph: Cytoscape, its layouts, and the classes that show focus, pins and paths. */
export class GraphView {
  readonly cy: Core;
  /** Where nodes were when filters or hiding took them away, so they come back to the same place. */
  private readonly remembered = new Map<string, Point>();
  private large = false;
  private running: cytoscape.Layouts | null = null;
  /** Without a canvas there is nothing to animate. */
  private readonly canAnimate: boolean;
  /** Large layouts run here when the page can start workers; null once starting one failed. */
  private worker: Worker | null | undefined;
  /** Settles once the worker has answered its first, empty request (or failed to load). */
  private workerLoaded: Promise<void> = Promise.resolve();
  private readonly useWorker: boolean;
  /** Counts large layouts, so a late answer to a superseded one is dropped. */
  private largeSeq = 0;
  /** Settles the large layout in progress (when a newer one replaces it). */
  private settleLarge: (() => void) | null = null;
  /** The large layout in progress in the worker, if any. */
  private largeDone: Promise<void> | null = null;
  /** When the last tap landed, and the move waiting for the double-click window to pass. */
  private lastTap = -Infinity;
  private deferred: ReturnType<typeof setTimeout> | undefined;

  constructor(container: HTMLElement | undefined, private readonly events: ViewEvents, options: { headless?: boolean; worker?: boolean } = {}) {
    register();
    this.canAnimate = !(options.headless ?? container === undefined);
    this.useWorker = (options.worker ?? true) && this.canAnimate && typeof Worker !== 'undefined';
    this.cy = cytoscape({
      container,
      headless: options.headless ?? container === undefined,
      style: stylesheet(),
      ...rendererOptions(),
    });
    // In Cytoscape since 3.18, not yet in its type declarations.
    (this.cy as Core & { multiClickDebounceTime(ms: number): void }).multiClickDebounceTime(DOUBLE_CLICK_MS);
    this.bind();
    // Started with the view, while the page is idle (see startWorker).
    this.startWorker();
    // The panel and the side bar change the canvas's size: keep Cytoscape's idea of it current.
    // The centre of the view stays the centre, so opening the panel does not push the graph aside,
    // except right after a tap: the panel a click opened must not move the node under the pointer.
    if (container && typeof ResizeObserver !== 'undefined') {
      this.box = { w: container.clientWidth, h: container.clientHeight };
      new ResizeObserver(() => {
        const before = this.box;
        this.syncSize();
        if (this.clickPending) return;
        if (before.w > 0 && before.h > 0 && this.cy.nodes().nonempty())
          this.cy.panBy({ x: (this.box.w - before.w) / 2, y: (this.box.h - before.h) / 2 });
      }).observe(container);
    }
  }

  private box = { w: 0, h: 0 };

  /** Takes the container's current size (call before a layout that fits, after the panel opened or closed). */
  syncSize(): void {
    const container = this.cy.container();
    if (!container) return;
    this.cy.resize();
    this.box = { w: container.clientWidth, h: container.clientHeight };
  }

  /** Milliseconds left in which a second click could still make a double click of the last tap. */
  private clickWindowLeft(): number {
    return this.lastTap + DOUBLE_CLICK_MS - performance.now();
  }

  /** True while a second click could still make a double click of the last tap. */
  get clickPending(): boolean {
    return this.clickWindowLeft() > 0;
  }

  /** Resolves once no double click can be under way. */
  clicksSettled(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        const wait = this.clickWindowLeft();
        if (wait <= 0) resolve();
        else setTimeout(check, wait);
      };
      check();
    });
  }

  /** Whether a node is drawn within `width` pixels of the canvas's right edge (where the side panel opens). */
  nearRightEdge(id: string, width: number): boolean {
    const node = this.cy.getElementById(id);
    if (!node.nonempty() || !node.isNode()) return false;
    return node.renderedPosition().x + node.renderedOuterWidth() / 2 > this.box.w - width;
  }

  /** Runs `move` once no double click can be under way; a newer move replaces a waiting one. */
  private afterClicks(move: () => void): void {
    clearTimeout(this.deferred);
    this.deferred = undefined;
    const wait = this.clickWindowLeft();
    if (wait <= 0) move();
    else this.deferred = setTimeout(() => this.afterClicks(move), wait);
  }

  /** True while the viewport is animating or a move waits for the double-click window. */
  get moving(): boolean {
    return this.deferred !== undefined || this.cy.animated();
  }

  private bind(): void {
    const cy = this.cy;
    const tapped = () => {
      this.lastTap = performance.now();
    };
    cy.on('tapstart tapend', tapped);
    // The double-click window counts from when the page has handled the tap: on a busy machine a
    // selection can take a while to draw, and the second click only comes after it.
    const select = (selection: Selection) => {
      this.events.select(selection);
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
    cy.on('dbltap', 'node', (e: EventObject) => this.events.expand(e.target.id()));
    cy.container()?.addEventListener('dblclick', (e: MouseEvent) => {
      const node = this.nodeAt(e.clientX, e.clientY);
      if (node) this.events.expand(node);
    });
    cy.on('mouseover', 'node', (e: EventObject) => {
      e.target.addClass('hover');
      this.events.hover?.(e.target.id(), e.renderedPosition ?? null);
    });
    cy.on('mouseout', 'node', (e: EventObject) => {
      e.target.removeClass('hover');
      this.events.hover?.(null, null);
    });
    let labelTimer: ReturnType<typeof setTimeout> | undefined;
    cy.on('viewport', () => {
      if (!this.large) return;
      clearTimeout(labelTimer);
      labelTimer = setTimeout(() => this.labelViewport(), 150);
    });
    cy.on('dragfree', 'node', (e: EventObject) => this.remembered.set(e.target.id(), { ...e.target.position() }));
  }

  /** The id of the topmost visible node drawn under a point of the window, if any. */
  private nodeAt(clientX: number, clientY: number): string | undefined {
    const box = this.cy.container()!.getBoundingClientRect();
    const pan = this.cy.pan();
    const zoom = this.cy.zoom();
    const x = (clientX - box.left - pan.x) / zoom;
    const y = (clientY - box.top - pan.y) / zoom;
    const under = this.cy.nodes(':visible').filter((n) => {
      const b = n.boundingBox({ includeLabels: false, includeOverlays: false });
      return x >= b.x1 && x <= b.x2 && y >= b.y1 && y <= b.y2;
    });
    // Later nodes are drawn over earlier ones (same z-index).
    return under.length ? under[under.length - 1]!.id() : undefined;
  }

  /** In a large view, labels for what is on screen once zoomed in far enough to read them. */
  private labelViewport(): void {
    const cy = this.cy;
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

  get size(): number {
    return this.cy.elements().length;
  }

  /** Switches to the cheaper drawing when the view grows past LARGE_GRAPH elements, and back. */
  private tune(count: number): void {
    const large = count > LARGE_GRAPH;
    if (large === this.large) return;
    this.large = large;
    this.cy.style(stylesheet({ large }));
    if (!large) this.cy.elements('.labelled').removeClass('labelled');
    const renderer = (this.cy as unknown as { renderer(): Record<string, unknown> | undefined }).renderer();
    if (renderer && 'textureOnViewport' in renderer) {
      renderer.textureOnViewport = large;
      renderer.hideEdgesOnViewport = false;
      renderer.hideLabelsOnViewport = large;
    }
  }

  /**
   * Makes the drawing show `graph`. Nodes already drawn stay where they are; nodes coming back keep
   * the place they had; new ones are placed around the anchor (or a drawn neighbour) and settled by
   * a layout of just them, so the rest of the graph does not jump.
   */
  async render(graph: VisibleGraph, options: RenderOptions = {}): Promise<void> {
    const cy = this.cy;
    this.syncSize();
    const wasEmpty = cy.nodes().length === 0;
    const diff = diffElements({ nodes: cy.nodes().map((n) => n.id()), edges: cy.edges().map((e) => e.id()) }, graph);
    const count = graph.nodes.length + graph.edges.length;
    // A large view will want the layout worker (anew if a superseded layout ended the last one).
    if (layoutPlan(count) === 'rings-in-worker' && this.useWorker) this.startWorker();
    this.tune(count);
    const fresh: string[] = [];
    cy.batch(() => {
      for (const id of diff.remove) {
        const ele = cy.getElementById(id);
        if (ele.isNode()) this.remembered.set(id, { ...ele.position() });
        ele.remove();
      }
      const additions: ElementDefinition[] = diff.add.map((def) => {
        const id = def.data.id as string;
        if (def.group !== 'nodes') return def;
        const position = this.remembered.get(id);
        if (position && !options.relayout) return { ...def, position: { ...position } };
        fresh.push(id);
        return def;
      });
      cy.add(additions);
    });
    cy.nodes().removeClass('new');
    if (wasEmpty || options.relayout) {
      await this.layoutAll(options.animate ?? true);
      return;
    }
    if (fresh.length === 0) return;
    // An expansion settles its new nodes around the node expanded; anything else (a path, a filter
    // lifted over nodes never drawn) is laid out with the rest, pinned nodes staying where they are.
    if (options.anchor) {
      // New nodes go next to drawn ones: first let a large layout in progress put those in place.
      if (this.largeDone) await this.largeDone;
      await this.placeNew(fresh, options.anchor);
    }
    else await this.layoutAll(options.animate ?? true);
  }

  private pinnedFixed(): FixedNode[] {
    return this.cy
      .nodes('.pinned')
      .map((n) => ({ nodeId: n.id(), position: { ...n.position() } }));
  }

  /** The full layout of what is drawn; pinned nodes keep their places. */
  layoutAll(animate = false): Promise<void> {
    const fixed = this.pinnedFixed();
    const count = this.cy.elements().length;
    if (this.cy.nodes().length === 0) return Promise.resolve();
    const plan = layoutPlan(count);
    const done =
      plan !== 'force'
        ? this.layoutLarge(fixed, plan === 'rings-in-worker')
        : this.run(this.cy.elements().layout(fullLayout(count, { animate: animate && this.canAnimate, fixed })));
    return done.then(() => {
      for (const n of this.cy.nodes()) this.remembered.set(n.id(), { ...n.position() });
      // A handful of nodes fitted to the screen would be drawn huge: keep them at a readable size.
      if (this.cy.zoom() > MAX_FIT_ZOOM) {
        this.cy.zoom(MAX_FIT_ZOOM);
        this.cy.center();
      }
    });
  }

  /**
   * A large view: leaves on rings around their hubs, a force pass over the rest (see large.ts). From
   * WORKER_GRAPH elements on (and when the page can start workers) this runs in a worker, and the
   * positions are applied in one batch when they arrive.
   */
  private layoutLarge(fixed: FixedNode[], inWorker: boolean): Promise<void> {
    this.running?.stop();
    this.running = null;
    const busy = this.settleLarge;
    this.settleLarge = null;
    if (busy) {
      // The worker is still on the layout being replaced: start afresh rather than wait for it.
      this.worker?.terminate();
      this.worker = undefined;
      busy();
    }
    const seq = ++this.largeSeq;
    const cy = this.cy;
    const input: LayoutInput = {
      nodes: cy.nodes().map((n) => n.id()),
      edges: cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
      fixed,
    };
    const apply = (positions: Float64Array) => this.applyPositions(input.nodes, positions, new Set(fixed.map((f) => f.nodeId)));
    const inPage = () => apply(largeLayout(input));
    const worker = inWorker ? this.startWorker() : null;
    if (!worker) {
      inPage();
      return Promise.resolve();
    }
    const done = new Promise<void>((resolve) => {
      const finish = () => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        if (this.settleLarge === finish) this.settleLarge = null;
        resolve();
      };
      const onMessage = (event: MessageEvent<LayoutReply>) => {
        if (event.data.seq !== seq) return;
        apply(event.data.positions);
        finish();
      };
      const onError = (event: ErrorEvent) => {
        // A worker that cannot start (or fails) is not tried again: the layout runs in the page.
        console.error('layout worker failed', event.message);
        event.preventDefault();
        worker.terminate();
        this.worker = null;
        if (seq === this.largeSeq) inPage();
        finish();
      };
      this.settleLarge = finish;
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      const request: LayoutRequest = { seq, input };
      worker.postMessage(request);
    }).finally(() => {
      if (this.largeDone === done) this.largeDone = null;
    });
    this.largeDone = done;
    return done;
  }

  private startWorker(): Worker | null {
    if (!this.useWorker || this.worker === null) return null;
    if (this.worker) return this.worker;
    try {
      const worker = layoutWorker();
      // Until the page has heard that a new worker runs, it holds messages for it back, and that news
      // can wait behind a long frame (drawing thousands of elements): a request then reached the worker
      // only once the first frame was drawn. An empty request first: its answer means later ones go
      // straight through.
      this.workerLoaded = new Promise<void>((resolve) => {
        const settle = (event: Event) => {
          if (event instanceof MessageEvent && (event.data as LayoutReply).seq !== 0) return;
          worker.removeEventListener('message', settle);
          worker.removeEventListener('error', settle);
          // One that failed to load is not tried again: large layouts run in the page.
          if (event.type === 'error' && this.worker === worker) {
            worker.terminate();
            this.worker = null;
          }
          resolve();
        };
        worker.addEventListener('message', settle);
        worker.addEventListener('error', settle);
      });
      worker.postMessage({ seq: 0, input: { nodes: [], edges: [], fixed: [] } } satisfies LayoutRequest);
      this.worker = worker;
    } catch (error) {
      console.error('layout worker unavailable', error);
      this.worker = null;
    }
    return this.worker;
  }

  /** Settles once the view is ready to take a large graph at full speed: its layout worker has answered. */
  ready(): Promise<void> {
    return this.workerLoaded;
  }

  /** Moves the nodes to laid-out positions in one batch (pinned ones stay) and fits the view. */
  private applyPositions(ids: readonly string[], positions: Float64Array, keep: ReadonlySet<string>): void {
    const cy = this.cy;
    cy.batch(() => {
      ids.forEach((id, i) => {
        if (keep.has(id)) return;
        const node = cy.getElementById(id);
        if (node.nonempty()) node.position({ x: positions[2 * i] as number, y: positions[2 * i + 1] as number });
      });
    });
    cy.fit(undefined, FIT_PADDING);
  }

  private run(layout: cytoscape.Layouts): Promise<void> {
    this.running?.stop();
    this.running = layout;
    return new Promise<void>((resolve) => {
      layout.one('layoutstop', () => {
        if (this.running === layout) this.running = null;
        resolve();
      });
      try {
        layout.run();
      } catch (error) {
        console.error('layout failed', error);
        resolve();
      }
    });
  }

  private async placeNew(fresh: string[], anchor: string | null): Promise<void> {
    const cy = this.cy;
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
    if (fixed.length > 0 && subset.length > 1) await this.run(nodes.union(edges).layout(incrementalLayout(fixed, this.canAnimate)));
    for (const id of fresh) this.remembered.set(id, { ...cy.getElementById(id).position() });
  }

  /** Focus, expanded and pinned marks, and the selected element. */
  decorate(d: Decorations): void {
    const cy = this.cy;
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
  highlight(nodeIds: readonly string[], edgeIds: readonly string[], endpoints: readonly string[] = []): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().removeClass('path faded endpoint');
      if (nodeIds.length === 0 && edgeIds.length === 0) return;
      cy.elements().addClass('faded');
      for (const id of [...nodeIds, ...edgeIds]) cy.getElementById(id).removeClass('faded').addClass('path');
      for (const id of endpoints) cy.getElementById(id).removeClass('faded').addClass('endpoint');
    });
  }

  centreOn(id: string): void {
    const node = this.cy.getElementById(id);
    if (node.nonempty()) this.afterClicks(() => this.cy.animate({ center: { eles: node }, duration: 300 }));
  }

  /** Fits the given elements (or all) to the screen, never closer than MAX_FIT_ZOOM. */
  fit(ids?: readonly string[]): void {
    const cy = this.cy;
    let eles = cy.collection();
    if (ids && ids.length) for (const id of ids) eles = eles.union(cy.getElementById(id));
    else eles = cy.elements();
    if (eles.empty()) return;
    const padding = FIT_PADDING;
    const bb = eles.boundingBox();
    const zoom = Math.max(cy.minZoom(), Math.min(MAX_FIT_ZOOM, (cy.width() - 2 * padding) / Math.max(bb.w, 1), (cy.height() - 2 * padding) / Math.max(bb.h, 1)));
    cy.animate({ zoom, center: { eles } }, { duration: 300 });
  }

  zoomBy(factor: number): void {
    const cy = this.cy;
    const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor));
    cy.animate({ zoom: { level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }, duration: 150 });
  }

  /** What is on screen as a PNG, at twice the pixels, on white. */
  png(): Blob {
    return this.cy.png({ output: 'blob', bg: '#ffffff', full: false, scale: 2 }) as unknown as Blob;
  }

  /** The ids drawn now: for export and for the status line. */
  drawn(): { nodes: string[]; edges: string[] } {
    return { nodes: this.cy.nodes().map((n) => n.id()), edges: this.cy.edges().map((e) => e.id()) };
  }

  destroy(): void {
    this.running?.stop();
    this.worker?.terminate();
    this.settleLarge?.();
    this.cy.destroy();
  }
}
