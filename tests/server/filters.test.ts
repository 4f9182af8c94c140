import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledGraph, type GraphNode, type GraphRelationship } from '../../extract/schema/compiled.ts';
import { clearDataset } from '../../server/graph/load/cleanup.ts';
import { loadGraph } from '../../server/graph/load/load-graph.ts';
import { applySchema } from '../../server/graph/schema.ts';
import { get, testApp } from '../helpers/app.ts';
import { testDatabase, testDriver, uniqueDataset } from '../helpers/neo4j.ts';

/**
 * Filters and caps on a small graph made for them, so every complete answer is known by construction:
 * who attended what, where and when is written out below, not read from the curated corpus.
 */

const QUOTE = 'Các bên đã trao đổi về hợp tác';
const evidence = [{ articleId: 'filters-article', language: 'vi' as const, quote: QUOTE }];

const person = (id: string): GraphNode => ({ id, type: 'Person', name: id, unnamed: false, aliases: [], properties: {}, evidence: [] });
const place = (id: string, kind: string): GraphNode => ({ id, type: 'Place', name: id, kind, unnamed: false, aliases: [], properties: {}, evidence: [] });
const event = (id: string, date: string, datePrecision: 'day' | 'month'): GraphNode => ({
  id,
  type: 'Event',
  name: id,
  kind: 'meeting',
  unnamed: false,
  aliases: [],
  properties: { date, datePrecision },
  evidence: [],
});
const rel = (type: GraphRelationship['type'], source: string, target: string): GraphRelationship => ({
  id: `${type.toLowerCase()}-${source}-${target}`,
  type,
  source,
  target,
  properties: {},
  evidence,
});

/** `c-00` … `c-{n-1}`: the same crowd attends the events made to reach the caps. */
const crowd = (n: number) => Array.from({ length: n }, (_, k) => `c-${String(k).padStart(2, '0')}`);

function graph(): CompiledGraph {
  const nodes: GraphNode[] = [
    ...['anh', 'binh', 'chi', 'dung', 'em', 'giang'].map(person),
    ...crowd(51).map(person),
    place('hanoi', 'city'),
    place('quang-ninh', 'province'),
    place('ha-long', 'city'),
    // The three occasions of `anh`: a day in Hanoi, a month in Ha Long (inside Quang Ninh), a day in Quang Ninh.
    event('e-hanoi', '2025-10-20', 'day'),
    event('e-halong', '2025-11', 'month'),
    event('e-quangninh', '2025-12-03', 'day'),
    // One over the counterparts-per-occasion cap, one at it; eleven full occasions overflow the rows cap.
    event('e-crowd', '2024-01-01', 'day'),
    event('e-fifty', '2024-01-02', 'day'),
    ...Array.from({ length: 11 }, (_, k) => event(`r-${String(k).padStart(2, '0')}`, `2023-01-${String(k + 1).padStart(2, '0')}`, 'day')),
  ];
  const relationships: GraphRelationship[] = [
    rel('LOCATED_IN', 'ha-long', 'quang-ninh'),
    rel('TOOK_PLACE_IN', 'e-hanoi', 'hanoi'),
    rel('TOOK_PLACE_IN', 'e-halong', 'ha-long'),
    rel('TOOK_PLACE_IN', 'e-quangninh', 'quang-ninh'),
    rel('ATTENDED', 'anh', 'e-hanoi'),
    rel('ATTENDED', 'binh', 'e-hanoi'),
    rel('ATTENDED', 'anh', 'e-halong'),
    rel('ATTENDED', 'chi', 'e-halong'),
    rel('CO_CHAIRED', 'anh', 'e-quangninh'),
    rel('CO_CHAIRED', 'chi', 'e-quangninh'),
    rel('ATTENDED', 'dung', 'e-crowd'),
    ...crowd(51).map((c) => rel('ATTENDED', c, 'e-crowd')),
    rel('ATTENDED', 'em', 'e-fifty'),
    ...crowd(50).map((c) => rel('ATTENDED', c, 'e-fifty')),
    ...Array.from({ length: 11 }, (_, k) => `r-${String(k).padStart(2, '0')}`).flatMap((r) => [
      rel('ATTENDED', 'giang', r),
      ...crowd(50).map((c) => rel('ATTENDED', c, r)),
    ]),
  ];
  const articles = [
    {
      id: 'filters-article',
      language: 'vi' as const,
      title: 'Bài mẫu',
      published: '2025-12-04',
      publisher: 'Báo Mẫu',
      url: 'https://example.org/vi/filters',
      translationGroup: 'filters',
      text: `${QUOTE} kinh tế, thương mại, logistics và giao lưu nhân dân giữa hai bên trong thời gian tới. `.repeat(3),
    },
  ];
  return CompiledGraph.parse({ version: 1, articles, nodes, relationships });
}

interface Meeting {
  counterpart: { id: string };
  event: { id: string } | null;
  how: string;
}
interface Meetings {
  meetings: Meeting[];
  truncated: boolean;
}

/** Each meeting as `counterpart@event`, sorted: a complete answer compares as one list. */
const pairs = (body: Meetings) => body.meetings.map((m) => `${m.counterpart.id}@${m.event?.id ?? '-'}`).sort();

let driver: Driver;
let dataset: string;
let app: FastifyInstance;
beforeAll(async () => {
  driver = testDriver();
  dataset = uniqueDataset('filters');
  await applySchema(driver, testDatabase());
  await loadGraph(driver, testDatabase(), dataset, graph());
  // Answers, not speed, are under test here: a slow first plan on a busy machine must not fail them.
  ({ app } = await testApp({ dataset, env: { QUERY_TIMEOUT_MS: '60000' } }));
});
afterAll(async () => {
  await app?.close();
  await clearDataset(driver, testDatabase(), dataset).catch(() => {});
  await driver?.close();
});

describe('meetings', () => {
  it('answers every counterpart at every occasion, and nothing more', async () => {
    const { status, body } = await get<Meetings>(app, '/api/v1/meetings?person=anh');
    expect(status).toBe(200);
    expect(pairs(body)).toEqual(['binh@e-hanoi', 'chi@e-halong', 'chi@e-quangninh']);
    expect(body.meetings.find((m) => m.event?.id === 'e-quangninh')?.how).toBe('co-chaired');
    expect(body.truncated).toBe(false);
  });

  it('with= keeps only the occasions the counterpart was present at', async () => {
    expect(pairs((await get<Meetings>(app, '/api/v1/meetings?person=anh&with=binh')).body)).toEqual(['binh@e-hanoi']);
    expect(pairs((await get<Meetings>(app, '/api/v1/meetings?person=anh&with=chi')).body)).toEqual(['chi@e-halong', 'chi@e-quangninh']);
    // Someone who never shared an occasion with anh: nothing, not anh's occasions under their name.
    expect(pairs((await get<Meetings>(app, '/api/v1/meetings?person=anh&with=dung')).body)).toEqual([]);
  });

  it('place= keeps the events held in the place or a place inside it, and no other', async () => {
    expect(pairs((await get<Meetings>(app, '/api/v1/meetings?person=anh&place=quang-ninh')).body)).toEqual(['chi@e-halong', 'chi@e-quangninh']);
    expect(pairs((await get<Meetings>(app, '/api/v1/meetings?person=anh&place=hanoi')).body)).toEqual(['binh@e-hanoi']);
    expect(pairs((await get<Meetings>(app, '/api/v1/meetings?person=anh&place=ha-long')).body)).toEqual(['chi@e-halong']);
  });

  it('compares a date at the coarser precision on both sides of the window', async () => {
    // e-halong is dated 2025-11: inside a window that starts or ends within that month.
    expect(pairs((await get<Meetings>(app, '/api/v1/meetings?person=anh&from=2025-11-05')).body)).toEqual(['chi@e-halong', 'chi@e-quangninh']);
    expect(pairs((await get<Meetings>(app, '/api/v1/meetings?person=anh&to=2025-11-04')).body)).toEqual(['binh@e-hanoi', 'chi@e-halong']);
    expect(pairs((await get<Meetings>(app, '/api/v1/meetings?person=anh&from=2025-10-21&to=2025-12-02')).body)).toEqual(['chi@e-halong']);
    expect(pairs((await get<Meetings>(app, '/api/v1/meetings?person=anh&from=2025-12-04')).body)).toEqual([]);
  });

  it('stops at the counterparts-per-occasion cap and says so; at the cap exactly, the answer is whole', async () => {
    const over = (await get<Meetings>(app, '/api/v1/meetings?person=dung')).body;
    expect(over.meetings).toHaveLength(50);
    expect(new Set(over.meetings.map((m) => m.event?.id))).toEqual(new Set(['e-crowd']));
    expect(over.truncated).toBe(true);
    const at = (await get<Meetings>(app, '/api/v1/meetings?person=em')).body;
    expect(pairs(at)).toEqual(crowd(50).map((c) => `${c}@e-fifty`));
    expect(at.truncated).toBe(false);
  });

  it('stops at the rows cap and says so', async () => {
    const { body } = await get<Meetings>(app, '/api/v1/meetings?person=giang');
    expect(body.meetings).toHaveLength(500);
    expect(body.truncated).toBe(true);
    // Newest occasions first: the oldest, r-00, is the one cut.
    expect(body.meetings.some((m) => m.event?.id === 'r-00')).toBe(false);
  });
});

describe('events', () => {
  const ids = async (query: string) => {
    const { status, body } = await get<{ events: { id: string }[] }>(app, `/api/v1/events?${query}`);
    expect(status).toBe(200);
    return body.events.map((e) => e.id).filter((id) => id.startsWith('e-'));
  };

  it('compares a date at the coarser precision on both sides of the window', async () => {
    expect(await ids('from=2025-11-05')).toEqual(['e-halong', 'e-quangninh']);
    expect(await ids('to=2025-11-04&from=2025-01-01')).toEqual(['e-hanoi', 'e-halong']);
    expect(await ids('from=2025-11-01&to=2025-11-30')).toEqual(['e-halong']);
    expect(await ids('from=2025-12-04')).toEqual([]);
  });

  it('place= keeps the events held in the place or a place inside it', async () => {
    expect(await ids('place=quang-ninh')).toEqual(['e-halong', 'e-quangninh']);
    expect(await ids('place=hanoi')).toEqual(['e-hanoi']);
  });

  it('participant= keeps the events the person took part in', async () => {
    expect(await ids('participant=binh')).toEqual(['e-hanoi']);
    expect(await ids('participant=chi')).toEqual(['e-halong', 'e-quangninh']);
  });

  it('stops at the limit, oldest first', async () => {
    expect(await ids('from=2025-01-01&limit=2')).toEqual(['e-hanoi', 'e-halong']);
  });
});

describe('neighbours', () => {
  interface Neighbours {
    nodes: { id: string }[];
    edges: { source: string; target: string; type: string }[];
    truncated: boolean;
  }
  const neighbours = async (query: string) => {
    const { status, body } = await get<Neighbours>(app, `/api/v1/entities/anh/neighbors?${query}`);
    expect(status).toBe(200);
    return body;
  };

  it('keeps exactly the neighbours of the given types (the root on top)', async () => {
    const events = await neighbours('types=Event');
    expect(events.nodes[0]!.id).toBe('anh');
    expect(events.nodes.slice(1).map((n) => n.id).sort()).toEqual(['e-halong', 'e-hanoi', 'e-quangninh']);
    expect(events.edges.map((e) => `${e.type}:${e.source}->${e.target}`).sort()).toEqual([
      'ATTENDED:anh->e-halong',
      'ATTENDED:anh->e-hanoi',
      'CO_CHAIRED:anh->e-quangninh',
    ]);
    const people = await neighbours('depth=2&types=Event,Person');
    expect(people.nodes.slice(1).map((n) => n.id).sort()).toEqual(['binh', 'chi', 'e-halong', 'e-hanoi', 'e-quangninh']);
    expect((await neighbours('types=Place')).nodes.map((n) => n.id)).toEqual(['anh']);
  });

  it('keeps the relations asked for, dated within the window', async () => {
    const chaired = await neighbours('relations=CO_CHAIRED');
    expect(chaired.nodes.map((n) => n.id)).toEqual(['anh', 'e-quangninh']);
  });

  it('stops at the limit and says so; at the limit exactly, the answer is whole', async () => {
    const over = await neighbours('limit=2');
    expect(over.nodes).toHaveLength(3);
    expect(over.truncated).toBe(true);
    const at = await neighbours('limit=3');
    expect(at.nodes).toHaveLength(4);
    expect(at.truncated).toBe(false);
  });
});
