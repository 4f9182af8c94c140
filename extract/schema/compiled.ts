import { z } from 'zod';
import { Alias, CitedEvidence, EntityType, RelationType, Slug } from './common.ts';
import { Article } from './article.ts';

/**
 * The normalized graph that compile produces and the loader writes: the contract between
 * extraction, the store and the API. Property values are scalars so Neo4j stores them as they are.
 */
export const PropertyValue = z.union([z.string(), z.number(), z.boolean()]);
export const Properties = z.record(z.string(), PropertyValue);

export const GraphNode = z
  .object({
    id: Slug,
    type: EntityType,
    name: z.string().min(1),
    /** place, organization, event or agreement kind */
    kind: z.string().optional(),
    /** an actor known only by the office it holds */
    unnamed: z.boolean(),
    aliases: z.array(Alias),
    properties: Properties,
    evidence: z.array(CitedEvidence),
  })
  .strict();
export type GraphNode = z.infer<typeof GraphNode>;

export const GraphRelationship = z
  .object({
    id: z.string().min(3),
    type: RelationType,
    source: Slug,
    target: Slug,
    properties: Properties,
    evidence: z.array(CitedEvidence).min(1),
  })
  .strict();
export type GraphRelationship = z.infer<typeof GraphRelationship>;

export const CompiledGraph = z
  .object({
    version: z.literal(1),
    articles: z.array(Article),
    nodes: z.array(GraphNode),
    relationships: z.array(GraphRelationship),
  })
  .strict();
export type CompiledGraph = z.infer<typeof CompiledGraph>;
