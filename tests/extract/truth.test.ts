import { beforeAll, describe, expect, it } from 'vitest';
import { compileCorpus } from '../../extract/compile.ts';
import type { CompiledGraph, GraphRelationship } from '../../extract/schema/compiled.ts';

/** The kinds of fact the truth pass added, checked on the seed graph against what the articles say. */

const VI = 'guangdong-conference-9-vi';
const OVERVIEW = 'quang-ninh-guangxi-cooperation-nl';

let graph: CompiledGraph;
beforeAll(async () => {
  graph = await compileCorpus();
});

const node = (id: string) => graph.nodes.find((n) => n.id === id);
const from = (type: string, source: string) => graph.relationships.filter((r) => r.type === type && r.source === source);
const quoteIn = (r: { evidence: readonly { articleId: string; quote: string }[] }, articleId: string) =>
  r.evidence.filter((e) => e.articleId === articleId).map((e) => e.quote);

describe('figures', () => {
  it('holds the 2024 Vietnam–Guangdong trade value, its growth, and whose figure it is', () => {
    const trade = node('vietnam-guangdong-trade-2024');
    expect(trade).toMatchObject({ type: 'Figure' });
    expect(trade!.properties).toMatchObject({ measure: 'bilateral-trade-value', value: 56.2, unit: 'billion USD', period: '2024', changeValue: 16.6, changeUnit: '%' });
    expect(quoteIn(trade!, VI).join(' ')).toContain('56,2 tỷ USD, tăng 16,6%');
    const measured = from('MEASURES', 'vietnam-guangdong-trade-2024').map((r) => [r.target, r.properties.role]).sort();
    expect(measured).toEqual([
      ['guangdong', 'subject'],
      ['vietnam', 'counterpart'],
    ]);
  });
});

describe('offices held in the past', () => {
  it('gives President Ho Chi Minh and Chairman Mao Zedong their offices as historical, with no date the article does not give', () => {
    for (const [person, title] of [
      ['ho-chi-minh', 'President'],
      ['mao-zedong', 'Chairman'],
    ] as const) {
      const [office, ...more] = from('HOLDS_POSITION', person);
      expect(more, person).toEqual([]);
      expect(office!.properties, person).toMatchObject({ title, historical: true });
      expect(office!.properties, person).not.toHaveProperty('asOf');
      expect(quoteIn(office!, OVERVIEW)[0]).toContain('president Ho Chi Minh en voorzitter Mao Zedong');
    }
  });
});

describe('things agreed and done without a signed document', () => {
  it('holds the directions and measures for 2025–2027 agreed at the 9th conference, quoted where the article says so', () => {
    const agreed = from('AGREED', 'vietnam').find((r) => r.target === 'guangdong') as GraphRelationship;
    expect(agreed.properties).toMatchObject({ event: 'guangdong-coordination-conference-9', date: '2025-10-28' });
    expect(String(agreed.properties.summary)).toContain('2025–2027');
    expect(quoteIn(agreed, VI).join(' ')).toContain('nhất trí nhiều phương hướng, biện pháp');
  });

  it('has Nguyen Minh Vu open the conference and China and Vietnam each recognise the other on 18 January 1950', () => {
    expect(from('ADDRESSED', 'nguyen-minh-vu').map((r) => [r.target, r.properties.role])).toContainEqual(['guangdong-coordination-conference-9', 'opening-speech']);
    const recognised = graph.relationships.filter((r) => r.type === 'RECOGNISED').map((r) => [r.source, r.target, r.properties.date]).sort();
    expect(recognised).toEqual([
      ['china', 'vietnam', '1950-01-18'],
      ['vietnam', 'china', '1950-01-18'],
    ]);
  });
});

describe('joint bodies', () => {
  it('joins the 2025 Spring Meeting to Guangxi and the four Vietnamese provinces, and puts no joint body inside one party', () => {
    expect(from('JOINT_BODY_OF', 'spring-meeting-2025').map((r) => r.target).sort()).toEqual(['cao-bang', 'guangxi', 'ha-giang', 'lang-son', 'quang-ninh']);
    for (const body of ['quang-ninh-guangxi-joint-working-committee', 'spring-meeting-programme', 'mong-cai-dongxing-working-group']) {
      expect(from('JOINT_BODY_OF', body).map((r) => r.target).sort(), body).toEqual(['guangxi', 'quang-ninh']);
      expect(from('PART_OF', body), body).toEqual([]);
    }
  });

  it('lets the provinces themselves implement the Joint Statement', () => {
    const implementers = graph.relationships.filter((r) => r.type === 'IMPLEMENTS' && node(r.target)?.type === 'Agreement' && /joint-statement/.test(r.target)).map((r) => r.source);
    expect(implementers).toEqual(expect.arrayContaining(['quang-ninh', 'guangxi']));
  });
});

describe('what claims too much is gone', () => {
  it('no longer places the foreign ministry in Vietnam or makes it host the conference: no article says either', () => {
    expect(from('LOCATED_IN', 'ministry-of-foreign-affairs-vietnam')).toEqual([]);
    expect(from('HOSTED', 'ministry-of-foreign-affairs-vietnam')).toEqual([]);
  });
});
