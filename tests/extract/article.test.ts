import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../extract/corpus.ts';

const BODY = 'Ngày 28/10, tại trụ sở Bộ Ngoại giao, đồng chí Nguyễn Minh Vũ đã cùng đồng chí Trương Quốc Trí đồng chủ trì Hội nghị lần 9. '.repeat(2);
const withUrl = (url: string) =>
  parseArticle('url-test.md', `---\nid: url-test\nlanguage: vi\ntitle: A title\npublished: 2025-10-28\npublisher: Báo Quốc Tế\nurl: ${JSON.stringify(url)}\ntranslationGroup: url-group\n---\n${BODY}`);

describe("an article's source URL", () => {
  it('is a web address: http or https', () => {
    for (const url of ['https://baoquocte.vn/a-b-123.html', 'http://example.org/x?y=1', 'HTTPS://EXAMPLE.ORG/']) {
      expect(withUrl(url).problems, url).toEqual([]);
    }
  });

  it('is never a script or an inline document, which a link would run or open', () => {
    for (const url of ['javascript:alert(document.domain)', 'JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd', 'ftp://example.org/a']) {
      const { article, problems } = withUrl(url);
      expect(article, url).toBeUndefined();
      expect(problems.map((p) => p.message).join('\n'), url).toMatch(/^url: /m);
    }
  });
});
