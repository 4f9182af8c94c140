import { int } from 'neo4j-driver';
import { fold } from '../../../extract/text.ts';
import type { EntityType } from '../../../extract/schema/entity-types.ts';
import type { SearchResult } from '../../schemas/api.ts';
import type { GraphQuery } from '../runner.ts';
import { ACTIVE_GRAPH, aliasesOf, entityType, type Row } from './elements.ts';

/**
 * The words of a text as the full-text index compares them: folded as the index folds names, split at
 * anything but letters and digits, so no Lucene syntax from the input survives.
 */
export function searchWords(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** Words the analyzer drops from the index: a required clause on one of them would match nothing. */
const STOP_WORDS = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(' '),
);

/**
 * A Lucene query that requires every word of the input, each as a whole word or a prefix.
 */
export function luceneQuery(text: string): string {
  const words = searchWords(text).filter((w) => !STOP_WORDS.has(w));
  return words.map((w) => `(${w} OR ${w}*)`).join(' AND ');
}

const CANDIDATE = 'node {.id, .name, .kind, .aliasNames, .aliasLangs, labels: labels(node)}';

function namesOf(row: Row): string[] {
  return [String(row.name), ...((row.aliasNames as string[] | undefined) ?? [])];
}

/** Whether a name or an alias of the entity equals the text, ignoring case and diacritics. */
export function namedExactly(row: Row, text: string): boolean {
  const wanted = searchWords(text).join(' ');
  return namesOf(row).some((n) => searchWords(n).join(' ') === wanted);
}

/** Whether one name or alias of the entity holds every word of the text as a whole word. */
export function namedWithWords(row: Row, text: string): boolean {
  const wanted = searchWords(text);
  return namesOf(row).some((n) => {
    const words = new Set(searchWords(n));
    return wanted.every((w) => words.has(w));
  });
}

function toResult(row: Row, score: number): SearchResult {
  const result: SearchResult = { id: String(row.id), type: entityType(row.labels), name: String(row.name), aliases: aliasesOf(row), score };
  if (typeof row.kind === 'string') result.kind = row.kind;
  return result;
}

/** Names and aliases in every language; exact names first, then the index's relevance. */
export function searchEntities(dataset: string, q: string, types: EntityType[], limit: number): GraphQuery<SearchResult[]> {
  return {
    cypher: `${ACTIVE_GRAPH}
WITH g WHERE $lucene <> ''
CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node, score
WITH node, score WHERE node.graph = g AND (size($types) = 0 OR any(l IN labels(node) WHERE l IN $types))
RETURN ${CANDIDATE} AS n, score
LIMIT $candidates`,
    params: { dataset, lucene: luceneQuery(q), types, candidates: int(Math.min(limit * 3, 150)) },
    routing: 'READ',
    transform: (records) => {
      const results = records.map((r) => {
        const row = r.get('n') as Row;
        const score = Number(r.get('score'));
        // An exact name outranks a partial one whatever the index scored.
        return toResult(row, namedExactly(row, q) ? score + 100 : score);
      });
      // Equal scores come in the index's order, which differs between runs: the id decides among them.
      return results.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, limit);
    },
  };
}

export interface Resolution {
  /** The entity whose id is the reference, if any. */
  byId: SearchResult | null;
  /** Entities whose name or an alias equals the reference, ignoring case and diacritics. */
  named: SearchResult[];
  /** Entities one of whose names holds every word of the reference ("vu dai" for Vũ Đại Thắng). */
  partial: SearchResult[];
  /** Near matches, to suggest when nothing matches exactly. */
  near: SearchResult[];
}

/** Finds the entity a request names: by id, or by a name in any spelling or language its aliases hold. */
export function resolveEntity(dataset: string, ref: string, types: readonly EntityType[]): GraphQuery<Resolution> {
  const lucene = luceneQuery(ref);
  return {
    cypher: `${ACTIVE_GRAPH}
OPTIONAL MATCH (node:Entity {graph: g, id: $ref})
WITH g, CASE WHEN node IS NULL THEN null ELSE ${CANDIDATE} END AS byId
CALL (g, byId) {
  WITH g, byId WHERE byId IS NULL AND $lucene <> ''
  CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node, score
  WITH node, score WHERE node.graph = g AND (size($types) = 0 OR any(l IN labels(node) WHERE l IN $types))
  WITH node, score LIMIT 50
  RETURN collect(${CANDIDATE}) AS candidates
}
RETURN byId, candidates`,
    params: { dataset, ref, lucene, types: [...types] },
    routing: 'READ',
    transform: (records) => {
      const record = records[0];
      if (!record) return { byId: null, named: [], partial: [], near: [] };
      const byIdRow = record.get('byId') as Row | null;
      const byId = byIdRow && (types.length === 0 || types.includes(entityType(byIdRow.labels))) ? toResult(byIdRow, 1) : null;
      const candidates = (record.get('candidates') as Row[]) ?? [];
      const named = candidates.filter((c) => namedExactly(c, ref)).map((c) => toResult(c, 1));
      const partial = candidates.filter((c) => namedWithWords(c, ref)).map((c) => toResult(c, 1));
      const near = candidates.slice(0, 5).map((c) => toResult(c, 0));
      return { byId, named, partial, near };
    },
  };
}
