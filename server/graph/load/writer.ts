import { runInTransaction, type GraphQuery } from '../runner.ts';
import { LoadError, message } from './errors.ts';
import type { Row } from './rows.ts';
import type { BatchInfo, LoadOptions, LoadTarget } from './types.ts';

/** Writing a generation in batches, one write transaction each, with one batch in flight. */

export interface Writer {
  /** Queues a batch; answers once the previous batch has committed (its failure fails this call). */
  submit(phase: BatchInfo['phase'], key: string, statement: GraphQuery<number>, rows: number): Promise<void>;
  /** Waits for the batch in flight; throws the first failure. */
  drain(): Promise<void>;
  created: { nodes: Map<string, number>; relationships: Map<string, number>; articles: number };
  batches: number;
}

/** A batch's statement and the test hook, in one transaction; answers how many elements it created. */
function writeBatch(target: LoadTarget, statement: GraphQuery<number>, info: BatchInfo, options: LoadOptions): Promise<number> {
  return runInTransaction(target.driver, { database: target.database, routing: 'WRITE' }, async (tx) => {
    const created = await tx.run(statement);
    await options.onBatch?.(info, tx);
    return created;
  });
}

export function createWriter(target: LoadTarget, totalBatches: number, options: LoadOptions, beat: () => Promise<void>): Writer {
  let inFlight: Promise<void> | undefined;
  let failure: unknown;
  const created = { nodes: new Map<string, number>(), relationships: new Map<string, number>(), articles: 0 };
  const writer: Writer = {
    created,
    batches: 0,
    async submit(phase, key, statement, rows) {
      // One batch in flight: the next one is built while Neo4j commits the previous.
      await writer.drain();
      await beat();
      writer.batches += 1;
      const info: BatchInfo = { phase, key, index: writer.batches, total: totalBatches, rows };
      inFlight = writeBatch(target, statement, info, options).then(
        (count) => {
          if (count !== rows) throw new LoadError(`${phase} batch ${info.index} (${key}) wrote ${count} of ${rows} rows`);
          if (phase === 'articles') created.articles += count;
          else {
            const map = phase === 'nodes' ? created.nodes : created.relationships;
            map.set(key, (map.get(key) ?? 0) + count);
          }
        },
      ).catch((error: unknown) => {
        failure ??= new LoadError(`${phase} batch ${info.index} of ${info.total} (${key}) failed: ${message(error)}`, { cause: error });
      });
    },
    async drain() {
      if (inFlight) await inFlight;
      inFlight = undefined;
      if (failure) throw failure;
    },
  };
  return writer;
}

/** Writes every item of one phase, grouped by label or type into batches of `batchSize` rows. */
export async function writePhase<T, K extends string>(
  writer: Writer,
  phase: BatchInfo['phase'],
  items: Iterable<T>,
  keyOf: (item: T) => K,
  rowOf: (item: T) => Row,
  statementOf: (key: K, rows: Row[]) => GraphQuery<number>,
  batchSize: number,
  progress: (rows: number) => void,
): Promise<void> {
  const buffers = new Map<K, Row[]>();
  for (const item of items) {
    const key = keyOf(item);
    let buffer = buffers.get(key);
    if (!buffer) buffers.set(key, (buffer = []));
    buffer.push(rowOf(item));
    if (buffer.length >= batchSize) {
      buffers.set(key, []);
      await writer.submit(phase, key, statementOf(key, buffer), buffer.length);
      progress(buffer.length);
    }
  }
  for (const [key, buffer] of buffers) {
    if (buffer.length === 0) continue;
    await writer.submit(phase, key, statementOf(key, buffer), buffer.length);
    progress(buffer.length);
  }
}
