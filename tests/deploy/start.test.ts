import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'start-test-neo4j-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const launcherPids = async (): Promise<number[]> => {
  const { execFileSync } = await import('node:child_process');
  try {
    return execFileSync('pgrep', ['-f', `graph.launcher.Launcher --data ${dataDir}`], { encoding: 'utf8' }).trim().split('\n').map(Number);
  } catch {
    return [];
  }
};

describe('the main job (server/main.ts, what npm start runs after the web build)', () => {
  it('starts its own Neo4j with a password of its own, loads the seed graph, serves the API, and leaves no JVM after Ctrl-C', async () => {
    const app = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, NEO4J_URI: '', PORT: '0', NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: '37687', NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '64m', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stderr: string[] = [];
    app.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const exited = new Promise<number | null>((done) => app.once('exit', (code) => done(code)));

    const banner = await new Promise<string>((resolve, reject) => {
      createInterface({ input: app.stdout! }).on('line', (line) => {
        if (line.startsWith('Explorer:')) resolve(line);
      });
      void exited.then((code) => reject(new Error(`main exited early (${code}): ${stderr.join('')}`)));
    });
    const base = /Explorer: (http:\/\/\S+?)\/\s/.exec(banner)?.[1];
    expect(base).toBeDefined();

    const ready = await fetch(`${base}/api/v1/ready`);
    expect(ready.status).toBe(200);
    const search = (await (await fetch(`${base}/api/v1/search?q=nguyen%20minh%20vu`)).json()) as { results: { name: string }[] };
    expect(search.results[0]?.name).toBe('Nguyễn Minh Vũ');
    expect(await launcherPids()).toHaveLength(1);
    // The data folder is this user's alone; the app found the password generated in it.
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, 'neo4j-password')).mode & 0o777).toBe(0o600);

    app.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(await launcherPids()).toEqual([]);
  }, 240_000);
});
