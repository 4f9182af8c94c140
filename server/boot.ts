import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openNeo4j } from '../db/neo4j.ts';
import { compileCorpus } from '../extract/compile.ts';
import { buildApp } from './app.ts';
import { neo4jSettings, type Config } from './config.ts';
import { applySchema } from './graph/schema.ts';
import { loadGraph } from './graph/load/load-graph.ts';
import { serve } from './server.ts';

/** Neo4j up (its own or NEO4J_URI), the seed graph loaded, the app listening; returns its address. */
export async function boot(config: Config, options: { serveWeb: boolean }): Promise<string> {
  const say = (line: string) => console.log(line);
  const neo4j = await openNeo4j(neo4jSettings(config), say);
  say(`Neo4j: ${neo4j.launched ? `started locally at ${neo4j.uri}` : 'using NEO4J_URI'}`);
  try {
    await applySchema(neo4j.driver, neo4j.database);
    if (config.LOAD_SEED) {
      const graph = await compileCorpus();
      const result = await loadGraph(neo4j.driver, neo4j.database, config.GRAPH_DATASET, graph);
      say(`Seed graph loaded into dataset "${config.GRAPH_DATASET}": ${JSON.stringify(result.counts)}`);
    }
    const webRoot = resolve('dist/web');
    const app = await buildApp({
      config,
      driver: neo4j.driver,
      webRoot: options.serveWeb && existsSync(webRoot) ? webRoot : undefined,
    });
    return await serve(app, config, () => neo4j.close());
  } catch (error) {
    await neo4j.close();
    throw error;
  }
}

export function exitWith(error: unknown): never {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
