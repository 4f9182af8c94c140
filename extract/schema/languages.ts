/**
 * The languages of the corpus and of aliases, as a reader sees them named; `zh` marks the pinyin
 * reading of a Chinese name. Articles are written in those marked `articles`. It imports no code, so
 * the explorer bundles it.
 */
const declarations = {
  vi: { label: 'Vietnamese', articles: true },
  nl: { label: 'Dutch', articles: true },
  de: { label: 'German', articles: true },
  en: { label: 'English', articles: false },
  zh: { label: 'Chinese (pinyin)', articles: false },
} as const satisfies Record<string, { label: string; articles: boolean }>;

export type LanguageCode = keyof typeof declarations;
export type ArticleLanguageCode = { [L in LanguageCode]: (typeof declarations)[L]['articles'] extends true ? L : never }[LanguageCode];

export const LANGUAGE_DECLARATIONS: Readonly<Record<LanguageCode, { label: string; articles: boolean }>> = declarations;
export const LANGUAGES = Object.freeze(Object.keys(declarations) as [LanguageCode, ...LanguageCode[]]);
export const ARTICLE_LANGUAGES = Object.freeze(LANGUAGES.filter((l) => declarations[l].articles) as [ArticleLanguageCode, ...ArticleLanguageCode[]]);
