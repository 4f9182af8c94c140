import { z } from 'zod';
import { Slug } from './common.ts';

/**
 * A sentence of an article that no record cites, and why: a caption repeating the lead, an
 * appraisal without an act. With the cited sentences these account for the whole article.
 */
export const LeftOut = z
  .object({
    articleId: Slug,
    /** the start of the sentence, verbatim (compared after Unicode NFC and whitespace folding) */
    sentence: z.string().min(8, 'the sentence start must be at least 8 characters'),
    reason: z.string().min(3),
  })
  .strict();
export type LeftOut = z.infer<typeof LeftOut>;
