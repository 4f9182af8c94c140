import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import type { FastifySerializerCompiler } from 'fastify';
import { z } from 'zod';

// ajv-formats is CommonJS; its plugin is on `default`.
const addFormats = formatsModule.default;

/**
 * Every answer is checked against its route's zod response schema before it is sent: an answer that
 * does not match is a bug, and becomes a logged 500 instead of a reply that breaks the documented
 * contract. The check runs on the JSON Schema (draft 2020-12) zod derives from that schema for its
 * output, as the OpenAPI document's is derived from it for its own target, compiled by ajv: it reads the answer without copying it, where zod's safeEncode built a
 * copy of every object. For a 220 KB meetings answer that was 1.2 ms of CPU against 0.45, and the copy's
 * garbage under load; meetings' throughput against the raw driver went from 1.49x to 1.20x without it.
 * An undocumented property is refused rather than silently dropped.
 */
const ajv = new Ajv2020({ allErrors: false, strict: false });
addFormats(ajv);

const validators = new WeakMap<z.ZodType, ValidateFunction>();

function validatorFor(schema: z.ZodType): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile(z.toJSONSchema(schema, { io: 'output', target: 'draft-2020-12' }));
    validators.set(schema, validate);
  }
  return validate;
}

export const responseSerializer: FastifySerializerCompiler<unknown> = ({ schema, method, url }) => {
  if (!(schema instanceof z.ZodType)) throw new TypeError(`${method} ${url}: a response schema must be a zod schema`);
  const validate = validatorFor(schema);
  return (data) => {
    if (!validate(data)) {
      const problem = ajv.errorsText(validate.errors, { dataVar: 'answer' });
      throw new Error(`${method} ${url}: the answer does not match its response schema: ${problem}`);
    }
    return JSON.stringify(data);
  };
};
