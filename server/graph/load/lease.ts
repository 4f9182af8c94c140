import { runInTransaction, runRetried } from '../runner.ts';
import { DatasetBusyError, LoadError, message } from './errors.ts';
import { claimDataset, flipActive, heartbeat, lockDataset, readDataset } from './statements/dataset.ts';
import type { LoadTarget } from './types.ts';

/**
 * The dataset's lease: one load at a time writes a dataset. A load claims it, renews it while it
 * writes, and gives it up at the flip (or, failing, in cleanup.ts); a lease not renewed in time is
 * taken to be a dead load's, whose generation the next load sweeps.
 */

export interface Claim {
  /** The generation served when the claim was made. */
  active: string | null;
  /** Generations to sweep before writing. */
  garbage: string[];
}

/** Takes the lease under the dataset's lock, in one transaction; DatasetBusyError while a live load holds it. */
export async function claimLease(target: LoadTarget, dataset: string, generation: string, staleMs: number): Promise<Claim> {
  try {
    return await runInTransaction(target.driver, { database: target.database, routing: 'WRITE' }, async (tx) => {
      await tx.run(lockDataset(dataset));
      const state = await tx.run(readDataset(dataset, staleMs));
      if (!state) throw new LoadError(`dataset ${dataset} vanished while it was being claimed`);
      const garbage = state.garbage.filter((g) => g !== state.active);
      if (state.loading !== null) {
        if (!state.stale) {
          throw new DatasetBusyError(`dataset "${dataset}" is being loaded by another process (generation ${state.loading}); try again when it is done`);
        }
        if (!garbage.includes(state.loading)) garbage.push(state.loading);
      }
      await tx.run(claimDataset(dataset, generation, garbage));
      return { active: state.active, garbage };
    });
  } catch (error) {
    if (error instanceof DatasetBusyError || error instanceof LoadError) throw error;
    throw new LoadError(`loading dataset "${dataset}" failed before anything was written: ${message(error)}`, { cause: error });
  }
}

/** Renews the lease at most every `everyMs`; fails the load when another one took the dataset over. */
export function leaseKeeper(target: LoadTarget, dataset: string, generation: string, everyMs: number): () => Promise<void> {
  let last = Date.now();
  return async () => {
    if (Date.now() - last < everyMs) return;
    if (!(await runRetried(target.driver, heartbeat(dataset, generation), target.database))) {
      throw new LoadError(`another load took dataset "${dataset}" over (this one's lease had lapsed)`);
    }
    last = Date.now();
  };
}

/** Makes the new generation the served one and ends the lease; answers the generation it replaced. */
export async function flip(target: LoadTarget, dataset: string, generation: string, loadedAt: string, counts: string): Promise<string | null> {
  const flipped = await runRetried(target.driver, flipActive(dataset, generation, loadedAt, counts), target.database);
  if (!flipped) throw new LoadError(`another load took dataset "${dataset}" over before the flip`);
  return flipped.previous;
}
