import { Record as Neo4jRecord } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { meetingsOf } from '../../server/graph/queries/meetings.ts';
import { neighborsOf } from '../../server/graph/queries/neighbors.ts';
import { shortestPaths } from '../../server/graph/queries/paths.ts';
import { luceneQuery, namedExactly, namedWithWords, searchWords } from '../../server/graph/queries/search.ts';

describe('name folding', () => {
  it('splits folded text into words at anything but letters and digits', () => {
    expect(searchWords('Vũ Đại Thắng')).toEqual(['vu', 'dai', 'thang']);
    expect(searchWords('Trương Quốc Trí')).toEqual(['truong', 'quoc', 'tri']);
    expect(searchWords('Ho-Chi-Minh-Stadt')).toEqual(['ho', 'chi', 'minh', 'stadt']);
    expect(searchWords(' Große  Straße (Müller) ')).toEqual(['grosse', 'strasse', 'muller']);
  });

  it('builds a Lucene query from words only, so no syntax from the input survives', () => {
    expect(luceneQuery('Quảng Ninh')).toBe('(quang OR quang*) AND (ninh OR ninh*)');
    expect(luceneQuery('"(*:~ AND')).toBe('');
    expect(luceneQuery('Ministry of Foreign Affairs')).toBe('(ministry OR ministry*) AND (foreign OR foreign*) AND (affairs OR affairs*)');
    expect(luceneQuery('Straße')).toBe('(strasse OR strasse*)');
  });

  it('matches a name exactly or by whole words', () => {
    const row = { name: 'Zhang Guozhi', aliasNames: ['Trương Quốc Trí'] };
    expect(namedExactly(row, 'truong quoc tri')).toBe(true);
    expect(namedExactly(row, 'truong quoc')).toBe(false);
    expect(namedWithWords(row, 'Quoc Truong')).toBe(true);
    expect(namedWithWords(row, 'Quo')).toBe(false);
  });
});

describe('bounded query texts', () => {
  it('picks a fixed text per depth and hop count, and refuses others', () => {
    expect(neighborsOf('d', 'x', 2, {}, 10).cypher).toContain('LIMIT $cap');
    expect(() => neighborsOf('d', 'x', 4, {}, 10)).toThrow(RangeError);
    expect(shortestPaths('d', 'a', 'b', 6, undefined).cypher).toContain('[*..6]');
    expect(() => shortestPaths('d', 'a', 'b', 7, undefined)).toThrow(RangeError);
  });

  it('passes input only as parameters', () => {
    const query = neighborsOf('d', "x' OR 1=1 //", 1, { relations: ['MET'], from: '2025' }, 10);
    expect(query.cypher).not.toContain('OR 1=1');
    expect(query.params).toMatchObject({ id: "x' OR 1=1 //", relations: ['MET'], from: '2025' });
  });
});

describe('neighbourhood rows', () => {
  const row = (i: number | null, node: object | null, edge: object | null) => new Neo4jRecord(['i', 'node', 'edge', 'truncated'], [i, node, edge, true]);
  const node = (id: string) => ({ id, name: id.toUpperCase(), labels: ['Entity', 'Person'] });

  it('puts each node at its index whatever order the rows come in (the root first), and the edges beside them', () => {
    const { transform } = neighborsOf('d', 'a', 1, {}, 10);
    const edge = { id: 'e1', source: 'a', target: 'b', type: 'MET', evidence: null };
    const answer = transform([row(null, null, edge), row(1, node('b'), null), row(0, node('a'), null)]);
    expect(answer?.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(answer?.edges.map((e) => e.id)).toEqual(['e1']);
    expect(answer?.truncated).toBe(true);
  });

  it('answers a lone node with no edges, and nothing (404) when the query found no root', () => {
    const { transform } = neighborsOf('d', 'a', 1, {}, 10);
    expect(transform([row(0, node('a'), null)])).toMatchObject({ nodes: [{ id: 'a' }], edges: [] });
    expect(transform([])).toBeNull();
  });
});

describe('bounded meetings', () => {
  it('caps occasions, counterparts per occasion and rows, with a text of its own for a given counterpart', () => {
    const all = meetingsOf('d', 'p', {});
    const one = meetingsOf('d', 'p', { with: 'q' });
    expect(all.cypher).toContain('LIMIT $perOccasionProbe');
    expect(all.cypher).toContain('LIMIT $rows');
    // The bounds the query states, written out: 1000 occasions, 50 counterparts each, 500 meetings (one more row to see an overflow).
    expect(Number(all.params.occasions)).toBe(1000);
    expect(Number(all.params.perOccasion)).toBe(50);
    expect(Number(all.params.perOccasionProbe)).toBe(51);
    expect(Number(all.params.rows)).toBe(501);
    expect(one.cypher).not.toBe(all.cypher);
    expect(one.cypher).toContain('MATCH (who:Person {graph: g, id: $with})');
  });

  it('says truncated when the rows overflow the limit, and keeps at most the limit', () => {
    const { transform } = meetingsOf('d', 'p', {});
    const keys = ['ev', 'pl', 'personRoles', 'personEvidence', 'counterparts', 'truncated'];
    const evidence = JSON.stringify([{ articleId: 'a', language: 'vi', quote: 'q' }]);
    const occasion = (n: number, count: number) =>
      new Neo4jRecord(keys, [
        { id: `event-${n}`, name: `Event ${n}`, labels: ['Entity', 'Event'], date: '2025-01-01' },
        null,
        ['ATTENDED'],
        [evidence],
        Array.from({ length: count }, (_, k) => ({
          c: { id: `person-${n}-${k}`, name: `Person ${k}`, labels: ['Entity', 'Person'] },
          roles: ['ATTENDED'],
          evidence: [],
          date: '2025-01-01',
        })),
        false,
      ]);
    const full = transform([occasion(1, 300), occasion(2, 200)]);
    expect(full.truncated).toBe(false);
    expect(full.meetings).toHaveLength(500);
    expect(full.meetings[0]!.how).toBe('attended');
    const over = transform([occasion(1, 300), occasion(2, 201)]);
    expect(over.truncated).toBe(true);
    expect(over.meetings).toHaveLength(500);
  });
});
