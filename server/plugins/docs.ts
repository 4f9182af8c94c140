import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { API_PREFIX } from '../routes/index.ts';

type Operation = { parameters?: { in: string; schema?: { type?: unknown }; style?: string; explode?: boolean }[] };

/**
 * A list parameter is sent as `a,b` (`style: form, explode: false`); the validators take the
 * parameter repeated too (schemas/query.ts, commaList).
 */
function commaLists(document: ReturnType<typeof jsonSchemaTransformObject>) {
  const paths = (document.paths ?? {}) as Record<string, Record<string, Operation>>;
  for (const operation of Object.values(paths).flatMap((path) => Object.values(path))) {
    for (const parameter of operation.parameters ?? []) {
      if (parameter.in === 'query' && parameter.schema?.type === 'array') Object.assign(parameter, { style: 'form', explode: false });
    }
  }
  return document;
}

/**
 * The OpenAPI document, generated from the zod schemas that validate the requests, and a browsable
 * UI. Named schemas (zod `.meta({ id })`) become `components.schemas` and are referenced by `$ref`.
 */
async function docsPlugin(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Vietnam – China provinces cooperation graph: read API',
        description:
          'Who met whom, which agreements were signed, and how the parties are tied, from Vietnamese, Dutch and German news articles. Every edge carries verbatim evidence quotes. Errors are `{ error, message, details }`.',
        version: '1.0.0',
      },
      tags: [
        { name: 'entities', description: 'people, places, organizations, agreements and events' },
        { name: 'graph', description: 'neighbourhoods and paths as Cytoscape-ready nodes and edges' },
        { name: 'people', description: 'who met whom' },
        { name: 'events', description: 'timelines' },
        { name: 'dossier', description: 'the history of the cooperation of two parties' },
        { name: 'sources', description: 'the articles and what they support' },
        { name: 'meta', description: 'health, readiness and statistics' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => commaLists(jsonSchemaTransformObject(input)),
  });
  await app.register(swaggerUi, { routePrefix: `${API_PREFIX}/docs`, staticCSP: true });

  const document = () => app.swagger();
  app.get(`${API_PREFIX}/openapi.json`, { schema: { hide: true } }, async () => document());
  app.get('/openapi.json', { schema: { hide: true } }, async () => document());
  app.get('/docs', { schema: { hide: true } }, async (_request, reply) => reply.redirect(`${API_PREFIX}/docs`));
}

export default fp(docsPlugin, { name: 'docs' });
