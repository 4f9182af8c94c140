import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { loadCurated } from './curated.ts';
import { testDatabase, testDriver, uniqueDataset } from './neo4j.ts';

export interface TestAppOptions {
  /** Load the curated graph into a dataset of its own, named with this prefix, and serve it. */
  curated?: string;
  /** Serve this dataset (loaded by the test, or never loaded); without it or `curated`, an empty one. */
  dataset?: string;
  /** Settings over the test's (the run's Neo4j, the dataset, silent logs), as the environment gives them. */
  env?: Record<string, string>;
  /** The app's driver, which closes with the app; a new one to the run's Neo4j by default. */
  driver?: Driver;
  /** Loads the curated graph and stays open (the test's own, for snapshots); a short-lived one by default. */
  loader?: Driver;
  /** Fastify's logger option: off by default. */
  logger?: boolean | object;
  /** The built web UI to serve. */
  webRoot?: string;
}

/** The app as `npm start` builds it, ready for `inject` or `listen`, with what a test varies. */
export async function testApp(options: TestAppOptions = {}): Promise<{ app: FastifyInstance; dataset: string }> {
  let dataset = options.dataset ?? uniqueDataset('empty');
  if (options.curated !== undefined) {
    const loader = options.loader ?? testDriver();
    try {
      dataset = await loadCurated(loader, options.curated);
    } finally {
      if (!options.loader) await loader.close();
    }
  }
  const config = loadConfig({ GRAPH_DATASET: dataset, NEO4J_DATABASE: testDatabase(), LOG_LEVEL: 'silent', ...options.env });
  const app = await buildApp({ config, driver: options.driver ?? testDriver(), logger: options.logger ?? false, webRoot: options.webRoot });
  await app.ready();
  return { app, dataset: config.GRAPH_DATASET };
}

/** GET a path of the API and parse the JSON answer. */
export async function get<T = Record<string, unknown>>(app: FastifyInstance, url: string): Promise<{ status: number; body: T }> {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() as T };
}
