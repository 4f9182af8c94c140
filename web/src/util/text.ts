/** Text helpers shared by search, the panel and the article reader. */

// The one folding rule of the project (a pure module): the explorer compares names as the API does.
export { fold } from '../../../extract/text.ts';

/** Whether a URL is a web address (http or https): anything else (javascript:, data:) must never become a link. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Typographic variants that a copied quote may carry differently from the article text. */
function canonicalChar(ch: string): string {
  if (/[‘’‚‛′`´]/.test(ch)) return "'";
  if (/[“”„‟″«»]/.test(ch)) return '"';
  if (/[‐‑‒–—―]/.test(ch)) return '-';
  if (/\s/.test(ch)) return ' ';
  return ch;
}

/**
 * Where a verbatim quote sits in a text: [start, end) offsets into `text`, or null. Exact first;
 * then tolerant of runs of white space, typographic quotes and dashes, and letter case.
 */
export function findQuote(text: string, quote: string): [number, number] | null {
  const exact = text.indexOf(quote);
  if (exact >= 0) return [exact, exact + quote.length];
  // Canonical form of the text with a map from each canonical character back to its offset.
  const chars: string[] = [];
  const offsets: number[] = [];
  let lastSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = canonicalChar(text[i] as string).toLowerCase();
    if (c === ' ') {
      if (lastSpace) continue;
      lastSpace = true;
    } else lastSpace = false;
    chars.push(c);
    offsets.push(i);
  }
  const haystack = chars.join('');
  const needle = [...quote.trim()]
    .map((c) => canonicalChar(c).toLowerCase())
    .join('')
    .replace(/ +/g, ' ');
  if (needle.length === 0) return null;
  const at = haystack.indexOf(needle);
  if (at < 0) return null;
  const start = offsets[at] as number;
  const endIndex = at + needle.length - 1;
  const end = (offsets[endIndex] as number) + 1;
  return [start, end];
}

/** Plain text cut at a word boundary near `max` characters. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
