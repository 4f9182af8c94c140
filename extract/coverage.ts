import type { LeftOutEntry } from './curation.ts';
import type { Problem } from './problems.ts';
import type { Article } from './schema/article.ts';
import type { Evidence } from './schema/common.ts';
import { sentencesOf, type Sentence } from './sentences.ts';
import { normalizeText } from './text.ts';

/**
 * Coverage: every sentence of an article is cited by a quote, or listed as left out with a reason.
 * A quote cites the sentences that its first occurrence in the article overlaps (the occurrence the
 * check finds it at); a left-out entry names the sentences that start with it, verbatim.
 */

export interface ArticleCoverage {
  articleId: string;
  sentences: number;
  cited: number;
  leftOut: number;
  /** the sentences neither cited nor left out */
  neither: Sentence[];
}

export interface Coverage {
  articles: ArticleCoverage[];
  /** a sentence neither cited nor left out: one each */
  uncovered: Problem[];
  /** left-out entries that name no article, start no sentence, or start only cited ones */
  problems: Problem[];
}

/** Where each character of `text` lands in normalizeText(text), for text already in NFC. */
function normalizedOffsets(text: string): Int32Array {
  const at = new Int32Array(text.length);
  let out = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    if (/\s/u.test(text[i]!)) {
      pendingSpace = out > 0;
      continue;
    }
    if (pendingSpace) out += 1;
    pendingSpace = false;
    at[i] = out++;
  }
  return at;
}

/** The first words of a sentence, to name it in a message. */
export function firstWords(text: string, words = 8): string {
  const all = normalizeText(text).split(' ');
  return all.length > words ? `${all.slice(0, words).join(' ')}…` : all.join(' ');
}

interface Located extends Sentence {
  /** the span of the sentence in the normalized body */
  from: number;
  to: number;
  normalized: string;
}

function locate(article: Article): { body: string; sentences: Located[] } {
  const text = article.text.normalize('NFC');
  const at = normalizedOffsets(text);
  const sentences = sentencesOf(text, article.language).map((s) => ({
    ...s,
    from: at[s.start]!,
    to: at[s.end - 1]! + 1,
    normalized: normalizeText(s.text),
  }));
  return { body: normalizeText(text), sentences };
}

export function coverageOf(articles: readonly Article[], quotes: readonly Evidence[], leftOut: readonly LeftOutEntry[]): Coverage {
  const coverage: Coverage = { articles: [], uncovered: [], problems: [] };
  const located = new Map(articles.map((a) => [a.id, locate(a)]));
  const cited = new Map(articles.map((a) => [a.id, new Set<number>()]));
  for (const quote of quotes) {
    const article = located.get(quote.articleId);
    if (!article) continue; // the check reports the unknown article
    const q = normalizeText(quote.quote);
    const from = article.body.indexOf(q);
    if (from === -1) continue; // the check reports the missing quote
    const to = from + q.length;
    article.sentences.forEach((s, i) => {
      if (s.from < to && from < s.to) cited.get(quote.articleId)!.add(i);
    });
  }

  const left = new Map(articles.map((a) => [a.id, new Set<number>()]));
  for (const { file, record } of leftOut) {
    const label = `${record.articleId}: "${record.sentence}"`;
    const article = located.get(record.articleId);
    if (!article) {
      coverage.problems.push({ file, record: label, message: `left-out: article "${record.articleId}" is not an article in the seeds` });
      continue;
    }
    const start = normalizeText(record.sentence);
    const starts = article.sentences.flatMap((s, i) => (s.normalized.startsWith(start) ? [i] : []));
    const uncited = starts.filter((i) => !cited.get(record.articleId)!.has(i));
    if (starts.length === 0) {
      coverage.problems.push({ file, record: label, message: 'left-out: no sentence of the article starts with this text' });
    } else if (uncited.length === 0) {
      coverage.problems.push({ file, record: label, message: 'left-out: the sentence is cited by a quote; remove the entry' });
    }
    for (const i of uncited) left.get(record.articleId)!.add(i);
  }

  for (const article of articles) {
    const { sentences } = located.get(article.id)!;
    const citedHere = cited.get(article.id)!;
    const leftHere = left.get(article.id)!;
    const neither = sentences.filter((_, i) => !citedHere.has(i) && !leftHere.has(i));
    coverage.articles.push({ articleId: article.id, sentences: sentences.length, cited: citedHere.size, leftOut: leftHere.size, neither });
    for (const s of neither) {
      coverage.uncovered.push({
        file: `seeds/${article.id}.md`,
        record: article.id,
        message: `sentence neither cited nor left out: "${firstWords(s.text)}"`,
      });
    }
  }
  return coverage;
}

/** One line per article: its sentences, and how many are cited, left out, neither. */
export function formatCoverage(c: ArticleCoverage): string {
  return `coverage ${c.articleId}: ${c.sentences} sentences: ${c.cited} cited, ${c.leftOut} left out, ${c.neither.length} neither`;
}
