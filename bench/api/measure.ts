import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Run, Scenario } from './scenarios.ts';

/** Load generators (autocannon against the API, closed loops against the driver) and what they measure. */

interface AutocannonResult {
  latency: { p50: number; p99: number; average: number };
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface Measure {
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  failures: number;
}

export interface CpuShare {
  /** Cores used on average during the measurement, per process (undefined where unknown). */
  server?: number;
  neo4j?: number;
  /** This process: autocannon, or the direct driver loop. */
  bench: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const round2 = (n: number) => Number(n.toFixed(2));

/** The one-minute load average: other work on the machine skews every figure, so it is kept with them. */
export const loadAverage = () => Number(loadavg()[0]!.toFixed(2));

/** Each figure the median of the rounds'; failures summed. */
export function medianMeasure(runs: Measure[]): Measure {
  return {
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    rps: median(runs.map((r) => r.rps)),
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    failures: runs.reduce((sum, r) => sum + r.failures, 0),
  };
}

/** The same, with the cores each process used averaged over the rounds. */
export function medianRun(runs: [Measure, CpuShare][]): [Measure, CpuShare] {
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
export async function directLoad(run: Run, scenario: Scenario, connections: number, seconds: number): Promise<Measure> {
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
export async function apiLoad(url: string, scenario: Scenario, connections: number, seconds: number): Promise<Measure> {
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
 * the API, waiting for them, looks idle), which would otherwise land on the next measurement.
 */
export async function settle(pids: (number | undefined)[]): Promise<void> {
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

/** Runs `measure` and says how many cores each process used meanwhile: which one was the bottleneck. */
export async function withCpu<T>(pids: { server?: number; neo4j?: number }, measure: () => Promise<T>): Promise<[T, CpuShare]> {
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
