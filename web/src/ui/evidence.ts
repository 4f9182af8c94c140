import type { ArticleSummary, Evidence } from '../api/types.ts';
import { evidenceByArticle } from '../graph/model.ts';
import { formatDate, languageName } from '../util/labels.ts';
import { h, icon, sourceLink } from './dom.ts';

export interface EvidenceContext {
  article(id: string): ArticleSummary | undefined;
  openArticle(articleId: string, quote: string): void;
}

/** Every quote behind a fact, grouped by article, each with the article's language, date and source. */
export function evidenceList(evidence: readonly Evidence[], ctx: EvidenceContext): HTMLElement {
  const groups = evidenceByArticle(evidence);
  if (groups.length === 0) return h('p', { class: 'muted' }, 'No quotes recorded.');
  return h(
    'ol',
    { class: 'evidence-list' },
    groups.map((g) => {
      const a = ctx.article(g.articleId);
      return h(
        'li',
        { class: 'evidence-article', 'data-article': g.articleId },
        h(
          'div',
          { class: 'evidence-meta' },
          h('span', { class: `lang lang-${g.language}`, title: languageName(g.language) }, g.language.toUpperCase()),
          h('span', { class: 'evidence-title' }, a?.title ?? g.articleId),
        ),
        h(
          'div',
          { class: 'evidence-sub' },
          a?.publisher ? h('span', {}, a.publisher) : null,
          a?.published ? h('time', { datetime: a.published }, formatDate(a.published)) : null,
          h('span', {}, languageName(g.language)),
          a?.url
            ? sourceLink(a.url, { class: 'source-link', 'aria-label': `Open the source of “${a.title}” (new tab)` }, icon('external'), 'source')
            : null,
        ),
        g.quotes.map((quote) =>
          h(
            'figure',
            { class: 'quote' },
            h('blockquote', { lang: g.language }, quote),
            h(
              'button',
              {
                type: 'button',
                class: 'link-button',
                'aria-label': 'Read this quote in the article',
                onclick: () => ctx.openArticle(g.articleId, quote),
              },
              icon('doc'),
              'Read in article',
            ),
          ),
        ),
      );
    }),
  );
}
