/**
 * Text comparison: quotes against article bodies, names against names. Pure and without imports, so
 * the explorer bundles the same folding the check, the API and the export use.
 */

/** Unicode NFC, every run of whitespace (incl. no-break spaces and newlines) folded to one space, trimmed. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** The combining diacritical marks: Vietnamese tones and hooks, umlauts, pinyin tone marks. */
const DIACRITICAL_MARKS = /(?:[\u0300-\u036f]|[\u1ab0-\u1aff]|[\u1dc0-\u1dff]|[\u20d0-\u20ff]|[\ufe20-\ufe2f])+/gu;

/** Letters Unicode does not decompose, spelled as the full-text index's ASCII folding spells them. */
const PLAIN_LETTERS: Readonly<Record<string, string>> = { đ: 'd', ð: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', þ: 'th', ı: 'i' };

/**
 * A name as names are compared and searched: compatibility forms and diacritics of Latin letters
 * removed (ễ → e, ā → a, ü → u), đ → d, ß → ss, lower case, whitespace runs folded to one space.
 * Punctuation stays. Marks that are parts of other scripts' letters (Devanagari vowel signs, kana
 * voicing) stay too, as they do in the index.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(DIACRITICAL_MARKS, '')
    .toLowerCase()
    .replace(/[đðßæœøłþı]/gu, (letter) => PLAIN_LETTERS[letter] ?? letter)
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim();
}
