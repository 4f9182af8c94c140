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
  /** the longest gap between frames while the graph was being laid out and drawn: how long the page froze */
  longestFrameMs: number;
}

function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

let view: GraphView | null = null;

export async function draw(graph: GraphElements): Promise<DrawResult> {
  view?.destroy();
  const container = document.getElementById('cy') as HTMLElement;
  // As in the app, the view (and its layout worker) is there before any data: timing starts when
  // the data is handed to it.
  view = new GraphView(container, { select: () => {}, expand: () => {} });
  await view.ready();
  const t0 = performance.now();
  startFrames();
  await view.render(visibleGraph(graph.nodes, graph.edges, emptyFilters()), { animate: false });
  const layoutMs = performance.now() - t0;
  // The frame after the layout: Cytoscape draws on requestAnimationFrame.
  await nextFrame();
  await nextFrame();
  const totalMs = performance.now() - t0;
  const gaps = stopFrames();
  const drawn = view.drawn();
  return { nodes: drawn.nodes.length, edges: drawn.edges.length, layoutMs, totalMs, longestFrameMs: Math.max(0, ...gaps) };
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

/** Where the drawn nodes are, for a readability check: [x0, y0, x1, y1, …] and the edges' endpoints' indices. */
export function layoutShape(): { positions: number[]; edges: [number, number][]; zoom: number } {
  if (!view) return { positions: [], edges: [], zoom: 0 };
  const index = new Map<string, number>();
  const positions: number[] = [];
  const edges: [number, number][] = [];
  for (const e of view.elements()) {
    if (e.position) {
      index.set(e.id, index.size);
      positions.push(e.position.x, e.position.y);
    } else edges.push([index.get(e.source as string) ?? 0, index.get(e.target as string) ?? 0]);
  }
  return { positions, edges, zoom: view.zoomLevel };
}

export function zoom(): number {
  return view?.zoomLevel ?? 0;
}

// The benchmark page loads this as a module and finds it here.
(window as unknown as { GraphBench: unknown }).GraphBench = { draw, startFrames, stopFrames, zoom, layoutShape };
