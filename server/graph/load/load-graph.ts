import { randomBytes } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import type { CompiledGraph } from '../../../extract/schema/compiled.ts';
import { ENTITY_TYPES } from '../../../extract/schema/entity-types.ts';
import { RELATION_TYPES } from '../../../extract/schema/relation-types.ts';
import type { GraphCounts } from '../generations.ts';
import { abandon, deleteReplaced, sweep } from './cleanup.ts';
import { compareGenerations, servedCounts } from './diff.ts';
import { LoadError, message } from './errors.ts';
import { claimLease, flip, leaseKeeper } from './lease.ts';
import { articleRow, nodeRow, relationshipRow } from './rows.ts';
import { createArticles, createEntities, createRelationships } from './statements/elements.ts';
import type { GraphDiff, GraphSource, LoadOptions, LoadPhase, LoadResult } from './types.ts';
import { compiledSource, validateSource } from './validate.ts';
import { createWriter, writePhase } from './writer.ts';

/**
 * The load sequence: validate, claim the dataset, sweep what failed loads left, write a new
 * generation in batches, compare it with the served one, flip to it in one transaction, delete the
 * replaced one (docs/data-model.md).
 */

const DATASET_NAME = /^[a-z0-9][a-z0-9-]*$/;

function isSource(graph: CompiledGraph | GraphSource): graph is GraphSource {
  return typeof (graph as GraphSource).nodes === 'function';
}

function sorted(map: Map<string, number>, order: readonly string[]): Record<string, number> {
  return Object.fromEntries(order.filter((k) => map.has(k)).map((k) => [k, map.get(k) ?? 0]));
}

/**
 * Loads `graph` into `dataset` as a new generation and makes it the active one. Loading the same
 * graph again gives the same counts. On any failure before the flip the previous generation stays
 * active and untouched, the half-written one is removed (or, if Neo4j is gone, swept by the next
 * load), and a LoadError (GraphValidationError, DatasetBusyError) says what happened.
 */
export async function loadGraph(
  driver: Driver,
  database: string,
  dataset: string,
  graph: CompiledGraph | GraphSource,
  options: LoadOptions = {},
): Promise<LoadResult> {
  if (!DATASET_NAME.test(dataset)) throw new LoadError(`dataset name "${dataset}" must be lowercase letters, digits and hyphens`);
  const started = Date.now();
  const target = { driver, database };
  const log = options.log ?? (() => {});
  const source = isSource(graph) ? graph : compiledSource(graph);
  const nodeBatch = options.nodeBatchSize ?? 5_000;
  const relBatch = options.relationshipBatchSize ?? 10_000;
  const deleteBatch = options.deleteBatchSize ?? 10_000;

  options.onProgress?.({ phase: 'validate', done: 0, total: 0 });
  const plan = validateSource(source);
  const perType = (counts: Iterable<number>, size: number) => [...counts].reduce((sum, n) => sum + Math.ceil(n / size), 0);
  const totalBatches = Math.ceil(plan.articles / nodeBatch) + perType(plan.nodes.values(), nodeBatch) + perType(plan.relationships.values(), relBatch);
  const totalRows = plan.articles + [...plan.nodes.values(), ...plan.relationships.values()].reduce((a, b) => a + b, 0);

  const generation = `${dataset}@${new Date(started).toISOString()}#${randomBytes(4).toString('hex')}`;
  const claim = await claimLease(target, dataset, generation, options.staleLeaseMs ?? 120_000);
  options.onProgress?.({ phase: 'sweep', done: 0, total: claim.garbage.length });
  const { swept, leftovers } = await sweep(target, dataset, claim.garbage, deleteBatch, log);
  const beat = leaseKeeper(target, dataset, generation, options.heartbeatMs ?? 10_000);

  let phase: LoadPhase = 'articles';
  let done = 0;
  const progress = (rows: number) => {
    done += rows;
    options.onProgress?.({ phase, done, total: totalRows });
  };
  const writer = createWriter(target, totalBatches, options, beat);
  let counts: GraphCounts;
  let diff: GraphDiff;
  let loadedAt: string;
  let previous: string | null;
  let before: GraphCounts;
  try {
    await writePhase(writer, 'articles', source.articles(), () => 'Article', articleRow, (_k, rows) => createArticles(generation, rows), nodeBatch, progress);
    phase = 'nodes';
    await writePhase(writer, 'nodes', source.nodes(), (n) => n.type, nodeRow, (label, rows) => createEntities(label, generation, rows), nodeBatch, progress);
    phase = 'relationships';
    await writePhase(writer, 'relationships', source.relationships(), (r) => r.type, relationshipRow, (type, rows) => createRelationships(type, generation, rows), relBatch, progress);
    await writer.drain();
    counts = {
      nodes: sorted(writer.created.nodes, ENTITY_TYPES),
      relationships: sorted(writer.created.relationships, RELATION_TYPES),
      articles: writer.created.articles,
    };
    if (counts.articles !== plan.articles) throw new LoadError(`wrote ${counts.articles} of ${plan.articles} articles`);

    phase = 'diff';
    options.onProgress?.({ phase, done, total: totalRows });
    before = await servedCounts(target, dataset);
    diff = await compareGenerations(target, generation, claim.active, before, counts, options, beat);

    phase = 'flip';
    loadedAt = new Date().toISOString();
    previous = await flip(target, dataset, generation, loadedAt, JSON.stringify(counts));
  } catch (error) {
    await writer.drain().catch(() => {});
    const cleanup = await abandon(target, dataset, generation, deleteBatch);
    const active = claim.active ? `generation ${claim.active} is still active and unchanged` : 'the dataset still has no active generation';
    throw new LoadError(
      `loading dataset "${dataset}" failed while writing ${phase}: ${message(error)}. The previous ${active}; ${cleanup}.`,
      { cause: error },
    );
  }

  // After the flip, readers see the new generation; the old one is no longer reachable.
  options.onProgress?.({ phase: 'cleanup', done, total: totalRows });
  const pendingCleanup = [...leftovers];
  const previousTypes = RELATION_TYPES.filter((t) => (before.relationships[t] ?? 0) > 0);
  if (previous !== null && !(await deleteReplaced(target, dataset, previous, previousTypes, deleteBatch, log))) pendingCleanup.push(previous);
  return { dataset, generation, previous, loadedAt, counts, diff, batches: writer.batches, durationMs: Date.now() - started, swept, pendingCleanup };
}
