/**
 * Sentences of an article, with their offsets in its body. Intl.Segmenter finds the candidates; its
 * breaks after abbreviations and German ordinals ("am 28. | Oktober", "die 9. | Konferenz", "Dr. | Müller")
 * are joined again by the rules of the article's language. A line break always ends a sentence
 * (headlines, captions and paragraphs carry no final stop).
 */

export interface Sentence {
  /** Offsets into the text: text.slice(start, end) === sentence.text. */
  start: number;
  end: number;
  text: string;
}

/** Abbreviations after which a stop does not end a sentence, lower case, per language. */
const ABBREVIATIONS: Record<string, readonly string[]> = {
  de: ['dr', 'prof', 'nr', 'bzw', 'ca', 'mio', 'mrd', 'st', 'hr', 'fr', 'vgl', 'z.b', 'u.a', 'd.h', 'inkl', 'bzgl', 'gen', 'abs', 'jh'],
  nl: ['dhr', 'mevr', 'dr', 'prof', 'nr', 'bijv', 'o.a', 'ca', 'mln', 'mld', 'blz', 'd.w.z', 'm.b.t', 'i.v.m', 'st'],
  vi: ['tp', 'th.s', 'ths', 'ts', 'pgs', 'gs', 'bs', 'ks', 'q', 'p'],
  en: ['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no', 'e.g', 'i.e', 'inc', 'ltd', 'co', 'jr', 'sr', 'vs', 'etc'],
  fr: ['m', 'mme', 'dr', 'prof', 'st', 'p.ex', 'etc'],
};

/** Languages that write ordinals and day numbers with a stop: "28. Oktober", "9. Konferenz". */
const ORDINAL_STOP = new Set(['de', 'da', 'no', 'nb', 'fi', 'cs', 'sk', 'pl', 'hu', 'sl', 'hr', 'sr', 'et', 'lv', 'is']);

function baseLanguage(language: string): string {
  return language.toLowerCase().split(/[-_]/)[0] ?? language;
}

/** Does this candidate end where a sentence cannot end, so the next candidate continues it? */
function endsInside(candidate: string, language: string): boolean {
  const trimmed = candidate.replace(/\s+$/u, '');
  if (/\n\s*$/u.test(candidate) || !trimmed.endsWith('.')) return false;
  const lastWord = /(?:^|[\s(„"'«])([\p{L}.]+)\.$/u.exec(trimmed)?.[1]?.toLowerCase();
  if (lastWord !== undefined && (ABBREVIATIONS[language] ?? ABBREVIATIONS.en ?? []).includes(lastWord)) return true;
  // A single capital with a stop is an initial ("J. Smith"), in any language.
  if (lastWord !== undefined && /^\p{Lu}$/u.test(trimmed.slice(-2, -1)) && lastWord.length === 1) return true;
  // One or two digits and a stop: a day or an ordinal where the language writes them so; a year ends sentences.
  return ORDINAL_STOP.has(language) && /(?:^|[\s(])\d{1,2}\.$/u.test(trimmed);
}

/** The article's sentences in order; blank runs between them are not part of any sentence. */
export function sentencesOf(text: string, language: string): Sentence[] {
  const lang = baseLanguage(language);
  const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
  const sentences: Sentence[] = [];
  let pendingStart: number | undefined;
  for (const { segment, index } of segmenter.segment(text)) {
    pendingStart ??= index;
    const end = index + segment.length;
    if (endsInside(segment, lang) && end < text.length) continue;
    pushTrimmed(sentences, text, pendingStart, end);
    pendingStart = undefined;
  }
  return joinCredits(sentences, text);
}

/** A bracketed aside after a stop on the same line ("… Guangdong. (Foto: Thanh Long)") belongs to its sentence. */
function joinCredits(sentences: Sentence[], text: string): Sentence[] {
  const joined: Sentence[] = [];
  for (const sentence of sentences) {
    const previous = joined.at(-1);
    const aside = /^\([^()]*\)$/u.test(sentence.text);
    if (previous && aside && !text.slice(previous.end, sentence.start).includes('\n')) {
      previous.end = sentence.end;
      previous.text = text.slice(previous.start, previous.end);
    } else joined.push({ ...sentence });
  }
  return joined;
}

function pushTrimmed(into: Sentence[], text: string, from: number, to: number): void {
  // Segmenter keeps a newline inside a candidate when no stop precedes it: each line is its own sentence.
  let lineStart = from;
  for (const line of text.slice(from, to).split('\n')) {
    const lead = line.length - line.trimStart().length;
    const body = line.trim();
    if (body !== '') into.push({ start: lineStart + lead, end: lineStart + lead + body.length, text: body });
    lineStart += line.length + 1;
  }
}
