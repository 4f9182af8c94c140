import { RESERVED_EDGE_KEYS, RESERVED_NODE_KEYS } from '../../../extract/schema/reserved.ts';
import type { ApiClient } from '../api/client.ts';
import type { ApiEdge, ApiNode, ArticleSummary, EntityDetail, EntityType, MeetingsResponse } from '../api/types.ts';
import { AnswerCache } from '../data/answer-cache.ts';
import { nodeName } from '../graph/model.ts';
import { TYPE_LOOK } from '../graph/style.ts';
import { formatDate, humanize, languageName, relationLabel } from '../util/labels.ts';
import { byId, clear, h, icon } from './dom.ts';
import { evidenceList } from './evidence.ts';
import { meetingList } from './meetings.ts';

export interface PanelContext {
  api: ApiClient;
  node(id: string): ApiNode | undefined;
  edge(id: string): ApiEdge | undefined;
  article(id: string): ArticleSummary | undefined;
  isExpanded(id: string): boolean;
  isPinned(id: string): boolean;
  select(kind: 'node' | 'edge', id: string): void;
  focus(id: string): void;
  expand(id: string): void;
  collapse(id: string): void;
  hide(id: string): void;
  togglePin(id: string): void;
  openArticle(articleId: string, quote: string): void;
  pathFrom(id: string): void;
  dossierWith(id: string): void;
  close(): void;
  error(error: unknown): void;
}

/**
 * Attributes not shown as the element's facts: the properties the store sets itself, and the API's
 * display fields (label and aliases are the title and the names by language; a date shows its own precision).
 */
const SKIP = new Set<string>([...RESERVED_NODE_KEYS, ...RESERVED_EDGE_KEYS, 'label', 'aliases', 'datePrecision']);

function attributes(item: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(item)) {
    if (SKIP.has(key) || value === null || value === undefined || typeof value === 'object') continue;
    const text = /date|asOf/i.test(key) && typeof value === 'string' ? formatDate(value) : String(value);
    out.push([humanize(key), text]);
  }
  return out;
}

function typeChip(type: EntityType, kind?: string): HTMLElement {
  const look = TYPE_LOOK[type];
  return h(
    'span',
    { class: 'type-chip', style: `--c:${look.color};--ink:${look.ink}` },
    h('span', { class: `type-dot shape-${look.shape}`, style: `--c:${look.color}`, 'aria-hidden': 'true' }),
    type,
    kind ? h('span', { class: 'type-kind' }, ` · ${kind.replace(/-/g, ' ')}`) : null,
  );
}

function section(title: string, ...children: (Node | null)[]): HTMLElement {
  return h('section', { class: 'panel-section' }, h('h3', {}, title), ...children);
}

function dl(rows: [string, string][]): HTMLElement | null {
  if (!rows.length) return null;
  return h(
    'dl',
    { class: 'facts' },
    rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
  );
}

/** The side panel: an entity's or an edge's attributes, aliases, positions and every quote behind it. */
export class DetailPanel {
  private readonly root = byId('panel');
  private readonly content = byId('panel-content');
  private controller: AbortController | null = null;
  private readonly details: AnswerCache<string, EntityDetail>;
  private readonly meetings: AnswerCache<string, MeetingsResponse>;

  constructor(private readonly ctx: PanelContext) {
    this.details = new AnswerCache((id) => id, (id) => ctx.api.entity(id));
    this.meetings = new AnswerCache((id) => id, (id) => ctx.api.meetings(id));
    byId('panel-close').addEventListener('click', () => ctx.close());
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  /** The width the panel takes from the canvas when it opens (the stylesheet's --panel). */
  get width(): number {
    return parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--panel')) || 420;
  }

  hide(): void {
    this.controller?.abort();
    this.root.hidden = true;
    document.body.classList.remove('panel-open');
  }

  /** Opens the panel's space (its content follows). */
  reserve(): void {
    this.show();
  }

  private show(): void {
    this.root.hidden = false;
    document.body.classList.add('panel-open');
  }

  private entityLink(id: string, name?: string): HTMLElement {
    const label = name ?? (this.ctx.node(id) ? nodeName(this.ctx.node(id) as ApiNode) : id);
    return h('button', { type: 'button', class: 'entity-link', onclick: () => (this.ctx.node(id) ? this.ctx.select('node', id) : this.ctx.focus(id)) }, label);
  }

  async showNode(id: string): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.show();
    const node = this.ctx.node(id);
    clear(this.content);
    const header = h(
      'header',
      { class: 'panel-header' },
      node ? typeChip(node.type, node.kind) : null,
      h('h2', { id: 'panel-title' }, node ? nodeName(node) : id),
    );
    this.content.append(header, this.nodeActions(id, node?.type));
    const body = h('div', { class: 'panel-body', 'aria-busy': 'true' }, h('div', { class: 'skeleton-lines', 'aria-hidden': 'true' }, h('span'), h('span'), h('span')));
    this.content.append(body);
    let detail: EntityDetail;
    try {
      detail = await this.details.get(id);
    } catch (error) {
      if (controller.signal.aborted) return;
      clear(body);
      body.removeAttribute('aria-busy');
      body.append(h('p', { class: 'error-text', role: 'alert' }, `Details could not be loaded: ${(error as Error).message}`));
      return;
    }
    if (controller.signal.aborted) return;
    const e = detail.entity;
    if (!node) {
      header.replaceChildren(typeChip(e.type, e.kind), h('h2', { id: 'panel-title' }, e.name));
    }
    clear(body);
    body.removeAttribute('aria-busy');
    if (e.unnamed) body.append(h('p', { class: 'notice' }, 'Known only by the office held; the articles do not name this person.'));
    const attrs = dl(attributes(e as Record<string, unknown>));
    if (attrs) body.append(section('Attributes', attrs));
    const langs = Object.entries(detail.aliasesByLanguage).filter(([, names]) => names && names.length);
    if (langs.length)
      body.append(
        section(
          'Names by language',
          h(
            'dl',
            { class: 'aliases' },
            langs.map(([lang, names]) => [
              h('dt', {}, h('span', { class: `lang lang-${lang}` }, lang.toUpperCase()), ` ${languageName(lang)}`),
              h('dd', {}, (names ?? []).map((n) => h('span', { class: 'alias', lang }, n))),
            ]),
          ),
        ),
      );
    if (detail.positions.length)
      body.append(
        section(
          'Positions',
          h(
            'ul',
            { class: 'positions' },
            [...detail.positions]
              .sort((a, b) => (b.asOf ?? '').localeCompare(a.asOf ?? ''))
              .map((p) =>
                h(
                  'li',
                  {},
                  h('div', { class: 'position-title' }, p.title),
                  h('div', { class: 'position-org' }, this.entityLink(p.organization.id, p.organization.name)),
                  h('div', { class: 'position-date' }, icon('calendar'), `as of ${formatDate(p.asOf)}`, ` · ${p.evidence.length} quote${p.evidence.length === 1 ? '' : 's'}`),
                ),
              ),
          ),
        ),
      );
    if (e.type === 'Person') body.append(this.meetingsSection(id));
    if (detail.relationCounts.length)
      body.append(
        section(
          'Connections',
          h(
            'ul',
            { class: 'relation-counts' },
            detail.relationCounts.map((r) => h('li', {}, h('span', { class: 'rel-name' }, r.direction === 'out' ? relationLabel(r.type) : `${relationLabel(r.type)} (incoming)`), h('span', { class: 'count' }, String(r.count)))),
          ),
        ),
      );
    body.append(section(`Evidence · ${detail.evidence.length} quote${detail.evidence.length === 1 ? '' : 's'}`, evidenceList(detail.evidence, this.ctx)));
  }

  private nodeActions(id: string, type: EntityType | undefined): HTMLElement {
    const expanded = this.ctx.isExpanded(id);
    const pinned = this.ctx.isPinned(id);
    const inView = this.ctx.node(id) !== undefined;
    const button = (label: string, name: Parameters<typeof icon>[0], onclick: () => void, extra: Record<string, string> = {}) =>
      h('button', { type: 'button', class: 'action', onclick, ...extra }, icon(name), label);
    return h(
      'div',
      { class: 'panel-actions', role: 'toolbar', 'aria-label': 'Actions on this entity' },
      !inView ? button('Show in graph', 'eye', () => this.ctx.focus(id), { 'data-action': 'focus' }) : null,
      inView
        ? expanded
          ? button('Collapse', 'minus', () => this.ctx.collapse(id), { 'data-action': 'collapse', 'aria-label': 'Collapse the neighbours added by expanding' })
          : button('Expand', 'expand', () => this.ctx.expand(id), { 'data-action': 'expand', 'aria-label': 'Expand neighbours' })
        : null,
      inView ? button(pinned ? 'Unpin' : 'Pin', 'pin', () => this.ctx.togglePin(id), { 'data-action': 'pin', 'aria-pressed': pinned ? 'true' : 'false' }) : null,
      inView ? button('Hide', 'hide', () => this.ctx.hide(id), { 'data-action': 'hide' }) : null,
      type === 'Person' ? button('Path to…', 'route', () => this.ctx.pathFrom(id), { 'data-action': 'path' }) : null,
      type === 'Place' || type === 'Organization' ? button('Dossier with…', 'folder', () => this.ctx.dossierWith(id), { 'data-action': 'dossier' }) : null,
    );
  }

  private meetingsSection(id: string): HTMLElement {
    const list = h('div', { class: 'meetings', 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading meetings…'));
    this.meetings.get(id).then(
      (r) => {
        clear(list);
        list.removeAttribute('aria-busy');
        list.append(meetingList(r, (other) => this.entityLink(other.id, other.name), (ev) => this.entityLink(ev.id, ev.name)));
      },
      (error: unknown) => {
        clear(list);
        list.removeAttribute('aria-busy');
        list.append(h('p', { class: 'error-text', role: 'alert' }, `Meetings could not be loaded: ${(error as Error).message}`));
      },
    );
    return section('Meetings', list);
  }

  showEdge(id: string): void {
    this.controller?.abort();
    const edge = this.ctx.edge(id);
    this.show();
    clear(this.content);
    if (!edge) {
      this.content.append(h('header', { class: 'panel-header' }, h('h2', { id: 'panel-title' }, 'Relation not in view')), h('p', { class: 'muted' }, 'This relation is not part of the graph on screen.'));
      return;
    }
    const source = this.ctx.node(edge.source);
    const target = this.ctx.node(edge.target);
    this.content.append(
      h(
        'header',
        { class: 'panel-header' },
        h('span', { class: 'type-chip relation-chip' }, icon('link'), edge.type),
        h(
          'h2',
          { id: 'panel-title', class: 'edge-title' },
          this.entityLink(edge.source, source ? nodeName(source) : edge.source),
          h('span', { class: 'edge-verb' }, ` ${relationLabel(edge.type)} `),
          this.entityLink(edge.target, target ? nodeName(target) : edge.target),
        ),
      ),
    );
    const body = h('div', { class: 'panel-body' });
    const attrs = attributes(edge as Record<string, unknown>).map(([k, v]): [string, string] => (k === 'Event' && this.ctx.node(v) ? [k, nodeName(this.ctx.node(v) as ApiNode)] : [k, v]));
    const facts = dl(attrs);
    if (facts) body.append(section('Attributes', facts));
    body.append(section(`Evidence · ${edge.evidence.length} quote${edge.evidence.length === 1 ? '' : 's'}`, evidenceList(edge.evidence, this.ctx)));
    this.content.append(body);
  }
}
