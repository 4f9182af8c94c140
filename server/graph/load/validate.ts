import type { CitedEvidence } from '../../../extract/schema/common.ts';
import type { CompiledGraph } from '../../../extract/schema/compiled.ts';
import { ENTITY_TYPES, type EntityType } from '../../../extract/schema/entity-types.ts';
import { RELATION_TYPES, type RelationType } from '../../../extract/schema/relation-types.ts';
import { RESERVED_EDGE_KEYS, RESERVED_NODE_KEYS } from '../../../extract/schema/reserved.ts';
import { GraphValidationError } from './errors.ts';
import type { GraphSource } from './types.ts';

/** One pass over the source before anything is written: every rule the store relies on. */

/** What a valid source holds, by type: the batches are counted from it. */
export interface Plan {
  articles: number;
  nodes: Map<EntityType, number>;
  relationships: Map<RelationType, number>;
}

const MAX_ISSUES = 50;
const NODE_KEYS = new Set<string>(RESERVED_NODE_KEYS);
const EDGE_KEYS = new Set<string>(RESERVED_EDGE_KEYS);

/** A CompiledGraph as a GraphSource. */
export function compiledSource(graph: CompiledGraph): GraphSource {
  if (graph.version !== 1) throw new GraphValidationError([`unknown compiled graph version ${String(graph.version)}`], 1);
  return { articles: () => graph.articles, nodes: () => graph.nodes, relationships: () => graph.relationships };
}

function isScalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** Checks the whole source; throws GraphValidationError listing the first problems, or gives the plan. */
export function validateSource(source: GraphSource): Plan {
  const issues: string[] = [];
  let total = 0;
  const problem = (text: string) => {
    total += 1;
    if (issues.length < MAX_ISSUES) issues.push(text);
  };
  const entityTypes = new Set<string>(ENTITY_TYPES);
  const relationTypes = new Set<string>(RELATION_TYPES);
  const plan: Plan = { articles: 0, nodes: new Map(), relationships: new Map() };

  const articleIds = new Set<string>();
  for (const article of source.articles()) {
    if (typeof article.id !== 'string' || article.id === '') problem('an article without an id');
    else if (articleIds.has(article.id)) problem(`article ${article.id}: duplicate id`);
    articleIds.add(article.id);
    for (const [key, value] of Object.entries(article)) {
      if (key === 'graph') problem(`article ${article.id}: property "graph" is reserved`);
      else if (value !== undefined && !isScalar(value)) problem(`article ${article.id}: property ${key} is not a scalar`);
    }
    plan.articles += 1;
  }

  const checkEvidence = (what: string, evidence: readonly CitedEvidence[] | undefined, required: boolean) => {
    if (!Array.isArray(evidence)) return problem(`${what}: evidence is not a list`);
    if (required && evidence.length === 0) problem(`${what}: no evidence`);
    for (const e of evidence) if (!articleIds.has(e.articleId)) problem(`${what}: evidence cites unknown article ${e.articleId}`);
  };
  const checkProperties = (what: string, properties: Record<string, unknown> | undefined, reserved: Set<string>) => {
    if (typeof properties !== 'object' || properties === null) return problem(`${what}: properties are not an object`);
    for (const [key, value] of Object.entries(properties)) {
      if (reserved.has(key)) problem(`${what}: property "${key}" is reserved`);
      else if (!isScalar(value)) problem(`${what}: property ${key} is not a scalar`);
    }
  };

  const nodeIds = new Set<string>();
  for (const node of source.nodes()) {
    const what = `node ${node.id}`;
    if (typeof node.id !== 'string' || node.id === '') problem('a node without an id');
    else if (nodeIds.has(node.id)) problem(`${what}: duplicate id`);
    nodeIds.add(node.id);
    if (!entityTypes.has(node.type)) problem(`${what}: type ${String(node.type)} is not an entity type`);
    else plan.nodes.set(node.type, (plan.nodes.get(node.type) ?? 0) + 1);
    if (typeof node.name !== 'string' || node.name === '') problem(`${what}: no name`);
    if (typeof node.unnamed !== 'boolean') problem(`${what}: unnamed is not a boolean`);
    if (node.kind !== undefined && typeof node.kind !== 'string') problem(`${what}: kind is not a string`);
    if (!Array.isArray(node.aliases) || node.aliases.some((a) => typeof a.name !== 'string' || typeof a.lang !== 'string')) problem(`${what}: malformed aliases`);
    checkProperties(what, node.properties, NODE_KEYS);
    checkEvidence(what, node.evidence, false);
  }

  const relIds = new Set<string>();
  for (const rel of source.relationships()) {
    const what = `relationship ${rel.id}`;
    if (typeof rel.id !== 'string' || rel.id === '') problem('a relationship without an id');
    else if (relIds.has(rel.id)) problem(`${what}: duplicate id`);
    relIds.add(rel.id);
    if (!relationTypes.has(rel.type)) problem(`${what}: type ${String(rel.type)} is not a relationship type`);
    else plan.relationships.set(rel.type, (plan.relationships.get(rel.type) ?? 0) + 1);
    if (!nodeIds.has(rel.source)) problem(`${what}: unknown source ${rel.source}`);
    if (!nodeIds.has(rel.target)) problem(`${what}: unknown target ${rel.target}`);
    checkProperties(what, rel.properties, EDGE_KEYS);
    checkEvidence(what, rel.evidence, true);
  }
  if (total > 0) throw new GraphValidationError(issues, total);
  return plan;
}
