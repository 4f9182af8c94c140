import type { EntityType, RelationType } from '../api/types.ts';

export const LANGUAGE_NAMES: Record<string, string> = {
  vi: 'Vietnamese',
  nl: 'Dutch',
  de: 'German',
  en: 'English',
  zh: 'Chinese (pinyin)',
};

export function languageName(code: string): string {
  return LANGUAGE_NAMES[code] ?? code;
}

export const TYPE_LABELS: Record<EntityType, string> = {
  Person: 'Person',
  Place: 'Place',
  Organization: 'Organization',
  Agreement: 'Agreement',
  Event: 'Event',
};

/** How a relation reads on an edge, forwards. */
export const RELATION_LABELS: Record<RelationType, string> = {
  CO_CHAIRED: 'co-chaired',
  ATTENDED: 'attended',
  MET: 'met',
  SIGNED: 'signed',
  WITNESSED: 'witnessed',
  HOSTED: 'hosted',
  VISITED: 'visited',
  HOLDS_POSITION: 'holds position',
  REPRESENTED: 'represented',
  PART_OF: 'part of',
  LOCATED_IN: 'located in',
  TOOK_PLACE_IN: 'took place in',
  PROPOSED: 'proposed',
  INVITED: 'invited',
  PRECEDED: 'preceded',
  CONCERNS: 'concerns',
  SIGNED_AT: 'signed at',
  IMPLEMENTS: 'implements',
  COOPERATED_WITH: 'cooperated with',
};

export function relationLabel(type: string): string {
  return (RELATION_LABELS as Record<string, string>)[type] ?? type.toLowerCase().replace(/_/g, ' ');
}

/** `2025-02-20` → `20 Feb 2025`; `2025-02` → `Feb 2025`; `2025` stays. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return date;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const month = m[2] ? months[Number(m[2]) - 1] : undefined;
  if (m[3]) return `${Number(m[3])} ${month} ${m[1]}`;
  if (month) return `${month} ${m[1]}`;
  return m[1] as string;
}

export function humanize(key: string): string {
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .replace(/^./, (c) => c.toUpperCase());
}
