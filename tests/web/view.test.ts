import { describe, expect, it } from 'vitest';
import { GraphView } from '../../web/src/graph/view.ts';
import type { DrawnElement } from '../../web/src/graph/view.ts';
import { visibleGraph } from '../../web/src/graph/model.ts';
import { emptyFilters } from '../../web/src/state/state.ts';
import { stylesheet, TYPE_LOOK } from '../../web/src/graph/style.ts';
import { edges, nodes } from './fixture.ts';

function headless(): GraphView {
  return new GraphView(undefined, { select: () => {}, expand: () => {} }, { headless: true });
}

/** One drawn element as the view reports it; undefined when it is not drawn. */
function drawnAs(view: GraphView, id: string): DrawnElement | undefined {
  return view.elements().find((e) => e.id === id);
}

describe('the graph view, headless', () => {
  it('draws the elements and lays them out', async () => {
    const view = headless();
    await view.render(visibleGraph(nodes, edges, emptyFilters()));
    expect(view.drawn().nodes.sort()).toEqual(nodes.map((n) => n.id).sort());
    expect(view.drawn().edges).toHaveLength(edges.length);
    const xs = view.elements().flatMap((e) => (e.position ? [Math.round(e.position.x)] : []));
    expect(new Set(xs).size).toBeGreaterThan(1);
    view.destroy();
  });

  it('keeps drawn nodes in place when more arrive, and puts returning nodes back where they were', async () => {
    const view = headless();
    const small = visibleGraph(nodes.slice(0, 3), edges.slice(0, 2), emptyFilters());
    await view.render(small);
    const before = Object.fromEntries(view.elements().flatMap((e) => (e.position ? [[e.id, e.position]] : [])));
    await view.render(visibleGraph(nodes, edges, emptyFilters()), { anchor: 'conference-9' });
    for (const [id, p] of Object.entries(before)) expect(drawnAs(view, id)?.position).toEqual(p);
    const guangdong = drawnAs(view, 'guangdong')?.position;
    expect(guangdong).toBeTruthy();
    await view.render(visibleGraph(nodes, edges, { ...emptyFilters(), hiddenTypes: ['Place'] }));
    expect(drawnAs(view, 'guangdong')).toBeUndefined();
    await view.render(visibleGraph(nodes, edges, emptyFilters()));
    expect(drawnAs(view, 'guangdong')?.position).toEqual(guangdong);
    view.destroy();
  });

  it('marks focus, pins and paths', async () => {
    const view = headless();
    await view.render(visibleGraph(nodes, edges, emptyFilters()));
    view.decorate({ focus: 'zhang', expanded: ['vu'], pinned: ['guangdong'], selection: { kind: 'node', id: 'vu' } });
    expect(drawnAs(view, 'zhang')?.classes).toContain('focus');
    expect(drawnAs(view, 'guangdong')?.locked).toBe(true);
    expect(drawnAs(view, 'vu')?.selected).toBe(true);
    view.highlight(['zhang', 'conference-9', 'vu'], [edges[0]!.id, edges[1]!.id], ['zhang', 'vu']);
    expect(drawnAs(view, 'conference-9')?.classes).toContain('path');
    expect(drawnAs(view, 'guangdong')?.classes).toContain('faded');
    view.highlight([], []);
    expect(view.elements().filter((e) => e.classes.includes('faded'))).toHaveLength(0);
    view.destroy();
  });

  it('has a style for every entity type', () => {
    const selectors = stylesheet().map((s) => ('selector' in s ? s.selector : ''));
    for (const type of Object.keys(TYPE_LOOK)) expect(selectors).toContain(`node[type = "${type}"]`);
  });
});
