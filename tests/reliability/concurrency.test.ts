import { connect } from 'node:net';
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
    await expect.poll(() => order.length).toBe(2);
    const refused = await app.inject('/api/slow/5');
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toMatchObject({ error: 'OVERLOADED', message: expect.stringContaining('busy') });
    expect(refused.headers['retry-after']).toBe('5');
    expect((await app.inject('/health')).statusCode).toBe(200);
    expect(order).toEqual([1, 2]);

    // Each request that finishes lets the next queued one in: open them one at a time, as they arrive.
    for (let finished = 0; finished < 4; finished += 1) {
      await expect.poll(() => gates.length).toBeGreaterThan(0);
      gates.shift()!();
    }
    expect((await Promise.all(pending)).map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(most).toBe(2);
    // The turns were all given back: two more run at once again.
    const again = [6, 7].map((n) => app.inject(`/api/slow/${n}`));
    await expect.poll(() => running).toBe(2);
    for (const open of gates.splice(0)) open();
    expect((await Promise.all(again)).map((r) => r.statusCode)).toEqual([200, 200]);
    await app.close();
  });

  it('gives the turn back when the client leaves while an earlier hook still holds its request', async () => {
    const app = Fastify({ logger: false });
    app.setErrorHandler(errorHandler);
    // An earlier hook that waits (as the response cache waits for the served generation).
    let openGate!: () => void;
    const gate = new Promise<void>((open) => (openGate = open));
    let held = 0;
    app.addHook('preHandler', async (request) => {
      if (request.url === '/api/held') {
        held += 1;
        await gate;
      }
    });
    const aborted = new Promise<void>((done) => app.addHook('onRequestAbort', async (_request) => done()));
    await app.register(concurrency, { max: 1, maxQueue: 0, applies: (r) => r.url.startsWith('/api/') });
    let ran = 0;
    app.get('/api/held', async () => {
      ran += 1;
      return { ok: true };
    });
    app.get('/api/next', async () => ({ ok: true }));
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = new URL(address);

    const socket = connect(Number(port), '127.0.0.1');
    socket.write('GET /api/held HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await expect.poll(() => held).toBe(1);
    socket.destroy();
    await aborted;
    openGate();
    // The one turn comes back once the held hook ends: with none free and no queue, this stays 503 OVERLOADED.
    await expect.poll(async () => (await fetch(`${address}/api/next`)).status).toBe(200);
    // And the handler did not run for the client that had gone.
    expect(ran).toBe(0);
    await app.close();
  });

  it('gives the turns back when a pipelined connection dies with answers still held back', async () => {
    const app = Fastify({ logger: false });
    app.setErrorHandler(errorHandler);
    await app.register(concurrency, { max: 2, maxQueue: 0, applies: (r) => r.url.startsWith('/api/') });
    let started = 0;
    let openGate!: () => void;
    const gate = new Promise<void>((open) => (openGate = open));
    app.get('/api/slow', async () => {
      started += 1;
      await gate;
      return { ok: true };
    });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    // Two requests on one connection: the second's answer waits behind the first's, with no socket of its own.
    const socket = connect(Number(new URL(address).port), '127.0.0.1');
    socket.on('error', () => {});
    socket.write('GET /api/slow HTTP/1.1\r\nHost: localhost\r\n\r\nGET /api/slow HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await expect.poll(() => started).toBe(2);
    socket.destroy();
    openGate();
    // Both turns come back once the two handlers end: then two at once fit, with no queue.
    await expect.poll(async () => (await Promise.all([fetch(`${address}/api/slow`), fetch(`${address}/api/slow`)])).map((r) => r.status)).toEqual([200, 200]);
    await app.close();
  });
});
