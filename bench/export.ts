import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { EXPORT_FORMATS, FORMATS, type ExportFormatName, type ExportGraph, type ExportNode, type ExportEdge } from '../server/export/index.ts';
import { syntheticSource } from './synthetic.ts';

/**
 * Export benchmark: a synthetic subgraph of 10,000 nodes and 50,000 edges (Vietnamese and Chinese
 * names, a quote or more behind every edge), written in each format to a file. Each format runs in a
 * child process of its own so its peak memory is its own: the resident set's high-water mark, and
 * the rise over the graph already in memory (what the writer itself holds). Writes
 * bench/results/export.json and prints the table for docs/benchmarks.md.
 */

const HERE = dirname(fileURLToPath(import.meta.url));
const RESULTS = join(HERE, 'results', 'export.json');
const RELATIONSHIPS = 50_000;
const RUNS = 3;

/** The synthetic compiled graph in the API's shape, as the neighbours query gives it. */
function apiGraph(): ExportGraph {
  const source = syntheticSource(RELATIONSHIPS);
  const nodes: ExportNode[] = [];
  for (const n of source.nodes()) {
    const node: ExportNode = { id: n.id, type: n.type, label: n.name, name: n.name, unnamed: n.unnamed, aliases: n.aliases, ...n.properties };
    if (n.kind !== undefined) node.kind = n.kind;
    nodes.push(node);
  }
  const edges: ExportEdge[] = [];
  for (const r of source.relationships()) edges.push({ id: r.id, source: r.source, target: r.target, type: r.type, ...r.properties, evidence: r.evidence });
  return { nodes, edges };
}

interface Measure {
  format: ExportFormatName;
  nodes: number;
  edges: number;
  bytes: number;
  /** Median of the runs. */
  ms: number;
  runsMs: number[];
  /** The process's resident-set high-water mark, MiB. */
  peakRssMiB: number;
  /** Resident set once the graph is built, before writing, MiB. */
  baselineRssMiB: number;
  /** The highest heap seen while writing, less the heap before, MiB. */
  heapRiseMiB: number;
}

const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function child(format: ExportFormatName, dir: string): Promise<Measure> {
  const graph = apiGraph();
  global.gc?.();
  const baselineRss = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const sampler = setInterval(() => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }, 5);
  const runsMs: number[] = [];
  const file = join(dir, `export.${FORMATS[format].extension}`);
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await pipeline(Readable.from(FORMATS[format].write(graph, { title: 'benchmark' })), createWriteStream(file));
    runsMs.push(Math.round(performance.now() - started));
  }
  clearInterval(sampler);
  const sorted = [...runsMs].sort((a, b) => a - b);
  return {
    format,
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    bytes: statSync(file).size,
    ms: sorted[Math.floor(sorted.length / 2)]!,
    runsMs,
    peakRssMiB: mib(process.resourceUsage().maxRSS * 1024),
    baselineRssMiB: mib(baselineRss),
    heapRiseMiB: mib(heapPeak - heapBefore),
  };
}

function table(results: Measure[]): string {
  const rows = results.map(
    (r) => `| ${r.format} | ${r.nodes.toLocaleString('en')} / ${r.edges.toLocaleString('en')} | ${(r.bytes / 1024 / 1024).toFixed(1)} MiB | ${r.ms} ms | ${r.peakRssMiB} MiB | ${r.baselineRssMiB} MiB | ${r.heapRiseMiB} MiB |`,
  );
  return ['| format | nodes / edges | file | time (median of 3) | peak RSS | RSS with the graph loaded | heap rise while writing |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

async function main(): Promise<void> {
  const [mode, format, dir] = process.argv.slice(2);
  if (mode === '--child') {
    process.stdout.write(JSON.stringify(await child(format as ExportFormatName, dir!)));
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'export-bench-'));
  const results: Measure[] = [];
  try {
    for (const f of EXPORT_FORMATS) {
      const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', f, work], { encoding: 'utf8', maxBuffer: 1 << 20 });
      const measure = JSON.parse(out) as Measure;
      results.push(measure);
      console.error(`${f}: ${measure.ms} ms, ${mib(measure.bytes)} MiB, peak RSS ${measure.peakRssMiB} MiB`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const machine = { cpus: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 1024 ** 3), node: process.version };
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify({ date: new Date().toISOString().slice(0, 10), machine, runs: RUNS, results }, null, 2)}\n`);
  console.log(table(results));
}

await main();
