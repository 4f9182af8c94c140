import type { EntityType } from './entity-types.ts';
import type { PropertyDeclarations } from './properties.ts';

/**
 * The relation types as data (one declaration each, after FollowTheMoney): which entity types a
 * relation may join, in which direction, how it reads both ways, and which attributes it carries.
 * The record's attribute schemas and the explorer's labels derive from this table; Cypher takes
 * relationship types only from it. It imports no code, so the explorer bundles it.
 */
export interface RelationDeclaration {
  from: readonly EntityType[];
  to: readonly EntityType[];
  /** How the relation reads from its source, e.g. "co-chaired". */
  label: string;
  /** How the relation reads from its target, e.g. "co-chaired by". */
  reverse: string;
  description: string;
  attributes: PropertyDeclarations;
}

const when = {
  date: { type: 'date' },
  /** The event during which the fact held, when it is not the relation's own target. */
  event: { type: 'entity', entityType: 'Event' },
} as const;

const declarations = {
  CO_CHAIRED: {
    from: ['Person', 'Organization'],
    to: ['Event', 'Organization'],
    label: 'co-chaired',
    reverse: 'co-chaired by',
    description: 'Chaired an event or a standing body together with a counterpart.',
    attributes: { ...when, role: { type: 'text' } },
  },
  ATTENDED: {
    from: ['Person', 'Organization', 'Place'],
    to: ['Event'],
    label: 'attended',
    reverse: 'attended by',
    description: 'Took part in an event (a place attends through its delegation).',
    attributes: { ...when, role: { type: 'text' } },
  },
  MET: {
    from: ['Person'],
    to: ['Person'],
    label: 'met',
    reverse: 'met',
    description: 'Met in person; the event says where and when.',
    attributes: { ...when },
  },
  SIGNED: {
    from: ['Person', 'Organization', 'Place'],
    to: ['Agreement'],
    label: 'signed',
    reverse: 'signed by',
    description: 'A party to, or a signatory of, a signed document.',
    attributes: { ...when, role: { type: 'choice', values: ['party', 'signatory'], default: 'party' } },
  },
  WITNESSED: {
    from: ['Person', 'Organization'],
    to: ['Agreement', 'Event'],
    label: 'witnessed',
    reverse: 'witnessed by',
    description: 'Witnessed a signing or the handing over of a document.',
    attributes: { ...when },
  },
  HOSTED: {
    from: ['Person', 'Organization', 'Place'],
    to: ['Event'],
    label: 'hosted',
    reverse: 'hosted by',
    description: 'Received the others at an event as its host.',
    attributes: { ...when },
  },
  VISITED: {
    from: ['Person', 'Organization'],
    to: ['Place', 'Organization'],
    label: 'visited',
    reverse: 'visited by',
    description: 'Travelled to a place or an institution.',
    attributes: { ...when },
  },
  HOLDS_POSITION: {
    from: ['Person'],
    /** a Place for offices of a state or territory itself, e.g. the President of China */
    to: ['Organization', 'Place'],
    label: 'holds position',
    reverse: 'position held by',
    description: 'Held an office in an organization, as of a date (the article that says so).',
    attributes: {
      title: { type: 'text', required: true, minLength: 2 },
      asOf: { type: 'date', required: true, description: 'the published date of the article that states the office' },
    },
  },
  REPRESENTED: {
    from: ['Person', 'Organization'],
    to: ['Organization', 'Place'],
    label: 'represented',
    reverse: 'represented by',
    description: 'Acted for a side (a country, province or body) at an event.',
    attributes: { ...when },
  },
  PART_OF: {
    from: ['Organization', 'Event'],
    to: ['Organization', 'Event', 'Place'],
    label: 'part of',
    reverse: 'has part',
    description: 'A body within a larger body, or an event within a programme or a recurring mechanism.',
    attributes: {},
  },
  LOCATED_IN: {
    from: ['Place', 'Organization'],
    to: ['Place'],
    label: 'located in',
    reverse: 'contains',
    description: 'A place inside a larger place, or an organization seated in a place.',
    attributes: {},
  },
  TOOK_PLACE_IN: {
    from: ['Event'],
    to: ['Place', 'Organization'],
    label: 'took place in',
    reverse: 'venue of',
    description: 'Where an event was held (a place, or the seat of a body).',
    attributes: {},
  },
  PROPOSED: {
    from: ['Person', 'Organization'],
    to: ['Event', 'Organization', 'Place'],
    label: 'proposed',
    reverse: 'received proposal from',
    description: 'Made a proposal at an event or to a counterpart; the summary says what.',
    attributes: { ...when, summary: { type: 'text', required: true, minLength: 8 } },
  },
  INVITED: {
    from: ['Person', 'Organization'],
    to: ['Person', 'Organization', 'Place'],
    label: 'invited',
    reverse: 'invited by',
    description: 'Invited a counterpart, to the event named in the attributes.',
    attributes: { ...when, summary: { type: 'text' } },
  },
  PRECEDED: {
    from: ['Event'],
    to: ['Event'],
    label: 'preceded',
    reverse: 'preceded by',
    description: 'An earlier edition of a recurring event, before a later one.',
    attributes: {},
  },
  CONCERNS: {
    from: ['Agreement', 'Event'],
    to: ['Place', 'Organization', 'Agreement', 'Event'],
    label: 'concerns',
    reverse: 'subject of',
    description: 'What a document or an event is about (a border gate, an economic zone, a mechanism, a programme).',
    attributes: {},
  },
  SIGNED_AT: {
    from: ['Agreement'],
    to: ['Event'],
    label: 'signed at',
    reverse: 'occasion of signing',
    description: 'The event (meeting, visit, ceremony) at which a document was signed or handed over.',
    attributes: {},
  },
  IMPLEMENTS: {
    from: ['Organization', 'Person'],
    to: ['Agreement'],
    label: 'implements',
    reverse: 'implemented by',
    description: 'A body set up or tasked to carry out a document, e.g. a working group for a framework agreement.',
    attributes: {},
  },
  COOPERATED_WITH: {
    from: ['Organization', 'Place', 'Person'],
    to: ['Organization', 'Place', 'Person'],
    label: 'cooperated with',
    reverse: 'cooperated with',
    description: 'Worked together on a named task; the summary says on what.',
    attributes: { ...when, summary: { type: 'text', required: true, minLength: 8 } },
  },
} as const satisfies Record<string, RelationDeclaration>;

/** The declarations with their literal types, for types derived from them. */
export type RelationDeclarations = typeof declarations;
export type RelationType = keyof RelationDeclarations;

export const RELATION_DECLARATIONS: Readonly<Record<RelationType, RelationDeclaration>> = declarations;
export const RELATION_TYPES = Object.freeze(Object.keys(declarations) as [RelationType, ...RelationType[]]);

/** Relations between people that count as meeting: acting at the same event. */
export const MEETING_RELATIONS = ['CO_CHAIRED', 'ATTENDED', 'WITNESSED', 'SIGNED', 'HOSTED'] as const satisfies readonly RelationType[];

export function isAllowedBetween(type: RelationType, from: EntityType, to: EntityType): boolean {
  const d = RELATION_DECLARATIONS[type];
  return d.from.includes(from) && d.to.includes(to);
}
