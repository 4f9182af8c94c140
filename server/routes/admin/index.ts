import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Driver } from 'neo4j-driver';
import { z } from 'zod';
import { compileCorpus } from '../../../extract/compile.ts';
import { CurationCheckError, formatProblem } from '../../../extract/problems.ts';
import type { CompiledGraph } from '../../../extract/schema/compiled.ts';
import type { Config } from '../../config.ts';
import { ApiError, fromDriverError } from '../../errors.ts';
import { DatasetBusyError } from '../../graph/load/errors.ts';
import { loadGraph } from '../../graph/load/load-graph.ts';
import { errorResponses } from '../../schemas/errors.ts';

/**
 * Admin routes, registered only when ADMIN_TOKEN is set; every one requires
 * `Authorization: Bearer <ADMIN_TOKEN>` (401 without it, 403 with another token).
 */
export interface AdminOptions {
  config: Config;
  driver: Driver;
  /** What a reload compiles; the curated corpus by default (tests pass their own). */
  compile?: () => Promise<CompiledGraph>;
}

const Counts = z.object({ nodes: z.record(z.string(), z.number()), relationships: z.record(z.string(), z.number()), articles: z.number() });
const ReloadResponse = z
  .object({
    dataset: z.string(),
    generation: z.string().meta({ description: 'the generation now served' }),
    previous: z.string().nullable().meta({ description: 'the generation it replaced' }),
    loadedAt: z.string(),
    counts: Counts,
    changes: z.object({
      added: z.number().meta({ description: 'elements (articles, nodes, relationships) not in the previous generation' }),
      removed: z.number(),
      changed: z.number(),
    }),
    durationMs: z.number(),
  })
  .meta({ id: 'ReloadResponse' });

const errors = errorResponses('UNAUTHORIZED', 'FORBIDDEN', 'RELOAD_IN_PROGRESS', 'CURATION_INVALID', 'NEO4J_UNAVAILABLE');

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** The cause chain's driver error, as the catalogue's 503, if there is one. */
function unavailable(error: unknown, timeoutMs: number): ApiError | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const mapped = fromDriverError(e, timeoutMs);
    if (mapped) return mapped;
  }
  return undefined;
}

const routes: FastifyPluginAsyncZod<AdminOptions> = async (app, { config, driver, compile = () => compileCorpus() }) => {
  const token = config.ADMIN_TOKEN;
  if (!token) return;
  const expected = digest(token);

  /** Compares digests of equal length, so the time taken says nothing about the token. */
  const authorize = async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([^\s]+)$/i.exec(header.trim()) : null;
    if (!match?.[1]) {
      reply.header('www-authenticate', 'Bearer realm="admin"');
      throw new ApiError('UNAUTHORIZED', 'this admin route needs an `Authorization: Bearer <token>` header', { scheme: 'Bearer' });
    }
    if (!timingSafeEqual(digest(match[1]), expected)) throw new ApiError('FORBIDDEN', 'the bearer token is not valid for the admin routes');
  };

  let reloading = false;

  app.post(
    '/admin/reload',
    {
      onRequest: authorize,
      schema: {
        summary: 'Recompile the curation and load it as a new generation of the served dataset',
        description:
          'Checks and compiles the curated corpus, writes it beside the served generation and flips to it in one transaction; ' +
          'readers see the old graph or the new one, never half of one. Any failure leaves the served graph as it was.',
        tags: ['admin'],
        response: { 200: ReloadResponse, ...errors },
      },
    },
    async (request) => {
      if (reloading) throw new ApiError('RELOAD_IN_PROGRESS', 'a reload is already running in this process; try again when it is done');
      reloading = true;
      try {
        let graph: CompiledGraph;
        try {
          graph = await compile();
        } catch (error) {
          if (!(error instanceof CurationCheckError)) throw error;
          throw new ApiError('CURATION_INVALID', `the curation has ${error.problems.length} problem(s); nothing was loaded`, {
            problems: error.problems.slice(0, 50).map(formatProblem),
          });
        }
        const result = await loadGraph(driver, config.NEO4J_DATABASE, config.GRAPH_DATASET, graph, {
          log: (line) => request.log.info(line),
        });
        const types = [result.diff.articles, ...Object.values(result.diff.nodes), ...Object.values(result.diff.relationships)];
        const sum = (key: 'added' | 'removed' | 'changed') => types.reduce((total, t) => total + t[key], 0);
        request.log.info({ dataset: result.dataset, generation: result.generation, counts: result.counts }, 'reloaded');
        return {
          dataset: result.dataset,
          generation: result.generation,
          previous: result.previous,
          loadedAt: result.loadedAt,
          counts: result.counts,
          changes: { added: sum('added'), removed: sum('removed'), changed: sum('changed') },
          durationMs: result.durationMs,
        };
      } catch (error) {
        if (error instanceof DatasetBusyError) throw new ApiError('RELOAD_IN_PROGRESS', error.message);
        throw unavailable(error, config.QUERY_TIMEOUT_MS) ?? error;
      } finally {
        reloading = false;
      }
    },
  );
};
export default routes;
