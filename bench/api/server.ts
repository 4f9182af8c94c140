import { createDriver } from '../../db/neo4j.ts';
import { EXIT, parseCommandLine, runIfMain, usageError } from '../../extract/command-line.ts';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';

/**
 * The API in a process of its own, so the benchmarks measure its CPU and memory alone; started by
 * process.ts over IPC. It says `{address}` once listening, answers `memory` with its memory after a
 * full GC, and closes on `stop`. The rate limit is off: every benchmark connection comes from one
 * address, and the limiter is not what is measured.
 */

export interface Memory {
  rssMb: number;
  heapUsedMb: number;
}

export type ServerMessage = { address: string } | { memory: Memory };

const USAGE = 'usage: node --import tsx --expose-gc bench/api/server.ts <bolt-uri> <dataset>   (forked by bench/api/process.ts)';

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const send = (message: ServerMessage) => process.send?.(message);

export async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, USAGE, { allowPositionals: true, options: {} });
  if (typeof parsed === 'number') return parsed;
  const [uri, dataset] = parsed.positionals;
  if (!uri || !dataset || !process.send) return usageError('expected a Bolt URI and a dataset, in a forked process', USAGE);
  const config = loadConfig({ ...process.env, NEO4J_URI: uri, GRAPH_DATASET: dataset, LOG_LEVEL: 'warn', PORT: '0', RATE_LIMIT_MAX: '0' });
  const app = await buildApp({ config, driver: createDriver(uri, config.NEO4J_USER, config.NEO4J_PASSWORD) });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  process.on('message', (message: string) => {
    if (message === 'memory') {
      (globalThis as { gc?: () => void }).gc?.();
      const usage = process.memoryUsage();
      send({ memory: { rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed) } });
    } else if (message === 'stop') void app.close().then(() => process.exit(0));
  });
  send({ address });
  return EXIT.ok;
}

runIfMain(import.meta.url, main);
