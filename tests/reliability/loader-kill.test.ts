import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { syntheticSource } from '../../bench/synthetic.ts';
import { clearDataset } from '../../server/graph/load/cleanup.ts';
import { loadGraph } from '../../server/graph/load/load-graph.ts';
import { applySchema } from '../../server/graph/schema.ts';
import { testDatabase, testDriver, uniqueDataset } from '../helpers/neo4j.ts';
import { allElements } from '../server/graph/fixture.ts';
import { datasetState } from './helpers.ts';

/**
 * The bulk loader SIGKILLed part-way through a load, in a process of its own: the previous
 * generation stays served and intact; the next load is refused while the dead one's lease is
 * fresh, then sweeps the half-written generation and completes.
 */

const SCRIPT = fileURLToPath(new URL('./fixtures/load-synthetic.ts', import.meta.url));
const NEW_SIZE = 20_000;
let driver: Driver;
let dataset: string;

interface Run {
  child: ChildProcess;
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function runLoader(args: string[]): Run {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', SCRIPT, '--uri', inject('neo4jUri'), '--database', testDatabase(), '--dataset', dataset, '--relationships', String(NEW_SIZE), ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NEO4J_USER: inject('neo4jUser'), NEO4J_PASSWORD: inject('neo4jPassword') } },
  );
  const lines: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));
  child.stderr!.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, lines, exited };
}

/** Resolves when the loader prints a line that satisfies `test`; rejects if it exits first. */
async function waitForLine(run: Run, test: (line: string) => boolean, timeoutMs = 120_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const line = run.lines.find(test);
    if (line) return line;
    if (run.child.exitCode !== null) throw new Error(`the loader exited (${run.child.exitCode}) first:\n${run.lines.slice(-5).join('\n')}`);
    if (Date.now() - started > timeoutMs) throw new Error('the loader did not get there in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function expectedCounts(size: number) {
  const source = syntheticSource(size);
  let nodes = 0;
  let relationships = 0;
  let articles = 0;
  for (const _ of source.nodes()) nodes += 1;
  for (const _ of source.relationships()) relationships += 1;
  for (const _ of source.articles()) articles += 1;
  return { nodes, relationships, articles };
}

const figures: Record<string, unknown> = {};

beforeAll(async () => {
  driver = testDriver();
  dataset = uniqueDataset('loader-kill');
  await applySchema(driver, testDatabase());
  await loadGraph(driver, testDatabase(), dataset, syntheticSource(2_000));
});
afterAll(async () => {
  console.log(`loader-kill: ${JSON.stringify(figures)}`);
  await clearDataset(driver, testDatabase(), dataset).catch(() => {});
  await driver?.close();
});

describe('killing the bulk loader part-way', () => {
  it('leaves the previous graph intact, and the next load completes', async () => {
    const before = await datasetState(driver, dataset);
    expect(before.relationships).toBe(expectedCounts(2_000).relationships);

    // Kill it while it writes relationships: articles, nodes and some relationships of the new generation are in.
    const first = runLoader([]);
    const at = await waitForLine(first, (l) => {
      if (!l.startsWith('PROGRESS')) return false;
      const p = JSON.parse(l.slice(9)) as { phase: string; done: number; total: number };
      return p.phase === 'relationships' && p.total - p.done <= NEW_SIZE - 3_000;
    });
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    figures.killedAt = JSON.parse(at.slice(9));

    // What readers see is exactly the previous generation; the half-written one sits beside it.
    expect(await datasetState(driver, dataset)).toEqual(before);
    const leftover = await allElements(driver, testDatabase(), dataset);
    figures.halfWritten = { nodes: leftover.nodes - before.nodes - before.articles, relationships: leftover.relationships - before.relationships };
    expect(leftover.nodes).toBeGreaterThan(before.nodes + before.articles);
    expect(leftover.relationships).toBeGreaterThan(before.relationships);

    // Its lease is still fresh: a new load is refused, and changes nothing.
    const refused = runLoader([]);
    expect((await refused.exited).code).toBe(1);
    expect(refused.lines.join('\n')).toMatch(/FAILED DatasetBusyError: dataset ".*" is being loaded by another process/);
    expect(await datasetState(driver, dataset)).toEqual(before);

    // Once the lease lapses (3 s here; 2 minutes by default) the next load sweeps the leftovers and completes.
    await new Promise((r) => setTimeout(r, 3_500));
    const again = runLoader(['--stale-ms', '3000']);
    expect((await again.exited).code, again.lines.slice(-3).join('\n')).toBe(0);
    const result = JSON.parse(again.lines.find((l) => l.startsWith('RESULT'))!.slice(7)) as { generation: string; previous: string; swept: string[] };
    expect(result.previous).toBe(before.generation);
    expect(result.swept).toHaveLength(1);

    const after = await datasetState(driver, dataset);
    const expected = expectedCounts(NEW_SIZE);
    expect(after.generation).toBe(result.generation);
    expect({ nodes: after.nodes, relationships: after.relationships, articles: after.articles }).toEqual(expected);
    // Nothing else of the dataset is left: neither the killed generation nor the replaced one.
    expect(await allElements(driver, testDatabase(), dataset)).toEqual({ nodes: expected.nodes + expected.articles, relationships: expected.relationships });
    figures.completed = expected;
  });
});
