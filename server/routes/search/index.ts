import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { searchEntities } from '../../graph/queries/search.ts';
import { SearchResponse } from '../../schemas/api.ts';
import { errorResponses } from '../../schemas/errors.ts';
import { SearchQuery } from '../../schemas/query.ts';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search',
    {
      schema: {
        summary: 'Find entities by name or alias',
        description: 'Case- and diacritic-insensitive over names and aliases in every language; each word may be a prefix.',
        tags: ['entities'],
        querystring: SearchQuery,
        response: { 200: SearchResponse, ...errorResponses('INVALID_PARAMETER', 'NEO4J_UNAVAILABLE', 'QUERY_TIMEOUT') },
      },
    },
    async (request) => {
      const { q, types, limit } = request.query;
      return { results: await app.graph.run(searchEntities(app.graph.dataset, q, types ?? [], limit)) };
    },
  );
};
export default routes;
