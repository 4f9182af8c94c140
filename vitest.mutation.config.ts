import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * The tests Stryker runs against each mutant: those that speak for the mutated code (extract/, the
 * graph queries, the export writers), with the same real Neo4j as `vitest run`.
 * MUTATION_SCOPE=extract keeps only extract/'s own tests, for a run mutating extract/ alone.
 */
const TESTS = {
  extract: ['tests/extract/**/*.test.ts'],
  all: ['tests/extract/**/*.test.ts', 'tests/server/queries.test.ts', 'tests/server/filters.test.ts', 'tests/server/answers.test.ts', 'tests/export/**/*.test.ts'],
};

// Spread, not mergeConfig: that would append these to the base's include, not replace it.
export default defineConfig({
  ...base,
  test: { ...base.test, include: process.env.MUTATION_SCOPE === 'extract' ? TESTS.extract : TESTS.all },
});
