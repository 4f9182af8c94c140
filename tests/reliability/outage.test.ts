import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchNeo4j, type LaunchedNeo4j } from '../../db/launcher.ts';

/**
 * A real outage: a Neo4j of this test's own is stopped while the API (a process of its own, as
 * `npm start` runs it) serves, then started again on the same data folder and port. The API
 * answers 503 with a clear message meanwhile, does not exit, and recovers by itself.
 */

const SCRIPT = fileURLToPath(new URL('./fixtures/serve.ts', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'cooperation-graph-outage-'));
let neo4j: LaunchedNeo4j | undefined;
let server: ChildProcess | undefined;
let api = '';
const figures: Record<string, unknown> = {};

const launch = (port: number) => launchNeo4j({ dataDir, port, heap: '512m', pageCache: '64m' });

async function call(path: string): Promise<{ status: number; body: { error?: string; message?: string; status?: string; loadedAt?: string }; retryAfter: string | null }> {
  const response = await fetch(`${api}${path}`);
  return { status: response.status, body: (await response.json()) as { error?: string; message?: string }, retryAfter: response.headers.get('retry-after') };
}

/** Polls until `path` answers 200; resolves with the milliseconds it took. */
async function until200(path: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const { status } = await call(path).catch(() => ({ status: 0 }));
    if (status === 200) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`${path} did not answer 200 within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  neo4j = await launch(27_687);
  server = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_PASSWORD: neo4j.password, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', GRAPH_DATASET: 'seed', LOAD_SEED: 'true', RATE_LIMIT_MAX: '0' },
  });
  server.stderr!.resume();
  api = await new Promise<string>((resolve, reject) => {
    createInterface({ input: server!.stdout! }).on('line', (line) => {
      const match = /^LISTENING (\S+)/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    server!.once('exit', (code) => reject(new Error(`the API exited (${code}) before it listened`)));
  });
}, 300_000);

afterAll(async () => {
  console.log(`outage: ${JSON.stringify(figures)}`);
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  await neo4j?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, 120_000);

describe('Neo4j stopped and started again while the API serves', () => {
  it('answers 503 NEO4J_UNAVAILABLE with Retry-After while it is down, stays up, and recovers by itself', async () => {
    await until200('/api/v1/ready', 60_000);
    const stats = await call('/api/v1/stats');
    expect(stats.status).toBe(200);
    // Asked twice, /stats is in the response cache: a kept answer must not hide the outage below.
    expect(await call('/api/v1/stats')).toEqual(stats);
    const port = Number(new URL(neo4j!.uri.replace(/^bolt/, 'http')).port);

    const stopping = Date.now();
    await neo4j!.stop();
    const stopped = Date.now();
    let answered = 0;
    figures.stopMs = Date.now() - stopping;
    // While it is down, every data route answers 503. The restart below reuses the port at once
    // (the launcher binds like Neo4j, with address reuse), so this window stays short.
    for (let round = 0; round < 5; round++) {
      if (round > 0) await new Promise((r) => setTimeout(r, 500));
      for (const path of ['/api/v1/ready', '/api/v1/search?q=vu', '/api/v1/entities/vu-dai-thang', '/api/v1/stats', '/api/v1/paths?from=vu-dai-thang&to=zhang-guozhi']) {
        const response = await call(path);
        answered += 1;
        expect(response.status, path).toBe(503);
        expect(response.body, path).toEqual({ error: 'NEO4J_UNAVAILABLE', message: 'the graph database is unreachable; try again shortly' });
        expect(response.retryAfter, path).toBe('5');
      }
      expect((await call('/api/v1/health')).status).toBe(200);
    }
    figures.answeredWhileDown = answered;
    expect(server!.exitCode).toBeNull();

    neo4j = await launch(port);
    expect(neo4j.uri).toBe(`bolt://127.0.0.1:${port}`);
    figures.downForMs = Date.now() - stopped;
    // Recovery: from Neo4j accepting Bolt again to the API answering 200, with no restart of the API.
    figures.recoveryMs = await until200('/api/v1/ready', 60_000);
    expect(server!.exitCode).toBeNull();
    const again = await call('/api/v1/stats');
    expect(again).toEqual(stats);
    expect((await call('/api/v1/search?q=vu%20dai%20thang')).status).toBe(200);
  }, 300_000);
});
