import neo4j from 'neo4j-driver';
import type { Article } from '../../../extract/schema/article.ts';
import type { CitedEvidence } from '../../../extract/schema/common.ts';
import type { GraphNode, GraphRelationship } from '../../../extract/schema/compiled.ts';

/** The properties each element gets in Neo4j (docs/data-model.md). */

export type Row = Record<string, unknown>;

function articleIdsOf(evidence: readonly CitedEvidence[]): string[] {
  return [...new Set(evidence.map((e) => e.articleId))];
}

export function articleRow(article: Article): Row {
  return Object.fromEntries(Object.entries(article).filter(([, v]) => v !== undefined));
}

/** The text the full-text index reads: the name and every alias, one per line. */
function searchNamesOf(node: Pick<GraphNode, 'name' | 'aliases'>): string {
  return [...new Set([node.name, ...node.aliases.map((a) => a.name)])].join('\n');
}

/** Whole numbers go to Neo4j as integers (a JavaScript number would be stored as a float). */
function typed(properties: Record<string, string | number | boolean>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(properties)) out[key] = typeof value === 'number' && Number.isSafeInteger(value) ? neo4j.int(value) : value;
  return out;
}

export function nodeRow(node: GraphNode): Row {
  const row: Row = {
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

export function relationshipRow(rel: GraphRelationship): Row {
  return {
    s: rel.source,
    t: rel.target,
    p: { ...typed(rel.properties), id: rel.id, evidence: JSON.stringify(rel.evidence), articleIds: articleIdsOf(rel.evidence) },
  };
}
