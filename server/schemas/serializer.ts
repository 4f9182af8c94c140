import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import type { FastifySerializerCompiler } from 'fastify';
import { z } from 'zod';

// ajv-formats is CommonJS; its plugin is on `default`.
const addFormats = formatsModule.default;

/**
 * Every answer is checked against its route's zod response schema before it is sent: an answer that
 * does not match is a bug, and becomes a logged 500 instead of a reply that breaks the documented
 * contract. ajv checks the answer against the JSON Schema zod derives from that schema (as the OpenAPI
 * document's is derived), reading it without a copy; zod's own check copied every object of large
 * answers (docs/benchmarks.md). An undocumented property is refused rather than silently dropped.
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
