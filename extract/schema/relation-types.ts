import { z } from 'zod';
import { IsoDate, Slug } from './common.ts';
import type { EntityType } from './entity-types.ts';

/**
 * The relation types as data (one declaration each, after FollowTheMoney): which entity types a
 * relation may join, in which direction, how it reads backwards, and which attributes it carries.
 * Cypher takes relationship types only from this table.
 */
export interface RelationDeclaration {
  from: readonly EntityType[];
  to: readonly EntityType[];
  /** How the relation reads from its target, e.g. "co-chaired by". */
  reverse: string;
  description: string;
  attributes: z.ZodObject;
}

const when = {
  date: IsoDate.optional(),
  /** The event during which the fact held, when it is not the relation's own target. */
  event: Slug.optional(),
};

const declarations = {
  CO_CHAIRED: {
    from: ['Person', 'Organization'],
    to: ['Event', 'Organization'],
    reverse: 'co-chaired by',
    description: 'Chaired an event or a standing body together with a counterpart.',
    attributes: z.object({ ...when, role: z.string().optional() }).strict(),
  },
  ATTENDED: {
    from: ['Person', 'Organization', 'Place'],
    to: ['Event'],
    reverse: 'attended by',
    description: 'Took part in an event (a place attends through its delegation).',
    attributes: z.object({ ...when, role: z.string().optional() }).strict(),
  },
  MET: {
    from: ['Person'],
    to: ['Person'],
    reverse: 'met',
    description: 'Met in person; the event says where and when.',
    attributes: z.object({ ...when }).strict(),
  },
  SIGNED: {
    from: ['Person', 'Organization', 'Place'],
    to: ['Agreement'],
    reverse: 'signed by',
    description: 'A party to, or a signatory of, a signed document.',
    attributes: z.object({ ...when, role: z.enum(['party', 'signatory']).default('party') }).strict(),
  },
  WITNESSED: {
    from: ['Person', 'Organization'],
    to: ['Agreement', 'Event'],
    reverse: 'witnessed by',
    description: 'Witnessed a signing or the handing over of a document.',
    attributes: z.object({ ...when }).strict(),
  },
  HOSTED: {
    from: ['Person', 'Organization', 'Place'],
    to: ['Event'],
    reverse: 'hosted by',
    description: 'Received the others at an event as its host.',
    attributes: z.object({ ...when }).strict(),
  },
  VISITED: {
    from: ['Person', 'Organization'],
    to: ['Place', 'Organization'],
    reverse: 'visited by',
    description: 'Travelled to a place or an institution.',
    attributes: z.object({ ...when }).strict(),
  },
  HOLDS_POSITION: {
    from: ['Person'],
    /** a Place for offices of a state or territory itself, e.g. the President of China */
    to: ['Organization', 'Place'],
    reverse: 'position held by',
    description: 'Held an office in an organization, as of a date (the article that says so).',
    attributes: z.object({ title: z.string().min(2), asOf: IsoDate }).strict(),
  },
  REPRESENTED: {
    from: ['Person', 'Organization'],
    to: ['Organization', 'Place'],
    reverse: 'represented by',
    description: 'Acted for a side (a country, province or body) at an event.',
    attributes: z.object({ ...when }).strict(),
  },
  PART_OF: {
    from: ['Organization', 'Event'],
    to: ['Organization', 'Event', 'Place'],
    reverse: 'has part',
    description: 'A body within a larger body, or an event within a programme or a recurring mechanism.',
    attributes: z.object({}).strict(),
  },
  LOCATED_IN: {
    from: ['Place', 'Organization'],
    to: ['Place'],
    reverse: 'contains',
    description: 'A place inside a larger place, or an organization seated in a place.',
    attributes: z.object({}).strict(),
  },
  TOOK_PLACE_IN: {
    from: ['Event'],
    to: ['Place', 'Organization'],
    reverse: 'venue of',
    description: 'Where an event was held (a place, or the seat of a body).',
    attributes: z.object({}).strict(),
  },
  PROPOSED: {
    from: ['Person', 'Organization'],
    to: ['Event', 'Organization', 'Place'],
    reverse: 'received proposal from',
    description: 'Made a proposal at an event or to a counterpart; the summary says what.',
    attributes: z.object({ ...when, summary: z.string().min(8) }).strict(),
  },
  INVITED: {
    from: ['Person', 'Organization'],
    to: ['Person', 'Organization', 'Place'],
    reverse: 'invited by',
    description: 'Invited a counterpart, to the event named in the attributes.',
    attributes: z.object({ ...when, summary: z.string().optional() }).strict(),
  },
  PRECEDED: {
    from: ['Event'],
    to: ['Event'],
    reverse: 'preceded by',
    description: 'An earlier edition of a recurring event, before a later one.',
    attributes: z.object({}).strict(),
  },
  CONCERNS: {
    from: ['Agreement', 'Event'],
    to: ['Place', 'Organization', 'Agreement', 'Event'],
    reverse: 'subject of',
    description: 'What a document or an event is about (a border gate, an economic zone, a mechanism, a programme).',
    attributes: z.object({}).strict(),
  },
  SIGNED_AT: {
    from: ['Agreement'],
    to: ['Event'],
    reverse: 'occasion of signing',
    description: 'The event (meeting, visit, ceremony) at which a document was signed or handed over.',
    attributes: z.object({}).strict(),
  },
  IMPLEMENTS: {
    from: ['Organization', 'Person'],
    to: ['Agreement'],
    reverse: 'implemented by',
    description: 'A body set up or tasked to carry out a document, e.g. a working group for a framework agreement.',
    attributes: z.object({}).strict(),
  },
  COOPERATED_WITH: {
    from: ['Organization', 'Place', 'Person'],
    to: ['Organization', 'Place', 'Person'],
    reverse: 'cooperated with',
    description: 'Worked together on a named task; the summary says on what.',
    attributes: z.object({ ...when, summary: z.string().min(8) }).strict(),
  },
} as const satisfies Record<string, RelationDeclaration>;

export const RELATION_DECLARATIONS: Record<RelationType, RelationDeclaration> = declarations;
export const RELATION_TYPES = Object.keys(declarations) as (keyof typeof declarations)[];
export const RelationType = z.enum(RELATION_TYPES as [keyof typeof declarations, ...(keyof typeof declarations)[]]).meta({ id: 'RelationType' });
export type RelationType = z.infer<typeof RelationType>;

/** Relations between people that count as meeting: acting at the same event. */
export const MEETING_RELATIONS = ['CO_CHAIRED', 'ATTENDED', 'WITNESSED', 'SIGNED', 'HOSTED'] as const satisfies readonly RelationType[];

export function isAllowedBetween(type: RelationType, from: EntityType, to: EntityType): boolean {
  const d = RELATION_DECLARATIONS[type];
  return d.from.includes(from) && d.to.includes(to);
}
