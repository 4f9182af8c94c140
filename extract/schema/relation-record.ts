import { z } from 'zod';
import { Evidence, Slug } from './common.ts';
import { RELATION_DECLARATIONS, RelationType } from './relation-types.ts';

/**
 * A curated relation. Its attributes are checked against RELATION_DECLARATIONS[type].attributes; its
 * id is derived: `TYPE:source->target`, plus `#qualifier` when the same pair holds the same relation
 * twice (two offices in one body, two meetings).
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
    const parsed = RELATION_DECLARATIONS[r.type].attributes.safeParse(r.attributes);
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
  return RELATION_DECLARATIONS[r.type].attributes.parse(r.attributes) as Record<string, unknown>;
}
