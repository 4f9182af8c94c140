import type { Driver } from 'neo4j-driver';
import { testDatabase } from '../helpers/neo4j.ts';
import { snapshot, type Snapshot } from '../server/graph/fixture.ts';
import { loadCurated } from '../helpers/curated.ts';

export { loadCurated, snapshot, type Snapshot };

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
