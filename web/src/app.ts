import { ApiClient, ApiError } from './api/client.ts';
import type { ApiEdge, ApiNode, ArticleSummary, GraphElements, PathResponse } from './api/types.ts';
import { download, exportQuery, fileNameOf } from './graph/export.ts';
import type { FileFormat } from './graph/export.ts';
import { GraphModel, nodeName, visibleGraph } from './graph/model.ts';
import type { VisibleGraph } from './graph/model.ts';
import { GraphView } from './graph/view.ts';
import { actions, initialState, Store } from './state/state.ts';
import type { AppState, Selection } from './state/state.ts';
import { queryToState, stateToQuery } from './state/url.ts';
import { ArticleReader } from './ui/article.ts';
import { append, byId, clear, h, icon } from './ui/dom.ts';
import { DossierView } from './ui/dossier.ts';
import { FilterPanel } from './ui/filters.ts';
import { legend } from './ui/legend.ts';
import { DetailPanel } from './ui/panel.ts';
import { PathPanel } from './ui/paths.ts';
import { SearchBox } from './ui/search.ts';
import { formatDate } from './util/labels.ts';

/** How many neighbours one expansion brings in at most. */
export const NEIGHBOUR_LIMIT = 150;

/** Keys of the responses a state needs: the focus's and each expanded node's neighbourhood, the paths. */
export function neededKeys(state: AppState): string[] {
  const keys: string[] = [];
  if (state.focus) keys.push(`n:${state.focus}`);
  for (const id of state.expanded) keys.push(`n:${id}`);
  if (state.pathFrom && state.pathTo) keys.push(`p:${state.pathFrom}~${state.pathTo}`);
  return [...new Set(keys)];
}

/** The explorer: state in, API calls, the drawn graph and the panels out; the URL mirrors the state. */
export class Explorer {
  readonly api = new ApiClient();
  readonly store = new Store(initialState());
  readonly model = new GraphModel();
  readonly view: GraphView;
  private readonly panel: DetailPanel;
  private readonly reader: ArticleReader;
  private readonly filters: FilterPanel;
  private readonly paths: PathPanel;
  private readonly dossier: DossierView;
  private readonly search: SearchBox;
  private readonly responses = new Map<string, Promise<GraphElements>>();
  private readonly loaded = new Map<string, GraphElements>();
  private readonly truncated = new Set<string>();
  private articles = new Map<string, ArticleSummary>();
  private applied: AppState | null = null;
  private dirty = false;
  private running: Promise<void> | null = null;
  private fromHistory = false;
  private busy = 0;
  private visible: VisibleGraph = { nodes: [], edges: [] };
  private pathHighlight: number | null = null;
  /** Resolves when the view has caught up with the state: for tests and the screenshot script. */
  idle: Promise<void> = Promise.resolve();

  constructor() {
    this.view = new GraphView(byId('cy'), {
      select: (selection) => this.store.update((s) => actions.select(s, selection)),
      expand: (id) => this.store.update((s) => actions.expand(s, id)),
    });
    const ctx = {
      api: this.api,
      node: (id: string) => this.model.nodes.get(id),
      edge: (id: string) => this.model.edges.get(id),
      article: (id: string) => this.articles.get(id),
      isExpanded: (id: string) => this.store.state.expanded.includes(id),
      isPinned: (id: string) => this.store.state.pinned.includes(id),
      select: (kind: 'node' | 'edge', id: string) => this.store.update((s) => actions.select(s, { kind, id } as Selection)),
      focus: (id: string) => this.store.update((s) => actions.focus(s, id)),
      expand: (id: string) => this.store.update((s) => actions.expand(s, id)),
      collapse: (id: string) => this.store.update((s) => actions.collapse(s, id)),
      hide: (id: string) => this.store.update((s) => actions.hide(s, id)),
      togglePin: (id: string) => this.store.update((s) => actions.togglePin(s, id)),
      openArticle: (articleId: string, quote: string) => void this.reader.open(articleId, quote),
      pathFrom: (id: string) => {
        const node = this.model.nodes.get(id);
        this.showTab('paths');
        this.paths.setEnds({ id, name: node ? nodeName(node) : id }, null);
        this.store.update((s) => actions.setPath(s, id, null));
        this.paths.focusTo();
      },
      dossierWith: (id: string) => this.store.update((s) => actions.openDossier(s, id, null)),
      close: () => this.store.update((s) => actions.select(s, null)),
      error: (error: unknown) => this.toast(error),
    };
    this.panel = new DetailPanel(ctx);
    this.reader = new ArticleReader(this.api);
    this.filters = new FilterPanel({
      toggleType: (t) => this.store.update((s) => actions.toggleType(s, t)),
      toggleRelation: (t) => this.store.update((s) => actions.toggleRelation(s, t)),
      setRelations: (hidden) => this.store.update((s) => actions.setRelations(s, hidden)),
      setDateRange: (from, to) => this.store.update((s) => actions.setDateRange(s, from, to)),
      reset: () => this.store.update((s) => actions.resetFilters(s)),
    });
    this.paths = new PathPanel({
      api: this.api,
      setPath: (from, to) => this.store.update((s) => actions.setPath(s, from, to)),
      highlight: (i) => {
        this.pathHighlight = i;
        this.highlightPaths(this.store.state);
      },
      select: (kind, id) => this.store.update((s) => actions.select(s, { kind, id } as Selection)),
      focus: (id) => this.store.update((s) => actions.focus(s, id)),
      error: (e) => this.toast(e),
    });
    this.dossier = new DossierView({
      api: this.api,
      setParties: (a, b) => this.store.update((s) => actions.openDossier(s, a, b)),
      open: (id) => this.store.update((s) => actions.focus(s, id)),
      back: () => this.store.update((s) => actions.closeDossier(s)),
      openArticle: (articleId, quote) => void this.reader.open(articleId, quote),
    });
    this.search = new SearchBox({
      input: byId<HTMLInputElement>('search'),
      list: byId('search-list'),
      api: this.api,
      limit: 10,
      onPick: (r) => this.store.update((s) => actions.focus(s, r.id)),
      onError: (e) => this.toast(e),
    });
    byId('legend').append(legend());
    this.bindChrome();
    this.store.subscribe(() => this.schedule());
  }

  start(): void {
    this.fromHistory = true;
    this.store.set(queryToState(location.search));
    this.schedule();
    window.addEventListener('popstate', () => {
      this.fromHistory = true;
      this.store.set(queryToState(location.search));
    });
    void this.loadArticles();
    void this.welcome();
  }

  private schedule(): void {
    this.dirty = true;
    if (this.running) return;
    this.running = (async () => {
      while (this.dirty) {
        this.dirty = false;
        const next = this.store.state;
        const fromHistory = this.fromHistory;
        this.fromHistory = false;
        try {
          // An apply cut short by a newer state leaves `applied` as it was, so nothing is skipped.
          if (await this.apply(next, this.applied, fromHistory)) this.applied = next;
        } catch (error) {
          this.toast(error);
          this.applied = next;
        }
      }
      this.running = null;
    })();
    this.idle = this.running;
  }

  private syncUrl(next: AppState, prev: AppState | null, fromHistory: boolean): void {
    const query = stateToQuery(next);
    if (query === location.search) return;
    const url = `${location.pathname}${query}${location.hash}`;
    const big = !prev || prev.focus !== next.focus || prev.mode !== next.mode || prev.pathFrom !== next.pathFrom || prev.pathTo !== next.pathTo || prev.dossierA !== next.dossierA || prev.dossierB !== next.dossierB;
    if (fromHistory || !big) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
  }

  /** Brings the page to `next`; false when a newer state arrived midway and the work was left to it. */
  private async apply(next: AppState, prev: AppState | null, fromHistory: boolean): Promise<boolean> {
    this.syncUrl(next, prev, fromHistory);
    if (next.mode === 'dossier') void this.dossier.show(next.dossierA, next.dossierB);
    else this.dossier.hide();

    const focusChanged = !prev || prev.focus !== next.focus;
    const keys = neededKeys(next);
    const missing = keys.filter((k) => !this.loaded.has(k));
    if (missing.length) {
      this.setBusy(true, next.focus && missing.includes(`n:${next.focus}`) ? 'Loading the neighbourhood…' : 'Loading…');
      try {
        const results = await Promise.allSettled(missing.map((k) => this.fetchKey(k)));
        results.forEach((r, i) => {
          const key = missing[i] as string;
          if (r.status === 'fulfilled') this.loaded.set(key, r.value);
          else this.toast(r.reason, key.startsWith('p:') ? 'Paths' : `Neighbours of ${key.slice(2)}`);
        });
      } finally {
        this.setBusy(false);
      }
    }
    for (const key of [...this.loaded.keys()]) if (!keys.includes(key)) this.loaded.delete(key);
    this.model.clear();
    for (const key of keys) {
      const part = this.loaded.get(key);
      if (part) this.model.merge(part);
    }
    // A newer state came in while loading: let it draw.
    if (this.dirty) return false;

    // Open or close the panel before drawing, so the layout fits the canvas that is left. The panel
    // takes the canvas's right side: over a node there that was just clicked, it waits until no
    // double click can be under way, so that the second click finds the node where the first did.
    if (next.selection) {
      const sel = next.selection;
      if (sel.kind === 'node' && !this.panel.isOpen && this.view.clickPending && this.view.nearRightEdge(sel.id, this.panel.width)) {
        await this.view.clicksSettled();
        if (this.dirty) return false;
      }
      this.panel.reserve();
    } else this.panel.hide();

    const anchor = prev ? (next.expanded.find((id) => !prev.expanded.includes(id)) ?? null) : null;
    this.visible = visibleGraph(this.model.nodes.values(), this.model.connectedEdges(), next.filters, next.hidden, next.focus ? [next.focus] : []);
    const relayout = focusChanged && !!prev;
    if (relayout) this.view.clear();
    await this.view.render(this.visible, { anchor, relayout: false, animate: !!prev });
    this.view.decorate({ focus: next.focus, expanded: next.expanded, pinned: next.pinned, selection: next.selection });
    if (this.dirty) return false;

    this.renderEmpty(next);
    this.filters.render(next.filters, [...this.model.nodes.values()], this.model.connectedEdges());
    this.renderStatus(next);
    await this.renderPaths(next, prev);
    this.highlightPaths(next);

    const selChanged = !prev || JSON.stringify(prev.selection) !== JSON.stringify(next.selection);
    const marksChanged = !prev || prev.expanded.join() !== next.expanded.join() || prev.pinned.join() !== next.pinned.join() || focusChanged;
    if (next.selection && (selChanged || marksChanged)) {
      if (next.selection.kind === 'node') void this.panel.showNode(next.selection.id);
      else this.panel.showEdge(next.selection.id);
      if (selChanged && prev && next.selection.kind === 'node' && !focusChanged) this.view.centreOn(next.selection.id);
    }
    if (focusChanged && next.focus && this.model.nodes.get(next.focus)) this.search.value = nodeName(this.model.nodes.get(next.focus) as ApiNode);
    return true;
  }

  private fetchKey(key: string): Promise<GraphElements> {
    let pending = this.responses.get(key);
    if (!pending) {
      if (key.startsWith('n:')) {
        const id = key.slice(2);
        pending = this.api.neighbors(id, { limit: NEIGHBOUR_LIMIT }).then((r) => {
          if (r.truncated) this.truncated.add(id);
          return r;
        });
      } else {
        const [from, to] = key.slice(2).split('~') as [string, string];
        pending = this.api.paths(from, to);
      }
      this.responses.set(key, pending);
      pending.catch(() => this.responses.delete(key));
    }
    return pending;
  }

  private async renderPaths(next: AppState, prev: AppState | null): Promise<void> {
    const changed = !prev || prev.pathFrom !== next.pathFrom || prev.pathTo !== next.pathTo;
    if (!changed) return;
    this.pathHighlight = null;
    if (!next.pathFrom || !next.pathTo) {
      if (!next.pathFrom && !next.pathTo) this.paths.setEnds(null, null);
      this.paths.clear();
      return;
    }
    this.showTab('paths');
    const key = `p:${next.pathFrom}~${next.pathTo}`;
    const result = this.loaded.get(key) as PathResponse | undefined;
    const name = (id: string) => {
      const n = this.model.nodes.get(id);
      return { id, name: n ? nodeName(n) : id };
    };
    this.paths.setEnds(name(next.pathFrom), name(next.pathTo));
    if (!result) {
      this.paths.failed(new Error('no answer from the server'));
      return;
    }
    this.paths.loading();
    let meetings = null;
    try {
      meetings = await this.api.meetings(next.pathFrom, next.pathTo);
    } catch (error) {
      this.toast(error, 'Meetings');
    }
    this.paths.show(result, meetings);
    const ids = result.paths.flatMap((p) => p.nodes);
    if (ids.length) this.view.fit(ids);
  }

  private highlightPaths(state: AppState): void {
    const result = state.pathFrom && state.pathTo ? (this.loaded.get(`p:${state.pathFrom}~${state.pathTo}`) as PathResponse | undefined) : undefined;
    if (!result || !result.paths.length) {
      this.view.highlight([], []);
      return;
    }
    const chosen = this.pathHighlight === null ? result.paths : result.paths.slice(this.pathHighlight, this.pathHighlight + 1);
    this.view.highlight(
      chosen.flatMap((p) => p.nodes),
      chosen.flatMap((p) => p.edges),
      [state.pathFrom as string, state.pathTo as string],
    );
    document.querySelectorAll('.path-item').forEach((el) => el.classList.toggle('active', this.pathHighlight !== null && el.getAttribute('data-path') === String(this.pathHighlight)));
  }

  private renderStatus(state: AppState): void {
    const status = byId('status');
    clear(status);
    const total = this.model.nodes.size;
    const shown = this.visible.nodes.length;
    const filtered = total - shown - state.hidden.filter((id) => this.model.nodes.has(id)).length;
    append(status, [
      h('span', {}, h('b', {}, String(shown)), ' entities · ', h('b', {}, String(this.visible.edges.length)), ' relations on screen'),
      filtered > 0 ? h('span', { class: 'muted' }, ` · ${filtered} filtered out`) : null,
      state.hidden.length
        ? h('button', { type: 'button', class: 'link-button', 'data-action': 'show-hidden', onclick: () => this.store.update((s) => actions.showAll(s)) }, `${state.hidden.length} hidden · show`)
        : null,
      [...this.truncated].some((id) => id === state.focus || state.expanded.includes(id))
        ? h('span', { class: 'warn', title: `Each expansion shows at most ${NEIGHBOUR_LIMIT} neighbours` }, ` · neighbourhood cut at ${NEIGHBOUR_LIMIT}`)
        : null,
    ]);
  }

  private renderEmpty(state: AppState): void {
    byId('empty').hidden = state.focus !== null;
  }

  /** The welcome card: what the graph holds and a few recent events to start from. */
  private async welcome(): Promise<void> {
    const box = byId('welcome-events');
    const stats = byId('welcome-stats');
    try {
      const [s, ev] = await Promise.all([this.api.stats(), this.api.events({ limit: 200 })]);
      const nodes = Object.values(s.nodes).reduce((a, b) => a + b, 0);
      const rels = Object.values(s.relationships).reduce((a, b) => a + b, 0);
      clear(stats);
      append(stats, [
        h('li', {}, h('b', {}, String(nodes)), ' entities'),
        h('li', {}, h('b', {}, String(rels)), ' relations'),
        h('li', {}, h('b', {}, String(s.articles)), ' articles'),
        s.dateRange.from ? h('li', {}, `${formatDate(s.dateRange.from)} – ${formatDate(s.dateRange.to)}`) : null,
      ]);
      const recent = [...ev.events].filter((e) => e.date).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')).slice(0, 5);
      clear(box);
      for (const e of recent)
        box.append(
          h(
            'li',
            {},
            h(
              'button',
              { type: 'button', class: 'chip', onclick: () => this.store.update((st) => actions.focus(st, e.id)) },
              h('span', { class: 'chip-date' }, formatDate(e.date)),
              e.name,
            ),
          ),
        );
    } catch (error) {
      clear(box);
      box.append(h('li', { class: 'error-text', role: 'alert' }, `The graph could not be reached: ${(error as Error).message}`));
    }
  }

  private async loadArticles(): Promise<void> {
    try {
      const { sources } = await this.api.sources();
      this.articles = new Map(sources.map((s) => [s.id, s]));
      // Redraw an open panel with the article titles, once the view has what it shows.
      await this.idle;
      const sel = this.applied?.selection;
      if (sel?.kind === 'edge') this.panel.showEdge(sel.id);
      else if (sel?.kind === 'node') void this.panel.showNode(sel.id);
    } catch (error) {
      this.toast(error, 'Article list');
    }
  }

  private setBusy(on: boolean, label = 'Loading…'): void {
    this.busy = Math.max(0, this.busy + (on ? 1 : -1));
    const el = byId('busy');
    el.hidden = this.busy === 0;
    byId('busy-label').textContent = label;
    byId('cy').setAttribute('aria-busy', this.busy > 0 ? 'true' : 'false');
  }

  /** Shows an API error where the user looks, for a while; never swallows it. */
  toast(error: unknown, what?: string): void {
    if ((error as Error)?.name === 'AbortError') return;
    const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
    const region = byId('toasts');
    const item = h(
      'div',
      { class: 'toast', role: 'alert' },
      icon('info'),
      h('div', {}, what ? h('b', {}, `${what}: `) : null, message),
      h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Dismiss', onclick: () => item.remove() }, icon('close')),
    );
    region.append(item);
    setTimeout(() => item.remove(), 10_000);
    console.error(what ?? 'error', error);
  }

  private showTab(name: 'filters' | 'paths'): void {
    for (const tab of document.querySelectorAll<HTMLElement>('[role=tab]')) {
      const on = tab.dataset.tab === name;
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
      tab.tabIndex = on ? 0 : -1;
      const panel = byId(tab.getAttribute('aria-controls') as string);
      panel.hidden = !on;
    }
    document.body.classList.remove('sidebar-collapsed');
  }

  /** A PNG of the view as drawn, or the subgraph as a file from the API's export route. */
  private async exportFile(kind: 'png' | FileFormat): Promise<void> {
    const state = this.store.state;
    const base = `cooperation-graph-${state.focus ?? 'view'}`;
    if (kind === 'png') {
      download(this.view.png(), `${base}.png`);
      return;
    }
    const query = exportQuery(state, kind);
    if (!query) {
      this.toast(new Error('open an entity first: the export holds the graph on screen'), 'Export');
      return;
    }
    this.setBusy(true, 'Preparing the export…');
    try {
      const response = await fetch(this.api.url('/export', query));
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { message?: string };
        throw new ApiError(`${body.message ?? response.statusText} (HTTP ${response.status})`, response.status, '/export');
      }
      download(await response.blob(), fileNameOf(response.headers.get('content-disposition'), `${base}.${kind}`));
    } catch (error) {
      this.toast(error, 'Export');
    } finally {
      this.setBusy(false);
    }
  }

  private bindChrome(): void {
    byId('zoom-in').addEventListener('click', () => this.view.zoomBy(1.3));
    byId('zoom-out').addEventListener('click', () => this.view.zoomBy(1 / 1.3));
    byId('fit').addEventListener('click', () => this.view.fit());
    byId('relayout').addEventListener('click', () => void this.view.layoutAll(true));
    for (const item of document.querySelectorAll<HTMLButtonElement>('[data-export]'))
      item.addEventListener('click', () => void this.exportFile(item.dataset.export as 'png' | FileFormat));
    byId('open-dossier').addEventListener('click', () => this.store.update((s) => actions.openDossier(s, s.dossierA, s.dossierB)));
    byId('open-paths').addEventListener('click', () => {
      this.showTab('paths');
      this.paths.focusFrom();
    });
    byId('toggle-sidebar').addEventListener('click', () => document.body.classList.toggle('sidebar-collapsed'));
    for (const tab of document.querySelectorAll<HTMLElement>('[role=tab]'))
      tab.addEventListener('click', () => this.showTab(tab.dataset.tab as 'filters' | 'paths'));
    for (const item of document.querySelectorAll<HTMLElement>('.export-menu button'))
      item.addEventListener('click', () => (item.closest('details') as HTMLDetailsElement).removeAttribute('open'));
    document.addEventListener('keydown', (e) => {
      const target = e.target as HTMLElement;
      const typing = target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable;
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        this.search.focus();
      } else if (e.key === 'Escape') {
        if (this.reader.isOpen) return; // the dialog closes itself
        if (typing) (target as HTMLInputElement).blur();
        if (this.panel.isOpen) this.store.update((s) => actions.select(s, null));
      } else if (!typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        const sel = this.store.state.selection;
        if (e.key === 'f') this.view.fit();
        else if (sel?.kind === 'node' && e.key === 'e') this.store.update((s) => actions.expand(s, sel.id));
        else if (sel?.kind === 'node' && e.key === 'p') this.store.update((s) => actions.togglePin(s, sel.id));
        else if (sel?.kind === 'node' && e.key === 'h') this.store.update((s) => actions.hide(s, sel.id));
      }
    });
  }
}

export type { ApiEdge };
