import type { FigureFact } from '../../schemas/api.ts';
import { REF, evidenceOf, toRef, type Row } from './elements.ts';

/**
 * Figures (a trade value, a share, a rank) as the entity panel and the dossier list them: each with
 * the role it gives the entity asked about, every party it measures, and the quotes that state it.
 */

/** The figure's own properties, without what the store keeps for itself. */
const FIGURE_MAP = (f: string) => `${f} {.*, graph: null, searchNames: null, articleIds: null, aliasNames: null, aliasLangs: null}`;

/** Cypher that, for a figure bound to `f`, lists every party it measures as `measured`. */
const MEASURED = (f: string) => `CALL (${f}) {
    MATCH (${f})-[each:MEASURES]->(o:Entity)
    RETURN collect({o: ${REF('o')}, role: each.role}) AS measured
  }`;

/** Cypher that collects, for an entity bound to `n`, the figures that measure it, as `figures`. */
export const FIGURES_MEASURING = (n: string) => `CALL (${n}) {
  MATCH (f:Figure)-[m:MEASURES]->(${n})
  ${MEASURED('f')}
  RETURN collect({f: ${FIGURE_MAP('f')}, roles: [m.role], measured: measured}) AS figures
}`;

/**
 * Whether a figure's period bound to `f` overlaps the [$from, $to] window, compared at the coarser
 * precision as DATE_WITHIN does; a range counts from its start to its end, a figure without one passes.
 */
const PERIOD_WITHIN = (f: string) => `(${f}.period IS NULL OR (
    ($from IS NULL OR last(split(${f}.period, '/')) >= left($from, size(last(split(${f}.period, '/')))))
    AND ($to IS NULL OR left(split(${f}.period, '/')[0], size($to)) <= $to)))`;

/** Cypher that collects the figures measuring a member of each side (lists bound to `a` and `b`), as `figures`. */
export const FIGURES_BETWEEN = (a: string, b: string) => `CALL (${a}, ${b}) {
  UNWIND ${a} AS x
  MATCH (f:Figure)-[m:MEASURES]->(x)
  WHERE ${PERIOD_WITHIN('f')}
  WITH f, collect(m.role) AS roles
  WHERE EXISTS { MATCH (f)-[:MEASURES]->(y:Entity) WHERE y IN ${b} }
  ${MEASURED('f')}
  RETURN collect({f: ${FIGURE_MAP('f')}, roles: roles, measured: measured}) AS figures
}`;

const ROLE_ORDER: readonly FigureFact['role'][] = ['subject', 'counterpart', 'scope'];
const roleOf = (roles: unknown): FigureFact['role'] => ROLE_ORDER.find((r) => (roles as string[]).includes(r)) ?? 'scope';

/** A figure row as FIGURES_MEASURING and FIGURES_BETWEEN give it (`{f, roles, measured}`). */
export function figureFrom(row: Row): FigureFact {
  const f = row.f as Row;
  const figure: FigureFact = {
    id: String(f.id),
    name: String(f.name),
    measure: f.measure as FigureFact['measure'],
    unit: String(f.unit),
    qualifier: (f.qualifier as FigureFact['qualifier'] | undefined) ?? 'exact',
    role: roleOf(row.roles),
    measures: (row.measured as Row[]).map((m) => ({ ...toRef(m.o as Row), role: m.role as FigureFact['role'] })).sort((x, y) => x.id.localeCompare(y.id)),
    evidence: evidenceOf(f.evidence),
  };
  if (typeof f.value === 'number') figure.value = f.value;
  if (typeof f.period === 'string') figure.period = f.period;
  if (typeof f.changeValue === 'number' && typeof f.changeUnit === 'string') {
    figure.change = { value: f.changeValue, unit: f.changeUnit };
    if (typeof f.changeBasis === 'string') figure.change.basis = f.changeBasis;
  }
  if (typeof f.rank === 'number') figure.rank = f.rank;
  if (typeof f.scope === 'string') figure.scope = f.scope;
  return figure;
}

/** Figures in reading order: whose they are first, then the newest period, then by name. */
export function figuresFrom(rows: Row[]): FigureFact[] {
  return rows
    .map(figureFrom)
    .sort(
      (a, b) =>
        ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
        (b.period ?? '').localeCompare(a.period ?? '') ||
        a.name.localeCompare(b.name),
    );
}
