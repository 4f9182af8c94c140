import { describe, expect, it } from 'vitest';
import { actions, initialState } from '../../web/src/state/state.ts';
import type { AppState } from '../../web/src/state/state.ts';
import { queryToState, stateToQuery } from '../../web/src/state/url.ts';

function rich(): AppState {
  let s = actions.focus(initialState(), 'zhang-guozhi');
  s = actions.expand(s, 'guangdong');
  s = actions.expand(s, 'guangdong-coordination-conference-9');
  s = actions.hide(s, 'vietnam');
  s = actions.togglePin(s, 'guangdong');
  s = actions.select(s, { kind: 'edge', id: 'zhang-guozhi|CO_CHAIRED|guangdong-coordination-conference-9' });
  s = actions.toggleType(s, 'Place');
  s = actions.toggleRelation(s, 'LOCATED_IN');
  s = actions.setDateRange(s, '2025-01', '2025-10-28');
  s = actions.setPath(s, 'zhang-guozhi', 'nguyen-minh-vu');
  return s;
}

describe('state in the URL', () => {
  it('an empty state is an empty query', () => {
    expect(stateToQuery(initialState())).toBe('');
    expect(queryToState('')).toEqual(initialState());
  });

  it('round-trips everything a shared link must reproduce', () => {
    const s = rich();
    const q = stateToQuery(s);
    expect(queryToState(q)).toEqual(s);
    expect(queryToState(q.slice(1))).toEqual(s);
  });

  it('stays readable', () => {
    const q = stateToQuery(rich());
    expect(q).toContain('focus=zhang-guozhi');
    expect(q).toContain('x=guangdong,guangdong-coordination-conference-9');
    expect(q).toContain('types=-Place');
    expect(q).toContain('rels=-LOCATED_IN');
    expect(q).toContain('from=2025-01&to=2025-10-28');
    expect(q).toContain('path=zhang-guozhi~nguyen-minh-vu');
  });

  it('carries the dossier view', () => {
    const s = actions.openDossier(initialState(), 'guangdong', 'vietnam');
    const back = queryToState(stateToQuery(s));
    expect(back).toMatchObject({ mode: 'dossier', dossierA: 'guangdong', dossierB: 'vietnam' });
  });

  it('drops what it cannot trust instead of failing', () => {
    const s = queryToState('?focus=a&sel=q:zz&types=-Nope,-Event,Place&rels=-MET,-DROP_TABLE&from=2025-13&to=yesterday&x=a,,b c,c&view=weird&path=~b');
    expect(s.focus).toBe('a');
    expect(s.selection).toBeNull();
    expect(s.filters.hiddenTypes).toEqual(['Event']);
    expect(s.filters.hiddenRelations).toEqual(['MET']);
    expect(s.filters.from).toBeNull();
    expect(s.filters.to).toBeNull();
    expect(s.expanded).toEqual(['a', 'c']);
    expect(s.mode).toBe('graph');
    expect([s.pathFrom, s.pathTo]).toEqual([null, 'b']);
  });

  it('escapes ids that need it and reads them back', () => {
    const s = actions.select(actions.focus(initialState(), 'a'), { kind: 'edge', id: 'a|MET|b&c=d' });
    expect(queryToState(stateToQuery(s)).selection).toEqual({ kind: 'edge', id: 'a|MET|b&c=d' });
  });
});
