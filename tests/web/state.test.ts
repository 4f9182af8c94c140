import { describe, expect, it } from 'vitest';
import { actions, initialState, Store } from '../../web/src/state/state.ts';

describe('explorer state', () => {
  it('focusing an entity starts a fresh view on it and selects it, keeping the filters', () => {
    let s = actions.toggleType(initialState(), 'Event');
    s = actions.expand(actions.focus(s, 'a'), 'b');
    s = actions.togglePin(actions.hide(s, 'c'), 'b');
    const next = actions.focus(s, 'z');
    expect(next).toMatchObject({ focus: 'z', selection: { kind: 'node', id: 'z' }, expanded: [], hidden: [], pinned: [] });
    expect(next.filters.hiddenTypes).toEqual(['Event']);
  });

  it('expanding is idempotent and un-hides the node; collapsing removes it', () => {
    let s = actions.hide(actions.focus(initialState(), 'a'), 'b');
    s = actions.expand(actions.expand(s, 'b'), 'b');
    expect(s.expanded).toEqual(['b']);
    expect(s.hidden).toEqual([]);
    expect(actions.collapse(s, 'b').expanded).toEqual([]);
  });

  it('hiding the selected node clears the selection and its pin', () => {
    let s = actions.togglePin(actions.focus(initialState(), 'a'), 'a');
    s = actions.hide(s, 'a');
    expect(s.selection).toBeNull();
    expect(s.pinned).toEqual([]);
    expect(s.hidden).toEqual(['a']);
    expect(actions.showAll(s).hidden).toEqual([]);
  });

  it('keeps filter lists in schema order and toggles them', () => {
    let s = actions.toggleRelation(actions.toggleRelation(initialState(), 'MET'), 'CO_CHAIRED');
    expect(s.filters.hiddenRelations).toEqual(['CO_CHAIRED', 'MET']);
    s = actions.toggleRelation(s, 'MET');
    expect(s.filters.hiddenRelations).toEqual(['CO_CHAIRED']);
    s = actions.toggleType(actions.toggleType(s, 'Place'), 'Person');
    expect(s.filters.hiddenTypes).toEqual(['Person', 'Place']);
  });

  it('orders a reversed date range', () => {
    const s = actions.setDateRange(initialState(), '2025-12', '2024-01');
    expect(s.filters).toMatchObject({ from: '2024-01', to: '2025-12' });
    expect(actions.resetFilters(s).filters).toEqual(initialState().filters);
  });

  it('the store notifies only on real changes', () => {
    const store = new Store(initialState());
    const seen: (string | null)[] = [];
    store.subscribe((s) => seen.push(s.focus));
    store.set(initialState());
    store.update((s) => actions.focus(s, 'a'));
    store.update((s) => actions.focus(s, 'a'));
    expect(seen).toEqual(['a']);
  });
});
