import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { timeline } from '../../graph/queries/events.ts';
import { EventsResponse } from '../../schemas/api.ts';
import { errorResponses } from '../../schemas/errors.ts';
import { EventsQuery } from '../../schemas/query.ts';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/events',
    {
      schema: {
        summary: 'A timeline of events',
        description: 'Events sorted by date (undated last), with their place, participants and quotes.',
        tags: ['events'],
        querystring: EventsQuery,
        response: { 200: EventsResponse, ...errorResponses('INVALID_PARAMETER', 'NOT_FOUND', 'AMBIGUOUS_NAME', 'NEO4J_UNAVAILABLE', 'QUERY_TIMEOUT') },
      },
    },
    async (request) => {
      const { from, to, place, type, participant, limit } = request.query;
      const [where, who] = await Promise.all([
        place === undefined ? undefined : app.graph.resolve('place', place, ['Place', 'Organization']),
        participant === undefined ? undefined : app.graph.resolve('participant', participant),
      ]);
      const events = await app.graph.run(timeline(app.graph.dataset, { from, to, kinds: type, place: where?.id, participant: who?.id }, limit));
      return { events };
    },
  );
};
export default routes;
