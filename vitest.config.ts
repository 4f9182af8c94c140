import { defineConfig } from 'vitest/config';

const shared = {
  testTimeout: 60_000,
  hookTimeout: 240_000,
  teardownTimeout: 60_000,
  pool: 'forks' as const,
};

/**
 * Route tests that run a second time over neo4j://, as the app reaches a cluster or Aura: routing
 * tables, reads and writes sent by access mode, and the bookmarks that tie a load to the reads after it.
 * The test Neo4j is a single server, which answers routing with a table of itself.
 */
const OVER_ROUTING = [
  'tests/server/api.test.ts',
  'tests/server/answers.test.ts',
  'tests/server/graph/bookmarks.test.ts',
  'tests/reliability/admin.test.ts',
  'tests/export/route.test.ts',
];

export default defineConfig({
  test: {
    // One real Neo4j for the whole run, for every project; test files isolate themselves by dataset, not by database.
    globalSetup: ['tests/helpers/global-setup.ts'],
    maxWorkers: 2,
    projects: [
      { test: { name: 'bolt', include: ['tests/**/*.test.ts'], ...shared } },
      { test: { name: 'neo4j-routing', include: OVER_ROUTING, provide: { neo4jRouting: true }, ...shared } },
    ],
  },
});
