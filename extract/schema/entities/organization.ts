import { z } from 'zod';
import { ORGANIZATION_KINDS } from '../entity-types.ts';
import { entityBaseShape } from './base.ts';

/** A ministry, party committee, people's committee, consulate, company, university or standing mechanism. */
export const OrganizationRecord = z.object({ ...entityBaseShape, kind: z.enum(ORGANIZATION_KINDS) }).strict();
export type OrganizationRecord = z.infer<typeof OrganizationRecord>;
