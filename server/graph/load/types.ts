import type { Driver } from 'neo4j-driver';
import type { Article } from '../../../extract/schema/article.ts';
import type { GraphNode, GraphRelationship } from '../../../extract/schema/compiled.ts';
import type { GraphCounts } from '../generations.ts';
import type { GraphTransaction } from '../runner.ts';

/** What the loader takes and gives (docs/data-model.md). */

/**
 * A graph the loader can read more than once without holding it whole: each call starts a fresh
 * pass. A CompiledGraph is turned into one; the synthetic generator produces one directly.
 */
export interface GraphSource {
  articles(): Iterable<Article>;
  nodes(): Iterable<GraphNode>;
  relationships(): Iterable<GraphRelationship>;
}

export type LoadPhase = 'validate' | 'sweep' | 'articles' | 'nodes' | 'relationships' | 'diff' | 'flip' | 'cleanup';

export interface BatchInfo {
  phase: 'articles' | 'nodes' | 'relationships';
  /** The label or relationship type the batch writes. */
  key: string;
  /** 1-based, across the whole load. */
  index: number;
  total: number;
  rows: number;
}

export interface LoadProgress {
  phase: LoadPhase;
  /** Rows (articles, nodes, relationships) written so far, out of `total`. */
  done: number;
  total: number;
}

export interface LoadOptions {
  /** Rows per write transaction for nodes and articles. */
  nodeBatchSize?: number;
  /** Rows per write transaction for relationships. */
  relationshipBatchSize?: number;
  /** Rows per transaction when a generation is deleted. */
  deleteBatchSize?: number;
  /** Compare with the previous generation (added, removed, changed ids); on by default. */
  diff?: boolean;
  /** How many ids the diff lists per type (counts are always complete). */
  diffIdLimit?: number;
  onProgress?: (progress: LoadProgress) => void;
  /**
   * Runs inside every batch's write transaction, after its statement: a failure thrown here (or by
   * a statement it runs in `tx`) rolls the batch back and fails the load. For tests.
   */
  onBatch?: (batch: BatchInfo, tx: GraphTransaction) => Promise<void>;
  /** A running load whose lease has not been renewed for this long is taken to be dead. */
  staleLeaseMs?: number;
  /** How often a running load renews its lease. */
  heartbeatMs?: number;
  log?: (line: string) => void;
}

export interface TypeDiff {
  before: number;
  after: number;
  added: number;
  removed: number;
  changed: number;
  /** The first ids (sorted), at most `diffIdLimit` of each. */
  addedIds: string[];
  removedIds: string[];
  changedIds: string[];
}

export interface GraphDiff {
  /** The generation compared with; null on a dataset's first load. */
  previous: string | null;
  /** False when ids were not compared (first load, or `diff: false`): only counts are given. */
  compared: boolean;
  nodes: Record<string, TypeDiff>;
  relationships: Record<string, TypeDiff>;
  articles: TypeDiff;
}

export interface LoadResult {
  dataset: string;
  generation: string;
  previous: string | null;
  loadedAt: string;
  counts: GraphCounts;
  diff: GraphDiff;
  batches: number;
  durationMs: number;
  /** Half-written or left-over generations this load removed before writing. */
  swept: string[];
  /** Old generations that could not be deleted yet; the next load sweeps them. */
  pendingCleanup: string[];
}

/** Where a load writes. */
export interface LoadTarget {
  driver: Driver;
  database: string;
}
