import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openNeo4j } from '../../db/neo4j.ts';
import { errorMessage, EXIT, parseCommandLine, processIo, runIfMain, usageError, type CommandIo } from '../../extract/command-line.ts';
import { loadConfig, neo4jSettings } from '../config.ts';
import { openGraph } from '../graph/store.ts';
import { exportFileName, FORMATS } from './index.ts';
import { ExportQuery } from './query.ts';
import { exportTitle, selectSubgraph } from './select.ts';

export const USAGE = `Export a subgraph to a file, selected as GET /api/v1/export selects it.

  npm run export -- --ids <id,name,...> [--depth 1-3] [--relations T,...] [--types T,...]
                    [--from YYYY[-MM[-DD]]] [--to YYYY[-MM[-DD]]] [--format json|cyjs|graphml|gexf|csv|neo4j-csv|cypher]
                    [--out FILE|-] [--graph KEY] [--dataset NAME]

  --out     the file to write (default: a name made of the ids and depth, in the current folder); - for standard output
  --graph   cypher only: a graph key set on every element the script creates, and matched on
  --dataset the dataset to export from (default GRAPH_DATASET)

Neo4j is NEO4J_URI when set, or the project's own (which must not be running for another process then).
The limits are EXPORT_MAX_NODES and EXPORT_MAX_EDGES.`;

/** The export command; the exit code is 0 on success, 1 when the export failed, 2 for bad usage. */
export async function main(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const say = (line: string) => io.stderr.write(`${line}\n`);
  const parsed = parseCommandLine(
    argv,
    USAGE,
    {
      options: {
        ids: { type: 'string' },
        depth: { type: 'string' },
        relations: { type: 'string' },
        types: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string', short: 'o' },
        graph: { type: 'string' },
        dataset: { type: 'string' },
      },
    },
    say,
  );
  if (typeof parsed === 'number') return parsed;
  const { out, graph: graphKey, dataset, ...query } = parsed.values;
  const selection = ExportQuery.safeParse(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)));
  if (!selection.success) return usageError(selection.error.issues.map((i) => `--${i.path.join('.') || 'ids'}: ${i.message}`).join('\n'), USAGE, say);
  const { format, ids, depth, relations, types, from, to } = selection.data;
  const config = loadConfig(dataset ? { ...io.env, GRAPH_DATASET: dataset } : io.env);
  let neo4j;
  try {
    neo4j = await openNeo4j(neo4jSettings(config), say);
  } catch (error) {
    say(`export failed: ${errorMessage(error)}`);
    return EXIT.failed;
  }
  try {
    const graph = openGraph({ driver: neo4j.driver, database: neo4j.database, dataset: config.GRAPH_DATASET, queryTimeoutMs: config.QUERY_TIMEOUT_MS });
    const started = Date.now();
    const subgraph = await selectSubgraph(graph, { ids, depth, relations, types, from, to }, { maxNodes: config.EXPORT_MAX_NODES, maxEdges: config.EXPORT_MAX_EDGES });
    const file = out ?? exportFileName(format, [...ids.slice(0, 3), `depth-${depth}`]);
    const sink = file === '-' ? io.stdout : createWriteStream(file);
    const title = exportTitle(subgraph, depth);
    await pipeline(Readable.from(FORMATS[format].write(subgraph, { title, ...(graphKey === undefined ? {} : { graph: graphKey }) })), sink, { end: file !== '-' });
    say(`${subgraph.nodes.length} nodes and ${subgraph.edges.length} edges written as ${format} to ${file === '-' ? 'standard output' : file} in ${Date.now() - started} ms`);
    return EXIT.ok;
  } catch (error) {
    say(`export failed: ${errorMessage(error)}`);
    return EXIT.failed;
  } finally {
    await neo4j.close();
  }
}

runIfMain(import.meta.url, main);
