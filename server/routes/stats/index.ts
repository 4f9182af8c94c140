import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError } from '../../errors.ts';
import { graphStats } from '../../graph/queries/status.ts';
import { StatsResponse } from '../../schemas/api.ts';
import { errorResponses } from '../../schemas/errors.ts';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stats',
    {
      schema: {
        summary: 'What the graph holds',
        description: 'Counts by label and relationship type, the dates covered and the time of the last load.',
        tags: ['meta'],
        response: { 200: StatsResponse, ...errorResponses('NEO4J_UNAVAILABLE', 'QUERY_TIMEOUT', 'DATASET_NOT_LOADED') },
      },
    },
    async () => {
      const stats = await app.graph.run(graphStats(app.graph.dataset));
      if (!stats) throw new ApiError('DATASET_NOT_LOADED', `the dataset ${JSON.stringify(app.graph.dataset)} has not been loaded yet`);
      return stats;
    },
  );
};
export default routes;
