import type { ApiEdge, ApiNode, EntityType, Evidence, GraphElements, RelationType, Scalar } from '../api/types.ts';
import type { Filters } from '../state/state.ts';
import { monthIndex, overlaps } from './dates.ts';

/** An attribute of a node or edge (the API flattens them into the element). */
export function prop(item: ApiNode | ApiEdge, key: string): Scalar | undefined {
  const value: unknown = (item as Record<string, unknown>)[key];
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

export function dateOf(item: ApiNode | ApiEdge): string | null {
  const d = prop(item, 'date');
  return typeof d === 'string' && /^\d{4}/.test(d) ? d : null;
}

export function endDateOf(item: ApiNode | ApiEdge): string | null {
  const d = prop(item, 'endDate');
  return typeof d === 'string' && /^\d{4}/.test(d) ? d : null;
}

export function nodeName(node: ApiNode): string {
  return node.label || node.name || node.id;
}

/**
 * The part of the graph the explorer has fetched for the current view. Responses are merged in, so
 * expanding a node adds to what is there; nothing here knows about drawing.
 */
export class GraphModel {
  readonly nodes = new Map<string, ApiNode>();
  readonly edges = new Map<string, ApiEdge>();

  /** Adds what is new and returns the ids it added. */
  merge(response: GraphElements): { nodes: string[]; edges: string[] } {
    const added = { nodes: [] as string[], edges: [] as string[] };
    for (const node of response.nodes) {
      const known = this.nodes.get(node.id);
      if (!known) added.nodes.push(node.id);
      this.nodes.set(node.id, known ? { ...known, ...node } : node);
    }
    for (const edge of response.edges) {
      if (!this.edges.has(edge.id)) added.edges.push(edge.id);
      this.edges.set(edge.id, edge);
    }
    return added;
  }

  clear(): void {
    this.nodes.clear();
    this.edges.clear();
  }

  /** Edges whose both ends are known: the API may return an edge to a node cut off by a limit. */
  connectedEdges(): ApiEdge[] {
    return [...this.edges.values()].filter((e) => this.nodes.has(e.source) && this.nodes.has(e.target));
  }

  edgesOf(id: string): ApiEdge[] {
    return this.connectedEdges().filter((e) => e.source === id || e.target === id);
  }

  neighbours(id: string): string[] {
    return [...new Set(this.edgesOf(id).map((e) => (e.source === id ? e.target : e.source)))];
  }
}

export interface VisibleGraph {
  nodes: ApiNode[];
  edges: ApiEdge[];
}

/**
 * What the view shows under the filters: nodes of shown types, not hidden, dated within the range;
 * edges of shown relation types, dated within the range, between two shown nodes.
 * `keep` ids stay whatever the filters say (the focused entity, so the view is never empty).
 */
export function visibleGraph(
  nodes: Iterable<ApiNode>,
  edges: Iterable<ApiEdge>,
  filters: Filters,
  hidden: readonly string[] = [],
  keep: readonly string[] = [],
): VisibleGraph {
  const hiddenSet = new Set(hidden);
  const keepSet = new Set(keep);
  const shown = new Map<string, ApiNode>();
  for (const node of nodes) {
    const visible =
      keepSet.has(node.id) ||
      (!hiddenSet.has(node.id) &&
        !filters.hiddenTypes.includes(node.type) &&
        overlaps(dateOf(node), endDateOf(node), filters.from, filters.to));
    if (visible) shown.set(node.id, node);
  }
  const shownEdges: ApiEdge[] = [];
  for (const edge of edges) {
    if (!shown.has(edge.source) || !shown.has(edge.target)) continue;
    if (filters.hiddenRelations.includes(edge.type)) continue;
    if (!overlaps(dateOf(edge), null, filters.from, filters.to)) continue;
    shownEdges.push(edge);
  }
  return { nodes: [...shown.values()], edges: shownEdges };
}

export interface TimelineBucket {
  month: number;
  count: number;
}

/** Events and agreements per month, over the months their dates span: the timeline's histogram. */
export function timeline(nodes: Iterable<ApiNode>, edges: Iterable<ApiEdge> = []): { min: number; max: number; buckets: TimelineBucket[] } | null {
  const counts = new Map<number, number>();
  const add = (date: string | null) => {
    if (!date) return;
    const m = monthIndex(date);
    if (Number.isFinite(m)) counts.set(m, (counts.get(m) ?? 0) + 1);
  };
  for (const node of nodes) if (node.type === 'Event' || node.type === 'Agreement') add(dateOf(node));
  for (const edge of edges) add(dateOf(edge));
  if (counts.size === 0) return null;
  const months = [...counts.keys()];
  const min = Math.min(...months);
  const max = Math.max(...months);
  const buckets: TimelineBucket[] = [];
  for (let m = min; m <= max; m++) buckets.push({ month: m, count: counts.get(m) ?? 0 });
  return { min, max, buckets };
}

/** Counts per type in what is loaded, for the filter checkboxes. */
export function countBy<T extends string>(items: Iterable<{ type: T }>): Map<T, number> {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item.type, (counts.get(item.type) ?? 0) + 1);
  return counts;
}

/** Evidence grouped by article, in a stable order: the panel lists one article with its quotes. */
export function evidenceByArticle(evidence: readonly Evidence[]): { articleId: string; language: string; quotes: string[] }[] {
  const groups = new Map<string, { articleId: string; language: string; quotes: string[] }>();
  for (const e of evidence) {
    const g = groups.get(e.articleId) ?? { articleId: e.articleId, language: e.language, quotes: [] };
    if (!g.quotes.includes(e.quote)) g.quotes.push(e.quote);
    groups.set(e.articleId, g);
  }
  return [...groups.values()];
}

export type { EntityType, RelationType };
