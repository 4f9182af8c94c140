import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCorpus } from '../../extract/compile.ts';
import { loadGraph } from '../../server/graph/load/load-graph.ts';
import { applySchema } from '../../server/graph/schema.ts';
import type { DossierResponse, EntityDetail } from '../../server/schemas/api.ts';
import { makeFixture, type Fixture } from '../extract/fixture.ts';
import { get, testApp } from '../helpers/app.ts';
import { testDatabase, testDriver, uniqueDataset } from '../helpers/neo4j.ts';

/**
 * Figures and past offices through the API: the seed curation with figures and an office of the
 * test's own added (ids starting with `test-`), so the assertions hold whatever the curation holds.
 */

const TRADE_QUOTE = { articleId: 'guangdong-conference-9-vi', quote: 'kim ngạch song phương năm 2024 đạt 56,2 tỷ USD, tăng 16,6% so với cùng kỳ' };
const GDP_QUOTE = { articleId: 'guangdong-conference-9-vi', quote: 'liên tục 36 năm liền đứng đầu Trung Quốc' };
const ADDED = {
  figures: [
    {
      id: 'test-trade-2024',
      name: 'Vietnam–Guangdong two-way trade, 2024',
      measure: 'bilateral-trade-value',
      value: 56.2,
      unit: 'billion USD',
      period: 2024,
      change: { value: 16.6, unit: '%', basis: 'year-on-year' },
      evidence: [TRADE_QUOTE],
    },
    { id: 'test-gdp-ranking', name: "Guangdong's GDP ranking in China", measure: 'gdp-ranking', rank: 1, unit: 'rank', scope: 'China', evidence: [GDP_QUOTE] },
  ],
  relations: [
    { type: 'MEASURES', source: 'test-trade-2024', target: 'guangdong', attributes: { role: 'subject' }, evidence: [TRADE_QUOTE] },
    { type: 'MEASURES', source: 'test-trade-2024', target: 'vietnam', attributes: { role: 'counterpart' }, evidence: [TRADE_QUOTE] },
    { type: 'MEASURES', source: 'test-gdp-ranking', target: 'guangdong', attributes: { role: 'subject' }, evidence: [GDP_QUOTE] },
    { type: 'MEASURES', source: 'test-gdp-ranking', target: 'china', attributes: { role: 'scope' }, evidence: [GDP_QUOTE] },
    {
      type: 'HOLDS_POSITION',
      source: 'to-lam',
      target: 'communist-party-of-vietnam',
      qualifier: 'test-past',
      attributes: { title: 'General Secretary', historical: true, from: '2024-08' },
      evidence: [{ articleId: 'guangdong-conference-9-vi', quote: 'Tổng Bí thư Tô Lâm đã thăm Quảng Châu đầu tiên' }],
    },
  ],
};

const ours = <T extends { id: string }>(figures: readonly T[] | undefined) => (figures ?? []).filter((f) => f.id.startsWith('test-'));

const driver = testDriver();
let fx: Fixture;
let app: FastifyInstance;

beforeAll(async () => {
  fx = await makeFixture();
  await fx.writeYaml('zz-figures.yaml', ADDED);
  const dataset = uniqueDataset('figures');
  await applySchema(driver, testDatabase());
  await loadGraph(driver, testDatabase(), dataset, await compileCorpus({ seedsDir: fx.seedsDir, curationDir: fx.curationDir }));
  ({ app } = await testApp({ dataset }));
});
afterAll(async () => {
  await app?.close();
  await driver.close();
  await fx?.dispose();
});

const trade = {
  id: 'test-trade-2024',
  name: 'Vietnam–Guangdong two-way trade, 2024',
  measure: 'bilateral-trade-value',
  value: 56.2,
  unit: 'billion USD',
  qualifier: 'exact',
  period: '2024',
  change: { value: 16.6, unit: '%', basis: 'year-on-year' },
  measures: [
    { id: 'guangdong', type: 'Place', name: 'Guangdong', kind: 'province', role: 'subject' },
    { id: 'vietnam', type: 'Place', name: 'Vietnam', kind: 'country', role: 'counterpart' },
  ],
  evidence: [{ ...TRADE_QUOTE, language: 'vi' }],
};

describe('the figures of an entity', () => {
  it('lists the figures that measure a province, its own first, each with value, unit, period, change and quote', async () => {
    const { status, body } = await get<EntityDetail>(app, '/api/v1/entities/guangdong');
    expect(status).toBe(200);
    const figures = ours(body.figures);
    expect(figures.map((f) => f.id)).toEqual(['test-trade-2024', 'test-gdp-ranking']);
    expect(figures[0]).toEqual({ ...trade, role: 'subject' });
    expect(figures[1]).toMatchObject({ measure: 'gdp-ranking', rank: 1, unit: 'rank', scope: 'China', role: 'subject' });
    expect(figures[1]).not.toHaveProperty('value');
  });

  it("gives the other side of a bilateral figure the figure too, as its counterpart, and leaves figures out where there are none", async () => {
    const vietnam = await get<EntityDetail>(app, '/api/v1/entities/vietnam');
    expect(ours(vietnam.body.figures)).toEqual([{ ...trade, role: 'counterpart' }]);
    const person = await get<EntityDetail>(app, '/api/v1/entities/zhang-guozhi');
    expect(person.body).not.toHaveProperty('figures');
  });

  it('shows a figure as an entity of its own, with its properties as they are stored', async () => {
    const { body } = await get<EntityDetail>(app, '/api/v1/entities/test-trade-2024');
    expect(body.entity).toMatchObject({ type: 'Figure', value: 56.2, unit: 'billion USD', changeValue: 16.6, changeUnit: '%', changeBasis: 'year-on-year', period: '2024' });
    expect(body.relationCounts).toEqual([{ type: 'MEASURES', direction: 'out', count: 2 }]);
  });
});

describe('positions held in the past', () => {
  it('come with historical and from, after the offices held as of an article', async () => {
    const { body } = await get<EntityDetail>(app, '/api/v1/entities/to-lam');
    const at = body.positions.findIndex((p) => p.from === '2024-08');
    expect(body.positions[at]).toMatchObject({ title: 'General Secretary', historical: true, from: '2024-08', organization: { id: 'communist-party-of-vietnam' } });
    expect(body.positions[at]).not.toHaveProperty('asOf');
    expect(body.positions.slice(at + 1).every((p) => p.asOf === undefined)).toBe(true);
  });
});

describe('the figures of a dossier', () => {
  it('lists the figures that measure both sides, not those of one side alone', async () => {
    const { body } = await get<DossierResponse>(app, '/api/v1/dossier?a=vietnam&b=guangdong');
    expect(ours(body.figures)).toEqual([{ ...trade, role: 'counterpart' }]);
    const reversed = await get<DossierResponse>(app, '/api/v1/dossier?a=guangdong&b=vietnam');
    expect(ours(reversed.body.figures).map((f) => f.role)).toEqual(['subject']);
  });

  it("keeps a figure whose period overlaps the dossier's dates, and leaves it out otherwise", async () => {
    expect(ours((await get<DossierResponse>(app, '/api/v1/dossier?a=vietnam&b=guangdong&from=2024-06&to=2025')).body.figures)).toHaveLength(1);
    const later = await get<DossierResponse>(app, '/api/v1/dossier?a=vietnam&b=guangdong&from=2025');
    expect(later.status).toBe(200);
    expect(ours(later.body.figures)).toEqual([]);
  });

  it('leaves figures out of an answer that has none', async () => {
    const { body } = await get<DossierResponse>(app, '/api/v1/dossier?a=quang-ninh&b=guangdong');
    expect(body).not.toHaveProperty('figures');
  });
});
