import { ENTITY_TYPES, type EntityType } from '../../extract/schema/entity-types.ts';
import { RELATION_TYPES, type RelationType } from '../../extract/schema/relation-types.ts';
import { Chunker, type ExportEdge, type ExportGraph, type ExportNode, type WriteOptions } from './model.ts';

/** Rows per UNWIND statement: small enough for any client, large enough to load fast. */
export const CYPHER_BATCH = 500;

type Value = string | number | boolean | readonly string[];

/**
 * A Cypher string literal: single-quoted, with the backslash, the quote and every control character
 * escaped, so no value can end the literal or the statement. Other characters (Vietnamese, Chinese,
 * German) are written as they are, in UTF-8.
 */
export function cypherString(value: string): string {
  // eslint-disable-next-line no-control-regex
  return `'${value.replace(/[\\'\u0000-\u001F\u007F\u2028\u2029]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\\\';
      case "'":
        return "\\'";
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  })}'`;
}

function cypherValue(value: Value): string {
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${value} has no Cypher literal`);
    // JavaScript cannot tell 2.0 from 2: integral numbers become integers, unless too large for one.
    const text = Number.isInteger(value) && !Number.isSafeInteger(value) ? value.toExponential() : String(value);
    return text.replace('e+', 'e');
  }
  return `[${value.map(cypherString).join(', ')}]`;
}

/** A map key: a plain identifier, or back-quoted with back quotes doubled. */
const cypherKey = (key: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : `\`${key.replace(/`/g, '``')}\``);

const cypherMap = (map: Record<string, Value>) =>
  `{${Object.entries(map)
    .map(([k, v]) => `${cypherKey(k)}: ${cypherValue(v)}`)
    .join(', ')}}`;

/** A label or relationship type, taken only from the schema's allow-lists. */
function allowed<T extends string>(list: readonly T[], value: string, what: string): T {
  if (!(list as readonly string[]).includes(value)) throw new Error(`${JSON.stringify(value)} is not an allowed ${what}`);
  return value as T;
}

/** The properties a node gets, as the project's model stores them (aliases as two lists, evidence as JSON text). */
export function nodeProperties(node: ExportNode): Record<string, Value> {
  const props: Record<string, Value> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type' || key === 'aliases' || key === 'evidence' || value === undefined || value === null) continue;
    props[key] = value as Value;
  }
  props.aliasNames = node.aliases.map((a) => a.name);
  props.aliasLangs = node.aliases.map((a) => a.lang);
  if (node.evidence) {
    props.evidence = JSON.stringify(node.evidence);
    props.articleIds = [...new Set(node.evidence.map((e) => e.articleId))];
  }
  return props;
}

export function edgeProperties(edge: ExportEdge): Record<string, Value> {
  const props: Record<string, Value> = {};
  for (const [key, value] of Object.entries(edge)) {
    if (key === 'type' || key === 'source' || key === 'target' || key === 'evidence' || value === undefined || value === null) continue;
    props[key] = value as Value;
  }
  props.evidence = JSON.stringify(edge.evidence);
  props.articleIds = [...new Set(edge.evidence.map((e) => e.articleId))];
  return props;
}

function* batches<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * A Cypher script that recreates the subgraph in another Neo4j (`cypher-shell -f export.cypher`, or
 * pasted into Neo4j Browser): an index on `:Entity(id)`, then the nodes merged on their id with their
 * own labels and every property, then the relationships merged on their id. Labels and types come only
 * from the schema's allow-lists; every value is a literal, so the script needs no parameters.
 * With `graph`, every element also gets that `graph` property and is matched on it.
 */
export async function* writeCypher(graph: ExportGraph, options: WriteOptions = {}): AsyncGenerator<string> {
  const out = new Chunker();
  const scope = options.graph === undefined ? '' : `graph: ${cypherString(options.graph)}, `;
  const marker: Record<string, Value> = options.graph === undefined ? {} : { graph: options.graph };
  out.push(`// ${(options.title ?? 'cooperation graph').replace(/[\r\n\u2028\u2029]+/g, ' ')}: ${graph.nodes.length} nodes, ${graph.edges.length} relationships.\n`);
  out.push('// Run with: cypher-shell -f <this file>\n');
  // The project's own index when the script writes a generation of its model; a plain one otherwise.
  out.push(
    options.graph === undefined
      ? 'CREATE INDEX entity_id IF NOT EXISTS FOR (n:Entity) ON (n.id);\n'
      : 'CREATE INDEX entity_graph_id IF NOT EXISTS FOR (n:Entity) ON (n.graph, n.id);\n',
  );
  out.push('CALL db.awaitIndexes(300);\n');
  for (const [type, nodes] of groupBy(graph.nodes, (n) => n.type)) {
    const label = allowed<EntityType>(ENTITY_TYPES, type, 'entity type');
    for (const batch of batches(nodes, CYPHER_BATCH)) {
      out.push('UNWIND [\n');
      out.push(batch.map((n) => `  {id: ${cypherString(n.id)}, properties: ${cypherMap({ ...nodeProperties(n), ...marker })}}`).join(',\n'));
      out.push(`\n] AS row\nMERGE (n:Entity:${label} {${scope}id: row.id})\nSET n += row.properties;\n`);
      if (out.full) yield out.take();
    }
  }
  for (const [type, edges] of groupBy(graph.edges, (e) => e.type)) {
    const relType = allowed<RelationType>(RELATION_TYPES, type, 'relation type');
    for (const batch of batches(edges, CYPHER_BATCH)) {
      out.push('UNWIND [\n');
      out.push(
        batch
          .map((e) => `  {source: ${cypherString(e.source)}, target: ${cypherString(e.target)}, id: ${cypherString(e.id)}, properties: ${cypherMap({ ...edgeProperties(e), ...marker })}}`)
          .join(',\n'),
      );
      out.push(
        `\n] AS row\nMATCH (a:Entity {${scope}id: row.source})\nMATCH (b:Entity {${scope}id: row.target})\nMERGE (a)-[r:${relType} {${scope}id: row.id}]->(b)\nSET r += row.properties;\n`,
      );
      if (out.full) yield out.take();
    }
  }
  yield out.take();
}
