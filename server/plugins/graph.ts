import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.ts';
import { fromDriverError } from '../errors.ts';
import { openGraph, type GraphStore } from '../graph/store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** What routes use to reach the graph: queries of the graph layer, run against the served dataset. */
    graph: GraphStore;
  }
}

export interface GraphPluginOptions {
  config: Config;
  driver: Driver;
}

async function graphPlugin(app: FastifyInstance, { config, driver }: GraphPluginOptions): Promise<void> {
  const timeout = config.QUERY_TIMEOUT_MS;
  const store = openGraph({ driver, database: config.NEO4J_DATABASE, dataset: config.GRAPH_DATASET, queryTimeoutMs: timeout });

  /** A driver failure becomes the catalogue's error: 503 at once while Neo4j is away or a query times out. */
  const mapped = (error: unknown) => {
    throw fromDriverError(error, timeout) ?? error;
  };
  const graph: GraphStore = {
    dataset: store.dataset,
    run: (query) => store.run(query).catch(mapped),
    resolve: (parameter, ref, types) => store.resolve(parameter, ref, types).catch(mapped),
  };
  app.decorate('graph', graph);
  // The driver closes after the server has stopped taking requests and the in-flight ones finished.
  app.addHook('onClose', async () => {
    await driver.close();
  });
}

export default fp(graphPlugin, { name: 'graph', fastify: '5.x' });
