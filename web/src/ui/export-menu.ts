import { ApiError } from '../api/client.ts';
import type { ApiClient } from '../api/client.ts';
import { download, exportQuery, fileNameOf } from '../graph/export.ts';
import type { FileFormat } from '../graph/export.ts';
import type { AppState } from '../state/state.ts';
import type { BusyIndicator } from './busy.ts';
import { toast } from './toasts.ts';

export interface ExportContext {
  api: ApiClient;
  busy: BusyIndicator;
  state(): AppState;
  /** The view as drawn. */
  png(): Blob;
}

/** The export menu: each item saves a file, then the menu closes. */
export function bindExportMenu(ctx: ExportContext): void {
  for (const item of document.querySelectorAll<HTMLButtonElement>('[data-export]'))
    item.addEventListener('click', () => void exportFile(ctx, item.dataset.export as 'png' | FileFormat));
  for (const item of document.querySelectorAll<HTMLElement>('.export-menu button'))
    item.addEventListener('click', () => (item.closest('details') as HTMLDetailsElement).removeAttribute('open'));
}

/** A PNG of the view as drawn, or the subgraph as a file from the API's export route. */
async function exportFile(ctx: ExportContext, kind: 'png' | FileFormat): Promise<void> {
  const state = ctx.state();
  const base = `cooperation-graph-${state.focus ?? 'view'}`;
  if (kind === 'png') {
    download(ctx.png(), `${base}.png`);
    return;
  }
  const query = exportQuery(state, kind);
  if (!query) {
    toast(new Error('open an entity first: the export holds the graph on screen'), 'Export');
    return;
  }
  ctx.busy.start('Preparing the export…');
  try {
    const response = await fetch(ctx.api.url('/export', query));
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { message?: string };
      throw new ApiError(`${body.message ?? response.statusText} (HTTP ${response.status})`, response.status, '/export');
    }
    download(await response.blob(), fileNameOf(response.headers.get('content-disposition'), `${base}.${kind}`));
  } catch (error) {
    toast(error, 'Export');
  } finally {
    ctx.busy.stop();
  }
}
