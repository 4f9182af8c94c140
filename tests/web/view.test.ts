import { describe, expect, it } from 'vitest';
import { GraphView } from '../../web/src/graph/view.ts';
import { visibleGraph } from '../../web/src/graph/model.ts';
import { emptyFilters } from '../../web/src/state/state.ts';
import { stylesheet, TYPE_LOOK } from '../../web/src/graph/style.ts';
import { edges, nodes } from './fixture.ts';

function headless(): GraphView {
  return new GraphView(undefined, { select: () => {}, expand: () => {} }, { headless: true });
}

describe('the graph view, headless', () => {
  it('draws the elements and lays them out', async () => {
    const view = headless();
    await view.render(visibleGraph(nodes, edges, emptyFilters()));
    expect(view.drawn().nodes.sort()).toEqual(nodes.map((n) => n.id).sort());
    expect(view.drawn().edges).toHaveLength(edges.length);
    const xs = view.cy.nodes().map((n) => Math.round(n.position('x')));
    expect(new Set(xs).size).toBeGreaterThan(1);
    view.destroy();
  });

  it('keeps drawn nodes in place when more arrive, and puts returning nodes back where they were', async () => {
    const view = headless();
    const small = visibleGraph(nodes.slice(0, 3), edges.slice(0, 2), emptyFilters());
    await view.render(small);
    const before = Object.fromEntries(view.cy.nodes().map((n) => [n.id(), { ...n.position() }]));
    await view.render(visibleGraph(nodes, edges, emptyFilters()), { anchor: 'conference-9' });
    for (const [id, p] of Object.entries(before)) expect(view.cy.getElementById(id).position()).toEqual(p);
    const guangdong = { ...view.cy.getElementById('guangdong').position() };
    await view.render(visibleGraph(nodes, edges, { ...emptyFilters(), hiddenTypes: ['Place'] }));
    expect(view.cy.getElementById('guangdong').empty()).toBe(true);
    await view.render(visibleGraph(nodes, edges, emptyFilters()));
    expect(view.cy.getElementById('guangdong').position()).toEqual(guangdong);
    view.destroy();
  });

  it('marks focus, pins and paths', async () => {
    const view = headless();
    await view.render(visibleGraph(nodes, edges, emptyFilters()));
    view.decorate({ focus: 'zhang', expanded: ['vu'], pinned: ['guangdong'], selection: { kind: 'node', id: 'vu' } });
    expect(view.cy.getElementById('zhang').hasClass('focus')).toBe(true);
    expect(view.cy.getElementById('guangdong').locked()).toBe(true);
    expect(view.cy.getElementById('vu').selected()).toBe(true);
    view.highlight(['zhang', 'conference-9', 'vu'], [edges[0]!.id, edges[1]!.id], ['zhang', 'vu']);
    expect(view.cy.getElementById('conference-9').hasClass('path')).toBe(true);
    expect(view.cy.getElementById('guangdong').hasClass('faded')).toBe(true);
    view.highlight([], []);
    expect(view.cy.elements('.faded').length).toBe(0);
    view.destroy();
  });

  it('has a style for every entity type', () => {
    const selectors = stylesheet().map((s) => ('selector' in s ? s.selector : ''));
    for (const type of Object.keys(TYPE_LOOK)) expect(selectors).toContain(`node[type = "${type}"]`);
  });
});
