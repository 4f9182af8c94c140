import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { loggerOptions } from '../../server/logger.ts';

const dir = mkdtempSync(join(tmpdir(), 'logger-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the app's logs", () => {
  it('are JSON lines when standard output is not a terminal', () => {
    expect(loggerOptions('info', { isTTY: false })).toEqual({ level: 'info' });
    expect(loggerOptions('warn', {})).toEqual({ level: 'warn' });
  });

  it('are readable lines in a terminal: time, level and message, no JSON', async () => {
    const options = loggerOptions('info', { isTTY: true });
    if (!options.transport) throw new Error('no transport in a terminal');
    const file = join(dir, 'pretty.log');
    // The same transport, writing to a file instead of the terminal.
    const { target, options: pretty } = options.transport;
    const app = Fastify({ logger: { level: options.level, transport: { target, options: { ...pretty, destination: file, colorize: false } } } });
    app.log.info({ dataset: 'seed' }, 'seed graph loaded');
    await app.close();
    let text = '';
    for (let i = 0; i < 100 && !text.includes('seed graph loaded'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        // The transport's worker has not opened the file yet.
      }
    }
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: seed graph loaded \{"dataset":"seed"\}$/m);
  });
});
