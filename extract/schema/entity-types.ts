import type { PropertyDeclarations, PropertyRule } from './properties.ts';

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
  /** Rules across the properties (at least one of two present...). */
  rules?: readonly PropertyRule[];
  /** Every record needs evidence of its own, whatever properties it holds. */
  needsEvidence?: true;
  /** Relations every record must be the source of, e.g. a figure MEASURES the party whose figure it is. */
  requiredRelations?: readonly { type: string; attributes: Readonly<Record<string, string>>; description: string }[];
}

/** How an article bounds a figure: "more than one fifth" is more-than. */
export const FIGURE_QUALIFIERS = ['exact', 'more-than', 'less-than', 'about', 'at-least'] as const;

/** What a figure measures; `other` until an article needs a kind of its own. */
export const FIGURE_MEASURES = [
  'bilateral-trade-value',
  'trade-share',
  'gdp',
  'gdp-ranking',
  'consumer-market-ranking',
  'trade-partner-ranking',
  'investor-ranking',
  'duration',
  'count',
  'other',
] as const;

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
  Figure: {
    label: 'Figure',
    section: 'figures',
    description:
      'A number an article states: a trade value, a share, a GDP, a rank, a duration, a count. Whose figure it is, and of what whole, are MEASURES relations.',
    properties: {
      measure: { type: 'choice', values: FIGURE_MEASURES, required: true, description: 'what the number measures' },
      value: { type: 'number', description: 'the number, as the article states it (omitted when only a rank is stated)' },
      unit: { type: 'text', required: true, minLength: 1, description: 'as the article states it: "billion USD", "%", "years", "rank"' },
      qualifier: {
        type: 'choice',
        values: FIGURE_QUALIFIERS,
        default: 'exact',
        description: 'how the article bounds the number: "more than one fifth" is more-than',
      },
      period: { type: 'period', description: 'the date or range the number is of: 2024, 2025/2027' },
      change: {
        type: 'group',
        description: 'a change the article states beside the number: +16.6 % year-on-year',
        properties: {
          value: { type: 'number', required: true },
          unit: { type: 'text', required: true, minLength: 1 },
          basis: { type: 'text', minLength: 2, description: 'compared with what: year-on-year' },
        },
      },
      rank: { type: 'ordinal', description: 'the place in a ranking: 1 for "first in China"' },
      scope: { type: 'text', minLength: 2, description: 'what the rank or share is taken among: "China", "within ASEAN"' },
    },
    rules: [{ atLeastOne: ['value', 'rank'] }],
    needsEvidence: true,
    requiredRelations: [{ type: 'MEASURES', attributes: { role: 'subject' }, description: 'a MEASURES relation with role subject (whose figure it is)' }],
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
