import neo4j from 'neo4j-driver';
import type { EntityType } from '../../extract/schema/entity-types.ts';
import type { RelationType } from '../../extract/schema/relation-types.ts';

/**
 * The loader's write statements, one function per statement returning its Cypher and parameters.
 * Labels and relationship types are interpolated only as values typed by the allow-lists, which the
 * loader checks every input against before any statement is built.
 */
export interface Statement {
  cypher: string;
  params: Record<string, unknown>;
}

export type Row = Record<string, unknown>;

/** Articles of one generation: each row is the article's properties. */
export function createArticles(graph: string, rows: Row[]): Statement {
  return { cypher: 'UNWIND $rows AS row CREATE (a:Article {graph: $graph}) SET a += row', params: { graph, rows } };
}

/** Entities of one label; each row holds every property of the node except `graph`. */
export function createEntities(label: EntityType, graph: string, rows: Row[]): Statement {
  return { cypher: `UNWIND $rows AS row CREATE (n:Entity:${label} {graph: $graph}) SET n += row`, params: { graph, rows } };
}

/** Relationships of one type: rows are `{s, t, p}` (source id, target id, properties without `graph`). */
export function createRelationships(type: RelationType, graph: string, rows: Row[]): Statement {
  return {
    cypher:
      'UNWIND $rows AS row ' +
      'MATCH (s:Entity {graph: $graph, id: row.s}) ' +
      'MATCH (t:Entity {graph: $graph, id: row.t}) ' +
      `CREATE (s)-[r:${type} {graph: $graph}]->(t) SET r += row.p`,
    params: { graph, rows },
  };
}

/** Deletes one relationship type of a generation, in server-side batches (auto-commit only). */
export function deleteRelationships(type: RelationType, graph: string, batchSize: number): Statement {
  return {
    cypher: `MATCH ()-[r:${type} {graph: $graph}]->() CALL (r) { DELETE r } IN TRANSACTIONS OF $batch ROWS`,
    params: { graph, batch: neo4j.int(batchSize) },
  };
}

/** Deletes a generation's entities with whatever relationships are left on them (auto-commit only). */
export function deleteEntities(graph: string, batchSize: number): Statement {
  return {
    cypher: 'MATCH (n:Entity {graph: $graph}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF $batch ROWS',
    params: { graph, batch: neo4j.int(batchSize) },
  };
}

/** Deletes a generation's articles (auto-commit only). */
export function deleteArticles(graph: string, batchSize: number): Statement {
  return {
    cypher: 'MATCH (a:Article {graph: $graph}) CALL (a) { DETACH DELETE a } IN TRANSACTIONS OF $batch ROWS',
    params: { graph, batch: neo4j.int(batchSize) },
  };
}

/** Creates the dataset if new and takes its write lock; the next statement in the same transaction reads it. */
export function lockDataset(dataset: string): Statement {
  return {
    cypher: 'MERGE (d:Dataset {name: $dataset}) SET d.name = $dataset',
    params: { dataset },
  };
}

/** The dataset's bookkeeping, read under its lock; `stale` when the running load's lease has lapsed. */
export function readDataset(dataset: string, staleMs: number): Statement {
  return {
    cypher:
      'MATCH (d:Dataset {name: $dataset}) ' +
      'RETURN d.active AS active, d.loading AS loading, coalesce(d.garbage, []) AS garbage, ' +
      'd.loading IS NOT NULL AND (d.heartbeat IS NULL OR timestamp() - d.heartbeat > $staleMs) AS stale',
    params: { dataset, staleMs },
  };
}

/** Marks a load as running (the lease) and lists generations to sweep. */
export function claimDataset(dataset: string, generation: string, garbage: string[]): Statement {
  return {
    cypher:
      'MATCH (d:Dataset {name: $dataset}) ' +
      'SET d.loading = $generation, d.heartbeat = timestamp(), d.garbage = $garbage',
    params: { dataset, generation, garbage },
  };
}

/** Renews the lease; returns no row when another load took it over. */
export function heartbeat(dataset: string, generation: string): Statement {
  return {
    cypher: 'MATCH (d:Dataset {name: $dataset}) WHERE d.loading = $generation SET d.heartbeat = timestamp() RETURN d.name AS name',
    params: { dataset, generation },
  };
}

/**
 * The flip: the new generation becomes active in one transaction, the previous one joins the
 * garbage list. Returns no row when this load no longer holds the lease.
 */
export function flipActive(dataset: string, generation: string, loadedAt: string, counts: string): Statement {
  return {
    cypher:
      'MATCH (d:Dataset {name: $dataset}) WHERE d.loading = $generation ' +
      'WITH d, d.active AS previous ' +
      'SET d.active = $generation, d.loadedAt = $loadedAt, d.counts = $counts, d.loading = null, d.heartbeat = null, ' +
      '    d.garbage = [x IN coalesce(d.garbage, []) WHERE x <> $generation] + CASE WHEN previous IS NULL THEN [] ELSE [previous] END ' +
      'RETURN previous',
    params: { dataset, generation, loadedAt, counts },
  };
}

/** Gives up the lease after a failed load; the half-written generation stays listed until it is gone. */
export function releaseDataset(dataset: string, generation: string, swept: boolean): Statement {
  return {
    cypher:
      'MATCH (d:Dataset {name: $dataset}) WHERE d.loading = $generation ' +
      'SET d.loading = null, d.heartbeat = null, ' +
      '    d.garbage = [x IN coalesce(d.garbage, []) WHERE x <> $generation] + CASE WHEN $swept THEN [] ELSE [$generation] END',
    params: { dataset, generation, swept },
  };
}

/** Forgets a generation that has been deleted. */
export function forgetGeneration(dataset: string, generation: string): Statement {
  return {
    cypher: 'MATCH (d:Dataset {name: $dataset}) SET d.garbage = [x IN coalesce(d.garbage, []) WHERE x <> $generation]',
    params: { dataset, generation },
  };
}

/** Every generation key a dataset has anywhere in the store, active or not. */
export function generationsOf(dataset: string): Statement {
  return {
    cypher:
      'CALL () { MATCH (n:Entity) WHERE n.graph STARTS WITH $prefix RETURN DISTINCT n.graph AS graph ' +
      '  UNION MATCH (a:Article) WHERE a.graph STARTS WITH $prefix RETURN DISTINCT a.graph AS graph } ' +
      'RETURN graph',
    params: { prefix: `${dataset}@` },
  };
}

/** Removes the dataset's bookkeeping node. */
export function deleteDataset(dataset: string): Statement {
  return { cypher: 'MATCH (d:Dataset {name: $dataset}) DELETE d', params: { dataset } };
}

/** Entities of a label in `graph` that `other` lacks (by id): how many, and the first ids. */
export function entitiesMissingFrom(label: EntityType | 'Article', graph: string, other: string, limit: number): Statement {
  const pattern = label === 'Article' ? 'Article' : `Entity:${label}`;
  return {
    cypher:
      `MATCH (n:${pattern} {graph: $graph}) WHERE NOT EXISTS { MATCH (o:${pattern} {graph: $other, id: n.id}) } ` +
      'WITH n.id AS id ORDER BY id RETURN count(id) AS total, collect(id)[0..$limit] AS ids',
    params: { graph, other, limit: neo4j.int(limit) },
  };
}

/** Entities of a label present in both generations whose properties differ. */
export function entitiesChanged(label: EntityType | 'Article', graph: string, other: string, limit: number): Statement {
  const pattern = label === 'Article' ? 'Article' : `Entity:${label}`;
  return {
    cypher:
      `MATCH (n:${pattern} {graph: $graph}) MATCH (o:${pattern} {graph: $other, id: n.id}) ` +
      "WHERE size(keys(n)) <> size(keys(o)) OR any(k IN keys(n) WHERE k <> 'graph' AND NOT coalesce(n[k] = o[k], false)) " +
      'WITH n.id AS id ORDER BY id RETURN count(id) AS total, collect(id)[0..$limit] AS ids',
    params: { graph, other, limit: neo4j.int(limit) },
  };
}

/** Relationships of a type in `graph` that `other` lacks (by id). */
export function relationshipsMissingFrom(type: RelationType, graph: string, other: string, limit: number): Statement {
  return {
    cypher:
      `MATCH ()-[r:${type} {graph: $graph}]->() WHERE NOT EXISTS { MATCH ()-[o:${type} {graph: $other, id: r.id}]->() } ` +
      'WITH r.id AS id ORDER BY id RETURN count(id) AS total, collect(id)[0..$limit] AS ids',
    params: { graph, other, limit: neo4j.int(limit) },
  };
}

/** Relationships of a type in both generations whose properties or endpoints differ. */
export function relationshipsChanged(type: RelationType, graph: string, other: string, limit: number): Statement {
  return {
    cypher:
      `MATCH (s)-[r:${type} {graph: $graph}]->(t) MATCH (os)-[o:${type} {graph: $other, id: r.id}]->(ot) ` +
      "WHERE s.id <> os.id OR t.id <> ot.id OR size(keys(r)) <> size(keys(o)) OR any(k IN keys(r) WHERE k <> 'graph' AND NOT coalesce(r[k] = o[k], false)) " +
      'WITH r.id AS id ORDER BY id RETURN count(id) AS total, collect(id)[0..$limit] AS ids',
    params: { graph, other, limit: neo4j.int(limit) },
  };
}
