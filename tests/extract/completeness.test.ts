import { beforeAll, describe, expect, it } from 'vitest';
import { compileCorpus } from '../../extract/compile.ts';
import type { CompiledGraph, GraphNode, GraphRelationship } from '../../extract/schema/compiled.ts';
import { fold, normalizeText } from '../../extract/text.ts';

/** Real facts from the five articles, checked through the compiled graph against the article that states them. */

const VI = 'guangdong-conference-9-vi';
const NL = 'guangdong-conference-9-nl';
const DE = 'guangdong-conference-9-de';
const MEETING = 'quang-ninh-guangxi-secretaries-meeting-2025-nl';
const OVERVIEW = 'quang-ninh-guangxi-cooperation-nl';

let graph: CompiledGraph;
let nodes: Map<string, GraphNode>;
beforeAll(async () => {
  graph = await compileCorpus();
  nodes = new Map(graph.nodes.map((n) => [n.id, n]));
});

function node(id: string): GraphNode {
  const n = nodes.get(id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
}

function rel(type: string, source: string, target: string): GraphRelationship {
  const r = graph.relationships.find((x) => x.type === type && x.source === source && x.target === target);
  if (!r) throw new Error(`no relationship ${type}:${source}->${target}`);
  return r;
}

function rels(type: string, where: { source?: string; target?: string }): GraphRelationship[] {
  return graph.relationships.filter(
    (r) => r.type === type && (where.source === undefined || r.source === where.source) && (where.target === undefined || r.target === where.target),
  );
}

/** The quotes an article gives for a relationship (at least one, or the test fails). */
function quotes(r: GraphRelationship | GraphNode, articleId: string): string[] {
  const found = r.evidence.filter((e) => e.articleId === articleId).map((e) => e.quote);
  expect(found, `${r.id} has no evidence from ${articleId}`).not.toHaveLength(0);
  return found;
}

/** Every entity whose name or alias folds to the same key as the query. */
function search(query: string): string[] {
  const key = fold(query);
  return graph.nodes.filter((n) => [n.name, ...n.aliases.map((a) => a.name)].some((s) => fold(s) === key)).map((n) => n.id);
}

describe('the 9th Vietnam–Guangdong conference (vi, nl, de)', () => {
  it('was held on 28 Oct 2025 at the Ministry of Foreign Affairs as the 9th of its series', () => {
    expect(node('guangdong-coordination-conference-9')).toMatchObject({
      type: 'Event',
      kind: 'conference',
      properties: { date: '2025-10-28', datePrecision: 'day', ordinal: 9 },
    });
    expect(quotes(node('guangdong-coordination-conference-9'), VI).join(' ')).toContain('Ngày 28/10');
    expect(quotes(node('guangdong-coordination-conference-9'), NL).join(' ')).toContain('Op 28 oktober');
    expect(quotes(rel('TOOK_PLACE_IN', 'guangdong-coordination-conference-9', 'ministry-of-foreign-affairs-vietnam'), VI)[0]).toContain('trụ sở Bộ Ngoại giao');
    rel('PART_OF', 'guangdong-coordination-conference-9', 'vietnam-guangdong-coordination-conference');
  });

  it('was co-chaired by Nguyễn Minh Vũ and Trương Quốc Trí (Zhang Guozhi), told in Vietnamese and Dutch (the German copy lacks the lead)', () => {
    const chairs = rels('CO_CHAIRED', { target: 'guangdong-coordination-conference-9' }).map((r) => r.source).sort();
    expect(chairs).toEqual(['nguyen-minh-vu', 'zhang-guozhi']);
    for (const chair of chairs) {
      const r = rel('CO_CHAIRED', chair, 'guangdong-coordination-conference-9');
      expect(new Set(r.evidence.map((e) => e.language))).toEqual(new Set(['vi', 'nl']));
      expect(r.properties.date).toBe('2025-10-28');
      expect(quotes(r, VI)[0]).toContain('đồng chủ trì');
      expect(quotes(r, NL)[0]).toMatch(/zat de heer Nguyen Minh Vu.*samen met de heer Truong Quoc Tri.*voor op het hoofdkantoor/);
    }
  });

  it('gives the co-chairs their offices as of the article date', () => {
    expect(rel('HOLDS_POSITION', 'nguyen-minh-vu', 'ministry-of-foreign-affairs-vietnam').properties).toMatchObject({
      title: 'Permanent Deputy Minister of Foreign Affairs',
      asOf: '2025-10-28',
      asOfPrecision: 'day',
    });
    expect(quotes(rel('HOLDS_POSITION', 'nguyen-minh-vu', 'cpv-central-committee'), VI)[0]).toContain('Ủy viên dự khuyết Trung ương Đảng');
    expect(quotes(rel('HOLDS_POSITION', 'zhang-guozhi', 'guangdong-provincial-government'), VI)[0]).toContain('Phó Tỉnh trưởng');
    expect(quotes(rel('HOLDS_POSITION', 'zhang-guozhi', 'guangdong-party-standing-committee'), VI)[0]).toContain('Ủy viên Ban Thường vụ Tỉnh ủy');
    expect(quotes(rel('REPRESENTED', 'nguyen-minh-vu', 'vietnam'), VI)[0]).toContain('Trưởng đoàn phía Việt Nam');
    expect(rel('REPRESENTED', 'zhang-guozhi', 'guangdong').properties.event).toBe('guangdong-coordination-conference-9');
  });

  it('was attended by Consul General Nguyễn Việt Dũng of the consulate in Guangzhou', () => {
    const r = rel('ATTENDED', 'nguyen-viet-dung', 'guangdong-coordination-conference-9');
    expect(r.properties.role).toBe('Consul General of Vietnam in Guangzhou');
    expect(quotes(r, VI)[0]).toContain('Tổng Lãnh sự Việt Nam tại Quảng Châu');
    expect(quotes(r, NL)[0]).toContain('consul-generaal');
    expect(quotes(r, DE)[0]).toContain('Generalkonsul');
    rel('HOLDS_POSITION', 'nguyen-viet-dung', 'consulate-general-of-vietnam-in-guangzhou');
    rel('LOCATED_IN', 'consulate-general-of-vietnam-in-guangzhou', 'guangzhou');
  });

  it('was attended by four ministries, four Vietnamese localities and Guangdong departments', () => {
    const attendees = rels('ATTENDED', { target: 'guangdong-coordination-conference-9' }).map((r) => r.source).sort();
    expect(attendees).toEqual([
      'guangdong-relevant-departments',
      'hai-phong',
      'hanoi',
      'ho-chi-minh-city',
      'ministry-of-construction-vietnam',
      'ministry-of-finance-vietnam',
      'ministry-of-industry-and-trade-vietnam',
      'ministry-of-science-and-technology-vietnam',
      'nguyen-viet-dung',
      'quang-ninh',
    ]);
    expect(quotes(rel('ATTENDED', 'ministry-of-construction-vietnam', 'guangdong-coordination-conference-9'), VI)[0]).toContain('Xây dựng');
    expect(quotes(rel('ATTENDED', 'hai-phong', 'guangdong-coordination-conference-9'), DE)[0]).toContain('Hai Phong');
    expect(node('guangdong-relevant-departments').unnamed).toBe(true);
  });

  it('followed the 8th conference of 2022', () => {
    const r = rel('PRECEDED', 'guangdong-coordination-conference-8', 'guangdong-coordination-conference-9');
    expect(quotes(r, VI)[0]).toContain('Hội nghị lần thứ 8 năm 2022');
    expect(quotes(r, NL)[0]).toContain('8e conferentie in 2022');
    expect(quotes(r, DE)[0]).toContain('8. Konferenz im Jahr 2022');
    expect(node('guangdong-coordination-conference-8').properties).toMatchObject({ date: '2022', datePrecision: 'year', ordinal: 8 });
  });

  it('saw two documents handed over, with their parties, witnessed by both delegation heads', () => {
    const parties = (agreement: string) => rels('SIGNED', { target: agreement }).map((r) => r.source).sort();
    expect(parties('uth-guangzhou-metro-strategic-cooperation-agreement')).toEqual(['guangzhou-metro-group', 'university-of-transport-ho-chi-minh-city']);
    expect(parties('img-shenzhen-vietnam-framework-agreement')).toEqual(['img-company', 'shenzhen-vietnam-joint-investment-company']);
    expect(quotes(rel('SIGNED', 'guangzhou-metro-group', 'uth-guangzhou-metro-strategic-cooperation-agreement'), VI)[0]).toContain('Tập đoàn Metro Quảng Châu');
    expect(quotes(rel('SIGNED', 'shenzhen-vietnam-joint-investment-company', 'img-shenzhen-vietnam-framework-agreement'), NL)[0]).toContain(
      'Tham Viet Joint Investment Company Limited',
    );
    expect(node('img-shenzhen-vietnam-framework-agreement')).toMatchObject({ kind: 'framework-agreement', properties: { date: '2025-10-28' } });
    for (const agreement of ['uth-guangzhou-metro-strategic-cooperation-agreement', 'img-shenzhen-vietnam-framework-agreement']) {
      expect(rels('WITNESSED', { target: agreement }).map((r) => r.source).sort()).toEqual(['nguyen-minh-vu', 'zhang-guozhi']);
      const [ceremony] = rels('SIGNED_AT', { source: agreement }).map((r) => r.target);
      expect(node(ceremony!).kind).toBe('signing-ceremony');
      rel('PART_OF', ceremony!, 'guangdong-coordination-conference-9');
    }
    expect(quotes(rel('WITNESSED', 'zhang-guozhi', 'uth-guangzhou-metro-strategic-cooperation-agreement'), VI)[0]).toContain('Trưởng đoàn hai bên chứng kiến');
  });

  it('invited Guangdong to the Autumn Economic Forum in Ho Chi Minh City, November 2025', () => {
    const r = rel('INVITED', 'nguyen-minh-vu', 'guangdong');
    expect(r.properties.event).toBe('autumn-economic-forum-2025');
    expect(quotes(r, VI)[0]).toContain('Diễn đàn Kinh tế mùa Thu');
    expect(quotes(r, DE)[0]).toContain('Herbstwirtschaftsforum');
    expect(node('autumn-economic-forum-2025').properties).toMatchObject({ date: '2025-11', datePrecision: 'month' });
    rel('TOOK_PLACE_IN', 'autumn-economic-forum-2025', 'ho-chi-minh-city');
  });

  it("reports To Lam's visit to Guangzhou as General Secretary", () => {
    expect(rel('VISITED', 'to-lam', 'guangzhou').properties.event).toBe('to-lam-visit-guangzhou');
    expect(quotes(rel('VISITED', 'to-lam', 'guangzhou'), VI)[0]).toContain('Tô Lâm đã thăm Quảng Châu');
    expect(rel('HOLDS_POSITION', 'to-lam', 'communist-party-of-vietnam').properties.title).toBe('General Secretary');
    expect(node('to-lam-visit-guangzhou').properties.date).toBeUndefined();
  });

  it('records what each co-chair proposed', () => {
    expect(String(rel('PROPOSED', 'nguyen-minh-vu', 'guangdong-coordination-conference-9').properties.summary)).toContain('urban rail');
    expect(String(rel('PROPOSED', 'zhang-guozhi', 'guangdong-coordination-conference-9').properties.summary)).toContain('AI');
    expect(quotes(rel('CONCERNS', 'guangdong-coordination-conference-9', 'greater-bay-area-development-plan'), VI)[0]).toContain('Hai hành lang, Một vành đai');
  });
});

describe('Vu Dai Thang meets Chen Gang (Tran Cuong), 2025 Spring Meeting', () => {
  it('records the meeting on 20 Feb 2025 in Quang Ninh within the Spring Meeting', () => {
    const met = rel('MET', 'vu-dai-thang', 'chen-gang');
    expect(met.properties).toMatchObject({ date: '2025-02-20', datePrecision: 'day', event: 'vu-dai-thang-chen-gang-meeting-2025' });
    expect(quotes(met, MEETING)[0]).toContain('op 20 februari, ontmoette de heer Vu Dai Thang');
    rel('PART_OF', 'vu-dai-thang-chen-gang-meeting-2025', 'spring-meeting-2025');
    rel('TOOK_PLACE_IN', 'vu-dai-thang-chen-gang-meeting-2025', 'quang-ninh');
    rel('HOSTED', 'vu-dai-thang', 'vu-dai-thang-chen-gang-meeting-2025');
    rel('PART_OF', 'spring-meeting-2025', 'spring-meeting-programme');
    expect(node('spring-meeting-2025').properties.date).toBe('2025-02-20');
  });

  it('names both secretaries with their offices and the others present', () => {
    expect(rel('HOLDS_POSITION', 'vu-dai-thang', 'quang-ninh-provincial-party-committee').properties.asOf).toBe('2025-02-20');
    expect(quotes(rel('HOLDS_POSITION', 'chen-gang', 'guangxi-party-committee'), MEETING)[0]).toContain('Tran Cuong, secretaris van het partijcomité van de autonome regio Guangxi Zhuang');
    rel('HOLDS_POSITION', 'chen-gang', 'cpc-central-committee');
    expect(quotes(rel('ATTENDED', 'cao-tuong-huy', 'vu-dai-thang-chen-gang-meeting-2025'), MEETING)[0]).toContain('Cao Tuong Huy, vicevoorzitter');
    rel('HOLDS_POSITION', 'trinh-thi-minh-thanh', 'quang-ninh-peoples-council');
    expect(quotes(rel('MET', 'trinh-thi-minh-thanh', 'chen-gang'), MEETING)[0]).toContain('overhandigde bloemen');
  });

  it('records the afternoon talks of the Lang Son, Cao Bang and Ha Giang secretaries with Chen Gang', () => {
    const secretaries = rels('MET', { target: 'chen-gang' })
      .filter((r) => r.properties.event === 'border-secretaries-guangxi-talks-2025')
      .map((r) => r.source)
      .sort();
    expect(secretaries).toEqual(['cao-bang-party-secretary', 'ha-giang-party-secretary', 'lang-son-party-secretary']);
    for (const s of secretaries) expect(node(s).unnamed).toBe(true);
    rel('HOLDS_POSITION', 'cao-bang-party-secretary', 'cao-bang-provincial-party-committee');
  });
});

describe('Quang Ninh – Guangxi cooperation overview', () => {
  it("dates Xi Jinping's state visit 14–15 April 2025 and the joint action plan signed during it", () => {
    expect(node('xi-jinping-state-visit-vietnam-2025').properties).toMatchObject({ date: '2025-04-14', endDate: '2025-04-15' });
    expect(quotes(rel('VISITED', 'xi-jinping', 'vietnam'), OVERVIEW)[0]).toContain('op 14 en 15 april 2025');
    rel('SIGNED_AT', 'joint-action-plan-vietnam-china-community-2025', 'xi-jinping-state-visit-vietnam-2025');
    expect(rels('SIGNED', { target: 'joint-action-plan-vietnam-china-community-2025' }).map((r) => r.source).sort()).toEqual([
      'cao-bang',
      'guangxi',
      'ha-giang',
      'hai-phong',
      'lang-son',
      'quang-ninh',
    ]);
    rel('HOLDS_POSITION', 'xi-jinping', 'china');
  });

  it('lists the parties of the Spring Meeting minutes and the border localities agreements', () => {
    expect(rels('SIGNED', { target: 'spring-meeting-2025-minutes-of-talks' }).map((r) => r.source).sort()).toEqual([
      'cao-bang-provincial-party-committee',
      'guangxi-party-committee',
      'ha-giang-provincial-party-committee',
      'lang-son-provincial-party-committee',
      'quang-ninh-provincial-party-committee',
    ]);
    rel('SIGNED_AT', 'spring-meeting-2025-minutes-of-talks', 'spring-meeting-2025');
    expect(rels('SIGNED', { target: 'spring-meeting-2025-border-locality-agreements' }).map((r) => r.source).sort()).toEqual([
      'guangxi-border-localities',
      'quang-ninh-border-localities',
    ]);
  });

  it('places the Mong Cai and Dongxing border gates and the agreement that concerns them', () => {
    rel('LOCATED_IN', 'mong-cai-border-gate', 'mong-cai');
    rel('LOCATED_IN', 'mong-cai', 'vietnam');
    rel('LOCATED_IN', 'dongxing-border-gate', 'dongxing');
    rel('LOCATED_IN', 'dongxing', 'china');
    expect(node('mong-cai-border-gate').kind).toBe('border-gate');
    expect(rels('SIGNED', { target: 'mong-cai-dongxing-framework-agreement' }).map((r) => r.source).sort()).toEqual(['guangxi', 'quang-ninh']);
    const subjects = rels('CONCERNS', { source: 'mong-cai-dongxing-framework-agreement' }).map((r) => r.target).sort();
    expect(subjects).toEqual([
      'bac-luan-1-bridge',
      'bac-luan-2-bridge',
      'dongxing-border-gate',
      'mong-cai-border-gate',
      'mong-cai-dongxing-cross-border-economic-cooperation-zone',
    ]);
    expect(quotes(rel('CONCERNS', 'mong-cai-dongxing-framework-agreement', 'bac-luan-2-bridge'), OVERVIEW)[0]).toContain('Bac Luan II-brug');
  });

  it('has the working group co-chaired by the two unnamed vice chairmen', () => {
    rel('IMPLEMENTS', 'mong-cai-dongxing-working-group', 'mong-cai-dongxing-framework-agreement');
    const chairs = rels('CO_CHAIRED', { target: 'mong-cai-dongxing-working-group' }).map((r) => r.source).sort();
    expect(chairs).toEqual(['guangxi-vice-chair-working-group', 'quang-ninh-vice-chair-working-group']);
    for (const c of chairs) expect(node(c)).toMatchObject({ type: 'Person', unnamed: true });
    rel('HOLDS_POSITION', 'guangxi-vice-chair-working-group', 'guangxi-peoples-government');
  });

  it('dates diplomatic relations to 18 Jan 1950', () => {
    expect(node('vietnam-china-diplomatic-relations-1950').properties.date).toBe('1950-01-18');
    rel('CONCERNS', 'vietnam-china-diplomatic-relations-1950', 'china');
  });
});

describe('names and evidence', () => {
  it('resolves spellings with and without diacritics, readings and pinyin to one entity', () => {
    expect(search('Nguyen Minh Vu')).toEqual(['nguyen-minh-vu']);
    expect(search('nguyễn minh vũ')).toEqual(['nguyen-minh-vu']);
    expect(search('Trương Quốc Trí')).toEqual(['zhang-guozhi']);
    expect(search('Truong Quoc Tri')).toEqual(['zhang-guozhi']);
    expect(search('Zhang Guozhi')).toEqual(['zhang-guozhi']);
    expect(search('Tran Cuong')).toEqual(['chen-gang']);
    expect(search('Vũ Đại Thắng')).toEqual(['vu-dai-thang']);
    expect(search('Ho-Chi-Minh-Stadt')).toEqual(['ho-chi-minh-city']);
    expect(search('Quảng Đông')).toEqual(['guangdong']);
    expect(search('Quang Ninh')).toEqual(['quang-ninh']);
  });

  it('pairs the Vietnamese reading and the pinyin of the Guangdong vice governor in the translations', () => {
    const zhang = node('zhang-guozhi');
    const nl = quotes(zhang, NL).join(' ');
    expect(nl).toContain('Zhang Guozhi');
    expect(nl).toContain('Truong Quoc Tri');
    expect(quotes(zhang, VI).join(' ')).toContain('Trương Quốc Trí');
  });

  it('quotes every relationship verbatim from the article it cites, and cites every article', () => {
    const bodies = new Map(graph.articles.map((a) => [a.id, normalizeText(a.text)]));
    const cited = new Set<string>();
    for (const item of [...graph.relationships, ...graph.nodes]) {
      for (const e of item.evidence) {
        expect(bodies.get(e.articleId), `${item.id}`).toContain(normalizeText(e.quote));
        cited.add(e.articleId);
      }
    }
    expect([...cited].sort()).toEqual(graph.articles.map((a) => a.id));
  });
});
