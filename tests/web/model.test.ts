import { describe, expect, it } from 'vitest';
import { endOf, monthIndex, monthOf, overlaps, startOf } from '../../web/src/graph/dates.ts';
import { diffElements, edgeElement, nodeElement, ringPositions, toElements } from '../../web/src/graph/elements.ts';
import { evidenceByArticle, GraphModel, timeline, visibleGraph } from '../../web/src/graph/model.ts';
import { emptyFilters } from '../../web/src/state/state.ts';
import { edge, edges, node, nodes } from './fixture.ts';

describe('partial dates', () => {
  it('are intervals', () => {
    expect([startOf('2025'), endOf('2025')]).toEqual(['2025-01-01', '2025-12-31']);
    expect([startOf('2025-02'), endOf('2025-02')]).toEqual(['2025-02-01', '2025-02-31']);
    expect([startOf('2025-02-20'), endOf('2025-02-20')]).toEqual(['2025-02-20', '2025-02-20']);
  });

  it('overlap a range when any day of theirs can fall in it; undated things always do', () => {
    expect(overlaps('2025-10', null, '2025-10-28', null)).toBe(true);
    expect(overlaps('2025-10-27', null, '2025-10-28', null)).toBe(false);
    expect(overlaps('2022', null, '2023', '2025')).toBe(false);
    expect(overlaps('2025-04-14', '2025-04-15', null, '2025-04-14')).toBe(true);
    expect(overlaps(null, null, '2030', '2031')).toBe(true);
  });

  it('map to months and back', () => {
    expect(monthOf(monthIndex('2025-02-20'))).toBe('2025-02');
    expect(monthIndex('2025') - monthIndex('2024-12')).toBe(1);
  });
});

describe('the graph model', () => {
  it('merges responses and reports what is new', () => {
    const m = new GraphModel();
    expect(m.merge({ nodes: nodes.slice(0, 3), edges: edges.slice(0, 1) })).toEqual({ nodes: ['zhang', 'vu', 'conference-9'], edges: [edges[0]!.id] });
    expect(m.merge({ nodes, edges })).toEqual({ nodes: ['conference-8', 'guangdong', 'framework'], edges: edges.slice(1).map((e) => e.id) });
    expect(m.neighbours('conference-9').sort()).toEqual(['framework', 'guangdong', 'vu', 'zhang']);
  });

  it('ignores edges to nodes it does not hold', () => {
    const m = new GraphModel();
    m.merge({ nodes: [node('a', 'Person')], edges: [edge('a', 'MET', 'b')] });
    expect(m.connectedEdges()).toEqual([]);
  });
});

describe('what the filters leave on screen', () => {
  const ids = (g: { nodes: { id: string }[] }) => g.nodes.map((n) => n.id).sort();

  it('everything, without filters', () => {
    const g = visibleGraph(nodes, edges, emptyFilters());
    expect(g.nodes).toHaveLength(nodes.length);
    expect(g.edges).toHaveLength(edges.length);
  });

  it('drops a type and the edges that touch it', () => {
    const g = visibleGraph(nodes, edges, { ...emptyFilters(), hiddenTypes: ['Event'] });
    expect(ids(g)).toEqual(['framework', 'guangdong', 'vu', 'zhang']);
    expect(g.edges.map((e) => e.type)).toEqual(['HOLDS_POSITION']);
  });

  it('drops relation types but keeps their nodes', () => {
    const g = visibleGraph(nodes, edges, { ...emptyFilters(), hiddenRelations: ['CO_CHAIRED'] });
    expect(g.nodes).toHaveLength(nodes.length);
    expect(g.edges.some((e) => e.type === 'CO_CHAIRED')).toBe(false);
  });

  it('a date range removes the events outside it and their edges, and keeps undated things', () => {
    const g = visibleGraph(nodes, edges, { ...emptyFilters(), from: '2025-01' });
    expect(ids(g)).not.toContain('conference-8');
    expect(ids(g)).toContain('guangdong');
    expect(g.edges.some((e) => e.target === 'conference-8')).toBe(false);
    const before = visibleGraph(nodes, edges, { ...emptyFilters(), to: '2024' });
    expect(ids(before)).toEqual(['conference-8', 'guangdong', 'vu', 'zhang']);
  });

  it('hidden nodes go, but the focus stays whatever the filters say', () => {
    const g = visibleGraph(nodes, edges, { ...emptyFilters(), hiddenTypes: ['Person'] }, ['guangdong'], ['zhang']);
    expect(ids(g)).toEqual(['conference-8', 'conference-9', 'framework', 'zhang']);
  });
});

describe('timeline and evidence', () => {
  it('counts events and dated facts per month over the span', () => {
    const t = timeline(nodes, edges);
    expect(t).not.toBeNull();
    expect(monthOf(t!.min)).toBe('2022-01');
    expect(monthOf(t!.max)).toBe('2025-10');
    expect(t!.buckets).toHaveLength(t!.max - t!.min + 1);
    expect(t!.buckets.find((b) => monthOf(b.month) === '2025-10')?.count).toBe(4);
    expect(timeline([node('p', 'Person')])).toBeNull();
  });

  it('groups quotes by article without duplicates', () => {
    const groups = evidenceByArticle([
      { articleId: 'a', language: 'vi', quote: 'one quote here' },
      { articleId: 'b', language: 'nl', quote: 'een citaat hier' },
      { articleId: 'a', language: 'vi', quote: 'one quote here' },
      { articleId: 'a', language: 'vi', quote: 'another quote' },
    ]);
    expect(groups).toEqual([
      { articleId: 'a', language: 'vi', quotes: ['one quote here', 'another quote'] },
      { articleId: 'b', language: 'nl', quotes: ['een citaat hier'] },
    ]);
  });
});

describe('Cytoscape elements', () => {
  it('carry type, label, dates and a readable relation label', () => {
    expect(nodeElement(nodes[2]!).data).toMatchObject({ id: 'conference-9', type: 'Event', kind: 'conference', date: '2025-10-28' });
    expect(edgeElement(edges[0]!).data).toMatchObject({ source: 'zhang', target: 'conference-9', type: 'CO_CHAIRED', label: 'co-chaired', evidenceCount: 1 });
    expect(toElements({ nodes, edges })).toHaveLength(nodes.length + edges.length);
  });

  it('diff what is drawn against what should be, edges removed before nodes', () => {
    const drawn = { nodes: ['zhang', 'vu', 'old'], edges: ['x', edges[0]!.id] };
    const { add, remove } = diffElements(drawn, { nodes: nodes.slice(0, 3), edges: edges.slice(0, 2) });
    expect(add.map((a) => a.data.id)).toEqual(['conference-9', edges[1]!.id]);
    expect(remove).toEqual(['x', 'old']);
  });

  it('ring positions surround the centre without stacking', () => {
    const spots = ringPositions({ x: 0, y: 0 }, 30);
    expect(spots).toHaveLength(30);
    const keys = new Set(spots.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`));
    expect(keys.size).toBe(30);
    for (const p of spots) expect(Math.hypot(p.x, p.y)).toBeGreaterThanOrEqual(119);
  });
});
