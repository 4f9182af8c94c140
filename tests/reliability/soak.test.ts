import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOAK_PATHS, soak } from '../../bench/soak.ts';
import { testApp } from '../helpers/app.ts';
import { testDriver } from '../helpers/neo4j.ts';

/** A short, bounded version of `npm run bench:soak` (60 s at 100 connections): 5 s at 20. */

let app: FastifyInstance;
let driver: Driver;
let address: string;

beforeAll(async () => {
  driver = testDriver();
  ({ app } = await testApp({ curated: 'soak', loader: driver, env: { RATE_LIMIT_MAX: '0' } }));
  address = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await app?.close();
  await driver?.close();
});

describe('a short soak over every data route', () => {
  it('answers every request with 2xx: no errors, no timeouts, no 5xx', async () => {
    for (const path of SOAK_PATHS) expect((await app.inject(path)).statusCode, path).toBe(200);
    const result = await soak(address, 5, 20);
    console.log(`soak (short): ${JSON.stringify(result)}`);
    expect(result.requests).toBeGreaterThan(SOAK_PATHS.length);
    expect({ errors: result.errors, timeouts: result.timeouts, '5xx': result.status['5xx'], non2xx: result.status.non2xx }).toEqual({
      errors: 0,
      timeouts: 0,
      '5xx': 0,
      non2xx: 0,
    });
    expect(result.status['2xx']).toBe(result.requests);
  });
});
