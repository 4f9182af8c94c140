import { randomBytes } from 'node:crypto';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Article } from '../../extract/schema/article.ts';
import type { CitedEvidence } from '../../extract/schema/common.ts';
import type { CompiledGraph, GraphNode, GraphRelationship } from '../../extract/schema/compiled.ts';
import { ENTITY_TYPES, type EntityType } from '../../extract/schema/entity-types.ts';
import { RELATION_TYPES, type RelationType } from '../../extract/schema/relation-types.ts';
import { emptyCounts, type GraphCounts } from './generations.ts';
import * as w from './writes.ts';

export { activeGeneration, activeGenerationQuery, type ActiveGeneration, type GraphCounts } from './generations.ts';

/**
 * The loader: writes a compiled graph as a new generation of a dataset, flips the dataset to it in
 * one transaction, then deletes the previous generation (docs/data-model.md).
 */

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
  onBatch?: (batch: BatchInfo, tx: ManagedTransaction) => Promise<void>;
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

export class GraphValidationError extends Error {
  override name = 'GraphValidationError';
  constructor(readonly issues: string[], readonly total: number) {
    super(`the graph is not loadable (${total} problem${total === 1 ? '' : 's'}); nothing was written:\n  ${issues.join('\n  ')}${total > issues.length ? `\n  ... and ${total - issues.length} more` : ''}`);
  }
}

export class DatasetBusyError extends Error {
  override name = 'DatasetBusyError';
}

export class LoadError extends Error {
  override name = 'LoadError';
}

const DATASET_NAME = /^[a-z0-9][a-z0-9-]*$/;
const RESERVED_NODE_KEYS = new Set(['graph', 'id', 'name', 'kind', 'unnamed', 'aliasNames', 'aliasLangs', 'searchNames', 'evidence', 'articleIds', 'labels']);
const RESERVED_EDGE_KEYS = new Set(['graph', 'id', 'evidence', 'articleIds', 'type', 'source', 'target']);
const MAX_ISSUES = 50;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A CompiledGraph as a GraphSource. */
export function compiledSource(graph: CompiledGraph): GraphSource {
  if (graph.version !== 1) throw new GraphValidationError([`unknown compiled graph version ${String(graph.version)}`], 1);
  return { articles: () => graph.articles, nodes: () => graph.nodes, relationships: () => graph.relationships };
}

function isSource(graph: CompiledGraph | GraphSource): graph is GraphSource {
  return typeof (graph as GraphSource).nodes === 'function';
}

// ---------------------------------------------------------------------------------------------
// Rows: the properties each element gets in Neo4j.

function articleIdsOf(evidence: readonly CitedEvidence[]): string[] {
  return [...new Set(evidence.map((e) => e.articleId))];
}

export function articleRow(article: Article): w.Row {
  return Object.fromEntries(Object.entries(article).filter(([, v]) => v !== undefined));
}

/** The text the full-text index reads: the name and every alias, one per line. */
export function searchNamesOf(node: Pick<GraphNode, 'name' | 'aliases'>): string {
  return [...new Set([node.name, ...node.aliases.map((a) => a.name)])].join('\n');
}

/** Whole numbers go to Neo4j as integers (a JavaScript number would be stored as a float). */
function typed(properties: Record<string, string | number | boolean>): w.Row {
  const out: w.Row = {};
  for (const [key, value] of Object.entries(properties)) out[key] = typeof value === 'number' && Number.isSafeInteger(value) ? neo4j.int(value) : value;
  return out;
}

export function nodeRow(node: GraphNode): w.Row {
  const row: w.Row = {
    ...typed(node.properties),
    id: node.id,
    name: node.name,
    unnamed: node.unnamed,
    aliasNames: node.aliases.map((a) => a.name),
    aliasLangs: node.aliases.map((a) => a.lang),
    searchNames: searchNamesOf(node),
    evidence: JSON.stringify(node.evidence),
    articleIds: articleIdsOf(node.evidence),
  };
  if (node.kind !== undefined) row.kind = node.kind;
  return row;
}

export function relationshipRow(rel: GraphRelationship): w.Row {
  return {
    s: rel.source,
    t: rel.target,
    p: { ...typed(rel.properties), id: rel.id, evidence: JSON.stringify(rel.evidence), articleIds: articleIdsOf(rel.evidence) },
  };
}

// ---------------------------------------------------------------------------------------------
// Validation: one pass over the source before anything is written.

interface Plan {
  articles: number;
  nodes: Map<EntityType, number>;
  relationships: Map<RelationType, number>;
}

function isScalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function inspect(source: GraphSource): Plan {
  const issues: string[] = [];
  let total = 0;
  const problem = (text: string) => {
    total += 1;
    if (issues.length < MAX_ISSUES) issues.push(text);
  };
  const entityTypes = new Set<string>(ENTITY_TYPES);
  const relationTypes = new Set<string>(RELATION_TYPES);
  const plan: Plan = { articles: 0, nodes: new Map(), relationships: new Map() };

  const articleIds = new Set<string>();
  for (const article of source.articles()) {
    if (typeof article.id !== 'string' || article.id === '') problem('an article without an id');
    else if (articleIds.has(article.id)) problem(`article ${article.id}: duplicate id`);
    articleIds.add(article.id);
    for (const [key, value] of Object.entries(article)) {
      if (key === 'graph') problem(`article ${article.id}: property "graph" is reserved`);
      else if (value !== undefined && !isScalar(value)) problem(`article ${article.id}: property ${key} is not a scalar`);
    }
    plan.articles += 1;
  }

  const checkEvidence = (what: string, evidence: readonly CitedEvidence[] | undefined, required: boolean) => {
    if (!Array.isArray(evidence)) return problem(`${what}: evidence is not a list`);
    if (required && evidence.length === 0) problem(`${what}: no evidence`);
    for (const e of evidence) if (!articleIds.has(e.articleId)) problem(`${what}: evidence cites unknown article ${e.articleId}`);
  };
  const checkProperties = (what: string, properties: Record<string, unknown> | undefined, reserved: Set<string>) => {
    if (typeof properties !== 'object' || properties === null) return problem(`${what}: properties are not an object`);
    for (const [key, value] of Object.entries(properties)) {
      if (reserved.has(key)) problem(`${what}: property "${key}" is reserved`);
      else if (!isScalar(value)) problem(`${what}: property ${key} is not a scalar`);
    }
  };

  const nodeIds = new Set<string>();
  for (const node of source.nodes()) {
    const what = `node ${node.id}`;
    if (typeof node.id !== 'string' || node.id === '') problem('a node without an id');
    else if (nodeIds.has(node.id)) problem(`${what}: duplicate id`);
    nodeIds.add(node.id);
    if (!entityTypes.has(node.type)) problem(`${what}: type ${String(node.type)} is not an entity type`);
    else plan.nodes.set(node.type, (plan.nodes.get(node.type) ?? 0) + 1);
    if (typeof node.name !== 'string' || node.name === '') problem(`${what}: no name`);
    if (typeof node.unnamed !== 'boolean') problem(`${what}: unnamed is not a boolean`);
    if (node.kind !== undefined && typeof node.kind !== 'string') problem(`${what}: kind is not a string`);
    if (!Array.isArray(node.aliases) || node.aliases.some((a) => typeof a.name !== 'string' || typeof a.lang !== 'string')) problem(`${what}: malformed aliases`);
    checkProperties(what, node.properties, RESERVED_NODE_KEYS);
    checkEvidence(what, node.evidence, false);
  }

  const relIds = new Set<string>();
  for (const rel of source.relationships()) {
    const what = `relationship ${rel.id}`;
    if (typeof rel.id !== 'string' || rel.id === '') problem('a relationship without an id');
    else if (relIds.has(rel.id)) problem(`${what}: duplicate id`);
    relIds.add(rel.id);
    if (!relationTypes.has(rel.type)) problem(`${what}: type ${String(rel.type)} is not a relationship type`);
    else plan.relationships.set(rel.type, (plan.relationships.get(rel.type) ?? 0) + 1);
    if (!nodeIds.has(rel.source)) problem(`${what}: unknown source ${rel.source}`);
    if (!nodeIds.has(rel.target)) problem(`${what}: unknown target ${rel.target}`);
    checkProperties(what, rel.properties, RESERVED_EDGE_KEYS);
    checkEvidence(what, rel.evidence, true);
  }
  if (total > 0) throw new GraphValidationError(issues, total);
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Statements against the store.

async function runWrite(driver: Driver, database: string, statement: w.Statement) {
  return driver.executeQuery(statement.cypher, statement.params, { database, routing: 'WRITE' });
}

/** Runs an auto-commit statement (needed by CALL ... IN TRANSACTIONS). */
async function runAutoCommit(driver: Driver, database: string, statement: w.Statement): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    await session.run(statement.cypher, statement.params);
  } finally {
    await session.close();
  }
}

/** Deletes every node and relationship of one generation, in batches. */
export async function deleteGeneration(
  driver: Driver,
  database: string,
  generation: string,
  batchSize = 10_000,
  /** The relationship types it holds, when known; every allowed type otherwise. */
  types: readonly RelationType[] = RELATION_TYPES,
): Promise<void> {
  for (const type of types) await runAutoCommit(driver, database, w.deleteRelationships(type, generation, batchSize));
  await runAutoCommit(driver, database, w.deleteEntities(generation, Math.max(1, Math.floor(batchSize / 10))));
  await runAutoCommit(driver, database, w.deleteArticles(generation, batchSize));
}

/** Removes a dataset and every generation of it, active or not (tests and benchmarks). */
export async function clearDataset(driver: Driver, database: string, dataset: string): Promise<void> {
  const statement = w.generationsOf(dataset);
  const { records } = await driver.executeQuery(statement.cypher, statement.params, { database, routing: 'READ' });
  for (const record of records) await deleteGeneration(driver, database, String(record.get('graph')));
  await runWrite(driver, database, w.deleteDataset(dataset));
}

interface Claim {
  active: string | null;
  garbage: string[];
}

async function claimDataset(driver: Driver, database: string, dataset: string, generation: string, staleMs: number): Promise<Claim> {
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    return await session.executeWrite(async (tx) => {
      const lock = w.lockDataset(dataset);
      await tx.run(lock.cypher, lock.params);
      const read = w.readDataset(dataset, staleMs);
      const record = (await tx.run(read.cypher, read.params)).records[0];
      if (!record) throw new LoadError(`dataset ${dataset} vanished while it was being claimed`);
      const active = (record.get('active') as string | null) ?? null;
      const loading = (record.get('loading') as string | null) ?? null;
      const garbage = (record.get('garbage') as string[]).filter((g) => g !== active);
      if (loading !== null) {
        if (!record.get('stale')) {
          throw new DatasetBusyError(`dataset "${dataset}" is being loaded by another process (generation ${loading}); try again when it is done`);
        }
        if (!garbage.includes(loading)) garbage.push(loading);
      }
      const claim = w.claimDataset(dataset, generation, garbage);
      await tx.run(claim.cypher, claim.params);
      return { active, garbage };
    });
  } finally {
    await session.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Writing a generation.

interface Writer {
  submit(phase: BatchInfo['phase'], key: string, statement: w.Statement, rows: number): Promise<void>;
  drain(): Promise<void>;
  created: { nodes: Map<string, number>; relationships: Map<string, number>; articles: number };
  batches: number;
}

function createWriter(driver: Driver, database: string, totalBatches: number, options: LoadOptions, beat: () => Promise<void>): Writer {
  let inFlight: Promise<void> | undefined;
  let failure: unknown;
  const created = { nodes: new Map<string, number>(), relationships: new Map<string, number>(), articles: 0 };
  const writer: Writer = {
    created,
    batches: 0,
    async submit(phase, key, statement, rows) {
      // One batch in flight: the next one is built while Neo4j commits the previous.
      await writer.drain();
      await beat();
      writer.batches += 1;
      const info: BatchInfo = { phase, key, index: writer.batches, total: totalBatches, rows };
      inFlight = writeBatch(driver, database, statement, info, options).then(
        (count) => {
          if (count !== rows) throw new LoadError(`${phase} batch ${info.index} (${key}) wrote ${count} of ${rows} rows`);
          if (phase === 'articles') created.articles += count;
          else {
            const map = phase === 'nodes' ? created.nodes : created.relationships;
            map.set(key, (map.get(key) ?? 0) + count);
          }
        },
      ).catch((error: unknown) => {
        failure ??= new LoadError(`${phase} batch ${info.index} of ${info.total} (${key}) failed: ${message(error)}`, { cause: error });
      });
    },
    async drain() {
      if (inFlight) await inFlight;
      inFlight = undefined;
      if (failure) throw failure;
    },
  };
  return writer;
}

async function writeBatch(driver: Driver, database: string, statement: w.Statement, info: BatchInfo, options: LoadOptions): Promise<number> {
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    return await session.executeWrite(async (tx) => {
      const result = await tx.run(statement.cypher, statement.params);
      const updates = result.summary.counters.updates();
      await options.onBatch?.(info, tx);
      return info.phase === 'relationships' ? updates.relationshipsCreated : updates.nodesCreated;
    });
  } finally {
    await session.close();
  }
}

async function writePhase<T, K extends string>(
  writer: Writer,
  phase: BatchInfo['phase'],
  items: Iterable<T>,
  keyOf: (item: T) => K,
  rowOf: (item: T) => w.Row,
  statementOf: (key: K, rows: w.Row[]) => w.Statement,
  batchSize: number,
  progress: (rows: number) => void,
): Promise<void> {
  const buffers = new Map<K, w.Row[]>();
  for (const item of items) {
    const key = keyOf(item);
    let buffer = buffers.get(key);
    if (!buffer) buffers.set(key, (buffer = []));
    buffer.push(rowOf(item));
    if (buffer.length >= batchSize) {
      buffers.set(key, []);
      await writer.submit(phase, key, statementOf(key, buffer), buffer.length);
      progress(buffer.length);
    }
  }
  for (const [key, buffer] of buffers) {
    if (buffer.length === 0) continue;
    await writer.submit(phase, key, statementOf(key, buffer), buffer.length);
    progress(buffer.length);
  }
}

// ---------------------------------------------------------------------------------------------
// The diff against the previous generation.

async function countDiff(driver: Driver, database: string, missing: w.Statement): Promise<{ total: number; ids: string[] }> {
  const { records } = await driver.executeQuery(missing.cypher, missing.params, { database, routing: 'READ' });
  const record = records[0];
  return { total: Number(record?.get('total') ?? 0), ids: (record?.get('ids') as string[] | undefined) ?? [] };
}

function uncompared(before: number, after: number): TypeDiff {
  return { before, after, added: Math.max(0, after - before), removed: Math.max(0, before - after), changed: 0, addedIds: [], removedIds: [], changedIds: [] };
}

async function compareGenerations(
  driver: Driver,
  database: string,
  generation: string,
  previous: string | null,
  before: GraphCounts,
  after: GraphCounts,
  options: LoadOptions,
  beat: () => Promise<void>,
): Promise<GraphDiff> {
  const compare = previous !== null && options.diff !== false;
  const limit = options.diffIdLimit ?? 50;
  const typeDiff = async (
    b: number,
    a: number,
    missing: (g: string, o: string) => w.Statement,
    changed: (g: string, o: string) => w.Statement,
  ): Promise<TypeDiff> => {
    if (!compare || previous === null) return uncompared(b, a);
    await beat();
    const added = a === 0 ? { total: 0, ids: [] } : await countDiff(driver, database, missing(generation, previous));
    const removed = b === 0 ? { total: 0, ids: [] } : await countDiff(driver, database, missing(previous, generation));
    const diffs = a === 0 || b === 0 ? { total: 0, ids: [] } : await countDiff(driver, database, changed(generation, previous));
    return { before: b, after: a, added: added.total, removed: removed.total, changed: diffs.total, addedIds: added.ids, removedIds: removed.ids, changedIds: diffs.ids };
  };
  const diff: GraphDiff = { previous, compared: compare, nodes: {}, relationships: {}, articles: uncompared(0, 0) };
  diff.articles = await typeDiff(
    before.articles,
    after.articles,
    (g, o) => w.entitiesMissingFrom('Article', g, o, limit),
    (g, o) => w.entitiesChanged('Article', g, o, limit),
  );
  for (const label of ENTITY_TYPES) {
    const b = before.nodes[label] ?? 0;
    const a = after.nodes[label] ?? 0;
    if (a === 0 && b === 0) continue;
    diff.nodes[label] = await typeDiff(b, a, (g, o) => w.entitiesMissingFrom(label, g, o, limit), (g, o) => w.entitiesChanged(label, g, o, limit));
  }
  for (const type of RELATION_TYPES) {
    const b = before.relationships[type] ?? 0;
    const a = after.relationships[type] ?? 0;
    if (a === 0 && b === 0) continue;
    diff.relationships[type] = await typeDiff(b, a, (g, o) => w.relationshipsMissingFrom(type, g, o, limit), (g, o) => w.relationshipsChanged(type, g, o, limit));
  }
  return diff;
}

async function previousCounts(driver: Driver, database: string, dataset: string): Promise<GraphCounts> {
  const { records } = await driver.executeQuery('MATCH (d:Dataset {name: $dataset}) RETURN d.counts AS counts', { dataset }, { database, routing: 'READ' });
  const text = records[0]?.get('counts') as string | null | undefined;
  return text ? { ...emptyCounts(), ...(JSON.parse(text) as GraphCounts) } : emptyCounts();
}

function sorted(map: Map<string, number>, order: readonly string[]): Record<string, number> {
  return Object.fromEntries(order.filter((k) => map.has(k)).map((k) => [k, map.get(k) ?? 0]));
}

// ---------------------------------------------------------------------------------------------

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
  const log = options.log ?? (() => {});
  const source = isSource(graph) ? graph : compiledSource(graph);
  const nodeBatch = options.nodeBatchSize ?? 5_000;
  const relBatch = options.relationshipBatchSize ?? 10_000;
  const deleteBatch = options.deleteBatchSize ?? 10_000;

  options.onProgress?.({ phase: 'validate', done: 0, total: 0 });
  const plan = inspect(source);
  const perType = (counts: Iterable<number>, size: number) => [...counts].reduce((sum, n) => sum + Math.ceil(n / size), 0);
  const totalBatches = Math.ceil(plan.articles / nodeBatch) + perType(plan.nodes.values(), nodeBatch) + perType(plan.relationships.values(), relBatch);
  const totalRows = plan.articles + [...plan.nodes.values(), ...plan.relationships.values()].reduce((a, b) => a + b, 0);

  const generation = `${dataset}@${new Date(started).toISOString()}#${randomBytes(4).toString('hex')}`;
  let claim: Claim;
  try {
    claim = await claimDataset(driver, database, dataset, generation, options.staleLeaseMs ?? 120_000);
  } catch (error) {
    if (error instanceof DatasetBusyError || error instanceof LoadError) throw error;
    throw new LoadError(`loading dataset "${dataset}" failed before anything was written: ${message(error)}`, { cause: error });
  }

  // Generations a failed or interrupted load left behind.
  const swept: string[] = [];
  const leftovers: string[] = [];
  options.onProgress?.({ phase: 'sweep', done: 0, total: claim.garbage.length });
  for (const old of claim.garbage) {
    try {
      await deleteGeneration(driver, database, old, deleteBatch);
      await runWrite(driver, database, w.forgetGeneration(dataset, old));
      swept.push(old);
      log(`swept generation ${old}`);
    } catch (error) {
      leftovers.push(old);
      log(`could not sweep generation ${old} yet: ${message(error)}`);
    }
  }

  let lastBeat = Date.now();
  const beat = async () => {
    if (Date.now() - lastBeat < (options.heartbeatMs ?? 10_000)) return;
    const { records } = await runWrite(driver, database, w.heartbeat(dataset, generation));
    if (records.length === 0) throw new LoadError(`another load took dataset "${dataset}" over (this one's lease had lapsed)`);
    lastBeat = Date.now();
  };

  let phase: LoadPhase = 'articles';
  let done = 0;
  const progress = (rows: number) => {
    done += rows;
    options.onProgress?.({ phase, done, total: totalRows });
  };
  const writer = createWriter(driver, database, totalBatches, options, beat);
  let counts: GraphCounts;
  let diff: GraphDiff;
  let loadedAt: string;
  let previous: string | null;
  let before: GraphCounts;
  try {
    await writePhase(writer, 'articles', source.articles(), () => 'Article', articleRow, (_k, rows) => w.createArticles(generation, rows), nodeBatch, progress);
    phase = 'nodes';
    await writePhase(writer, 'nodes', source.nodes(), (n) => n.type, nodeRow, (label, rows) => w.createEntities(label, generation, rows), nodeBatch, progress);
    phase = 'relationships';
    await writePhase(
      writer,
      'relationships',
      source.relationships(),
      (r) => r.type,
      relationshipRow,
      (type, rows) => w.createRelationships(type, generation, rows),
      relBatch,
      progress,
    );
    await writer.drain();
    counts = {
      nodes: sorted(writer.created.nodes, ENTITY_TYPES),
      relationships: sorted(writer.created.relationships, RELATION_TYPES),
      articles: writer.created.articles,
    };
    if (counts.articles !== plan.articles) throw new LoadError(`wrote ${counts.articles} of ${plan.articles} articles`);

    phase = 'diff';
    options.onProgress?.({ phase, done, total: totalRows });
    before = await previousCounts(driver, database, dataset);
    diff = await compareGenerations(driver, database, generation, claim.active, before, counts, options, beat);

    phase = 'flip';
    loadedAt = new Date().toISOString();
    const { records } = await runWrite(driver, database, w.flipActive(dataset, generation, loadedAt, JSON.stringify(counts)));
    if (records.length === 0) throw new LoadError(`another load took dataset "${dataset}" over before the flip`);
    previous = (records[0]?.get('previous') as string | null) ?? null;
  } catch (error) {
    await writer.drain().catch(() => {});
    const cleanup = await abandon(driver, database, dataset, generation, deleteBatch);
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
  for (const old of previous === null ? [] : [previous]) {
    try {
      await deleteGeneration(driver, database, old, deleteBatch, previousTypes);
      await runWrite(driver, database, w.forgetGeneration(dataset, old));
    } catch (error) {
      pendingCleanup.push(old);
      log(`the previous generation ${old} could not be deleted yet (the next load sweeps it): ${message(error)}`);
    }
  }
  return { dataset, generation, previous, loadedAt, counts, diff, batches: writer.batches, durationMs: Date.now() - started, swept, pendingCleanup };
}

/** Removes a half-written generation and gives up the lease; says what it managed. */
async function abandon(driver: Driver, database: string, dataset: string, generation: string, batchSize: number): Promise<string> {
  let swept = false;
  try {
    await deleteGeneration(driver, database, generation, batchSize);
    swept = true;
  } catch {
    // Neo4j may be gone; the lease (or the garbage list) lets the next load sweep it.
  }
  try {
    await runWrite(driver, database, w.releaseDataset(dataset, generation, swept));
  } catch {
    return swept
      ? 'the half-written generation was removed'
      : `the half-written generation ${generation} could not be removed now and will be swept by the next load`;
  }
  return swept ? 'the half-written generation was removed' : `the half-written generation ${generation} will be swept by the next load`;
}
