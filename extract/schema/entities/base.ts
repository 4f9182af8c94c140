import { z } from 'zod';
import { Alias, Evidence, Slug } from '../common.ts';

/**
 * Fields every curated entity record shares. `evidence` holds the quotes that support the record's
 * own attributes (a date, an ordinal, an office named without a name); links to other entities are
 * relations, each with its own evidence.
 */
export const entityBaseShape = {
  id: Slug,
  name: z.string().min(1),
  /** other spellings: with and without diacritics, per language, a Vietnamese reading vs pinyin */
  aliases: z.array(Alias).default([]),
  /** an actor known only by the office it holds; its name then describes the office */
  unnamed: z.boolean().default(false),
  description: z.string().min(3).optional(),
  /** curator's remark: an inference, a discrepancy between translations, a missing fact */
  note: z.string().min(3).optional(),
  evidence: z.array(Evidence).default([]),
};
