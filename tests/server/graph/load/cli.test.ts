import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { activeGeneration } from '../../../../server/graph/generations.ts';
import { main } from '../../../../server/graph/load/cli.ts';
import { clearDataset } from '../../../../server/graph/load/cleanup.ts';
import { testDatabase, testDriver, uniqueDataset } from '../../../helpers/neo4j.ts';
import { fixtureGraph } from '../fixture.ts';

const driver = testDriver();
const dataset = uniqueDataset('load-cli');
const dir = mkdtempSync(join(tmpdir(), 'load-cli-'));
afterAll(async () => {
  await clearDataset(driver, testDatabase(), dataset);
  await driver.close();
  rmSync(dir, { recursive: true, force: true });
});

function sink() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function load(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = sink();
  const err = sink();
  const env = { NEO4J_URI: inject('neo4jUri'), NEO4J_USER: inject('neo4jUser'), NEO4J_PASSWORD: inject('neo4jPassword'), NEO4J_DATABASE: testDatabase() };
  const code = await main(argv, { env, stdout: out.stream, stderr: err.stream });
  return { code, out: out.text(), err: err.text() };
}

describe('npm run load', () => {
  it('loads a compiled graph file into the dataset and prints the counts, then what changed', async () => {
    const file = join(dir, 'graph.json');
    writeFileSync(file, JSON.stringify(fixtureGraph()));
    const first = await load(['--file', file, '--dataset', dataset]);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain(`loaded dataset "${dataset}"`);
    expect(first.out).toMatch(/articles: 2\n/);
    expect(first.out).toContain('changes: first load of this dataset');
    const served = await activeGeneration(driver, testDatabase(), dataset);
    expect(served?.counts.articles).toBe(2);

    const second = await load(['--file', file, '--dataset', dataset]);
    expect(second.code, second.err).toBe(0);
    expect(second.out).toContain('changes since the previous load: none');
  });

  it('refuses an invalid graph file, writing nothing (exit 1)', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify({ ...fixtureGraph(), version: 2 }));
    const other = uniqueDataset('load-cli-broken');
    const result = await load(['--file', file, '--dataset', other]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^load: the graph is not loadable/);
    expect(await activeGeneration(driver, testDatabase(), other)).toBeNull();
  });

  it('shows its usage for --help (exit 0) and for an unknown option (exit 2)', async () => {
    const help = await load(['--help']);
    expect(help.code).toBe(0);
    expect(help.err).toContain('npm run load -- [--file compiled.json]');
    const wrong = await load(['--fiel', 'x.json']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/Unknown option '--fiel'[\s\S]*npm run load --/);
  });
});
