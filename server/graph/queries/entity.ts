import { LANGUAGES, type Language } from '../../../extract/schema/common.ts';
import { RELATION_TYPES, type RelationType } from '../../../extract/schema/relation-types.ts';
import type { EntityDetail, Position } from '../../schemas/api.ts';
import type { GraphQuery } from '../runner.ts';
import { ACTIVE_GRAPH, NODE_MAP, aliasesOf, evidenceOf, toNode, toRef, type Row } from './elements.ts';

export function positionsFrom(rows: Row[]): Position[] {
  return rows
    .map((p) => {
      const r = p.r as Row;
      return { title: String(r.title), asOf: String(r.asOf), organization: toRef(p.o as Row), evidence: evidenceOf(r.evidence) };
    })
    .sort((a, b) => (a.asOf === b.asOf ? a.title.localeCompare(b.title) : a.asOf < b.asOf ? 1 : -1));
}

/** Cypher that collects, for a person bound to `p`, the offices held, as `positions`. */
export const POSITIONS_OF = (p: string) => `CALL (${p}) {
  OPTIONAL MATCH (${p})-[r:HOLDS_POSITION]->(o:Entity)
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {r: r {.title, .asOf, .evidence}, o: o {.id, .name, .kind, labels: labels(o)}} END) AS positions
}`;

/** One entity with its attributes, aliases by language, positions held and relation counts. */
export function entityById(dataset: string, id: string): GraphQuery<EntityDetail | null> {
  return {
    cypher: `${ACTIVE_GRAPH}
MATCH (n:Entity {graph: g, id: $id})
${POSITIONS_OF('n')}
CALL (n) {
  MATCH (n)-[r]-()
  WHERE type(r) IN $relationTypes
  WITH type(r) AS type, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction, count(r) AS count
  RETURN collect({type: type, direction: direction, count: count}) AS counts
}
RETURN ${NODE_MAP('n')} AS n, positions, counts`,
    params: { dataset, id, relationTypes: RELATION_TYPES },
    routing: 'READ',
    transform: (records) => {
      const record = records[0];
      if (!record) return null;
      const row = record.get('n') as Row;
      const aliasesByLanguage: Partial<Record<Language, string[]>> = {};
      for (const alias of aliasesOf(row)) {
        if (!LANGUAGES.includes(alias.lang)) continue;
        (aliasesByLanguage[alias.lang] ??= []).push(alias.name);
      }
      const counts = (record.get('counts') as { type: RelationType; direction: 'out' | 'in'; count: number }[]).sort(
        (a, b) => b.count - a.count || a.type.localeCompare(b.type),
      );
      return {
        entity: toNode(row),
        aliasesByLanguage,
        evidence: evidenceOf(row.evidence),
        articleIds: (row.articleIds as string[] | undefined) ?? [],
        positions: positionsFrom(record.get('positions') as Row[]),
        relationCounts: counts.map((c) => ({ type: c.type, direction: c.direction, count: Number(c.count) })),
      };
    },
  };
}
