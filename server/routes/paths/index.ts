import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sameEntity } from '../../errors.ts';
import { shortestPaths } from '../../graph/queries/paths.ts';
import { PathResponse } from '../../schemas/api.ts';
import { errorResponses } from '../../schemas/errors.ts';
import { PathsQuery } from '../../schemas/query.ts';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/paths',
    {
      schema: {
        summary: 'How two entities are connected',
        description: 'All shortest paths (up to 25) of at most `maxHops` hops, as nodes and edges with their evidence; `paths` lists each in order.',
        tags: ['graph'],
        querystring: PathsQuery,
        response: { 200: PathResponse, ...errorResponses('INVALID_PARAMETER', 'NOT_FOUND', 'AMBIGUOUS_NAME', 'SAME_ENTITY', 'NEO4J_UNAVAILABLE', 'QUERY_TIMEOUT') },
      },
    },
    async (request) => {
      const { from, to, maxHops, relations } = request.query;
      const [a, b] = await Promise.all([app.graph.resolve('from', from), app.graph.resolve('to', to)]);
      if (a.id === b.id) throw sameEntity('from', 'to', a.id);
      return app.graph.run(shortestPaths(app.graph.dataset, a.id, b.id, maxHops, relations));
    },
  );
};
export default routes;
