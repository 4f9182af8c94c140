import type { Driver } from 'neo4j-driver';
import type { EntityType } from '../../extract/schema/entity-types.ts';
import { ApiError } from '../errors.ts';
import type { SearchResult } from '../schemas/api.ts';
import { resolveEntity } from './queries/search.ts';
import { runGraphQuery, type GraphQuery } from './runner.ts';

/** The graph as its readers see it: the served dataset, its queries, and names resolved to entities. */
export interface GraphStore {
  readonly dataset: string;
  /** Runs a query of the graph layer under the query timeout. */
  run<T>(query: GraphQuery<T>): Promise<T>;
  /**
   * The entity a request parameter names, by id or by a name in any spelling or language:
   * 404 when nothing matches, 409 with the candidates when several do.
   */
  resolve(parameter: string, ref: string, types?: readonly EntityType[]): Promise<SearchResult>;
}

export interface GraphStoreOptions {
  driver: Driver;
  database: string;
  /** The dataset served. */
  dataset: string;
  /** A query that runs longer is stopped by Neo4j. */
  queryTimeoutMs: number;
}

/** The store over a driver, for the API's plugin and for command-line tools alike; the driver stays the caller's. */
export function openGraph({ driver, database, dataset, queryTimeoutMs }: GraphStoreOptions): GraphStore {
  const run = <T>(query: GraphQuery<T>): Promise<T> => runGraphQuery(driver, query, { database, timeoutMs: queryTimeoutMs });

  const resolve = async (parameter: string, ref: string, types: readonly EntityType[] = []): Promise<SearchResult> => {
    const { byId, named, partial, near } = await run(resolveEntity(dataset, ref, types));
    if (byId) return byId;
    // A full name or alias wins over names that merely contain the words.
    const matches = named.length ? named : partial;
    const [only] = matches;
    if (only && matches.length === 1) return only;
    const wanted = types.length ? types.join(' or ') : 'entity';
    if (matches.length > 1) {
      throw new ApiError('AMBIGUOUS_NAME', `${parameter}: ${JSON.stringify(ref)} fits ${matches.length} entities; pass one of their ids`, {
        parameter,
        candidates: matches,
      });
    }
    throw new ApiError('NOT_FOUND', `${parameter}: no ${wanted} with the id or name ${JSON.stringify(ref)}`, { parameter, suggestions: near });
  };

  return { dataset, run, resolve };
}
