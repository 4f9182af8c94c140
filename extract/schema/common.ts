import { z } from 'zod';
import { ENTITY_TYPES } from './entity-types.ts';
import { ARTICLE_LANGUAGES, LANGUAGES } from './languages.ts';
import { RELATION_TYPES } from './relation-types.ts';

export { ARTICLE_LANGUAGES, LANGUAGES };

/** Languages of the corpus and of aliases. `zh` marks the pinyin of a Chinese name. */
export const Language = z.enum(LANGUAGES).meta({ id: 'Language', description: 'ISO 639-1 code; zh marks a pinyin reading' });
export type Language = z.infer<typeof Language>;

export const ArticleLanguage = z.enum(ARTICLE_LANGUAGES);

/** Every node label the graph may hold (entity-types.ts declares them). */
export const EntityType = z.enum(ENTITY_TYPES).meta({ id: 'EntityType' });
export type EntityType = z.infer<typeof EntityType>;

/** Every relationship type the graph may hold (relation-types.ts declares them). */
export const RelationType = z.enum(RELATION_TYPES).meta({ id: 'RelationType' });
export type RelationType = z.infer<typeof RelationType>;

/** A readable, stable identifier: lowercase ASCII words joined by hyphens. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug like "nguyen-minh-vu"')
  .max(120);

export type DatePrecision = 'year' | 'month' | 'day';

const ISO_PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The precision an ISO 8601 calendar date carries: 2025 (year), 2025-04 (month), 2025-04-14 (day). */
export function precisionOf(date: string): DatePrecision {
  const m = ISO_PARTIAL.exec(date);
  if (!m) throw new Error(`not an ISO 8601 date: ${date}`);
  return m[3] ? 'day' : m[2] ? 'month' : 'year';
}

/** 29 February's years: divisible by 4, centuries only when divisible by 400. */
const LEAP_YEAR = '(?:\\d\\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)';
const MONTH_AND_DAY = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))';

/**
 * A real calendar date at any precision, as a regular expression: the OpenAPI document carries it as
 * the parameters' pattern, so a client can tell a date the API takes from one it refuses.
 */
const REAL_DATE = new RegExp(`^(?:\\d{4}(?:-(?:0[1-9]|1[0-2]))?|\\d{4}-${MONTH_AND_DAY}|${LEAP_YEAR}-02-29)$`);

/** An ISO 8601 calendar date whose precision is its length: year, year-month or year-month-day. */
export const IsoDate = z
  .string()
  .regex(REAL_DATE, { message: 'must be a real ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD' })
  .meta({ id: 'IsoDate', description: 'ISO 8601 date; its precision is its length (YYYY, YYYY-MM, YYYY-MM-DD)' });

/**
 * A period: one ISO 8601 date at any precision (`2024`), or a range of two written `start/end`
 * (`2025/2027`, as ISO 8601 writes intervals) whose end is not before its start.
 */
export const IsoPeriod = z
  .string()
  .refine(
    (period) => {
      const parts = period.split('/');
      if (parts.length > 2 || !parts.every((part) => REAL_DATE.test(part))) return false;
      const [start, end] = parts as [string, string | undefined];
      return end === undefined || end.slice(0, start.length) >= start.slice(0, end.length);
    },
    { message: 'must be an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD) or a range start/end whose end is not before its start' },
  )
  .meta({ id: 'IsoPeriod', description: 'an ISO 8601 date at any precision, or a range start/end (2025/2027)' });

/** A verbatim quote from one article that supports a fact. */
export const Evidence = z
  .object({
    articleId: Slug,
    quote: z.string().min(8, 'a quote must be at least 8 characters'),
  })
  .strict();
export type Evidence = z.infer<typeof Evidence>;

/** Evidence as the graph and the API carry it: with the article's language. */
export const CitedEvidence = Evidence.extend({ language: ArticleLanguage }).meta({ id: 'Evidence' });
export type CitedEvidence = z.infer<typeof CitedEvidence>;

export const Alias = z
  .object({
    name: z.string().min(1),
    lang: Language,
  })
  .strict()
  .meta({ id: 'Alias' });
export type Alias = z.infer<typeof Alias>;
