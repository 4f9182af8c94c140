import { access, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileCorpus, main as compileMain, serializeGraph } from '../../extract/compile.ts';
import { loadArticles, readCorpus } from '../../extract/corpus.ts';
import { CurationCheckError } from '../../extract/problems.ts';
import { CompiledGraph } from '../../extract/schema/compiled.ts';
import { makeFixture, record, type Fixture } from './fixture.ts';

let fx: Fixture;
beforeEach(async () => {
  fx = await makeFixture();
});
afterEach(async () => {
  await fx.dispose();
});

describe('extract compile', () => {
  it('is deterministic: same input, byte-identical output, whatever the record order', async () => {
    const first = serializeGraph(await compileCorpus());
    const second = serializeGraph(await compileCorpus());
    expect(second).toBe(first);
    for (const file of await readdir(fx.curationDir)) {
      await fx.editYaml(file, (doc) => {
        for (const list of Object.values(doc)) list.reverse();
      });
    }
    const shuffled = serializeGraph(await compileCorpus({ seedsDir: fx.seedsDir, curationDir: fx.curationDir }));
    expect(shuffled).toBe(first);
  });

  it('produces a graph that satisfies the CompiledGraph contract', async () => {
    const graph = await compileCorpus();
    expect(() => CompiledGraph.parse(graph)).not.toThrow();
    expect(graph.version).toBe(1);
    expect(graph.articles.map((a) => a.id)).toEqual([
      'guangdong-conference-9-de',
      'guangdong-conference-9-nl',
      'guangdong-conference-9-vi',
      'quang-ninh-guangxi-cooperation-nl',
      'quang-ninh-guangxi-secretaries-meeting-2025-nl',
    ]);
    const ids = graph.nodes.map((n) => n.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    const relIds = graph.relationships.map((r) => r.id);
    expect(new Set(relIds).size).toBe(relIds.length);
    for (const r of graph.relationships) {
      expect(ids).toContain(r.source);
      expect(ids).toContain(r.target);
    }
  });

  it('enriches evidence with the language of the cited article', async () => {
    const graph = await compileCorpus();
    const language = new Map(graph.articles.map((a) => [a.id, a.language]));
    const all = [...graph.nodes.flatMap((n) => n.evidence), ...graph.relationships.flatMap((r) => r.evidence)];
    expect(all.length).toBeGreaterThan(200);
    for (const e of all) expect(e.language).toBe(language.get(e.articleId));
  });

  it('gives every date a precision sibling', async () => {
    const graph = await compileCorpus();
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    expect(byId.get('guangdong-coordination-conference-8')!.properties).toMatchObject({ date: '2022', datePrecision: 'year', ordinal: 8 });
    expect(byId.get('autumn-economic-forum-2025')!.properties).toMatchObject({ date: '2025-11', datePrecision: 'month' });
    for (const item of [...graph.nodes, ...graph.relationships]) {
      for (const key of ['date', 'endDate', 'asOf']) {
        if (key in item.properties) expect(item.properties[`${key}Precision`]).toMatch(/^(year|month|day)$/);
      }
    }
  });

  it("writes a figure's change as properties of their own, its period as text, and a past office as historical", async () => {
    const quote = { articleId: 'guangdong-conference-9-vi', quote: 'kim ngạch song phương năm 2024 đạt 56,2 tỷ USD, tăng 16,6% so với cùng kỳ' };
    await fx.writeYaml('zz-figures.yaml', {
      figures: [
        {
          id: 'test-figure-trade-2024',
          name: 'Vietnam–Guangdong two-way trade, 2024',
          measure: 'bilateral-trade-value',
          value: 56.2,
          unit: 'billion USD',
          period: 2024,
          change: { value: 16.6, unit: '%', basis: 'year-on-year' },
          evidence: [quote],
        },
      ],
      relations: [
        { type: 'MEASURES', source: 'test-figure-trade-2024', target: 'guangdong', attributes: { role: 'subject' }, evidence: [quote] },
        {
          type: 'HOLDS_POSITION',
          source: 'to-lam',
          target: 'communist-party-of-vietnam',
          qualifier: 'past',
          attributes: { title: 'General Secretary', historical: true, from: '2024-08' },
          evidence: [{ articleId: 'guangdong-conference-9-vi', quote: 'Tổng Bí thư Tô Lâm đã thăm Quảng Châu đầu tiên' }],
        },
      ],
    });
    const graph = await compileCorpus({ seedsDir: fx.seedsDir, curationDir: fx.curationDir });
    const figure = graph.nodes.find((n) => n.id === 'test-figure-trade-2024')!;
    expect(figure).toMatchObject({ type: 'Figure', name: 'Vietnam–Guangdong two-way trade, 2024' });
    expect(figure.properties).toEqual({
      measure: 'bilateral-trade-value',
      value: 56.2,
      unit: 'billion USD',
      qualifier: 'exact',
      period: '2024',
      changeValue: 16.6,
      changeUnit: '%',
      changeBasis: 'year-on-year',
    });
    expect(graph.relationships.find((r) => r.id === 'MEASURES:test-figure-trade-2024->guangdong')!.properties).toEqual({ role: 'subject' });
    expect(graph.relationships.find((r) => r.id === 'HOLDS_POSITION:to-lam->communist-party-of-vietnam#past')!.properties).toEqual({
      title: 'General Secretary',
      historical: true,
      from: '2024-08',
      fromPrecision: 'month',
      qualifier: 'past',
    });
  });

  it('throws a CurationCheckError listing every problem, and the command writes nothing', async () => {
    await fx.editYaml('entities.yaml', (doc) => {
      record(doc, 'places', 'vietnam').kind = 'planet';
      record(doc, 'people', 'to-lam').id = 'To Lam';
    });
    const error = await compileCorpus({ seedsDir: fx.seedsDir, curationDir: fx.curationDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CurationCheckError);
    const problems = (error as CurationCheckError).problems;
    expect(problems.map((p) => `${p.file}: ${p.record}`)).toEqual(
      expect.arrayContaining(['curation/entities.yaml: vietnam', 'curation/entities.yaml: To Lam']),
    );
    const out = join(fx.seedsDir, '..', 'graph.json');
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await compileMain(['--seeds', fx.seedsDir, '--curation', fx.curationDir, '--out', out])).toBe(1);
    } finally {
      spy.mockRestore();
    }
    await expect(access(out)).rejects.toThrow();
  });

  it('writes the same JSON to a file as compileCorpus returns', async () => {
    const out = join(fx.seedsDir, '..', 'graph.json');
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await compileMain(['--out', out])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(await readFile(out, 'utf8')).toBe(serializeGraph(await compileCorpus()));
  });
});

describe('article reader', () => {
  it('reads every seed article with its metadata and a body free of page chrome', async () => {
    const { articles, problems } = await readCorpus();
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(5);
    const groups = new Map<string, string[]>();
    for (const a of articles) groups.set(a.translationGroup, [...(groups.get(a.translationGroup) ?? []), a.language]);
    expect(groups.get('guangdong-conference-9')!.sort()).toEqual(['de', 'nl', 'vi']);
    for (const a of articles) {
      for (const chrome of ['Reactie (0)', 'Kommentar (0)', 'Theo dõi Baoquocte.vn', '![]()', 'Vietnam.vn - Nền tảng', 'Đọc thêm', 'Bron:', 'Quelle:']) {
        expect(a.text, `${a.id} contains "${chrome}"`).not.toContain(chrome);
      }
    }
    const vi = articles.find((a) => a.id === 'guangdong-conference-9-vi')!;
    expect(vi).toMatchObject({ language: 'vi', published: '2025-10-28', author: 'Thành Long', sourceFile: '004_93b8f9f93b6360d4.txt' });
    expect(vi.text.startsWith('Ngày 28/10, tại trụ sở Bộ Ngoại giao')).toBe(true);
    expect(vi.text).not.toContain('David Lammy');
    const overview = articles.find((a) => a.id === 'quang-ninh-guangxi-cooperation-nl')!;
    expect(overview).toMatchObject({ published: '2025', author: 'Thu Chung' });
  });

  // The original corpus files are not in the repository: set SEED_CORPUS_DIR to their folder to run this.
  const corpusDir = process.env.SEED_CORPUS_DIR;
  it.skipIf(!corpusDir)('keeps each body verbatim: every paragraph is a line of the original file', async () => {
    for (const a of await loadArticles()) {
      const original = await readFile(join(corpusDir!, a.sourceFile!), 'utf8');
      const lines = new Set(original.split('\n').map((l) => l.trim().replace(/^\| (.*) \|$/, '$1')));
      for (const paragraph of a.text.trim().split('\n\n')) expect(lines.has(paragraph), `${a.id}: ${paragraph.slice(0, 60)}`).toBe(true);
    }
  });
});
