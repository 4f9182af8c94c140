/**
 * The shapes the explorer reads from `/api/v1`: the types of the server's response schemas (their
 * `z.infer`), imported as types only, so nothing of the server reaches the browser bundle.
 */
import type { ApiEdge, ApiNode } from '../../../server/schemas/graph.ts';

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
export type { ApiEdge, ApiNode, AttributeValue as Scalar, EntityRef, GraphElements } from '../../../server/schemas/graph.ts';
export type { ErrorResponse } from '../../../server/schemas/errors.ts';

export type EntityType = ApiNode['type'];
export type RelationType = ApiEdge['type'];
export type Evidence = ApiEdge['evidence'][number];
export type Alias = ApiNode['aliases'][number];
