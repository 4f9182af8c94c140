import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';
import type { EntityType } from '../../../../extract/schema/entity-types.ts';
import type { RelationType } from '../../../../extract/schema/relation-types.ts';
import type { GraphQuery } from '../../runner.ts';

/** Comparing two generations of a dataset by element id: how many differ, and the first ids. */
export interface IdCount {
  total: number;
  /** The first ids, sorted. */
  ids: string[];
}

/** How many elements bound to `v` there are, and the first $limit of their ids. */
const COUNT_IDS = (v: string) => `WITH ${v}.id AS id ORDER BY id RETURN count(id) AS total, collect(id)[0..$limit] AS ids`;

function idCount(records: Neo4jRecord[]): IdCount {
  const record = records[0];
  return { total: Number(record?.get('total') ?? 0), ids: (record?.get('ids') as string[] | undefined) ?? [] };
}

const patternOf = (label: EntityType | 'Article') => (label === 'Article' ? 'Article' : `Entity:${label}`);

/** Entities of a label in `graph` that `other` lacks (by id). */
export function entitiesMissingFrom(label: EntityType | 'Article', graph: string, other: string, limit: number): GraphQuery<IdCount> {
  const pattern = patternOf(label);
  return {
    cypher: `MATCH (n:${pattern} {graph: $graph}) WHERE NOT EXISTS { MATCH (o:${pattern} {graph: $other, id: n.id}) } ${COUNT_IDS('n')}`,
    params: { graph, other, limit: neo4j.int(limit) },
    routing: 'READ',
    transform: idCount,
  };
}

/** Entities of a label present in both generations whose properties differ. */
export function entitiesChanged(label: EntityType | 'Article', graph: string, other: string, limit: number): GraphQuery<IdCount> {
  const pattern = patternOf(label);
  return {
    cypher:
      `MATCH (n:${pattern} {graph: $graph}) MATCH (o:${pattern} {graph: $other, id: n.id}) ` +
      "WHERE size(keys(n)) <> size(keys(o)) OR any(k IN keys(n) WHERE k <> 'graph' AND NOT coalesce(n[k] = o[k], false)) " +
      COUNT_IDS('n'),
    params: { graph, other, limit: neo4j.int(limit) },
    routing: 'READ',
    transform: idCount,
  };
}

/** Relationships of a type in `graph` that `other` lacks (by id). */
export function relationshipsMissingFrom(type: RelationType, graph: string, other: string, limit: number): GraphQuery<IdCount> {
  return {
    cypher:
      `MATCH ()-[r:${type} {graph: $graph}]->() WHERE NOT EXISTS { MATCH ()-[o:${type} {graph: $other, id: r.id}]->() } ` +
      COUNT_IDS('r'),
    params: { graph, other, limit: neo4j.int(limit) },
    routing: 'READ',
    transform: idCount,
  };
}

/** Relationships of a type in both generations whose properties or endpoints differ. */
export function relationshipsChanged(type: RelationType, graph: string, other: string, limit: number): GraphQuery<IdCount> {
  return {
    cypher:
      `MATCH (s)-[r:${type} {graph: $graph}]->(t) MATCH (os)-[o:${type} {graph: $other, id: r.id}]->(ot) ` +
      "WHERE s.id <> os.id OR t.id <> ot.id OR size(keys(r)) <> size(keys(o)) OR any(k IN keys(r) WHERE k <> 'graph' AND NOT coalesce(r[k] = o[k], false)) " +
      COUNT_IDS('r'),
    params: { graph, other, limit: neo4j.int(limit) },
    routing: 'READ',
    transform: idCount,
  };
}
