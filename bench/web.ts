import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import type { ApiEdge, ApiNode, GraphElements } from '../server/schemas/graph.ts';
import { syntheticSource } from './synthetic.ts';

/**
 * Web benchmark: in headless Chromium, the explorer's graph view (the same code, styles and layout
 * settings as the app) is handed 1,000 and 5,000 elements of the synthetic graph in the API's shape;
 * timed from data to a laid-out, drawn graph, then the frame times while the view is dragged (panned)
 * with the mouse for two seconds. Target: 5,000 elements laid out and drawn in 2 s or less.
 * Writes bench/results/web.json and prints the table for docs/benchmarks.md.
 */

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const RESULTS = join(HERE, 'results', 'web.json');
const SIZES = (process.env.BENCH_SIZES ?? '1000,5000').split(',').map(Number);
const RUNS = 3;
const TARGET_MS = 2000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--no-default-browser-check'];
const VIEWPORT = { width: 1440, height: 900 };

/**
 * A connected-looking piece of the synthetic graph with `elements` nodes + edges: relationships in
 * generation order (skewed degrees, hubs included) with their endpoints, until the count is reached.
 */
export function syntheticElements(elements: number): GraphElements {
  const source = syntheticSource(Math.max(10_000, elements * 4));
  const byId = new Map<string, ApiNode>();
  for (const n of source.nodes()) {
    byId.set(n.id, { id: n.id, type: n.type, label: n.name, name: n.name, unnamed: n.unnamed, aliases: n.aliases, ...(n.kind ? { kind: n.kind } : {}), ...n.properties } as ApiNode);
  }
  const nodes = new Map<string, ApiNode>();
  const edges: ApiEdge[] = [];
  for (const r of source.relationships()) {
    const need = (nodes.has(r.source) ? 0 : 1) + (nodes.has(r.target) ? 0 : 1) + 1;
    if (nodes.size + edges.length + need > elements) {
      if (nodes.size + edges.length >= elements - 1) break;
      continue;
    }
    for (const id of [r.source, r.target]) if (!nodes.has(id)) nodes.set(id, byId.get(id) as ApiNode);
    edges.push({ id: r.id, source: r.source, target: r.target, type: r.type, evidence: r.evidence, ...r.properties } as ApiEdge);
  }
  return { nodes: [...nodes.values()], edges };
}

function stats(values: number[]): { mean: number; p50: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { mean: round(values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)), p50: round(at(0.5)), p95: round(at(0.95)), max: round(at(1)) };
}

interface Bench {
  draw(g: GraphElements): Promise<{ nodes: number; edges: number; layoutMs: number; totalMs: number; draftMs: number | null; longestFrameMs: number }>;
  startFrames(): void;
  stopFrames(): number[];
  layoutShape(): { positions: number[]; edges: [number, number][]; zoom: number };
}

const ORIGIN = 'http://bench.localhost';
/** Nodes closer than this (centre to centre, in graph units) overlap: the large style draws them 30–34 px wide. */
const OVERLAP_DISTANCE = 30;

/**
 * A simple readability measure of a finished layout: how many pairs of nodes overlap, how much the
 * edge lengths vary (coefficient of variation) and how far the fit had to zoom out (1 = nodes at
 * their drawn size; 0.25 = a quarter of it).
 */
export function shapeStats(shape: { positions: number[]; edges: [number, number][]; zoom: number }): { overlappingPairs: number; edgeLengthCv: number; fitZoom: number } {
  const n = shape.positions.length / 2;
  const x = (i: number) => shape.positions[2 * i] as number;
  const y = (i: number) => shape.positions[2 * i + 1] as number;
  const d = OVERLAP_DISTANCE;
  const grid = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const key = `${Math.floor(x(i) / d)},${Math.floor(y(i) / d)}`;
    const cell = grid.get(key);
    if (cell) cell.push(i);
    else grid.set(key, [i]);
  }
  let overlappingPairs = 0;
  for (let i = 0; i < n; i++) {
    const cx = Math.floor(x(i) / d);
    const cy = Math.floor(y(i) / d);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const j of grid.get(`${cx + dx},${cy + dy}`) ?? []) if (j > i && Math.hypot(x(i) - x(j), y(i) - y(j)) < d) overlappingPairs++;
  }
  const lengths = shape.edges.map(([a, b]) => Math.hypot(x(a) - x(b), y(a) - y(b)));
  const mean = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  const sd = Math.sqrt(lengths.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, lengths.length));
  return { overlappingPairs, edgeLengthCv: mean > 0 ? Math.round((sd / mean) * 100) / 100 : 0, fitZoom: Math.round(shape.zoom * 1000) / 1000 };
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'cooperation-graph-bench-web-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      lib: { entry: join(ROOT, 'web/src/bench/harness.ts'), formats: ['es'], fileName: () => 'harness.js' },
    },
  });
  // The page is served from the build directory under a made-up origin, so the layout worker the
  // view starts is loaded the way the app loads it (a same-origin script next to the bundle).
  writeFileSync(join(outDir, 'index.html'), `<!doctype html><html><body style="margin:0"><div id="cy" style="position:absolute;inset:0"></div><script type="module" src="/harness.js"></script></body></html>`);

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const version = browser.version();
  const results = [];
  try {
    for (const size of SIZES) {
      const graph = syntheticElements(size);
      const runs: { layoutMs: number; totalMs: number; draftMs: number | null; longestFrameMs: number }[] = [];
      const readability: ReturnType<typeof shapeStats>[] = [];
      let frames: number[] = [];
      let drawnCount = { nodes: 0, edges: 0 };
      for (let run = 0; run < RUNS; run++) {
        const page = await browser.newPage({ viewport: VIEWPORT });
        await page.route(`${ORIGIN}/**`, (route) => {
          const file = join(outDir, new URL(route.request().url()).pathname);
          return file.startsWith(outDir) && existsSync(file) ? route.fulfill({ path: file }) : route.fulfill({ status: 404 });
        });
        page.on('console', (m) => {
          if (m.type() === 'error') console.error(`page: ${m.text()}`);
        });
        await page.goto(`${ORIGIN}/index.html`);
        await page.waitForFunction(() => 'GraphBench' in window);
        const r = await page.evaluate((g) => (window as unknown as { GraphBench: Bench }).GraphBench.draw(g), graph);
        runs.push({ layoutMs: r.layoutMs, totalMs: r.totalMs, draftMs: r.draftMs, longestFrameMs: r.longestFrameMs });
        readability.push(shapeStats(await page.evaluate(() => (window as unknown as { GraphBench: Bench }).GraphBench.layoutShape())));
        drawnCount = { nodes: r.nodes, edges: r.edges };
        if (run === RUNS - 1) {
          mkdirSync(join(ROOT, 'test-results'), { recursive: true });
          await page.screenshot({ path: join(ROOT, 'test-results', `bench-web-${size}.png`) });
          // Pan as a user does: drag the background with the mouse for two seconds.
          await page.evaluate(() => (window as unknown as { GraphBench: Bench }).GraphBench.startFrames());
          const steps = 120;
          await page.mouse.move(200, 450);
          await page.mouse.down();
          const started = Date.now();
          for (let i = 1; i <= steps; i++) {
            await page.mouse.move(200 + Math.sin(i / 12) * 500 + i * 4, 450 + Math.cos(i / 9) * 250);
            const due = started + (i * 2000) / steps;
            const wait = due - Date.now();
            if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          }
          await page.mouse.up();
          frames = await page.evaluate(() => (window as unknown as { GraphBench: Bench }).GraphBench.stopFrames());
        }
        await page.close();
      }
      const total = stats(runs.map((r) => r.totalMs));
      const layout = stats(runs.map((r) => r.layoutMs));
      const pan = stats(frames);
      const drafts = runs.flatMap((r) => (r.draftMs === null ? [] : [r.draftMs]));
      const draft = drafts.length ? stats(drafts) : null;
      const frozen = stats(runs.map((r) => r.longestFrameMs));
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
      results.push({
        elements: drawnCount.nodes + drawnCount.edges,
        nodes: drawnCount.nodes,
        edges: drawnCount.edges,
        runs: RUNS,
        drawMs: { median: total.p50, max: total.max, all: runs.map((r) => Math.round(r.totalMs)) },
        layoutMs: { median: layout.p50 },
        draftDrawnMs: draft ? { median: draft.p50, max: draft.max } : null,
        longestFrameWhileLayingOutMs: { median: frozen.p50, max: frozen.max },
        readability: {
          overlappingNodePairs: median(readability.map((r) => r.overlappingPairs)),
          edgeLengthCv: median(readability.map((r) => r.edgeLengthCv)),
          fitZoom: median(readability.map((r) => r.fitZoom)),
        },
        panFrameMs: { ...pan, frames: frames.length, fps: Math.round(1000 / Math.max(pan.mean, 0.001)) },
        meetsTarget: size < 5000 ? undefined : total.max <= TARGET_MS,
      });
      console.log(
        `${size} elements: drawn in ${Math.round(total.p50)} ms (median of ${RUNS}, max ${Math.round(total.max)}), draft drawn ${draft ? `${Math.round(draft.p50)} ms` : '-'}, longest frame while laying out ${Math.round(frozen.p50)} ms, pan frames p50 ${pan.p50} ms, p95 ${pan.p95} ms, overlapping pairs ${median(readability.map((r) => r.overlappingPairs))}`,
      );
    }
  } finally {
    await browser.close();
    rmSync(outDir, { recursive: true, force: true });
  }
  const report = {
    benchmark: 'web explorer: data to laid-out, drawn graph; frame time while panning',
    date: new Date().toISOString(),
    browser: `Chromium ${version}, headless, --disable-gpu (software rendering)`,
    viewport: VIEWPORT,
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30) },
    targetMs: TARGET_MS,
    results,
  };
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n| elements | nodes | edges | draft drawn (median) | laid out and drawn (median) | max of ${RUNS} | longest frame while laying out | overlapping node pairs | fit zoom | pan frame p50 | pan frame p95 |`);
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results)
    console.log(
      `| ${r.elements} | ${r.nodes} | ${r.edges} | ${r.draftDrawnMs ? `${Math.round(r.draftDrawnMs.median)} ms` : '–'} | ${Math.round(r.drawMs.median)} ms | ${Math.round(r.drawMs.max)} ms | ${Math.round(r.longestFrameWhileLayingOutMs.median)} ms | ${r.readability.overlappingNodePairs} | ${r.readability.fitZoom} | ${r.panFrameMs.p50} ms | ${r.panFrameMs.p95} ms |`,
    );
  console.log(`\nwritten to ${RESULTS}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
