import { describe, expect, it } from 'vitest';
import { actions, initialState } from '../../web/src/state/state.ts';
import { addressFor, opensNewView } from '../../web/src/state/url-sync.ts';
import { stateToQuery } from '../../web/src/state/url.ts';

const at = (search = '') => ({ pathname: '/', search, hash: '#top' });

describe('the address bar following the state', () => {
  const zhang = actions.focus(initialState(), 'zhang');

  it('is left alone when it shows the state already', () => {
    expect(addressFor(zhang, null, false, at(stateToQuery(zhang)))).toBeNull();
  });

  it('gets a new history entry for another view, and keeps the path and the fragment', () => {
    expect(addressFor(zhang, initialState(), false, at())).toEqual({ url: '/?focus=zhang&sel=n:zhang#top', push: true });
    const dossier = actions.openDossier(zhang, 'guangdong', 'vietnam');
    expect(addressFor(dossier, zhang, false, at(stateToQuery(zhang)))?.push).toBe(true);
    expect(addressFor(actions.setPath(zhang, 'zhang', 'vu'), zhang, false, at(stateToQuery(zhang)))?.push).toBe(true);
  });

  it('replaces the entry for a change within the view, and for a state reached through the history', () => {
    const expanded = actions.expand(zhang, 'vu');
    expect(addressFor(expanded, zhang, false, at(stateToQuery(zhang)))).toEqual({ url: `/${stateToQuery(expanded)}#top`, push: false });
    expect(addressFor(actions.toggleType(zhang, 'Event'), zhang, false, at(stateToQuery(zhang)))?.push).toBe(false);
    expect(addressFor(zhang, initialState(), true, at())?.push).toBe(false);
  });

  it('counts focus, mode, path ends and dossier parties as another view, and nothing else', () => {
    expect(opensNewView(zhang, null)).toBe(true);
    expect(opensNewView(actions.focus(zhang, 'vu'), zhang)).toBe(true);
    expect(opensNewView(actions.closeDossier(actions.openDossier(zhang, null, null)), zhang)).toBe(false);
    expect(opensNewView(actions.select(actions.togglePin(actions.hide(zhang, 'x'), 'y'), null), zhang)).toBe(false);
  });
});
