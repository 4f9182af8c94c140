import { createWriteStream } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { openNeo4j } from '../../db/neo4j.ts';
import { loadConfig } from '../config.ts';
import { ApiError } from '../errors.ts';
import graphPlugin from '../plugins/graph.ts';
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

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: Writable;
  stderr: Writable;
}

/** Runs the export command; the exit code is 0 on success, 1 when the export failed, 2 for bad usage. */
export async function runExportCli(argv: string[], io: CliIo = { env: process.env, stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const say = (line: string) => io.stderr.write(`${line}\n`);
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
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
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    say(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    say(USAGE);
    return 0;
  }
  const { out, graph: graphKey, dataset, help: _, ...query } = values;
  const parsed = ExportQuery.safeParse(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)));
  if (!parsed.success) {
    say(`${parsed.error.issues.map((i) => `--${i.path.join('.') || 'ids'}: ${i.message}`).join('\n')}\n\n${USAGE}`);
    return 2;
  }
  const { format, ids, depth, relations, types, from, to } = parsed.data;
  const config = loadConfig(dataset ? { ...io.env, GRAPH_DATASET: dataset } : io.env);
  const neo4j = await openNeo4j(config, (line) => say(line));
  const app = Fastify({ logger: false });
  try {
    await app.register(graphPlugin, { config, driver: neo4j.driver });
    await app.ready();
    const started = Date.now();
    const graph = await selectSubgraph(app.graph, { ids, depth, relations, types, from, to }, { maxNodes: config.EXPORT_MAX_NODES, maxEdges: config.EXPORT_MAX_EDGES });
    const file = out ?? exportFileName(format, [...ids.slice(0, 3), `depth-${depth}`]);
    const sink = file === '-' ? io.stdout : createWriteStream(file);
    const title = exportTitle(graph, depth);
    await pipeline(Readable.from(FORMATS[format].write(graph, { title, ...(graphKey === undefined ? {} : { graph: graphKey }) })), sink, { end: file !== '-' });
    say(`${graph.nodes.length} nodes and ${graph.edges.length} edges written as ${format} to ${file === '-' ? 'standard output' : file} in ${Date.now() - started} ms`);
    return 0;
  } catch (error) {
    if (error instanceof ApiError) {
      say(`export failed: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await app.close();
    await neo4j.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runExportCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
