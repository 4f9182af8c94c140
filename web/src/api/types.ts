/**
 * The shapes the explorer reads from `/api/v1`: the server's response schemas, imported as types only
 * (nothing of the server's runtime code reaches the browser bundle).
 */
import type { Alias as AliasT, CitedEvidence } from '../../../extract/schema/common.ts';
import type { EntityType as EntityTypeT } from '../../../extract/schema/entity-types.ts';
import type { RelationType as RelationTypeT } from '../../../extract/schema/relation-types.ts';

export type {
  ArticleSummary,
  DossierResponse,
  EntityDetail,
  EventsResponse,
  Meeting,
  MeetingsResponse,
  NeighborsResponse,
  PathResponse,
  Position,
  SearchResponse,
  SearchResult,
  SourceDetail,
  SourcesResponse,
  StatsResponse,
  TimelineEvent,
} from '../../../server/schemas/api.ts';
export type { ApiEdge, ApiNode, EntityRef, GraphElements } from '../../../server/schemas/graph.ts';
export type { ErrorResponse } from '../../../server/schemas/errors.ts';

export type EntityType = EntityTypeT;
export type RelationType = RelationTypeT;
export type Evidence = CitedEvidence;
export type Alias = AliasT;
export type Scalar = string | number | boolean;

/** The entity types, in the order the legend and filters list them (the schema's order). */
export const ENTITY_TYPES = ['Person', 'Place', 'Organization', 'Agreement', 'Event'] as const satisfies readonly EntityType[];

/** The relation types, in the schema's order. */
export const RELATION_TYPES = [
  'CO_CHAIRED',
  'ATTENDED',
  'MET',
  'SIGNED',
  'WITNESSED',
  'HOSTED',
  'VISITED',
  'HOLDS_POSITION',
  'REPRESENTED',
  'PART_OF',
  'LOCATED_IN',
  'TOOK_PLACE_IN',
  'PROPOSED',
  'INVITED',
  'PRECEDED',
  'CONCERNS',
  'SIGNED_AT',
  'IMPLEMENTS',
  'COOPERATED_WITH',
] as const satisfies readonly RelationType[];
