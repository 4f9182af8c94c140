import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { Neo4jError } from 'neo4j-driver';

/** The error catalogue: every error the API answers with, its stable code and HTTP status. */
export const ERRORS = {
  INVALID_PARAMETER: 400,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  AMBIGUOUS_NAME: 409,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  HOST_NOT_ALLOWED: 403,
  REQUEST_TIMEOUT: 408,
  RELOAD_IN_PROGRESS: 409,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  CURATION_INVALID: 422,
  RATE_LIMITED: 429,
  HEADERS_TOO_LARGE: 431,
  NEO4J_UNAVAILABLE: 503,
  OVERLOADED: 503,
  QUERY_TIMEOUT: 503,
  DATASET_NOT_LOADED: 503,
  INTERNAL_ERROR: 500,
} as const;
export type ErrorCode = keyof typeof ERRORS;

export class ApiError extends Error {
  override name = 'ApiError';
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.statusCode = ERRORS[code];
  }
}

export const invalidParameter = (parameter: string, reason: string, location = 'querystring') =>
  new ApiError('INVALID_PARAMETER', `${parameter}: ${reason}`, { parameter, location, issues: [{ parameter, message: reason }] });

export const notFound = (what: string, id: string, details?: Record<string, unknown>) =>
  new ApiError('NOT_FOUND', `no ${what} ${JSON.stringify(id)}`, { id, ...details });

/** Driver errors that mean Neo4j cannot be reached right now; the driver reconnects by itself. */
const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/** Maps what the driver throws to the catalogue; anything else is left to the 500 path. */
export function fromDriverError(error: unknown, timeoutMs: number): ApiError | undefined {
  if (!(error instanceof Neo4jError)) return undefined;
  if (UNAVAILABLE_CODES.has(error.code) || error.retriable && /connect|unavailable|acquisition/i.test(error.message)) {
    return new ApiError('NEO4J_UNAVAILABLE', 'the graph database is unreachable; try again shortly');
  }
  if (/TransactionTimedOut|Transaction\.Terminated/.test(error.code)) {
    return new ApiError('QUERY_TIMEOUT', `the query ran longer than ${timeoutMs} ms and was stopped; narrow it (lower depth, limit or hops)`);
  }
  return undefined;
}

/** One place that turns every error into `{ error, message, details }`; a 5xx never carries its cause. */
export function errorHandler(error: FastifyError | ApiError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof ApiError) {
    if (error.statusCode >= 500) request.log.warn({ code: error.code }, error.message);
    if (error.statusCode === 503) reply.header('retry-after', '5');
    return reply.code(error.statusCode).send({ error: error.code, message: error.message, details: error.details });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const location = (error as FastifyError).validationContext ?? 'querystring';
    const issues = error.validation.map((v) => ({ parameter: v.instancePath.replace(/^\//, '').replace(/\//g, '.'), message: v.message ?? 'invalid' }));
    const first = issues[0];
    const parameter = first?.parameter ?? '';
    return reply.code(400).send({
      error: 'INVALID_PARAMETER',
      message: `${parameter || location}: ${first?.message ?? 'invalid'}`,
      details: { parameter, location, issues },
    });
  }
  const fastifyError = error as FastifyError;
  const status = fastifyError.statusCode ?? 500;
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    const limit = request.routeOptions.bodyLimit;
    return reply.code(413).send({
      error: 'PAYLOAD_TOO_LARGE',
      message: `the request body is larger than the ${limit} bytes this server accepts (BODY_LIMIT)`,
      details: { limit },
    });
  }
  if (status >= 400 && status < 500) {
    // Fastify's own client errors: malformed query strings, unsupported media types, bodies too large.
    return reply.code(status).send({ error: 'INVALID_PARAMETER', message: error.message, details: { code: fastifyError.code } });
  }
  request.log.error({ err: error }, 'request failed');
  return reply.code(500).send({ error: 'INTERNAL_ERROR', message: 'an internal error occurred', details: { requestId: request.id } });
}

/**
 * Errors Node raises before a request reaches Fastify (a client too slow to send its request,
 * headers over the size limit, a malformed request line), answered in the catalogue's shape.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'REQUEST_TIMEOUT', 'the request was not received in time (REQUEST_TIMEOUT_MS)']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'HEADERS_TOO_LARGE', 'the request line and headers are larger than this server accepts (16 KiB); send a shorter URL']
        : [400, 'INVALID_PARAMETER', 'the request is not valid HTTP'];
  const body = JSON.stringify({ error: code, message, details: {} });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/**
 * Errors the router raises before a route is chosen (a path segment that is not valid
 * percent-encoding, a path parameter over the length limit), answered in the catalogue's shape
 * without echoing the path back.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void reply.code(414).send({ error: 'URI_TOO_LONG', message: 'a path segment is longer than this server accepts (500 characters)', details: {} });
    return;
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    void reply.code(400).send({ error: 'INVALID_PARAMETER', message: 'the URL path is not valid percent-encoded UTF-8', details: { location: 'path' } });
    return;
  }
  errorHandler(error, request, reply);
}
