import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { loadCurated } from '../helpers/curated.ts';
import { testDatabase, testDriver } from '../helpers/neo4j.ts';

/** The app over the real curated graph, loaded into a dataset of its own. */
export async function buildTestApp(logger: boolean | object = false): Promise<{ app: FastifyInstance; dataset: string }> {
  const loader = testDriver();
  const dataset = await loadCurated(loader, 'api').finally(() => loader.close());
  const config = loadConfig({ GRAPH_DATASET: dataset, NEO4J_DATABASE: testDatabase(), LOG_LEVEL: 'silent' });
  const app = await buildApp({ config, driver: testDriver(), logger });
  await app.ready();
  return { app, dataset };
}

/** GET a path of the API and parse the JSON answer. */
export async function get<T = Record<string, unknown>>(app: FastifyInstance, url: string): Promise<{ status: number; body: T }> {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() as T };
}
