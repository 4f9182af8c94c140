import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';
import type { EntityType } from '../../../../extract/schema/entity-types.ts';
import type { RelationType } from '../../../../extract/schema/relation-types.ts';
import { noAnswer, type GraphQuery } from '../../runner.ts';
import type { Row } from '../rows.ts';

/**
 * Writing and deleting a generation's elements. Labels and relationship types are interpolated only
 * as values typed by the allow-lists, which the loader checks every input against first.
 */

/** Every row that reaches the end created one element (a relationship whose ends are missing does not). */
const COUNT_CREATED = 'RETURN count(*) AS created';
const created = (records: Neo4jRecord[]) => Number(records[0]?.get('created') ?? 0);

/** Articles of one generation: each row is the article's properties. Answers how many were created. */
export function createArticles(graph: string, rows: Row[]): GraphQuery<number> {
  return {
    cypher: `UNWIND $rows AS row CREATE (a:Article {graph: $graph}) SET a += row ${COUNT_CREATED}`,
    params: { graph, rows },
    routing: 'WRITE',
    transform: created,
  };
}

/** Entities of one label; each row holds every property of the node except `graph`. */
export function createEntities(label: EntityType, graph: string, rows: Row[]): GraphQuery<number> {
  return {
    cypher: `UNWIND $rows AS row CREATE (n:Entity:${label} {graph: $graph}) SET n += row ${COUNT_CREATED}`,
    params: { graph, rows },
    routing: 'WRITE',
    transform: created,
  };
}

/** Relationships of one type: rows are `{s, t, p}` (source id, target id, properties without `graph`). */
export function createRelationships(type: RelationType, graph: string, rows: Row[]): GraphQuery<number> {
  return {
    cypher:
      'UNWIND $rows AS row ' +
      'MATCH (s:Entity {graph: $graph, id: row.s}) ' +
      'MATCH (t:Entity {graph: $graph, id: row.t}) ' +
      `CREATE (s)-[r:${type} {graph: $graph}]->(t) SET r += row.p ${COUNT_CREATED}`,
    params: { graph, rows },
    routing: 'WRITE',
    transform: created,
  };
}

/** Deletes one relationship type of a generation, in server-side batches (auto-commit only). */
export function deleteRelationships(type: RelationType, graph: string, batchSize: number): GraphQuery<void> {
  return {
    cypher: `MATCH ()-[r:${type} {graph: $graph}]->() CALL (r) { DELETE r } IN TRANSACTIONS OF $batch ROWS`,
    params: { graph, batch: neo4j.int(batchSize) },
    routing: 'WRITE',
    transform: noAnswer,
  };
}

/** Deletes a generation's entities with whatever relationships are left on them (auto-commit only). */
export function deleteEntities(graph: string, batchSize: number): GraphQuery<void> {
  return {
    cypher: 'MATCH (n:Entity {graph: $graph}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF $batch ROWS',
    params: { graph, batch: neo4j.int(batchSize) },
    routing: 'WRITE',
    transform: noAnswer,
  };
}

/** Deletes a generation's articles (auto-commit only). */
export function deleteArticles(graph: string, batchSize: number): GraphQuery<void> {
  return {
    cypher: 'MATCH (a:Article {graph: $graph}) CALL (a) { DETACH DELETE a } IN TRANSACTIONS OF $batch ROWS',
    params: { graph, batch: neo4j.int(batchSize) },
    routing: 'WRITE',
    transform: noAnswer,
  };
}

/** Every generation key a dataset has anywhere in the store, active or not. */
export function generationsOf(dataset: string): GraphQuery<string[]> {
  return {
    cypher:
      'CALL () { MATCH (n:Entity) WHERE n.graph STARTS WITH $prefix RETURN DISTINCT n.graph AS graph ' +
      '  UNION MATCH (a:Article) WHERE a.graph STARTS WITH $prefix RETURN DISTINCT a.graph AS graph } ' +
      'RETURN graph',
    params: { prefix: `${dataset}@` },
    routing: 'READ',
    transform: (records) => records.map((r) => String(r.get('graph'))),
  };
}
