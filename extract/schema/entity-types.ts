import type { PropertyDeclarations } from './properties.ts';

/**
 * The entity types as data (one declaration each, after FollowTheMoney): the curation section that
 * lists them, their kinds, the properties they carry beyond the fields every entity shares, and how a
 * reader sees them named. The record schemas (entity-record.ts), the check, the compile step and the
 * explorer's labels derive from this table; Cypher takes labels only from it. It imports no code, so
 * the explorer bundles it.
 */
export interface EntityDeclaration {
  /** The type as a reader sees it named. */
  label: string;
  /** The section of a curation file that lists records of this type. */
  section: string;
  description: string;
  /** The values of `kind`; a type without kinds has no `kind`. */
  kinds?: readonly [string, ...string[]];
  /** The property that names a record instead of `name` (an agreement is named by its title). */
  nameProperty?: string;
  /**
   * Properties beyond the shared fields (id, name, aliases, unnamed, description, note, evidence);
   * they become node properties. A record with a date or ordinal needs evidence for it.
   */
  properties: PropertyDeclarations;
}

const declarations = {
  Person: {
    label: 'Person',
    section: 'people',
    description: 'A person, named or known only by office (`unnamed: true`). Offices are HOLDS_POSITION relations.',
    properties: {},
  },
  Place: {
    label: 'Place',
    section: 'places',
    description: 'A country, province, city, border gate, economic zone, bridge, railway line...',
    kinds: [
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
    ],
    properties: {},
  },
  Organization: {
    label: 'Organization',
    section: 'organizations',
    description: "A ministry, party committee, people's committee, consulate, company, university or standing mechanism.",
    kinds: [
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
    ],
    properties: {},
  },
  Agreement: {
    label: 'Agreement',
    section: 'agreements',
    description:
      'A signed (or handed over) document. Its parties and signatories are SIGNED relations, the occasion a SIGNED_AT relation.',
    kinds: [
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
    ],
    nameProperty: 'title',
    properties: {
      title: { type: 'text', required: true, minLength: 3 },
      date: { type: 'date', description: 'set only when an article dates the signing' },
    },
  },
  Event: {
    label: 'Event',
    section: 'events',
    description: 'A conference, meeting, visit, ceremony or forum; venue, host and participants are relations.',
    kinds: ['conference', 'meeting', 'visit', 'signing-ceremony', 'forum', 'festival', 'programme', 'other'],
    properties: {
      date: { type: 'date', description: 'the (first) day, or the month or year when that is all an article gives' },
      endDate: { type: 'date', notBefore: 'date', description: 'the last day of an event that spans several days' },
      ordinal: { type: 'ordinal', description: 'the edition of a recurring event: 9 for the 9th conference' },
    },
  },
} as const satisfies Record<string, EntityDeclaration>;

/** The declarations with their literal types, for types derived from them (a record's fields). */
export type EntityDeclarations = typeof declarations;
export type EntityType = keyof EntityDeclarations;

export const ENTITY_DECLARATIONS: Readonly<Record<EntityType, EntityDeclaration>> = declarations;

/** Every node label the graph may hold, in the declarations' order (the legend's and the filters'). */
export const ENTITY_TYPES = Object.freeze(Object.keys(declarations) as [EntityType, ...EntityType[]]);

/** The kinds of events, which the events route filters by. */
export const EVENT_KINDS = declarations.Event.kinds;
