import { describe, expect, it } from 'vitest';
import { subgraphGraphML, subgraphJson } from '../../web/src/graph/export.ts';
import { edges, nodes } from './fixture.ts';

describe('export of the subgraph on screen', () => {
  it('JSON keeps the API shape with every quote', () => {
    const parsed = JSON.parse(subgraphJson({ nodes, edges }, { view: 'http://x/?focus=zhang' }));
    expect(parsed.view).toBe('http://x/?focus=zhang');
    expect(parsed.nodes).toEqual(nodes);
    expect(parsed.edges[0].evidence[0].quote).toBe('zhang CO_CHAIRED conference-9');
  });

  it('GraphML declares typed keys and escapes text', () => {
    const xml = subgraphGraphML({
      nodes: [{ ...nodes[0]!, label: 'A & <B>' } as unknown as (typeof nodes)[number], nodes[2]!],
      edges: [edges[0]!],
    });
    expect(xml).toContain('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"');
    expect(xml).toContain('<key id="n_label" for="node" attr.name="label" attr.type="string"/>');
    expect(xml).toContain('<key id="n_unnamed" for="node" attr.name="unnamed" attr.type="boolean"/>');
    expect(xml).toContain('A &amp; &lt;B&gt;');
    expect(xml).toContain('<edge id="zhang|CO_CHAIRED|conference-9" source="zhang" target="conference-9">');
    expect(xml).toMatch(/<data key="e_evidence">\[\{&quot;articleId&quot;/);
    expect(xml.match(/<node /g)).toHaveLength(2);
  });
});
