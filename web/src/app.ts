import { ApiClient } from './api/client.ts';
import type { ArticleSummary } from './api/types.ts';
import { GraphLoader } from './data/loader.ts';
import { GraphModel, nodeName } from './graph/model.ts';
import { GraphView } from './graph/view.ts';
import { PageUpdate } from './page-update.ts';
import { RenderLoop } from './render-loop.ts';
import { actions, initialState, Store } from './state/state.ts';
import type { AppState, Selection } from './state/state.ts';
import { onHistoryMove, stateFromUrl } from './state/url-sync.ts';
import { ArticleReader } from './ui/article.ts';
import { BusyIndicator } from './ui/busy.ts';
import { byId } from './ui/dom.ts';
import { DossierView } from './ui/dossier.ts';
import { bindExportMenu } from './ui/export-menu.ts';
import { FilterPanel } from './ui/filters.ts';
import { bindKeyboard } from './ui/keyboard.ts';
import { legend } from './ui/legend.ts';
import { DetailPanel } from './ui/panel.ts';
import { PathPanel } from './ui/paths.ts';
import { SearchBox } from './ui/search.ts';
import { bindTabs, showTab } from './ui/tabs.ts';
import { toast } from './ui/toasts.ts';
import { showWelcome } from './ui/welcome.ts';

/** The explorer: builds the page's parts and wires them to the state; the URL mirrors the state. */
export class Explorer {
  readonly api = new ApiClient();
  readonly store = new Store(initialState());
  readonly model = new GraphModel();
  readonly view: GraphView;
  private readonly loader = new GraphLoader(this.api);
  private readonly busy = new BusyIndicator();
  private readonly panel: DetailPanel;
  private readonly reader: ArticleReader;
  private readonly paths: PathPanel;
  private readonly search: SearchBox;
  private readonly page: PageUpdate;
  private readonly loop: RenderLoop<AppState>;
  private articles = new Map<string, ArticleSummary>();
  private readonly change = (action: (s: AppState) => AppState) => this.store.update(action);

  constructor() {
    this.view = new GraphView(byId('cy'), {
      select: (selection) => this.change((s) => actions.select(s, selection)),
      expand: (id) => this.change((s) => actions.expand(s, id)),
    });
    this.panel = new DetailPanel({
      api: this.api,
      node: (id) => this.model.nodes.get(id),
      edge: (id) => this.model.edges.get(id),
      article: (id) => this.articles.get(id),
      isExpanded: (id) => this.store.state.expanded.includes(id),
      isPinned: (id) => this.store.state.pinned.includes(id),
      select: (kind, id) => this.change((s) => actions.select(s, { kind, id } as Selection)),
      focus: (id) => this.change((s) => actions.focus(s, id)),
      expand: (id) => this.change((s) => actions.expand(s, id)),
      collapse: (id) => this.change((s) => actions.collapse(s, id)),
      hide: (id) => this.change((s) => actions.hide(s, id)),
      togglePin: (id) => this.change((s) => actions.togglePin(s, id)),
      openArticle: (articleId, quote) => void this.reader.open(articleId, quote),
      pathFrom: (id) => {
        const node = this.model.nodes.get(id);
        showTab('paths');
        this.paths.setEnds({ id, name: node ? nodeName(node) : id }, null);
        this.change((s) => actions.setPath(s, id, null));
        this.paths.focusTo();
      },
      dossierWith: (id) => this.change((s) => actions.openDossier(s, id, null)),
      close: () => this.change((s) => actions.select(s, null)),
      error: (error) => toast(error),
    });
    this.reader = new ArticleReader(this.api);
    const filters = new FilterPanel({
      toggleType: (t) => this.change((s) => actions.toggleType(s, t)),
      toggleRelation: (t) => this.change((s) => actions.toggleRelation(s, t)),
      setRelations: (hidden) => this.change((s) => actions.setRelations(s, hidden)),
      setDateRange: (from, to) => this.change((s) => actions.setDateRange(s, from, to)),
      reset: () => this.change((s) => actions.resetFilters(s)),
    });
    this.paths = new PathPanel({
      api: this.api,
      setPath: (from, to) => this.change((s) => actions.setPath(s, from, to)),
      highlight: (i) => this.page.highlightPath(i, this.store.state),
      select: (kind, id) => this.change((s) => actions.select(s, { kind, id } as Selection)),
      focus: (id) => this.change((s) => actions.focus(s, id)),
      error: (e) => toast(e),
    });
    const dossier = new DossierView({
      api: this.api,
      setParties: (a, b) => this.change((s) => actions.openDossier(s, a, b)),
      open: (id) => this.change((s) => actions.focus(s, id)),
      back: () => this.change((s) => actions.closeDossier(s)),
      openArticle: (articleId, quote) => void this.reader.open(articleId, quote),
    });
    this.search = new SearchBox({
      input: byId<HTMLInputElement>('search'),
      list: byId('search-list'),
      api: this.api,
      limit: 10,
      onPick: (r) => this.change((s) => actions.focus(s, r.id)),
      onError: (e) => toast(e),
    });
    byId('legend').append(legend());
    this.page = new PageUpdate({
      api: this.api,
      loader: this.loader,
      model: this.model,
      view: this.view,
      panel: this.panel,
      filters,
      paths: this.paths,
      dossier,
      search: this.search,
      busy: this.busy,
      stale: () => this.loop.stale,
      showAll: () => this.change((s) => actions.showAll(s)),
    });
    this.loop = new RenderLoop(
      () => this.store.state,
      (next, prev, fromHistory) => this.page.apply(next, prev, fromHistory),
      (error) => toast(error),
    );
    this.bindChrome();
    this.store.subscribe(() => this.loop.schedule());
  }

  /** Resolves when the view has caught up with the state: for tests and the screenshot script. */
  get idle(): Promise<void> {
    return this.loop.idle;
  }

  start(): void {
    this.loop.fromHistoryNext();
    this.store.set(stateFromUrl());
    this.loop.schedule();
    onHistoryMove((state) => {
      this.loop.fromHistoryNext();
      this.store.set(state);
    });
    void this.loadArticles();
    void showWelcome(this.api, (id) => this.change((s) => actions.focus(s, id)));
  }

  private async loadArticles(): Promise<void> {
    try {
      const { sources } = await this.api.sources();
      this.articles = new Map(sources.map((s) => [s.id, s]));
      // Redraw an open panel with the article titles, once the view has what it shows.
      await this.idle;
      const sel = this.loop.applied?.selection;
      if (sel?.kind === 'edge') this.panel.showEdge(sel.id);
      else if (sel?.kind === 'node') void this.panel.showNode(sel.id);
    } catch (error) {
      toast(error, 'Article list');
    }
  }

  private bindChrome(): void {
    byId('zoom-in').addEventListener('click', () => this.view.zoomBy(1.3));
    byId('zoom-out').addEventListener('click', () => this.view.zoomBy(1 / 1.3));
    byId('fit').addEventListener('click', () => this.view.fit());
    byId('relayout').addEventListener('click', () => void this.view.layoutAll(true));
    bindExportMenu({ api: this.api, busy: this.busy, state: () => this.store.state, png: () => this.view.png() });
    byId('open-dossier').addEventListener('click', () => this.change((s) => actions.openDossier(s, s.dossierA, s.dossierB)));
    byId('open-paths').addEventListener('click', () => {
      showTab('paths');
      this.paths.focusFrom();
    });
    bindTabs();
    bindKeyboard({
      selection: () => this.store.state.selection,
      dialogOpen: () => this.reader.isOpen,
      panelOpen: () => this.panel.isOpen,
      focusSearch: () => this.search.focus(),
      closePanel: () => this.change((s) => actions.select(s, null)),
      fit: () => this.view.fit(),
      expand: (id) => this.change((s) => actions.expand(s, id)),
      togglePin: (id) => this.change((s) => actions.togglePin(s, id)),
      hide: (id) => this.change((s) => actions.hide(s, id)),
    });
  }
}
