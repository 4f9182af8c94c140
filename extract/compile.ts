import { writeFile } from 'node:fs/promises';
import { checkCorpus } from './check.ts';
import { EXIT, parseCommandLine } from './command-line.ts';
import type { CorpusDirs } from './paths.ts';
import { CurationCheckError, formatProblem } from './problems.ts';
import type { Article } from './schema/article.ts';
import { precisionOf, type CitedEvidence, type Evidence } from './schema/common.ts';
import { CompiledGraph, type GraphNode, type GraphRelationship } from './schema/compiled.ts';
import { displayName, fieldsOf, type EntityRecord } from './schema/entity-record.ts';
import { ENTITY_DECLARATIONS, type EntityType } from './schema/entity-types.ts';
import { dateKeys } from './schema/properties.ts';
import { relationAttributes, relationId } from './schema/relation-record.ts';
import { RELATION_DECLARATIONS } from './schema/relation-types.ts';

/**
 * Compile: seeds + curation → CompiledGraph, the contract of the loader and the API. Deterministic:
 * the same input gives byte-identical output (everything sorted, keys in a fixed order).
 */

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Scalar properties with keys sorted; the declared dates gain a `<key>Precision` sibling (year, month, day). */
function toProperties(values: Record<string, unknown>, dates: readonly string[]): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new Error(`property ${key} is not a scalar`);
    }
    out[key] = value;
    if (dates.includes(key) && typeof value === 'string') out[`${key}Precision`] = precisionOf(value);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => compareText(a, b)));
}

function cite(evidence: readonly Evidence[], articles: ReadonlyMap<string, Article>): CitedEvidence[] {
  const seen = new Set<string>();
  const out: CitedEvidence[] = [];
  for (const e of evidence) {
    const key = `${e.articleId}\u0000${e.quote}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const article = articles.get(e.articleId);
    if (!article) throw new Error(`unknown article ${e.articleId}`);
    out.push({ articleId: e.articleId, quote: e.quote, language: article.language });
  }
  return out.sort((a, b) => compareText(a.articleId, b.articleId) || compareText(a.quote, b.quote));
}

/** A record's description, note and the properties its type declares. */
function nodeProperties(type: EntityType, record: EntityRecord): Record<string, string | number | boolean> {
  const { properties } = ENTITY_DECLARATIONS[type];
  const declared = Object.fromEntries(Object.keys(properties).map((key) => [key, fieldsOf(record)[key]]));
  return toProperties({ description: record.description, note: record.note, ...declared }, dateKeys(properties));
}

/** Builds the graph from a passed check; throws CurationCheckError listing every problem otherwise. */
export async function compileCorpus(dirs: CorpusDirs = {}): Promise<CompiledGraph> {
  const checked = await checkCorpus(dirs);
  if (checked.problems.length) throw new CurationCheckError(checked.problems);
  const articles = new Map(checked.articles.map((a) => [a.id, a]));

  const nodes: GraphNode[] = checked.entities.map(({ type, record }) => ({
    id: record.id,
    type,
    name: displayName(type, record),
    ...('kind' in record ? { kind: record.kind } : {}),
    unnamed: record.unnamed,
    aliases: [...record.aliases].sort((a, b) => compareText(a.lang, b.lang) || compareText(a.name, b.name)),
    properties: nodeProperties(type, record),
    evidence: cite(record.evidence, articles),
  }));

  const relationships: GraphRelationship[] = checked.relations.map(({ record }) => ({
    id: relationId(record),
    type: record.type,
    source: record.source,
    target: record.target,
    properties: toProperties(
      { ...relationAttributes(record), qualifier: record.qualifier, note: record.note },
      dateKeys(RELATION_DECLARATIONS[record.type].attributes),
    ),
    evidence: cite(record.evidence, articles),
  }));

  nodes.sort((a, b) => compareText(a.id, b.id));
  relationships.sort((a, b) => compareText(a.id, b.id));
  return CompiledGraph.parse({ version: 1, articles: checked.articles, nodes, relationships });
}

/** The canonical JSON text of a graph: two-space indent, trailing newline. */
export function serializeGraph(graph: CompiledGraph): string {
  return `${JSON.stringify(graph, null, 2)}\n`;
}

const USAGE = 'usage: tsx extract/cli.ts compile [--seeds DIR] [--curation DIR] [--out FILE]   writes the graph JSON to FILE or standard output';

/** `compile [--seeds DIR] [--curation DIR] [--out FILE]`: writes the graph JSON to FILE or stdout. */
export async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, USAGE, {
    options: { seeds: { type: 'string' }, curation: { type: 'string' }, out: { type: 'string', short: 'o' } },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  try {
    const text = serializeGraph(await compileCorpus({ seedsDir: values.seeds, curationDir: values.curation }));
    if (values.out) {
      await writeFile(values.out, text);
      console.error(`extract compile: wrote ${values.out}`);
    } else process.stdout.write(text);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CurationCheckError) {
      for (const p of e.problems) console.error(formatProblem(p));
      console.error(`extract compile: ${e.problems.length} problem(s); nothing written`);
      return EXIT.failed;
    }
    throw e;
  }
}
