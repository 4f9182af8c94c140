import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Memory, ServerMessage } from './server.ts';

/** The parent's side of server.ts: the API started in a process of its own, asked for its memory, stopped. */

export interface ApiProcess {
  url: string;
  pid: number | undefined;
  /** Its memory after a full GC. */
  memory(): Promise<Memory>;
  stop(): Promise<void>;
}

const SERVER = fileURLToPath(new URL('./server.ts', import.meta.url));

/** Starts the API over `dataset` at the Neo4j `uri`, with extra environment settings (`env`). */
export async function startApi(uri: string, dataset: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  const child = fork(SERVER, [uri, dataset], { execArgv: ['--import', 'tsx', '--expose-gc'], env: { ...process.env, ...env }, stdio: 'inherit' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = <T>(pick: (message: ServerMessage) => T | undefined) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: ServerMessage) => {
        const value = pick(message);
        if (value === undefined) return;
        child.off('message', onMessage);
        resolve(value);
      };
      child.on('message', onMessage);
      void exited.then(() => reject(new Error(`the API process exited (${child.exitCode})`)));
    });
  const url = await next((m) => ('address' in m ? m.address : undefined));
  return {
    url,
    pid: child.pid,
    memory() {
      const answer = next((m) => ('memory' in m ? m.memory : undefined));
      child.send('memory');
      return answer;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send('stop');
      await exited;
    },
  };
}
