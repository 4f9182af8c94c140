import { z } from 'zod';
import { commaList, LIMITS, listedEntity, NeighborsQuery } from '../schemas/query.ts';
import { EXPORT_FORMATS, FORMATS } from './index.ts';

/** The most entities one export starts from. */
export const MAX_EXPORT_IDS = LIMITS.exportIds;

/** What selects an export, for the route and the command line alike: the neighbours route's filters, several ids, a format. */
export const ExportQuery = NeighborsQuery.omit({ limit: true }).extend({
  ids: commaList(z.array(listedEntity).min(1, 'give at least one id').max(MAX_EXPORT_IDS, `at most ${MAX_EXPORT_IDS} ids`))
    .meta({ description: 'comma-separated entities the subgraph starts from: ids, or names in any spelling or language' }),
  format: z
    .enum(EXPORT_FORMATS)
    .default('json')
    .meta({ description: EXPORT_FORMATS.map((f) => `${f}: ${FORMATS[f].description}`).join('; ') }),
});
export type ExportQuery = z.infer<typeof ExportQuery>;
