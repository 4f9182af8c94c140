import type { MeetingsResponse } from '../api/types.ts';
import { formatDate } from '../util/labels.ts';
import { h } from './dom.ts';

/** A person's meetings, newest first: date, counterpart, event and how they met. */
export function meetingList(
  r: MeetingsResponse,
  person: (ref: { id: string; name: string }) => HTMLElement,
  event: (ref: { id: string; name: string }) => HTMLElement,
): HTMLElement {
  if (!r.meetings.length) return h('p', { class: 'muted' }, 'No meetings recorded.');
  const sorted = [...r.meetings].sort((a, b) => (b.date ?? b.event?.date ?? '').localeCompare(a.date ?? a.event?.date ?? ''));
  return h(
    'ol',
    { class: 'meeting-list' },
    sorted.map((m) => {
      const date = m.date ?? m.event?.date;
      return h(
        'li',
        { class: 'meeting' },
        h('time', { class: 'meeting-date', datetime: date ?? '' }, date ? formatDate(date) : 'undated'),
        h(
          'div',
          { class: 'meeting-body' },
          h('div', {}, person(m.counterpart)),
          h('div', { class: 'meeting-how' }, m.how.replace(/-/g, ' '), m.event?.place ? ` · in ${m.event.place.name}` : null),
          m.event ? h('div', { class: 'meeting-event' }, event(m.event)) : null,
        ),
      );
    }),
  );
}
