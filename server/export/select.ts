import type { EntityType } from '../../extract/schema/entity-types.ts';
import type { RelationType } from '../../extract/schema/relation-types.ts';
import { ApiError } from '../errors.ts';
import { edgesAmong, neighborsOf } from '../graph/queries/neighbors.ts';
import type { GraphStore } from '../graph/store.ts';
import type { ExportEdge, ExportGraph, ExportNode } from './model.ts';

export interface Selection {
  /** Entities by id or by a name in any spelling or language. */
  ids: string[];
  depth: number;
  relations?: RelationType[] | undefined;
  types?: EntityType[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The subgraph, and the entities the selection's ids and names resolved to. */
export interface SelectedGraph extends ExportGraph {
  roots: string[];
}

/**
 * The title the formats carry (a Cypher comment, a GraphML description), made of the resolved ids:
 * the ids as the client typed them may hold any text, control characters included.
 */
export const exportTitle = (selected: SelectedGraph, depth: number) => `cooperation graph: ${selected.roots.join(', ')} (depth ${depth})`;

export interface ExportLimits {
  maxNodes: number;
  maxEdges: number;
}

export class ExportTooLarge extends ApiError {
  constructor(what: 'nodes' | 'edges', limit: number, found: string, selection: Selection) {
    const narrower = [
      selection.ids.length > 1 ? 'fewer ids' : null,
      selection.depth > 1 ? `depth=${selection.depth - 1}` : null,
      selection.relations?.length ? null : 'relations=<types>',
      selection.types?.length ? null : 'types=<entity types>',
      selection.from || selection.to ? null : 'from=/to= dates',
    ].filter((s): s is string => s !== null);
    super(
      'INVALID_PARAMETER',
      `the selection has ${found} ${what}, more than the export limit of ${limit} (EXPORT_MAX_${what.toUpperCase()}); narrow it with ${narrower.join(', ') || 'fewer ids'}`,
      { parameter: 'ids', limit, [what]: found, narrowWith: narrower },
    );
  }
}

/**
 * The subgraph an export holds: for each id, its neighbourhood exactly as the neighbours route gives
 * it (the same query, depth and filters), merged by id, with the edges that join them. Nothing beyond the limits is ever read whole:
 * each neighbourhood asks for at most `maxNodes` neighbours and says when there were more.
 */
export async function selectSubgraph(graph: GraphStore, selection: Selection, limits: ExportLimits): Promise<SelectedGraph> {
  const filters = { relations: selection.relations, types: selection.types, from: selection.from, to: selection.to };
  const nodes = new Map<string, ExportNode>();
  const edges = new Map<string, ExportEdge>();
  const roots = new Set<string>();
  for (const ref of selection.ids) {
    const root = await graph.resolve('ids', ref);
    roots.add(root.id);
    const found = await graph.run(neighborsOf(graph.dataset, root.id, selection.depth, filters, Math.max(1, limits.maxNodes - 1)));
    if (!found) throw new ApiError('NOT_FOUND', `ids: no entity with the id ${JSON.stringify(root.id)}`, { parameter: 'ids', id: root.id });
    if (found.truncated) throw new ExportTooLarge('nodes', limits.maxNodes, `more than ${limits.maxNodes}`, selection);
    for (const node of found.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
    for (const edge of found.edges) if (!edges.has(edge.id)) edges.set(edge.id, edge);
    if (nodes.size > limits.maxNodes) throw new ExportTooLarge('nodes', limits.maxNodes, `at least ${nodes.size}`, selection);
    if (edges.size > limits.maxEdges) throw new ExportTooLarge('edges', limits.maxEdges, `at least ${edges.size}`, selection);
  }
  if (selection.ids.length > 1) {
    // Edges that join one neighbourhood to another lie in neither: ask for all edges among the merged nodes.
    for (const edge of await graph.run(edgesAmong(graph.dataset, [...nodes.keys()], filters))) if (!edges.has(edge.id)) edges.set(edge.id, edge);
    if (edges.size > limits.maxEdges) throw new ExportTooLarge('edges', limits.maxEdges, `at least ${edges.size}`, selection);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], roots: [...roots] };
}
