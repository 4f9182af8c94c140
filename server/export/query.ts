import { z } from 'zod';
import { LIMITS, NeighborsQuery } from '../schemas/query.ts';
import { EXPORT_FORMATS, FORMATS } from './index.ts';

/** The most entities one export starts from. */
export const MAX_EXPORT_IDS = 50;

/** What selects an export, for the route and the command line alike: the neighbours route's filters, several ids, a format. */
export const ExportQuery = NeighborsQuery.omit({ limit: true }).extend({
  ids: z
    .string()
    .max(LIMITS.refLength * MAX_EXPORT_IDS)
    .transform((s) => s.split(',').map((v) => v.trim()).filter((v) => v !== ''))
    .pipe(z.array(z.string().max(LIMITS.refLength)).min(1, 'give at least one id').max(MAX_EXPORT_IDS, `at most ${MAX_EXPORT_IDS} ids`))
    .meta({ description: 'comma-separated entities the subgraph starts from: ids, or names in any spelling or language' }),
  format: z
    .enum(EXPORT_FORMATS)
    .default('json')
    .meta({ description: EXPORT_FORMATS.map((f) => `${f}: ${FORMATS[f].description}`).join('; ') }),
});
export type ExportQuery = z.infer<typeof ExportQuery>;
