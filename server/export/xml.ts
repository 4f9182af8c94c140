import xmlbuilder from 'xmlbuilder';
import { Chunker } from './model.ts';

/**
 * A streaming XML writer: the library escapes text and attribute values (`&`, `<`, `>`, `"`, and tab,
 * line feed and carriage return in attributes as character references, so they survive attribute
 * normalization). XML 1.0 cannot carry some characters at all (most C0 controls, U+FFFE, U+FFFF, lone
 * surrogates); those become U+FFFD. Not pretty-printed (that would indent the text of values); a
 * line break follows each element of the graph instead.
 */
export function xmlWriter() {
  const out = new Chunker();
  const doc = xmlbuilder.begin(
    { invalidCharReplacement: '\uFFFD', writer: { pretty: false } },
    (chunk: string) => out.push(chunk),
  );
  return { doc, out };
}
