import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError, buildQuery } from '../../web/src/api/client.ts';

function fake(responses: { status: number; body: unknown }[]): { fetch: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    fetch: (async (url: string) => {
      urls.push(url);
      const r = responses.shift() ?? { status: 500, body: {} };
      return new Response(JSON.stringify(r.body), { status: r.status, headers: { 'content-type': 'application/json' } });
    }) as unknown as typeof fetch,
  };
}

describe('the API client', () => {
  it('builds queries without empty parts, lists joined by commas', () => {
    expect(buildQuery({ q: 'trương', types: ['Person', 'Place'], limit: 5, none: null, empty: '', list: [] })).toBe('?q=tr%C6%B0%C6%A1ng&types=Person,Place&limit=5');
    expect(buildQuery({})).toBe('');
  });

  it('turns an error answer into an ApiError with the server message and code', async () => {
    const f = fake([{ status: 404, body: { error: 'NOT_FOUND', message: 'no entity with the id "x"' } }]);
    const api = new ApiClient('/api/v1', f.fetch);
    const error = await api.entity('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'no entity with the id "x" (HTTP 404)' });
    expect(f.urls).toEqual(['/api/v1/entities/x']);
  });

  it('tries once more after a 503, and only once', async () => {
    const ok = fake([{ status: 503, body: { error: 'QUERY_TIMEOUT', message: 'slow' } }, { status: 200, body: { results: [] } }]);
    expect(await new ApiClient('/api/v1', ok.fetch).search('a')).toEqual({ results: [] });
    expect(ok.urls).toHaveLength(2);
    const down = fake([{ status: 503, body: { message: 'down' } }, { status: 503, body: { message: 'down' } }]);
    await expect(new ApiClient('/api/v1', down.fetch).stats()).rejects.toThrow('down (HTTP 503)');
    expect(down.urls).toHaveLength(2);
  });
});
