import { describe, expect, it } from 'vitest';
import { figureChange, figurePeriod, figureSummary, figureValue } from '../../web/src/ui/figures.ts';
import { positionWhen } from '../../web/src/ui/positions.ts';

const organization = { id: 'communist-party-of-vietnam', type: 'Organization' as const, name: 'Communist Party of Vietnam' };

describe('figures as a reader says them', () => {
  it('give the number with its bound and unit, or the rank with what it is taken among', () => {
    expect(figureValue({ value: 56.2, unit: 'billion USD', qualifier: 'exact' })).toBe('56.2 billion USD');
    expect(figureValue({ value: 2000, unit: 'billion USD', qualifier: 'more-than' })).toBe('more than 2,000 billion USD');
    expect(figureValue({ unit: 'rank', qualifier: 'exact', rank: 1, scope: 'China' })).toBe('rank 1 in China');
    expect(figureValue({ value: 20, unit: '%', qualifier: 'more-than', scope: 'Vietnam–China trade' })).toBe('more than 20 % · of Vietnam–China trade');
  });

  it('sign a change and name its basis, and read a range of years as one', () => {
    expect(figureChange({ value: 16.6, unit: '%', basis: 'year-on-year' })).toBe('+16.6 % year on year');
    expect(figureChange({ value: -3, unit: '%' })).toBe('-3 %');
    expect(figureChange(undefined)).toBeNull();
    expect(figurePeriod('2025/2027')).toBe('2025–2027');
    expect(figurePeriod('2024-03')).toBe('Mar 2024');
    expect(figurePeriod(undefined)).toBeNull();
  });

  it("read a Figure node's stored properties, the change flattened", () => {
    const node = { type: 'Figure', value: 56.2, unit: 'billion USD', qualifier: 'exact', period: '2024', changeValue: 16.6, changeUnit: '%', changeBasis: 'year-on-year' };
    expect(figureSummary(node)).toBe('56.2 billion USD · +16.6 % year on year · 2024');
    expect(figureSummary({ rank: 6, unit: 'rank', scope: 'investors in Vietnam' })).toBe('rank 6 in investors in Vietnam');
  });
});

describe('when an office was held', () => {
  it('is the date of the article, or the past with the dates an article gives', () => {
    expect(positionWhen({ title: 'Vice governor', organization, asOf: '2025-10-28', evidence: [] })).toBe('as of 28 Oct 2025');
    expect(positionWhen({ title: 'President', organization, historical: true, evidence: [] })).toBe('in the past');
    expect(positionWhen({ title: 'General Secretary', organization, historical: true, from: '2024-08', evidence: [] })).toBe('from Aug 2024');
    expect(positionWhen({ title: 'President', organization, historical: true, from: '1945', to: '1969', evidence: [] })).toBe('1945–1969');
  });
});
