import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT, parseCommandLine, runIfMain } from '../extract/command-line.ts';
import { EXPORT_FORMATS } from '../server/export/index.ts';
import { mib, RUNS, type Measure } from './export/measure-format.ts';

/**
 * Export benchmark: a synthetic subgraph of 10,000 nodes and 50,000 edges (Vietnamese and Chinese
 * names, a quote or more behind every edge), written in each format to a file. Each format runs in a
 * process of its own (export/measure-format.ts) so its peak memory is its own: the resident set's
 * high-water mark, and the rise over the graph already in memory (what the writer itself holds).
 * Writes bench/results/export.json and prints the table for docs/benchmarks.md.
 */

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results', 'export.json');
const MEASURE_FORMAT = fileURLToPath(new URL('./export/measure-format.ts', import.meta.url));

const USAGE = `usage: npm run bench:export -- [--out FILE]   every export format, each in a process of its own (default bench/results/export.json)`;

function table(results: Measure[]): string {
  const rows = results.map(
    (r) => `| ${r.format} | ${r.nodes.toLocaleString('en')} / ${r.edges.toLocaleString('en')} | ${(r.bytes / 1024 / 1024).toFixed(1)} MiB | ${r.ms} ms | ${r.peakRssMiB} MiB | ${r.baselineRssMiB} MiB | ${r.heapRiseMiB} MiB |`,
  );
  return ['| format | nodes / edges | file | time (median of 3) | peak RSS | RSS with the graph loaded | heap rise while writing |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, USAGE, { options: { out: { type: 'string', default: RESULTS } } });
  if (typeof parsed === 'number') return parsed;
  const work = mkdtempSync(join(tmpdir(), 'export-bench-'));
  const results: Measure[] = [];
  try {
    for (const f of EXPORT_FORMATS) {
      const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', MEASURE_FORMAT, f, work], { encoding: 'utf8', maxBuffer: 1 << 20 });
      const measure = JSON.parse(out) as Measure;
      results.push(measure);
      console.error(`${f}: ${measure.ms} ms, ${mib(measure.bytes)} MiB, peak RSS ${measure.peakRssMiB} MiB`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const machine = { cpus: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 1024 ** 3), node: process.version };
  mkdirSync(dirname(parsed.values.out), { recursive: true });
  writeFileSync(parsed.values.out, `${JSON.stringify({ date: new Date().toISOString().slice(0, 10), machine, runs: RUNS, results }, null, 2)}\n`);
  console.log(table(results));
  return EXIT.ok;
}

runIfMain(import.meta.url, main);
