import { meetingsOf } from '../../server/graph/queries/meetings.ts';
import { neighborsOf } from '../../server/graph/queries/neighbors.ts';
import { shortestPaths } from '../../server/graph/queries/paths.ts';
import { resolveEntity, searchEntities } from '../../server/graph/queries/search.ts';
import type { GraphQuery } from '../../server/graph/runner.ts';
import { LIMITS } from '../../server/schemas/query.ts';
import { SIZES, syntheticSource } from '../synthetic.ts';

/** What the API benchmark asks, of the 100k-relationship synthetic graph: each route's work, by HTTP and straight through the driver. */

export type Run = <T>(query: GraphQuery<T>) => Promise<T>;

export interface Scenario {
  name: string;
  /** API paths, cycled through by each connection. */
  paths: string[];
  /** The same work as the route does, straight through the driver: one call per path. */
  direct: ((run: Run) => Promise<unknown>)[];
}

/** The synthetic graph the scenarios are written for. */
export const BENCH_GRAPH_SIZE = SIZES['100k'];

export function scenarios(dataset: string): Scenario[] {
  const people: { id: string; name: string }[] = [];
  const hubs: string[] = [];
  for (const node of syntheticSource(BENCH_GRAPH_SIZE).nodes()) {
    if (node.type !== 'Person') continue;
    const index = Number(node.id.replace(/\D+/g, ''));
    if (index < 5) hubs.push(node.id);
    if (index >= 20 && index % 37 === 0 && people.length < 40 && !node.unnamed) people.push({ id: node.id, name: node.name });
  }
  const ascii = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  const q = encodeURIComponent;
  const resolved = (run: Run, id: string) => run(resolveEntity(dataset, id, ['Person']));
  const pairs = people.map((p, i) => [p.id, people[(i + 7) % people.length]!.id] as const);
  return [
    {
      name: 'search',
      paths: people.map((p) => `/api/v1/search?q=${q(ascii(p.name))}`),
      direct: people.map((p) => (run) => run(searchEntities(dataset, ascii(p.name), [], LIMITS.search.default))),
    },
    {
      name: 'neighbors depth 2',
      paths: people.map((p) => `/api/v1/entities/${p.id}/neighbors?depth=2`),
      direct: people.map((p) => (run) => run(neighborsOf(dataset, p.id, 2, {}, LIMITS.neighbors.default))),
    },
    {
      name: 'meetings',
      paths: people.map((p) => `/api/v1/meetings?person=${p.id}`),
      direct: people.map((p) => async (run) => {
        const who = await resolved(run, p.id);
        return run(meetingsOf(dataset, who.byId!.id, {}));
      }),
    },
    {
      name: 'paths',
      paths: pairs.map(([a, b]) => `/api/v1/paths?from=${a}&to=${b}`),
      direct: pairs.map(([a, b]) => async (run) => {
        await Promise.all([run(resolveEntity(dataset, a, [])), run(resolveEntity(dataset, b, []))]);
        return run(shortestPaths(dataset, a, b, LIMITS.maxHops.default, undefined));
      }),
    },
    {
      name: 'export ~500 nodes (neighbors depth 2, limit 500)',
      paths: hubs.map((id) => `/api/v1/entities/${id}/neighbors?depth=2&limit=500`),
      direct: hubs.map((id) => (run) => run(neighborsOf(dataset, id, 2, {}, 500))),
    },
  ];
}
