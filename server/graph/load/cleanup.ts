import type { Driver } from 'neo4j-driver';
import { RELATION_TYPES, type RelationType } from '../../../extract/schema/relation-types.ts';
import { runGraphQuery, runRetried, type GraphQuery } from '../runner.ts';
import { message } from './errors.ts';
import { deleteDataset, forgetGeneration, releaseDataset } from './statements/dataset.ts';
import { deleteArticles, deleteEntities, deleteRelationships, generationsOf } from './statements/elements.ts';
import type { LoadTarget } from './types.ts';

/** Deleting generations: left-overs before a load, the replaced one after it, a failed one's remains. */

/** Deletes every node and relationship of one generation, in batches. */
export async function deleteGeneration(
  driver: Driver,
  database: string,
  generation: string,
  batchSize = 10_000,
  /** The relationship types it holds, when known; every allowed type otherwise. */
  types: readonly RelationType[] = RELATION_TYPES,
): Promise<void> {
  // Auto-commit: the deletes commit batch by batch (CALL ... IN TRANSACTIONS).
  const run = (query: GraphQuery<void>) => runGraphQuery(driver, query, { database });
  for (const type of types) await run(deleteRelationships(type, generation, batchSize));
  await run(deleteEntities(generation, Math.max(1, Math.floor(batchSize / 10))));
  await run(deleteArticles(generation, batchSize));
}

/** Removes a dataset and every generation of it, active or not (tests and benchmarks). */
export async function clearDataset(driver: Driver, database: string, dataset: string): Promise<void> {
  for (const generation of await runRetried(driver, generationsOf(dataset), database)) await deleteGeneration(driver, database, generation);
  await runRetried(driver, deleteDataset(dataset), database);
}

/** Deletes a generation no longer served and takes it off the dataset's garbage list. */
async function removeGeneration(target: LoadTarget, dataset: string, generation: string, batchSize: number, types?: readonly RelationType[]): Promise<void> {
  await deleteGeneration(target.driver, target.database, generation, batchSize, types);
  await runRetried(target.driver, forgetGeneration(dataset, generation), target.database);
}

/** Deletes the generations a failed or interrupted load left behind; those it cannot delete yet stay listed. */
export async function sweep(
  target: LoadTarget,
  dataset: string,
  garbage: readonly string[],
  batchSize: number,
  log: (line: string) => void,
): Promise<{ swept: string[]; leftovers: string[] }> {
  const swept: string[] = [];
  const leftovers: string[] = [];
  for (const old of garbage) {
    try {
      await removeGeneration(target, dataset, old, batchSize);
      swept.push(old);
      log(`swept generation ${old}`);
    } catch (error) {
      leftovers.push(old);
      log(`could not sweep generation ${old} yet: ${message(error)}`);
    }
  }
  return { swept, leftovers };
}

/** Deletes the generation the flip replaced; false when it could not be deleted yet (the next load sweeps it). */
export async function deleteReplaced(
  target: LoadTarget,
  dataset: string,
  previous: string,
  types: readonly RelationType[],
  batchSize: number,
  log: (line: string) => void,
): Promise<boolean> {
  try {
    await removeGeneration(target, dataset, previous, batchSize, types);
    return true;
  } catch (error) {
    log(`the previous generation ${previous} could not be deleted yet (the next load sweeps it): ${message(error)}`);
    return false;
  }
}

/** Removes a half-written generation and gives up the lease; says what it managed. */
export async function abandon(target: LoadTarget, dataset: string, generation: string, batchSize: number): Promise<string> {
  let swept = false;
  try {
    await deleteGeneration(target.driver, target.database, generation, batchSize);
    swept = true;
  } catch {
    // Neo4j may be gone; the lease (or the garbage list) lets the next load sweep it.
  }
  try {
    await runRetried(target.driver, releaseDataset(dataset, generation, swept), target.database);
  } catch {
    return swept
      ? 'the half-written generation was removed'
      : `the half-written generation ${generation} could not be removed now and will be swept by the next load`;
  }
  return swept ? 'the half-written generation was removed' : `the half-written generation ${generation} will be swept by the next load`;
}
