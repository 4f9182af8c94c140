import { ENTITY_TYPES } from '../../../extract/schema/entity-types.ts';
import { RELATION_TYPES } from '../../../extract/schema/relation-types.ts';
import { activeGenerationQuery, emptyCounts, type GraphCounts } from '../generations.ts';
import { runRetried, type GraphQuery } from '../runner.ts';
import { entitiesChanged, entitiesMissingFrom, relationshipsChanged, relationshipsMissingFrom, type IdCount } from './statements/diff.ts';
import type { GraphDiff, LoadOptions, LoadTarget, TypeDiff } from './types.ts';

/** What a new generation changes against the one it replaces, type by type. */

const NONE: IdCount = { total: 0, ids: [] };

/** The counts of the generation a dataset serves now; empty before its first load. */
export async function servedCounts(target: LoadTarget, dataset: string): Promise<GraphCounts> {
  return (await runRetried(target.driver, activeGenerationQuery(dataset), target.database))?.counts ?? emptyCounts();
}

function uncompared(before: number, after: number): TypeDiff {
  return { before, after, added: Math.max(0, after - before), removed: Math.max(0, before - after), changed: 0, addedIds: [], removedIds: [], changedIds: [] };
}

/**
 * Compares `generation` with `previous` by id (added, removed, changed), or only by counts on a
 * first load or with `diff: false`. Renews the lease (`beat`) between types.
 */
export async function compareGenerations(
  target: LoadTarget,
  generation: string,
  previous: string | null,
  before: GraphCounts,
  after: GraphCounts,
  options: LoadOptions,
  beat: () => Promise<void>,
): Promise<GraphDiff> {
  const compare = previous !== null && options.diff !== false;
  const limit = options.diffIdLimit ?? 50;
  const count = (query: GraphQuery<IdCount>) => runRetried(target.driver, query, target.database);
  const typeDiff = async (
    b: number,
    a: number,
    missing: (g: string, o: string) => GraphQuery<IdCount>,
    changed: (g: string, o: string) => GraphQuery<IdCount>,
  ): Promise<TypeDiff> => {
    if (!compare || previous === null) return uncompared(b, a);
    await beat();
    const added = a === 0 ? NONE : await count(missing(generation, previous));
    const removed = b === 0 ? NONE : await count(missing(previous, generation));
    const diffs = a === 0 || b === 0 ? NONE : await count(changed(generation, previous));
    return { before: b, after: a, added: added.total, removed: removed.total, changed: diffs.total, addedIds: added.ids, removedIds: removed.ids, changedIds: diffs.ids };
  };
  const diff: GraphDiff = { previous, compared: compare, nodes: {}, relationships: {}, articles: uncompared(0, 0) };
  diff.articles = await typeDiff(
    before.articles,
    after.articles,
    (g, o) => entitiesMissingFrom('Article', g, o, limit),
    (g, o) => entitiesChanged('Article', g, o, limit),
  );
  for (const label of ENTITY_TYPES) {
    const b = before.nodes[label] ?? 0;
    const a = after.nodes[label] ?? 0;
    if (a === 0 && b === 0) continue;
    diff.nodes[label] = await typeDiff(b, a, (g, o) => entitiesMissingFrom(label, g, o, limit), (g, o) => entitiesChanged(label, g, o, limit));
  }
  for (const type of RELATION_TYPES) {
    const b = before.relationships[type] ?? 0;
    const a = after.relationships[type] ?? 0;
    if (a === 0 && b === 0) continue;
    diff.relationships[type] = await typeDiff(b, a, (g, o) => relationshipsMissingFrom(type, g, o, limit), (g, o) => relationshipsChanged(type, g, o, limit));
  }
  return diff;
}
