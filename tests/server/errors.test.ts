import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiError, ERRORS, type ErrorCode } from '../../server/errors.ts';
import { errorResponses } from '../../server/schemas/errors.ts';

const API_DOC = new URL('../../docs/api.md', import.meta.url);

/** The rows of docs/api.md's error table: status, code, description. */
function documentedErrors(): string[][] {
  const doc = readFileSync(API_DOC, 'utf8');
  const section = doc.slice(doc.indexOf('\n## Errors\n'));
  const table = section.slice(section.indexOf('\n|'), section.indexOf('\n\n', section.indexOf('\n|')));
  return table
    .trim()
    .split('\n')
    .slice(2)
    .map((row) =>
      row
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
}

describe('the error catalogue', () => {
  it("is docs/api.md's error table, row for row", () => {
    const catalogue = Object.entries(ERRORS).map(([code, { status, description }]) => [String(status), `\`${code}\``, description]);
    expect(documentedErrors()).toEqual(catalogue);
  });

  it("gives an ApiError its code's status", () => {
    for (const code of Object.keys(ERRORS) as ErrorCode[]) expect(new ApiError(code, 'x').statusCode).toBe(ERRORS[code].status);
  });

  it("describes a route's error responses by status, with every code's description", () => {
    const responses = errorResponses('INVALID_PARAMETER', 'NEO4J_UNAVAILABLE', 'QUERY_TIMEOUT');
    expect(Object.keys(responses).sort()).toEqual(['400', '503']);
    expect(responses[400].description).toBe(`INVALID_PARAMETER: ${ERRORS.INVALID_PARAMETER.description}`);
    expect(responses[503].description).toBe(
      `NEO4J_UNAVAILABLE: ${ERRORS.NEO4J_UNAVAILABLE.description}; or QUERY_TIMEOUT: ${ERRORS.QUERY_TIMEOUT.description}`,
    );
  });
});
