import { ENTITY_DECLARATIONS, LANGUAGE_DECLARATIONS, RELATION_DECLARATIONS } from '../api/domain.ts';

/** The label a table of declarations gives a code; a code the explorer does not know shows as itself. */
function labelIn(declarations: Readonly<Record<string, { label: string }>>, code: string, fallback = code): string {
  return Object.hasOwn(declarations, code) ? (declarations[code]?.label ?? fallback) : fallback;
}

export const languageName = (code: string): string => labelIn(LANGUAGE_DECLARATIONS, code);

export const typeLabel = (type: string): string => labelIn(ENTITY_DECLARATIONS, type);

/** How a relation reads on an edge, forwards. */
export const relationLabel = (type: string): string => labelIn(RELATION_DECLARATIONS, type, type.toLowerCase().replace(/_/g, ' '));

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
