import type { Driver } from 'neo4j-driver';
import { ENTITY_TYPES } from '../../extract/schema/entity-types.ts';
import { RELATION_TYPES } from '../../extract/schema/relation-types.ts';
import { noAnswer, runRetried, type GraphQuery } from './runner.ts';

/**
 * The graph's constraints and indexes (docs/data-model.md, "Schema"). Every statement is
 * `IF NOT EXISTS`, so applying the schema again changes nothing. Labels and relationship types
 * come from the allow-lists only.
 */

/** The full-text index over entity names and aliases (`standard-folding`: case and accents fold). */
export const ENTITY_NAMES_INDEX = 'entity_names';

export interface SchemaItem {
  /** The constraint's or index's name, as SHOW CONSTRAINTS / SHOW INDEXES list it. */
  name: string;
  kind: 'constraint' | 'index';
  cypher: string;
}

const snake = (text: string) => text.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();

function constraint(name: string, cypher: string): SchemaItem {
  return { name, kind: 'constraint', cypher: `CREATE CONSTRAINT ${name} IF NOT EXISTS ${cypher}` };
}

function index(name: string, cypher: string): SchemaItem {
  return { name, kind: 'index', cypher: `CREATE INDEX ${name} IF NOT EXISTS ${cypher}` };
}

/** Every constraint and index the graph needs, in the order they are created. */
export function schemaItems(): SchemaItem[] {
  const items: SchemaItem[] = [constraint('dataset_name', 'FOR (d:Dataset) REQUIRE d.name IS UNIQUE')];
  for (const label of [...ENTITY_TYPES, 'Article'] as const) {
    items.push(constraint(`${snake(label)}_graph_id`, `FOR (n:${label}) REQUIRE (n.graph, n.id) IS UNIQUE`));
  }
  items.push(
    index('entity_graph', 'FOR (n:Entity) ON (n.graph)'),
    // Serves the read queries' `(:Entity {graph, id})` and the loader's endpoint lookups.
    index('entity_graph_id', 'FOR (n:Entity) ON (n.graph, n.id)'),
    index('entity_kind', 'FOR (n:Entity) ON (n.kind)'),
    index('event_date', 'FOR (n:Event) ON (n.date)'),
    index('agreement_date', 'FOR (n:Agreement) ON (n.date)'),
    index('article_graph', 'FOR (n:Article) ON (n.graph)'),
  );
  for (const type of RELATION_TYPES) {
    const name = type.toLowerCase();
    // The uniqueness constraint's index serves `{graph, id}` lookups; the second one whole generations.
    items.push(
      constraint(`${name}_graph_id`, `FOR ()-[r:${type}]-() REQUIRE (r.graph, r.id) IS UNIQUE`),
      index(`${name}_graph`, `FOR ()-[r:${type}]-() ON (r.graph)`),
    );
  }
  items.push({
    name: ENTITY_NAMES_INDEX,
    kind: 'index',
    cypher:
      `CREATE FULLTEXT INDEX ${ENTITY_NAMES_INDEX} IF NOT EXISTS FOR (n:Entity) ON EACH [n.searchNames] ` +
      "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}",
  });
  return items;
}

function statementOf(cypher: string, params: Record<string, unknown> = {}): GraphQuery<void> {
  return { cypher, params, routing: 'WRITE', transform: noAnswer };
}

const ALREADY_THERE = new Set([
  'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists',
  'Neo.ClientError.Schema.ConstraintAlreadyExists',
  'Neo.ClientError.Schema.IndexAlreadyExists',
]);

export class SchemaError extends Error {
  override name = 'SchemaError';
}

/**
 * Creates whatever constraints and indexes are missing, then waits until every index is online.
 * Safe to call on every start and before every load.
 */
export async function applySchema(driver: Driver, database: string, options: { awaitSeconds?: number } = {}): Promise<void> {
  for (const item of schemaItems()) {
    try {
      await runRetried(driver, statementOf(item.cypher), database);
    } catch (error) {
      // Two processes applying the schema at once: the other one created it first, which is fine.
      if (ALREADY_THERE.has((error as { code?: string }).code ?? '')) continue;
      const cause = error instanceof Error ? error.message : String(error);
      throw new SchemaError(`creating ${item.kind} ${item.name} failed: ${cause}`, { cause: error });
    }
  }
  await runRetried(driver, statementOf('CALL db.awaitIndexes($seconds)', { seconds: options.awaitSeconds ?? 300 }), database);
}
