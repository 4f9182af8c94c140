import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLauncher } from '../../db/launcher.ts';
import { openNeo4j, Neo4jUnreachableError, redactUri } from '../../db/neo4j.ts';
import { loadConfig, neo4jSettings } from '../../server/config.ts';
import { testDatabase, testDriver, uniqueDataset } from '../helpers/neo4j.ts';

const driver = testDriver();
afterAll(() => driver.close());

describe('the launched Neo4j', () => {
  it('writes and reads through neo4j-driver', async () => {
    const marker = uniqueDataset('roundtrip');
    await driver.executeQuery('CREATE (:RoundTrip {marker: $marker, name: $name})', { marker, name: 'Nguyễn Minh Vũ' }, { database: testDatabase() });
    const { records } = await driver.executeQuery(
      'MATCH (n:RoundTrip {marker: $marker}) RETURN n.name AS name',
      { marker },
      { database: testDatabase(), routing: 'READ' },
    );
    expect(records.map((r) => r.get('name'))).toEqual(['Nguyễn Minh Vũ']);
    await driver.executeQuery('MATCH (n:RoundTrip {marker: $marker}) DELETE n', { marker }, { database: testDatabase() });
  });

  it('is Neo4j 5.26 Community', async () => {
    const { records } = await driver.executeQuery('CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition', {}, { database: testDatabase() });
    expect(records[0]?.get('version')).toMatch(/^5\.26\./);
    expect(records[0]?.get('edition')).toBe('community');
  });
});

describe('the launcher', () => {
  const launcher = (host: string) => {
    buildLauncher();
    return spawnSync(
      'java',
      ['-cp', `db/target/neo4j-launcher.jar:db/target/lib/*`, 'graph.launcher.Launcher', '--data', mkdtempSync(join(tmpdir(), 'refused-')), '--host', host],
      { encoding: 'utf8', timeout: 60_000 },
    );
  };

  it('refuses to bind an address other than loopback', () => {
    const result = launcher('0.0.0.0');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('refusing to bind 0.0.0.0: only loopback addresses are allowed');
  });

  it('refuses a non-loopback interface name too', () => {
    const result = launcher('8.8.8.8');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('only loopback addresses are allowed');
  });
});

describe('connecting to NEO4J_URI', () => {
  it('names the URI, without the password, when Neo4j is unreachable', async () => {
    const config = loadConfig({ NEO4J_URI: 'bolt://reader:s3cret@127.0.0.1:1', NEO4J_PASSWORD: 's3cret' });
    const failure = await openNeo4j(neo4jSettings(config)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Neo4jUnreachableError);
    expect((failure as Error).message).toContain('Neo4j at bolt://127.0.0.1:1 is unreachable');
    expect((failure as Error).message).not.toContain('s3cret');
  });

  it('drops credentials from a URI before it is shown', () => {
    expect(redactUri('neo4j+s://admin:hunter2@db.example.org:7687')).toBe('neo4j+s://db.example.org:7687');
    expect(redactUri('bolt://localhost:7687')).toBe('bolt://localhost:7687');
  });
});
