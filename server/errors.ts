import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { Neo4jError } from 'neo4j-driver';
import { MAX_HEADER_BYTES } from './schemas/query.ts';

/**
 * The error catalogue: every error the API answers with, its stable code, its HTTP status and what it
 * means. The error handler answers from it, the OpenAPI document describes each route's errors from it
 * (schemas/errors.ts), and docs/api.md's table is held to it by a test.
 */
export const ERRORS = {
  INVALID_PARAMETER: {
    status: 400,
    description:
      "a parameter is missing or malformed; `details.parameter` names it, `message` gives zod's reason (a request Fastify itself refuses keeps Fastify's status)",
  },
  NOT_FOUND: { status: 404, description: 'no entity or article with that id or name; `details.suggestions` may hold near names' },
  ROUTE_NOT_FOUND: { status: 404, description: 'no such route' },
  METHOD_NOT_ALLOWED: { status: 405, description: 'the path exists, not with this method; the `Allow` header and `details.allowed` list the methods it takes' },
  AMBIGUOUS_NAME: { status: 409, description: 'the name fits several entities; `details.candidates` lists them with their ids' },
  SAME_ENTITY: {
    status: 409,
    description: 'the two ends of a path, or the two parties of a dossier, name one entity (perhaps by two of its names); `details.id` is its id',
  },
  UNAUTHORIZED: { status: 401, description: 'an admin route without a bearer token' },
  FORBIDDEN: { status: 403, description: 'an admin route with the wrong token' },
  HOST_NOT_ALLOWED: {
    status: 403,
    description: 'bound to loopback, the server answers only requests whose `Host` is a loopback name, `HOST` or one of `ALLOWED_HOSTS` (a guard against DNS rebinding)',
  },
  REQUEST_TIMEOUT: { status: 408, description: 'the client took longer than `REQUEST_TIMEOUT_MS` to send its request' },
  RELOAD_IN_PROGRESS: { status: 409, description: 'a reload of the dataset is already running' },
  PAYLOAD_TOO_LARGE: { status: 413, description: 'a body over `BODY_LIMIT` bytes' },
  URI_TOO_LONG: { status: 414, description: 'a path segment too long to route' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, description: 'a body of a type the route does not read (the admin route reads JSON)' },
  CURATION_INVALID: { status: 422, description: 'a reload found problems in the curation; nothing was written' },
  RATE_LIMITED: { status: 429, description: 'more than `RATE_LIMIT_MAX` requests from one address in `RATE_LIMIT_WINDOW_MS`' },
  HEADERS_TOO_LARGE: { status: 431, description: 'request headers too large' },
  OVERLOADED: { status: 503, description: 'more than `API_MAX_QUEUE` requests waiting for one of the `API_MAX_CONCURRENCY` slots' },
  NEO4J_UNAVAILABLE: {
    status: 503,
    description: 'Neo4j is unreachable; answered at once with `Retry-After`, and normal again as soon as Neo4j is back, without a restart',
  },
  QUERY_TIMEOUT: { status: 503, description: 'the query ran longer than `QUERY_TIMEOUT_MS`' },
  DATASET_NOT_LOADED: { status: 503, description: 'the served dataset has no active generation yet' },
  INTERNAL_ERROR: { status: 500, description: 'a bug; the message never carries the cause (it is logged with the request id)' },
} as const satisfies Record<string, { status: number; description: string }>;
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
    this.statusCode = ERRORS[code].status;
  }
}

export const invalidParameter = (parameter: string, reason: string, location = 'querystring') =>
  new ApiError('INVALID_PARAMETER', `${parameter}: ${reason}`, { parameter, location, issues: [{ parameter, message: reason }] });

/** Two parameters that must name different entities resolved to the same one. */
export const sameEntity = (first: string, second: string, id: string) =>
  new ApiError('SAME_ENTITY', `${first} and ${second} name the same entity, ${JSON.stringify(id)}; name two different ones`, { parameters: [first, second], id });

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

/** The body of every error answer: `{ error, message, details }`. */
function bodyOf(error: ApiError): { error: ErrorCode; message: string; details: unknown } {
  return { error: error.code, message: error.message, details: error.details };
}

/** Answers with a catalogue error, at its status unless Fastify refused the request with another. */
function answer(reply: FastifyReply, error: ApiError, status = error.statusCode): FastifyReply {
  return reply.code(status).send(bodyOf(error));
}

/** One place that turns every error into `{ error, message, details }`; a 5xx never carries its cause. */
export function errorHandler(error: FastifyError | ApiError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof ApiError) {
    if (error.statusCode >= 500) request.log.warn({ code: error.code }, error.message);
    if (error.statusCode === 503) reply.header('retry-after', '5');
    return answer(reply, error);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const location = (error as FastifyError).validationContext ?? 'querystring';
    const issues = error.validation.map((v) => ({ parameter: v.instancePath.replace(/^\//, '').replace(/\//g, '.'), message: v.message ?? 'invalid' }));
    const first = issues[0];
    const parameter = first?.parameter ?? '';
    return answer(reply, new ApiError('INVALID_PARAMETER', `${parameter || location}: ${first?.message ?? 'invalid'}`, { parameter, location, issues }));
  }
  const fastifyError = error as FastifyError;
  const status = fastifyError.statusCode ?? 500;
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    const limit = request.routeOptions.bodyLimit;
    return answer(reply, new ApiError('PAYLOAD_TOO_LARGE', `the request body is larger than the ${limit} bytes this server accepts (BODY_LIMIT)`, { limit }));
  }
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return answer(reply, new ApiError('UNSUPPORTED_MEDIA_TYPE', error.message, { contentType: request.headers['content-type'] ?? null }));
  }
  if (status >= 400 && status < 500) {
    // Fastify's own client errors: malformed query strings, unsupported media types, bodies too large.
    return answer(reply, new ApiError('INVALID_PARAMETER', error.message, { code: fastifyError.code }), status);
  }
  request.log.error({ err: error }, 'request failed');
  return answer(reply, new ApiError('INTERNAL_ERROR', 'an internal error occurred', { requestId: request.id }));
}

/**
 * Errors Node raises before a request reaches Fastify (a client too slow to send its request,
 * headers over the size limit, a malformed request line), answered in the catalogue's shape.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const answer =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? new ApiError('REQUEST_TIMEOUT', 'the request was not received in time (REQUEST_TIMEOUT_MS)', {})
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? new ApiError('HEADERS_TOO_LARGE', `the request line and headers are larger than this server accepts (${Math.floor(MAX_HEADER_BYTES / 1024)} KiB); send a shorter URL`, {})
        : new ApiError('INVALID_PARAMETER', 'the request is not valid HTTP', {});
  const status = answer.statusCode;
  const body = JSON.stringify(bodyOf(answer));
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
    void answer(reply, new ApiError('URI_TOO_LONG', 'a path segment is longer than this server accepts (500 characters)', {}));
    return;
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    void answer(reply, new ApiError('INVALID_PARAMETER', 'the URL path is not valid percent-encoded UTF-8', { location: 'path' }));
    return;
  }
  errorHandler(error, request, reply);
}
