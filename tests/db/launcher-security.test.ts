import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type AuthToken } from 'neo4j-driver';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { launchNeo4j } from '../../db/launcher.ts';
import { testDatabase, testDriver } from '../helpers/neo4j.ts';

/**
 * The local Neo4j as another user of the machine, or a web page in the user's browser, would meet it:
 * no way in without the password, no Bolt over WebSocket, no LOAD CSV to reach files or URLs, and
 * its data folder closed to other users.
 */

const uri = inject('neo4jUri');
const { hostname, port } = new URL(uri.replace(/^\w+(\+\w+)?:/, 'http:'));
const selfStarted = !process.env.NEO4J_URI;
const driver = testDriver();
afterAll(() => driver.close());

/** What Neo4j answers a query sent with these credentials: 'ok' or the error's code. */
async function signIn(target: string, auth: AuthToken | undefined): Promise<string> {
  const client = neo4j.driver(target, auth, { connectionTimeout: 5_000 });
  try {
    await client.executeQuery('RETURN 1', {}, { database: testDatabase() });
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    await client.close();
  }
}

/** Sends raw bytes to the Bolt port; resolves with all it answered once it closes or goes quiet. */
function exchange(bytes: string | Buffer, quietMs = 3_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks));
    };
    const timer = setTimeout(done, quietMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', done);
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? done() : reject(error)));
  });
}

describe.runIf(selfStarted)('the self-started Neo4j', () => {
  it('refuses a connection without credentials, and with the well-known initial password', async () => {
    expect(await signIn(uri, undefined)).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await signIn(uri, neo4j.auth.basic('neo4j', 'neo4j'))).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await signIn(uri, neo4j.auth.basic(inject('neo4jUser'), inject('neo4jPassword')))).toBe('ok');
  });

  it('refuses a WebSocket upgrade from a foreign web page, and still speaks Bolt on the same port', async () => {
    const upgrade = await exchange(
      [
        'GET / HTTP/1.1',
        `Host: ${hostname}:${port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        'Sec-WebSocket-Version: 13',
        'Origin: https://evil.example',
        '',
        '',
      ].join('\r\n'),
    );
    expect(upgrade.toString('latin1')).not.toMatch(/^HTTP\/1\.1 101/);
    expect(upgrade.byteLength).toBe(0);

    // Bolt's handshake: the magic preamble, then four versions the client speaks (5.0 first); the server picks one.
    const handshake = Buffer.from([0x60, 0x60, 0xb0, 0x17, 0, 0, 0, 5, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0]);
    const version = await exchange(handshake, 1_000);
    expect(version.byteLength).toBe(4);
    expect(version.readUInt32BE(0)).not.toBe(0);
  });

  it('lets LOAD CSV fetch no URL, not even one on this machine, and read no file', async () => {
    let requests = 0;
    const server = createHttpServer((_request, response) => {
      requests += 1;
      response.end('a,b\n1,2\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as { port: number };
    const folder = mkdtempSync(join(tmpdir(), 'load-csv-'));
    const file = join(folder, 'secret.csv');
    writeFileSync(file, 'a,b\n1,2\n');
    const load = (url: string) =>
      driver.executeQuery('LOAD CSV FROM $url AS row RETURN count(row) AS rows', { url }, { database: testDatabase() }).then(
        () => 'loaded',
        (error: { code?: string; message?: string }) => `${error.code}: ${error.message}`,
      );
    try {
      for (const url of [`http://127.0.0.1:${address.port}/health`, `http://localhost:${address.port}/health`, `http://[::1]:${address.port}/`]) {
        expect(await load(url), url).toMatch(/^Neo\.ClientError\.Statement\.ExternalResourceFailed: .*blocked/);
      }
      expect(requests).toBe(0);
      expect(await load(`file://${file}`)).toMatch(/^Neo\.ClientError\.Statement\.ExternalResourceFailed: .*allow_csv_import_from_file_urls/);
    } finally {
      server.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('the data folder and its password', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'launcher-security-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const launch = (password?: string) => launchNeo4j({ dataDir, port: 28187, heap: '256m', pageCache: '16m', password });

  it('closes the folder to other users, keeps a generated password in it, and lets NEO4J_PASSWORD replace it', async () => {
    // A folder made before with the usual permissions is closed too.
    chmodSync(dataDir, 0o755);
    const first = await launch();
    try {
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      const file = join(dataDir, 'neo4j-password');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8').trim()).toBe(first.password);
      expect(first.password).toMatch(/^[\w-]{43}$/);
      expect(await signIn(first.uri, neo4j.auth.basic(first.user, first.password))).toBe('ok');
      expect(await signIn(first.uri, undefined)).toBe('Neo.ClientError.Security.Unauthorized');
    } finally {
      await first.stop();
    }

    const again = await launch();
    try {
      expect(again.password).toBe(first.password);
      expect(await signIn(again.uri, neo4j.auth.basic(again.user, again.password))).toBe('ok');
    } finally {
      await again.stop();
    }

    const chosen = await launch('a-password-of-the-users-own');
    try {
      expect(await signIn(chosen.uri, neo4j.auth.basic('neo4j', 'a-password-of-the-users-own'))).toBe('ok');
      expect(await signIn(chosen.uri, neo4j.auth.basic('neo4j', first.password))).toBe('Neo.ClientError.Security.Unauthorized');
    } finally {
      await chosen.stop();
    }
  }, 300_000);
});
