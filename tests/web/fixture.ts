import type { ApiEdge, ApiNode } from '../../web/src/api/types.ts';

/** A small neighbourhood in the API's shape: two people, a conference, a province, an agreement. */
export function node(id: string, type: ApiNode['type'], extra: Record<string, string | number | boolean> = {}): ApiNode {
  return { id, type, label: id.replace(/-/g, ' '), name: id, unnamed: false, aliases: [], ...extra } as unknown as ApiNode;
}

export function edge(source: string, type: ApiEdge['type'], target: string, extra: Record<string, string | number | boolean> = {}): ApiEdge {
  return {
    id: `${source}|${type}|${target}`,
    source,
    target,
    type,
    evidence: [{ articleId: 'article-vi', language: 'vi', quote: `${source} ${type} ${target}` }],
    ...extra,
  } as unknown as ApiEdge;
}

export const nodes: ApiNode[] = [
  node('zhang', 'Person'),
  node('vu', 'Person'),
  node('conference-9', 'Event', { date: '2025-10-28', kind: 'conference' }),
  node('conference-8', 'Event', { date: '2022' }),
  node('guangdong', 'Place', { kind: 'province' }),
  node('framework', 'Agreement', { date: '2025-10' }),
];

export const edges: ApiEdge[] = [
  edge('zhang', 'CO_CHAIRED', 'conference-9', { date: '2025-10-28' }),
  edge('vu', 'CO_CHAIRED', 'conference-9', { date: '2025-10-28' }),
  edge('vu', 'ATTENDED', 'conference-8', { date: '2022' }),
  edge('conference-9', 'TOOK_PLACE_IN', 'guangdong'),
  edge('framework', 'SIGNED_AT', 'conference-9'),
  edge('zhang', 'HOLDS_POSITION', 'guangdong', { title: 'Vice governor', asOf: '2025-10-28' }),
];
