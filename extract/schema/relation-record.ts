import { z } from 'zod';
import { Evidence, RelationType, Slug } from './common.ts';
import { declaredObject, declaredShape } from './property-schemas.ts';
import { RELATION_DECLARATIONS, RELATION_TYPES } from './relation-types.ts';

/** The attributes of each relation type, as its declaration lists them. */
const ATTRIBUTES = Object.fromEntries(
  RELATION_TYPES.map((type) => {
    const { attributes } = RELATION_DECLARATIONS[type];
    return [type, declaredObject(declaredShape(attributes), attributes)];
  }),
) as Record<RelationType, z.ZodType<Record<string, unknown>, unknown>>;

/**
 * A curated relation. Its attributes are checked against its type's declaration; its id is derived:
 * `TYPE:source->target`, plus `#qualifier` when the same pair holds the same relation twice (two
 * offices in one body, two meetings).
 */
export const RelationRecord = z
  .object({
    type: RelationType,
    source: Slug,
    target: Slug,
    qualifier: Slug.optional(),
    attributes: z.record(z.string(), z.unknown()).default({}),
    note: z.string().min(3).optional(),
    evidence: z.array(Evidence).min(1, 'a relation needs at least one evidence entry'),
  })
  .strict()
  .superRefine((r, ctx) => {
    const parsed = ATTRIBUTES[r.type].safeParse(r.attributes);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: 'custom', message: issue.message, path: ['attributes', ...issue.path.map(String)] });
      }
    }
  });
export type RelationRecord = z.infer<typeof RelationRecord>;

export function relationId(r: Pick<RelationRecord, 'type' | 'source' | 'target' | 'qualifier'>): string {
  return `${r.type}:${r.source}->${r.target}${r.qualifier ? `#${r.qualifier}` : ''}`;
}

/** The attributes of a relation after its declaration's parse (defaults applied, e.g. SIGNED role). */
export function relationAttributes(r: RelationRecord): Record<string, unknown> {
  return ATTRIBUTES[r.type].parse(r.attributes);
}
