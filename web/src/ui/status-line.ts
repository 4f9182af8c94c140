import { NEIGHBOUR_LIMIT } from '../data/loader.ts';
import type { GraphModel, VisibleGraph } from '../graph/model.ts';
import type { AppState } from '../state/state.ts';
import { append, byId, clear, h } from './dom.ts';

/** The line under the graph: what is on screen, what filters and hiding took away, and whether a neighbourhood was cut short. */
export function showStatus(state: AppState, model: GraphModel, visible: VisibleGraph, truncated: boolean, showAll: () => void): void {
  const status = byId('status');
  clear(status);
  const total = model.nodes.size;
  const shown = visible.nodes.length;
  const filtered = total - shown - state.hidden.filter((id) => model.nodes.has(id)).length;
  append(status, [
    h('span', {}, h('b', {}, String(shown)), ' entities · ', h('b', {}, String(visible.edges.length)), ' relations on screen'),
    filtered > 0 ? h('span', { class: 'muted' }, ` · ${filtered} filtered out`) : null,
    state.hidden.length ? h('button', { type: 'button', class: 'link-button', 'data-action': 'show-hidden', onclick: showAll }, `${state.hidden.length} hidden · show`) : null,
    truncated ? h('span', { class: 'warn', title: `Each expansion shows at most ${NEIGHBOUR_LIMIT} neighbours` }, ` · neighbourhood cut at ${NEIGHBOUR_LIMIT}`) : null,
  ]);
}
