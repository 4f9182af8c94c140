import { z } from 'zod';

/** Every node label the graph may hold; Cypher takes labels only from this list. */
export const ENTITY_TYPES = ['Person', 'Place', 'Organization', 'Agreement', 'Event'] as const;
export const EntityType = z.enum(ENTITY_TYPES).meta({ id: 'EntityType' });
export type EntityType = z.infer<typeof EntityType>;

export const PLACE_KINDS = [
  'country',
  'province',
  'autonomous-region',
  'municipality',
  'city',
  'district',
  'border-gate',
  'economic-zone',
  'industrial-zone',
  'region',
  'bridge',
  'building',
  'railway',
] as const;

export const ORGANIZATION_KINDS = [
  'ministry',
  'government',
  'party',
  'party-committee',
  'peoples-committee',
  'peoples-council',
  'consulate',
  'embassy',
  'agency',
  'company',
  'university',
  'cooperation-mechanism',
  'working-group',
  'media',
  'other',
] as const;

export const EVENT_KINDS = [
  'conference',
  'meeting',
  'visit',
  'signing-ceremony',
  'forum',
  'festival',
  'programme',
  'other',
] as const;

export const AGREEMENT_KINDS = [
  'minutes',
  'framework-agreement',
  'cooperation-agreement',
  'memorandum',
  'plan',
  'joint-statement',
  'treaty',
  'free-trade-agreement',
  /** a development strategy or framework that documents refer to, e.g. a regional plan */
  'strategy',
  'other',
] as const;
