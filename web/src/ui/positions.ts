import type { EntityRef, Position } from '../api/types.ts';
import { formatDate } from '../util/labels.ts';
import { h, icon } from './dom.ts';

/** When an office was held: as of an article's date, or in the past, from and to where an article says. */
export function positionWhen(p: Position): string {
  if (p.asOf) return `as of ${formatDate(p.asOf)}`;
  if (p.from && p.to) return `${formatDate(p.from)}–${formatDate(p.to)}`;
  if (p.from) return `from ${formatDate(p.from)}`;
  if (p.to) return `until ${formatDate(p.to)}`;
  return 'in the past';
}

/** The offices a person held, in the order the API gives them (newest first, past offices last). */
export function positionList(positions: readonly Position[], link: (ref: EntityRef) => HTMLElement): HTMLElement {
  return h(
    'ul',
    { class: 'positions' },
    positions.map((p) =>
      h(
        'li',
        {},
        h('div', { class: 'position-title' }, p.title),
        h('div', { class: 'position-org' }, link(p.organization)),
        h('div', { class: 'position-date' }, icon('calendar'), positionWhen(p), ` · ${p.evidence.length} quote${p.evidence.length === 1 ? '' : 's'}`),
      ),
    ),
  );
}
