import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import type { EntityType } from '../../extract/schema/entity-types.ts';
import type { Config } from '../config.ts';
import { ApiError, fromDriverError } from '../errors.ts';
import { runGraphQuery, type GraphQuery } from '../graph/runner.ts';
import { resolveEntity } from '../graph/queries/search.ts';
import type { SearchResult } from '../schemas/api.ts';

/** What routes use to reach the graph: queries of the graph layer, run against the served dataset. */
export interface ApiGraph {
  readonly dataset: string;
  /** Runs a query; a driver failure becomes the catalogue's 503. */
  run<T>(query: GraphQuery<T>): Promise<T>;
  /**
   * The entity a request parameter names, by id or by a name in any spelling or language:
   * 404 when nothing matches, 409 with the candidates when several do.
   */
  resolve(parameter: string, ref: string, types?: readonly EntityType[]): Promise<SearchResult>;
}

declare module 'fastify' {
  interface FastifyInstance {
    graph: ApiGraph;
  }
}

export interface GraphPluginOptions {
  config: Config;
  driver: Driver;
}

async function graphPlugin(app: FastifyInstance, { config, driver }: GraphPluginOptions): Promise<void> {
  const dataset = config.GRAPH_DATASET;
  const timeout = config.QUERY_TIMEOUT_MS;

  /** A driver failure becomes the catalogue's error: 503 at once while Neo4j is away or a query times out. */
  const run = async <T>(query: GraphQuery<T>): Promise<T> => {
    try {
      return await runGraphQuery(driver, query, { database: config.NEO4J_DATABASE, timeoutMs: timeout });
    } catch (error) {
      throw fromDriverError(error, timeout) ?? error;
    }
  };

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

  app.decorate('graph', { dataset, run, resolve } satisfies ApiGraph);
  // The driver closes after the server has stopped taking requests and the in-flight ones finished.
  app.addHook('onClose', async () => {
    await driver.close();
  });
}

export default fp(graphPlugin, { name: 'graph', fastify: '5.x' });
