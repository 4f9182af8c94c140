import type { Driver, Record as Neo4jRecord, Result } from 'neo4j-driver';

/**
 * One query of the graph layer: its Cypher text (never built from input), its parameters,
 * whether it reads or writes, and how its records become the answer.
 */
export interface GraphQuery<T> {
  cypher: string;
  params: Record<string, unknown>;
  routing: 'READ' | 'WRITE';
  transform: (records: Neo4jRecord[]) => T;
}

export interface RunOptions {
  database: string;
  /** A query that runs longer is stopped by Neo4j. */
  timeoutMs: number;
}

/**
 * Runs a query as an auto-commit transaction in a session of its own, without the driver's retries:
 * while Neo4j is away a request fails at once (and its client retries) instead of hanging for the
 * driver's 30 s retry window; the pool reconnects by itself when Neo4j is back.
 *
 * The driver captures a stack trace for every query (so its errors point at the caller), and with
 * source maps on, as under tsx, formatting it cost 8 % of a search request's CPU. It is skipped, and a
 * failed query's error gets the stack of its callers here instead: the cost moves to failures only.
 */
export async function runGraphQuery<T>(driver: Driver, query: GraphQuery<T>, { database, timeoutMs }: RunOptions): Promise<T> {
  const session = driver.session({ database, defaultAccessMode: query.routing });
  try {
    const limit = Error.stackTraceLimit;
    let pending: Result;
    Error.stackTraceLimit = 0;
    try {
      pending = session.run(query.cypher, query.params, { timeout: timeoutMs });
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
