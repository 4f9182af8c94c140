import type { Driver } from 'neo4j-driver';
import { compileCorpus } from '../../extract/compile.ts';
import { loadGraph } from '../../server/graph/load/load-graph.ts';
import { applySchema } from '../../server/graph/schema.ts';
import { testDatabase, uniqueDataset } from './neo4j.ts';

/** Loads the real curated graph into a dataset no other test uses; returns the dataset's name. */
export async function loadCurated(driver: Driver, prefix: string): Promise<string> {
  const dataset = uniqueDataset(prefix);
  await applySchema(driver, testDatabase());
  await loadGraph(driver, testDatabase(), dataset, await compileCorpus());
  return dataset;
}
