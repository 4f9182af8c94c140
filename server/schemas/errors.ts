import { z } from 'zod';

/** Every error the API answers with: a stable code, a readable message, and what caused it. */
export const ErrorResponse = z
  .object({
    error: z.string().meta({ description: 'a stable code from the error catalogue, e.g. INVALID_PARAMETER' }),
    message: z.string(),
    details: z.unknown().optional(),
  })
  .meta({ id: 'Error' });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

const ERROR_DESCRIPTIONS = {
  400: 'INVALID_PARAMETER: a parameter is missing or malformed; details name it with the reason',
  404: 'NOT_FOUND: no entity or article has that id or name; details may suggest near names',
  409: 'AMBIGUOUS_NAME: the name fits several entities; details list the candidates and their ids',
  503: 'NEO4J_UNAVAILABLE or QUERY_TIMEOUT: the graph database is unreachable or the query ran too long; retry',
} as const;

/** The error responses a route documents, each with what it means. */
export function errorResponses<S extends keyof typeof ERROR_DESCRIPTIONS>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: ERROR_DESCRIPTIONS[s], content: { 'application/json': { schema: ErrorResponse } } }]),
  ) as unknown as Record<S, { description: string; content: { 'application/json': { schema: typeof ErrorResponse } } }>;
}
