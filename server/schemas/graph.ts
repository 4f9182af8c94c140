import { z } from 'zod';
import { Alias, CitedEvidence, EntityType, RelationType } from '../../extract/schema/common.ts';

/** A scalar attribute of a node or an edge, as the graph stores it. */
export const AttributeValue = z.union([z.string(), z.number(), z.boolean()]);
export type AttributeValue = z.infer<typeof AttributeValue>;

/** A node ready for Cytoscape: its id, type and label, then its attributes (date, kind, ordinal...). */
export const ApiNode = z
  .object({
    id: z.string(),
    type: EntityType,
    label: z.string(),
    name: z.string(),
    kind: z.string().optional(),
    unnamed: z.boolean(),
    aliases: z.array(Alias),
  })
  .catchall(AttributeValue)
  .meta({ id: 'Node', description: 'An entity; attributes beyond these (date, datePrecision, ordinal, title...) are flattened in' });
export type ApiNode = z.infer<typeof ApiNode>;

/** An edge ready for Cytoscape, with the verbatim quotes that support it. */
export const ApiEdge = z
  .object({
    id: z.string(),
    source: z.string(),
    target: z.string(),
    type: RelationType,
    evidence: z.array(CitedEvidence),
  })
  .catchall(AttributeValue)
  .meta({ id: 'Edge', description: 'A relationship from source to target; attributes (date, event, title, asOf, summary, role...) are flattened in' });
export type ApiEdge = z.infer<typeof ApiEdge>;

/** The one shape of every answer that carries graph elements. */
export const GraphElements = z.object({ nodes: z.array(ApiNode), edges: z.array(ApiEdge) }).meta({ id: 'GraphElements' });
export type GraphElements = z.infer<typeof GraphElements>;

/** A short reference to an entity, used inside lists. */
export const EntityRef = z
  .object({ id: z.string(), type: EntityType, name: z.string(), kind: z.string().optional() })
  .meta({ id: 'EntityRef' });
export type EntityRef = z.infer<typeof EntityRef>;
