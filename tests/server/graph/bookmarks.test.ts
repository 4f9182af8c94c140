import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Driver, SessionConfig } from 'neo4j-driver';
import { activeGenerationKeyQuery } from '../../../server/graph/generations.ts';
import { loadGraph } from '../../../server/graph/load/load-graph.ts';
import { applySchema } from '../../../server/graph/schema.ts';
import { openGraph } from '../../../server/graph/store.ts';
import { testDatabase, testDriver, testUri, uniqueDataset } from '../../helpers/neo4j.ts';
import { fixtureGraph } from './fixture.ts';

/**
 * Reads that follow a load see it, in a cluster too: a follower answers a transaction only once it has
 * caught up with the bookmarks the transaction carries. Here the graph layer's sessions are watched on a
 * real driver (every query still runs on Neo4j), and Neo4j itself shows the bookmarks reach it.
 */

/** The real driver, with the bookmarks each session started from written down as it is opened. */
function watchedDriver(real: Driver) {
  const opened: { mode: SessionConfig['defaultAccessMode']; bookmarks: Promise<string[]> }[] = [];
  const driver = new Proxy(real, {
    get(target, prop) {
      if (prop !== 'session') {
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (config: SessionConfig = {}) => {
        const manager = config.bookmarkManager;
        opened.push({ mode: config.defaultAccessMode, bookmarks: manager ? manager.getBookmarks().then((b) => [...b].sort()) : Promise.resolve([]) });
        return target.session(config);
      };
    },
  });
  return { driver, opened };
}

const real = testDriver();
const database = testDatabase();
const { driver, opened } = watchedDriver(real);
const dataset = uniqueDataset('bookmarks');
let afterLoad: string[];
let generation: string;

beforeAll(async () => {
  await applySchema(real, database);
  // The load and the reads share the driver, as in the app (a reload, then the requests that follow).
  ({ generation } = await loadGraph(driver, database, dataset, fixtureGraph()));
  afterLoad = [...(await driver.executeQueryBookmarkManager.getBookmarks())].sort();
});
afterAll(() => real.close());

describe("a load's bookmarks", () => {
  it.runIf(inject('neo4jRouting'))('travel over neo4j:// in the routing project, the load routed to the writer', () => {
    expect(testUri()).toMatch(/^neo4j(\+s|\+ssc)?:\/\//);
  });

  it("are held by the driver once the load returns: its writes' last bookmark", () => {
    expect(afterLoad.length).toBeGreaterThan(0);
    expect(opened.some((s) => s.mode === 'WRITE')).toBe(true);
  });

  it('go with the read of the active generation that follows, which sees the new generation', async () => {
    const store = openGraph({ driver, database, dataset, queryTimeoutMs: 5000 });
    const before = opened.length;
    expect(await store.run(activeGenerationKeyQuery(dataset))).toBe(generation);
    const [read] = opened.slice(before);
    expect(read?.mode).toBe('READ');
    expect(afterLoad).not.toEqual([]);
    expect(await read?.bookmarks).toEqual(afterLoad);
  });

  it('reach Neo4j: a bookmark it cannot read fails the read', async () => {
    const manager = driver.executeQueryBookmarkManager;
    const store = openGraph({ driver, database, dataset, queryTimeoutMs: 5000 });
    const held = [...(await manager.getBookmarks())];
    await manager.updateBookmarks(held, ['not-a-bookmark']);
    try {
      await expect(store.run(activeGenerationKeyQuery(dataset))).rejects.toMatchObject({ code: 'Neo.ClientError.Transaction.InvalidBookmark' });
    } finally {
      await manager.updateBookmarks(['not-a-bookmark'], held);
    }
    expect(await store.run(activeGenerationKeyQuery(dataset))).toBe(generation);
  });
});
