import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createDriver } from '../../db/neo4j.ts';
import { testApp } from '../helpers/app.ts';

/** A TCP relay to the test Neo4j that can be cut and restored, to play an outage. */
class Relay {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly host: string,
    private readonly targetPort: number,
  ) {}

  async up(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.targetPort, this.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

const target = new URL(inject('neo4jUri').replace(/^bolt/, 'http'));
const relay = new Relay(target.hostname, Number(target.port));
let app: FastifyInstance;

beforeAll(async () => {
  await relay.up();
  const driver = createDriver(`bolt://127.0.0.1:${relay.port}`, inject('neo4jUser'), inject('neo4jPassword'));
  ({ app } = await testApp({ driver }));
});
afterAll(async () => {
  await app?.close();
  await relay.down();
});

/** The search's status once Neo4j answers through the relay, waiting up to 15 s for it. */
async function statusWhenAnswering(): Promise<{ status: number; body: string }> {
  let last = { status: 0, body: '' };
  for (let i = 0; i < 60; i++) {
    const response = await app.inject('/api/v1/search?q=anything');
    last = { status: response.statusCode, body: response.body };
    if (last.status === 200) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return last;
}

describe('while Neo4j is unreachable', () => {
  it('answers 503 at once, and recovers when Neo4j is back, without a restart', async () => {
    // Up: the process is up and Neo4j answers (the dataset is empty, so search finds nothing).
    expect(await statusWhenAnswering()).toMatchObject({ status: 200 });

    await relay.down();
    const started = Date.now();
    for (const url of ['/api/v1/search?q=anything', '/api/v1/ready', '/api/v1/entities/vu-dai-thang']) {
      const response = await app.inject(url);
      expect(response.statusCode, url).toBe(503);
      expect(response.json(), url).toMatchObject({ error: 'NEO4J_UNAVAILABLE' });
      expect(response.headers['retry-after']).toBeDefined();
    }
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await app.inject('/api/v1/health')).statusCode).toBe(200);

    await relay.up();
    expect(await statusWhenAnswering()).toMatchObject({ status: 200 });
  });
});
