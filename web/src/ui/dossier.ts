import type { ApiClient } from '../api/client.ts';
import type { DossierResponse, EntityRef, EntityType } from '../api/types.ts';
import { TYPE_LOOK } from '../graph/style.ts';
import { formatDate } from '../util/labels.ts';
import { byId, clear, h, icon } from './dom.ts';
import { figureList } from './figures.ts';
import { SearchBox } from './search.ts';

export interface DossierHandlers {
  api: ApiClient;
  setParties(a: string | null, b: string | null): void;
  /** Opens an item in the graph. */
  open(id: string): void;
  back(): void;
  openArticle(articleId: string, quote: string): void;
}

const PARTY_TYPES: EntityType[] = ['Place', 'Organization'];

/** The dossier of two parties: their shared timeline, agreements, figures and the people who acted. */
export class DossierView {
  private readonly root = byId('dossier');
  private readonly body = byId('dossier-body');
  private readonly aBox: SearchBox;
  private readonly bBox: SearchBox;
  private a: string | null = null;
  private b: string | null = null;
  private controller: AbortController | null = null;
  private shown = '';

  constructor(private readonly handlers: DossierHandlers) {
    this.aBox = new SearchBox({
      input: byId<HTMLInputElement>('dossier-a'),
      list: byId('dossier-a-list'),
      api: handlers.api,
      types: PARTY_TYPES,
      limit: 6,
      onPick: (r) => handlers.setParties(r.id, this.b),
    });
    this.bBox = new SearchBox({
      input: byId<HTMLInputElement>('dossier-b'),
      list: byId('dossier-b-list'),
      api: handlers.api,
      types: PARTY_TYPES,
      limit: 6,
      onPick: (r) => handlers.setParties(this.a, r.id),
    });
    byId('dossier-back').addEventListener('click', () => handlers.back());
  }

  hide(): void {
    this.root.hidden = true;
    document.body.classList.remove('dossier-open');
  }

  async show(a: string | null, b: string | null): Promise<void> {
    this.root.hidden = false;
    document.body.classList.add('dossier-open');
    this.a = a;
    this.b = b;
    const key = `${a}~${b}`;
    if (key === this.shown) return;
    this.shown = key;
    this.controller?.abort();
    clear(this.body);
    if (!a || !b) {
      this.aBox.value = '';
      this.bBox.value = '';
      this.body.append(
        h('div', { class: 'empty-state' }, icon('folder'), h('h3', {}, 'Pick two parties'), h('p', {}, 'For example Guangdong and Vietnam, or Guangxi and Quảng Ninh: the dossier lists what they did together, the agreements they signed and the people who acted for each side.')),
      );
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    this.body.setAttribute('aria-busy', 'true');
    this.body.append(h('p', { class: 'muted loading-line' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Compiling the dossier…'));
    try {
      const d = await this.handlers.api.dossier(a, b, controller.signal);
      if (controller.signal.aborted) return;
      this.aBox.value = d.a.name;
      this.bBox.value = d.b.name;
      clear(this.body);
      this.body.removeAttribute('aria-busy');
      this.render(d);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.shown = '';
      clear(this.body);
      this.body.removeAttribute('aria-busy');
      this.body.append(h('p', { class: 'error-text', role: 'alert' }, `The dossier could not be loaded: ${(error as Error).message}`));
    }
  }

  private link(ref: { id: string; name: string; type?: EntityType }): HTMLElement {
    const look = ref.type ? TYPE_LOOK[ref.type] : undefined;
    return h(
      'button',
      { type: 'button', class: 'entity-link', 'data-id': ref.id, title: 'Show in the graph', onclick: () => this.handlers.open(ref.id) },
      look ? h('span', { class: `type-dot shape-${look.shape}`, style: `--c:${look.color}`, 'aria-hidden': 'true' }) : null,
      ref.name,
    );
  }

  private render(d: DossierResponse): void {
    const names = new Map<string, EntityRef>();
    for (const p of d.people) names.set(p.person.id, p.person);
    for (const e of d.events) for (const p of e.participants) names.set(p.id, p);
    const who = (ids: string[]) => ids.map((id) => this.link(names.get(id) ?? { id, name: id }));
    const summary = h(
      'div',
      { class: 'dossier-summary' },
      h('div', { class: 'party party-a' }, h('span', { class: 'side-tag' }, 'A'), this.link(d.a)),
      h('span', { class: 'party-join', 'aria-hidden': 'true' }, '⇄'),
      h('div', { class: 'party party-b' }, h('span', { class: 'side-tag' }, 'B'), this.link(d.b)),
      h('ul', { class: 'dossier-counts' }, h('li', {}, h('b', {}, String(d.events.length)), ' shared events'), h('li', {}, h('b', {}, String(d.agreements.length)), ' agreements'), h('li', {}, h('b', {}, String(d.people.length)), ' people'), h('li', {}, h('b', {}, String(d.mechanisms.length)), ' mechanisms')),
    );
    const events = [...d.events].sort((x, y) => (x.date ?? '').localeCompare(y.date ?? ''));
    const timelineEl = h(
      'section',
      { class: 'dossier-section', 'aria-labelledby': 'dossier-timeline' },
      h('h3', { id: 'dossier-timeline' }, icon('calendar'), ' Shared timeline'),
      events.length
        ? h(
            'ol',
            { class: 'dossier-timeline' },
            events.map((e) =>
              h(
                'li',
                { class: 'timeline-item' },
                h('time', { datetime: e.date ?? '' }, e.date ? formatDate(e.date) : 'undated'),
                h(
                  'div',
                  { class: 'timeline-card' },
                  h('div', { class: 'timeline-title' }, this.link({ id: e.id, name: e.name, type: 'Event' }), e.kind ? h('span', { class: 'kind' }, e.kind.replace(/-/g, ' ')) : null),
                  e.place ? h('div', { class: 'timeline-place' }, 'in ', this.link(e.place)) : null,
                  h(
                    'div',
                    { class: 'sides' },
                    h('div', { class: 'side side-a' }, h('span', { class: 'side-tag' }, 'A'), e.sides.a.length ? who(e.sides.a) : h('span', { class: 'muted' }, '—')),
                    h('div', { class: 'side side-b' }, h('span', { class: 'side-tag' }, 'B'), e.sides.b.length ? who(e.sides.b) : h('span', { class: 'muted' }, '—')),
                  ),
                  this.quoteLine(e.evidence),
                ),
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'No event joins the two parties.'),
    );
    const agreements = h(
      'section',
      { class: 'dossier-section', 'aria-labelledby': 'dossier-agreements' },
      h('h3', { id: 'dossier-agreements' }, icon('doc'), ' Agreements'),
      d.agreements.length
        ? h(
            'ul',
            { class: 'cards' },
            d.agreements.map((ag) =>
              h(
                'li',
                { class: 'card' },
                h('div', { class: 'card-title' }, this.link({ id: ag.id, name: ag.name, type: 'Agreement' })),
                h('div', { class: 'card-meta' }, ag.kind ? ag.kind.replace(/-/g, ' ') : null, ag.date ? ` · ${formatDate(ag.date)}` : null, ag.signedAt ? [' · at ', this.link(ag.signedAt)] : null),
                ag.signatories.length
                  ? h(
                      'ul',
                      { class: 'signatories' },
                      ag.signatories.map((s) => h('li', {}, s.side ? h('span', { class: `side-tag side-${s.side}` }, s.side.toUpperCase()) : null, this.link(s), s.role ? h('span', { class: 'muted' }, ` ${s.role}`) : null)),
                    )
                  : null,
                this.quoteLine(ag.evidence),
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'No agreement between the two parties is recorded.'),
    );
    const people = (side: 'a' | 'b') =>
      h(
        'ul',
        { class: 'people' },
        d.people
          .filter((p) => p.side === side)
          .map((p) =>
            h(
              'li',
              {},
              this.link(p.person),
              p.positions[0] ? h('div', { class: 'muted small' }, `${p.positions[0].title}, ${p.positions[0].organization.name}`) : null,
              h('div', { class: 'small' }, `${p.actedIn.length} item${p.actedIn.length === 1 ? '' : 's'} in this dossier`),
            ),
          ),
      );
    const peopleEl = h(
      'section',
      { class: 'dossier-section', 'aria-labelledby': 'dossier-people' },
      h('h3', { id: 'dossier-people' }, icon('people'), ' People who acted'),
      h('div', { class: 'two-cols' }, h('div', {}, h('h4', {}, h('span', { class: 'side-tag' }, 'A'), ` ${d.a.name}`), people('a')), h('div', {}, h('h4', {}, h('span', { class: 'side-tag' }, 'B'), ` ${d.b.name}`), people('b'))),
    );
    const mechanisms = d.mechanisms.length
      ? h(
          'section',
          { class: 'dossier-section' },
          h('h3', {}, icon('link'), ' Mechanisms'),
          h('ul', { class: 'cards' }, d.mechanisms.map((m) => h('li', { class: 'card' }, h('div', { class: 'card-title' }, this.link(m)), h('div', { class: 'card-meta' }, `${m.events.length} event${m.events.length === 1 ? '' : 's'} of this dossier`)))),
        )
      : null;
    const figures = d.figures?.length
      ? h(
          'section',
          { class: 'dossier-section', 'aria-labelledby': 'dossier-figures' },
          h('h3', { id: 'dossier-figures' }, icon('chart'), ' Figures'),
          figureList(d.figures, (ref) => this.link(ref), (f) => this.quoteLine(f.evidence)),
        )
      : null;
    this.body.append(summary, h('div', { class: 'dossier-grid' }, timelineEl, h('div', {}, agreements, figures ?? '', peopleEl, mechanisms ?? '')));
  }

  private quoteLine(evidence: readonly { articleId: string; quote: string; language: string }[]): HTMLElement | null {
    const first = evidence[0];
    if (!first) return null;
    return h(
      'button',
      { type: 'button', class: 'quote-line', onclick: () => this.handlers.openArticle(first.articleId, first.quote), title: 'Read in the article' },
      h('span', { class: `lang lang-${first.language}` }, first.language.toUpperCase()),
      ` “${first.quote.length > 140 ? `${first.quote.slice(0, 140)}…` : first.quote}”`,
      evidence.length > 1 ? h('span', { class: 'muted' }, ` +${evidence.length - 1}`) : null,
    );
  }
}
