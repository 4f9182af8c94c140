import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCorpus } from '../../extract/check.ts';
import { compileCorpus } from '../../extract/compile.ts';
import { parseArticle } from '../../extract/corpus.ts';
import { DEFAULT_CURATION_DIR } from '../../extract/paths.ts';
import { CurationCheckError } from '../../extract/problems.ts';
import { Slug } from '../../extract/schema/common.ts';
import type { CompiledGraph } from '../../extract/schema/compiled.ts';
import { clearDataset } from '../../server/graph/load/cleanup.ts';
import { GraphValidationError } from '../../server/graph/load/errors.ts';
import { loadGraph } from '../../server/graph/load/load-graph.ts';
import { applySchema } from '../../server/graph/schema.ts';
import { makeFixture, record, relation, type Fixture } from '../extract/fixture.ts';
import { testDatabase, testDriver, uniqueDataset } from '../helpers/neo4j.ts';
import { fixtureGraph } from '../server/graph/fixture.ts';
import { datasetState } from './helpers.ts';

/**
 * The extraction validator (article reader, curation check, compile) and the loader's own
 * validation, fed random and hostile strings: they report problems, never crash with anything
 * else, and a refused graph writes nothing; hostile text that is valid is stored verbatim.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const seen = { inputs: 0, problems: 0, refused: 0, stored: 0 };

const HOSTILE = [
  "' OR 1=1 --",
  "x'}) MATCH (n) DETACH DELETE n //",
  '`) DELETE n //',
  'Person`) DETACH DELETE n //',
  '${dataset}',
  '{{7*7}}',
  '\\"',
  '\u0000',
  'a\u0000b',
  '\r\n---\r\nid: injected\r\n',
  '---',
  '*&anchor',
  '!!js/function "function(){}"',
  '<<: *a',
  'Ｖｕ Ｄａｉ Ｔｈａｎｇ',
  'Vu Dаi Thаng',
  'a\u0300'.repeat(150),
  '\uD800',
  '😀'.repeat(50),
  '__proto__',
  'a'.repeat(1 << 20),
];
const text = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-composite', maxLength: 80 }) },
);
/** Values YAML can carry that are not strings. */
const anyValue = fc.oneof({ weight: 4, arbitrary: text }, { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 2 })) });

const ARTICLE_FIELDS = ['id', 'language', 'title', 'published', 'publisher', 'url', 'translationGroup'] as const;
const BODY = 'Ngày 28/10, tại trụ sở Bộ Ngoại giao, đồng chí Nguyễn Minh Vũ đã cùng đồng chí Trương Quốc Trí đồng chủ trì Hội nghị lần 9. '.repeat(2);
const FRONT: Record<(typeof ARTICLE_FIELDS)[number], unknown> = {
  id: 'fuzz-article',
  language: 'vi',
  title: 'A title',
  published: '2025-10-28',
  publisher: 'Báo Quốc Tế',
  url: 'https://example.org/a',
  translationGroup: 'fuzz-group',
};

function expectProblemsWellFormed(problems: readonly { file: string; record: string; message: string }[]): void {
  for (const p of problems) {
    expect(typeof p.file === 'string' && p.file.length > 0).toBe(true);
    expect(typeof p.record).toBe('string');
    expect(typeof p.message === 'string' && p.message.length > 0).toBe(true);
  }
}

describe('the article reader', () => {
  it('reports a problem for any hostile front-matter value, and never throws', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ARTICLE_FIELDS), anyValue, (field, value) => {
        seen.inputs += 1;
        const front = { ...FRONT, [field]: value };
        const yaml = Object.entries(front)
          .map(([k, v]) => `${k}: ${JSON.stringify(v) ?? 'null'}`)
          .join('\n');
        const result = parseArticle('fuzz-article.md', `---\n${yaml}\n---\n${BODY}`);
        expectProblemsWellFormed(result.problems);
        seen.problems += result.problems.length;
        if (field === 'id' && !Slug.safeParse(value).success) {
          expect(result.article).toBeUndefined();
          expect(result.problems.some((p) => /^id: |not valid YAML/.test(p.message))).toBe(true);
        }
        if (result.article) expect(result.problems.every((p) => p.message.startsWith('file name'))).toBe(true);
        else expect(result.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('reports a problem for any hostile file, and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary', maxLength: 2000 }).map((s) => `---\n${s}\n---\n${s}`)), (content) => {
        seen.inputs += 1;
        const result = parseArticle('x.md', content);
        expectProblemsWellFormed(result.problems);
        expect(result.article === undefined ? result.problems.length > 0 : true).toBe(true);
      }),
      { numRuns: RUNS * 5 },
    );
  });
});

describe('the curation check and compile', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await makeFixture();
  });
  afterAll(async () => {
    await fx?.dispose();
  });

  const FILE = 'quang-ninh-guangxi-spring-meeting-2025.yaml';
  const edits: Record<string, (doc: Record<string, unknown[]>, v: unknown) => void> = {
    'relation source': (doc, v) => (relation(doc, 'MET', 'vu-dai-thang', 'chen-gang').source = v),
    'relation type': (doc, v) => (relation(doc, 'MET', 'vu-dai-thang', 'chen-gang').type = v),
    // A control character in front: whatever follows, the quote cannot occur in the article.
    'evidence quote': (doc, v) => (((relation(doc, 'MET', 'vu-dai-thang', 'chen-gang').evidence as Record<string, unknown>[])[0]!).quote = typeof v === 'string' ? `\u0001${v}` : v),
    'evidence article': (doc, v) => (((relation(doc, 'MET', 'vu-dai-thang', 'chen-gang').evidence as Record<string, unknown>[])[0]!).articleId = v),
  };

  it('reports every hostile reference, type or quote as a problem, and compile refuses it', async () => {
    const original = await import('node:fs/promises').then((fs) => fs.readFile(`${fx.curationDir}/${FILE}`, 'utf8'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(edits)), anyValue, async (what, value) => {
        seen.inputs += 1;
        await fx.editText(`curation/${FILE}`, () => original);
        await fx.editYaml(FILE, (doc) => edits[what]!(doc, value));
        const { problems } = await checkCorpus({ seedsDir: fx.seedsDir, curationDir: fx.curationDir });
        expectProblemsWellFormed(problems);
        seen.problems += problems.length;
        expect(problems.length, `${what} = ${JSON.stringify(value)?.slice(0, 100)}`).toBeGreaterThan(0);
        const compiled = await compileCorpus({ seedsDir: fx.seedsDir, curationDir: fx.curationDir }).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(compiled).toBeInstanceOf(CurationCheckError);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps a hostile but valid name verbatim through compile', async () => {
    await fc.assert(
      fc.asyncProperty(text.filter((s) => s.length < 10_000 && !s.includes('\uD800')), async (hostile) => {
        seen.inputs += 1;
        // A word no other entity's name or alias holds, so the name can never collide once folded: every run must compile.
        const name = `${hostile} Qzxfuzzname`;
        // The story as the repository has it, whatever an earlier property left in the copy.
        const story = await readFile(join(DEFAULT_CURATION_DIR, FILE), 'utf8');
        await fx.editText(`curation/${FILE}`, () => story);
        await fx.editYaml('entities.yaml', (doc) => (record(doc, 'people', 'chen-gang').name = name));
        const graph = await compileCorpus({ seedsDir: fx.seedsDir, curationDir: fx.curationDir });
        const compiled = graph.nodes.find((n) => n.id === 'chen-gang')?.name;
        expect([name, name.normalize('NFC'), name.trim(), name.normalize('NFC').trim()]).toContain(compiled);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

describe('the loader', () => {
  let driver: Driver;
  let dataset: string;
  beforeAll(async () => {
    driver = testDriver();
    dataset = uniqueDataset('fuzz-loader');
    await applySchema(driver, testDatabase());
    await loadGraph(driver, testDatabase(), dataset, fixtureGraph());
  });
  afterAll(async () => {
    console.log(`fuzz-validator: ${JSON.stringify(seen)}`);
    await clearDataset(driver, testDatabase(), dataset).catch(() => {});
    await driver?.close();
  });

  const breakers: Record<string, (g: CompiledGraph, v: string) => void> = {
    'node type': (g, v) => (g.nodes[0]!.type = v as never),
    'relationship type': (g, v) => (g.relationships[0]!.type = v as never),
    'relationship source': (g, v) => (g.relationships[0]!.source = `${v}\u0001missing`),
    'reserved node property': (g, v) => (g.nodes[0]!.properties = { graph: v }),
    'non-scalar property': (g, v) => (g.nodes[0]!.properties = { note: { nested: v } as never }),
    'evidence of no article': (g, v) => (g.relationships[0]!.evidence = [{ articleId: `${v}\u0001missing`, quote: 'whatever it says', language: 'vi' }]),
  };

  it('refuses a graph with a hostile type, reference or property, writing nothing', async () => {
    const before = await datasetState(driver, dataset);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(breakers)), text, async (what, v) => {
        if (what.endsWith('type') && ['Person', 'Place', 'Organization', 'Agreement', 'Event'].includes(v)) return;
        seen.inputs += 1;
        const graph = fixtureGraph();
        breakers[what]!(graph, v);
        const error = await loadGraph(driver, testDatabase(), dataset, graph).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error, what).toBeInstanceOf(GraphValidationError);
        seen.refused += 1;
      }),
      { numRuns: RUNS },
    );
    expect(await datasetState(driver, dataset)).toEqual(before);
  });

  it('stores hostile but valid text verbatim: names, aliases, property keys and values, quotes', async () => {
    const other = uniqueDataset('fuzz-verbatim');
    try {
      await fc.assert(
        fc.asyncProperty(text.filter((s) => s.length > 0 && s.length < 5000), async (v) => {
          seen.inputs += 1;
          const graph = fixtureGraph();
          const node = graph.nodes[0]!;
          node.name = v;
          node.aliases = [{ name: v, lang: 'en' }];
          node.properties = { ...node.properties, description: v, [`k${v.slice(0, 40)}`.split('\u0000').join('')]: v };
          await loadGraph(driver, testDatabase(), other, graph);
          const { records } = await driver.executeQuery(
            'MATCH (d:Dataset {name: $dataset}) MATCH (n:Entity {graph: d.active, id: $id}) RETURN n {.*} AS n',
            { dataset: other, id: node.id },
            { database: testDatabase(), routing: 'READ' },
          );
          const stored = records[0]?.get('n') as Record<string, unknown>;
          const utf8 = (s: string) => Buffer.from(s, 'utf8').toString('utf8');
          expect(stored.name).toBe(utf8(v));
          expect(stored.aliasNames).toEqual([utf8(v)]);
          expect(stored.description).toBe(utf8(v));
          seen.stored += 1;
        }),
        { numRuns: Math.ceil(RUNS / 4) },
      );
    } finally {
      await clearDataset(driver, testDatabase(), other).catch(() => {});
    }
  });
});
