import { ENTITY_TYPES, type EntityType } from '../../../extract/schema/entity-types.ts';
import type { RelationType } from '../../../extract/schema/relation-types.ts';
import type { Alias, CitedEvidence, Language } from '../../../extract/schema/common.ts';
import { RESERVED_EDGE_KEYS, RESERVED_NODE_KEYS } from '../../../extract/schema/reserved.ts';
import type { ApiEdge, ApiNode, EntityRef } from '../../schemas/graph.ts';

/**
 * Turning what Cypher returns into the API's elements. Queries project nodes as
 * `n {.*, labels: labels(n)}` and relationships as `r {.*, type: type(r), source: ..., target: ...}`.
 */

/** How every read query starts: the dataset's active generation. */
export const ACTIVE_GRAPH = 'MATCH (d:Dataset {name: $dataset}) WITH d.active AS g';

export const NODE_MAP = (n: string) => `${n} {.*, labels: labels(${n})}`;
export const EDGE_MAP = (r: string) => `${r} {.*, type: type(${r}), source: startNode(${r}).id, target: endNode(${r}).id}`;

/**
 * The same, for elements that only become `toNode` / `toEdge` answers: the properties those drop
 * (the generation key, a node's quotes, search names and article ids, an edge's article ids) are
 * nulled so they do not cross the wire; a neighbourhood carries a quarter less.
 */
export const SHOWN_NODE_MAP = (n: string) => `${n} {.*, graph: null, evidence: null, searchNames: null, articleIds: null, labels: labels(${n})}`;
export const SHOWN_EDGE_MAP = (r: string) =>
  `${r} {.*, graph: null, articleIds: null, type: type(${r}), source: startNode(${r}).id, target: endNode(${r}).id}`;

/**
 * Whether a date property falls in the [$from, $to] window, compared at the coarser of the two
 * precisions (a fact dated 2025 is inside a window from 2025-02). Undated facts pass.
 * `expr` is always a constant property access written in this folder, never input.
 */
export const DATE_WITHIN = (expr: string) =>
  `(${expr} IS NULL OR (($from IS NULL OR ${expr} >= left($from, size(${expr}))) AND ($to IS NULL OR left(${expr}, size($to)) <= $to)))`;

/** A place, or any place inside it, up to three levels down (district, city, province). */
export const HELD_IN = (event: string) =>
  `EXISTS { MATCH (${event})-[:TOOK_PLACE_IN]->(:Entity)-[:LOCATED_IN*0..3]->(within:Entity) WHERE within.id = $place }`;

/** A node as a reference (what `toRef` reads; events also keep their date), or null. */
export const REF = (n: string) => `CASE WHEN ${n} IS NULL THEN null ELSE ${n} {.id, .name, .kind, .date, labels: labels(${n})} END`;

/** The properties the store sets itself: the rest of a node's or edge's properties are shown as they are. */
const INTERNAL = new Set<string>(RESERVED_NODE_KEYS);
const EDGE_INTERNAL = new Set<string>(RESERVED_EDGE_KEYS);

export type Row = Record<string, unknown>;

function scalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

export function entityType(labels: unknown): EntityType {
  const list = Array.isArray(labels) ? (labels as string[]) : [];
  const type = list.find((l): l is EntityType => (ENTITY_TYPES as readonly string[]).includes(l));
  if (!type) throw new Error(`a node without an entity label: ${list.join(':')}`);
  return type;
}

export function aliasesOf(row: Row): Alias[] {
  const names = (row.aliasNames as string[] | undefined) ?? [];
  const langs = (row.aliasLangs as string[] | undefined) ?? [];
  return names.map((name, i) => ({ name, lang: (langs[i] ?? 'en') as Language }));
}

export function evidenceOf(value: unknown, articleId?: string): CitedEvidence[] {
  if (typeof value !== 'string' || value === '') return [];
  const all = JSON.parse(value) as CitedEvidence[];
  return articleId ? all.filter((e) => e.articleId === articleId) : all;
}

export function toNode(row: Row): ApiNode {
  const node: Record<string, unknown> = {
    id: String(row.id),
    type: entityType(row.labels),
    label: String(row.name),
    name: String(row.name),
    unnamed: row.unnamed === true,
    aliases: aliasesOf(row),
  };
  if (typeof row.kind === 'string') node.kind = row.kind;
  for (const [k, v] of Object.entries(row)) if (!INTERNAL.has(k) && scalar(v)) node[k] = v;
  return node as ApiNode;
}

export function toEdge(row: Row, articleId?: string): ApiEdge {
  const edge: Record<string, unknown> = {
    id: String(row.id),
    source: String(row.source),
    target: String(row.target),
    type: row.type as RelationType,
    evidence: evidenceOf(row.evidence, articleId),
  };
  for (const [k, v] of Object.entries(row)) if (!EDGE_INTERNAL.has(k) && scalar(v)) edge[k] = v;
  return edge as ApiEdge;
}

export function toRef(row: Row): EntityRef {
  const ref: EntityRef = { id: String(row.id), type: entityType(row.labels), name: String(row.name) };
  if (typeof row.kind === 'string') ref.kind = row.kind;
  return ref;
}

/** Distinct by id, keeping the first seen. */
export function uniqueById<T extends { id: string }>(items: Iterable<T>): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(item.id)) seen.set(item.id, item);
  return [...seen.values()];
}

/** Evidence merged from several facts, without repeating a quote. */
export function mergeEvidence(...lists: CitedEvidence[][]): CitedEvidence[] {
  const seen = new Set<string>();
  const out: CitedEvidence[] = [];
  for (const e of lists.flat()) {
    const key = `${e.articleId}\u0000${e.quote}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(e);
    }
  }
  return out;
}

/** Sorts undated items last, the rest by date then by name. */
export function byDate<T extends { date?: string | undefined; name?: string }>(a: T, b: T): number {
  if (a.date && b.date && a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (!a.date !== !b.date) return a.date ? -1 : 1;
  return (a.name ?? '').localeCompare(b.name ?? '');
}
