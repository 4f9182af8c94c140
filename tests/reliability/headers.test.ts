import { describe, expect, it } from 'vitest';
import { createDriver } from '../../db/neo4j.ts';
import { testApp } from '../helpers/app.ts';

/** Security headers and the CORS allow-list; the web UI's working under this CSP is checked in the browser tests. */

const EXPECTED_CSP =
  "default-src 'self';base-uri 'self';font-src 'self';form-action 'self';frame-ancestors 'self';img-src 'self' data:;" +
  "object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline'";

async function appWith(env: Record<string, string> = {}) {
  const { app } = await testApp({ env, driver: createDriver('bolt://127.0.0.1:9', 'neo4j', '') });
  return app;
}

describe('security headers', () => {
  it('sends a Content Security Policy without inline scripts, and the other helmet headers, on API and error answers alike', async () => {
    const app = await appWith();
    try {
      for (const url of ['/api/v1/health', '/api/v1/no-such-route']) {
        const { headers } = await app.inject(url);
        expect(headers['content-security-policy'], url).toBe(EXPECTED_CSP);
        expect(headers, url).toMatchObject({
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'SAMEORIGIN',
          'referrer-policy': 'no-referrer',
          'cross-origin-opener-policy': 'same-origin',
          'strict-transport-security': 'max-age=31536000; includeSubDomains',
        });
        expect(headers['x-powered-by'], url).toBeUndefined();
      }
    } finally {
      await app.close();
    }
  });
});

describe('CORS allow-list (CORS_ORIGINS)', () => {
  it('allows only the listed origins, and only reads', async () => {
    const app = await appWith({ CORS_ORIGINS: 'https://explorer.example.org, https://other.example.org' });
    try {
      const allowed = await app.inject({ url: '/api/v1/health', headers: { origin: 'https://explorer.example.org' } });
      expect(allowed.headers['access-control-allow-origin']).toBe('https://explorer.example.org');
      const refused = await app.inject({ url: '/api/v1/health', headers: { origin: 'https://evil.example.com' } });
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await app.inject({
        method: 'OPTIONS',
        url: '/api/v1/health',
        headers: { origin: 'https://other.example.org', 'access-control-request-method': 'GET' },
      });
      expect(preflight.headers['access-control-allow-origin']).toBe('https://other.example.org');
      expect(String(preflight.headers['access-control-allow-methods']).replace(/\s/g, '')).toBe('GET,HEAD,OPTIONS');
    } finally {
      await app.close();
    }
  });

  it('allows no other origin by default (same-origin only)', async () => {
    const app = await appWith();
    try {
      const response = await app.inject({ url: '/api/v1/health', headers: { origin: 'https://explorer.example.org' } });
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
