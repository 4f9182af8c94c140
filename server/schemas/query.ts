import { z } from 'zod';
import { ArticleLanguage, IsoDate } from '../../extract/schema/common.ts';
import { EVENT_KINDS, ENTITY_TYPES } from '../../extract/schema/entity-types.ts';
import { RELATION_TYPES, type RelationType } from '../../extract/schema/relation-types.ts';

/** Hard ceilings that keep every query bounded, whatever a client asks for. */
export const LIMITS = {
  search: { default: 10, max: 50 },
  neighbors: { default: 100, max: 1000 },
  depth: { default: 1, max: 3 },
  maxHops: { default: 4, max: 6 },
  events: { default: 200, max: 1000 },
  meetings: { max: 500 },
  sources: { default: 100, max: 500 },
  refLength: 200,
  exportIds: 50,
} as const;

/**
 * The request line and headers the server reads, in bytes: the longest URL the query schemas allow
 * (an export of `exportIds` names of `refLength` UTF-16 units, a unit up to 9 bytes percent-encoded,
 * each with its comma) and room for the headers. Node's default, 16 KiB, refused valid exports.
 */
export const MAX_HEADER_BYTES = LIMITS.exportIds * (LIMITS.refLength * 9 + 3) + 16 * 1024;

/** The blanks a parameter is trimmed of: spelled out, so the document's pattern means the same in every regex dialect. */
const BLANKS = ' \\t\\n\\v\\f\\r';
const EDGE_BLANKS = new RegExp(`^[${BLANKS}]+|[${BLANKS}]+$`, 'g');
const trimmed = (s: string) => s.replace(EDGE_BLANKS, '');

/** Text with something besides blanks, trimmed after its length is checked. */
export const nonBlank = (max: number) =>
  z.string().max(max).regex(new RegExp(`[^${BLANKS}]`), 'must not be blank').transform(trimmed);

/**
 * A list given as `a,b` (the form the OpenAPI document states: `style: form, explode: false`) or as
 * the parameter repeated (`?x=a&x=b`). Each value is checked as sent: the document and the validator
 * agree on every list, so `a, b` and `a,,b` are refused as they read.
 */
export function commaList<T extends z.ZodArray>(list: T) {
  const values = (input: unknown) => (Array.isArray(input) ? input : [input]).flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]));
  return z.preprocess(values, list);
}

/** One entity of a comma list: an id or a name, with no comma and something besides blanks; trimmed once checked. */
export const listedEntity = z
  .string()
  .max(LIMITS.refLength)
  .regex(new RegExp(`^[^,]*[^,${BLANKS}][^,]*$`), 'must hold no comma and not be blank')
  .transform(trimmed);

/** A list of values from an allow-list, e.g. `Person,Place`: at least one, at most as many as the allow-list holds. */
function listOf<const T extends string>(values: readonly [T, ...T[]], what: string) {
  return commaList(z.array(z.enum(values)).min(1, 'give at least one value, or leave the parameter out').max(values.length)).meta({
    description: `comma-separated ${what}: ${values.join(', ')}`,
  });
}

const entityTypes = listOf(ENTITY_TYPES, 'entity types');
const relationTypes = listOf(RELATION_TYPES as [RelationType, ...RelationType[]], 'relation types');

/** An entity given by its id or by a name in any spelling or language its aliases hold. */
const entityRef = (description: string) =>
  nonBlank(LIMITS.refLength).meta({ description: `${description}: an id or a name in any spelling or language` });

const limit = (l: { default: number; max: number }) => z.coerce.number().int().min(1).max(l.max).default(l.default);

const dateWindow = {
  from: IsoDate.optional().meta({ description: 'only facts dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD); undated facts stay' }),
  to: IsoDate.optional().meta({ description: 'only facts dated on or before this date; undated facts stay' }),
};

export const SearchQuery = z.object({
  q: nonBlank(LIMITS.refLength).meta({ description: 'words of a name or alias, in any language; case and diacritics do not matter' }),
  types: entityTypes.optional(),
  limit: limit(LIMITS.search),
});

export const EntityParams = z.object({ id: z.string().min(1).max(LIMITS.refLength) });

export const NeighborsQuery = z.object({
  depth: z.coerce.number().int().min(1).max(LIMITS.depth.max).default(LIMITS.depth.default),
  relations: relationTypes.optional(),
  types: entityTypes.optional().meta({ description: `comma-separated entity types the neighbours must have: ${ENTITY_TYPES.join(', ')}` }),
  ...dateWindow,
  limit: limit(LIMITS.neighbors).meta({ description: 'the most neighbours returned (the entity itself comes on top)' }),
});

export const MeetingsQuery = z.object({
  person: entityRef('the person'),
  with: entityRef('only the meetings with this person').optional(),
  ...dateWindow,
  place: entityRef('only meetings at events held in this place (or a place inside it)').optional(),
});

export const PathsQuery = z.object({
  from: entityRef('one end of the path'),
  to: entityRef('the other end'),
  maxHops: z.coerce.number().int().min(1).max(LIMITS.maxHops.max).default(LIMITS.maxHops.default),
  relations: relationTypes.optional(),
});

export const EventsQuery = z.object({
  ...dateWindow,
  place: entityRef('only events held in this place (or a place inside it)').optional(),
  type: listOf(EVENT_KINDS, 'event kinds').optional(),
  participant: entityRef('only events this person, organization or place took part in').optional(),
  limit: limit(LIMITS.events),
});

export const DossierQuery = z.object({
  a: entityRef('one party (a province, ministry, country...)'),
  b: entityRef('the other party'),
  ...dateWindow,
});

export const SourcesQuery = z.object({
  language: ArticleLanguage.optional(),
  limit: limit(LIMITS.sources),
});

export const SourceParams = z.object({ id: z.string().min(1).max(LIMITS.refLength) });
