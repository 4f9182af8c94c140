import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { launchNeo4j } from '../db/launcher.ts';
import { createDriver } from '../db/neo4j.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { activeGeneration, loadGraph } from '../server/graph/load.ts';
import { meetingsOf } from '../server/graph/queries/meetings.ts';
import { neighborsOf } from '../server/graph/queries/neighbors.ts';
import { shortestPaths } from '../server/graph/queries/paths.ts';
import { resolveEntity, searchEntities } from '../server/graph/queries/search.ts';
import { runGraphQuery, type GraphQuery } from '../server/graph/runner.ts';
import { applySchema } from '../server/graph/schema.ts';
import { LIMITS } from '../server/schemas/query.ts';
import { SIZES, syntheticSource } from './synthetic.ts';

/**
 * `npm run bench:api`: the read API on the 100k-relationship synthetic graph, against the same
 * queries run straight through neo4j-driver at the same concurrency. The API runs twice, each in a
 * process of its own: as configured by default (its response cache on: the 40 inputs of a scenario
 * repeat, so after the warm-up, which asks each once, they are hits) and with the cache off (every
 * request reaches Neo4j); the uncached API and the driver alternate in `--rounds` rounds, and the
 * overhead is, per figure, the median of the rounds' ratios. autocannon and the direct driver loop share this process. Writes bench/results/api.json
 * (`--only meetings,paths` runs those scenarios and writes api.partial.json instead).
 */

interface AutocannonResult {
  latency: { p50: number; p99: number; average: number };
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    uri: { type: 'string' },
    port: { type: 'string', default: '27687' },
    heap: { type: 'string', default: '1g' },
    pagecache: { type: 'string', default: '512m' },
    duration: { type: 'string', default: '8' },
    /** Rounds of the uncached API and the driver, measured alternately; each ratio is the median of the rounds'. */
    rounds: { type: 'string', default: '3' },
    dataset: { type: 'string', default: 'bench-api-100k' },
    /** Comma-separated scenario names (or the start of one) to run only those; all by default. */
    only: { type: 'string' },
  },
});

const DATABASE = process.env.NEO4J_DATABASE ?? 'neo4j';
let PASSWORD = process.env.NEO4J_PASSWORD ?? '';

/** `tsx bench/api.ts serve <uri> <dataset>`: the API alone, on a free port, for the parent to load. */
async function serve(uri: string, dataset: string): Promise<void> {
  // Every benchmark connection comes from one address: the per-address rate limit is off here (it is not what is measured).
  const config = loadConfig({ ...process.env, NEO4J_URI: uri, GRAPH_DATASET: dataset, LOG_LEVEL: 'warn', PORT: '0', RATE_LIMIT_MAX: '0' });
  const app = await buildApp({ config, driver: createDriver(uri, config.NEO4J_USER, PASSWORD) });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  console.log(`LISTENING ${address}`);
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

interface Scenario {
  name: string;
  /** API paths, cycled through by each connection. */
  paths: string[];
  /** The same work as the route does, straight through the driver: one call per path. */
  direct: ((run: <T>(q: GraphQuery<T>) => Promise<T>) => Promise<unknown>)[];
}

function scenarios(dataset: string): Scenario[] {
  const people: { id: string; name: string }[] = [];
  const hubs: string[] = [];
  for (const node of syntheticSource(SIZES['100k']).nodes()) {
    if (node.type !== 'Person') continue;
    const index = Number(node.id.replace(/\D+/g, ''));
    if (index < 5) hubs.push(node.id);
    if (index >= 20 && index % 37 === 0 && people.length < 40 && !node.unnamed) people.push({ id: node.id, name: node.name });
  }
  const ascii = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  const q = encodeURIComponent;
  const resolved = (run: <T>(x: GraphQuery<T>) => Promise<T>, id: string) => run(resolveEntity(dataset, id, ['Person']));
  const pairs = people.map((p, i) => [p.id, people[(i + 7) % people.length]!.id] as const);
  return [
    {
      name: 'search',
      paths: people.map((p) => `/api/v1/search?q=${q(ascii(p.name))}`),
      direct: people.map((p) => (run) => run(searchEntities(dataset, ascii(p.name), [], LIMITS.search.default))),
    },
    {
      name: 'neighbors depth 2',
      paths: people.map((p) => `/api/v1/entities/${p.id}/neighbors?depth=2`),
      direct: people.map((p) => (run) => run(neighborsOf(dataset, p.id, 2, {}, LIMITS.neighbors.default))),
    },
    {
      name: 'meetings',
      paths: people.map((p) => `/api/v1/meetings?person=${p.id}`),
      direct: people.map((p) => async (run) => {
        const who = await resolved(run, p.id);
        return run(meetingsOf(dataset, who.byId!.id, {}));
      }),
    },
    {
      name: 'paths',
      paths: pairs.map(([a, b]) => `/api/v1/paths?from=${a}&to=${b}`),
      direct: pairs.map(([a, b]) => async (run) => {
        await Promise.all([run(resolveEntity(dataset, a, [])), run(resolveEntity(dataset, b, []))]);
        return run(shortestPaths(dataset, a, b, LIMITS.maxHops.default, undefined));
      }),
    },
    {
      name: 'export ~500 nodes (neighbors depth 2, limit 500)',
      paths: hubs.map((id) => `/api/v1/entities/${id}/neighbors?depth=2&limit=500`),
      direct: hubs.map((id) => (run) => run(neighborsOf(dataset, id, 2, {}, 500))),
    },
  ];
}

interface Measure {
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  failures: number;
}

interface Round {
  cold10: Measure;
  direct10: Measure;
  cold50: [Measure, CpuShare];
  direct50: [Measure, CpuShare];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round2 = (n: number) => Number(n.toFixed(2));

/** Each figure the median of the rounds'; failures summed. */
function medianMeasure(runs: Measure[]): Measure {
  return {
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    rps: median(runs.map((r) => r.rps)),
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    failures: runs.reduce((sum, r) => sum + r.failures, 0),
  };
}

/** The same, with the cores each process used averaged over the rounds. */
function medianRun(runs: [Measure, CpuShare][]): [Measure, CpuShare] {
  const mean = (pick: (c: CpuShare) => number | undefined) => {
    const known = runs.map(([, c]) => pick(c)).filter((v): v is number => v !== undefined);
    return known.length ? round2(known.reduce((a, b) => a + b, 0) / known.length) : undefined;
  };
  return [medianMeasure(runs.map(([m]) => m)), { server: mean((c) => c.server), neo4j: mean((c) => c.neo4j), bench: mean((c) => c.bench) ?? 0 }];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** C concurrent closed loops for `seconds`, like autocannon's connections. */
async function directLoad(driver: Driver, scenario: Scenario, connections: number, seconds: number): Promise<Measure> {
  // The API's own way of running a query (a session, one auto-commit transaction), without HTTP.
  const run = <T>(query: GraphQuery<T>): Promise<T> => runGraphQuery(driver, query, { database: DATABASE, timeoutMs: 5000 });
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const started = performance.now();
        try {
          const answer = await scenario.direct[next++ % scenario.direct.length]!(run);
          JSON.stringify(answer);
        } catch {
          failures++;
        }
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), rps: latencies.length / seconds, requests: latencies.length, failures };
}

/**
 * Both loads take the inputs in turn from one counter shared by their connections, so they ask for the
 * same mix at any moment (autocannon's own list would have every connection walk it in step from the
 * start: ten identical requests at once, and a short run of a slow scenario reaching its first inputs only).
 */
async function apiLoad(url: string, scenario: Scenario, connections: number, seconds: number): Promise<Measure> {
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{ method: 'GET', setupRequest: (request: object) => ({ ...request, path: scenario.paths[next++ % scenario.paths.length] }) }],
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    requests: result.requests.total,
    failures: result.non2xx + result.errors,
  };
}

/** CPU time (ms) the process has used so far, from /proc; undefined where there is no /proc. */
function cpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * Waits until the API process and Neo4j are idle. autocannon stops at the end of its duration with
 * requests still in flight; the API keeps answering them and Neo4j keeps running their queries (while
 * the API, waiting for them, looks idle), which would otherwise land on the next measurement: the
 * first run's driver figures for the heavy scenarios carried that load.
 */
async function settle(pids: (number | undefined)[]): Promise<void> {
  const watched = pids.filter((pid): pid is number => pid !== undefined && cpuMs(pid) !== undefined);
  if (watched.length === 0) return void (await new Promise((r) => setTimeout(r, 3000)));
  const until = performance.now() + 20_000;
  let last = watched.map((pid) => cpuMs(pid) ?? 0);
  while (performance.now() < until) {
    await new Promise((r) => setTimeout(r, 250));
    const now = watched.map((pid) => cpuMs(pid) ?? 0);
    if (now.every((ms, i) => ms - last[i]! <= 20)) return;
    last = now;
  }
}

const load = () => Number(loadavg()[0]!.toFixed(2));

interface CpuShare {
  /** Cores used on average during the measurement, per process (undefined where unknown). */
  server?: number;
  neo4j?: number;
  /** This process: autocannon, or the direct driver loop. */
  bench: number;
}

/** Runs `measure` and says how many cores each process used meanwhile: which one was the bottleneck. */
async function withCpu<T>(pids: { server?: number; neo4j?: number }, measure: () => Promise<T>): Promise<[T, CpuShare]> {
  const read = () => ({ server: pids.server && cpuMs(pids.server), neo4j: pids.neo4j && cpuMs(pids.neo4j), bench: process.cpuUsage() });
  const before = read();
  const started = performance.now();
  const result = await measure();
  const wall = performance.now() - started;
  const after = read();
  const share = (a?: number, b?: number) => (a !== undefined && b !== undefined ? Number(((b - a) / wall).toFixed(2)) : undefined);
  const bench = process.cpuUsage(before.bench);
  return [result, { server: share(before.server, after.server), neo4j: share(before.neo4j, after.neo4j), bench: Number(((bench.user + bench.system) / 1000 / wall).toFixed(2)) }];
}

async function startApi(uri: string, dataset: string, env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/api.ts', 'serve', uri, dataset], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /LISTENING (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`the API process exited with ${code}`)));
  });
  return { url, child };
}

async function main(): Promise<void> {
  if (positionals[0] === 'serve') return serve(positionals[1]!, positionals[2]!);
  const seconds = Number(args.duration);
  const roundCount = Number(args.rounds);
  if (!(seconds > 0)) throw new Error(`--duration ${args.duration}: must be a number of seconds above 0`);
  if (!Number.isInteger(roundCount) || roundCount < 1) throw new Error(`--rounds ${args.rounds}: must be a whole number of at least 1`);
  const dataset = args.dataset!;
  let uri = args.uri;
  let stop = async () => {};
  let neo4jPid: number | undefined;
  let dataDir: string | undefined;
  if (!uri) {
    dataDir = mkdtempSync(join(tmpdir(), 'cooperation-graph-bench-api-'));
    console.log(`starting Neo4j (heap ${args.heap}, page cache ${args.pagecache})...`);
    const neo4j = await launchNeo4j({ dataDir, port: Number(args.port), heap: args.heap!, pageCache: args.pagecache!, log: () => {} });
    uri = neo4j.uri;
    // The API processes inherit it from the environment.
    PASSWORD = process.env.NEO4J_PASSWORD = neo4j.password;
    neo4jPid = neo4j.pid;
    stop = () => neo4j.stop();
  }
  const driver = createDriver(uri, 'neo4j', PASSWORD);
  let api: { url: string; child: ChildProcess } | undefined;
  let cold: { url: string; child: ChildProcess } | undefined;
  try {
    await applySchema(driver, DATABASE);
    if (!(await activeGeneration(driver, DATABASE, dataset))) {
      console.log('loading the 100k-relationship synthetic graph...');
      await loadGraph(driver, DATABASE, dataset, syntheticSource(SIZES['100k']), { diff: false });
    }
    // As configured by default (the response cache on), and with every request reaching Neo4j.
    api = await startApi(uri, dataset);
    cold = await startApi(uri, dataset, { RESPONSE_CACHE_MB: '0' });
    // Other work on the machine skews every figure: the one-minute load average is kept with them.
    const loadAtStart = load();
    console.log(`load average ${loadAtStart} on ${cpus().length} cores`);
    const results = [];
    const chosen = args.only?.split(',').map((s) => s.trim()).filter(Boolean);
    const selected = scenarios(dataset).filter((s) => !chosen || chosen.some((c) => s.name.startsWith(c)));
    if (selected.length === 0) throw new Error(`--only ${args.only}: no scenario by that name (search, neighbors, meetings, paths, export)`);
    for (const scenario of selected) {
      const loadBefore = load();
      // Warm every path: query plans, the page cache, the JIT (and the cache of the first API, so that
      // its measurements are of hits only). Each path is asked once first, then two seconds of load.
      for (const server of [api, cold]) {
        for (const path of scenario.paths) await fetch(server.url + path).then((r) => r.arrayBuffer());
      }
      await apiLoad(api.url, scenario, 10, 2);
      await settle([api.child.pid, neo4jPid]);
      await apiLoad(cold.url, scenario, 10, 2);
      await settle([cold.child.pid, neo4jPid]);
      await directLoad(driver, scenario, 10, 2);
      const measureApi = async (server: { url: string; child: ChildProcess }, connections: number) => {
        const measured = await withCpu({ server: server.child.pid, neo4j: neo4jPid }, () => apiLoad(server.url, scenario, connections, seconds));
        await settle([server.child.pid, neo4jPid]);
        return measured;
      };
      const measureDirect = (connections: number) => withCpu({ neo4j: neo4jPid }, () => directLoad(driver, scenario, connections, seconds));
      const [api10] = await measureApi(api, 10);
      const api50 = await measureApi(api, 50);
      // The uncached API and the driver in alternate rounds, each ratio from one round's neighbouring
      // measurements: other work on the shared machine comes and goes within minutes, and one
      // measurement of each, a minute apart, moved a ratio by 20 %.
      const rounds: Round[] = [];
      const uncached = cold;
      for (let r = 0; r < roundCount; r++) {
        const apiFirst = r % 2 === 0;
        const pair = async <T>(a: () => Promise<T>, b: () => Promise<T>) => (apiFirst ? [await a(), await b()] : [await b(), await a()].reverse()) as [T, T];
        const [cold10, direct10] = await pair(async () => (await measureApi(uncached, 10))[0], async () => (await measureDirect(10))[0]);
        const [cold50, direct50] = await pair(() => measureApi(uncached, 50), () => measureDirect(50));
        rounds.push({ cold10, direct10, cold50, direct50 });
      }
      const direct10 = medianMeasure(rounds.map((r) => r.direct10));
      const direct50 = medianRun(rounds.map((r) => r.direct50));
      const cold10 = medianMeasure(rounds.map((r) => r.cold10));
      const cold50 = medianRun(rounds.map((r) => r.cold50));
      // The CPU shares are those of the 50-connection runs, where throughput is measured.
      const shape = (c10: Measure, [c50, cpu]: [Measure, CpuShare]) => ({
        c10: { p50: c10.p50, p99: c10.p99, failures: c10.failures },
        c50: { rps: c50.rps, failures: c50.failures, cores: cpu },
      });
      const perRound = rounds.map((r) => ({
        p50: r.cold10.p50 / r.direct10.p50,
        p99: r.cold10.p99 / r.direct10.p99,
        throughput: r.direct50[0].rps / r.cold50[0].rps,
      }));
      const row = {
        scenario: scenario.name,
        loadAverage: { before: loadBefore, after: load() },
        api: shape(api10, api50),
        apiWithoutCache: shape(cold10, cold50),
        driver: shape(direct10, direct50),
        // Hits against the driver's medians: the cached API is measured once, before the rounds.
        overhead: { p50: api10.p50 / direct10.p50, p99: api10.p99 / direct10.p99, throughput: direct50[0].rps / api50[0].rps },
        // The median of the rounds' own ratios, and every round's, so the spread shows.
        overheadWithoutCache: {
          p50: median(perRound.map((r) => r.p50)),
          p99: median(perRound.map((r) => r.p99)),
          throughput: median(perRound.map((r) => r.throughput)),
          rounds: perRound.map((r) => ({ p50: round2(r.p50), p99: round2(r.p99), throughput: round2(r.throughput) })),
        },
      };
      console.log(JSON.stringify(row));
      results.push(row);
    }
    mkdirSync('bench/results', { recursive: true });
    // A partial run must not replace the full figures the docs quote.
    const out = chosen ? 'bench/results/api.partial.json' : 'bench/results/api.json';
    writeFileSync(
      out,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          graph: { dataset: 'synthetic', relationships: SIZES['100k'] },
          durationSeconds: seconds,
          rounds: roundCount,
          machine: { cpus: cpus().length, node: process.version, neo4jHeap: args.heap, neo4jPageCache: args.pagecache, loadAverageAtStart: loadAtStart },
          targets: { p99AtTenConnectionsMs: 25, overhead: 1.3 },
          results,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`wrote ${out}`);
  } finally {
    api?.child.kill('SIGTERM');
    cold?.child.kill('SIGTERM');
    await driver.close();
    await stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
