import { request } from 'node:http';
import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../db/neo4j.ts';
import { buildApp } from '../../server/app.ts';
import { ConfigError, loadConfig } from '../../server/config.ts';

/**
 * DNS rebinding: a page on evil.example makes its name resolve to 127.0.0.1 and calls this server as
 * its own origin; the browser still sends `Host: evil.example`. And the admin token's own checks.
 */

const running: FastifyInstance[] = [];
afterAll(async () => {
  for (const app of running) await app.close();
});

async function appWith(env: Record<string, string> = {}): Promise<FastifyInstance> {
  const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', ...env }), driver: createDriver('bolt://127.0.0.1:9', 'neo4j', ''), logger: false });
  running.push(app);
  return app;
}

/** GET /api/v1/health over a real socket with this Host header (none for null): the status and the error code. */
function getWithHost(base: string, host: string | null): Promise<{ status: number; error?: string }> {
  const { port } = new URL(base);
  if (host === null) {
    // HTTP/1.0 allows a request without Host; node's client always adds one.
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.end('GET /api/v1/health HTTP/1.0\r\n\r\n'));
      let raw = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (raw += chunk));
      socket.on('close', () => {
        const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
        resolve({ status: Number(raw.split(' ')[1]), error: (JSON.parse(body) as { error?: string }).error });
      });
      socket.on('error', reject);
    });
  }
  return new Promise((resolve, reject) => {
    request(`${base}/api/v1/health`, { headers: { host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, error: (JSON.parse(body) as { error?: string }).error }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the Host header, while the server listens on loopback', () => {
  it('is answered for loopback names and ALLOWED_HOSTS, and refused (403 HOST_NOT_ALLOWED) for any other name', async () => {
    const app = await appWith({ ALLOWED_HOSTS: 'graph.example.org, Explorer.Example.org' });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = new URL(base);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'localhost', `LOCALHOST.:${port}`, `[::1]:${port}`, `127.1.2.3:${port}`, `explorer.localhost:${port}`, 'graph.example.org', `explorer.example.org:${port}`]) {
      expect(await getWithHost(base, host), host).toEqual({ status: 200, error: undefined });
    }
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1.evil.example:${port}`, `localhost.evil.example`, `graph.example.org.evil.example`, `[::2]:${port}`, `10.0.0.1:${port}`, 'local host', null]) {
      expect(await getWithHost(base, host), String(host)).toEqual({ status: 403, error: 'HOST_NOT_ALLOWED' });
    }
  });

  it('is not checked when HOST is not loopback (a container, where a proxy or the network names it)', async () => {
    const app = await appWith({ HOST: '0.0.0.0' });
    const response = await app.inject({ url: '/api/v1/health', headers: { host: 'graph.example.org' } });
    expect(response.statusCode).toBe(200);
  });
});

describe('ADMIN_TOKEN', () => {
  const refusal = (token: string) => {
    try {
      loadConfig({ ADMIN_TOKEN: token });
      return '';
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
  };

  it('refuses a predictable token, saying why, without echoing it', () => {
    for (const token of ['a'.repeat(24), 'ab'.repeat(20), '0123'.repeat(8), 'x'.repeat(200)]) {
      const message = refusal(token);
      expect(message, token).toMatch(/ADMIN_TOKEN: is too predictable: it must carry 96 bits or more .*openssl rand -hex 32/);
      expect(message).not.toContain(token);
    }
  });

  it('refuses whitespace, which no bearer token can carry', () => {
    for (const token of ['admin token 0123456789abcdef', 'f3a9c0d1e7b24c6a9e8d7c6b5a4f3e2d\n', '\tf3a9c0d1e7b24c6a9e8d7c6b5a4f3e2d']) {
      expect(refusal(token), JSON.stringify(token)).toMatch(/ADMIN_TOKEN: must hold no whitespace: the bearer token of an Authorization header never does/);
    }
  });

  it('takes a random one', () => {
    for (const token of ['f3a9c0d1e7b24c6a9e8d7c6b5a4f3e2d', 'Q2x1c3Rlci1rZXktZm9yLXRoZS1hcGk', 'admin-test-token-0123456789abcdef']) {
      expect(loadConfig({ ADMIN_TOKEN: token }).ADMIN_TOKEN).toBe(token);
    }
  });
});
