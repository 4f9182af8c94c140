import { connect } from 'node:net';
import { request as httpRequest } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';
import { testApp } from '../helpers/app.ts';
import { testDriver } from '../helpers/neo4j.ts';

const TOKEN = 'limits-test-token-0123456789abcdef';
let app: FastifyInstance;
let driver: Driver;
let address: string;

beforeAll(async () => {
  driver = testDriver();
  ({ app } = await testApp({
    curated: 'limits',
    loader: driver,
    env: { RATE_LIMIT_MAX: '5', RATE_LIMIT_WINDOW_MS: '60000', BODY_LIMIT: '1024', REQUEST_TIMEOUT_MS: '1000', ADMIN_TOKEN: TOKEN },
  }));
  address = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await app?.close();
  await driver?.close();
});

/** What the server writes back on a raw socket until it closes the connection. */
function rawExchange(text: string, endAfterWrite = false): Promise<string> {
  const { port } = new URL(address);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('close', () => resolve(received));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? resolve(received) : reject(error)));
    socket.write(text);
    if (endAfterWrite) socket.end();
  });
}

const jsonOf = (raw: string) => JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as { error: string; message: string };

describe('rate limit (RATE_LIMIT_MAX per RATE_LIMIT_WINDOW_MS and address)', () => {
  it('answers 429 RATE_LIMITED with Retry-After past the limit, per address, and never limits the probes', async () => {
    const from = (remoteAddress: string) => app.inject({ url: '/api/v1/search?q=vu', remoteAddress });
    for (let i = 0; i < 5; i++) expect((await from('192.0.2.1')).statusCode).toBe(200);
    const limited = await from('192.0.2.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/json/);
    expect(limited.json()).toMatchObject({
      error: 'RATE_LIMITED',
      message: expect.stringMatching(/^too many requests: at most 5 per 60 s from one address; retry in/),
      details: { limit: 5, windowMs: 60000 },
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['x-ratelimit-limit']).toBe('5');
    // Another client is not affected; the probes are never limited.
    expect((await from('192.0.2.2')).statusCode).toBe(200);
    for (const probe of ['/api/v1/health', '/api/v1/ready']) {
      expect((await app.inject({ url: probe, remoteAddress: '192.0.2.1' })).statusCode, probe).toBe(200);
    }
  });
});

describe('body size limit (BODY_LIMIT)', () => {
  it('answers 413 PAYLOAD_TOO_LARGE to a body over the limit, and 401 before reading it without a token', async () => {
    const payload = JSON.stringify({ pad: 'x'.repeat(2048) });
    const big = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/reload',
      remoteAddress: '192.0.2.10',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      payload,
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toEqual({
      error: 'PAYLOAD_TOO_LARGE',
      message: 'the request body is larger than the 1024 bytes this server accepts (BODY_LIMIT)',
      details: { limit: 1024 },
    });
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/reload',
      remoteAddress: '192.0.2.11',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ pad: 'x'.repeat(1 << 20) }),
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('request timeout (REQUEST_TIMEOUT_MS) and oversized requests, over a real socket', () => {
  it('answers 408 REQUEST_TIMEOUT to a client that never finishes its request, and closes the connection', async () => {
    const raw = await rawExchange('GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    expect(raw).toMatch(/^HTTP\/1\.1 408 /);
    expect(jsonOf(raw)).toMatchObject({ error: 'REQUEST_TIMEOUT', message: expect.stringContaining('REQUEST_TIMEOUT_MS') });
  });

  it('answers 431 HEADERS_TOO_LARGE to a 1 MB URL', async () => {
    const raw = await rawExchange(`GET /api/v1/search?q=${'a'.repeat(1 << 20)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expect(raw).toMatch(/^HTTP\/1\.1 431 /);
    expect(jsonOf(raw)).toMatchObject({ error: 'HEADERS_TOO_LARGE' });
  });

  it('answers 400 in the catalogue shape to a request that is not HTTP', async () => {
    const raw = await rawExchange('\u0000\u0001 not http at all\r\n\r\n', true);
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(jsonOf(raw)).toMatchObject({ error: 'INVALID_PARAMETER' });
  });

  it('still serves normal requests on the same server', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      httpRequest(`${address}/api/v1/health`, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(200);
  });
});

describe('configuration of the limits', () => {
  it('has safe defaults: 300 requests a minute per address, 64 KiB bodies, 30 s to send a request, no admin routes', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ RATE_LIMIT_MAX: 300, RATE_LIMIT_WINDOW_MS: 60_000, BODY_LIMIT: 65_536, REQUEST_TIMEOUT_MS: 30_000, TRUST_PROXY: false, API_MAX_CONCURRENCY: 16, API_MAX_QUEUE: 1000 });
    expect(config.ADMIN_TOKEN).toBeUndefined();
    expect(config.QUERY_TIMEOUT_MS).toBe(5000);
    expect(config.EXPORT_MAX_NODES).toBe(20_000);
  });

  it.each([
    ['RATE_LIMIT_MAX', '-1'],
    ['RATE_LIMIT_MAX', 'many'],
    // Zero as 0000: the message's own bound (">0") would otherwise contain it.
    ['RATE_LIMIT_WINDOW_MS', '0000'],
    ['BODY_LIMIT', '1.5'],
    ['REQUEST_TIMEOUT_MS', '-30'],
    ['TRUST_PROXY', 'yes'],
    ['API_MAX_CONCURRENCY', '-1'],
    ['ADMIN_TOKEN', 'short-token'],
  ])('stops on a bad %s, naming the variable but not echoing the value', (name, value) => {
    let thrown: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toMatch(new RegExp(`\\b${name}:`));
    expect((thrown as Error).message).not.toContain(value);
  });
});
