import { ENTITY_TYPES, RELATION_TYPES } from '../api/domain.ts';
import type { EntityType, RelationType } from '../api/types.ts';

/** What the panel shows: an entity or one edge. */
export type Selection = { kind: 'node'; id: string } | { kind: 'edge'; id: string } | null;

export interface Filters {
  /** Entity types left out of the view. */
  hiddenTypes: EntityType[];
  /** Relation types left out of the view. */
  hiddenRelations: RelationType[];
  /** Inclusive ISO dates (YYYY, YYYY-MM or YYYY-MM-DD); dated elements outside are left out. */
  from: string | null;
  to: string | null;
}

export type Mode = 'graph' | 'dossier';

/** Everything a shared link must reproduce. Positions are not part of it: the layout is. */
export interface AppState {
  mode: Mode;
  /** The entity whose neighbourhood the view was opened on. */
  focus: string | null;
  selection: Selection;
  /** Nodes whose neighbours were added to the view, in the order they were expanded. */
  expanded: string[];
  hidden: string[];
  pinned: string[];
  filters: Filters;
  /** Who met whom: the two people whose paths are highlighted. */
  pathFrom: string | null;
  pathTo: string | null;
  /** The two parties of the dossier view. */
  dossierA: string | null;
  dossierB: string | null;
}

export function emptyFilters(): Filters {
  return { hiddenTypes: [], hiddenRelations: [], from: null, to: null };
}

export function initialState(): AppState {
  return {
    mode: 'graph',
    focus: null,
    selection: null,
    expanded: [],
    hidden: [],
    pinned: [],
    filters: emptyFilters(),
    pathFrom: null,
    pathTo: null,
    dossierA: null,
    dossierB: null,
  };
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];
const without = <T>(items: readonly T[], item: T): T[] => items.filter((i) => i !== item);

/** The state changes the explorer makes; each returns a new state and leaves the old one as it was. */
export const actions = {
  /** Open an entity's neighbourhood: a fresh view centred on it, filters kept. */
  focus(state: AppState, id: string): AppState {
    return {
      ...state,
      mode: 'graph',
      focus: id,
      selection: { kind: 'node', id },
      expanded: [],
      hidden: [],
      pinned: [],
    };
  },
  select(state: AppState, selection: Selection): AppState {
    return { ...state, selection };
  },
  expand(state: AppState, id: string): AppState {
    return { ...state, expanded: unique([...state.expanded, id]), hidden: without(state.hidden, id) };
  },
  collapse(state: AppState, id: string): AppState {
    return { ...state, expanded: without(state.expanded, id) };
  },
  hide(state: AppState, id: string): AppState {
    const selection = state.selection?.kind === 'node' && state.selection.id === id ? null : state.selection;
    return { ...state, hidden: unique([...state.hidden, id]), pinned: without(state.pinned, id), selection };
  },
  showAll(state: AppState): AppState {
    return { ...state, hidden: [] };
  },
  togglePin(state: AppState, id: string): AppState {
    return { ...state, pinned: state.pinned.includes(id) ? without(state.pinned, id) : [...state.pinned, id] };
  },
  toggleType(state: AppState, type: EntityType): AppState {
    const hiddenTypes = state.filters.hiddenTypes.includes(type)
      ? without(state.filters.hiddenTypes, type)
      : [...state.filters.hiddenTypes, type];
    return { ...state, filters: { ...state.filters, hiddenTypes: sortLike(hiddenTypes, ENTITY_TYPES) } };
  },
  toggleRelation(state: AppState, type: RelationType): AppState {
    const hiddenRelations = state.filters.hiddenRelations.includes(type)
      ? without(state.filters.hiddenRelations, type)
      : [...state.filters.hiddenRelations, type];
    return { ...state, filters: { ...state.filters, hiddenRelations: sortLike(hiddenRelations, RELATION_TYPES) } };
  },
  setRelations(state: AppState, hiddenRelations: RelationType[]): AppState {
    return { ...state, filters: { ...state.filters, hiddenRelations: sortLike(unique(hiddenRelations), RELATION_TYPES) } };
  },
  setDateRange(state: AppState, from: string | null, to: string | null): AppState {
    if (from && to && from > to) [from, to] = [to, from];
    return { ...state, filters: { ...state.filters, from, to } };
  },
  resetFilters(state: AppState): AppState {
    return { ...state, filters: emptyFilters() };
  },
  setPath(state: AppState, pathFrom: string | null, pathTo: string | null): AppState {
    return { ...state, pathFrom, pathTo };
  },
  openDossier(state: AppState, a: string | null, b: string | null): AppState {
    return { ...state, mode: 'dossier', dossierA: a, dossierB: b };
  },
  closeDossier(state: AppState): AppState {
    return { ...state, mode: 'graph' };
  },
} as const;

function sortLike<T>(items: T[], order: readonly T[]): T[] {
  return [...items].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** Whether two states would show the same thing (used to avoid pushing duplicate history entries). */
export function sameState(a: AppState, b: AppState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A tiny observable store: the one place the state changes. */
export class Store {
  private listeners = new Set<(state: AppState, previous: AppState) => void>();
  constructor(private current: AppState) {}

  get state(): AppState {
    return this.current;
  }

  set(next: AppState): void {
    if (sameState(next, this.current)) return;
    const previous = this.current;
    this.current = next;
    for (const listener of this.listeners) listener(next, previous);
  }

  update(change: (state: AppState) => AppState): void {
    this.set(change(this.current));
  }

  subscribe(listener: (state: AppState, previous: AppState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
