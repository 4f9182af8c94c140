import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { activeGenerationKeyQuery } from '../graph/generations.ts';

/**
 * Answers of the read routes, kept while the generation they were computed from is served. A loaded
 * generation never changes (a load writes a new one and flips the dataset to it), so an answer stays
 * true until the flip. The generation is read from Neo4j for every request (one index seek, shared by
 * the requests that arrive together), so no request sees an answer older than the graph it asked; and
 * while Neo4j is away that read fails and the request gets the 503 as before.
 *
 * Routes opt in with `config: { cacheable: true }`; only 200 answers of GET requests are kept, by
 * their whole URL. `X-Cache: hit|miss` says which it was.
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    /** The answer depends on the URL and the served generation only. */
    cacheable?: boolean;
  }
}

export interface ResponseCacheOptions {
  maxBytes: number;
}

/** An answer larger than this share of the cache is not kept: it would push out many small ones. */
const LARGEST_SHARE = 8;

/**
 * Coalesces lookups: a request joins a lookup that starts after it arrived (the one in flight may
 * have read the dataset before a flip this request should see), so at most two run at a time.
 */
export class GenerationClock {
  private inFlight: Promise<string | null> | null = null;
  private next: Promise<string | null> | null = null;

  constructor(private readonly lookup: () => Promise<string | null>) {}

  current(): Promise<string | null> {
    if (!this.inFlight) return this.start();
    this.next ??= this.inFlight
      .catch(() => null)
      .then(() => {
        this.next = null;
        return this.start();
      });
    return this.next;
  }

  private start(): Promise<string | null> {
    const lookup = this.lookup();
    this.inFlight = lookup;
    const done = () => {
      if (this.inFlight === lookup) this.inFlight = null;
    };
    lookup.then(done, done);
    return lookup;
  }
}

async function responseCache(app: FastifyInstance, { maxBytes }: ResponseCacheOptions): Promise<void> {
  const answers = new LRUCache<string, string>({ maxSize: maxBytes, sizeCalculation: (body, key) => body.length + key.length });
  const clock = new GenerationClock(() => app.graph.run(activeGenerationKeyQuery(app.graph.dataset)));
  const keys = new WeakMap<FastifyRequest, string>();
  let served: string | null = null;

  // preHandler: after validation and the rate limit, before the concurrency limit (a hit takes no turn).
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' || !request.routeOptions.config.cacheable) return;
    const generation = await clock.current();
    if (generation === null) return;
    if (generation !== served) {
      // The dataset moved on: what was kept belongs to the old graph.
      answers.clear();
      served = generation;
    }
    const key = `${generation} ${request.url}`;
    const body = answers.get(key);
    if (body !== undefined) {
      reply.header('x-cache', 'hit').type('application/json; charset=utf-8');
      return reply.send(body);
    }
    keys.set(request, key);
    reply.header('x-cache', 'miss');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = keys.get(request);
    if (key === undefined || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    if (payload.length * LARGEST_SHARE <= maxBytes && key.startsWith(`${served} `)) answers.set(key, payload);
    return payload;
  });
}

export default fp(responseCache, { name: 'response-cache', fastify: '5.x', dependencies: ['graph'] });
