import type { FastifyPluginAsync } from 'fastify';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.ts';
import admin from './admin/index.ts';
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

export interface ApiRoutesOptions {
  /** With ADMIN_TOKEN set, the admin routes (which write) are registered too. */
  config?: Config;
  driver?: Driver;
}

/** Every route of the read API, under its base path; the admin routes only when a token is configured. */
export const apiRoutes: FastifyPluginAsync<ApiRoutesOptions> = async (app, { config, driver }) => {
  await app.register(health);
  // Their answers depend on the URL and the served generation only: the response cache may keep them.
  await app.register(async (reads) => {
    reads.addHook('onRoute', (route) => {
      route.config = { ...route.config, cacheable: true };
    });
    for (const routes of [search, entities, meetings, paths, events, dossier, sources, stats]) await reads.register(routes);
  });
  if (config?.ADMIN_TOKEN && driver) await app.register(admin, { config, driver });
};
