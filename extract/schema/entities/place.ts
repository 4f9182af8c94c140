import { z } from 'zod';
import { PLACE_KINDS } from '../entity-types.ts';
import { entityBaseShape } from './base.ts';

/** A country, province, city, border gate, economic zone, bridge, railway line... */
export const PlaceRecord = z.object({ ...entityBaseShape, kind: z.enum(PLACE_KINDS) }).strict();
export type PlaceRecord = z.infer<typeof PlaceRecord>;
