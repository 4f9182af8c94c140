import type { ApiClient } from './api/client.ts';
import type { ApiNode } from './api/types.ts';
import { requestLabel, requestsFor } from './data/graph-request.ts';
import type { GraphLoader } from './data/loader.ts';
import { nodeName, visibleGraph } from './graph/model.ts';
import type { GraphModel, VisibleGraph } from './graph/model.ts';
import type { GraphView } from './graph/view.ts';
import type { AppState } from './state/state.ts';
import { syncUrl } from './state/url-sync.ts';
import type { BusyIndicator } from './ui/busy.ts';
import { byId } from './ui/dom.ts';
import type { DossierView } from './ui/dossier.ts';
import type { FilterPanel } from './ui/filters.ts';
import type { DetailPanel } from './ui/panel.ts';
import type { PathPanel } from './ui/paths.ts';
import type { SearchBox } from './ui/search.ts';
import { showStatus } from './ui/status-line.ts';
import { showTab } from './ui/tabs.ts';
import { toast } from './ui/toasts.ts';

/** The parts of the page a state change reaches. */
export interface Page {
  api: ApiClient;
  loader: GraphLoader;
  model: GraphModel;
  view: GraphView;
  panel: DetailPanel;
  filters: FilterPanel;
  paths: PathPanel;
  dossier: DossierView;
  search: SearchBox;
  busy: BusyIndicator;
  /** True once a newer state waits: the update under way leaves the rest to it. */
  stale(): boolean;
  showAll(): void;
}

/** Brings every part of the page to a state: the address, the data it needs, the graph, the panels. */
export class PageUpdate {
  private visible: VisibleGraph = { nodes: [], edges: [] };
  /** The one path highlighted alone, or null for all of them. */
  private pathHighlight: number | null = null;

  constructor(private readonly page: Page) {}

  /** Brings the page to `next`; false when a newer state arrived midway and the work was left to it. */
  async apply(next: AppState, prev: AppState | null, fromHistory: boolean): Promise<boolean> {
    const { loader, model, view, panel } = this.page;
    syncUrl(next, prev, fromHistory);
    if (next.mode === 'dossier') void this.page.dossier.show(next.dossierA, next.dossierB);
    else this.page.dossier.hide();

    const focusChanged = !prev || prev.focus !== next.focus;
    const requests = requestsFor(next);
    const missing = loader.missing(requests);
    if (missing.length) {
      const focusMissing = missing.some((r) => r.kind === 'neighbours' && r.id === next.focus);
      this.page.busy.start(focusMissing ? 'Loading the neighbourhood…' : 'Loading…');
      try {
        await loader.load(missing, (request, error) => toast(error, requestLabel(request)));
      } finally {
        this.page.busy.stop();
      }
    }
    loader.keepOnly(requests);
    model.clear();
    for (const part of loader.answersTo(requests)) model.merge(part);
    // A newer state came in while loading: let it draw.
    if (this.page.stale()) return false;

    // Open or close the panel before drawing, so the layout fits the canvas that is left. The panel
    // takes the canvas's right side: over a node there that was just clicked, it waits until no
    // double click can be under way, so that the second click finds the node where the first did.
    if (next.selection) {
      const sel = next.selection;
      if (sel.kind === 'node' && !panel.isOpen && view.clickPending && view.nearRightEdge(sel.id, panel.width)) {
        await view.clicksSettled();
        if (this.page.stale()) return false;
      }
      panel.reserve();
    } else panel.hide();

    const anchor = prev ? (next.expanded.find((id) => !prev.expanded.includes(id)) ?? null) : null;
    this.visible = visibleGraph(model.nodes.values(), model.connectedEdges(), next.filters, next.hidden, next.focus ? [next.focus] : []);
    const relayout = focusChanged && !!prev;
    if (relayout) view.clear();
    await view.render(this.visible, { anchor, relayout: false, animate: !!prev });
    view.decorate({ focus: next.focus, expanded: next.expanded, pinned: next.pinned, selection: next.selection });
    if (this.page.stale()) return false;

    byId('empty').hidden = next.focus !== null;
    this.page.filters.render(next.filters, [...model.nodes.values()], model.connectedEdges());
    const truncated = [next.focus, ...next.expanded].some((id) => id !== null && loader.isTruncated(id));
    showStatus(next, model, this.visible, truncated, this.page.showAll);
    await this.showPaths(next, prev);
    this.highlightPaths(next);

    const selChanged = !prev || JSON.stringify(prev.selection) !== JSON.stringify(next.selection);
    const marksChanged = !prev || prev.expanded.join() !== next.expanded.join() || prev.pinned.join() !== next.pinned.join() || focusChanged;
    if (next.selection && (selChanged || marksChanged)) {
      if (next.selection.kind === 'node') void panel.showNode(next.selection.id);
      else panel.showEdge(next.selection.id);
      if (selChanged && prev && next.selection.kind === 'node' && !focusChanged) view.centreOn(next.selection.id);
    }
    if (focusChanged && next.focus && model.nodes.get(next.focus)) this.page.search.value = nodeName(model.nodes.get(next.focus) as ApiNode);
    return true;
  }

  /** Highlights one of the paths on screen alone (or all, with null). */
  highlightPath(index: number | null, state: AppState): void {
    this.pathHighlight = index;
    this.highlightPaths(state);
  }

  private async showPaths(next: AppState, prev: AppState | null): Promise<void> {
    const changed = !prev || prev.pathFrom !== next.pathFrom || prev.pathTo !== next.pathTo;
    if (!changed) return;
    const { paths, model } = this.page;
    this.pathHighlight = null;
    if (!next.pathFrom || !next.pathTo) {
      if (!next.pathFrom && !next.pathTo) paths.setEnds(null, null);
      paths.clear();
      return;
    }
    showTab('paths');
    const result = this.page.loader.paths(next.pathFrom, next.pathTo);
    const name = (id: string) => {
      const n = model.nodes.get(id);
      return { id, name: n ? nodeName(n) : id };
    };
    paths.setEnds(name(next.pathFrom), name(next.pathTo));
    if (!result) {
      paths.failed(new Error('no answer from the server'));
      return;
    }
    paths.loading();
    let meetings = null;
    try {
      meetings = await this.page.api.meetings(next.pathFrom, next.pathTo);
    } catch (error) {
      toast(error, 'Meetings');
    }
    paths.show(result, meetings);
    const ids = result.paths.flatMap((p) => p.nodes);
    if (ids.length) this.page.view.fit(ids);
  }

  private highlightPaths(state: AppState): void {
    const result = state.pathFrom && state.pathTo ? this.page.loader.paths(state.pathFrom, state.pathTo) : undefined;
    if (!result || !result.paths.length) {
      this.page.view.highlight([], []);
      return;
    }
    const chosen = this.pathHighlight === null ? result.paths : result.paths.slice(this.pathHighlight, this.pathHighlight + 1);
    this.page.view.highlight(
      chosen.flatMap((p) => p.nodes),
      chosen.flatMap((p) => p.edges),
      [state.pathFrom as string, state.pathTo as string],
    );
    this.page.paths.markActive(this.pathHighlight);
  }
}
