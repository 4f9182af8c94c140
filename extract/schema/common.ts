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

function isRealDate(date: string): boolean {
  const m = ISO_PARTIAL.exec(date);
  if (!m) return false;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** An ISO 8601 calendar date whose precision is its length: year, year-month or year-month-day. */
export const IsoDate = z
  .string()
  .refine(isRealDate, { message: 'must be a real ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD' })
  .meta({ id: 'IsoDate', description: 'ISO 8601 date; its precision is its length (YYYY, YYYY-MM, YYYY-MM-DD)' });

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
