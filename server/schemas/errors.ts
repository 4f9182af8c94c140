import { z } from 'zod';
import { ERRORS, type ErrorCode } from '../errors.ts';

/** Every error the API answers with: a stable code, a readable message, and what caused it. */
export const ErrorResponse = z
  .object({
    error: z.string().meta({ description: 'a stable code from the error catalogue, e.g. INVALID_PARAMETER' }),
    message: z.string(),
    details: z.unknown().optional(),
  })
  .meta({ id: 'Error' });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

interface ErrorResponseDoc {
  description: string;
  content: { 'application/json': { schema: typeof ErrorResponse } };
}

/** The error responses a route documents: one per status, naming the catalogue's codes and what each means. */
export function errorResponses<C extends ErrorCode>(...codes: C[]): Record<(typeof ERRORS)[C]['status'], ErrorResponseDoc> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERRORS[code].status, [...(byStatus.get(ERRORS[code].status) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, same]) => [
      status,
      {
        description: same.map((code) => `${code}: ${ERRORS[code].description}`).join('; or '),
        content: { 'application/json': { schema: ErrorResponse } },
      },
    ]),
  ) as Record<(typeof ERRORS)[C]['status'], ErrorResponseDoc>;
}

/**
 * A route's documented responses with the errors of `codes` added: a status already documented gets
 * the codes it lacks in its description. Adding codes a route already names changes nothing.
 */
export function withErrors(responses: Record<string, unknown>, codes: readonly ErrorCode[]): Record<string, unknown> {
  const merged = { ...responses };
  for (const code of codes) {
    const status = String(ERRORS[code].status);
    const present = merged[status] as ErrorResponseDoc | undefined;
    if (present === undefined) merged[status] = errorResponses(code)[ERRORS[code].status];
    else if (!present.description.split('; or ').some((line) => line.startsWith(`${code}: `))) {
      merged[status] = { ...present, description: `${present.description}; or ${code}: ${ERRORS[code].description}` };
    }
  }
  return merged;
}
