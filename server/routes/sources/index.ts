import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../errors.ts';
import { listSources, sourceById } from '../../graph/queries/sources.ts';
import { SourceDetail, SourcesResponse } from '../../schemas/api.ts';
import { errorResponses } from '../../schemas/errors.ts';
import { SourceParams, SourcesQuery } from '../../schemas/query.ts';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/sources',
    {
      schema: {
        summary: 'The articles the graph is built from',
        description: 'Article metadata, newest first, with how many facts (relationships) each supports.',
        tags: ['sources'],
        querystring: SourcesQuery,
        response: { 200: SourcesResponse, ...errorResponses('INVALID_PARAMETER', 'NEO4J_UNAVAILABLE', 'QUERY_TIMEOUT') },
      },
    },
    async (request) => ({ sources: await app.graph.run(listSources(app.graph.dataset, request.query.language, request.query.limit)) }),
  );

  app.get(
    '/sources/:id',
    {
      schema: {
        summary: 'One article and the facts it supports',
        description: 'The article with its text, and the nodes and edges it supports; each edge carries only this article\u2019s quotes.',
        tags: ['sources'],
        params: SourceParams,
        response: { 200: SourceDetail, ...errorResponses('INVALID_PARAMETER', 'NOT_FOUND', 'NEO4J_UNAVAILABLE', 'QUERY_TIMEOUT') },
      },
    },
    async (request) => {
      const source = await app.graph.run(sourceById(app.graph.dataset, request.params.id));
      if (!source) throw notFound('article with the id', request.params.id);
      return source;
    },
  );
};
export default routes;
