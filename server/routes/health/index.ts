import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError } from '../../errors.ts';
import { datasetStatus } from '../../graph/queries/status.ts';
import { HealthResponse, ReadyResponse } from '../../schemas/api.ts';
import { errorResponses } from '../../schemas/errors.ts';

/** The probes' paths, served under the API's base path and at the root alike. */
export const PROBE_PATHS = ['/health', '/ready'] as const;

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: { summary: 'The process is up', tags: ['meta'], response: { 200: HealthResponse } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      schema: {
        summary: 'Neo4j answers and the dataset is loaded',
        tags: ['meta'],
        response: { 200: ReadyResponse, ...errorResponses('NEO4J_UNAVAILABLE', 'QUERY_TIMEOUT', 'DATASET_NOT_LOADED') },
      },
    },
    async () => {
      const status = await app.graph.run(datasetStatus(app.graph.dataset));
      if (!status.loaded) throw new ApiError('DATASET_NOT_LOADED', `the dataset ${JSON.stringify(app.graph.dataset)} has not been loaded yet`);
      return { status: 'ready' as const, dataset: app.graph.dataset, loadedAt: status.loadedAt };
    },
  );
};
export default routes;
