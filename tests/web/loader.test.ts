import { describe, expect, it } from 'vitest';
import type { NeighborsResponse, PathResponse } from '../../web/src/api/types.ts';
import { AnswerCache } from '../../web/src/data/answer-cache.ts';
import { requestKey, requestLabel, requestsFor } from '../../web/src/data/graph-request.ts';
import type { GraphRequest } from '../../web/src/data/graph-request.ts';
import { GraphLoader, NEIGHBOUR_LIMIT } from '../../web/src/data/loader.ts';
import type { GraphSource } from '../../web/src/data/loader.ts';
import { actions, initialState } from '../../web/src/state/state.ts';
import { edges, nodes } from './fixture.ts';

/** A stand-in for the API's two graph routes: canned answers, every call recorded, failures on demand. */
function source(options: { truncated?: string[]; failing?: Set<string> } = {}): GraphSource & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async neighbors(id, query) {
      calls.push(`neighbours ${id} ${query.limit}`);
      if (options.failing?.has(id)) throw new Error(`no ${id}`);
      const around = edges.filter((e) => e.source === id || e.target === id);
      const ids = new Set([id, ...around.flatMap((e) => [e.source, e.target])]);
      return { nodes: nodes.filter((n) => ids.has(n.id)), edges: around, truncated: options.truncated?.includes(id) ?? false } satisfies NeighborsResponse;
    },
    async paths(from, to) {
      calls.push(`paths ${from} ${to}`);
      return { nodes: [], edges: [], paths: [{ nodes: [from, to], edges: [] }] } satisfies PathResponse;
    },
  };
}

const neighbours = (id: string): GraphRequest => ({ kind: 'neighbours', id });

describe('the requests a state needs', () => {
  it('are the focus, each expanded node, then the paths, each once', () => {
    let s = actions.focus(initialState(), 'zhang');
    s = actions.expand(actions.expand(s, 'vu'), 'zhang');
    s = actions.setPath(s, 'zhang', 'vu');
    expect(requestsFor(s)).toEqual([neighbours('zhang'), neighbours('vu'), { kind: 'paths', from: 'zhang', to: 'vu' }]);
    expect(requestsFor(actions.setPath(s, 'zhang', null))).toHaveLength(2);
    expect(requestsFor(initialState())).toEqual([]);
  });

  it('have one key per distinct request, whatever the ids hold', () => {
    expect(requestKey(neighbours('a'))).toBe(requestKey({ id: 'a', kind: 'neighbours' }));
    expect(requestKey({ kind: 'paths', from: 'a~b', to: 'c' })).not.toBe(requestKey({ kind: 'paths', from: 'a', to: 'b~c' }));
    expect(requestKey(neighbours('a'))).not.toBe(requestKey({ kind: 'paths', from: 'a', to: '' }));
    expect(requestLabel(neighbours('zhang'))).toBe('Neighbours of zhang');
    expect(requestLabel({ kind: 'paths', from: 'a', to: 'b' })).toBe('Paths');
  });
});

describe('the answer cache', () => {
  it('asks once per request and shares the answer; forgets a failure so the next caller asks again', async () => {
    let calls = 0;
    let fail = true;
    const cache = new AnswerCache<{ id: string }, string>(
      (r) => r.id,
      async (r) => {
        calls++;
        if (fail) throw new Error('down');
        return `answer ${r.id}`;
      },
    );
    await expect(cache.get({ id: 'a' })).rejects.toThrow('down');
    fail = false;
    expect(await cache.get({ id: 'a' })).toBe('answer a');
    expect(await Promise.all([cache.get({ id: 'a' }), cache.get({ id: 'a' })])).toEqual(['answer a', 'answer a']);
    expect(calls).toBe(2);
  });
});

describe('the graph loader', () => {
  it('loads what is missing, with the neighbour limit, and gives the answers in the requests’ order', async () => {
    const api = source();
    const loader = new GraphLoader(api);
    const requests = [neighbours('zhang'), neighbours('vu')];
    expect(loader.missing(requests)).toEqual(requests);
    await loader.load(requests, () => expect.unreachable());
    expect(api.calls).toEqual([`neighbours zhang ${NEIGHBOUR_LIMIT}`, `neighbours vu ${NEIGHBOUR_LIMIT}`]);
    expect(loader.missing(requests)).toEqual([]);
    expect(loader.answersTo([neighbours('vu'), neighbours('zhang')]).map((a) => a.nodes.map((n) => n.id).sort())).toEqual([
      ['conference-8', 'conference-9', 'vu'],
      ['conference-9', 'guangdong', 'zhang'],
    ]);
  });

  it('lets go of answers a state no longer needs, and takes them back without asking again', async () => {
    const api = source();
    const loader = new GraphLoader(api);
    await loader.load([neighbours('zhang'), neighbours('vu')], () => {});
    loader.keepOnly([neighbours('zhang')]);
    expect(loader.missing([neighbours('zhang'), neighbours('vu')])).toEqual([neighbours('vu')]);
    expect(loader.answersTo([neighbours('zhang'), neighbours('vu')])).toHaveLength(1);
    await loader.load([neighbours('vu')], () => {});
    expect(api.calls).toHaveLength(2);
    expect(loader.answersTo([neighbours('vu')])).toHaveLength(1);
  });

  it('reports each failure with its request, keeps the rest, and asks again for a failed one', async () => {
    const failing = new Set(['vu']);
    const api = source({ failing });
    const loader = new GraphLoader(api);
    const failed: [GraphRequest, string][] = [];
    await loader.load([neighbours('zhang'), neighbours('vu')], (r, e) => failed.push([r, (e as Error).message]));
    expect(failed).toEqual([[neighbours('vu'), 'no vu']]);
    expect(loader.missing([neighbours('zhang'), neighbours('vu')])).toEqual([neighbours('vu')]);
    failing.clear();
    await loader.load([neighbours('vu')], () => expect.unreachable());
    expect(api.calls.filter((c) => c.startsWith('neighbours vu'))).toHaveLength(2);
  });

  it('finds the paths between two people only while they are loaded, and remembers a cut neighbourhood', async () => {
    const loader = new GraphLoader(source({ truncated: ['zhang'] }));
    const paths: GraphRequest = { kind: 'paths', from: 'zhang', to: 'vu' };
    expect(loader.paths('zhang', 'vu')).toBeUndefined();
    await loader.load([neighbours('zhang'), neighbours('vu'), paths], () => {});
    expect(loader.paths('zhang', 'vu')?.paths).toEqual([{ nodes: ['zhang', 'vu'], edges: [] }]);
    expect(loader.paths('vu', 'zhang')).toBeUndefined();
    expect([loader.isTruncated('zhang'), loader.isTruncated('vu')]).toEqual([true, false]);
    loader.keepOnly([neighbours('zhang')]);
    expect(loader.paths('zhang', 'vu')).toBeUndefined();
    // A cut neighbourhood stays known as cut, as the status line has always shown it.
    expect(loader.isTruncated('zhang')).toBe(true);
  });
});
