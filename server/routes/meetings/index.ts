import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { meetingsOf } from '../../graph/queries/meetings.ts';
import { MeetingsResponse } from '../../schemas/api.ts';
import { errorResponses } from '../../schemas/errors.ts';
import { MeetingsQuery } from '../../schemas/query.ts';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/meetings',
    {
      schema: {
        summary: 'Who met whom',
        description:
          'Every other person the person met, directly (MET) or as counterparts at the same event or signing, each with the event, how they met and the quotes. Sorted by date.',
        tags: ['people'],
        querystring: MeetingsQuery,
        response: { 200: MeetingsResponse, ...errorResponses('INVALID_PARAMETER', 'NOT_FOUND', 'AMBIGUOUS_NAME', 'NEO4J_UNAVAILABLE', 'QUERY_TIMEOUT') },
      },
    },
    async (request) => {
      const { person, with: other, place, from, to } = request.query;
      const [who, counterpart, where] = await Promise.all([
        app.graph.resolve('person', person, ['Person']),
        other === undefined ? undefined : app.graph.resolve('with', other, ['Person']),
        place === undefined ? undefined : app.graph.resolve('place', place, ['Place', 'Organization']),
      ]);
      const { meetings, truncated } = await app.graph.run(meetingsOf(app.graph.dataset, who.id, { with: counterpart?.id, place: where?.id, from, to }));
      const { id, type, name, kind } = who;
      return { person: { id, type, name, ...(kind ? { kind } : {}) }, meetings, truncated };
    },
  );
};
export default routes;
