import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { testDatabase, testDriver } from '../helpers/neo4j.ts';
import { snapshot, type Snapshot } from '../server/graph/fixture.ts';
import { loadCurated } from '../helpers/curated.ts';

export { loadCurated, snapshot, type Snapshot };


/**
 * The app over the curated graph in a dataset of its own, with extra settings from `env` (the rate
 * limit is off unless `env` sets it). `driver` is the test's own, for snapshots of the dataset.
 */
export async function curatedApp(
  prefix: string,
  env: Record<string, string> = {},
  logger: boolean | object = false,
): Promise<{ app: FastifyInstance; dataset: string; driver: Driver }> {
  const driver = testDriver();
  const dataset = await loadCurated(driver, prefix);
  const config = loadConfig({ GRAPH_DATASET: dataset, NEO4J_DATABASE: testDatabase(), LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '0', ...env });
  const app = await buildApp({ config, driver: testDriver(), logger });
  await app.ready();
  return { app, dataset, driver };
}

/** Every element of the dataset's active generation and what the Dataset node says about it. */
export async function datasetState(driver: Driver, dataset: string): Promise<Snapshot & { loadedAt: string | null; counts: string | null }> {
  const { records } = await driver.executeQuery(
    'MATCH (d:Dataset {name: $dataset}) RETURN d.loadedAt AS loadedAt, d.counts AS counts',
    { dataset },
    { database: testDatabase(), routing: 'READ' },
  );
  const record = records[0];
  return {
    ...(await snapshot(driver, testDatabase(), dataset)),
    loadedAt: (record?.get('loadedAt') as string | null) ?? null,
    counts: (record?.get('counts') as string | null) ?? null,
  };
}
