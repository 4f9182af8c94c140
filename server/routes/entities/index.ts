import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { entityById } from '../../graph/queries/entity.ts';
import { neighborsOf } from '../../graph/queries/neighbors.ts';
import { notFound } from '../../errors.ts';
import { EntityDetail, NeighborsResponse } from '../../schemas/api.ts';
import { errorResponses } from '../../schemas/errors.ts';
import { EntityParams, NeighborsQuery } from '../../schemas/query.ts';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/entities/:id',
    {
      schema: {
        summary: 'One entity',
        description: 'Its attributes, aliases by language, the positions it held (with the date of the article that says so) and its relation counts.',
        tags: ['entities'],
        params: EntityParams,
        response: { 200: EntityDetail, ...errorResponses('INVALID_PARAMETER', 'NOT_FOUND', 'NEO4J_UNAVAILABLE', 'QUERY_TIMEOUT') },
      },
    },
    async (request) => {
      const detail = await app.graph.run(entityById(app.graph.dataset, request.params.id));
      if (!detail) throw notFound('entity with the id', request.params.id);
      return detail;
    },
  );

  app.get(
    '/entities/:id/neighbors',
    {
      schema: {
        summary: 'The neighbourhood of an entity',
        description:
          'Breadth-first up to `depth` hops, as nodes and edges; the entity comes first. Filters apply to every hop; `truncated` says when `limit` cut it short.',
        tags: ['graph'],
        params: EntityParams,
        querystring: NeighborsQuery,
        response: { 200: NeighborsResponse, ...errorResponses('INVALID_PARAMETER', 'NOT_FOUND', 'NEO4J_UNAVAILABLE', 'QUERY_TIMEOUT') },
      },
    },
    async (request) => {
      const { depth, limit, ...filters } = request.query;
      const graph = await app.graph.run(neighborsOf(app.graph.dataset, request.params.id, depth, filters, limit));
      if (!graph) throw notFound('entity with the id', request.params.id);
      return graph;
    },
  );
};
export default routes;
