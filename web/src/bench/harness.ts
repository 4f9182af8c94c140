/**
 * The browser side of `npm run bench:web`: the explorer's own GraphView, fed the API's element
 * shape, timed from data to a laid-out, drawn graph. Built by bench/web.ts as a separate bundle;
 * the app never imports it.
 */
import type { GraphElements } from '../api/types.ts';
import { visibleGraph } from '../graph/model.ts';
import { GraphView } from '../graph/view.ts';
import { emptyFilters } from '../state/state.ts';

export interface DrawResult {
  nodes: number;
  edges: number;
  /** data in → layout stopped */
  layoutMs: number;
  /** data in → first frame painted after the layout */
  totalMs: number;
}

function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

let view: GraphView | null = null;

export async function draw(graph: GraphElements): Promise<DrawResult> {
  view?.destroy();
  const container = document.getElementById('cy') as HTMLElement;
  const t0 = performance.now();
  view = new GraphView(container, { select: () => {}, expand: () => {} });
  await view.render(visibleGraph(graph.nodes, graph.edges, emptyFilters()), { animate: false });
  const layoutMs = performance.now() - t0;
  // The frame after the layout: Cytoscape draws on requestAnimationFrame.
  await nextFrame();
  await nextFrame();
  const totalMs = performance.now() - t0;
  return { nodes: view.cy.nodes().length, edges: view.cy.edges().length, layoutMs, totalMs };
}

let frames: number[] = [];
let recording = false;

/** Records the time between animation frames until stopFrames(). */
export function startFrames(): void {
  frames = [];
  recording = true;
  let last = performance.now();
  const tick = (now: number) => {
    if (!recording) return;
    frames.push(now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

export function stopFrames(): number[] {
  recording = false;
  return frames.slice(1);
}

export function zoom(): number {
  return view?.cy.zoom() ?? 0;
}
