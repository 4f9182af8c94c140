import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { invalidParameter, sameEntity } from '../../errors.ts';
import { dossierBetween, mechanismsOfEvents, peopleWithPositions } from '../../graph/queries/dossier.ts';
import { mergeEvidence } from '../../graph/queries/elements.ts';
import { DossierResponse } from '../../schemas/api.ts';
import { errorResponses } from '../../schemas/errors.ts';
import { DossierQuery } from '../../schemas/query.ts';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/dossier',
    {
      schema: {
        summary: 'The bilateral dossier of two parties',
        description:
          'For two provinces, a province and a ministry, or two countries: the events where both took part or were represented, the agreements between them with their signatories, the people who acted for each side with their positions, the mechanisms that tie them, and the figures that measure both (a trade value between them), each with its quotes. A side is the party, the places and bodies within it, and the people who held office in them or represented them.',
        tags: ['dossier'],
        querystring: DossierQuery,
        response: { 200: DossierResponse, ...errorResponses('INVALID_PARAMETER', 'NOT_FOUND', 'AMBIGUOUS_NAME', 'SAME_ENTITY', 'NEO4J_UNAVAILABLE', 'QUERY_TIMEOUT') },
      },
    },
    async (request) => {
      const { a, b, from, to } = request.query;
      const [partyA, partyB] = await Promise.all([app.graph.resolve('a', a), app.graph.resolve('b', b)]);
      if (partyA.id === partyB.id) throw sameEntity('a', 'b', partyA.id);
      const dataset = app.graph.dataset;
      const facts = await app.graph.run(dossierBetween(dataset, partyA.id, partyB.id, from, to));
      if (!facts) throw invalidParameter('a', 'the parties disappeared while the dossier was built; retry');
      const { response, actors } = facts;
      const [people, partOf] = await Promise.all([
        app.graph.run(peopleWithPositions(dataset, [...actors.keys()])),
        app.graph.run(mechanismsOfEvents(dataset, response.events.map((e) => e.id))),
      ]);
      const mechanisms = new Map(response.mechanisms.map((m) => [m.id, m]));
      for (const m of partOf) {
        const known = mechanisms.get(m.id);
        if (known) {
          known.events = [...new Set([...known.events, ...m.events])];
          known.evidence = mergeEvidence(known.evidence, m.evidence);
        } else mechanisms.set(m.id, m);
      }
      return {
        ...response,
        mechanisms: [...mechanisms.values()].sort((x, y) => y.events.length - x.events.length || x.name.localeCompare(y.name)),
        people: people
          .flatMap(({ person, positions }) => {
            const actor = actors.get(person.id);
            return actor ? [{ person, side: actor.side, positions, actedIn: [...actor.actedIn] }] : [];
          })
          .sort((x, y) => x.side.localeCompare(y.side) || x.person.name.localeCompare(y.person.name)),
      };
    },
  );
};
export default routes;
