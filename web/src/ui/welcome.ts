import type { ApiClient } from '../api/client.ts';
import { formatDate } from '../util/labels.ts';
import { append, byId, clear, h } from './dom.ts';

/** The welcome card: what the graph holds and a few recent events to start from. */
export async function showWelcome(api: ApiClient, open: (id: string) => void): Promise<void> {
  const box = byId('welcome-events');
  const stats = byId('welcome-stats');
  try {
    const [s, ev] = await Promise.all([api.stats(), api.events({ limit: 200 })]);
    const nodes = Object.values(s.nodes).reduce((a, b) => a + b, 0);
    const rels = Object.values(s.relationships).reduce((a, b) => a + b, 0);
    clear(stats);
    append(stats, [
      h('li', {}, h('b', {}, String(nodes)), ' entities'),
      h('li', {}, h('b', {}, String(rels)), ' relations'),
      h('li', {}, h('b', {}, String(s.articles)), ' articles'),
      s.dateRange.from ? h('li', {}, `${formatDate(s.dateRange.from)} – ${formatDate(s.dateRange.to)}`) : null,
    ]);
    const recent = [...ev.events].filter((e) => e.date).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')).slice(0, 5);
    clear(box);
    for (const e of recent)
      box.append(
        h(
          'li',
          {},
          h('button', { type: 'button', class: 'chip', onclick: () => open(e.id) }, h('span', { class: 'chip-date' }, formatDate(e.date)), e.name),
        ),
      );
  } catch (error) {
    clear(box);
    box.append(h('li', { class: 'error-text', role: 'alert' }, `The graph could not be reached: ${(error as Error).message}`));
  }
}
