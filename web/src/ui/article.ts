import type { ApiClient } from '../api/client.ts';
import type { SourceDetail } from '../api/types.ts';
import { AnswerCache } from '../data/answer-cache.ts';
import { formatDate, languageName } from '../util/labels.ts';
import { findQuote } from '../util/text.ts';
import { byId, clear, h, icon, sourceLink } from './dom.ts';

/**
 * Splits an article into paragraphs and marks the quote. The highlight may span paragraphs;
 * returns the elements and whether the quote was found.
 */
export function articleBody(text: string, quote: string | null): { paragraphs: HTMLElement[]; found: boolean } {
  const range = quote ? findQuote(text, quote) : null;
  const paragraphs: HTMLElement[] = [];
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index;
    const end = start + m[0].length;
    const p = h('p', {});
    if (range && range[0] < end && range[1] > start) {
      const a = Math.max(range[0], start);
      const b = Math.min(range[1], end);
      p.append(text.slice(start, a), h('mark', { class: 'quote-mark' }, text.slice(a, b)), text.slice(b, end));
    } else p.append(m[0]);
    paragraphs.push(p);
  }
  return { paragraphs, found: range !== null };
}

/** The article reader: a modal dialog with the text and the quote highlighted and scrolled to. */
export class ArticleReader {
  private readonly dialog = byId<HTMLDialogElement>('article-dialog');
  private readonly body = byId('article-body');
  private readonly head = byId('article-head');
  private readonly articles: AnswerCache<string, SourceDetail>;
  private controller: AbortController | null = null;

  constructor(api: ApiClient) {
    this.articles = new AnswerCache((id) => id, (id) => api.source(id));
    byId('article-close').addEventListener('click', () => this.close());
    this.dialog.addEventListener('click', (e) => {
      if (e.target === this.dialog) this.close();
    });
  }

  get isOpen(): boolean {
    return this.dialog.open;
  }

  async open(articleId: string, quote: string | null): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    clear(this.head);
    clear(this.body);
    this.head.append(h('h2', { id: 'article-title' }, 'Loading article…'));
    this.body.append(h('div', { class: 'skeleton-lines', 'aria-hidden': 'true' }, h('span'), h('span'), h('span'), h('span')));
    this.body.setAttribute('aria-busy', 'true');
    if (!this.dialog.open) this.dialog.showModal();
    let detail: SourceDetail;
    try {
      detail = await this.articles.get(articleId);
    } catch (error) {
      if (controller.signal.aborted) return;
      clear(this.head);
      clear(this.body);
      this.head.append(h('h2', { id: 'article-title' }, 'The article could not be loaded'));
      this.body.append(h('p', { class: 'error-text', role: 'alert' }, (error as Error).message));
      this.body.removeAttribute('aria-busy');
      return;
    }
    if (controller.signal.aborted) return;
    const a = detail.article;
    clear(this.head);
    clear(this.body);
    this.body.removeAttribute('aria-busy');
    this.head.append(
      h('h2', { id: 'article-title', lang: a.language }, a.title),
      h(
        'p',
        { class: 'article-meta' },
        h('span', { class: `lang lang-${a.language}` }, a.language.toUpperCase()),
        h('span', {}, languageName(a.language)),
        a.publisher ? h('span', {}, a.publisher) : null,
        a.published ? h('time', { datetime: a.published }, formatDate(a.published)) : null,
        h('span', {}, `${a.factCount} facts`),
        a.url ? sourceLink(a.url, {}, icon('external'), 'Original source') : null,
      ),
    );
    const { paragraphs, found } = articleBody(a.text, quote);
    if (quote && !found)
      this.body.append(h('p', { class: 'notice', role: 'status' }, 'The quote could not be located verbatim in this text; it is shown here:', h('blockquote', {}, quote)));
    const text = h('div', { class: 'article-text', lang: a.language });
    text.append(...paragraphs);
    this.body.append(text);
    const mark = this.body.querySelector('mark');
    if (mark) requestAnimationFrame(() => mark.scrollIntoView({ block: 'center' }));
  }

  close(): void {
    this.controller?.abort();
    if (this.dialog.open) this.dialog.close();
  }
}
