import type { ApiClient } from '../api/client.ts';
import type { ApiEdge, ApiNode, MeetingsResponse, PathResponse } from '../api/types.ts';
import { relationLabel } from '../util/labels.ts';
import { byId, clear, h, icon } from './dom.ts';
import { meetingList } from './meetings.ts';
import { SearchBox } from './search.ts';

export interface PathHandlers {
  api: ApiClient;
  setPath(from: string | null, to: string | null): void;
  /** Highlights one path (or all, when index is null). */
  highlight(index: number | null): void;
  select(kind: 'node' | 'edge', id: string): void;
  focus(id: string): void;
  error(error: unknown): void;
}

/** One path as a readable chain: A —met→ B ←attended— C. */
export function describePath(path: { nodes: string[]; edges: string[] }, nodes: Map<string, ApiNode>, edges: Map<string, ApiEdge>): string {
  const parts: string[] = [];
  path.nodes.forEach((id, i) => {
    parts.push(nodes.get(id)?.label ?? id);
    const edgeId = path.edges[i];
    if (edgeId === undefined) return;
    const edge = edges.get(edgeId);
    if (!edge) return parts.push('—');
    const forward = edge.source === id;
    parts.push(forward ? `—${relationLabel(edge.type)}→` : `←${relationLabel(edge.type)}—`);
  });
  return parts.join(' ');
}

/** Who met whom: two people, the paths between them, and their meetings. */
export class PathPanel {
  private readonly fromBox: SearchBox;
  private readonly toBox: SearchBox;
  private readonly results = byId('path-results');
  private from: { id: string; name: string } | null = null;
  private to: { id: string; name: string } | null = null;

  constructor(private readonly handlers: PathHandlers) {
    this.fromBox = new SearchBox({
      input: byId<HTMLInputElement>('path-from'),
      list: byId('path-from-list'),
      api: handlers.api,
      types: ['Person'],
      limit: 6,
      onPick: (r) => {
        this.from = { id: r.id, name: r.name };
        this.maybeRun();
      },
      onError: handlers.error,
    });
    this.toBox = new SearchBox({
      input: byId<HTMLInputElement>('path-to'),
      list: byId('path-to-list'),
      api: handlers.api,
      types: ['Person'],
      limit: 6,
      onPick: (r) => {
        this.to = { id: r.id, name: r.name };
        this.maybeRun();
      },
      onError: handlers.error,
    });
    byId('path-clear').addEventListener('click', () => {
      this.from = this.to = null;
      this.fromBox.value = '';
      this.toBox.value = '';
      handlers.setPath(null, null);
    });
    byId('path-swap').addEventListener('click', () => {
      [this.from, this.to] = [this.to, this.from];
      this.fromBox.value = this.from?.name ?? '';
      this.toBox.value = this.to?.name ?? '';
      this.maybeRun();
    });
  }

  private maybeRun(): void {
    this.handlers.setPath(this.from?.id ?? null, this.to?.id ?? null);
  }

  /** Sets the pickers from the state (a reopened link), with names once known. */
  setEnds(from: { id: string; name: string } | null, to: { id: string; name: string } | null): void {
    this.from = from;
    this.to = to;
    this.fromBox.value = from?.name ?? '';
    this.toBox.value = to?.name ?? '';
  }

  focusFrom(): void {
    this.fromBox.focus();
  }

  focusTo(): void {
    this.toBox.focus();
  }

  loading(): void {
    clear(this.results);
    this.results.setAttribute('aria-busy', 'true');
    this.results.append(h('p', { class: 'muted' }, 'Finding paths…'));
  }

  clear(): void {
    clear(this.results);
    this.results.removeAttribute('aria-busy');
  }

  failed(error: unknown): void {
    clear(this.results);
    this.results.removeAttribute('aria-busy');
    this.results.append(h('p', { class: 'error-text', role: 'alert' }, `Paths could not be found: ${(error as Error).message}`));
  }

  /** Marks the highlighted path's item (none when all are highlighted). */
  markActive(index: number | null): void {
    for (const el of this.results.querySelectorAll('.path-item')) el.classList.toggle('active', index !== null && el.getAttribute('data-path') === String(index));
  }

  show(response: PathResponse, meetings: MeetingsResponse | null): void {
    clear(this.results);
    this.results.removeAttribute('aria-busy');
    const add = (...els: (Node | null)[]) => this.results.append(...els.filter((e): e is Node => e !== null));
    const nodes = new Map(response.nodes.map((n) => [n.id, n]));
    const edges = new Map(response.edges.map((e) => [e.id, e]));
    if (!response.paths.length) {
      this.results.append(h('p', { class: 'muted', role: 'status' }, 'No path joins these two people within the hop limit.'));
    } else {
      const hops = (response.paths[0]?.edges.length ?? 0);
      add(
        h('p', { class: 'result-summary', role: 'status' }, `${response.paths.length} shortest path${response.paths.length === 1 ? '' : 's'} · ${hops} hop${hops === 1 ? '' : 's'}`),
        h(
          'ol',
          { class: 'path-list' },
          response.paths.map((p, i) =>
            h(
              'li',
              {},
              h(
                'button',
                { type: 'button', class: 'path-item', 'data-path': String(i), onclick: () => this.handlers.highlight(i), 'aria-label': `Highlight path ${i + 1}: ${describePath(p, nodes, edges)}` },
                p.nodes.map((id, k) => [
                  h('span', { class: 'path-node' }, nodes.get(id)?.label ?? id),
                  p.edges[k] !== undefined ? h('span', { class: 'path-edge' }, relationLabel(edges.get(p.edges[k] as string)?.type ?? '')) : null,
                ]),
              ),
            ),
          ),
        ),
        response.paths.length > 1 ? h('button', { type: 'button', class: 'link-button', onclick: () => this.handlers.highlight(null) }, 'Highlight all paths') : null,
      );
    }
    if (meetings) {
      this.results.append(
        h('h4', {}, icon('people'), ' Their meetings'),
        meetingList(
          meetings,
          (ref) => h('button', { type: 'button', class: 'entity-link', onclick: () => this.handlers.focus(ref.id) }, ref.name),
          (ref) => h('button', { type: 'button', class: 'entity-link', onclick: () => this.handlers.focus(ref.id) }, ref.name),
        ),
      );
    }
  }
}
