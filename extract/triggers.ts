import { RELATION_DECLARATIONS, type RelationType, type TriggerLanguage, type Triggers } from './schema/relation-types.ts';
import { fold } from './text.ts';

/**
 * Trigger words: does a quote hold one of the words that usually carry a relation type, in the
 * quote's language? The check warns about records whose quotes hold none, and the curation
 * workbench's proposers use the same matching to find candidate sentences.
 *
 * Quote and trigger are compared folded (fold(): case and diacritics). A trigger matches where it
 * starts at a word boundary. In Dutch, German and English it may be a stem, so it may end inside a
 * word ("ondertek" in "ondertekenden"); in Vietnamese, whose words are syllables, it must also end at
 * a word boundary ("ky" is not found in "kyx").
 */

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Languages whose triggers must end at a word boundary: written in syllables, not stems. */
const WHOLE_WORDS: ReadonlySet<string> = new Set(['vi']);

const isWordChar = (ch: string | undefined) => ch !== undefined && LETTER_OR_DIGIT.test(ch);

/** The first trigger of `triggers` found in `text` by the rules of `language`, or undefined. */
export function findTrigger(text: string, triggers: readonly string[], language: string): string | undefined {
  const folded = fold(text);
  const whole = WHOLE_WORDS.has(language);
  for (const trigger of triggers) {
    const word = fold(trigger);
    if (word === '') continue;
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + 1)) {
      if (isWordChar(folded[at - 1])) continue;
      if (whole && isWordChar(folded[at + word.length])) continue;
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
