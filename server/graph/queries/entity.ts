import { LANGUAGES, type Language } from '../../../extract/schema/common.ts';
import { RELATION_TYPES, type RelationType } from '../../../extract/schema/relation-types.ts';
import type { EntityDetail, Position } from '../../schemas/api.ts';
import type { GraphQuery } from '../runner.ts';
import { ACTIVE_GRAPH, NODE_MAP, aliasesOf, evidenceOf, toNode, toRef, type Row } from './elements.ts';
import { FIGURES_MEASURING, figuresFrom } from './figures.ts';

function positionFrom(p: Row): Position {
  const r = p.r as Row;
  const position: Position = { title: String(r.title), organization: toRef(p.o as Row), evidence: evidenceOf(r.evidence) };
  if (typeof r.asOf === 'string') position.asOf = r.asOf;
  if (r.historical === true) position.historical = true;
  if (typeof r.from === 'string') position.from = r.from;
  if (typeof r.to === 'string') position.to = r.to;
  return position;
}

/** When an office was held, to sort by: the article's date, else the end or start an article gives; past offices without dates last. */
const heldWhen = (p: Position) => p.asOf ?? p.to ?? p.from ?? '';

export function positionsFrom(rows: Row[]): Position[] {
  return rows.map(positionFrom).sort((a, b) => (heldWhen(a) === heldWhen(b) ? a.title.localeCompare(b.title) : heldWhen(a) < heldWhen(b) ? 1 : -1));
}

/** Cypher that collects, for a person bound to `p`, the offices held, as `positions`. */
export const POSITIONS_OF = (p: string) => `CALL (${p}) {
  OPTIONAL MATCH (${p})-[r:HOLDS_POSITION]->(o:Entity)
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {r: r {.title, .asOf, .historical, .from, .to, .evidence}, o: o {.id, .name, .kind, labels: labels(o)}} END) AS positions
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
${FIGURES_MEASURING('n')}
RETURN ${NODE_MAP('n')} AS n, positions, counts, figures`,
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
      const detail: EntityDetail = {
        entity: toNode(row),
        aliasesByLanguage,
        evidence: evidenceOf(row.evidence),
        articleIds: (row.articleIds as string[] | undefined) ?? [],
        positions: positionsFrom(record.get('positions') as Row[]),
        relationCounts: counts.map((c) => ({ type: c.type, direction: c.direction, count: Number(c.count) })),
      };
      const figures = figuresFrom(record.get('figures') as Row[]);
      if (figures.length) detail.figures = figures;
      return detail;
    },
  };
}
