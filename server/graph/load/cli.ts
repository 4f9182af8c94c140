import { readFile } from 'node:fs/promises';
import { openNeo4j } from '../../../db/neo4j.ts';
import { errorMessage, EXIT, parseCommandLine, processIo, runIfMain, type CommandIo } from '../../../extract/command-line.ts';
import { compileCorpus } from '../../../extract/compile.ts';
import { CurationCheckError, formatProblem } from '../../../extract/problems.ts';
import { CompiledGraph } from '../../../extract/schema/compiled.ts';
import { loadConfig, neo4jSettings } from '../../config.ts';
import { applySchema } from '../schema.ts';
import { GraphValidationError } from './errors.ts';
import { loadGraph } from './load-graph.ts';
import { progressBar } from './progress.ts';
import type { GraphDiff, LoadResult, TypeDiff } from './types.ts';

export const USAGE = `Check and compile the curation (or read a compiled graph) and, only if it is valid, load it into
Neo4j as the dataset's new generation; then print the counts and what changed.

  npm run load -- [--file compiled.json] [--dataset NAME] [--seeds DIR] [--curation DIR]

  --file      a compiled graph (as \`tsx extract/cli.ts compile\` writes it) instead of the curation
  --dataset   the dataset to load into (default GRAPH_DATASET)
  --seeds, --curation  other folders of articles and curation files

Neo4j is NEO4J_URI when set, or the project's own, started for the load and stopped again.`;

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

/** The load command; exit code 0 when loaded, 1 when the graph is invalid or the load failed, 2 for bad usage. */
export async function main(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const say = (line: string) => io.stderr.write(`${line}\n`);
  const parsed = parseCommandLine(
    argv,
    USAGE,
    { options: { file: { type: 'string' }, dataset: { type: 'string' }, seeds: { type: 'string' }, curation: { type: 'string' } } },
    say,
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const config = loadConfig(values.dataset ? { ...io.env, GRAPH_DATASET: values.dataset } : io.env);

  let graph: CompiledGraph;
  try {
    graph = values.file ? await readCompiled(values.file) : await compileCorpus({ seedsDir: values.seeds, curationDir: values.curation });
  } catch (e) {
    if (e instanceof CurationCheckError) {
      for (const p of e.problems) say(formatProblem(p));
      say(`load: ${e.problems.length} problem(s); nothing written`);
      return EXIT.failed;
    }
    if (e instanceof GraphValidationError) {
      say(`load: ${e.message}`);
      return EXIT.failed;
    }
    throw e;
  }

  let neo4j;
  try {
    neo4j = await openNeo4j(neo4jSettings(config), say);
  } catch (e) {
    say(`load: ${errorMessage(e)}`);
    return EXIT.failed;
  }
  const bar = progressBar(io.stdout);
  try {
    await applySchema(neo4j.driver, neo4j.database);
    const result = await loadGraph(neo4j.driver, neo4j.database, config.GRAPH_DATASET, graph, {
      onProgress: (p) => bar?.update(p),
      log: say,
    });
    bar?.done();
    for (const line of formatResult(result)) io.stdout.write(`${line}\n`);
    return EXIT.ok;
  } catch (e) {
    bar?.done();
    say(`load: ${errorMessage(e)}`);
    return EXIT.failed;
  } finally {
    await neo4j.close();
  }
}

runIfMain(import.meta.url, main);
