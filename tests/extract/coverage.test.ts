import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkCorpus, main as checkMain } from '../../extract/check.ts';
import { coverageOf, firstWords } from '../../extract/coverage.ts';
import { formatProblem } from '../../extract/problems.ts';
import type { Article } from '../../extract/schema/article.ts';
import { makeFixture, type Fixture } from './fixture.ts';

const article = (text: string): Article => ({
  id: 'sample-nl',
  language: 'nl',
  title: 'Sample',
  published: '2025-02-20',
  publisher: 'Sample',
  url: 'https://example.org/sample',
  translationGroup: 'sample',
  text,
});

const TEXT = [
  'Op 20 februari ontmoette de heer Vu Dai Thang de heer Tran Cuong. Ook aanwezig   was de heer Cao Tuong Huy.',
  '',
  'De afgevaardigden namen een gedenkwaardige foto.',
  '',
  'Kameraad Vu Dai Thang heeft een ontmoeting gehad.',
  'Kameraad Vu Dai Thang heeft een ontmoeting gehad.',
].join('\n');

const leftOut = (sentence: string, articleId = 'sample-nl') => ({ file: 'curation/x.yaml', record: { articleId, sentence, reason: 'a caption' } });

describe('coverage of an article', () => {
  it('counts a sentence cited when a quote overlaps it, across line breaks and runs of spaces', () => {
    const quotes = [{ articleId: 'sample-nl', quote: 'Tran Cuong. Ook aanwezig was' }];
    const [c] = coverageOf([article(TEXT)], quotes, []).articles;
    expect(c).toMatchObject({ articleId: 'sample-nl', sentences: 5, cited: 2, leftOut: 0 });
    expect(c!.neither.map((s) => s.text)).toEqual([
      'De afgevaardigden namen een gedenkwaardige foto.',
      'Kameraad Vu Dai Thang heeft een ontmoeting gehad.',
      'Kameraad Vu Dai Thang heeft een ontmoeting gehad.',
    ]);
  });

  it('cites only where a quote first occurs; a left-out entry accounts for every uncited sentence it starts', () => {
    const quotes = [{ articleId: 'sample-nl', quote: 'Kameraad Vu Dai Thang heeft een ontmoeting gehad.' }];
    const coverage = coverageOf([article(TEXT)], quotes, [leftOut('Kameraad Vu Dai Thang heeft'), leftOut('De afgevaardigden namen')]);
    expect(coverage.articles[0]).toMatchObject({ sentences: 5, cited: 1, leftOut: 2 });
    expect(coverage.problems).toEqual([]);
    expect(coverage.uncovered.map(formatProblem)).toEqual([
      'seeds/sample-nl.md: sample-nl: sentence neither cited nor left out: "Op 20 februari ontmoette de heer Vu Dai…"',
      'seeds/sample-nl.md: sample-nl: sentence neither cited nor left out: "Ook aanwezig was de heer Cao Tuong Huy."',
    ]);
  });

  it('reports a left-out entry that starts no sentence, only cited ones, or names no article', () => {
    const quotes = [{ articleId: 'sample-nl', quote: 'namen een gedenkwaardige foto' }];
    const coverage = coverageOf([article(TEXT)], quotes, [
      leftOut('gedenkwaardige foto.'),
      leftOut('De afgevaardigden namen'),
      leftOut('De afgevaardigden namen', 'other-nl'),
    ]);
    expect(coverage.problems.map(formatProblem)).toEqual([
      'curation/x.yaml: sample-nl: "gedenkwaardige foto.": left-out: no sentence of the article starts with this text',
      'curation/x.yaml: sample-nl: "De afgevaardigden namen": left-out: the sentence is cited by a quote; remove the entry',
      'curation/x.yaml: other-nl: "De afgevaardigden namen": left-out: article "other-nl" is not an article in the seeds',
    ]);
  });

  it('names a sentence by its first words', () => {
    expect(firstWords('Toàn cảnh Hội nghị lần thứ 9 điều phối hợp tác giữa các bộ ngành')).toBe('Toàn cảnh Hội nghị lần thứ 9 điều…');
    expect(firstWords('Versterk de uitwisseling tussen mensen.')).toBe('Versterk de uitwisseling tussen mensen.');
  });
});

describe('coverage in the check', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await makeFixture();
  });
  afterEach(async () => {
    await fx.dispose();
  });

  const run = async (argv: string[]) => {
    const lines: string[] = [];
    const out = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    const err = vi.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
    try {
      return { code: await checkMain(['--seeds', fx.seedsDir, '--curation', fx.curationDir, ...argv]), lines };
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  };

  /** A sentence added to an article, which no record cites whatever the curation holds. */
  const EXTRA = 'Dit is een zin die geen feit draagt.';
  const MEETING = 'quang-ninh-guangxi-secretaries-meeting-2025-nl';
  const addSentence = () => fx.editText(`seeds/${MEETING}.md`, (text) => `${text.trimEnd()}\n\n${EXTRA}\n`);
  const meeting = async () => (await checkCorpus({ seedsDir: fx.seedsDir, curationDir: fx.curationDir })).coverage.articles.find((a) => a.articleId === MEETING)!;

  it('reads the left-out section and counts it in each article', async () => {
    await addSentence();
    const before = await meeting();
    expect(before.neither.map((s) => s.text)).toContain(EXTRA);
    await fx.writeYaml('left-out.yaml', { 'left-out': [{ articleId: MEETING, sentence: 'Dit is een zin', reason: 'added by the test' }] });
    const after = await meeting();
    expect(after.leftOut).toBe(before.leftOut + 1);
    expect(after.neither.map((s) => s.text)).not.toContain(EXTRA);
    expect((await checkCorpus({ seedsDir: fx.seedsDir, curationDir: fx.curationDir })).problems).toEqual([]);
  });

  it('rejects a malformed left-out entry', async () => {
    await fx.writeYaml('left-out.yaml', { 'left-out': [{ articleId: 'guangdong-conference-9-vi', sentence: 'Toàn', why: 'x' }] });
    const { problems } = await checkCorpus({ seedsDir: fx.seedsDir, curationDir: fx.curationDir });
    expect(problems.map(formatProblem)).toEqual([
      'curation/left-out.yaml: guangdong-conference-9-vi: "Toàn": sentence: the sentence start must be at least 8 characters',
      'curation/left-out.yaml: guangdong-conference-9-vi: "Toàn": reason: Invalid input: expected string, received undefined',
      'curation/left-out.yaml: guangdong-conference-9-vi: "Toàn": Unrecognized key: "why"',
    ]);
  });

  it("prints each article's coverage, and fails on a sentence neither cited nor left out", async () => {
    await addSentence();
    const uncovered = `seeds/${MEETING}.md: ${MEETING}: sentence neither cited nor left out: "Dit is een zin die geen feit draagt."`;
    const { code, lines } = await run([]);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^coverage ${MEETING}: \\d+ sentences: \\d+ cited, \\d+ left out, [1-9]\\d* neither$`)));
    expect(code).toBe(1);
    expect(lines).toContain(uncovered);
  });

  it('fails on a left-out entry that starts no sentence', async () => {
    await fx.writeYaml('left-out.yaml', {
      'left-out': [{ articleId: 'guangdong-conference-9-nl', sentence: 'Overzicht van de 10e conferentie', reason: 'photo caption repeating the lead' }],
    });
    const { code, lines } = await run([]);
    expect(code).toBe(1);
    expect(lines).toContain(
      'curation/left-out.yaml: guangdong-conference-9-nl: "Overzicht van de 10e conferentie": left-out: no sentence of the article starts with this text',
    );
  });
});
