import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { errorHandler } from '../../server/errors.ts';
import concurrency from '../../server/plugins/concurrency.ts';

describe('back-pressure (API_MAX_CONCURRENCY, API_MAX_QUEUE)', () => {
  it('runs at most `max` requests at once, queues the next in order, and answers 503 OVERLOADED past the queue', async () => {
    const app = Fastify({ logger: false });
    app.setErrorHandler(errorHandler);
    await app.register(concurrency, { max: 2, maxQueue: 2, applies: (r) => r.url.startsWith('/api/') });
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const gates: (() => void)[] = [];
    app.get('/api/slow/:n', async (request) => {
      running += 1;
      most = Math.max(most, running);
      order.push(Number((request.params as { n: string }).n));
      await new Promise<void>((open) => gates.push(open));
      running -= 1;
      return { ok: true };
    });
    app.get('/health', async () => ({ ok: true }));
    await app.ready();

    const pending = [1, 2, 3, 4].map((n) => app.inject(`/api/slow/${n}`));
    await new Promise((r) => setTimeout(r, 50));
    const refused = await app.inject('/api/slow/5');
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toMatchObject({ error: 'OVERLOADED', message: expect.stringContaining('busy') });
    expect(refused.headers['retry-after']).toBe('5');
    expect((await app.inject('/health')).statusCode).toBe(200);
    expect(order).toEqual([1, 2]);

    while (order.length < 4 || gates.length > 0) {
      const open = gates.shift();
      if (open) open();
      await new Promise((r) => setTimeout(r, 10));
    }
    expect((await Promise.all(pending)).map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(most).toBe(2);
    // The turns were all given back: two more run at once again.
    const again = [6, 7].map((n) => app.inject(`/api/slow/${n}`));
    await new Promise((r) => setTimeout(r, 50));
    expect(running).toBe(2);
    for (const open of gates.splice(0)) open();
    expect((await Promise.all(again)).map((r) => r.statusCode)).toEqual([200, 200]);
    await app.close();
  });
});
