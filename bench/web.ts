import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import type { ApiEdge, ApiNode, GraphElements } from '../server/schemas/graph.ts';
import { syntheticSource } from './synthetic.ts';

/**
 * Web benchmark: in headless Chromium, the explorer's graph view (the same code, styles and layout
 * settings as the app) is handed 1,000 and 5,000 elements of the synthetic graph in the API's shape;
 * timed from data to a laid-out, drawn graph, then the frame times while the view is dragged (panned)
 * with the mouse for two seconds. Target: 5,000 elements laid out and drawn in 2 s or less.
 * The same is measured, alternating in one run, for the web sources of a baseline commit
 * (BENCH_BASELINE, a git ref; `none` for the current code alone), and the ratios reported.
 * Writes bench/results/web.json and prints the table for docs/benchmarks.md.
 */

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const RESULTS = join(HERE, 'results', 'web.json');
const SIZES = (process.env.BENCH_SIZES ?? '1000,5000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** The last commit whose large views were laid out by fCoSE (a spectral draft, then the full layout). */
const BASELINE = process.env.BENCH_BASELINE ?? '1e8686b4c683d1f85b5a225cf554f264ea7f7913';
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
  /** draftMs: only the baseline's harness has it (its large views drew a draft first) */
  draw(g: GraphElements): Promise<{ nodes: number; edges: number; layoutMs: number; totalMs: number; draftMs?: number | null; longestFrameMs: number }>;
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

type Variant = 'baseline' | 'current';
type Run = { layoutMs: number; totalMs: number; draftMs: number | null; longestFrameMs: number };

/** Builds the harness of the web sources under `root` into `outDir`, served at `/${variant}/`, with the page that loads it. */
async function buildHarness(root: string, outDir: string, variant: Variant): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    // The bundle names its worker by absolute path.
    base: `/${variant}/`,
    build: { outDir, emptyOutDir: true, minify: true, lib: { entry: join(root, 'web/src/bench/harness.ts'), formats: ['es'], fileName: () => 'harness.js' } },
  });
  writeFileSync(join(outDir, 'index.html'), `<!doctype html><html><body style="margin:0"><div id="cy" style="position:absolute;inset:0"></div><script type="module" src="harness.js"></script></body></html>`);
}

/**
 * The web sources as they were at `ref`, unpacked inside the project (so their imports resolve to
 * the project's node_modules): the baseline the current code is measured against.
 */
function checkoutBaseline(ref: string): string {
  const dir = mkdtempSync(join(ROOT, 'test-results', 'bench-web-baseline-'));
  execFileSync('sh', ['-c', `git archive --format=tar "$1" web/src | tar -x -C "$2"`, 'sh', ref, dir], { cwd: ROOT });
  return dir;
}

/** Opens the harness of one variant in a fresh page and draws `graph` once. */
async function drawOnce(context: BrowserContext, outDir: string, variant: Variant, graph: GraphElements): Promise<{ page: Page; result: Run & { nodes: number; edges: number }; shape: ReturnType<typeof shapeStats> }> {
  const page = await context.newPage();
  await page.route(`${ORIGIN}/**`, (route) => {
    const file = join(outDir, new URL(route.request().url()).pathname);
    return file.startsWith(outDir) && existsSync(file) ? route.fulfill({ path: file }) : route.fulfill({ status: 404 });
  });
  page.on('console', (m) => {
    if (m.type() === 'error') console.error(`page (${variant}): ${m.text()}`);
  });
  await page.goto(`${ORIGIN}/${variant}/index.html`);
  await page.waitForFunction(() => 'GraphBench' in window);
  const r = await page.evaluate((g) => (window as unknown as { GraphBench: Bench }).GraphBench.draw(g), graph);
  const shape = shapeStats(await page.evaluate(() => (window as unknown as { GraphBench: Bench }).GraphBench.layoutShape()));
  return { page, result: { ...r, draftMs: r.draftMs ?? null }, shape };
}

/** Frame times while the background is dragged with the mouse for two seconds, as a user pans. */
async function panFrames(page: Page): Promise<number[]> {
  await page.evaluate(() => (window as unknown as { GraphBench: Bench }).GraphBench.startFrames());
  const steps = 120;
  await page.mouse.move(200, 450);
  await page.mouse.down();
  const started = Date.now();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(200 + Math.sin(i / 12) * 500 + i * 4, 450 + Math.cos(i / 9) * 250);
    const wait = started + (i * 2000) / steps - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  await page.mouse.up();
  return page.evaluate(() => (window as unknown as { GraphBench: Bench }).GraphBench.stopFrames());
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const ratio = (a: number, b: number) => Math.round((a / Math.max(b, 1e-9)) * 100) / 100;

function summary(runs: Run[], readability: ReturnType<typeof shapeStats>[], frames: number[]) {
  const total = stats(runs.map((r) => r.totalMs));
  const drafts = runs.flatMap((r) => (r.draftMs === null ? [] : [r.draftMs]));
  const draft = drafts.length ? stats(drafts) : null;
  const frozen = stats(runs.map((r) => r.longestFrameMs));
  const pan = stats(frames);
  return {
    drawMs: { median: total.p50, max: total.max, all: runs.map((r) => Math.round(r.totalMs)) },
    layoutMs: { median: stats(runs.map((r) => r.layoutMs)).p50 },
    draftDrawnMs: draft ? { median: draft.p50, max: draft.max } : null,
    longestFrameWhileLayingOutMs: { median: frozen.p50, max: frozen.max },
    readability: {
      overlappingNodePairs: median(readability.map((r) => r.overlappingPairs)),
      edgeLengthCv: median(readability.map((r) => r.edgeLengthCv)),
      fitZoom: median(readability.map((r) => r.fitZoom)),
    },
    panFrameMs: { ...pan, frames: frames.length, fps: Math.round(1000 / Math.max(pan.mean, 0.001)) },
  };
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'cooperation-graph-bench-web-'));
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  const baselineSrc = BASELINE === 'none' ? null : checkoutBaseline(BASELINE);
  const variants: Variant[] = baselineSrc ? ['baseline', 'current'] : ['current'];
  await buildHarness(ROOT, join(outDir, 'current'), 'current');
  if (baselineSrc) await buildHarness(baselineSrc, join(outDir, 'baseline'), 'baseline');

  // The 1-minute load average through the run: the machine is shared, and its load moves the figures.
  const oneMinute = () => Math.round((loadavg()[0] ?? 0) * 100) / 100;
  const load = [oneMinute()];
  const sampler = setInterval(() => load.push(oneMinute()), 5000);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const version = browser.version();
  // Each variant's page is served from its build directory under a made-up origin, so the layout
  // worker the view starts is loaded the way the app loads it (a same-origin script next to the bundle).
  const context = await browser.newContext({ viewport: VIEWPORT });
  const results = [];
  try {
    for (const size of SIZES) {
      const graph = syntheticElements(size);
      const runs = { baseline: [] as Run[], current: [] as Run[] };
      const readability = { baseline: [] as ReturnType<typeof shapeStats>[], current: [] as ReturnType<typeof shapeStats>[] };
      const frames = { baseline: [] as number[], current: [] as number[] };
      let drawnCount = { nodes: 0, edges: 0 };
      for (let run = 0; run < RUNS; run++) {
        // Alternate which goes first, so neither always gets the quieter moment.
        for (const variant of run % 2 === 0 ? variants : [...variants].reverse()) {
          const { page, result, shape } = await drawOnce(context, outDir, variant, graph);
          runs[variant].push(result);
          readability[variant].push(shape);
          drawnCount = { nodes: result.nodes, edges: result.edges };
          if (run === RUNS - 1) {
            await page.screenshot({ path: join(ROOT, 'test-results', `bench-web-${size}-${variant}.png`) });
            frames[variant] = await panFrames(page);
          }
          await page.close();
        }
      }
      const current = summary(runs.current, readability.current, frames.current);
      const baseline = baselineSrc ? summary(runs.baseline, readability.baseline, frames.baseline) : null;
      results.push({
        elements: drawnCount.nodes + drawnCount.edges,
        nodes: drawnCount.nodes,
        edges: drawnCount.edges,
        runs: RUNS,
        current,
        baseline,
        // baseline ÷ current: above 1, the current code is faster (or has more of the measure)
        ratios: baseline
          ? {
              drawn: ratio(baseline.drawMs.median, current.drawMs.median),
              longestFrame: ratio(baseline.longestFrameWhileLayingOutMs.median, current.longestFrameWhileLayingOutMs.median),
              overlappingNodePairs: ratio(baseline.readability.overlappingNodePairs, current.readability.overlappingNodePairs),
              fitZoom: ratio(baseline.readability.fitZoom, current.readability.fitZoom),
            }
          : null,
        meetsTarget: size < 5000 ? undefined : current.drawMs.max <= TARGET_MS,
      });
      for (const variant of variants) {
        const s = variant === 'current' ? current : (baseline as typeof current);
        console.log(
          `${size} elements, ${variant}: drawn in ${Math.round(s.drawMs.median)} ms (median of ${RUNS}, max ${Math.round(s.drawMs.max)}), draft drawn ${s.draftDrawnMs ? `${Math.round(s.draftDrawnMs.median)} ms` : '-'}, longest frame ${Math.round(s.longestFrameWhileLayingOutMs.median)} ms, overlapping pairs ${s.readability.overlappingNodePairs}, fit zoom ${s.readability.fitZoom}`,
        );
      }
    }
  } finally {
    clearInterval(sampler);
    load.push(oneMinute());
    await context.close();
    await browser.close();
    rmSync(outDir, { recursive: true, force: true });
    if (baselineSrc) rmSync(baselineSrc, { recursive: true, force: true });
  }
  const report = {
    benchmark: 'web explorer: data to laid-out, drawn graph; frame time while panning; current code against a baseline commit, alternating',
    date: new Date().toISOString(),
    baseline: baselineSrc ? BASELINE : null,
    browser: `Chromium ${version}, headless, --disable-gpu (software rendering)`,
    viewport: VIEWPORT,
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30) },
    loadAverage1Min: { min: Math.min(...load), max: Math.max(...load), samples: load.length },
    targetMs: TARGET_MS,
    results,
  };
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n1-minute load average through the run: ${report.loadAverage1Min.min}–${report.loadAverage1Min.max}`);
  console.log(`\n| elements (nodes / edges) | | draft drawn | laid out and drawn (median of ${RUNS}) | max | longest frame | overlapping node pairs | fit zoom | pan frame p95 |`);
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results)
    for (const variant of variants) {
      const s = variant === 'current' ? r.current : (r.baseline as typeof r.current);
      console.log(
        `| ${variant === variants[0] ? `${r.elements} (${r.nodes} / ${r.edges})` : ''} | ${variant} | ${s.draftDrawnMs ? `${Math.round(s.draftDrawnMs.median)} ms` : '–'} | ${Math.round(s.drawMs.median)} ms | ${Math.round(s.drawMs.max)} ms | ${Math.round(s.longestFrameWhileLayingOutMs.median)} ms | ${s.readability.overlappingNodePairs} | ${s.readability.fitZoom} | ${s.panFrameMs.p95} ms |`,
      );
    }
  for (const r of results) if (r.ratios) console.log(`${r.elements} elements, baseline ÷ current: drawn ${r.ratios.drawn}×, longest frame ${r.ratios.longestFrame}×, overlapping pairs ${r.ratios.overlappingNodePairs}×, fit zoom ${r.ratios.fitZoom}×`);
  console.log(`\nwritten to ${RESULTS}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
