import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { openNeo4j } from '../db/neo4j.ts';
import { loadConfig } from '../server/config.ts';
import { applySchema } from '../server/graph/schema.ts';
import { GraphValidationError, loadGraph, type GraphDiff, type LoadResult, type TypeDiff } from '../server/graph/load.ts';
import { progressBar } from '../server/graph/progress.ts';
import { compileCorpus } from './compile.ts';
import { CurationCheckError, formatProblem } from './problems.ts';
import { CompiledGraph } from './schema/compiled.ts';

/**
 * `load [--file compiled.json] [--dataset NAME]`: compiles the curation (or reads a compiled graph),
 * and only if it is valid, writes it into Neo4j as the dataset's new generation (GRAPH_DATASET by
 * default), then prints the counts and what changed. Uses NEO4J_URI, or starts the project's own
 * Neo4j and stops it again.
 */

async function readCompiled(path: string): Promise<CompiledGraph> {
  const parsed = CompiledGraph.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 20).map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new GraphValidationError(problems, parsed.error.issues.length);
}

function changeLine(name: string, d: TypeDiff, compared: boolean): string | undefined {
  if (!compared) return d.after !== d.before ? `  ${name}: ${d.before} → ${d.after}` : undefined;
  if (d.added + d.removed + d.changed === 0) return undefined;
  const parts = [`+${d.added}`, `-${d.removed}`, `~${d.changed}`];
  const ids = (sign: string, list: string[], total: number) => (list.length ? `\n      ${sign} ${list.join(', ')}${total > list.length ? ` (+${total - list.length} more)` : ''}` : '');
  return `  ${name}: ${parts.join(' ')}${ids('+', d.addedIds, d.added)}${ids('-', d.removedIds, d.removed)}${ids('~', d.changedIds, d.changed)}`;
}

export function formatDiff(diff: GraphDiff): string[] {
  const lines = [
    changeLine('Article', diff.articles, diff.compared),
    ...Object.entries(diff.nodes).map(([k, d]) => changeLine(k, d, diff.compared)),
    ...Object.entries(diff.relationships).map(([k, d]) => changeLine(k, d, diff.compared)),
  ].filter((l): l is string => l !== undefined);
  if (diff.previous === null) return ['changes: first load of this dataset'];
  return lines.length ? ['changes since the previous load:', ...lines] : ['changes since the previous load: none'];
}

export function formatResult(result: LoadResult): string[] {
  const table = (title: string, counts: Record<string, number>) => [
    `${title}:`,
    ...Object.entries(counts).map(([k, n]) => `  ${k.padEnd(16)} ${String(n).padStart(8)}`),
  ];
  return [
    `loaded dataset "${result.dataset}" as generation ${result.generation} in ${(result.durationMs / 1000).toFixed(1)} s`,
    `articles: ${result.counts.articles}`,
    ...table('nodes', result.counts.nodes),
    ...table('relationships', result.counts.relationships),
    ...formatDiff(result.diff),
    ...(result.swept.length ? [`swept left-over generations: ${result.swept.join(', ')}`] : []),
    ...(result.pendingCleanup.length ? [`not yet deleted (the next load sweeps them): ${result.pendingCleanup.join(', ')}`] : []),
  ];
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      file: { type: 'string' },
      dataset: { type: 'string' },
      seeds: { type: 'string' },
      curation: { type: 'string' },
    },
  });
  const config = loadConfig();
  const dataset = values.dataset ?? config.GRAPH_DATASET;

  let graph: CompiledGraph;
  try {
    graph = values.file ? await readCompiled(values.file) : await compileCorpus({ seedsDir: values.seeds, curationDir: values.curation });
  } catch (e) {
    if (e instanceof CurationCheckError) {
      for (const p of e.problems) console.error(formatProblem(p));
      console.error(`extract load: ${e.problems.length} problem(s); nothing written`);
      return 1;
    }
    if (e instanceof GraphValidationError) {
      console.error(`extract load: ${e.message}`);
      return 1;
    }
    throw e;
  }

  const neo4j = await openNeo4j(config, (line) => console.error(line));
  const bar = progressBar();
  try {
    await applySchema(neo4j.driver, neo4j.database);
    const result = await loadGraph(neo4j.driver, neo4j.database, dataset, graph, {
      onProgress: (p) => bar?.update(p),
      log: (line) => console.error(line),
    });
    bar?.done();
    for (const line of formatResult(result)) console.log(line);
    return 0;
  } catch (e) {
    bar?.done();
    console.error(`extract load: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    await neo4j.close();
  }
}
