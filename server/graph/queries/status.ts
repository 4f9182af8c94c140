import type { StatsResponse } from '../../schemas/api.ts';
import type { GraphQuery } from '../runner.ts';

const LOADED_AT = 'CASE WHEN d.loadedAt IS NULL THEN null ELSE toString(d.loadedAt) END';

export interface DatasetStatus {
  loaded: boolean;
  loadedAt: string | null;
}

/** Whether Neo4j answers and the dataset has an active generation. */
export function datasetStatus(dataset: string): GraphQuery<DatasetStatus> {
  return {
    cypher: `OPTIONAL MATCH (d:Dataset {name: $dataset}) RETURN d.active IS NOT NULL AS loaded, ${LOADED_AT} AS loadedAt`,
    params: { dataset },
    routing: 'READ',
    transform: (records) => ({
      loaded: records[0]?.get('loaded') === true,
      loadedAt: (records[0]?.get('loadedAt') as string | null | undefined) ?? null,
    }),
  };
}

/** Counts by label and relationship type, the dates covered, and when the graph was loaded. */
export function graphStats(dataset: string): GraphQuery<StatsResponse | null> {
  return {
    cypher: `MATCH (d:Dataset {name: $dataset})
WITH d, d.active AS g
CALL (g) {
  MATCH (n:Entity {graph: g})
  UNWIND labels(n) AS label
  WITH label, count(*) AS count WHERE label <> 'Entity'
  RETURN collect({key: label, count: count}) AS nodes
}
CALL (g) {
  MATCH (:Entity {graph: g})-[r]->()
  WITH type(r) AS type, count(*) AS count
  RETURN collect({key: type, count: count}) AS relationships
}
CALL (g) {
  MATCH (e:Entity {graph: g})
  WHERE e.date IS NOT NULL
  RETURN min(e.date) AS first, max(e.date) AS last
}
RETURN ${LOADED_AT} AS loadedAt, nodes, relationships, COUNT { MATCH (a:Article {graph: g}) } AS articles, first, last`,
    params: { dataset },
    routing: 'READ',
    transform: (records) => {
      const record = records[0];
      if (!record) return null;
      const asRecord = (key: string) =>
        Object.fromEntries(
          (record.get(key) as { key: string; count: number }[]).sort((a, b) => a.key.localeCompare(b.key)).map((c) => [c.key, Number(c.count)]),
        );
      return {
        dataset,
        loadedAt: (record.get('loadedAt') as string | null) ?? null,
        nodes: asRecord('nodes'),
        relationships: asRecord('relationships'),
        articles: Number(record.get('articles')),
        dateRange: { from: (record.get('first') as string | null) ?? null, to: (record.get('last') as string | null) ?? null },
      };
    },
  };
}
