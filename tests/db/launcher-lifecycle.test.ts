import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitUntilGone(pid: number, seconds: number): Promise<boolean> {
  for (let i = 0; i < seconds * 4; i++) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return !alive(pid);
}

/** Runs the fixture in its own process and returns what it printed once Neo4j was up. */
async function holdNeo4j(port: number) {
  const parent = spawn(process.execPath, ['--import', 'tsx', 'tests/db/fixtures/hold-neo4j.ts', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: parent.stdout! }).once('line', resolve);
    parent.once('exit', (code) => reject(new Error(`fixture exited with ${code}`)));
  });
  return { parent, ...(JSON.parse(first) as { uri: string; pid: number }) };
}

let blocker: Server | undefined;
afterAll(() => blocker?.close());

describe('the Neo4j launcher lifecycle', () => {
  it('moves to the next free port when the requested one is taken', async () => {
    blocker = createServer();
    await new Promise<void>((r) => blocker!.listen(27787, '127.0.0.1', r));
    const held = await holdNeo4j(27787);
    try {
      expect(held.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
      expect(Number(held.uri.split(':').pop())).toBeGreaterThan(27787);
    } finally {
      held.parent.kill('SIGTERM');
    }
    expect(await waitUntilGone(held.pid, 60)).toBe(true);
  });

  it('leaves no JVM behind when its parent is killed outright', async () => {
    const held = await holdNeo4j(27887);
    expect(alive(held.pid)).toBe(true);
    held.parent.kill('SIGKILL');
    expect(await waitUntilGone(held.pid, 60)).toBe(true);
  });
});
