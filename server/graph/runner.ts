import type { Driver, Record as Neo4jRecord } from 'neo4j-driver';

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

export interface RunnerOptions {
  database: string;
  /** A query that runs longer is stopped by Neo4j. */
  timeoutMs: number;
}

/** Runs graph queries with the routing, database and timeout every query must carry. */
export class GraphRunner {
  constructor(
    readonly driver: Driver,
    readonly options: RunnerOptions,
  ) {}

  async run<T>(query: GraphQuery<T>): Promise<T> {
    const { records } = await this.driver.executeQuery(query.cypher, query.params, {
      database: this.options.database,
      routing: query.routing,
      transactionConfig: { timeout: this.options.timeoutMs },
    });
    return query.transform(records);
  }
}
