import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { launchNeo4j } from '../db/launcher.ts';
import { createDriver } from '../db/neo4j.ts';
import { EXIT, parseCommandLine, runIfMain, usageError } from '../extract/command-line.ts';
import { clearDataset, deleteGeneration } from '../server/graph/load/cleanup.ts';
import { loadGraph } from '../server/graph/load/load-graph.ts';
import { progressBar } from '../server/graph/load/progress.ts';
import { articleRow, nodeRow, relationshipRow, type Row } from '../server/graph/load/rows.ts';
import { createArticles, createEntities, createRelationships } from '../server/graph/load/statements/elements.ts';
import type { GraphSource, LoadResult } from '../server/graph/load/types.ts';
import { runRetried, type GraphQuery } from '../server/graph/runner.ts';
import { applySchema } from '../server/graph/schema.ts';
import { syntheticSource, SIZES, type SizeName } from './synthetic.ts';

/**
 * `npm run bench:load`: loads the synthetic graphs into a Neo4j of its own and compares the loader
 * with the most direct write path (batched UNWIND ... CREATE, no checks, no generations). Writes
 * bench/results/load.json and prints a Markdown table for docs/benchmarks.md.
 */

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results', 'load.json');

const USAGE = `usage: npm run bench:load -- [--size ${Object.keys(SIZES).join('|')}] [--heap SIZE] [--pagecache SIZE] [--port N] [--uri URI] [--out FILE]

  --size       the largest synthetic graph, in relationships (default 1m); the smaller ones run first
  --heap, --pagecache, --port   the Neo4j started for the run (default 2g, 1g, 27787)
  --uri        use a running Neo4j instead (its other data is left as it was; NEO4J_PASSWORD, NEO4J_DATABASE apply)
  --out        where the results go (default bench/results/load.json)`;

const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** The most direct path: the same rows, batched UNWIND ... CREATE one after the other, nothing else. */
async function rawLoad(driver: Driver, database: string, graph: string, source: GraphSource, nodeBatch: number, relBatch: number): Promise<number> {
  const run = (query: GraphQuery<number>) => runRetried(driver, query, database);
  const flushAll = async <K extends string>(items: Iterable<{ key: K; row: Row }>, size: number, make: (key: K, rows: Row[]) => GraphQuery<number>) => {
    const buffers = new Map<K, Row[]>();
    for (const { key, row } of items) {
      let buffer = buffers.get(key);
      if (!buffer) buffers.set(key, (buffer = []));
      buffer.push(row);
      if (buffer.length >= size) {
        buffers.set(key, []);
        await run(make(key, buffer));
      }
    }
    for (const [key, buffer] of buffers) if (buffer.length) await run(make(key, buffer));
  };
  const started = performance.now();
  await flushAll(map(source.articles(), (a) => ({ key: 'Article' as const, row: articleRow(a) })), nodeBatch, (_k, rows) => createArticles(graph, rows));
  await flushAll(map(source.nodes(), (n) => ({ key: n.type, row: nodeRow(n) })), nodeBatch, (label, rows) => createEntities(label, graph, rows));
  await flushAll(map(source.relationships(), (r) => ({ key: r.type, row: relationshipRow(r) })), relBatch, (type, rows) => createRelationships(type, graph, rows));
  return performance.now() - started;
}

function* map<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

interface Run {
  size: string;
  path: 'loader' | 'loader (reload)' | 'raw UNWIND';
  relationships: number;
  nodes: number;
  seconds: number;
  relationshipsPerSecond: number;
}

async function loaderRun(driver: Driver, database: string, dataset: string, size: SizeName, label: Run['path']): Promise<{ run: Run; result: LoadResult }> {
  const source = syntheticSource(SIZES[size]);
  const bar = progressBar();
  const started = performance.now();
  const result = await loadGraph(driver, database, dataset, source, { onProgress: (p) => bar?.update(p) });
  const seconds = (performance.now() - started) / 1000;
  bar?.done();
  const relationships = Object.values(result.counts.relationships).reduce((a, b) => a + b, 0);
  const nodes = Object.values(result.counts.nodes).reduce((a, b) => a + b, 0) + result.counts.articles;
  return { run: { size, path: label, relationships, nodes, seconds: round(seconds), relationshipsPerSecond: Math.round(relationships / seconds) }, result };
}

const round = (n: number) => Math.round(n * 100) / 100;

export async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, USAGE, {
    options: {
      size: { type: 'string', default: '1m' },
      heap: { type: 'string', default: '2g' },
      pagecache: { type: 'string', default: '1g' },
      port: { type: 'string', default: '27787' },
      uri: { type: 'string' },
      out: { type: 'string', default: RESULTS },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const args = parsed.values;
  const size = args.size as SizeName;
  if (!(size in SIZES)) return usageError(`--size must be one of ${Object.keys(SIZES).join(', ')}`, USAGE);

  let peakRss = 0;
  const sampleRss = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const sampler = setInterval(sampleRss, 50);
  // Other work on the machine skews every figure here: the load average goes into the results.
  const loadAverages: number[] = [];
  const loadSampler = setInterval(() => loadAverages.push(loadavg()[0] ?? 0), 5_000);
  let dataDir: string | undefined;
  let stop = async () => {};
  let uri = args.uri;
  let password = process.env.NEO4J_PASSWORD ?? '';
  if (!uri) {
    dataDir = mkdtempSync(join(tmpdir(), 'cooperation-graph-bench-'));
    console.log(`starting Neo4j (heap ${args.heap}, page cache ${args.pagecache}) in a temporary folder...`);
    const neo4j = await launchNeo4j({ dataDir, port: Number(args.port), heap: args.heap, pageCache: args.pagecache, log: console.log });
    uri = neo4j.uri;
    password = neo4j.password;
    stop = () => neo4j.stop();
  }
  const driver = createDriver(uri, 'neo4j', password);
  const database = process.env.NEO4J_DATABASE ?? 'neo4j';
  const runs: Run[] = [];
  try {
    await applySchema(driver, database);
    console.log('warming up with 10k...');
    await loadGraph(driver, database, 'bench-warmup', syntheticSource(SIZES['10k']));
    await clearDataset(driver, database, 'bench-warmup');

    for (const small of ['10k', '100k'] as const) {
      if (SIZES[small] >= SIZES[size]) continue;
      const { run } = await loaderRun(driver, database, `bench-${small}`, small, 'loader');
      runs.push(run);
      const reload = await loaderRun(driver, database, `bench-${small}`, small, 'loader (reload)');
      runs.push(reload.run);
      await clearDataset(driver, database, `bench-${small}`);
      console.log(JSON.stringify(run), JSON.stringify(reload.run));
    }

    console.log(`loader, ${size}...`);
    const { run: loader, result } = await loaderRun(driver, database, `bench-${size}`, size, 'loader');
    runs.push(loader);
    console.log(JSON.stringify(loader));
    await clearDataset(driver, database, `bench-${size}`);

    console.log(`raw UNWIND ... CREATE, ${size}...`);
    const rawGraph = `bench-raw@${Date.now()}`;
    const rawMs = await rawLoad(driver, database, rawGraph, syntheticSource(SIZES[size]), 5_000, 10_000);
    const raw: Run = { ...loader, path: 'raw UNWIND', seconds: round(rawMs / 1000), relationshipsPerSecond: Math.round((loader.relationships * 1000) / rawMs) };
    runs.push(raw);
    console.log(JSON.stringify(raw));
    await deleteGeneration(driver, database, rawGraph);

    sampleRss();
    const report = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.version, neo4jHeap: args.heap, neo4jPageCache: args.pagecache },
      /** 1-minute load average sampled every 5 s during the run: above the CPU count, other processes competed. */
      loadAverage: { mean: round(loadAverages.reduce((a, b) => a + b, 0) / Math.max(1, loadAverages.length)), max: round(Math.max(0, ...loadAverages)) },
      size,
      batchSizes: { nodes: 5_000, relationships: 10_000 },
      runs,
      loaderVsRaw: round(loader.seconds / raw.seconds),
      nodePeakRssMiB: mib(Math.max(peakRss, process.resourceUsage().maxRSS * 1024)),
      counts: result.counts,
      targets: { relationshipsPerSecond: 50_000, loaderVsRawAtMost: 1.5, nodePeakRssMiBBelow: 1024 },
    };
    mkdirSync(dirname(args.out), { recursive: true });
    writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nwrote ${args.out}\n`);
    console.log('| size | path | relationships | nodes + articles | seconds | relationships/s |');
    console.log('| --- | --- | ---: | ---: | ---: | ---: |');
    for (const r of runs) console.log(`| ${r.size} | ${r.path} | ${r.relationships.toLocaleString('en')} | ${r.nodes.toLocaleString('en')} | ${r.seconds} | ${r.relationshipsPerSecond.toLocaleString('en')} |`);
    console.log(`\nloader / raw: ${report.loaderVsRaw}x; Node peak RSS: ${report.nodePeakRssMiB} MiB; load average ${report.loadAverage.mean} (max ${report.loadAverage.max}) on ${report.machine.cpus} CPUs`);
    return EXIT.ok;
  } finally {
    clearInterval(sampler);
    clearInterval(loadSampler);
    await driver.close();
    await stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

runIfMain(import.meta.url, main);

