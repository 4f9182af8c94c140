import { int } from 'neo4j-driver';
import { RELATION_TYPES, type RelationType } from '../../../extract/schema/relation-types.ts';
import type { PathResponse } from '../../schemas/api.ts';
import type { GraphQuery } from '../runner.ts';
import { ACTIVE_GRAPH, SHOWN_EDGE_MAP, SHOWN_NODE_MAP, toEdge, toNode, uniqueById, type Row } from './elements.ts';

/** At most this many shortest paths come back; they are all of the same, shortest, length. */
export const MAX_PATHS = 25;

/** The Cypher for each allowed hop count, written out once: a hop bound cannot be a parameter. */
const BY_HOPS: Record<number, string> = Object.fromEntries(
  [1, 2, 3, 4, 5, 6].map((hops) => [
    hops,
    `${ACTIVE_GRAPH}
MATCH (a:Entity {graph: g, id: $from}), (b:Entity {graph: g, id: $to})
MATCH p = allShortestPaths((a)-[*..${hops}]-(b))
WHERE all(r IN relationships(p) WHERE type(r) IN $relations)
WITH p LIMIT $maxPaths
RETURN [n IN nodes(p) | ${SHOWN_NODE_MAP('n')}] AS nodes, [r IN relationships(p) | ${SHOWN_EDGE_MAP('r')}] AS edges`,
  ]),
);

/** The shortest paths between two entities (ids), each hop with its evidence; empty when none is short enough. */
export function shortestPaths(dataset: string, from: string, to: string, maxHops: number, relations: RelationType[] | undefined): GraphQuery<PathResponse> {
  const cypher = BY_HOPS[maxHops];
  if (!cypher) throw new RangeError(`maxHops must be 1 to 6, not ${maxHops}`);
  return {
    cypher,
    params: { dataset, from, to, relations: relations?.length ? relations : RELATION_TYPES, maxPaths: int(MAX_PATHS) },
    routing: 'READ',
    transform: (records) => {
      const paths = records.map((r) => ({
        nodes: (r.get('nodes') as Row[]).map((n) => toNode(n)),
        edges: (r.get('edges') as Row[]).map((e) => toEdge(e)),
      }));
      return {
        nodes: uniqueById(paths.flatMap((p) => p.nodes)),
        edges: uniqueById(paths.flatMap((p) => p.edges)),
        paths: paths.map((p) => ({ nodes: p.nodes.map((n) => n.id), edges: p.edges.map((e) => e.id) })),
      };
    },
  };
}
