import { describe, expect, it } from 'vitest';
import { escapeHtml, findQuote, fold, isWebUrl, truncate } from '../../web/src/util/text.ts';
import { formatDate, languageName, relationLabel, typeLabel } from '../../web/src/util/labels.ts';
import { matchedAlias } from '../../web/src/ui/search.ts';

describe('text helpers', () => {
  it('take only http and https URLs as web addresses, so nothing else becomes a link', () => {
    for (const url of ['https://vnexpress.net/a.html', 'http://example.org/', 'HTTPS://EXAMPLE.ORG']) expect(isWebUrl(url), url).toBe(true);
    for (const url of ['javascript:alert(1)', ' javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '/relative', '']) {
      expect(isWebUrl(url), url).toBe(false);
    }
  });

  it('fold case and Vietnamese diacritics, đ included', () => {
    expect(fold('Trương Quốc Trí')).toBe('truong quoc tri');
    expect(fold('Đặng  Hoàng An')).toBe('dang hoang an');
    expect(fold('Straße')).toBe('strasse');
  });

  it('find a quote verbatim, or across typographic and spacing differences', () => {
    const text = 'Er sagte: „Die Zusammenarbeit\n  wird vertieft“ – so der Minister.';
    expect(findQuote(text, 'Die Zusammenarbeit')).toEqual([11, 29]);
    const r = findQuote(text, '"Die Zusammenarbeit wird vertieft" - so');
    expect(r).not.toBeNull();
    expect(text.slice(r![0], r![1])).toBe('„Die Zusammenarbeit\n  wird vertieft“ – so');
    expect(findQuote(text, 'nicht im Text')).toBeNull();
  });

  it('escape, truncate, format', () => {
    expect(escapeHtml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
    expect(truncate('one two three four', 15)).toBe('one two three…');
    expect(formatDate('2025-02-20')).toBe('20 Feb 2025');
    expect(formatDate('2025-11')).toBe('Nov 2025');
    expect(formatDate('2025')).toBe('2025');
    expect(relationLabel('CO_CHAIRED')).toBe('co-chaired');
    expect(relationLabel('NEW_KIND_OF_LINK')).toBe('new kind of link');
    expect(typeLabel('Organization')).toBe('Organization');
    expect(languageName('zh')).toBe('Chinese (pinyin)');
    expect(languageName('constructor')).toBe('constructor');
  });
});

describe('search suggestions', () => {
  const zhang = {
    id: 'zhang-guozhi',
    type: 'Person' as const,
    name: 'Zhang Guozhi',
    score: 1,
    aliases: [
      { name: 'Truong Quoc Tri', lang: 'nl' as const },
      { name: 'Trương Quốc Trí', lang: 'vi' as const },
      { name: 'Zhang Guozhi', lang: 'zh' as const },
    ],
  };

  it('show the alias that explains a match, in the spelling typed', () => {
    expect(matchedAlias(zhang, 'Zhang')).toBeNull();
    expect(matchedAlias(zhang, 'Trương')?.lang).toBe('vi');
    expect(matchedAlias(zhang, 'truong quoc tri')?.name).toBe('Truong Quoc Tri');
  });
});
