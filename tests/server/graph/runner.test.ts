import { afterAll, describe, expect, it } from 'vitest';
import { runGraphQuery, runInTransaction, runRetried, type GraphQuery } from '../../../server/graph/runner.ts';
import { testDatabase, testDriver, uniqueDataset } from '../../helpers/neo4j.ts';

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

describe('runInTransaction', () => {
  const driver = testDriver();
  const database = testDatabase();
  afterAll(() => driver.close());

  const write = (cypher: string, params: Record<string, unknown> = {}): GraphQuery<number> => ({
    cypher,
    params,
    routing: 'WRITE',
    transform: (records) => records.length,
  });
  const count = (marker: string) =>
    runRetried(driver, { cypher: 'MATCH (n:RunnerProbe {marker: $marker}) RETURN count(n) AS n', params: { marker }, routing: 'READ', transform: (r) => Number(r[0]?.get('n')) }, database);

  it('commits the queries of its work together, each answer through its transform', async () => {
    const marker = uniqueDataset('runner-commit');
    const answers = await runInTransaction(driver, { database, routing: 'WRITE' }, async (tx) => [
      await tx.run(write('CREATE (n:RunnerProbe {marker: $marker}) RETURN n', { marker })),
      await tx.run(write('UNWIND range(1, 2) AS i CREATE (n:RunnerProbe {marker: $marker}) RETURN n', { marker })),
    ]);
    expect(answers).toEqual([1, 2]);
    expect(await count(marker)).toBe(3);
    await runRetried(driver, write('MATCH (n:RunnerProbe {marker: $marker}) DELETE n', { marker }), database);
  });

  it('rolls every query back when one of them fails', async () => {
    const marker = uniqueDataset('runner-rollback');
    const failing = runInTransaction(driver, { database, routing: 'WRITE' }, async (tx) => {
      await tx.run(write('CREATE (n:RunnerProbe {marker: $marker}) RETURN n', { marker }));
      await tx.run(write('RETURN 1 / toInteger($zero) AS x', { zero: 0 }));
    });
    await expect(failing).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.ArithmeticError' });
    expect(await count(marker)).toBe(0);
  });
});
