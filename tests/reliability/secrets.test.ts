import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createDriver, openNeo4j } from '../../db/neo4j.ts';
import { testApp } from '../helpers/app.ts';
import { loadConfig, neo4jSettings } from '../../server/config.ts';

/** Neo4j credentials come from the environment only, and never reach a log line or an answer. */

const PASSWORD = 'S3cret-Pa55word-for-the-log-test';
const USER = 'graph-reader-user';

/** Everything pino writes, line by line. */
function capture(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter((l) => l !== ''));
      done();
    },
  });
  return { stream, lines };
}

describe('credentials never appear in logs or errors', () => {
  it('a serving app whose Neo4j is unreachable logs every request and failure at trace level, without the password', async () => {
    const { stream, lines } = capture();
    const uri = 'bolt://127.0.0.1:9'; // the discard port: nothing answers Bolt there
    const env = { NEO4J_URI: uri, NEO4J_USER: USER, NEO4J_PASSWORD: PASSWORD, LOG_LEVEL: 'trace', GRAPH_DATASET: 'test-secrets' };
    const { app } = await testApp({ env, driver: createDriver(uri, USER, PASSWORD), logger: { level: 'trace', stream } });
    const bodies: string[] = [];
    try {
      for (const url of ['/api/v1/ready', '/api/v1/search?q=vu', '/api/v1/entities/vu-dai-thang', '/api/v1/stats', '/api/v1/nothing-here']) {
        const response = await app.inject(url);
        bodies.push(response.body);
        expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, url).toBeLessThan(600);
      }
    } finally {
      await app.close();
    }
    expect(bodies[0]).toContain('NEO4J_UNAVAILABLE');
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.some((l) => l.includes('NEO4J_UNAVAILABLE'))).toBe(true);
    for (const text of [...lines, ...bodies]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(Buffer.from(`${USER}:${PASSWORD}`).toString('base64'));
    }
  });

  it('start-up against an unreachable Neo4j fails with a message that names the URI without credentials', async () => {
    const settings = loadConfig({
      NEO4J_URI: `bolt://${USER}:${PASSWORD}@127.0.0.1:9`,
      NEO4J_USER: USER,
      NEO4J_PASSWORD: PASSWORD,
    });
    const failure = await openNeo4j(neo4jSettings(settings)).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(failure?.name).toBe('Neo4jUnreachableError');
    expect(failure?.message).toContain('bolt://127.0.0.1:9');
    expect(failure?.message).not.toContain(PASSWORD);
    expect(String(failure?.stack)).not.toContain(PASSWORD);
  });

  it('a bad setting is reported by name, never with the value of another variable', () => {
    let message = '';
    try {
      loadConfig({ NEO4J_URI: `http://${USER}:${PASSWORD}@db:7474`, NEO4J_PASSWORD: PASSWORD });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/NEO4J_URI:/);
    expect(message).not.toContain(PASSWORD);
  });
});
