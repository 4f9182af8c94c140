import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Article, ArticleMetadata } from './schema/article.ts';
import { CurationCheckError, describeIssues, type Problem } from './problems.ts';
import { DEFAULT_SEEDS_DIR } from './paths.ts';
import { datesAsText } from './yaml-values.ts';

/**
 * The article reader: every `seeds/<article-id>.md` (README.md excepted) is YAML front matter between
 * `---` lines, then the article body. The compile step copies each body into the graph, from where the
 * API serves it.
 */

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export interface CorpusReadResult {
  /** the articles that parsed, sorted by id */
  articles: Article[];
  problems: Problem[];
}

/** Parses one article file; the file name (without .md) must be the article id. */
export function parseArticle(fileName: string, content: string): { article?: Article; problems: Problem[] } {
  const file = `seeds/${fileName}`;
  const m = FRONT_MATTER.exec(content);
  if (!m) return { problems: [{ file, record: '-', message: 'missing YAML front matter between --- lines' }] };
  let meta: unknown;
  try {
    meta = datesAsText(parse(m[1] ?? ''));
  } catch (e) {
    return { problems: [{ file, record: '-', message: `front matter is not valid YAML: ${(e as Error).message}` }] };
  }
  const record = typeof (meta as { id?: unknown })?.id === 'string' ? (meta as { id: string }).id : '-';
  const parsed = ArticleMetadata.safeParse(meta);
  if (!parsed.success) {
    return { problems: describeIssues(parsed.error.issues).map((message) => ({ file, record, message })) };
  }
  const problems: Problem[] = [];
  if (`${parsed.data.id}.md` !== fileName) {
    problems.push({ file, record, message: `file name must be the article id: ${parsed.data.id}.md` });
  }
  const text = (m[2] ?? '').normalize('NFC').trim() + '\n';
  const article = Article.safeParse({ ...parsed.data, text });
  if (!article.success) {
    return { problems: [...problems, ...describeIssues(article.error.issues).map((message) => ({ file, record, message }))] };
  }
  return { article: article.data, problems };
}

/** Reads every article of a seeds folder, collecting problems instead of stopping at the first. */
export async function readCorpus(seedsDir: string = DEFAULT_SEEDS_DIR): Promise<CorpusReadResult> {
  let names: string[];
  try {
    names = (await readdir(seedsDir)).filter((n) => n.endsWith('.md') && n !== 'README.md').sort();
  } catch (e) {
    return { articles: [], problems: [{ file: 'seeds', record: '-', message: `cannot read the seeds folder: ${(e as Error).message}` }] };
  }
  const articles: Article[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const result = parseArticle(name, await readFile(join(seedsDir, name), 'utf8'));
    problems.push(...result.problems);
    if (!result.article) continue;
    const other = seen.get(result.article.id);
    if (other) {
      problems.push({ file: `seeds/${name}`, record: result.article.id, message: `duplicate article id (also in seeds/${other})` });
      continue;
    }
    seen.set(result.article.id, name);
    articles.push(result.article);
  }
  if (names.length === 0) problems.push({ file: 'seeds', record: '-', message: 'no article files (*.md) found' });
  articles.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { articles, problems };
}

/** Reads the corpus and throws CurationCheckError if any article file is broken. */
export async function loadArticles(seedsDir: string = DEFAULT_SEEDS_DIR): Promise<Article[]> {
  const { articles, problems } = await readCorpus(seedsDir);
  if (problems.length) throw new CurationCheckError(problems);
  return articles;
}

