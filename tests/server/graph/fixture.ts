import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { CompiledGraph, type GraphNode, type GraphRelationship } from '../../../extract/schema/compiled.ts';
import type { Article } from '../../../extract/schema/article.ts';

/** A small hand-built graph in the compiled shape, independent of the curated corpus. */

const text = (topic: string) =>
  `${topic}. `.repeat(3) +
  'Đoàn công tác đã trao đổi về hợp tác kinh tế, thương mại, logistics và giao lưu nhân dân giữa hai bên trong thời gian tới.';

const articles: Article[] = [
  {
    id: 'vi-conference-9',
    language: 'vi',
    title: 'Hội nghị lần thứ 9',
    published: '2025-04-14',
    publisher: 'Báo Mẫu',
    url: 'https://example.org/vi/conference-9',
    translationGroup: 'conference-9',
    text: text('Nguyễn Minh Vũ đồng chủ trì Hội nghị lần thứ 9 tại Quảng Châu, tỉnh Quảng Đông'),
  },
  {
    id: 'de-conference-9',
    language: 'de',
    title: 'Die neunte Konferenz',
    published: '2025-04-15',
    publisher: 'Beispielzeitung',
    url: 'https://example.org/de/conference-9',
    translationGroup: 'conference-9',
    author: 'Redaktion',
    text: text('Nguyễn Minh Vũ leitete die Konferenz in der Provinz Guangdong mit; Gäste kamen aus Ho-Chi-Minh-Stadt'),
  },
];

const ev = (articleId: 'vi-conference-9' | 'de-conference-9', quote: string) => ({
  articleId,
  language: articleId.startsWith('vi') ? ('vi' as const) : ('de' as const),
  quote,
});

const nodes: GraphNode[] = [
  {
    id: 'nguyen-minh-vu',
    type: 'Person',
    name: 'Nguyễn Minh Vũ',
    unnamed: false,
    aliases: [{ name: 'Nguyen Minh Vu', lang: 'en' }],
    properties: { description: 'Deputy minister' },
    evidence: [ev('vi-conference-9', 'Nguyễn Minh Vũ đồng chủ trì Hội nghị lần thứ 9')],
  },
  {
    id: 'do-van-duc',
    type: 'Person',
    name: 'Đỗ Văn Đức',
    unnamed: false,
    aliases: [],
    properties: {},
    evidence: [],
  },
  {
    id: 'guangdong',
    type: 'Place',
    name: 'Quảng Đông',
    kind: 'province',
    unnamed: false,
    aliases: [
      { name: 'Provinz Guangdong', lang: 'de' },
      { name: 'Guangdong', lang: 'zh' },
    ],
    properties: {},
    evidence: [ev('de-conference-9', 'die Konferenz in der Provinz Guangdong')],
  },
  {
    id: 'ho-chi-minh-city',
    type: 'Place',
    name: 'Thành phố Hồ Chí Minh',
    kind: 'city',
    unnamed: false,
    aliases: [{ name: 'Ho-Chi-Minh-Stadt', lang: 'de' }],
    properties: {},
    evidence: [ev('de-conference-9', 'Gäste kamen aus Ho-Chi-Minh-Stadt')],
  },
  {
    id: 'ministry-of-foreign-affairs',
    type: 'Organization',
    name: 'Bộ Ngoại giao',
    kind: 'ministry',
    unnamed: false,
    aliases: [{ name: 'Ministry of Foreign Affairs', lang: 'en' }],
    properties: {},
    evidence: [],
  },
  {
    id: 'conference-9',
    type: 'Event',
    name: 'Hội nghị lần thứ 9',
    kind: 'conference',
    unnamed: false,
    aliases: [{ name: 'Neunte Konferenz', lang: 'de' }],
    properties: { date: '2025-04-14', datePrecision: 'day', ordinal: 9 },
    evidence: [ev('vi-conference-9', 'Hội nghị lần thứ 9 tại Quảng Châu'), ev('de-conference-9', 'leitete die Konferenz')],
  },
  {
    id: 'minutes-conference-9',
    type: 'Agreement',
    name: 'Biên bản Hội nghị lần thứ 9',
    kind: 'minutes',
    unnamed: false,
    aliases: [],
    properties: { date: '2025-04-14', datePrecision: 'day', title: 'Minutes' },
    evidence: [ev('vi-conference-9', 'Hội nghị lần thứ 9 tại Quảng Châu')],
  },
];

const relationships: GraphRelationship[] = [
  {
    id: 'co-chaired-nguyen-minh-vu-conference-9',
    type: 'CO_CHAIRED',
    source: 'nguyen-minh-vu',
    target: 'conference-9',
    properties: { date: '2025-04-14', datePrecision: 'day', role: 'co-chair' },
    evidence: [ev('vi-conference-9', 'Nguyễn Minh Vũ đồng chủ trì Hội nghị lần thứ 9'), ev('de-conference-9', 'leitete die Konferenz')],
  },
  {
    id: 'took-place-in-conference-9-guangdong',
    type: 'TOOK_PLACE_IN',
    source: 'conference-9',
    target: 'guangdong',
    properties: {},
    evidence: [ev('de-conference-9', 'die Konferenz in der Provinz Guangdong')],
  },
  {
    id: 'holds-position-nguyen-minh-vu-mofa',
    type: 'HOLDS_POSITION',
    source: 'nguyen-minh-vu',
    target: 'ministry-of-foreign-affairs',
    properties: { title: 'Deputy Minister', asOf: '2025-04-14', asOfPrecision: 'day' },
    evidence: [ev('vi-conference-9', 'Nguyễn Minh Vũ đồng chủ trì Hội nghị lần thứ 9')],
  },
  {
    id: 'met-nguyen-minh-vu-do-van-duc',
    type: 'MET',
    source: 'nguyen-minh-vu',
    target: 'do-van-duc',
    properties: { event: 'conference-9' },
    evidence: [ev('vi-conference-9', 'Hội nghị lần thứ 9 tại Quảng Châu')],
  },
  {
    id: 'signed-at-minutes-conference-9',
    type: 'SIGNED_AT',
    source: 'minutes-conference-9',
    target: 'conference-9',
    properties: {},
    evidence: [ev('vi-conference-9', 'Hội nghị lần thứ 9 tại Quảng Châu')],
  },
  {
    id: 'attended-hcmc-conference-9',
    type: 'ATTENDED',
    source: 'ho-chi-minh-city',
    target: 'conference-9',
    properties: { date: '2025-04-14', datePrecision: 'day' },
    evidence: [ev('de-conference-9', 'Gäste kamen aus Ho-Chi-Minh-Stadt')],
  },
];

/** A fresh copy each call, checked against the compiled-graph schema. */
export function fixtureGraph(): CompiledGraph {
  return CompiledGraph.parse(structuredClone({ version: 1, articles, nodes, relationships }));
}

export interface Snapshot {
  generation: string | null;
  nodes: number;
  relationships: number;
  articles: number;
  /** A hash over every element's labels or type, endpoints and properties except `graph`. */
  checksum: string;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => k !== 'graph').sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What a reader sees of a dataset right now, resolved through its active generation in one query. */
export async function snapshot(driver: Driver, database: string, dataset: string): Promise<Snapshot> {
  const { records } = await driver.executeQuery(
    `MATCH (d:Dataset {name: $dataset}) WITH d.active AS g
     CALL (g) { MATCH (n:Entity {graph: g}) RETURN collect(n {.*, labels: labels(n)}) AS nodes }
     CALL (g) { MATCH (s)-[r {graph: g}]->(t) WHERE s.graph = g RETURN collect(r {.*, type: type(r), s: s.id, t: t.id}) AS rels }
     CALL (g) { MATCH (a:Article {graph: g}) RETURN collect(a {.*}) AS articles }
     RETURN g, nodes, rels, articles`,
    { dataset },
    { database, routing: 'READ' },
  );
  const record = records[0];
  if (!record) return { generation: null, nodes: 0, relationships: 0, articles: 0, checksum: '' };
  const byId = (a: { id?: unknown }, b: { id?: unknown }) => (String(a.id) < String(b.id) ? -1 : 1);
  const nodes = (record.get('nodes') as { id: string }[]).sort(byId);
  const rels = (record.get('rels') as { id: string }[]).sort(byId);
  const arts = (record.get('articles') as { id: string }[]).sort(byId);
  const checksum = createHash('sha256').update(canonical({ nodes, rels, arts })).digest('hex');
  return { generation: record.get('g') as string, nodes: nodes.length, relationships: rels.length, articles: arts.length, checksum };
}

/** Every element of a dataset in any generation, active or not (to find leftovers). */
export async function allElements(driver: Driver, database: string, dataset: string): Promise<{ nodes: number; relationships: number }> {
  const { records } = await driver.executeQuery(
    `CALL () { MATCH (n) WHERE (n:Entity OR n:Article) AND n.graph STARTS WITH $prefix RETURN count(n) AS nodes }
     CALL () { MATCH ()-[r]->() WHERE r.graph STARTS WITH $prefix RETURN count(r) AS relationships }
     RETURN nodes, relationships`,
    { prefix: `${dataset}@` },
    { database, routing: 'READ' },
  );
  return { nodes: Number(records[0]?.get('nodes')), relationships: Number(records[0]?.get('relationships')) };
}
