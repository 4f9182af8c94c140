import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchNeo4j } from '../../db/launcher.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
    neo4jDatabase: string;
    /** Set by the neo4j-routing project (vitest.config.ts): its drivers speak neo4j:// to the same server. */
    neo4jRouting?: boolean;
  }
}

/** Starts one throwaway Neo4j for the test run, unless NEO4J_URI points at one already. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env = process.env;
  project.provide('neo4jDatabase', env.NEO4J_DATABASE ?? 'neo4j');
  if (env.NEO4J_URI) {
    project.provide('neo4jUri', env.NEO4J_URI);
    project.provide('neo4jUser', env.NEO4J_USER ?? 'neo4j');
    project.provide('neo4jPassword', env.NEO4J_PASSWORD ?? '');
    return async () => {};
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'cooperation-graph-test-neo4j-'));
  // Authentication on, as for `npm start`: the password is the one generated in the data folder.
  const neo4j = await launchNeo4j({ dataDir, port: 17687, heap: '1g', pageCache: '256m', log: (l) => console.log(l) });
  project.provide('neo4jUri', neo4j.uri);
  project.provide('neo4jUser', neo4j.user);
  project.provide('neo4jPassword', neo4j.password);
  return async () => {
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
