import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type {
  DossierResponse,
  EntityDetail,
  EventsResponse,
  MeetingsResponse,
  NeighborsResponse,
  PathResponse,
  SearchResponse,
  SourceDetail,
  SourcesResponse,
  StatsResponse,
} from '../../server/schemas/api.ts';
import type { ErrorResponse } from '../../server/schemas/errors.ts';
import { get, testApp } from '../helpers/app.ts';

let app: FastifyInstance;
let dataset: string;
beforeAll(async () => {
  ({ app, dataset } = await testApp({ curated: 'api' }));
});
afterAll(() => app?.close());

const api = <T>(path: string) => get<T>(app, `/api/v1${path}`);
const q = encodeURIComponent;

describe('GET /search', () => {
  it('finds a person without diacritics, by the Vietnamese name', async () => {
    const { status, body } = await api<SearchResponse>('/search?q=nguyen minh vu');
    expect(status).toBe(200);
    expect(body.results[0]).toMatchObject({ id: 'nguyen-minh-vu', type: 'Person', name: 'Nguyễn Minh Vũ' });
  });

  it('finds the Guangdong vice governor by the Vietnamese reading of his name, in any case', async () => {
    for (const name of ['Trương Quốc Trí', 'TRUONG QUOC TRI', 'zhang guozhi']) {
      const { body } = await api<SearchResponse>(`/search?q=${q(name)}`);
      expect(body.results[0]?.id, name).toBe('zhang-guozhi');
    }
  });

  it('filters by type and caps the number of results', async () => {
    const { body } = await api<SearchResponse>('/search?q=quang&types=Place&limit=2');
    expect(body.results.length).toBeLessThanOrEqual(2);
    expect(body.results.every((r) => r.type === 'Place')).toBe(true);
    expect(body.results.map((r) => r.id)).toContain('quang-ninh');
  });

  it('takes Lucene syntax in the query as plain words', async () => {
    for (const text of ['"(*:~', 'AND OR NOT', 'quang) OR (x', '\\', 'the of to']) {
      const { status, body } = await api<SearchResponse>(`/search?q=${q(text)}`);
      expect(status, text).toBe(200);
      expect(Array.isArray(body.results)).toBe(true);
    }
  });
});

describe('GET /entities/:id', () => {
  it('gives the positions, aliases by language and relation counts of the Guangdong vice governor', async () => {
    const { status, body } = await api<EntityDetail>('/entities/zhang-guozhi');
    expect(status).toBe(200);
    expect(body.entity).toMatchObject({ id: 'zhang-guozhi', type: 'Person', label: 'Zhang Guozhi' });
    expect(body.aliasesByLanguage.vi).toContain('Trương Quốc Trí');
    const governor = body.positions.find((p) => p.title === 'Vice Governor of Guangdong Province');
    expect(governor).toMatchObject({ asOf: '2025-10-28', organization: { id: 'guangdong-provincial-government' } });
    expect(governor?.evidence.length).toBeGreaterThan(0);
    expect(body.relationCounts).toContainEqual({ type: 'CO_CHAIRED', direction: 'out', count: 1 });
  });

  it('answers 404 for an unknown id', async () => {
    const { status, body } = await api<ErrorResponse>('/entities/no-such-entity');
    expect(status).toBe(404);
    expect(body.error).toBe('NOT_FOUND');
  });
});

describe('GET /entities/:id/neighbors', () => {
  it('shows who co-chaired the 9th Guangdong conference, each edge with its quotes', async () => {
    const { status, body } = await api<NeighborsResponse>('/entities/guangdong-coordination-conference-9/neighbors?relations=CO_CHAIRED');
    expect(status).toBe(200);
    expect(body.nodes[0]?.id).toBe('guangdong-coordination-conference-9');
    const chairs = body.edges.filter((e) => e.type === 'CO_CHAIRED').map((e) => e.source);
    expect(chairs.sort()).toEqual(['nguyen-minh-vu', 'zhang-guozhi']);
    for (const edge of body.edges) {
      expect(edge.target).toBe('guangdong-coordination-conference-9');
      expect(edge.evidence.length).toBeGreaterThan(0);
      expect(edge.date).toBe('2025-10-28');
    }
    const quotes = body.edges.flatMap((e) => e.evidence.map((ev) => ev.quote)).join(' ');
    expect(quotes).toMatch(/đồng chủ trì|Trương Quốc Trí|Zhang Guozhi/);
  });

  it('walks two hops, keeps every edge between shown nodes, and honours the limit', async () => {
    const { body } = await api<NeighborsResponse>('/entities/vu-dai-thang/neighbors?depth=2&limit=200');
    const ids = new Set(body.nodes.map((n) => n.id));
    expect(ids.has('chen-gang')).toBe(true);
    expect(ids.has('quang-ninh')).toBe(true); // via the meeting's place
    for (const e of body.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    expect(new Set(body.nodes.map((n) => n.id)).size).toBe(body.nodes.length);

    const small = await api<NeighborsResponse>('/entities/vu-dai-thang/neighbors?depth=2&limit=3');
    expect(small.body.nodes).toHaveLength(4);
    expect(small.body.truncated).toBe(true);
  });

  it('filters by the neighbours\u2019 type and by date', async () => {
    const people = await api<NeighborsResponse>('/entities/vu-dai-thang-chen-gang-meeting-2025/neighbors?types=Person');
    expect(people.body.nodes.slice(1).every((n) => n.type === 'Person')).toBe(true);
    const before = await api<NeighborsResponse>('/entities/vu-dai-thang-chen-gang-meeting-2025/neighbors?to=2024-12-31&relations=ATTENDED,HOSTED');
    expect(before.body.nodes).toHaveLength(1);
  });

  it('rejects a depth above 3, naming the parameter', async () => {
    const { status, body } = await api<ErrorResponse>('/entities/vu-dai-thang/neighbors?depth=4');
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'INVALID_PARAMETER', details: { parameter: 'depth' } });
    expect(body.message).toMatch(/^depth: /);
  });
});

describe('GET /meetings', () => {
  it('tells whom Quang Ninh\u2019s party secretary met, and when and where, from his name without diacritics', async () => {
    const { status, body } = await api<MeetingsResponse>('/meetings?person=Vu Dai Thang');
    expect(status).toBe(200);
    expect(body.person.id).toBe('vu-dai-thang');
    const withChen = body.meetings.find((m) => m.counterpart.id === 'chen-gang');
    expect(withChen).toMatchObject({
      how: 'met',
      date: '2025-02-20',
      event: { id: 'vu-dai-thang-chen-gang-meeting-2025', date: '2025-02-20', place: { id: 'quang-ninh' } },
    });
    expect(withChen?.roles.counterpart).toContain('ATTENDED');
    expect(withChen?.evidence.some((e) => e.quote.includes('Tran Cuong'))).toBe(true);
  });

  it('finds the two co-chairs of the Guangdong conference as counterparts', async () => {
    const { body } = await api<MeetingsResponse>(`/meetings?person=${q('Nguyễn Minh Vũ')}&with=${q('Trương Quốc Trí')}`);
    expect(body.meetings.length).toBeGreaterThan(0);
    expect(body.meetings.every((m) => m.counterpart.id === 'zhang-guozhi')).toBe(true);
    const conference = body.meetings.find((m) => m.event?.id === 'guangdong-coordination-conference-9');
    expect(conference).toMatchObject({ how: 'co-chaired', date: '2025-10-28', event: { place: { id: 'ministry-of-foreign-affairs-vietnam' } } });
    // They also witnessed the handing over of two agreements, at events of the conference.
    expect(body.meetings.some((m) => m.roles.person.includes('WITNESSED'))).toBe(true);
  });

  it('filters by date and place', async () => {
    const october = await api<MeetingsResponse>('/meetings?person=nguyen-minh-vu&from=2025-11');
    expect(october.body.meetings).toHaveLength(0);
    const inQuangNinh = await api<MeetingsResponse>('/meetings?person=chen-gang&place=quang-ninh');
    expect(inQuangNinh.body.meetings.map((m) => m.counterpart.id)).toContain('vu-dai-thang');
  });

  it('answers 409 with the candidates for a name that fits several people', async () => {
    const { status, body } = await api<ErrorResponse & { details: { candidates: { id: string }[] } }>('/meetings?person=Nguyen');
    expect(status).toBe(409);
    expect(body.error).toBe('AMBIGUOUS_NAME');
    expect(body.details.candidates.map((c) => c.id)).toEqual(expect.arrayContaining(['nguyen-minh-vu', 'nguyen-viet-dung']));
  });

  it('answers 404 for an unknown person and 400 without one', async () => {
    expect((await api<ErrorResponse>('/meetings?person=Nobody Atall')).status).toBe(404);
    const missing = await api<ErrorResponse>('/meetings');
    expect(missing.status).toBe(400);
    expect(missing.body.details).toMatchObject({ parameter: 'person' });
  });
});

describe('GET /paths', () => {
  it('connects a Vietnamese and a Chinese official, every hop with its evidence', async () => {
    const { status, body } = await api<PathResponse>('/paths?from=vu-dai-thang&to=Tran Cuong');
    expect(status).toBe(200);
    expect(body.paths.length).toBeGreaterThan(0);
    for (const path of body.paths) {
      expect(path.nodes[0]).toBe('vu-dai-thang');
      expect(path.nodes.at(-1)).toBe('chen-gang');
    }
    expect(body.paths[0]?.edges).toHaveLength(1); // they met
    for (const e of body.edges) expect(e.evidence.length).toBeGreaterThan(0);
  });

  it('finds a longer path to the Guangdong vice governor, hop by hop', async () => {
    const { body } = await api<PathResponse>('/paths?from=vu-dai-thang&to=zhang-guozhi&maxHops=6');
    const path = body.paths[0];
    expect(path).toBeDefined();
    const edges = new Map(body.edges.map((e) => [e.id, e]));
    path?.edges.forEach((id, i) => {
      const edge = edges.get(id);
      expect([edge?.source, edge?.target]).toContain(path.nodes[i]);
      expect([edge?.source, edge?.target]).toContain(path.nodes[i + 1]);
    });
  });

  it('answers no path when the hops do not reach, and 400 for the same entity twice', async () => {
    const short = await api<PathResponse>('/paths?from=vu-dai-thang&to=zhang-guozhi&maxHops=1');
    expect(short.body.paths).toEqual([]);
    const same = await api<ErrorResponse>('/paths?from=vu-dai-thang&to=Vu Dai Thang');
    expect(same.status).toBe(409);
    expect(same.body).toMatchObject({ error: 'SAME_ENTITY', details: { id: 'vu-dai-thang' } });
    expect((await api<ErrorResponse>('/paths?from=vu-dai-thang&to=zhang-guozhi&maxHops=7')).status).toBe(400);
  });
});

describe('GET /events', () => {
  it('is a timeline sorted by date', async () => {
    const { body } = await api<EventsResponse>('/events');
    const dates = body.events.map((e) => e.date).filter((d): d is string => d !== undefined);
    expect(dates).toEqual([...dates].sort());
    expect(body.events.map((e) => e.id)).toContain('guangdong-coordination-conference-9');
  });

  it('filters by participant (by name), type, place and date', async () => {
    const zhang = await api<EventsResponse>(`/events?participant=${q('Trương Quốc Trí')}&type=conference`);
    expect(zhang.body.events.map((e) => e.id)).toEqual(['guangdong-coordination-conference-9']);
    expect(zhang.body.events[0]?.participants.filter((p) => p.relation === 'CO_CHAIRED').map((p) => p.id).sort()).toEqual([
      'nguyen-minh-vu',
      'zhang-guozhi',
    ]);
    const inQuangNinh = await api<EventsResponse>('/events?place=quang-ninh&from=2025-02&to=2025-02');
    expect(inQuangNinh.body.events.map((e) => e.id)).toEqual(expect.arrayContaining(['spring-meeting-2025', 'vu-dai-thang-chen-gang-meeting-2025']));
    expect(inQuangNinh.body.events.every((e) => e.date?.startsWith('2025-02'))).toBe(true);
  });

  it('rejects an impossible date, naming the parameter', async () => {
    const { status, body } = await api<ErrorResponse>('/events?from=2025-13-40');
    expect(status).toBe(400);
    expect(body.details).toMatchObject({ parameter: 'from' });
  });
});

describe('GET /dossier', () => {
  it('tells the history of Quang Ninh – Guangxi cooperation', async () => {
    const { status, body } = await api<DossierResponse>('/dossier?a=quang-ninh&b=guangxi');
    expect(status).toBe(200);
    expect(body.a.id).toBe('quang-ninh');
    expect(body.b.id).toBe('guangxi');
    const meeting = body.events.find((e) => e.id === 'vu-dai-thang-chen-gang-meeting-2025');
    expect(meeting?.sides.a).toContain('vu-dai-thang');
    expect(meeting?.sides.b).toContain('chen-gang');

    const framework = body.agreements.find((a) => a.id === 'mong-cai-dongxing-framework-agreement');
    expect(framework?.signatories.map((s) => [s.id, s.side])).toEqual(expect.arrayContaining([['quang-ninh', 'a'], ['guangxi', 'b']]));
    const minutes = body.agreements.find((a) => a.id === 'spring-meeting-2025-minutes-of-talks');
    expect(minutes?.signedAt?.id).toBe('spring-meeting-2025');
    for (const agreement of body.agreements) for (const s of agreement.signatories) expect(s.evidence.length).toBeGreaterThan(0);

    const thang = body.people.find((p) => p.person.id === 'vu-dai-thang');
    expect(thang?.side).toBe('a');
    expect(thang?.positions.map((p) => p.title)).toContain('Secretary of the Provincial Party Committee');
    expect(body.people.find((p) => p.person.id === 'chen-gang')?.side).toBe('b');

    expect(body.mechanisms.map((m) => m.id)).toEqual(expect.arrayContaining(['spring-meeting-programme']));
  });

  it('accepts the parties by name, and gives the Guangdong conference for Vietnam and Guangdong', async () => {
    const { status, body } = await api<DossierResponse>(`/dossier?a=Vietnam&b=${q('Quảng Đông')}`);
    expect(status).toBe(200);
    expect(body.events.map((e) => e.id)).toContain('guangdong-coordination-conference-9');
    expect(body.people.find((p) => p.person.id === 'zhang-guozhi')?.side).toBe('b');
    expect(body.mechanisms.map((m) => m.id)).toContain('vietnam-guangdong-coordination-conference');
  });

  it('answers 409 SAME_ENTITY when both parties are one, named twice', async () => {
    const { status, body } = await api<ErrorResponse>(`/dossier?a=guangdong&b=${q('Quảng Đông')}`);
    expect(status).toBe(409);
    expect(body).toMatchObject({ error: 'SAME_ENTITY', details: { parameters: ['a', 'b'], id: 'guangdong' } });
  });
});

describe('GET /sources', () => {
  it('lists the five articles with their languages', async () => {
    const { body } = await api<SourcesResponse>('/sources');
    expect(body.sources).toHaveLength(5);
    expect(new Set(body.sources.map((s) => s.language))).toEqual(new Set(['vi', 'nl', 'de']));
    expect(body.sources.every((s) => s.factCount > 0)).toBe(true);
    const dutch = await api<SourcesResponse>('/sources?language=nl');
    expect(dutch.body.sources.every((s) => s.language === 'nl')).toBe(true);
  });

  it('gives an article\u2019s text and the facts it supports, with its own quotes only', async () => {
    const { status, body } = await api<SourceDetail>('/sources/guangdong-conference-9-vi');
    expect(status).toBe(200);
    expect(body.article.text).toContain('Nguyễn Minh Vũ');
    const cochair = body.edges.find((e) => e.type === 'CO_CHAIRED' && e.source === 'zhang-guozhi');
    expect(cochair?.evidence[0]?.quote).toContain('Trương Quốc Trí');
    for (const e of body.edges) {
      expect(e.evidence.length).toBeGreaterThan(0);
      for (const ev of e.evidence) {
        expect(ev.articleId).toBe('guangdong-conference-9-vi');
        expect(body.article.text).toContain(ev.quote);
      }
    }
    expect((await api<ErrorResponse>('/sources/no-such-article')).status).toBe(404);
  });
});

describe('GET /stats, /health, /ready', () => {
  it('counts the graph and gives its date range and load time', async () => {
    const { body } = await api<StatsResponse>('/stats');
    expect(body.dataset).toBe(dataset);
    expect(body.nodes.Person).toBeGreaterThan(10);
    expect(body.relationships.CO_CHAIRED).toBeGreaterThan(0);
    expect(body.articles).toBe(5);
    expect(body.dateRange.to! >= '2025-10-28').toBe(true);
    expect(body.loadedAt).not.toBeNull();
  });

  it('is up and ready', async () => {
    expect((await api('/health')).body).toEqual({ status: 'ok' });
    expect((await api('/ready')).body).toMatchObject({ status: 'ready', dataset });
  });
});

describe('errors and headers', () => {
  it('never answers 500 for bad input', async () => {
    const bad = [
      '/search?q=',
      `/search?q=${'x'.repeat(5000)}`,
      '/search?q=a&limit=-1',
      '/search?q=a&limit=abc',
      '/search?q=a&types=Bogus',
      '/search?q=a&q=b',
      '/entities/%E0%A4%A',
      `/entities/${'x'.repeat(600)}`,
      '/entities/x/neighbors?depth=1.5',
      '/entities/x/neighbors?relations=DROP',
      '/meetings?person=%00',
      '/paths?from=a',
      '/events?type=party',
      '/events?from=yesterday',
      '/dossier?a=quang-ninh',
      '/sources?language=fr',
    ];
    for (const url of bad) {
      const response = await app.inject({ method: 'GET', url: `/api/v1${url}` });
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.json(), url).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    }
  });

  it('answers an unknown route with the JSON error shape', async () => {
    const { status, body } = await api<ErrorResponse>('/nope');
    expect(status).toBe(404);
    expect(body.error).toBe('ROUTE_NOT_FOUND');
  });

  it('sends security headers and no CORS grant to an unknown origin', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/health', headers: { origin: 'https://elsewhere.example' } });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBeDefined();
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});
