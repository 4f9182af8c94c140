import { z } from 'zod';
import { IsoDate } from '../common.ts';
import { AGREEMENT_KINDS } from '../entity-types.ts';
import { entityBaseShape } from './base.ts';

const { name: _name, ...rest } = entityBaseShape;

/**
 * A signed (or handed over) document. Its parties and signatories are SIGNED relations, the occasion a
 * SIGNED_AT relation; `date` is set only when an article dates the signing.
 */
export const AgreementRecord = z
  .object({
    ...rest,
    title: z.string().min(3),
    kind: z.enum(AGREEMENT_KINDS),
    date: IsoDate.optional(),
  })
  .strict();
export type AgreementRecord = z.infer<typeof AgreementRecord>;
