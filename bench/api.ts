import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchNeo4j } from '../db/launcher.ts';
import { createDriver } from '../db/neo4j.ts';
import { EXIT, parseCommandLine, runIfMain, usageError } from '../extract/command-line.ts';
import { activeGeneration } from '../server/graph/generations.ts';
import { loadGraph } from '../server/graph/load/load-graph.ts';
import { runGraphQuery } from '../server/graph/runner.ts';
import { applySchema } from '../server/graph/schema.ts';
import { loadAverage } from './api/measure.ts';
import { startApi, type ApiProcess } from './api/process.ts';
import { measureScenario, type Measurement } from './api/rounds.ts';
import { BENCH_GRAPH_SIZE, scenarios, type Run } from './api/scenarios.ts';
import { syntheticSource } from './synthetic.ts';

/**
 * `npm run bench:api`: the read API on the 100k-relationship synthetic graph, against the same
 * queries run straight through neo4j-driver at the same concurrency. The API runs twice, each in a
 * process of its own (api/server.ts): as configured by default (its response cache on: the inputs of
 * a scenario repeat, so after the warm-up they are hits) and with the cache off (every request
 * reaches Neo4j); the uncached API and the driver alternate in `--rounds` rounds, and the overhead
 * is, per figure, the median of the rounds' ratios. Writes bench/results/api.json (`--only` writes
 * api.partial.json instead).
 */

const USAGE = `usage: npm run bench:api -- [--uri URI] [--port N] [--heap SIZE] [--pagecache SIZE] [--duration SECONDS]
                         [--rounds N] [--dataset NAME] [--only NAME,...]

  --uri        use a running Neo4j instead of starting one (NEO4J_PASSWORD, NEO4J_DATABASE apply)
  --port, --heap, --pagecache   the Neo4j started for the run (default 27687, 1g, 512m)
  --duration   seconds of each measurement (default 8)
  --rounds     rounds of the uncached API and the driver, measured alternately (default 3)
  --dataset    where the synthetic graph is loaded, once (default bench-api-100k)
  --only       run only the scenarios whose names start so (search, neighbors, meetings, paths, export)`;

const DATABASE = process.env.NEO4J_DATABASE ?? 'neo4j';
let PASSWORD = process.env.NEO4J_PASSWORD ?? '';

export async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, USAGE, {
    options: {
      uri: { type: 'string' },
      port: { type: 'string', default: '27687' },
      heap: { type: 'string', default: '1g' },
      pagecache: { type: 'string', default: '512m' },
      duration: { type: 'string', default: '8' },
      rounds: { type: 'string', default: '3' },
      dataset: { type: 'string', default: 'bench-api-100k' },
      only: { type: 'string' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const args = parsed.values;
  const seconds = Number(args.duration);
  const roundCount = Number(args.rounds);
  if (!(seconds > 0)) return usageError(`--duration ${args.duration}: must be a number of seconds above 0`, USAGE);
  if (!Number.isInteger(roundCount) || roundCount < 1) return usageError(`--rounds ${args.rounds}: must be a whole number of at least 1`, USAGE);
  const chosen = args.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const selected = scenarios(args.dataset).filter((s) => !chosen || chosen.some((c) => s.name.startsWith(c)));
  if (selected.length === 0) return usageError(`--only ${args.only}: no scenario by that name (search, neighbors, meetings, paths, export)`, USAGE);

  let uri = args.uri;
  let stop = async () => {};
  let neo4jPid: number | undefined;
  let dataDir: string | undefined;
  if (!uri) {
    dataDir = mkdtempSync(join(tmpdir(), 'cooperation-graph-bench-api-'));
    console.log(`starting Neo4j (heap ${args.heap}, page cache ${args.pagecache})...`);
    const neo4j = await launchNeo4j({ dataDir, port: Number(args.port), heap: args.heap, pageCache: args.pagecache, log: () => {} });
    uri = neo4j.uri;
    // The API processes inherit it from the environment.
    PASSWORD = process.env.NEO4J_PASSWORD = neo4j.password;
    neo4jPid = neo4j.pid;
    stop = () => neo4j.stop();
  }
  const driver = createDriver(uri, 'neo4j', PASSWORD);
  // The API's own way of running a query (a session, one auto-commit transaction), without HTTP.
  const direct: Run = (query) => runGraphQuery(driver, query, { database: DATABASE, timeoutMs: 5000 });
  let api: ApiProcess | undefined;
  let cold: ApiProcess | undefined;
  try {
    await applySchema(driver, DATABASE);
    if (!(await activeGeneration(driver, DATABASE, args.dataset))) {
      console.log('loading the 100k-relationship synthetic graph...');
      await loadGraph(driver, DATABASE, args.dataset, syntheticSource(BENCH_GRAPH_SIZE), { diff: false });
    }
    // As configured by default (the response cache on), and with every request reaching Neo4j.
    api = await startApi(uri, args.dataset);
    cold = await startApi(uri, args.dataset, { RESPONSE_CACHE_MB: '0' });
    const loadAtStart = loadAverage();
    console.log(`load average ${loadAtStart} on ${cpus().length} cores`);
    const results: Measurement[] = [];
    for (const scenario of selected) {
      const row = await measureScenario(scenario, { api, cold, direct, neo4jPid, seconds, rounds: roundCount });
      console.log(JSON.stringify(row));
      results.push(row);
    }
    mkdirSync('bench/results', { recursive: true });
    // A partial run must not replace the full figures the docs quote.
    const out = chosen ? 'bench/results/api.partial.json' : 'bench/results/api.json';
    const report = {
      date: new Date().toISOString(),
      graph: { dataset: 'synthetic', relationships: BENCH_GRAPH_SIZE },
      durationSeconds: seconds,
      rounds: roundCount,
      machine: { cpus: cpus().length, node: process.version, neo4jHeap: args.heap, neo4jPageCache: args.pagecache, loadAverageAtStart: loadAtStart },
      targets: { p99AtTenConnectionsMs: 25, overhead: 1.3 },
      results,
    };
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`wrote ${out}`);
    return EXIT.ok;
  } finally {
    await Promise.all([api?.stop(), cold?.stop()]);
    await driver.close();
    await stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

runIfMain(import.meta.url, main);
