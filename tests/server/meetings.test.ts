import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCorpus } from '../../extract/compile.ts';
import type { CompiledGraph } from '../../extract/schema/compiled.ts';
import { ACTS_AT_EVENT, PARTICIPATION_RELATIONS, SIGNING_RELATIONS } from '../../extract/schema/relation-types.ts';
import { loadGraph } from '../../server/graph/load/load-graph.ts';
import { applySchema } from '../../server/graph/schema.ts';
import type { MeetingsResponse } from '../../server/schemas/api.ts';
import { makeFixture, type Fixture } from '../extract/fixture.ts';
import { get, testApp } from '../helpers/app.ts';
import { testDatabase, testDriver, uniqueDataset } from '../helpers/neo4j.ts';

/**
 * /meetings reports occasions only: an event both took part in, or a MET relation. The seed graph as
 * curated, and the same with a few facts of the new kinds added (speeches, presentations, gifts and
 * agreements at an event, a document signed with no known occasion).
 */

const quote = { articleId: 'quang-ninh-guangxi-cooperation-nl', quote: 'Xi Jinping aan Vietnam op 14 en 15 april 2025' };
const VISIT = 'xi-jinping-state-visit-vietnam-2025';
const CONFERENCE = 'guangdong-coordination-conference-9';
const ADDED = {
  agreements: [{ id: 'test-letter', title: 'A letter with no known occasion', kind: 'other' }],
  relations: [
    { type: 'GAVE', source: 'to-lam', target: 'xi-jinping', attributes: { event: VISIT, summary: 'a commemorative gift' }, evidence: [quote] },
    { type: 'AGREED', source: 'xi-jinping', target: 'to-lam', attributes: { event: VISIT, summary: 'to deepen cooperation' }, evidence: [quote] },
    { type: 'ADDRESSED', source: 'to-lam', target: CONFERENCE, attributes: { role: 'speech' }, evidence: [quote] },
    { type: 'PRESENTED', source: 'chen-gang', target: CONFERENCE, attributes: { summary: 'the achievements of Guangxi' }, evidence: [quote] },
    { type: 'SIGNED', source: 'cao-tuong-huy', target: 'test-letter', evidence: [quote] },
    { type: 'SIGNED', source: 'xi-jinping', target: 'test-letter', evidence: [quote] },
  ],
};

const driver = testDriver();
let fx: Fixture;
let seed: { app: FastifyInstance; graph: CompiledGraph };
let added: { app: FastifyInstance; graph: CompiledGraph };

async function serve(graph: CompiledGraph): Promise<FastifyInstance> {
  const dataset = uniqueDataset('meetings');
  await applySchema(driver, testDatabase());
  await loadGraph(driver, testDatabase(), dataset, graph);
  return (await testApp({ dataset })).app;
}

beforeAll(async () => {
  fx = await makeFixture();
  const seedGraph = await compileCorpus({ seedsDir: fx.seedsDir, curationDir: fx.curationDir });
  await fx.writeYaml('zz-meetings.yaml', ADDED);
  const addedGraph = await compileCorpus({ seedsDir: fx.seedsDir, curationDir: fx.curationDir });
  seed = { app: await serve(seedGraph), graph: seedGraph };
  added = { app: await serve(addedGraph), graph: addedGraph };
});
afterAll(async () => {
  await seed?.app.close();
  await added?.app.close();
  await driver.close();
  await fx?.dispose();
});

const meetingsOf = async (app: FastifyInstance, person: string, query = '') => {
  const { status, body } = await get<MeetingsResponse>(app, `/api/v1/meetings?person=${person}${query}`);
  expect(status, person).toBe(200);
  return body.meetings;
};

/** The events a person's facts in the compiled graph place them at, by the rule docs/api.md states. */
function occasionsIn(graph: CompiledGraph, person: string): Set<string> {
  const types = new Map(graph.nodes.map((n) => [n.id, n.type]));
  const signedAt = (agreement: string) => graph.relationships.filter((r) => r.type === 'SIGNED_AT' && r.source === agreement).map((r) => r.target);
  const occasions = new Set<string>();
  for (const r of graph.relationships.filter((x) => x.source === person)) {
    const event = r.properties.event;
    if ((PARTICIPATION_RELATIONS as readonly string[]).includes(r.type) && types.get(r.target) === 'Event') occasions.add(r.target);
    if ((SIGNING_RELATIONS as readonly string[]).includes(r.type) && event === undefined) for (const e of signedAt(r.target)) occasions.add(e);
    if ((ACTS_AT_EVENT as readonly string[]).includes(r.type) && typeof event === 'string' && event !== r.target) occasions.add(event);
  }
  return occasions;
}

describe('meetings on the seed graph', () => {
  it('do not report the two vice chairs of the Mong Cai–Dongxing working group as having met: co-chairing a standing body is no occasion', async () => {
    const chairs = seed.graph.relationships.filter((r) => r.type === 'CO_CHAIRED' && r.target === 'mong-cai-dongxing-working-group').map((r) => r.source);
    expect(chairs.sort()).toEqual(['guangxi-vice-chair-working-group', 'quang-ninh-vice-chair-working-group']);
    expect(await meetingsOf(seed.app, 'quang-ninh-vice-chair-working-group')).toEqual([]);
    expect(await meetingsOf(seed.app, 'guangxi-vice-chair-working-group', '&with=quang-ninh-vice-chair-working-group')).toEqual([]);
  });

  it('give every meeting an occasion: a MET relation, or an event both took part in', async () => {
    const people = seed.graph.nodes.filter((n) => n.type === 'Person').map((n) => n.id);
    let reported = 0;
    for (const person of people) {
      for (const m of await meetingsOf(seed.app, person)) {
        reported += 1;
        const met = seed.graph.relationships.some(
          (r) => r.type === 'MET' && ((r.source === person && r.target === m.counterpart.id) || (r.target === person && r.source === m.counterpart.id)),
        );
        if (m.how === 'met') {
          expect(met, `${person} – ${m.counterpart.id}`).toBe(true);
          continue;
        }
        expect(m.event?.type, `${person} – ${m.counterpart.id}`).toBe('Event');
        expect(occasionsIn(seed.graph, person), `${person} at ${m.event!.id}`).toContain(m.event!.id);
        expect(occasionsIn(seed.graph, m.counterpart.id), `${m.counterpart.id} at ${m.event!.id}`).toContain(m.event!.id);
      }
    }
    expect(reported).toBeGreaterThan(10);
  });
});

describe('meetings with facts of the new kinds', () => {
  it('meet at the event an act names: a gift given and an agreement expressed during a visit', async () => {
    const meetings = await meetingsOf(added.app, 'to-lam');
    const atVisit = meetings.find((m) => m.counterpart.id === 'xi-jinping' && m.event?.id === VISIT);
    expect(atVisit).toMatchObject({ how: 'at-same-event', roles: { person: ['GAVE'], counterpart: ['AGREED'] }, date: '2025-04-14' });
    expect((await meetingsOf(added.app, 'xi-jinping', '&with=to-lam')).map((m) => m.event?.id)).toEqual([VISIT]);
  });

  it('meet at an event where one spoke and the other presented, and with its co-chairs', async () => {
    const meetings = await meetingsOf(added.app, 'to-lam', `&with=chen-gang`);
    expect(meetings).toMatchObject([{ event: { id: CONFERENCE }, how: 'at-same-event', roles: { person: ['ADDRESSED'], counterpart: ['PRESENTED'] } }]);
    const chairs = (await meetingsOf(added.app, 'chen-gang')).filter((m) => m.event?.id === CONFERENCE).map((m) => m.counterpart.id);
    expect(chairs).toEqual(expect.arrayContaining(['nguyen-minh-vu', 'zhang-guozhi', 'to-lam']));
  });

  it('do not meet by signing one document whose occasion no article gives', async () => {
    expect(await meetingsOf(added.app, 'cao-tuong-huy', '&with=xi-jinping')).toEqual([]);
  });
});
