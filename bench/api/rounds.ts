import { apiLoad, directLoad, loadAverage, median, medianMeasure, medianRun, round2, settle, withCpu, type CpuShare, type Measure } from './measure.ts';
import type { ApiProcess } from './process.ts';
import type { Run, Scenario } from './scenarios.ts';

/** One scenario measured: warm-up, the cached API once, then the uncached API and the driver in alternate rounds. */

interface Round {
  cold10: Measure;
  direct10: Measure;
  cold50: [Measure, CpuShare];
  direct50: [Measure, CpuShare];
}

export interface Setting {
  /** The API as configured by default (its response cache on). */
  api: ApiProcess;
  /** The API with the cache off: every request reaches Neo4j. */
  cold: ApiProcess;
  /** The same queries straight through the driver. */
  direct: Run;
  neo4jPid: number | undefined;
  seconds: number;
  rounds: number;
}

/** A scenario's row in the results: each way's figures, and the API's overhead over the driver. */
export type Measurement = Awaited<ReturnType<typeof measureScenario>>;

export async function measureScenario(scenario: Scenario, { api, cold, direct, neo4jPid, seconds, rounds: roundCount }: Setting) {
  const loadBefore = loadAverage();
  // Warm every path: query plans, the page cache, the JIT (and the cache of the first API, so that
  // its measurements are of hits only). Each path is asked once first, then two seconds of load.
  for (const server of [api, cold]) {
    for (const path of scenario.paths) await fetch(server.url + path).then((r) => r.arrayBuffer());
  }
  await apiLoad(api.url, scenario, 10, 2);
  await settle([api.pid, neo4jPid]);
  await apiLoad(cold.url, scenario, 10, 2);
  await settle([cold.pid, neo4jPid]);
  await directLoad(direct, scenario, 10, 2);
  const measureApi = async (server: ApiProcess, connections: number) => {
    const measured = await withCpu({ server: server.pid, neo4j: neo4jPid }, () => apiLoad(server.url, scenario, connections, seconds));
    await settle([server.pid, neo4jPid]);
    return measured;
  };
  const measureDirect = (connections: number) => withCpu({ neo4j: neo4jPid }, () => directLoad(direct, scenario, connections, seconds));
  const [api10] = await measureApi(api, 10);
  const api50 = await measureApi(api, 50);
  // The uncached API and the driver in alternate rounds, each ratio from one round's neighbouring
  // measurements: other work on a shared machine comes and goes within minutes.
  const rounds: Round[] = [];
  for (let r = 0; r < roundCount; r++) {
    const apiFirst = r % 2 === 0;
    const pair = async <T>(a: () => Promise<T>, b: () => Promise<T>) => (apiFirst ? [await a(), await b()] : [await b(), await a()].reverse()) as [T, T];
    const [cold10, direct10] = await pair(async () => (await measureApi(cold, 10))[0], async () => (await measureDirect(10))[0]);
    const [cold50, direct50] = await pair(() => measureApi(cold, 50), () => measureDirect(50));
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
  return {
    scenario: scenario.name,
    loadAverage: { before: loadBefore, after: loadAverage() },
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
}
