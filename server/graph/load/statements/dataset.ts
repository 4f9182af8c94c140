import { noAnswer, type GraphQuery } from '../../runner.ts';

/** The Dataset node's bookkeeping: the lease a running load holds, the flip, the garbage list. */

/** What the Dataset node says, read under its lock. */
export interface DatasetState {
  active: string | null;
  /** The generation a running load is writing. */
  loading: string | null;
  garbage: string[];
  /** The running load's lease has lapsed. */
  stale: boolean;
}

/** Creates the dataset if new and takes its write lock; the next statement in the same transaction reads it. */
export function lockDataset(dataset: string): GraphQuery<void> {
  return {
    cypher: 'MERGE (d:Dataset {name: $dataset}) SET d.name = $dataset',
    params: { dataset },
    routing: 'WRITE',
    transform: noAnswer,
  };
}

/** The dataset's bookkeeping, read under its lock; `stale` when the running load's lease has lapsed. */
export function readDataset(dataset: string, staleMs: number): GraphQuery<DatasetState | null> {
  return {
    cypher:
      'MATCH (d:Dataset {name: $dataset}) ' +
      'RETURN d.active AS active, d.loading AS loading, coalesce(d.garbage, []) AS garbage, ' +
      'd.loading IS NOT NULL AND (d.heartbeat IS NULL OR timestamp() - d.heartbeat > $staleMs) AS stale',
    params: { dataset, staleMs },
    routing: 'WRITE',
    transform: (records) => {
      const record = records[0];
      if (!record) return null;
      return {
        active: (record.get('active') as string | null) ?? null,
        loading: (record.get('loading') as string | null) ?? null,
        garbage: record.get('garbage') as string[],
        stale: record.get('stale') === true,
      };
    },
  };
}

/** Marks a load as running (the lease) and lists generations to sweep. */
export function claimDataset(dataset: string, generation: string, garbage: string[]): GraphQuery<void> {
  return {
    cypher:
      'MATCH (d:Dataset {name: $dataset}) ' +
      'SET d.loading = $generation, d.heartbeat = timestamp(), d.garbage = $garbage',
    params: { dataset, generation, garbage },
    routing: 'WRITE',
    transform: noAnswer,
  };
}

/** Renews the lease; false when another load took it over. */
export function heartbeat(dataset: string, generation: string): GraphQuery<boolean> {
  return {
    cypher: 'MATCH (d:Dataset {name: $dataset}) WHERE d.loading = $generation SET d.heartbeat = timestamp() RETURN d.name AS name',
    params: { dataset, generation },
    routing: 'WRITE',
    transform: (records) => records.length > 0,
  };
}

/**
 * The flip: the new generation becomes active in one transaction, the previous one joins the
 * garbage list. Answers the previous generation, or null when this load no longer holds the lease.
 */
export function flipActive(dataset: string, generation: string, loadedAt: string, counts: string): GraphQuery<{ previous: string | null } | null> {
  return {
    cypher:
      'MATCH (d:Dataset {name: $dataset}) WHERE d.loading = $generation ' +
      'WITH d, d.active AS previous ' +
      'SET d.active = $generation, d.loadedAt = $loadedAt, d.counts = $counts, d.loading = null, d.heartbeat = null, ' +
      '    d.garbage = [x IN coalesce(d.garbage, []) WHERE x <> $generation] + CASE WHEN previous IS NULL THEN [] ELSE [previous] END ' +
      'RETURN previous',
    params: { dataset, generation, loadedAt, counts },
    routing: 'WRITE',
    transform: (records) => {
      const record = records[0];
      return record ? { previous: (record.get('previous') as string | null) ?? null } : null;
    },
  };
}

/** Gives up the lease after a failed load; the half-written generation stays listed until it is gone. */
export function releaseDataset(dataset: string, generation: string, swept: boolean): GraphQuery<void> {
  return {
    cypher:
      'MATCH (d:Dataset {name: $dataset}) WHERE d.loading = $generation ' +
      'SET d.loading = null, d.heartbeat = null, ' +
      '    d.garbage = [x IN coalesce(d.garbage, []) WHERE x <> $generation] + CASE WHEN $swept THEN [] ELSE [$generation] END',
    params: { dataset, generation, swept },
    routing: 'WRITE',
    transform: noAnswer,
  };
}

/** Forgets a generation that has been deleted. */
export function forgetGeneration(dataset: string, generation: string): GraphQuery<void> {
  return {
    cypher: 'MATCH (d:Dataset {name: $dataset}) SET d.garbage = [x IN coalesce(d.garbage, []) WHERE x <> $generation]',
    params: { dataset, generation },
    routing: 'WRITE',
    transform: noAnswer,
  };
}

/** Removes the dataset's bookkeeping node. */
export function deleteDataset(dataset: string): GraphQuery<void> {
  return { cypher: 'MATCH (d:Dataset {name: $dataset}) DELETE d', params: { dataset }, routing: 'WRITE', transform: noAnswer };
}
