import type { ApiClient } from '../api/client.ts';
import type { Alias, EntityType, SearchResult } from '../api/types.ts';
import { TYPE_LOOK } from '../graph/style.ts';
import { languageName } from '../util/labels.ts';
import { fold } from '../util/text.ts';
import { clear, h } from './dom.ts';

/** The alias that best explains why a result matched the query, when it is not the name itself. */
export function matchedAlias(result: SearchResult, query: string): Alias | null {
  const q = fold(query);
  if (!q) return null;
  const words = q.split(' ');
  const hits = (text: string) => words.every((w) => fold(text).includes(w));
  if (hits(result.name)) return null;
  // The spelling typed (diacritics and all) first, then any spelling that folds to it.
  const exact = query.trim().toLowerCase().split(/\s+/);
  return (
    result.aliases.find((a) => exact.every((w) => a.name.toLowerCase().includes(w))) ??
    result.aliases.find((a) => hits(a.name)) ??
    result.aliases.find((a) => words.some((w) => fold(a.name).includes(w))) ??
    null
  );
}

export interface SearchBoxOptions {
  input: HTMLInputElement;
  list: HTMLElement;
  api: ApiClient;
  types?: readonly EntityType[];
  limit?: number;
  onPick(result: SearchResult): void;
  onError?(error: unknown): void;
}

let boxes = 0;

/** A combobox over `/search`: debounced, cancellable, keyboard-driven, showing which alias matched. */
export class SearchBox {
  private results: SearchResult[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private controller: AbortController | null = null;
  private readonly listId: string;
  private lastQuery = '';

  constructor(private readonly o: SearchBoxOptions) {
    this.listId = o.list.id || `search-list-${++boxes}`;
    o.list.id = this.listId;
    o.list.setAttribute('role', 'listbox');
    o.input.setAttribute('role', 'combobox');
    o.input.setAttribute('aria-autocomplete', 'list');
    o.input.setAttribute('aria-controls', this.listId);
    o.input.setAttribute('aria-expanded', 'false');
    o.input.setAttribute('autocomplete', 'off');
    o.input.setAttribute('spellcheck', 'false');
    o.input.addEventListener('input', () => this.schedule());
    o.input.addEventListener('keydown', (e) => this.key(e));
    o.input.addEventListener('focus', () => {
      if (this.results.length && o.input.value.trim()) this.open();
    });
    o.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const q = this.o.input.value.trim();
    if (q.length < 2) {
      this.controller?.abort();
      this.results = [];
      this.close();
      return;
    }
    this.timer = setTimeout(() => void this.run(q), 160);
  }

  private async run(q: string): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.lastQuery = q;
    this.renderStatus('Searching…');
    try {
      const { results } = await this.o.api.search(q, { types: this.o.types, limit: this.o.limit ?? 8 }, controller.signal);
      if (controller.signal.aborted) return;
      this.results = results;
      this.active = results.length ? 0 : -1;
      this.render();
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      this.results = [];
      this.renderStatus(`Search failed: ${(error as Error).message}`, true);
      this.o.onError?.(error);
    }
  }

  private key(e: KeyboardEvent): void {
    const open = this.o.input.getAttribute('aria-expanded') === 'true';
    if (e.key === 'ArrowDown' && this.results.length) {
      e.preventDefault();
      if (!open) this.open();
      this.move(1);
    } else if (e.key === 'ArrowUp' && this.results.length) {
      e.preventDefault();
      this.move(-1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const pick = this.results[this.active >= 0 ? this.active : 0];
      if (pick) this.pick(pick);
      else if (this.o.input.value.trim().length >= 2) void this.run(this.o.input.value.trim());
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      this.close();
    }
  }

  private move(step: number): void {
    if (!this.results.length) return;
    this.active = (this.active + step + this.results.length) % this.results.length;
    this.highlightActive();
  }

  private pick(result: SearchResult): void {
    this.close();
    this.o.input.value = result.name;
    this.o.onPick(result);
  }

  private optionId(i: number): string {
    return `${this.listId}-opt-${i}`;
  }

  private render(): void {
    const list = this.o.list;
    clear(list);
    if (!this.results.length) {
      this.renderStatus(`Nothing found for “${this.lastQuery}”.`);
      return;
    }
    this.results.forEach((r, i) => {
      const alias = matchedAlias(r, this.lastQuery);
      const look = TYPE_LOOK[r.type];
      const others = r.aliases.filter((a) => a.name !== r.name && a !== alias).slice(0, 2);
      const item = h(
        'li',
        { id: this.optionId(i), role: 'option', class: 'suggestion', 'aria-selected': i === this.active ? 'true' : 'false', 'data-id': r.id },
        h('span', { class: `type-dot shape-${look?.shape ?? 'ellipse'}`, style: `--c:${look?.color ?? '#64748b'}`, 'aria-hidden': 'true' }),
        h(
          'span',
          { class: 'suggestion-text' },
          h('span', { class: 'suggestion-name' }, r.name),
          alias
            ? h(
                'span',
                { class: 'suggestion-alias' },
                'matched ',
                h('b', {}, alias.name),
                ` · ${[...new Set(r.aliases.filter((a) => a.name === alias.name).map((a) => languageName(a.lang)))].join(', ')}`,
              )
            : others.length
              ? h('span', { class: 'suggestion-alias' }, others.map((a) => a.name).join(' · '))
              : null,
        ),
        h('span', { class: 'suggestion-type' }, r.type),
      );
      item.addEventListener('mousedown', (e) => {
        e.preventDefault();
        this.pick(r);
      });
      list.append(item);
    });
    this.open();
    this.highlightActive();
  }

  private renderStatus(text: string, error = false): void {
    clear(this.o.list);
    this.o.list.append(h('li', { class: error ? 'suggestion-status error' : 'suggestion-status', role: 'presentation' }, text));
    this.open();
  }

  private highlightActive(): void {
    [...this.o.list.querySelectorAll('[role=option]')].forEach((el, i) => el.setAttribute('aria-selected', i === this.active ? 'true' : 'false'));
    if (this.active >= 0) {
      this.o.input.setAttribute('aria-activedescendant', this.optionId(this.active));
      document.getElementById(this.optionId(this.active))?.scrollIntoView({ block: 'nearest' });
    } else this.o.input.removeAttribute('aria-activedescendant');
  }

  private open(): void {
    this.o.list.hidden = false;
    this.o.input.setAttribute('aria-expanded', 'true');
  }

  close(): void {
    this.o.list.hidden = true;
    this.o.input.setAttribute('aria-expanded', 'false');
  }

  focus(): void {
    this.o.input.focus();
    this.o.input.select();
  }

  set value(text: string) {
    this.o.input.value = text;
  }
}
