/** Partial ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) as intervals, so `2025-02` and `2025-02-20` compare sensibly. */

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** The first day a partial date may mean. */
export function startOf(date: string): string {
  const m = PARTIAL.exec(date);
  if (!m) return date;
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}

/** The last day a partial date may mean (day 31 is fine for comparing strings). */
export function endOf(date: string): string {
  const m = PARTIAL.exec(date);
  if (!m) return date;
  return `${m[1]}-${m[2] ?? '12'}-${m[3] ?? '31'}`;
}

/** Whether [date, endDate] overlaps [from, to]; undated things always do. */
export function overlaps(
  date: string | null | undefined,
  endDate: string | null | undefined,
  from: string | null,
  to: string | null,
): boolean {
  if (!date) return true;
  const start = startOf(date);
  const end = endOf(endDate ?? date);
  if (from && end < startOf(from)) return false;
  if (to && start > endOf(to)) return false;
  return true;
}

/** Month index since year 0, for a timeline axis. */
export function monthIndex(date: string): number {
  const m = PARTIAL.exec(date);
  if (!m) return NaN;
  return Number(m[1]) * 12 + (m[2] ? Number(m[2]) - 1 : 0);
}

export function monthOf(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}
