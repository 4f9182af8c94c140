/** Text comparison used by the check: quotes against article bodies, aliases against aliases. */

/** Unicode NFC, every run of whitespace (incl. no-break spaces and newlines) folded to one space, trimmed. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * A name folded for comparison and search: diacritics removed (đ → d), lower case, whitespace folded.
 * "Nguyễn Minh Vũ" and "nguyen minh vu" fold to the same key.
 */
export function foldName(name: string): string {
  return normalizeText(
    name
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/[đĐ]/gu, 'd')
      .toLowerCase(),
  );
}
