import type { FastifyInstance, HTTPMethods } from 'fastify';
import { ApiError } from '../errors.ts';

/**
 * A known path asked with a method it does not take answers 405 with `Allow` (RFC 9110), not 404.
 * Watches the routes as they are declared; the returned function, called after the last route,
 * declares the other methods of each path. OPTIONS stays with CORS, whose preflight answers it on every path.
 */
export function methodNotAllowed(app: FastifyInstance): () => void {
  const methodsByPath = new Map<string, Set<string>>();
  let closed = false;
  app.addHook('onRoute', (route) => {
    // `*` alone is a catch-all (CORS's preflight), not a path.
    if (closed || route.url === '*' || route.url === '/*') return;
    const methods = methodsByPath.get(route.url) ?? new Set<string>();
    for (const method of [route.method].flat()) methods.add(method);
    // Fastify answers HEAD for every GET.
    if (methods.has('GET')) methods.add('HEAD');
    methodsByPath.set(route.url, methods);
  });

  return () => {
    closed = true;
    for (const [url, methods] of methodsByPath) {
      const others = app.supportedMethods.filter((m) => !methods.has(m) && m !== 'OPTIONS') as HTTPMethods[];
      if (others.length === 0) continue;
      const allowed = [...methods].sort();
      app.route({
        method: others,
        url,
        exposeHeadRoute: false,
        schema: { hide: true },
        // Before the body is read: a QUERY without Content-Type gets the 405 too.
        onRequest: async (request, reply) => {
          reply.header('allow', allowed.join(', '));
          throw new ApiError('METHOD_NOT_ALLOWED', `${request.method} is not a method of ${url}; it takes ${allowed.join(', ')}`, { method: request.method, allowed });
        },
        handler: async () => undefined,
      });
    }
  };
}
