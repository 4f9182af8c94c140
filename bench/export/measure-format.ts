import { createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EXIT, parseCommandLine, runIfMain, usageError } from '../../extract/command-line.ts';
import { EXPORT_FORMATS, FORMATS, type ExportEdge, type ExportFormatName, type ExportGraph, type ExportNode } from '../../server/export/index.ts';
import { syntheticSource } from '../synthetic.ts';

/**
 * One export format written to a file, in a process of its own so its peak memory is its own
 * (started by bench/export.ts with --expose-gc); prints its Measure as JSON.
 */

const RELATIONSHIPS = 50_000;
export const RUNS = 3;

export interface Measure {
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

export const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

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

async function measure(format: ExportFormatName, dir: string): Promise<Measure> {
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

const USAGE = `usage: node --expose-gc --import tsx bench/export/measure-format.ts <${EXPORT_FORMATS.join('|')}> <folder>   (run by bench/export.ts)`;

export async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, USAGE, { allowPositionals: true, options: {} });
  if (typeof parsed === 'number') return parsed;
  const [format, dir] = parsed.positionals;
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format) || !dir) return usageError('expected a format and a folder to write in', USAGE);
  process.stdout.write(JSON.stringify(await measure(format as ExportFormatName, dir)));
  return EXIT.ok;
}

runIfMain(import.meta.url, main);
