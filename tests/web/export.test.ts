import { describe, expect, it } from 'vitest';
import { exportQuery, fileNameOf } from '../../web/src/graph/export.ts';
import { actions, initialState } from '../../web/src/state/state.ts';

describe('export of the subgraph on screen through the API', () => {
  it('asks for the focus and the expanded nodes under the view filters', () => {
    let s = actions.expand(actions.focus(initialState(), 'zhang'), 'guangdong');
    expect(exportQuery(s, 'graphml')).toEqual({ ids: 'zhang,guangdong', format: 'graphml' });
    s = actions.toggleType(s, 'Place');
    s = actions.setRelations(s, ['LOCATED_IN', 'PART_OF']);
    s = actions.setDateRange(s, '2025', null);
    const q = exportQuery(s, 'json')!;
    expect(q.types).toBe('Person,Organization,Agreement,Event,Figure');
    expect(q.relations?.split(',')).not.toContain('LOCATED_IN');
    expect(q.relations?.split(',')).toContain('MET');
    expect(q.from).toBe('2025');
    expect(q.to).toBeUndefined();
  });

  it('has nothing to export without a focus', () => {
    expect(exportQuery(initialState(), 'json')).toBeNull();
  });

  it('names the file as the server does', () => {
    expect(fileNameOf('attachment; filename="a.graphml"', 'x')).toBe('a.graphml');
    expect(fileNameOf("attachment; filename=\"a.json\"; filename*=UTF-8''tr%C6%B0%C6%A1ng.json", 'x')).toBe('trương.json');
    expect(fileNameOf(null, 'x')).toBe('x');
  });
});
