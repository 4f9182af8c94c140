import { describe, expect, it } from 'vitest';
import { fold, normalizeText } from '../../extract/text.ts';

/** Each input with its folded form written out: what the check, the API, the export and the explorer compare. */
const FOLDED: readonly (readonly [string, string])[] = [
  // Vietnamese: tones, hooks and horns come off, đ/Đ becomes d.
  ['Nguyễn Minh Vũ', 'nguyen minh vu'],
  ['NGUYỄN MINH VŨ', 'nguyen minh vu'],
  ['Đồng Đăng', 'dong dang'],
  ['Trương Quốc Trí', 'truong quoc tri'],
  ['Vũ Đại Thắng', 'vu dai thang'],
  ['Quảng Ninh', 'quang ninh'],
  ['Nguye\u0302\u0303n', 'nguyen'],
  // German: ß and ẞ become ss, umlauts lose their dots (as the full-text index folds them, not ue).
  ['Straße', 'strasse'],
  ['GROẞE STRASSE', 'grosse strasse'],
  ['Müller', 'muller'],
  ['Ho-Chi-Minh-Stadt', 'ho-chi-minh-stadt'],
  ['Provinz Quảng Ninh', 'provinz quang ninh'],
  // Dutch.
  ['Quảng Ninh-provincie', 'quang ninh-provincie'],
  ['België', 'belgie'],
  ['coördinatie', 'coordinatie'],
  ['ĳssel', 'ijssel'],
  // Pinyin with tone marks, ü included.
  ['Zhāng Guózhì', 'zhang guozhi'],
  ['Lǚ Nǚ', 'lu nu'],
  // Other Latin letters the index spells in plain letters.
  ['Søren Æbeløe', 'soren aebeloe'],
  ['Łódź', 'lodz'],
  ['Guðrún', 'gudrun'],
  ['Þór', 'thor'],
  ['cœur', 'coeur'],
  ['Dıyarbakır', 'diyarbakir'],
  // Punctuation stays; compatibility forms are their plain letters.
  ["People's Committee (Quảng Ninh)", "people's committee (quang ninh)"],
  ['Trương, Quốc Trí.', 'truong, quoc tri.'],
  ['ﬁnance ＡＢＣ', 'finance abc'],
  // Whitespace: every run (no-break spaces, line breaks, tabs) is one space; ends trimmed.
  ['  Nguyễn\u00a0Minh\n\tVũ  ', 'nguyen minh vu'],
  ['   ', ''],
  ['', ''],
  // Other scripts keep their letters and marks.
  ['Hà Nội 河内', 'ha noi 河内'],
  ['ガイド', 'ガイド'],
];

describe('fold', () => {
  it.each(FOLDED)('folds %j to %j', (input, folded) => {
    expect(fold(input)).toBe(folded);
  });

  it('is idempotent', () => {
    for (const [, folded] of FOLDED) expect(fold(folded)).toBe(folded);
  });
});

describe('normalizeText', () => {
  it('composes to NFC and folds whitespace, keeping case and diacritics', () => {
    expect(normalizeText('  Nguye\u0302\u0303n\u00a0Minh\n Vũ ')).toBe('Nguyễn Minh Vũ');
  });
});
