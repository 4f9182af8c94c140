import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { launchNeo4j, type LaunchedNeo4j } from '../db/launcher.ts';
import { createDriver } from '../db/neo4j.ts';
import { compileCorpus } from '../extract/compile.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { loadGraph } from '../server/graph/load.ts';
import { applySchema } from '../server/graph/schema.ts';

/**
 * `npm run bench:soak`: the API over the curated graph under a steady mix of read routes from
 * autocannon (60 s at 100 connections by default). The API runs in a process of its own so its
 * memory is measured alone: after a warm-up, and after the soak, each after a full GC. Writes
 * bench/results/soak.json. The rate limit is off in the API process (RATE_LIMIT_MAX=0): the soak
 * measures the server, not the limiter.
 */

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

interface Memory {
  rssMb: number;
  heapUsedMb: number;
}
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** In the API process: listen, then answer the parent's memory questions (after a full GC). */
async function serve(uri: string, dataset: string): Promise<void> {
  const config = loadConfig({ ...process.env, NEO4J_URI: uri, GRAPH_DATASET: dataset, LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '0' });
  const app = await buildApp({ config, driver: createDriver(uri, config.NEO4J_USER, config.NEO4J_PASSWORD) });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  process.on('message', (message: string) => {
    if (message === 'memory') {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      const usage = process.memoryUsage();
      process.send?.({ memory: { rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed) } satisfies Memory });
    } else if (message === 'stop') void app.close().then(() => process.exit(0));
  });
  process.send?.({ address });
}

function ask(child: ChildProcess): Promise<Memory> {
  return new Promise((resolve) => {
    const onMessage = (message: { memory?: Memory }) => {
      if (!message.memory) return;
      child.off('message', onMessage);
      resolve(message.memory);
    };
    child.on('message', onMessage);
    child.send('memory');
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
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
  let child: ChildProcess | undefined;
  try {
    const driver = createDriver(uri, process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? '');
    await applySchema(driver, database);
    await loadGraph(driver, database, values.dataset, await compileCorpus());
    await driver.close();

    child = fork(fileURLToPath(import.meta.url), ['serve', uri, values.dataset], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: 'inherit' });
    const address = await new Promise<string>((resolve, reject) => {
      child!.on('message', (message: { address?: string }) => message.address && resolve(message.address));
      child!.once('exit', (code) => reject(new Error(`the API exited (${code})`)));
    });

    console.log(`warm-up: ${values.warmup} s at ${values.connections} connections`);
    const warmup = await soak(address, Number(values.warmup), Number(values.connections));
    const before = await ask(child);
    console.log(`soak: ${values.duration} s at ${values.connections} connections over ${SOAK_PATHS.length} routes`);
    const result = await soak(address, Number(values.duration), Number(values.connections));
    const after = await ask(child);
    const report = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.version },
      routes: SOAK_PATHS,
      warmup: { requests: warmup.requests, errors: warmup.errors, '5xx': warmup.status['5xx'] },
      ...result,
      memory: {
        afterWarmup: before,
        afterSoak: after,
        growth: { rssMb: mb((after.rssMb - before.rssMb) * 2 ** 20), heapUsedMb: mb((after.heapUsedMb - before.heapUsedMb) * 2 ** 20) },
      },
    };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(JSON.stringify(report, null, 2));
    const failed = result.errors + result.timeouts + result.status['5xx'] + result.status.non2xx;
    if (failed > 0) process.exitCode = 1;
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.send('stop');
      await exited;
    }
    await neo4j?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [command, uri, dataset] = process.argv.slice(2);
  if (command === 'serve' && uri && dataset) await serve(uri, dataset);
  else await main();
}
