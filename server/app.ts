import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import helmet from 'helmet';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Driver } from 'neo4j-driver';
import type { Config } from './config.ts';
import { ApiError, clientErrorHandler, errorHandler, frameworkErrors } from './errors.ts';
import allowedHosts, { isLoopbackName } from './plugins/allowed-hosts.ts';
import concurrency from './plugins/concurrency.ts';
import docs from './plugins/docs.ts';
import graph from './plugins/graph.ts';
import responseCache from './plugins/response-cache.ts';
import { API_PREFIX, apiRoutes } from './routes/index.ts';
import { responseSerializer } from './schemas/serializer.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** An API route other than the probes: counted by the rate limit, held to the concurrency limit. */
    limited?: boolean;
  }
}

export interface AppOptions {
  config: Config;
  /** The app owns it from here: it closes when the app closes. */
  driver: Driver;
  /** Fastify's logger option; by default pino at LOG_LEVEL. */
  logger?: boolean | object;
  /** The built web UI (Vite's output); served at `/` when the folder exists. */
  webRoot?: string;
}

function corsOrigins(config: Config): string[] | false {
  const origins = config.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  return origins.length ? origins : false;
}

const PROBES = new Set([`${API_PREFIX}/health`, `${API_PREFIX}/ready`]);

/** Whether a route, by the path it was declared with, is `limited`: under the API's prefix and not a probe. */
function isLimited(url: string): boolean {
  return url.startsWith(`${API_PREFIX}/`) && !PROBES.has(url.replace(/\/$/, ''));
}

/**
 * The path as the router reads it. Decisions go by the matched route; only an unmatched request is
 * left with its URL, whose path may be spelled with percent-escapes (`/%61pi/v1/...`).
 */
function decodedPath(url: string): string {
  const path = url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * RATE_LIMIT_MAX requests per client address and window on the `limited` routes; the probes
 * (/health, /ready) and the web UI's files are not counted. Over the limit: 429 RATE_LIMITED with Retry-After.
 */
function rateLimitOptions(config: Config) {
  return {
    global: true,
    max: config.RATE_LIMIT_MAX,
    timeWindow: config.RATE_LIMIT_WINDOW_MS,
    allowList: (request: FastifyRequest) => request.routeOptions.config.limited !== true,
    errorResponseBuilder: (_request: unknown, context: { max: number; after: string; ttl: number }) =>
      new ApiError('RATE_LIMITED', `too many requests: at most ${context.max} per ${config.RATE_LIMIT_WINDOW_MS / 1000} s from one address; retry in ${context.after}`, {
        limit: context.max,
        windowMs: config.RATE_LIMIT_WINDOW_MS,
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      }),
  };
}

/** Wires the app: external plugins, then the graph, then the routes, then the web UI. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, driver } = options;
  const app = Fastify({
    logger: options.logger ?? { level: config.LOG_LEVEL },
    // A request still running when the server closes is answered; new ones get a 503.
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    bodyLimit: config.BODY_LIMIT,
    // A client must send its whole request within REQUEST_TIMEOUT_MS (slow-request protection): 408.
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    http: {
      requestTimeout: config.REQUEST_TIMEOUT_MS,
      headersTimeout: Math.min(60_000, config.REQUEST_TIMEOUT_MS),
      connectionsCheckingInterval: Math.min(30_000, Math.max(100, Math.floor(config.REQUEST_TIMEOUT_MS / 4))),
    },
    clientErrorHandler,
    frameworkErrors,
    trustProxy: config.TRUST_PROXY,
  }).withTypeProvider<ZodTypeProvider>();

  // Decided once per route from the path it was declared with: a request may spell that path otherwise.
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, limited: isLimited(route.url) };
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer);
  app.setErrorHandler(errorHandler);

  // Security headers on every answer. Helmet's middleware is built once here: the Fastify wrapper
  // builds it again for every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        // Cytoscape and the docs UI set inline styles; scripts stay same-origin.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        // No web fonts are used: none may come from elsewhere.
        'font-src': ["'self'"],
        // The server speaks plain HTTP unless a proxy in front adds TLS; upgrading would break the UI there.
        'upgrade-insecure-requests': null,
      },
    },
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
  if (isLoopbackName(config.HOST)) {
    const names = [config.HOST, ...config.ALLOWED_HOSTS.split(',').map((n) => n.trim()).filter((n) => n !== '')];
    await app.register(allowedHosts, { names });
  }
  await app.register(cors, { origin: corsOrigins(config), methods: ['GET', 'HEAD', 'OPTIONS'] });
  if (config.RATE_LIMIT_MAX > 0) await app.register(rateLimit, rateLimitOptions(config));
  await app.register(docs);
  await app.register(graph, { config, driver });
  if (config.RESPONSE_CACHE_MB > 0) await app.register(responseCache, { maxBytes: config.RESPONSE_CACHE_MB * 1024 * 1024 });
  // After the cache: an answer it holds takes no turn.
  if (config.API_MAX_CONCURRENCY > 0) {
    await app.register(concurrency, {
      max: config.API_MAX_CONCURRENCY,
      maxQueue: config.API_MAX_QUEUE,
      applies: (request) => request.routeOptions.config.limited === true,
    });
  }
  await app.register(apiRoutes, { prefix: API_PREFIX, config, driver });
  await app.register(import('./routes/export/index.ts'), { prefix: API_PREFIX, config });

  const webRoot = options.webRoot ? resolve(options.webRoot) : undefined;
  const serveWeb = webRoot !== undefined && existsSync(resolve(webRoot, 'index.html'));
  if (serveWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false });

  app.setNotFoundHandler((request, reply) => {
    const path = decodedPath(request.url);
    const isApi = path === API_PREFIX || path.startsWith(`${API_PREFIX}/`);
    if (serveWeb && request.method === 'GET' && !isApi) return reply.type('text/html').sendFile('index.html');
    throw new ApiError('ROUTE_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`, {
      method: request.method,
      docs: `${API_PREFIX}/docs`,
    });
  });

  return app;
}
