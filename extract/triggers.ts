import { RELATION_DECLARATIONS, type RelationType, type TriggerLanguage, type Triggers } from './schema/relation-types.ts';
import { fold } from './text.ts';

/**
 * Trigger words: does a quote hold one of the words that usually carry a relation type, in the
 * quote's language? The check warns about records whose quotes hold none, and the curation
 * workbench's proposers use the same matching to find candidate sentences.
 *
 * Dutch, German and English are compared folded (fold(): case and diacritics), and a trigger may be
 * a stem: it matches where it starts at a word boundary, and may end inside a word ("ondertek" in
 * "ondertekenden"). Vietnamese is written in syllables whose marks tell words apart (ký "sign", kỳ
 * "period"; mời "invite", mới "new"), so there case is folded but the marks are kept, gathered at the
 * end of each syllable so that where a tone mark sits does not matter (hoà and hòa are one word);
 * a trigger must start and end at a word boundary ("ký" is not found in "kýx").
 */

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

const isWordChar = (ch: string | undefined) => ch !== undefined && WORD_CHAR.test(ch);

/** Vietnamese as triggers compare it: lower case, each syllable's letters followed by its marks, sorted. */
function syllables(text: string): string {
  return text
    .normalize('NFD')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[\p{L}\p{M}]+/gu, (syllable) => syllable.replace(/\p{M}/gu, '') + (syllable.match(/\p{M}/gu) ?? []).sort().join(''));
}

/** Languages compared syllable by syllable, whose triggers must end at a word boundary. */
const SYLLABIC: ReadonlySet<string> = new Set(['vi']);

/** The first trigger of `triggers` found in `text` by the rules of `language`, or undefined. */
export function findTrigger(text: string, triggers: readonly string[], language: string): string | undefined {
  const syllabic = SYLLABIC.has(language);
  const key = syllabic ? syllables : fold;
  const haystack = key(text);
  for (const trigger of triggers) {
    const word = key(trigger);
    if (word === '') continue;
    for (let at = haystack.indexOf(word); at !== -1; at = haystack.indexOf(word, at + 1)) {
      if (isWordChar(haystack[at - 1])) continue;
      if (syllabic && isWordChar(haystack[at + word.length])) continue;
      return trigger;
    }
  }
  return undefined;
}

/** A relation type's triggers in a language: none for structural types or a language it lists none for. */
export function triggersOf(type: RelationType, language: string): readonly string[] {
  const triggers: Triggers | null = RELATION_DECLARATIONS[type].triggers;
  return triggers?.[language as TriggerLanguage] ?? [];
}

/** The trigger of a relation type that a quote in `language` holds, or undefined. */
export function relationTrigger(type: RelationType, quote: string, language: string): string | undefined {
  return findTrigger(quote, triggersOf(type, language), language);
}

/** The relation types (with triggers) whose triggers a sentence holds: what it may state. */
export function relationTypesIn(sentence: string, language: string): RelationType[] {
  return (Object.keys(RELATION_DECLARATIONS) as RelationType[]).filter((type) => relationTrigger(type, sentence, language) !== undefined);
}
