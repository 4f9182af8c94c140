import type { LayoutOptions } from 'cytoscape';

/** Above this many elements the view switches to its cheaper drawing and layout settings. */
export const LARGE_GRAPH = 800;
/**
 * From this many elements a large view is laid out in a worker, so the page stays responsive. Below
 * it the layout is short enough to run in the page.
 */
export const WORKER_GRAPH = 2000;

/** How a view of `elementCount` elements is laid out: fCoSE (fullLayout), or large.ts in the page or the worker. */
export function layoutPlan(elementCount: number): 'force' | 'rings' | 'rings-in-worker' {
  if (elementCount <= LARGE_GRAPH) return 'force';
  return elementCount < WORKER_GRAPH ? 'rings' : 'rings-in-worker';
}

export interface FixedNode {
  nodeId: string;
  position: { x: number; y: number };
}

/**
 * fCoSE settings for a whole view of up to LARGE_GRAPH elements (larger ones: large.ts): the full
 * force-directed pass, animated when asked; the smallest views get more room between nodes.
 */
export function fullLayout(elementCount: number, options: { animate?: boolean; fixed?: FixedNode[] } = {}): LayoutOptions {
  const small = elementCount < 120;
  return {
    name: 'fcose',
    quality: 'default',
    randomize: true,
    animate: options.animate ?? false,
    animationDuration: 450,
    fit: true,
    padding: 60,
    nodeDimensionsIncludeLabels: false,
    uniformNodeDimensions: false,
    packComponents: false,
    samplingType: true,
    sampleSize: 25,
    piTol: 1e-7,
    nodeSeparation: small ? 130 : 90,
    nodeRepulsion: () => (small ? 16000 : 9000),
    idealEdgeLength: () => (small ? 140 : 95),
    edgeElasticity: () => 0.45,
    gravity: 0.25,
    gravityRange: 3.8,
    numIter: 2500,
    tile: true,
    fixedNodeConstraint: options.fixed?.length ? options.fixed : undefined,
  } as LayoutOptions;
}

/**
 * Settings for laying out only what an expansion added: existing nodes keep their places (they are
 * fixed), the new ones settle around them starting from the ring they were put on.
 */
export function incrementalLayout(fixed: FixedNode[], animate = true): LayoutOptions {
  return {
    name: 'fcose',
    quality: 'proof',
    randomize: false,
    animate,
    animationDuration: 400,
    fit: false,
    packComponents: false,
    nodeRepulsion: () => 16000,
    idealEdgeLength: () => 140,
    numIter: 1500,
    initialEnergyOnIncremental: 0.3,
    fixedNodeConstraint: fixed,
  } as LayoutOptions;
}
