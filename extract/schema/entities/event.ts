import { z } from 'zod';
import { IsoDate } from '../common.ts';
import { EVENT_KINDS } from '../entity-types.ts';
import { entityBaseShape } from './base.ts';

/** A conference, meeting, visit, ceremony or forum; venue, host and participants are relations. */
export const EventRecord = z
  .object({
    ...entityBaseShape,
    kind: z.enum(EVENT_KINDS),
    /** the (first) day, or the month or year when that is all an article gives */
    date: IsoDate.optional(),
    /** the last day of an event that spans several days */
    endDate: IsoDate.optional(),
    /** the edition of a recurring event: 9 for the 9th conference */
    ordinal: z.number().int().positive().optional(),
  })
  .strict()
  .refine((e) => e.endDate === undefined || (e.date !== undefined && e.endDate >= e.date), {
    message: 'endDate needs a date and must not be before it',
    path: ['endDate'],
  });
export type EventRecord = z.infer<typeof EventRecord>;
