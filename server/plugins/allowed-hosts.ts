import { isIP } from 'node:net';
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors.ts';

/**
 * A server on loopback answers only requests addressed to a loopback name or to one of `names`. A web
 * page can have its own host name resolve to 127.0.0.1 (DNS rebinding) and read this server as its
 * own origin; the browser still sends that name in Host, so its requests are refused here.
 */
export interface AllowedHostsOptions {
  names: readonly string[];
}

/** The host name of a Host header or a setting: lower case, without port, brackets or a final dot; null when malformed. */
export function hostName(host: string | undefined): string | null {
  const match = /^(?:\[([0-9a-f:.]+)\]|([^:[\]\s]+))(?::\d{1,5})?$/i.exec(host?.trim() ?? '');
  const name = match?.[1] ?? match?.[2];
  return name ? name.toLowerCase().replace(/\.$/, '') : null;
}

/** localhost (and its subdomains, RFC 6761), 127.0.0.0/8 and ::1: names no one else's DNS can claim. */
export function isLoopbackName(name: string): boolean {
  const host = hostName(name) ?? (isIP(name) === 6 ? name.toLowerCase() : '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(host);
  return false;
}

async function allowedHosts(app: FastifyInstance, { names }: AllowedHostsOptions): Promise<void> {
  const allowed = new Set(names.map(hostName).filter((name): name is string => name !== null));
  app.addHook('onRequest', async (request) => {
    const name = hostName(request.headers.host);
    if (name !== null && (allowed.has(name) || isLoopbackName(name))) return;
    throw new ApiError(
      'HOST_NOT_ALLOWED',
      `this server, listening on loopback, answers requests addressed to localhost, 127.0.0.1, [::1]${allowed.size ? ` or ${[...allowed].join(', ')}` : ''}, not to ${JSON.stringify(request.headers.host ?? '')}; ALLOWED_HOSTS adds names`,
      { host: request.headers.host ?? null },
    );
  });
}

export default fp(allowedHosts, { name: 'allowed-hosts', fastify: '5.x' });
