import { ENTITY_TYPES, RELATION_TYPES } from '../api/domain.ts';
import type { EntityType, RelationType } from '../api/types.ts';
import { initialState } from './state.ts';
import type { AppState, Selection } from './state.ts';

/**
 * The state as a query string, so a view can be shared and reopened:
 *
 *   ?focus=<id>&sel=n:<id>|e:<id>&x=<id>,<id>&hide=<id>&pin=<id>
 *    &types=-Event,-Place&rels=-LOCATED_IN&from=2024-01&to=2025-12
 *    &path=<from>~<to>&dossier=<a>~<b>
 *
 * Ids holding `,` or `~` cannot be carried and are dropped, as are unknown or malformed parts; the
 * rest is escaped by URLSearchParams (`,` `~` `:` are left readable).
 */
export function stateToQuery(state: AppState): string {
  const p = new URLSearchParams();
  if (state.mode === 'dossier') p.set('view', 'dossier');
  if (state.focus) p.set('focus', state.focus);
  if (state.selection) p.set('sel', `${state.selection.kind === 'node' ? 'n' : 'e'}:${state.selection.id}`);
  if (state.expanded.length) p.set('x', state.expanded.join(','));
  if (state.hidden.length) p.set('hide', state.hidden.join(','));
  if (state.pinned.length) p.set('pin', state.pinned.join(','));
  const f = state.filters;
  if (f.hiddenTypes.length) p.set('types', f.hiddenTypes.map((t) => `-${t}`).join(','));
  if (f.hiddenRelations.length) p.set('rels', f.hiddenRelations.map((t) => `-${t}`).join(','));
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (state.pathFrom || state.pathTo) p.set('path', `${state.pathFrom ?? ''}~${state.pathTo ?? ''}`);
  if (state.dossierA || state.dossierB) p.set('dossier', `${state.dossierA ?? ''}~${state.dossierB ?? ''}`);
  const text = p.toString();
  return text ? `?${text.replace(/%2C/g, ',').replace(/%7E/gi, '~').replace(/%3A/gi, ':')}` : '';
}

/** Entity and relation ids: anything printable without the separators this format uses. */
const ID = /^[^,~\s]{1,300}$/;
const DATE = /^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

function ids(value: string | null): string[] {
  if (!value) return [];
  return [...new Set(value.split(',').filter((id) => ID.test(id)))];
}

function id(value: string | null | undefined): string | null {
  return value && ID.test(value) ? value : null;
}

function excluded<T extends string>(value: string | null, known: readonly T[]): T[] {
  if (!value) return [];
  const names = value
    .split(',')
    .filter((v) => v.startsWith('-'))
    .map((v) => v.slice(1));
  return known.filter((k) => names.includes(k));
}

function pair(value: string | null): [string | null, string | null] {
  if (!value) return [null, null];
  const [a, b] = value.split('~');
  return [id(a), id(b)];
}

export function queryToState(query: string): AppState {
  const p = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const state = initialState();
  state.mode = p.get('view') === 'dossier' ? 'dossier' : 'graph';
  state.focus = id(p.get('focus'));
  const sel = p.get('sel');
  let selection: Selection = null;
  if (sel && /^[ne]:/.test(sel)) {
    const selId = id(sel.slice(2));
    if (selId) selection = { kind: sel.startsWith('n') ? 'node' : 'edge', id: selId };
  }
  state.selection = selection;
  state.expanded = ids(p.get('x'));
  state.hidden = ids(p.get('hide'));
  state.pinned = ids(p.get('pin'));
  state.filters.hiddenTypes = excluded<EntityType>(p.get('types'), ENTITY_TYPES);
  state.filters.hiddenRelations = excluded<RelationType>(p.get('rels'), RELATION_TYPES);
  const from = p.get('from');
  const to = p.get('to');
  state.filters.from = from && DATE.test(from) ? from : null;
  state.filters.to = to && DATE.test(to) ? to : null;
  [state.pathFrom, state.pathTo] = pair(p.get('path'));
  [state.dossierA, state.dossierB] = pair(p.get('dossier'));
  return state;
}
