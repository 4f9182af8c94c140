import { describe, expect, it } from 'vitest';
import { sentencesOf } from '../../extract/sentences.ts';

const texts = (text: string, language: string) => sentencesOf(text, language).map((s) => s.text);

describe('sentencesOf', () => {
  it('keeps German day numbers and ordinals inside their sentence', () => {
    expect(texts('Am 28. Oktober leitete Vu die 9. Konferenz. Sie endete am Abend.', 'de')).toEqual([
      'Am 28. Oktober leitete Vu die 9. Konferenz.',
      'Sie endete am Abend.',
    ]);
    expect(texts('seit der 8. Konferenz im Jahr 2022 bis heute.', 'de')).toEqual(['seit der 8. Konferenz im Jahr 2022 bis heute.']);
  });

  it('ends a German sentence after a year', () => {
    expect(texts('Die Konferenz fand 2022. Danach kam die nächste.', 'de')).toEqual(['Die Konferenz fand 2022.', 'Danach kam die nächste.']);
  });

  it('keeps abbreviations of each language inside their sentence', () => {
    expect(texts('Dr. Müller kam z.B. spät. Er ging.', 'de')).toEqual(['Dr. Müller kam z.B. spät.', 'Er ging.']);
    expect(texts('Het ging o.a. over handel. Dhr. Vu sprak.', 'nl')).toEqual(['Het ging o.a. over handel.', 'Dhr. Vu sprak.']);
    expect(texts('Đại học Giao thông Vận tải Tp. Hồ Chí Minh ký kết. Hai bên chứng kiến.', 'vi')).toEqual([
      'Đại học Giao thông Vận tải Tp. Hồ Chí Minh ký kết.',
      'Hai bên chứng kiến.',
    ]);
  });

  it('does not treat a Dutch or Vietnamese number before a stop as an ordinal', () => {
    expect(texts('Dat was op dag 9. Daarna niet meer.', 'nl')).toEqual(['Dat was op dag 9.', 'Daarna niet meer.']);
  });

  it('ends a sentence at every line break, and keeps a photo credit with its caption', () => {
    const text = 'Overzicht van de conferentie. (Foto: Thanh Long)\n\nDe viceminister sprak\nDe afgevaardigden namen een foto.';
    expect(texts(text, 'nl')).toEqual([
      'Overzicht van de conferentie. (Foto: Thanh Long)',
      'De viceminister sprak',
      'De afgevaardigden namen een foto.',
    ]);
  });

  it('gives offsets that cut each sentence out of the text', () => {
    const text = '  Ngày 28/10, hai bên gặp nhau.  Tp. Hạ Long đón đoàn.\n\n(Ảnh: Thành Long)';
    const sentences = sentencesOf(text, 'vi');
    expect(sentences.map((s) => s.text)).toEqual(['Ngày 28/10, hai bên gặp nhau.', 'Tp. Hạ Long đón đoàn.', '(Ảnh: Thành Long)']);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('takes a regional language tag, and an unknown language with the English rules', () => {
    expect(texts('Am 5. Mai kam er.', 'de-AT')).toEqual(['Am 5. Mai kam er.']);
    expect(texts('Mr. Vu arrived. He spoke.', 'xx')).toEqual(['Mr. Vu arrived.', 'He spoke.']);
  });
});
