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
 * the route and its parsed parameters, so every spelling of a URL (`%61` for `a`) finds the same answer. Identical requests that arrive while the first is being answered wait for its
 * answer instead of asking Neo4j again (a burst for a new URL costs one query, not one per client).
 * `X-Cache: hit|miss` says whether Neo4j was asked.
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

/** What a kept answer costs beyond its bytes and key: the map entry, the list node, the Buffer object. */
const ENTRY_OVERHEAD = 256;

/** An answer as it was sent: enough to send it again. */
interface Answer {
  status: number;
  body: Buffer;
  headers: Record<string, string>;
}
/** The headers an answer carries that the other hooks do not set again for each request. */
const ANSWER_HEADERS = ['content-type', 'retry-after'] as const;

/**
 * What waiting requests get from the one computing their answer: that answer, whatever its status
 * (the same URL on the same graph gets the same 404; a query that just timed out is not run again by
 * each of them at once); `undefined` when it cannot be sent again (not a text body), so each asks for
 * itself; `null` when that request went away unanswered (one of the waiting takes its place).
 */
type Shared = Answer | undefined | null;

/** The body in memory of its own: a small Buffer.from() is a slice of a shared 8 KB pool, and keeping it would keep the pool. */
function ownBytes(payload: string): Buffer {
  const body = Buffer.allocUnsafeSlow(Buffer.byteLength(payload));
  body.write(payload);
  return body;
}

async function responseCache(app: FastifyInstance, { maxBytes }: ResponseCacheOptions): Promise<void> {
  // Kept as bytes: a hit writes them to the socket as they are, with no encoding per request.
  const answers = new LRUCache<string, Buffer>({ maxSize: maxBytes, sizeCalculation: (body, key) => body.byteLength + key.length + ENTRY_OVERHEAD });
  const clock = new GenerationClock(() => app.graph.run(activeGenerationKeyQuery(app.graph.dataset)));
  const keys = new WeakMap<FastifyRequest, string>();
  /** Answers being computed, by key. */
  const inFlight = new Map<string, Promise<Shared>>();
  const finishers = new WeakMap<FastifyRequest, (shared: Shared) => void>();
  /** Requests whose client went away before their answer. */
  const gone = new WeakSet<FastifyRequest>();
  let served: string | null = null;

  /** Ends the request's turn as the one computing its key (once; later calls do nothing). */
  const finish = (request: FastifyRequest, shared: Shared) => {
    finishers.get(request)?.(shared);
    finishers.delete(request);
  };
  const sendAgain = (reply: FastifyReply, { status, body, headers }: Answer) => reply.code(status).headers(headers).header('x-cache', 'hit').send(body);
  const kept = (body: Buffer): Answer => ({ status: 200, body, headers: { 'content-type': 'application/json; charset=utf-8' } });

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
    const key = `${generation} ${request.routeOptions.url} ${JSON.stringify(request.params)} ${JSON.stringify(request.query)}`;
    // The first to miss computes the answer; the others wait for it.
    let first = true;
    for (;;) {
      const body = answers.get(key);
      if (body !== undefined) return sendAgain(reply, kept(body));
      const computing = inFlight.get(key);
      if (computing === undefined) break;
      const shared = await computing;
      if (shared) return sendAgain(reply, shared);
      if (shared === undefined) {
        // An answer that cannot be sent again: this request asks for itself.
        first = false;
        break;
      }
      // null: the one computing went away; look again.
    }
    // A request whose client left while it waited must not become the one the others wait for: nothing
    // after this would end its turn (onResponse does not come, onRequestAbort has been and gone).
    if (gone.has(request)) return reply.hijack();
    if (first) {
      inFlight.set(
        key,
        new Promise<Shared>((resolve) =>
          finishers.set(request, (shared) => {
            inFlight.delete(key);
            resolve(shared);
          }),
        ),
      );
    }
    keys.set(request, key);
    reply.header('x-cache', 'miss');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = keys.get(request);
    if (key === undefined) return payload;
    if (typeof payload !== 'string') {
      finish(request, undefined);
      return payload;
    }
    const body = ownBytes(payload);
    // Only successes are kept; any answer is shared with the requests waiting for it, even one too large to keep.
    if (reply.statusCode === 200 && key.startsWith(`${served} `) && body.byteLength * LARGEST_SHARE <= maxBytes) answers.set(key, body);
    const headers: Record<string, string> = {};
    for (const name of ANSWER_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    finish(request, { status: reply.statusCode, body, headers });
    return body;
  });
  // A request that ends without reaching onSend must not leave the others waiting.
  app.addHook('onResponse', async (request) => finish(request, undefined));
  app.addHook('onRequestAbort', async (request) => {
    gone.add(request);
    finish(request, null);
  });
}

export default fp(responseCache, { name: 'response-cache', fastify: '5.x', dependencies: ['graph'] });
