import { int } from 'neo4j-driver';
import { RELATION_TYPES, type RelationType } from '../../../extract/schema/relation-types.ts';
import type { EntityType } from '../../../extract/schema/entity-types.ts';
import type { NeighborsResponse } from '../../schemas/api.ts';
import type { ApiEdge, ApiNode } from '../../schemas/graph.ts';
import type { GraphQuery } from '../runner.ts';
import { ACTIVE_GRAPH, DATE_WITHIN, SHOWN_EDGE_MAP, SHOWN_NODE_MAP, toEdge, toNode, type Row } from './elements.ts';

export interface NeighborFilters {
  relations?: RelationType[] | undefined;
  types?: EntityType[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const EDGE_FILTER = `type(r) IN $relations AND ${DATE_WITHIN('r.date')}`;

/**
 * One breadth-first level: the unseen neighbours of the frontier, at most $cap of them, so a hub
 * never makes Neo4j walk more than the limit asks for.
 */
const LEVEL = `CALL (seen, frontier) {
  UNWIND frontier AS a
  MATCH (a)-[r]-(b:Entity)
  WHERE ${EDGE_FILTER} AND NOT b IN seen AND (size($types) = 0 OR any(l IN labels(b) WHERE l IN $types))
  WITH DISTINCT b LIMIT $cap
  RETURN collect(b) AS found
}
WITH root, seen, found, truncated, $limit + 1 - size(seen) AS room
WITH root, seen + found[0..room] AS seen, found[0..room] AS frontier, truncated OR size(found) > room AS truncated`;

/**
 * Every edge between two nodes of `seen` that passes the filters. Each shown node's outgoing
 * relationships are joined with the shown nodes by grouping on the far end, a hash join: a group
 * with a marker row (r null) is a shown node. (`b IN seen` on a list built in the query re-hashes
 * the list for every relationship, and hubs have thousands.)
 */
const EDGES_AMONG_SEEN = `CALL (seen) {
  CALL (seen) {
    UNWIND seen AS a
    MATCH (a)-[r]->(b)
    RETURN b, r
    UNION ALL
    UNWIND seen AS b
    RETURN b, null AS r
  }
  WITH b, collect(r) AS rs, count(*) AS rows
  WHERE rows > size(rs)
  UNWIND rs AS r
  WITH r WHERE ${EDGE_FILTER}
  RETURN collect(${SHOWN_EDGE_MAP('r')}) AS edges
}`;

/**
 * The answer as one row per node (with its place in `seen`: the root first) and one per edge, not one
 * record holding both lists: the driver decodes a record larger than a Bolt chunk far more slowly.
 */
const AS_ROWS = (nodes: string, edges: string) => `CALL (${nodes}, ${edges}) {
  UNWIND range(0, size(${nodes}) - 1) AS i
  WITH i, ${nodes}[i] AS x
  RETURN i, ${SHOWN_NODE_MAP('x')} AS node, null AS edge
  UNION ALL
  UNWIND ${edges} AS edge
  RETURN null AS i, null AS node, edge
}`;

/** The Cypher for each allowed depth, written out once; the depth picks one, never builds one. */
const BY_DEPTH: Record<number, string> = Object.fromEntries(
  [1, 2, 3].map((depth) => [
    depth,
    `${ACTIVE_GRAPH}
MATCH (root:Entity {graph: g, id: $id})
WITH root, [root] AS seen, [root] AS frontier, false AS truncated
${Array.from({ length: depth }, () => LEVEL).join('\n')}
${EDGES_AMONG_SEEN}
${AS_ROWS('seen', 'edges')}
RETURN i, node, edge, truncated`,
  ]),
);

/** The neighbourhood of an entity up to `depth` hops, as nodes and edges; null when the id is unknown. */
export function neighborsOf(dataset: string, id: string, depth: number, filters: NeighborFilters, limit: number): GraphQuery<NeighborsResponse | null> {
  const cypher = BY_DEPTH[depth];
  if (!cypher) throw new RangeError(`depth must be 1, 2 or 3, not ${depth}`);
  return {
    cypher,
    params: {
      dataset,
      id,
      relations: filters.relations?.length ? filters.relations : RELATION_TYPES,
      types: filters.types ?? [],
      from: filters.from ?? null,
      to: filters.to ?? null,
      limit: int(limit),
      cap: int(limit + 1),
    },
    routing: 'READ',
    transform: (records) => {
      const first = records[0];
      if (!first) return null;
      const nodes: ApiNode[] = [];
      const edges: ApiEdge[] = [];
      for (const r of records) {
        const node = r.get('node') as Row | null;
        if (node) nodes[r.get('i') as number] = toNode(node);
        else edges.push(toEdge(r.get('edge') as Row));
      }
      return { nodes, edges, truncated: first.get('truncated') === true };
    },
  };
}

const EDGES_AMONG_IDS = `${ACTIVE_GRAPH}
MATCH (n:Entity {graph: g}) WHERE n.id IN $ids
WITH collect(n) AS seen
${EDGES_AMONG_SEEN}
UNWIND edges AS edge
RETURN edge`;

/**
 * Every edge among the given entities that passes the filters: what joins several neighbourhoods
 * merged into one selection (an edge between two of them lies in neither).
 */
export function edgesAmong(dataset: string, ids: string[], filters: NeighborFilters): GraphQuery<NeighborsResponse['edges']> {
  return {
    cypher: EDGES_AMONG_IDS,
    params: {
      dataset,
      ids,
      relations: filters.relations?.length ? filters.relations : RELATION_TYPES,
      from: filters.from ?? null,
      to: filters.to ?? null,
    },
    routing: 'READ',
    transform: (records) => records.map((r) => toEdge(r.get('edge') as Row)),
  };
}
