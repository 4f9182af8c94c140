import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { launchNeo4j, type LaunchedNeo4j } from '../db/launcher.ts';
import { createDriver } from '../db/neo4j.ts';
import { EXIT, parseCommandLine, runIfMain } from '../extract/command-line.ts';
import { compileCorpus } from '../extract/compile.ts';
import { loadGraph } from '../server/graph/load/load-graph.ts';
import { applySchema } from '../server/graph/schema.ts';
import { startApi, type ApiProcess } from './api/process.ts';

/**
 * `npm run bench:soak`: the API over the curated graph under a steady mix of read routes from
 * autocannon (60 s at 100 connections by default). The API runs in a process of its own
 * (api/server.ts) so its memory is measured alone: after a warm-up, and after the soak, each after a
 * full GC. Writes bench/results/soak.json. The rate limit is off in the API process: the soak
 * measures the server, not the limiter.
 */

const USAGE = `usage: npm run bench:soak -- [--uri URI] [--port N] [--duration SECONDS] [--connections N] [--warmup SECONDS]
                          [--dataset NAME] [--out FILE]

  --uri        use a running Neo4j (or NEO4J_URI) instead of starting one
  --port       the first Bolt port of the Neo4j started for the run (default 27787)
  --duration, --connections, --warmup   the soak (default 60 s at 100 connections, after 5 s of warm-up)
  --dataset    where the curated graph is loaded (default bench-soak)
  --out        where the results go (default bench/results/soak.json); exit code 1 if any request failed`;

/** The routes a soak cycles through: every data route, the probes and an export; all answer 200. */
export const SOAK_PATHS = [
  '/api/v1/search?q=vu%20dai%20thang',
  '/api/v1/search?q=guangdong&types=Place,Organization&limit=20',
  '/api/v1/entities/vu-dai-thang',
  '/api/v1/entities/zhang-guozhi/neighbors?depth=2&limit=200',
  '/api/v1/meetings?person=Vu%20Dai%20Thang',
  '/api/v1/paths?from=vu-dai-thang&to=zhang-guozhi&maxHops=6',
  '/api/v1/events?from=2025&limit=100',
  '/api/v1/dossier?a=quang-ninh&b=guangxi',
  '/api/v1/sources?limit=50',
  '/api/v1/sources/guangdong-conference-9-vi',
  '/api/v1/stats',
  '/api/v1/ready',
  '/api/v1/health',
  '/api/v1/export?ids=vu-dai-thang&depth=1&format=json',
];

export interface SoakResult {
  durationSeconds: number;
  connections: number;
  requests: number;
  throughputPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  status: { '2xx': number; '3xx': number; '4xx': number; '5xx': number; non2xx: number };
}

interface AutocannonResult {
  latency: { p50: number; p99: number; max: number };
  requests: { average: number; total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  '3xx': number;
  '4xx': number;
  '5xx': number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** Runs autocannon against `url` over the soak's route mix. */
export async function soak(url: string, durationSeconds: number, connections: number): Promise<SoakResult> {
  const result = await autocannon({
    url,
    connections,
    duration: durationSeconds,
    timeout: 30,
    requests: SOAK_PATHS.map((path) => ({ method: 'GET', path })),
  });
  return {
    durationSeconds,
    connections,
    requests: result.requests.total,
    throughputPerSecond: Math.round(result.requests.total / durationSeconds),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors,
    timeouts: result.timeouts,
    status: { '2xx': result['2xx'], '3xx': result['3xx'], '4xx': result['4xx'], '5xx': result['5xx'], non2xx: result.non2xx },
  };
}

const tenths = (n: number) => Math.round(n * 10) / 10;

export async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, USAGE, {
    options: {
      uri: { type: 'string' },
      port: { type: 'string', default: '27787' },
      duration: { type: 'string', default: '60' },
      connections: { type: 'string', default: '100' },
      warmup: { type: 'string', default: '5' },
      dataset: { type: 'string', default: 'bench-soak' },
      out: { type: 'string', default: 'bench/results/soak.json' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const database = process.env.NEO4J_DATABASE ?? 'neo4j';
  let neo4j: LaunchedNeo4j | undefined;
  let dataDir: string | undefined;
  let uri = values.uri ?? process.env.NEO4J_URI;
  if (!uri) {
    dataDir = mkdtempSync(join(tmpdir(), 'cooperation-graph-soak-'));
    neo4j = await launchNeo4j({ dataDir, port: Number(values.port), heap: '1g', pageCache: '256m', log: console.log });
    uri = neo4j.uri;
    // The API process inherits it from the environment.
    process.env.NEO4J_PASSWORD = neo4j.password;
  }
  let api: ApiProcess | undefined;
  try {
    const driver = createDriver(uri, process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? '');
    await applySchema(driver, database);
    await loadGraph(driver, database, values.dataset, await compileCorpus());
    await driver.close();

    api = await startApi(uri, values.dataset);

    console.log(`warm-up: ${values.warmup} s at ${values.connections} connections`);
    const warmup = await soak(api.url, Number(values.warmup), Number(values.connections));
    const before = await api.memory();
    console.log(`soak: ${values.duration} s at ${values.connections} connections over ${SOAK_PATHS.length} routes`);
    const result = await soak(api.url, Number(values.duration), Number(values.connections));
    const after = await api.memory();
    const report = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.version },
      routes: SOAK_PATHS,
      warmup: { requests: warmup.requests, errors: warmup.errors, '5xx': warmup.status['5xx'] },
      ...result,
      memory: {
        afterWarmup: before,
        afterSoak: after,
        growth: { rssMb: tenths(after.rssMb - before.rssMb), heapUsedMb: tenths(after.heapUsedMb - before.heapUsedMb) },
      },
    };
    mkdirSync(dirname(values.out), { recursive: true });
    writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(JSON.stringify(report, null, 2));
    const failed = result.errors + result.timeouts + result.status['5xx'] + result.status.non2xx;
    return failed > 0 ? EXIT.failed : EXIT.ok;
  } finally {
    await api?.stop();
    await neo4j?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

runIfMain(import.meta.url, main);
