import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../db/neo4j.ts';

/** The run's Neo4j (see global-setup.ts): over neo4j:// (routing) in the neo4j-routing project, as given otherwise. */
export function testUri(): string {
  const uri = inject('neo4jUri');
  return inject('neo4jRouting') ? uri.replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:') : uri;
}

/** A driver to the run's Neo4j; close it in afterAll. */
export function testDriver(): Driver {
  return createDriver(testUri(), inject('neo4jUser'), inject('neo4jPassword'));
}

export const testDatabase = (): string => inject('neo4jDatabase');

/** A dataset name no other test uses, so test files never see each other's data. */
export function uniqueDataset(prefix: string): string {
  return `test-${prefix}-${randomUUID().slice(0, 8)}`;
}
