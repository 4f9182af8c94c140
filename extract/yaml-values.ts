import { ENTITY_DECLARATIONS, ENTITY_TYPES } from './schema/entity-types.ts';
import { dateKeys } from './schema/properties.ts';
import { RELATION_DECLARATIONS, RELATION_TYPES } from './schema/relation-types.ts';

/** Keys whose values are ISO dates: YAML reads an unquoted `2025` as a number, the schema wants text. */
const DATE_KEYS = new Set([
  'published',
  ...ENTITY_TYPES.flatMap((type) => dateKeys(ENTITY_DECLARATIONS[type].properties)),
  ...RELATION_TYPES.flatMap((type) => dateKeys(RELATION_DECLARATIONS[type].attributes)),
]);

/** A copy of parsed YAML in which numbers under date keys are strings again (2025 → "2025"). */
export function datesAsText(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(datesAsText);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = DATE_KEYS.has(k) && typeof v === 'number' ? String(v) : datesAsText(v);
    }
    return out;
  }
  return value;
}
