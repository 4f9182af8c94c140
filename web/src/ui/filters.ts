import { ENTITY_TYPES, RELATION_TYPES } from '../api/domain.ts';
import type { ApiEdge, ApiNode, EntityType, RelationType } from '../api/types.ts';
import { monthIndex, monthOf } from '../graph/dates.ts';
import { countBy, timeline } from '../graph/model.ts';
import { TYPE_LOOK } from '../graph/style.ts';
import type { Filters } from '../state/state.ts';
import { formatDate, relationLabel } from '../util/labels.ts';
import { byId, clear, h } from './dom.ts';

export interface FilterHandlers {
  toggleType(type: EntityType): void;
  toggleRelation(type: RelationType): void;
  setRelations(hidden: RelationType[]): void;
  setDateRange(from: string | null, to: string | null): void;
  reset(): void;
}

/** Type and relation checkboxes, and the timeline slider over the events in view. */
export class FilterPanel {
  private readonly types = byId('filter-types');
  private readonly relations = byId('filter-relations');
  private readonly timelineEl = byId('timeline');
  private domain: { min: number; max: number } | null = null;

  constructor(private readonly handlers: FilterHandlers) {
    byId('filters-reset').addEventListener('click', () => handlers.reset());
  }

  render(filters: Filters, nodes: readonly ApiNode[], edges: readonly ApiEdge[]): void {
    this.renderTypes(filters, nodes);
    this.renderRelations(filters, edges);
    this.renderTimeline(filters, nodes, edges);
    byId('filters-reset').hidden =
      !filters.hiddenTypes.length && !filters.hiddenRelations.length && !filters.from && !filters.to;
  }

  private renderTypes(filters: Filters, nodes: readonly ApiNode[]): void {
    const counts = countBy(nodes);
    clear(this.types);
    for (const type of ENTITY_TYPES) {
      const look = TYPE_LOOK[type];
      const id = `type-${type}`;
      this.types.append(
        h(
          'li',
          { class: 'check' },
          h('input', {
            type: 'checkbox',
            id,
            checked: !filters.hiddenTypes.includes(type),
            'data-type': type,
            onchange: () => this.handlers.toggleType(type),
          }),
          h(
            'label',
            { for: id },
            h('span', { class: `type-dot shape-${look.shape}`, style: `--c:${look.color}`, 'aria-hidden': 'true' }),
            h('span', { class: 'check-label' }, type),
            h('span', { class: 'count', 'aria-label': `${counts.get(type) ?? 0} loaded` }, String(counts.get(type) ?? 0)),
          ),
        ),
      );
    }
  }

  private renderRelations(filters: Filters, edges: readonly ApiEdge[]): void {
    const counts = countBy(edges);
    const shown = RELATION_TYPES.filter((t) => counts.has(t) || filters.hiddenRelations.includes(t));
    clear(this.relations);
    if (!shown.length) {
      this.relations.append(h('li', { class: 'muted' }, 'No relations loaded yet.'));
      return;
    }
    this.relations.append(
      h(
        'li',
        { class: 'check-all' },
        h('button', { type: 'button', class: 'link-button', onclick: () => this.handlers.setRelations([]) }, 'All'),
        h('button', { type: 'button', class: 'link-button', onclick: () => this.handlers.setRelations([...shown]) }, 'None'),
      ),
    );
    for (const type of shown) {
      const id = `rel-${type}`;
      this.relations.append(
        h(
          'li',
          { class: 'check' },
          h('input', {
            type: 'checkbox',
            id,
            checked: !filters.hiddenRelations.includes(type),
            'data-relation': type,
            onchange: () => this.handlers.toggleRelation(type),
          }),
          h('label', { for: id }, h('span', { class: 'check-label' }, relationLabel(type)), h('span', { class: 'count' }, String(counts.get(type) ?? 0))),
        ),
      );
    }
  }

  private renderTimeline(filters: Filters, nodes: readonly ApiNode[], edges: readonly ApiEdge[]): void {
    const t = timeline(nodes, edges);
    clear(this.timelineEl);
    let min = t?.min;
    let max = t?.max;
    const fromM = filters.from ? monthIndex(filters.from) : null;
    const toM = filters.to ? monthIndex(filters.to) : null;
    for (const m of [fromM, toM]) {
      if (m === null || !Number.isFinite(m)) continue;
      min = min === undefined ? m : Math.min(min, m);
      max = max === undefined ? m : Math.max(max, m);
    }
    if (min === undefined || max === undefined) {
      this.timelineEl.append(h('p', { class: 'muted' }, 'No dated events in view.'));
      this.domain = null;
      return;
    }
    // Pad a single month so the slider has room to move.
    if (max - min < 2) {
      min -= 1;
      max += 1;
    }
    this.domain = { min, max };
    const lo = fromM ?? min;
    const hi = toM ?? max;
    const buckets = new Map((t?.buckets ?? []).map((b) => [b.month, b.count]));
    const peak = Math.max(1, ...buckets.values());
    const width = 100 / (max - min + 1);
    const histogram = h('div', { class: 'histogram', 'aria-hidden': 'true' });
    for (let m = min; m <= max; m++) {
      const count = buckets.get(m) ?? 0;
      const bar = h('span', {
        class: m >= lo && m <= hi ? 'bar in' : 'bar',
        style: `left:${(m - min) * width}%;width:${width}%;height:${count ? 12 + (88 * count) / peak : 0}%`,
        title: `${formatDate(monthOf(m))}: ${count}`,
      });
      histogram.append(bar);
    }
    const range = (which: 'from' | 'to', value: number) =>
      h('input', {
        type: 'range',
        class: `range range-${which}`,
        min,
        max,
        step: 1,
        value,
        'aria-label': which === 'from' ? 'Timeline start' : 'Timeline end',
        'aria-valuetext': formatDate(monthOf(value)),
        'data-range': which,
      });
    const fromInput = range('from', lo);
    const toInput = range('to', hi);
    const readout = h('div', { class: 'range-readout', 'aria-live': 'polite' });
    const update = (commit: boolean) => {
      let a = Number(fromInput.value);
      let b = Number(toInput.value);
      if (a > b) [a, b] = [b, a];
      readout.textContent = `${formatDate(monthOf(a))} – ${formatDate(monthOf(b))}`;
      fromInput.setAttribute('aria-valuetext', formatDate(monthOf(Number(fromInput.value))));
      toInput.setAttribute('aria-valuetext', formatDate(monthOf(Number(toInput.value))));
      if (commit) this.handlers.setDateRange(a <= min ? null : monthOf(a), b >= max ? null : monthOf(b));
    };
    for (const input of [fromInput, toInput]) {
      input.addEventListener('input', () => update(false));
      input.addEventListener('change', () => update(true));
    }
    update(false);
    this.timelineEl.append(
      histogram,
      h('div', { class: 'range-pair' }, fromInput, toInput),
      h('div', { class: 'range-axis', 'aria-hidden': 'true' }, h('span', {}, formatDate(monthOf(min))), h('span', {}, formatDate(monthOf(max)))),
      readout,
      this.dateInputs(filters),
    );
  }

  /** Exact dates, for a range finer than a month and for keyboard users. */
  private dateInputs(filters: Filters): HTMLElement {
    const field = (which: 'from' | 'to', value: string | null) =>
      h('input', {
        type: 'text',
        inputmode: 'numeric',
        class: 'date-input',
        placeholder: 'YYYY-MM-DD',
        title: which === 'from' ? 'From (YYYY, YYYY-MM or YYYY-MM-DD)' : 'To (YYYY, YYYY-MM or YYYY-MM-DD)',
        value: value ?? '',
        pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?',
        'aria-label': which === 'from' ? 'From date (YYYY, YYYY-MM or YYYY-MM-DD)' : 'To date (YYYY, YYYY-MM or YYYY-MM-DD)',
        'data-date': which,
      });
    const from = field('from', filters.from);
    const to = field('to', filters.to);
    const apply = () => {
      const ok = (v: string) => v === '' || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v);
      const a = from.value.trim();
      const b = to.value.trim();
      from.setAttribute('aria-invalid', ok(a) ? 'false' : 'true');
      to.setAttribute('aria-invalid', ok(b) ? 'false' : 'true');
      if (ok(a) && ok(b)) this.handlers.setDateRange(a || null, b || null);
    };
    for (const input of [from, to])
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') apply();
      });
    return h('form', { class: 'date-inputs', onsubmit: (e: Event) => (e.preventDefault(), apply()) }, from, h('span', { 'aria-hidden': 'true' }, '–'), to, h('button', { type: 'submit', class: 'small' }, 'Apply'));
  }
}
