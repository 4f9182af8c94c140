import type { Config } from './config.ts';

/** Where the logs go: only whether it is a terminal matters here. */
export interface LogDestination {
  isTTY?: boolean;
}

export interface LoggerOptions {
  level: Config['LOG_LEVEL'];
  transport?: { target: string; options: Record<string, unknown> };
}

/**
 * The app's logger options: in a terminal, readable lines (pino-pretty, in a worker thread so the
 * server's event loop does not format them); elsewhere JSON lines, one per event, for whatever collects them.
 */
export function loggerOptions(level: Config['LOG_LEVEL'], destination: LogDestination = process.stdout): LoggerOptions {
  if (!destination.isTTY) return { level };
  return {
    level,
    transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', singleLine: true } },
  };
}
