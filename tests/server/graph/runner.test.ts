import { afterAll, describe, expect, it } from 'vitest';
import { runGraphQuery, type GraphQuery } from '../../../server/graph/runner.ts';
import { testDatabase, testDriver } from '../../helpers/neo4j.ts';

/** The one way every read of the API reaches Neo4j (and the benchmark's direct path). */
describe('runGraphQuery', () => {
  const driver = testDriver();
  const options = { database: testDatabase(), timeoutMs: 5000 };
  afterAll(() => driver.close());

  const query = <T>(cypher: string, params: Record<string, unknown>, transform: GraphQuery<T>['transform']): GraphQuery<T> => ({
    cypher,
    params,
    routing: 'READ',
    transform,
  });

  it('runs the query with its parameters and gives the transform every record', async () => {
    const rows = await runGraphQuery(
      driver,
      query('UNWIND range(1, $n) AS i RETURN i, $word AS word', { n: 3, word: 'Quảng Ninh' }, (records) => records.map((r) => `${r.get('i')}:${r.get('word')}`)),
      options,
    );
    expect(rows).toEqual(['1:Quảng Ninh', '2:Quảng Ninh', '3:Quảng Ninh']);
  });

  it("keeps Neo4j's code and message on a failed query, with a stack that names its caller, and leaves the stack trace limit as it was", async () => {
    const limit = Error.stackTraceLimit;
    const failing = runGraphQuery(driver, query('RETURN 1 / toInteger($zero) AS x', { zero: 0 }, () => null), options);
    await expect(failing).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.ArithmeticError', message: expect.stringMatching(/by zero/i) });
    const error = (await failing.catch((e: unknown) => e)) as Error;
    expect(error.stack).toMatch(/at (async )?runGraphQuery/);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('probe').stack?.split('\n').length).toBeGreaterThan(1);
  });

  it('stops a query that runs past its timeout', async () => {
    const slow = runGraphQuery(driver, query('UNWIND range(1, 100000000) AS i WITH i WHERE i % 7 = 13 RETURN count(*) AS n', {}, (r) => r), { ...options, timeoutMs: 200 });
    await expect(slow).rejects.toMatchObject({ code: expect.stringMatching(/TimedOut/) });
  });
});
