import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildLauncher } from './launcher.ts';
import { LOCAL_NEO4J_DEFAULTS, openNeo4j, type LocalNeo4jSettings } from './neo4j.ts';

/**
 * The local Neo4j's command line: `build` compiles the launcher; `start` runs Neo4j in the foreground
 * until Ctrl-C. Its settings come as options (db/ reads no configuration of its own); exit code 2 for
 * bad usage, 1 when Neo4j could not be built or started.
 */

const d = LOCAL_NEO4J_DEFAULTS;
export const USAGE = `usage: tsx db/cli.ts build
       tsx db/cli.ts start [--data-dir DIR] [--port N] [--heap SIZE] [--page-cache SIZE] [--start-timeout SECONDS]

  --data-dir       where Neo4j keeps its files (default ${d.dataDir})
  --port           the first Bolt port tried; the next free one is taken (default ${d.port})
  --heap           JVM heap, e.g. 512m or 2g (default ${d.heap})
  --page-cache     Neo4j page cache (default ${d.pageCache})
  --start-timeout  seconds to wait for Bolt (default ${d.startTimeoutSeconds})`;

const OPTIONS = {
  'data-dir': { type: 'string' },
  port: { type: 'string' },
  heap: { type: 'string' },
  'page-cache': { type: 'string' },
  'start-timeout': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = { [K in keyof typeof OPTIONS]?: string | boolean };

/** The local Neo4j's settings from the options, or what is wrong with them. */
function settingsOf(values: Values): LocalNeo4jSettings | string {
  const text = (key: keyof typeof OPTIONS) => (typeof values[key] === 'string' ? values[key] : undefined);
  const whole = (key: 'port' | 'start-timeout', fallback: number) => {
    const given = text(key);
    return given === undefined ? fallback : /^\d+$/.test(given) ? Number(given) : undefined;
  };
  const port = whole('port', d.port);
  const startTimeoutSeconds = whole('start-timeout', d.startTimeoutSeconds);
  if (port === undefined || port > 65535) return `--port ${text('port')}: must be a port number`;
  if (startTimeoutSeconds === undefined || startTimeoutSeconds === 0) return `--start-timeout ${text('start-timeout')}: must be a whole number of seconds`;
  return { dataDir: text('data-dir') ?? d.dataDir, port, heap: text('heap') ?? d.heap, pageCache: text('page-cache') ?? d.pageCache, startTimeoutSeconds };
}

/** Runs the local Neo4j until Ctrl-C; it starts without authentication, on loopback only. */
async function start(settings: LocalNeo4jSettings): Promise<void> {
  const connection = await openNeo4j({ ...settings, user: 'neo4j', password: '', database: 'neo4j' }, console.log);
  console.log(`Neo4j is ready at ${connection.uri} (Ctrl-C stops it)`);
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await connection.close();
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Bad usage: the problem, then the usage; exit code 2. */
function usage(problem: string): number {
  console.error(`${problem}\n\n${USAGE}`);
  return 2;
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return usage(message(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.error(USAGE);
    return 0;
  }
  const [command, ...extra] = positionals;
  if ((command !== 'build' && command !== 'start') || extra.length > 0) return usage(command === undefined ? 'no command given' : `unknown command: ${positionals.join(' ')}`);
  const settings = settingsOf(values);
  if (typeof settings === 'string') return usage(settings);
  try {
    if (command === 'build') {
      buildLauncher(console.log);
      console.log('Neo4j launcher is built.');
    } else await start(settings);
    return 0;
  } catch (error) {
    console.error(message(error));
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main(process.argv.slice(2));
