import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { EXIT, parseCommandLine, runIfMain, usageError } from '../extract/command-line.ts';
import type { Article } from '../extract/schema/article.ts';
import type { ARTICLE_LANGUAGES, CitedEvidence, Language } from '../extract/schema/common.ts';
import type { GraphNode, GraphRelationship } from '../extract/schema/compiled.ts';
import type { EntityType } from '../extract/schema/entity-types.ts';
import type { RelationType } from '../extract/schema/relation-types.ts';
import type { GraphSource } from '../server/graph/load/types.ts';

/**
 * Synthetic graphs in the compiled shape, for benchmarks: people, places, organizations, events
 * with many participants, agreements with parties, positions, with skewed (power-law) degrees and
 * evidence quotes from synthetic articles. Deterministic for a seed, and generated lazily: every
 * pass over a source regenerates the same elements, so even the 1M-relationship graph never sits
 * in memory whole.
 */

export const SIZES = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 } as const;
export type SizeName = keyof typeof SIZES;

/** mulberry32: a tiny, fast, seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stateless hash of an integer, for properties derived from an element's index. */
function hash(n: number, salt: number): number {
  let h = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt, 0xc2b2ae35);
  h ^= h >>> 13;
  h = Math.imul(h, 0x27d4eb2f);
  return (h ^ (h >>> 16)) >>> 0;
}

const pickOf = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Đỗ', 'Vũ', 'Đặng', 'Bùi', 'Ngô', 'Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Huang'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Đức', 'Quốc', 'Thanh', 'Hữu', 'Xuân'];
const GIVEN = ['Vũ', 'An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hải', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Phong', 'Quang', 'Sơn', 'Tùng', 'Wei', 'Jun', 'Ming', 'Hong'];
const PLACE_ROOTS = ['Quảng', 'Lạng', 'Cao', 'Hà', 'Lào', 'Điện', 'Guang', 'Yun', 'Nan', 'Bai', 'Dong', 'Hải'];
const PLACE_ENDS = ['Ninh', 'Sơn', 'Bằng', 'Giang', 'Cai', 'Biên', 'xi', 'nan', 'ning', 'se', 'xing', 'Phòng'];
const PLACE_KINDS = ['province', 'city', 'district', 'border-gate', 'economic-zone'] as const;
const ORG_KINDS = ['ministry', 'peoples-committee', 'party-committee', 'company', 'agency', 'working-group'] as const;
const ORG_WORDS = ['Sở Công Thương', 'Ủy ban Nhân dân', 'Ban Đối ngoại', 'Cục Hải quan', 'Tập đoàn', 'Tổ công tác'];
const EVENT_KINDS = ['conference', 'meeting', 'visit', 'forum', 'signing-ceremony'] as const;
const AGREEMENT_KINDS = ['minutes', 'memorandum', 'cooperation-agreement', 'plan'] as const;
const TITLES = ['Bí thư Tỉnh ủy', 'Chủ tịch UBND', 'Phó Chủ tịch', 'Thứ trưởng', 'Giám đốc Sở', 'Vorsitzender', 'Gouverneur'];
const LANGUAGES: readonly (typeof ARTICLE_LANGUAGES)[number][] = ['vi', 'nl', 'de'];
const ALIAS_LANGS: readonly Language[] = ['en', 'de', 'nl', 'zh'];

interface Layout {
  relationships: number;
  articles: number;
  /** Nodes of each type: ids are `<type>-<index>`. */
  counts: Record<EntityType, number>;
}

const TYPE_SHARE: [EntityType, number][] = [
  ['Person', 0.4],
  ['Organization', 0.2],
  ['Place', 0.1],
  ['Event', 0.2],
  ['Agreement', 0.1],
];

function layout(relationships: number): Layout {
  const nodes = Math.max(50, Math.round(relationships / 5));
  const counts = Object.fromEntries(TYPE_SHARE.map(([t, share]) => [t, Math.max(5, Math.round(nodes * share))])) as Record<EntityType, number>;
  return { relationships, articles: Math.max(5, Math.round(relationships / 50)), counts };
}

const nodeId = (type: EntityType, i: number) => `${type.toLowerCase()}-${i}`;
const articleId = (i: number) => `article-${i}`;

function nodeName(type: EntityType, i: number): string {
  const h = hash(i, type.length * 7919);
  switch (type) {
    case 'Person':
      return `${pickOf(FAMILY, h)} ${pickOf(MIDDLE, h >>> 5)} ${pickOf(GIVEN, h >>> 10)} ${i}`;
    case 'Place':
      return `${pickOf(PLACE_ROOTS, h)} ${pickOf(PLACE_ENDS, h >>> 6)} ${i}`;
    case 'Organization':
      return `${pickOf(ORG_WORDS, h)} ${pickOf(PLACE_ROOTS, h >>> 4)}${pickOf(PLACE_ENDS, h >>> 9).toLowerCase()} ${i}`;
    case 'Event':
      return `Hội nghị hợp tác lần thứ ${(h % 20) + 1} (${i})`;
    case 'Agreement':
      return `Biên bản ghi nhớ hợp tác số ${i}`;
  }
}

function dateOf(i: number, salt: number): string {
  const h = hash(i, salt);
  const year = 2015 + (h % 11);
  const month = ((h >>> 4) % 12) + 1;
  const day = ((h >>> 8) % 28) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function evidenceFor(l: Layout, n: number, salt: number, subject: string, count: number): CitedEvidence[] {
  const out: CitedEvidence[] = [];
  for (let k = 0; k < count; k++) {
    const a = hash(n + k * 104729, salt) % l.articles;
    out.push({ articleId: articleId(a), language: pickOf(LANGUAGES, a), quote: `Theo bài báo số ${a}, ${subject}.` });
  }
  return out;
}

function* articles(l: Layout): Generator<Article> {
  for (let i = 0; i < l.articles; i++) {
    const language = pickOf(LANGUAGES, i);
    const body = Array.from({ length: 6 }, (_, k) => `Đoạn ${k + 1}: hai bên trao đổi về hợp tác kinh tế, thương mại và giao lưu nhân dân (${nodeName('Person', hash(i, k) % l.counts.Person)}).`).join(' ');
    yield {
      id: articleId(i),
      language,
      title: `Synthetisch artikel ${i}`,
      published: dateOf(i, 3),
      publisher: pickOf(['Báo Mẫu', 'Beispielzeitung', 'Voorbeeldkrant'], i),
      url: `https://example.org/synthetic/${i}`,
      translationGroup: `group-${Math.floor(i / 3)}`,
      text: body,
    };
  }
}

function* nodes(l: Layout): Generator<GraphNode> {
  for (const [type] of TYPE_SHARE) {
    for (let i = 0; i < l.counts[type]; i++) {
      const h = hash(i, 31 + type.length);
      const name = nodeName(type, i);
      const node: GraphNode = {
        id: nodeId(type, i),
        type,
        name,
        unnamed: type === 'Person' && h % 50 === 0,
        aliases: Array.from({ length: h % 3 }, (_, k) => ({ name: `${name.normalize('NFD').replace(/\p{Mn}/gu, '')} (${k})`, lang: pickOf(ALIAS_LANGS, h + k) })),
        properties: {},
        evidence: evidenceFor(l, i, 17 + type.length, `${name} được nhắc đến`, 1 + (h % 2)),
      };
      if (type === 'Place') node.kind = pickOf(PLACE_KINDS, h >>> 3);
      if (type === 'Organization') node.kind = pickOf(ORG_KINDS, h >>> 3);
      if (type === 'Event') {
        node.kind = pickOf(EVENT_KINDS, h >>> 3);
        node.properties = { date: dateOf(i, 5), datePrecision: 'day', ordinal: (h % 20) + 1 };
      }
      if (type === 'Agreement') {
        node.kind = pickOf(AGREEMENT_KINDS, h >>> 3);
        node.properties = { date: dateOf(i, 7), datePrecision: 'day', title: `Memorandum ${i}` };
      }
      yield node;
    }
  }
}

interface Mix {
  type: RelationType;
  share: number;
  from: EntityType[];
  to: EntityType;
  properties: (l: Layout, s: number, t: number, r: () => number) => Record<string, string | number | boolean>;
}

const dated = (key: 'Event' | 'Agreement') => (_l: Layout, _s: number, t: number) => ({ date: dateOf(t, key === 'Event' ? 5 : 7), datePrecision: 'day' });
const none = () => ({});

const MIX: Mix[] = [
  { type: 'ATTENDED', share: 28, from: ['Person'], to: 'Event', properties: dated('Event') },
  { type: 'HOLDS_POSITION', share: 10, from: ['Person'], to: 'Organization', properties: (_l, s, t) => ({ title: pickOf(TITLES, hash(s, t)), asOf: dateOf(s + t, 11), asOfPrecision: 'day' }) },
  { type: 'SIGNED', share: 10, from: ['Organization', 'Person'], to: 'Agreement', properties: (l, s, t, r) => ({ ...dated('Agreement')(l, s, t), role: r() < 0.5 ? 'party' : 'signatory' }) },
  { type: 'MET', share: 10, from: ['Person'], to: 'Person', properties: (l, s, t) => ({ date: dateOf(s + t, 13), datePrecision: 'day', event: nodeId('Event', hash(s, t) % l.counts.Event) }) },
  { type: 'CO_CHAIRED', share: 6, from: ['Person'], to: 'Event', properties: (l, s, t) => ({ ...dated('Event')(l, s, t), role: 'co-chair' }) },
  { type: 'HOSTED', share: 5, from: ['Place'], to: 'Event', properties: dated('Event') },
  { type: 'TOOK_PLACE_IN', share: 5, from: ['Event'], to: 'Place', properties: none },
  { type: 'LOCATED_IN', share: 5, from: ['Organization'], to: 'Place', properties: none },
  { type: 'SIGNED_AT', share: 4, from: ['Agreement'], to: 'Event', properties: none },
  { type: 'VISITED', share: 5, from: ['Person'], to: 'Place', properties: (_l, s, t) => ({ date: dateOf(s + t, 17), datePrecision: 'day' }) },
  { type: 'COOPERATED_WITH', share: 4, from: ['Organization'], to: 'Organization', properties: (_l, s, t) => ({ summary: `cooperation on logistics corridor ${hash(s, t) % 100}` }) },
  { type: 'PART_OF', share: 3, from: ['Organization'], to: 'Organization', properties: none },
  { type: 'CONCERNS', share: 3, from: ['Agreement'], to: 'Place', properties: none },
  { type: 'WITNESSED', share: 2, from: ['Person'], to: 'Agreement', properties: dated('Agreement') },
];
const MIX_TOTAL = MIX.reduce((sum, m) => sum + m.share, 0);

/** A power-law pick: low indices are hubs (the top 1% of nodes get about a fifth of the picks). */
const skewed = (count: number, r: () => number) => Math.min(count - 1, Math.floor(count * r() ** 3));

function* relationships(l: Layout, seed: number): Generator<GraphRelationship> {
  const r = prng(seed);
  for (let k = 0; k < l.relationships; k++) {
    let roll = r() * MIX_TOTAL;
    const mix = MIX.find((m) => (roll -= m.share) < 0) ?? MIX[0]!;
    const fromType = mix.from.length === 1 ? mix.from[0]! : pickOf(mix.from, Math.floor(r() * mix.from.length));
    const s = skewed(l.counts[fromType], r);
    let t = skewed(l.counts[mix.to], r);
    if (fromType === mix.to && s === t) t = (t + 1) % l.counts[mix.to];
    const source = nodeId(fromType, s);
    const target = nodeId(mix.to, t);
    yield {
      id: `${mix.type.toLowerCase().replace(/_/g, '-')}-${k}`,
      type: mix.type,
      source,
      target,
      properties: mix.properties(l, s, t, r),
      evidence: evidenceFor(l, k, 23, `${nodeName(fromType, s)} ${mix.type.toLowerCase().replace(/_/g, ' ')} ${nodeName(mix.to, t)}`, 1 + Math.floor(r() * 2)),
    };
  }
}

export interface SyntheticSource extends GraphSource {
  size: { articles: number; nodes: number; relationships: number };
}

/** A synthetic graph with `relationships` relationships, regenerated lazily on every pass. */
export function syntheticSource(relationshipCount: number, seed = 20250414): SyntheticSource {
  const l = layout(relationshipCount);
  return {
    size: { articles: l.articles, nodes: Object.values(l.counts).reduce((a, b) => a + b, 0), relationships: l.relationships },
    articles: () => articles(l),
    nodes: () => nodes(l),
    relationships: () => relationships(l, seed),
  };
}

/** Writes a synthetic graph as compiled-graph JSON, element by element (no giant string). */
export async function writeSyntheticJson(path: string, relationshipCount: number, seed = 20250414): Promise<void> {
  const source = syntheticSource(relationshipCount, seed);
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('{"version":1');
  for (const [key, items] of [['articles', source.articles()], ['nodes', source.nodes()], ['relationships', source.relationships()]] as const) {
    await write(`,"${key}":[`);
    let first = true;
    for (const item of items as Iterable<unknown>) {
      await write(`${first ? '' : ','}\n${JSON.stringify(item)}`);
      first = false;
    }
    await write('\n]');
  }
  await write('}\n');
  out.end();
  await once(out, 'finish');
}

const USAGE = `usage: npm run synthetic -- <${Object.keys(SIZES).join('|')}> <out.json> [seed]   writes a synthetic graph as compiled-graph JSON`;

export async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, USAGE, { allowPositionals: true, options: {} });
  if (typeof parsed === 'number') return parsed;
  const [size, out, seedText, ...extra] = parsed.positionals;
  if (!size || !(size in SIZES) || !out || extra.length) return usageError(`expected a size (${Object.keys(SIZES).join(', ')}), an output file and optionally a seed`, USAGE);
  const seed = seedText === undefined ? undefined : Number(seedText);
  if (seed !== undefined && !Number.isInteger(seed)) return usageError(`seed ${seedText}: must be a whole number`, USAGE);
  await writeSyntheticJson(out, SIZES[size as SizeName], seed);
  console.error(`wrote ${out}`);
  return EXIT.ok;
}

runIfMain(import.meta.url, main);
