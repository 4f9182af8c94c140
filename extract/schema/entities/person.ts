import { z } from 'zod';
import { entityBaseShape } from './base.ts';

/** A person, named or known only by office (`unnamed: true`). Offices are HOLDS_POSITION relations. */
export const PersonRecord = z.object({ ...entityBaseShape }).strict();
export type PersonRecord = z.infer<typeof PersonRecord>;
