import type cytoscape from 'cytoscape';
import type { Core, ElementDefinition, EventObject } from 'cytoscape';
import { ClickWindow } from './double-click.ts';
import { diffElements } from './elements.ts';
import type { LayoutInput } from './large.ts';
import { fullLayout, incrementalLayout, LARGE_GRAPH, layoutPlan } from './layout.ts';
import type { FixedNode } from './layout.ts';
import { LayoutWorkerClient } from './layout-worker-client.ts';
import { markPaths, markState } from './marks.ts';
import type { Decorations } from './marks.ts';
import type { VisibleGraph } from './model.ts';
import { placeNew } from './placement.ts';
import type { Point } from './placement.ts';
import { bindPointer } from './pointer.ts';
import type { ViewEvents } from './pointer.ts';
import { createCy, relabelWhenStill, useLargeDrawing } from './renderer.ts';
import { drawnElements } from './snapshot.ts';
import type { DrawnElement } from './snapshot.ts';
import { FIT_PADDING, fitTo, MAX_FIT_ZOOM, zoomAbout } from './viewport.ts';

export type { Decorations, DrawnElement, ViewEvents };

export interface RenderOptions {
  /** The node an expansion started from: new nodes are placed around it. */
  anchor?: string | null;
  /** Lay the whole view out anew. */
  relayout?: boolean;
  /** Animate the layout (small graphs only). */
  animate?: boolean;
}

/** The drawn graph: Cytoscape, its layouts, and the classes that show focus, pins and paths. */
export class GraphView {
  /**
   * Only the view, and the modules it hands this to, talk to Cytoscape. (The browser tests read it
   * through `window.explorer.view` to check what is drawn.)
   */
  private readonly cy: Core;
  /** Where nodes were when filters or hiding took them away, so they come back to the same place. */
  private readonly remembered = new Map<string, Point>();
  private large = false;
  private running: cytoscape.Layouts | null = null;
  /** Without a canvas there is nothing to animate. */
  private readonly canAnimate: boolean;
  /** Runs large layouts, in a worker when the page can start one. */
  private readonly layouts: LayoutWorkerClient;
  private readonly clicks = new ClickWindow();
  private box = { w: 0, h: 0 };

  constructor(container: HTMLElement | undefined, events: ViewEvents, options: { headless?: boolean; worker?: boolean } = {}) {
    const headless = options.headless ?? container === undefined;
    this.canAnimate = !headless;
    this.layouts = new LayoutWorkerClient((options.worker ?? true) && this.canAnimate && typeof Worker !== 'undefined');
    this.cy = createCy(container, headless);
    bindPointer(this.cy, events, this.clicks);
    relabelWhenStill(this.cy, () => this.large);
    this.cy.on('dragfree', 'node', (e: EventObject) => this.remembered.set(e.target.id(), { ...e.target.position() }));
    // Started with the view, while the page is idle (see LayoutWorkerClient.start).
    this.layouts.start();
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

  /** Takes the container's current size (call before a layout that fits, after the panel opened or closed). */
  syncSize(): void {
    const container = this.cy.container();
    if (!container) return;
    this.cy.resize();
    this.box = { w: container.clientWidth, h: container.clientHeight };
  }

  /** True while a second click could still make a double click of the last tap. */
  get clickPending(): boolean {
    return this.clicks.pending;
  }

  /** Resolves once no double click can be under way. */
  clicksSettled(): Promise<void> {
    return this.clicks.settled();
  }

  /** Whether a node is drawn within `width` pixels of the canvas's right edge (where the side panel opens). */
  nearRightEdge(id: string, width: number): boolean {
    const node = this.cy.getElementById(id);
    if (!node.nonempty() || !node.isNode()) return false;
    return node.renderedPosition().x + node.renderedOuterWidth() / 2 > this.box.w - width;
  }

  /** True while the viewport is animating or a move waits for the double-click window. */
  get moving(): boolean {
    return this.clicks.waiting || this.cy.animated();
  }

  get size(): number {
    return this.cy.elements().length;
  }

  /** Switches to the cheaper drawing when the view grows past LARGE_GRAPH elements, and back. */
  private tune(count: number): void {
    const large = count > LARGE_GRAPH;
    if (large === this.large) return;
    this.large = large;
    useLargeDrawing(this.cy, large);
  }

  /** Takes everything off the drawing, so that the next render lays the graph out afresh. */
  clear(): void {
    this.cy.elements().remove();
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
    if (layoutPlan(count) === 'rings-in-worker') this.layouts.start();
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
      if (this.layouts.inProgress) await this.layouts.inProgress;
      const settle = placeNew(cy, fresh, options.anchor);
      if (settle) await this.run(settle.elements.layout(incrementalLayout(settle.fixed, this.canAnimate)));
      for (const id of fresh) this.remembered.set(id, { ...cy.getElementById(id).position() });
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
    const cy = this.cy;
    const input: LayoutInput = {
      nodes: cy.nodes().map((n) => n.id()),
      edges: cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
      fixed,
    };
    const keep = new Set(fixed.map((f) => f.nodeId));
    return this.layouts.layout(input, inWorker, (positions) => this.applyPositions(input.nodes, positions, keep));
  }

  /** Settles once the view is ready to take a large graph at full speed: its layout worker has answered. */
  ready(): Promise<void> {
    return this.layouts.ready();
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

  /** Focus, expanded and pinned marks, and the selected element. */
  decorate(d: Decorations): void {
    markState(this.cy, d);
  }

  /** Brings out a path (or several) and fades the rest; empty ids clear the highlight. */
  highlight(nodeIds: readonly string[], edgeIds: readonly string[], endpoints: readonly string[] = []): void {
    markPaths(this.cy, nodeIds, edgeIds, endpoints);
  }

  centreOn(id: string): void {
    const node = this.cy.getElementById(id);
    if (node.nonempty()) this.clicks.afterwards(() => this.cy.animate({ center: { eles: node }, duration: 300 }));
  }

  /** Fits the given elements (or all) to the screen, never closer than MAX_FIT_ZOOM. */
  fit(ids?: readonly string[]): void {
    fitTo(this.cy, ids);
  }

  zoomBy(factor: number): void {
    zoomAbout(this.cy, factor);
  }

  get zoomLevel(): number {
    return this.cy.zoom();
  }

  /** What is on screen as a PNG, at twice the pixels, on white. */
  png(): Blob {
    return this.cy.png({ output: 'blob', bg: '#ffffff', full: false, scale: 2 }) as unknown as Blob;
  }

  /** The ids drawn now: for export and for the status line. */
  drawn(): { nodes: string[]; edges: string[] } {
    return { nodes: this.cy.nodes().map((n) => n.id()), edges: this.cy.edges().map((e) => e.id()) };
  }

  /** Every drawn element as plain data: for tests and the benchmark. */
  elements(): DrawnElement[] {
    return drawnElements(this.cy);
  }

  destroy(): void {
    this.running?.stop();
    this.layouts.stop();
    this.cy.destroy();
  }
}
