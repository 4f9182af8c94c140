import { ApiError } from '../api/client.ts';
import { byId, h, icon } from './dom.ts';

/** How long an error message stays before it goes by itself. */
const TOAST_MS = 10_000;

/** Shows an error where the user looks, for a while, and logs it; never swallows it (a cancelled request is no error). */
export function toast(error: unknown, what?: string): void {
  if ((error as Error)?.name === 'AbortError') return;
  const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  const region = byId('toasts');
  const item = h(
    'div',
    { class: 'toast', role: 'alert' },
    icon('info'),
    h('div', {}, what ? h('b', {}, `${what}: `) : null, message),
    h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Dismiss', onclick: () => item.remove() }, icon('close')),
  );
  region.append(item);
  setTimeout(() => item.remove(), TOAST_MS);
  console.error(what ?? 'error', error);
}
