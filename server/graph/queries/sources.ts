import { int } from 'neo4j-driver';
import type { ArticleSummary, SourceDetail } from '../../schemas/api.ts';
import type { GraphQuery } from '../runner.ts';
import { ACTIVE_GRAPH, EDGE_MAP, NODE_MAP, toEdge, toNode, uniqueById, type Row } from './elements.ts';

const FIELDS = '.id, .language, .title, .published, .publisher, .url, .translationGroup, .author';
const SUMMARY = `a {${FIELDS}}`;
const WITH_TEXT = `a {${FIELDS}, .text}`;

function summaryFrom(row: Row, factCount: number): ArticleSummary {
  const summary: ArticleSummary = {
    id: String(row.id),
    language: row.language as ArticleSummary['language'],
    title: String(row.title),
    published: String(row.published),
    publisher: String(row.publisher),
    url: String(row.url),
    translationGroup: String(row.translationGroup),
    factCount,
  };
  if (typeof row.author === 'string') summary.author = row.author;
  return summary;
}

/** The articles of the graph, newest first, with how many facts each supports. */
export function listSources(dataset: string, language: string | undefined, limit: number): GraphQuery<ArticleSummary[]> {
  return {
    cypher: `${ACTIVE_GRAPH}
CALL (g) {
  MATCH (a:Article {graph: g})
  WHERE $language IS NULL OR a.language = $language
  WITH a ORDER BY a.published DESC, a.id LIMIT $limit
  RETURN collect(${SUMMARY}) AS articles
}
CALL (g, articles) {
  MATCH (:Entity {graph: g})-[r]->()
  UNWIND r.articleIds AS articleId
  WITH articleId, count(*) AS facts
  WHERE articleId IN [x IN articles | x.id]
  RETURN collect({id: articleId, facts: facts}) AS counts
}
RETURN articles, counts`,
    params: { dataset, language: language ?? null, limit: int(limit) },
    routing: 'READ',
    transform: (records) => {
      const record = records[0];
      if (!record) return [];
      const counts = new Map((record.get('counts') as { id: string; facts: number }[]).map((c) => [c.id, Number(c.facts)]));
      return (record.get('articles') as Row[]).map((a) => summaryFrom(a, counts.get(String(a.id)) ?? 0));
    },
  };
}

/** One article with its text and the facts it supports, each with this article's quotes only. */
export function sourceById(dataset: string, id: string): GraphQuery<SourceDetail | null> {
  return {
    cypher: `${ACTIVE_GRAPH}
MATCH (a:Article {graph: g, id: $id})
CALL (g) {
  MATCH (x:Entity {graph: g})-[r]->(y:Entity)
  WHERE $id IN r.articleIds
  RETURN collect(${EDGE_MAP('r')}) AS edges, collect(DISTINCT ${NODE_MAP('x')}) + collect(DISTINCT ${NODE_MAP('y')}) AS ends
}
CALL (g) {
  MATCH (n:Entity {graph: g})
  WHERE $id IN n.articleIds
  RETURN collect(${NODE_MAP('n')}) AS mentioned
}
RETURN ${WITH_TEXT} AS a, edges, mentioned + ends AS nodes`,
    params: { dataset, id },
    routing: 'READ',
    transform: (records) => {
      const record = records[0];
      if (!record) return null;
      const a = record.get('a') as Row;
      const edges = (record.get('edges') as Row[]).map((e) => toEdge(e, id));
      return {
        article: { ...summaryFrom(a, edges.length), text: String(a.text ?? '') },
        nodes: uniqueById((record.get('nodes') as Row[]).map((n) => toNode(n))),
        edges,
      };
    },
  };
}
