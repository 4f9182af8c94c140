import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../helpers/app.ts';

/**
 * schemathesis, an outside tester driven only by /openapi.json, with all of its checks, against the
 * app on the seed graph. Its Python environment is the project's own (install.sh, which .ci/run runs
 * first); without Python the test says so and is skipped.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const ST = join(ROOT, '.data/contract-venv/bin/st');
/** Test cases per operation and phase: enough to find a contract break, short enough for every run. */
const EXAMPLES = process.env.CONTRACT_EXAMPLES ?? '10';
/** A fixed seed repeats the run exactly; CONTRACT_SEED explores others. */
const SEED = process.env.CONTRACT_SEED ?? '20251';

/** How long a query and a request may take here: long enough that only one that never ends runs out. */
const SLOW_MACHINE_MS = 120_000;

function hasPython(): boolean {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const python = hasPython();
if (!python) console.warn('\n*** tests/contract: python3 is missing, so schemathesis does not run; .ci/run installs it ***\n');

/** The figures of a run, from schemathesis's JSON report. */
interface Report {
  exit_code: number;
  test_cases: { generated: number; with_failures: number; unique_failures: number; errored: number };
  operations: { selected: number; tested: number; errored: number };
  failures: unknown[];
  errors: unknown[];
  warnings: Record<string, unknown[]>;
}

const work = mkdtempSync(join(tmpdir(), 'contract-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `st run` against the app's document with every check; resolves with its report and output. */
function schemathesis(
  base: string,
  name: string,
  { examples = EXAMPLES, only = [] as string[], seedNames = false, mode = 'all' } = {},
): Promise<{ report: Report; output: string }> {
  const reportPath = join(work, `${name}.json`);
  const args = [
    ...(seedNames ? ['--config-file', join(ROOT, 'tests/contract/schemathesis.toml')] : []),
    'run', `${base}/openapi.json`,
    '--mode', mode,
    '--checks', 'all',
    '--max-examples', examples,
    '--seed', SEED,
    '--workers', '2',
    // schemathesis gives up on an answer after 10 s by default; a busy machine can take longer.
    '--request-timeout', String(SLOW_MACHINE_MS / 1000),
    '--generation-database', 'none',
    '--no-color',
    '--report', 'json', '--report-json-path', reportPath,
    ...only.flatMap((path) => ['--include-path', path]),
  ];
  return new Promise((done, fail) => {
    // Its working folder is a scratch one: schemathesis leaves a cache folder where it runs.
    const child = spawn(ST, args, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', () => {
      if (!existsSync(reportPath)) return fail(new Error(`schemathesis wrote no report:\n${output}`));
      done({ report: JSON.parse(readFileSync(reportPath, 'utf8')) as Report, output });
    });
  });
}

function summary(name: string, report: Report): string {
  return `schemathesis (${name}): ${report.test_cases.generated} requests generated over ${report.operations.tested} operations, ${report.test_cases.unique_failures} failures, ${report.errors.length} errors`;
}

describe.skipIf(!python)('the OpenAPI contract, as schemathesis tests it from outside', () => {
  beforeAll(() => {
    execFileSync('bash', [join(ROOT, 'tests/contract/install.sh')], { stdio: 'inherit' });
  }, 600_000);

  let app: FastifyInstance | undefined;
  afterAll(() => app?.close());

  /** What every run must show: no failure of any check, no error, every operation tested. */
  function expectClean(name: string, { report, output }: { report: Report; output: string }) {
    console.log(summary(name, report));
    expect(report.failures, output).toEqual([]);
    expect(report.errors, output).toEqual([]);
    expect(report.operations.tested, output).toBe(report.operations.selected);
    expect(report.exit_code, output).toBe(0);
  }

  it('finds no failure in any check on the seed graph, with requests valid and invalid', async () => {
    // A limit the runs stay under: every generated request reaches the validators and the graph. A query
    // held up by a busy machine is not a contract break: the query timeout is the benchmarks' business.
    ({ app } = await testApp({ curated: 'contract', env: { RATE_LIMIT_MAX: '100000', QUERY_TIMEOUT_MS: String(SLOW_MACHINE_MS) } }));
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const run = await schemathesis(base, 'seed');
    expectClean('seed graph', run);
    // Every pattern of the document was one schemathesis could generate from.
    expect(run.report.warnings.unsupported_regex ?? [], run.output).toEqual([]);
    expect(run.report.test_cases.generated).toBeGreaterThan(100);
  }, 600_000);

  it("finds no failure when valid requests name the seed graph's entities and articles", async () => {
    if (!app) throw new Error('the seed graph app did not start');
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    // Half the names are real (schemathesis.toml), so full answers are checked too; invalid requests were the last run's.
    expectClean('seed graph, real names', await schemathesis(base, 'seed-names', { seedNames: true, mode: 'positive' }));
  }, 600_000);

  it('finds no failure while the rate limit answers 429', async () => {
    const { app: limited } = await testApp({ env: { RATE_LIMIT_MAX: '20', QUERY_TIMEOUT_MS: String(SLOW_MACHINE_MS) } });
    try {
      const base = await limited.listen({ host: '127.0.0.1', port: 0 });
      const run = await schemathesis(base, 'rate-limited', { examples: '3', only: ['/api/v1/search', '/api/v1/stats', '/api/v1/sources'] });
      expect(run.report.warnings.rate_limited ?? [], 'some answers were 429').not.toEqual([]);
      expectClean('rate-limited', run);
    } finally {
      await limited.close();
    }
  }, 600_000);
});
