import type { Driver, ManagedTransaction, Record as Neo4jRecord, Result, Session } from 'neo4j-driver';

/**
 * One statement of the graph layer, a read or a write: its Cypher text (never built from input), its
 * parameters, whether it reads or writes, and how its records become the answer.
 */
export interface GraphQuery<T> {
  cypher: string;
  params: Record<string, unknown>;
  routing: 'READ' | 'WRITE';
  transform: (records: Neo4jRecord[]) => T;
}

export interface RunOptions {
  database: string;
  /** A query that runs longer is stopped by Neo4j; none when unset. */
  timeoutMs?: number;
}

/**
 * A session in the driver's causal chain. Every session the graph layer opens shares the driver's
 * bookmark manager (the one `driver.executeQuery` uses too): a transaction starts after every one
 * this process committed through the driver. In a cluster, a read routed to a follower therefore
 * sees a load's flip once the load has returned; a single server is always that far, and never waits.
 */
export function openSession(driver: Driver, database: string, routing: GraphQuery<unknown>['routing']): Session {
  return driver.session({ database, defaultAccessMode: routing, bookmarkManager: driver.executeQueryBookmarkManager });
}

/**
 * Runs a query as an auto-commit transaction in a session of its own, without the driver's retries:
 * while Neo4j is away a request fails at once (and its client retries) instead of hanging through the
 * driver's retry window; the pool reconnects by itself when Neo4j is back. Statements that commit as
 * they go (`CALL ... IN TRANSACTIONS`) need this way too.
 *
 * The driver captures a stack trace for every query, which is costly under source maps (as under
 * tsx); it is skipped, and a failed query's error gets the stack of its callers here instead.
 */
export async function runGraphQuery<T>(driver: Driver, query: GraphQuery<T>, { database, timeoutMs }: RunOptions): Promise<T> {
  const session = openSession(driver, database, query.routing);
  try {
    const limit = Error.stackTraceLimit;
    let pending: Result;
    Error.stackTraceLimit = 0;
    try {
      pending = session.run(query.cypher, query.params, timeoutMs === undefined ? undefined : { timeout: timeoutMs });
    } finally {
      Error.stackTraceLimit = limit;
    }
    let records;
    try {
      ({ records } = await pending);
    } catch (error) {
      if (error instanceof Error) Error.captureStackTrace(error);
      throw error;
    }
    return query.transform(records);
  } finally {
    await session.close().catch(() => {});
  }
}

/** Queries run inside one transaction: they commit together or not at all. */
export interface GraphTransaction {
  run<T>(query: GraphQuery<T>): Promise<T>;
}

/**
 * Runs `work` in one managed transaction, which the driver retries on transient failures (so `work`
 * may run more than once): for several statements that belong together, and for the loader's single
 * statements, which should ride out a brief failover rather than fail the load.
 */
export async function runInTransaction<T>(
  driver: Driver,
  { database, routing }: { database: string; routing: GraphQuery<unknown>['routing'] },
  work: (tx: GraphTransaction) => Promise<T>,
): Promise<T> {
  const session = openSession(driver, database, routing);
  const unit = async (tx: ManagedTransaction) =>
    work({
      async run(query) {
        const { records } = await tx.run(query.cypher, query.params);
        return query.transform(records);
      },
    });
  try {
    return routing === 'READ' ? await session.executeRead(unit) : await session.executeWrite(unit);
  } finally {
    await session.close();
  }
}

/** One query in a transaction of its own, retried like runInTransaction's. */
export function runRetried<T>(driver: Driver, query: GraphQuery<T>, database: string): Promise<T> {
  return runInTransaction(driver, { database, routing: query.routing }, (tx) => tx.run(query));
}

/** The transform of a statement whose records say nothing. */
export const noAnswer = (): void => undefined;
