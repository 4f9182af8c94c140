import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ConfigSchema, loadConfig } from '../../server/config.ts';

interface Service {
  image?: string;
  build?: string;
  environment?: Record<string, string | number>;
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const { neo4j, app } = compose.services as { neo4j: Service; app: Service };

describe('docker-compose.yml', () => {
  it('runs the official Neo4j 5.26 Community image with a health check and a named volume', () => {
    expect(neo4j.image).toBe('neo4j:5.26-community');
    expect(neo4j.healthcheck?.test.join(' ')).toContain('cypher-shell');
    const volume = neo4j.volumes?.[0]?.split(':')[0] ?? '';
    expect(Object.keys(compose.volumes)).toContain(volume);
  });

  it('passes the app only variables the app reads, and all the Neo4j ones', () => {
    const known = Object.keys(ConfigSchema.shape);
    const passed = Object.keys(app.environment ?? {});
    expect(passed.filter((name) => !known.includes(name))).toEqual([]);
    expect(passed).toEqual(expect.arrayContaining(['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']));
  });

  it('gives the app values its configuration accepts, pointing at the neo4j service', () => {
    const env = Object.fromEntries(Object.entries(app.environment ?? {}).map(([k, v]) => [k, String(v).replace(/\$\{[^:}]+:-([^}]*)\}/, '$1')]));
    const config = loadConfig(env);
    expect(new URL(config.NEO4J_URI!.replace(/^neo4j/, 'http')).hostname).toBe('neo4j');
    expect(app.depends_on?.neo4j?.condition).toBe('service_healthy');
  });

  it('uses the same password for the database and the app', () => {
    const auth = String(neo4j.environment?.NEO4J_AUTH);
    expect(auth).toBe(`neo4j/${String(app.environment?.NEO4J_PASSWORD)}`);
  });

  it("refuses to start without a password of the user's own: none is shipped", () => {
    // `${NAME:?message}` makes compose stop with the message when NAME is unset or empty.
    expect(String(app.environment?.NEO4J_PASSWORD)).toMatch(/^\$\{NEO4J_PASSWORD:\?[^}]+\}$/);
    expect(readFileSync('docker-compose.yml', 'utf8')).not.toMatch(/NEO4J_PASSWORD:-/);
  });
});

describe('Dockerfile', () => {
  const stages = readFileSync('Dockerfile', 'utf8').split(/^FROM /m).slice(1);
  const running = stages.at(-1) ?? '';

  it('runs the app as an unprivileged user, with no development dependencies', () => {
    expect(running).toMatch(/^USER node$/m);
    expect(running).toMatch(/npm ci --omit=dev/);
    // The web UI is built in a stage of its own and only its output is copied.
    expect(running).toMatch(/^COPY --from=\w+ \/app\/dist\/web/m);
    expect(running).not.toMatch(/npm run build/);
  });
});
