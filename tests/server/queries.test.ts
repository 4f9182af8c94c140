import { describe, expect, it } from 'vitest';
import { neighborsOf } from '../../server/graph/queries/neighbors.ts';
import { shortestPaths } from '../../server/graph/queries/paths.ts';
import { fold, luceneQuery, namedExactly, namedWithWords } from '../../server/graph/queries/search.ts';

describe('name folding', () => {
  it('folds case and Vietnamese diacritics, đ included', () => {
    expect(fold('Vũ Đại Thắng')).toBe('vu dai thang');
    expect(fold('Trương Quốc Trí')).toBe('truong quoc tri');
    expect(fold('Ho-Chi-Minh-Stadt')).toBe('ho chi minh stadt');
  });

  it('builds a Lucene query from words only, so no syntax from the input survives', () => {
    expect(luceneQuery('Quảng Ninh')).toBe('(quang OR quang*) AND (ninh OR ninh*)');
    expect(luceneQuery('"(*:~ AND')).toBe('');
    expect(luceneQuery('Ministry of Foreign Affairs')).toBe('(ministry OR ministry*) AND (foreign OR foreign*) AND (affairs OR affairs*)');
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
