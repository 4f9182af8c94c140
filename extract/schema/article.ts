import { z } from 'zod';
import { ArticleLanguage, IsoDate, Slug } from './common.ts';

/** The metadata block at the head of each file in seeds/. */
export const ArticleMetadata = z
  .object({
    id: Slug,
    language: ArticleLanguage,
    title: z.string().min(3),
    published: IsoDate,
    publisher: z.string().min(2),
    /** Only web addresses: the explorer links to it, and javascript: or data: in a link would run. */
    url: z.url({ protocol: /^https?$/ }),
    translationGroup: Slug,
    author: z.string().optional(),
    /** The file this text was taken from, in the original corpus. */
    sourceFile: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();
export type ArticleMetadata = z.infer<typeof ArticleMetadata>;

export const Article = ArticleMetadata.extend({ text: z.string().min(100) }).meta({ id: 'Article' });
export type Article = z.infer<typeof Article>;
