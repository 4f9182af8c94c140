import type { FastifyPluginAsync } from 'fastify';
import dossier from './dossier/index.ts';
import entities from './entities/index.ts';
import events from './events/index.ts';
import health from './health/index.ts';
import meetings from './meetings/index.ts';
import paths from './paths/index.ts';
import search from './search/index.ts';
import sources from './sources/index.ts';
import stats from './stats/index.ts';

export const API_PREFIX = '/api/v1';

/** Every route of the read API, under its base path. */
export const apiRoutes: FastifyPluginAsync = async (app) => {
  for (const routes of [health, search, entities, meetings, paths, events, dossier, sources, stats]) await app.register(routes);
};
