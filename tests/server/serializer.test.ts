import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorHandler } from '../../server/errors.ts';
import { responseSerializer } from '../../server/schemas/serializer.ts';
import { MeetingsResponse } from '../../server/schemas/api.ts';

/** The response check every route's answer passes: the route's zod schema, as a JSON Schema checked by ajv. */
describe('response serializer', () => {
  const Answer = z.object({ id: z.string(), count: z.number().int(), source: z.url().optional() });
  const answers: Record<string, unknown> = {
    good: { id: 'quang-ninh', count: 3, source: 'https://example.org/a' },
    fraction: { id: 'quang-ninh', count: 1.5 },
    missing: { count: 3 },
    extra: { id: 'quang-ninh', count: 3, graph: 'internal-generation-key' },
    badUrl: { id: 'quang-ninh', count: 3, source: 'not a url' },
  };
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();

  beforeAll(async () => {
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(responseSerializer);
    app.setErrorHandler(errorHandler);
    app.get('/answer/:name', { schema: { params: z.object({ name: z.string() }), response: { 200: Answer } } }, async (request) => answers[request.params.name] as z.infer<typeof Answer>);
    await app.ready();
  });
  afterAll(() => app.close());

  it('sends an answer that matches its schema as it is', async () => {
    const response = await app.inject('/answer/good');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(answers.good);
  });

  it.each(['fraction', 'missing', 'extra', 'badUrl'])('turns an answer that breaks its schema (%s) into a 500 that leaks none of it', async (name) => {
    const response = await app.inject(`/answer/${name}`);
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ error: 'INTERNAL_ERROR' });
    expect(response.body).not.toContain('internal-generation-key');
  });

  it('checks nested shapes through the schemas the API document names (a meetings answer)', () => {
    const check = responseSerializer({ schema: MeetingsResponse, method: 'GET', url: '/meetings', httpStatus: '200' } as never);
    const meeting = {
      counterpart: { id: 'trinh-xuan-hung', type: 'Person', name: 'Trịnh Xuân Hưng' },
      event: null,
      how: 'met',
      roles: { person: ['MET'], counterpart: ['MET'] },
      evidence: [{ articleId: 'quang-ninh-guangxi-secretaries-meeting-2025-nl', language: 'nl', quote: 'ontmoette' }],
    };
    const answer = { person: { id: 'vu-dai-thang', type: 'Person', name: 'Vũ Đại Thắng' }, meetings: [meeting], truncated: false };
    expect(JSON.parse(check(answer))).toEqual(answer);
    expect(() => check({ ...answer, meetings: [{ ...meeting, how: 'chatted' }] })).toThrow(/does not match its response schema/);
    expect(() => check({ ...answer, meetings: [{ ...meeting, counterpart: { ...meeting.counterpart, type: 'Robot' } }] })).toThrow(/does not match/);
  });
});
