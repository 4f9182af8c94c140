import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../server/errors.ts';
import { clearDataset } from '../../../server/graph/load/cleanup.ts';
import { loadGraph } from '../../../server/graph/load/load-graph.ts';
import { entityById } from '../../../server/graph/queries/entity.ts';
import { applySchema } from '../../../server/graph/schema.ts';
import { openGraph } from '../../../server/graph/store.ts';
import { testDatabase, testDriver, uniqueDataset } from '../../helpers/neo4j.ts';
import { fixtureGraph } from './fixture.ts';

/** The graph without Fastify, as the command-line tools use it. */
const driver = testDriver();
const dataset = uniqueDataset('store');
const graph = openGraph({ driver, database: testDatabase(), dataset, queryTimeoutMs: 5000 });

beforeAll(async () => {
  await applySchema(driver, testDatabase());
  await loadGraph(driver, testDatabase(), dataset, fixtureGraph());
});
afterAll(async () => {
  await clearDataset(driver, testDatabase(), dataset);
  await driver.close();
});

describe('openGraph', () => {
  it('runs the graph layer\'s queries against its dataset', async () => {
    expect(graph.dataset).toBe(dataset);
    const detail = await graph.run(entityById(dataset, 'guangdong'));
    expect(detail?.entity).toMatchObject({ id: 'guangdong', name: 'Quảng Đông' });
  });

  it('resolves an entity by id or by a name in another spelling', async () => {
    expect((await graph.resolve('who', 'nguyen-minh-vu')).id).toBe('nguyen-minh-vu');
    expect((await graph.resolve('who', 'nguyen minh vu', ['Person'])).id).toBe('nguyen-minh-vu');
  });

  it('says NOT_FOUND, naming the parameter, when nothing matches', async () => {
    const failure = await graph.resolve('who', 'nobody at all', ['Person']).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'NOT_FOUND', statusCode: 404, details: { parameter: 'who' } });
  });
});
