import type { AppState } from './state.ts';
import { queryToState, stateToQuery } from './url.ts';

/** Whether going from `prev` to `next` opens another view, which gets its own history entry. */
export function opensNewView(next: AppState, prev: AppState | null): boolean {
  return !prev || prev.focus !== next.focus || prev.mode !== next.mode || prev.pathFrom !== next.pathFrom || prev.pathTo !== next.pathTo || prev.dossierA !== next.dossierA || prev.dossierB !== next.dossierB;
}

/**
 * The address that shows `next`, and whether it is pushed as a new history entry (another view, not
 * reached through the history) or replaces the current one; null when the address shows it already.
 */
export function addressFor(next: AppState, prev: AppState | null, fromHistory: boolean, at: { pathname: string; search: string; hash: string }): { url: string; push: boolean } | null {
  const query = stateToQuery(next);
  if (query === at.search) return null;
  return { url: `${at.pathname}${query}${at.hash}`, push: !fromHistory && opensNewView(next, prev) };
}

/** Makes the address bar show `next`. */
export function syncUrl(next: AppState, prev: AppState | null, fromHistory: boolean): void {
  const address = addressFor(next, prev, fromHistory, location);
  if (!address) return;
  if (address.push) history.pushState(null, '', address.url);
  else history.replaceState(null, '', address.url);
}

/** The state the address bar describes. */
export function stateFromUrl(): AppState {
  return queryToState(location.search);
}

/** Calls `moved` with the state of the address whenever back or forward changes it. */
export function onHistoryMove(moved: (state: AppState) => void): void {
  window.addEventListener('popstate', () => moved(stateFromUrl()));
}
