import { ENTITY_TYPES, RELATION_TYPES } from '../api/domain.ts';
import type { AppState } from '../state/state.ts';

export const FILE_FORMATS = ['json', 'graphml', 'gexf', 'cyjs', 'csv'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/**
 * The API export that holds what the view shows: the neighbourhoods of the focus and of every
 * expanded node, under the same type, relation and date filters.
 */
export function exportQuery(state: AppState, format: FileFormat): Record<string, string> | null {
  const ids = [...new Set([state.focus, ...state.expanded].filter((id): id is string => !!id))];
  if (!ids.length) return null;
  const q: Record<string, string> = { ids: ids.join(','), format };
  const f = state.filters;
  if (f.hiddenTypes.length) q.types = ENTITY_TYPES.filter((t) => !f.hiddenTypes.includes(t)).join(',');
  if (f.hiddenRelations.length) q.relations = RELATION_TYPES.filter((t) => !f.hiddenRelations.includes(t)).join(',');
  if (f.from) q.from = f.from;
  if (f.to) q.to = f.to;
  return q;
}

/** The file name a Content-Disposition header gives, if any. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/** Saves a blob under a file name through a temporary link. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
