import type { EntityRef, FigureFact } from '../api/types.ts';
import { formatDate } from '../util/labels.ts';
import { h } from './dom.ts';

/** Figures as a reader says them: "more than 2,000 billion USD", "rank 1 in China", "+16.6 % year-on-year". */

const BOUND: Record<FigureFact['qualifier'], string> = {
  exact: '',
  'more-than': 'more than ',
  'less-than': 'less than ',
  about: 'about ',
  'at-least': 'at least ',
};

const number = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 3 });

/** The number with its bound and unit, and the rank with what it is taken among. */
export function figureValue(f: Pick<FigureFact, 'value' | 'unit' | 'qualifier' | 'rank' | 'scope'>): string {
  const parts: string[] = [];
  if (f.value !== undefined) parts.push(`${BOUND[f.qualifier]}${number(f.value)} ${f.unit}`);
  if (f.rank !== undefined) parts.push(`rank ${f.rank}${f.scope ? ` in ${f.scope}` : ''}`);
  else if (f.scope) parts.push(`of ${f.scope}`);
  return parts.join(' · ');
}

/** The change beside a figure, signed: "+16.6 % year-on-year". */
export function figureChange(change: FigureFact['change']): string | null {
  if (!change) return null;
  const sign = change.value > 0 ? '+' : '';
  return `${sign}${number(change.value)} ${change.unit}${change.basis ? ` ${change.basis.replace(/-/g, ' ')}` : ''}`;
}

/** A period: one date, or a range "2025/2027" read "2025–2027". */
export function figurePeriod(period: string | undefined): string | null {
  return period ? period.split('/').map(formatDate).join('–') : null;
}

/** A Figure node's stored properties (change flattened to changeValue, changeUnit, changeBasis) read as one line. */
export function figureSummary(node: Readonly<Record<string, unknown>>): string {
  const num = (key: string) => (typeof node[key] === 'number' ? (node[key] as number) : undefined);
  const text = (key: string) => (typeof node[key] === 'string' ? (node[key] as string) : undefined);
  const change = num('changeValue') !== undefined && text('changeUnit') ? { value: num('changeValue')!, unit: text('changeUnit')!, basis: text('changeBasis') } : undefined;
  const qualifier = (text('qualifier') ?? 'exact') as FigureFact['qualifier'];
  const value = figureValue({ value: num('value'), unit: text('unit') ?? '', qualifier: qualifier in BOUND ? qualifier : 'exact', rank: num('rank'), scope: text('scope') });
  return [value, figureChange(change), figurePeriod(text('period'))].filter(Boolean).join(' · ');
}

/** Each figure: its name, value, change and period, the other parties it measures, and its quotes. */
export function figureList(
  figures: readonly FigureFact[],
  link: (ref: EntityRef) => HTMLElement,
  quotes: (figure: FigureFact) => HTMLElement | null,
  /** the entity the list is shown for, left out of "also measures" */
  self?: string,
): HTMLElement {
  return h(
    'ul',
    { class: 'figures' },
    figures.map((f) => {
      const others = f.measures.filter((m) => m.id !== self);
      return h(
        'li',
        { class: 'figure', 'data-figure': f.id },
        h('div', { class: 'figure-name' }, link({ id: f.id, type: 'Figure', name: f.name })),
        h('div', { class: 'figure-value' }, figureValue(f), f.change ? h('span', { class: 'figure-change' }, ` ${figureChange(f.change)}`) : null),
        h(
          'div',
          { class: 'figure-meta' },
          [figurePeriod(f.period), f.measure.replace(/-/g, ' '), self ? `as ${f.role}` : null].filter(Boolean).join(' · '),
          others.length ? [' · ', ...others.flatMap((m, i) => [i ? ', ' : '', link(m), ` (${m.role})`])] : null,
        ),
        quotes(f),
      );
    }),
  );
}
