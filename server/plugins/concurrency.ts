import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../errors.ts';

/**
 * Back-pressure in front of Neo4j: at most `max` API requests run at once; the others wait in
 * arrival order, so a burst queues in Node instead of piling concurrent transactions onto Neo4j
 * (where each would run slower, until they all hit QUERY_TIMEOUT_MS together). Past `maxQueue`
 * waiting requests, new ones get 503 OVERLOADED at once. The probes are not held back.
 */
export interface ConcurrencyOptions {
  max: number;
  maxQueue: number;
  /** Requests this applies to. */
  applies: (request: FastifyRequest) => boolean;
}

async function concurrency(app: FastifyInstance, { max, maxQueue, applies }: ConcurrencyOptions): Promise<void> {
  let active = 0;
  const waiting: { request: FastifyRequest; start: () => void }[] = [];
  const holding = new WeakSet<FastifyRequest>();

  const release = (request: FastifyRequest) => {
    if (holding.has(request)) {
      holding.delete(request);
      active -= 1;
    } else {
      const index = waiting.findIndex((w) => w.request === request);
      if (index >= 0) waiting.splice(index, 1);
    }
    while (active < max && waiting.length > 0) {
      const next = waiting.shift()!;
      holding.add(next.request);
      active += 1;
      next.start();
    }
  };

  /** Requests whose response has closed or whose client went away. */
  const closed = new WeakSet<FastifyRequest>();
  const end = (request: FastifyRequest) => {
    closed.add(request);
    release(request);
  };
  // The turn comes back when the response closes, which also covers a client that leaves while an
  // earlier hook still holds its request (Fastify then runs the rest, but not onResponse). A response
  // held back behind an earlier one on a pipelined connection never closes if the connection dies:
  // the request's abort gives that turn back.
  app.addHook('onRequest', async (request, reply) => {
    if (applies(request)) reply.raw.once('close', () => end(request));
  });
  app.addHook('onRequestAbort', async (request) => {
    if (applies(request)) end(request);
  });

  // preHandler: after the rate limit and validation, so refused requests never take a turn.
  app.addHook('preHandler', async (request, reply) => {
    if (!applies(request)) return;
    // Nobody is left to answer: stop here rather than run a query for a closed socket.
    if (closed.has(request) || request.raw.destroyed) return reply.hijack();
    if (active < max) {
      holding.add(request);
      active += 1;
      return;
    }
    if (waiting.length >= maxQueue) {
      throw new ApiError('OVERLOADED', `the server is busy (${maxQueue} requests waiting); try again shortly`);
    }
    await new Promise<void>((start) => waiting.push({ request, start }));
  });
}

export default fp(concurrency, { name: 'concurrency', fastify: '5.x' });
