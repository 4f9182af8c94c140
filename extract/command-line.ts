import { pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * The one style of the project's commands: each module exports `main(argv)`, which parses its
 * arguments with node's parseArgs and returns the exit code: 0 done, 1 failed, 2 bad usage.
 */

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Parses a command's arguments strictly. `--help` prints the usage and gives exit code 0; an unknown
 * or malformed option prints the problem and the usage and gives 2: the caller returns that number.
 */
export function parseCommandLine<T extends Omit<ParseArgsConfig, 'args' | 'strict'>>(
  argv: string[],
  usage: string,
  config: T,
  say: (text: string) => void = (text) => console.error(text),
): ReturnType<typeof parseArgs<T & { args: string[]; strict: true }>> | number {
  if (argv.includes('--help') || argv.includes('-h')) {
    say(usage);
    return EXIT.ok;
  }
  try {
    return parseArgs({ ...config, args: argv, strict: true });
  } catch (error) {
    say(`${errorMessage(error)}\n\n${usage}`);
    return EXIT.usage;
  }
}

/** Says what is wrong with an argument and shows the usage; gives exit code 2. */
export function usageError(problem: string, usage: string, say: (text: string) => void = (text) => console.error(text)): number {
  say(`${problem}\n\n${usage}`);
  return EXIT.usage;
}

/**
 * Runs `main` with the process's arguments when `moduleUrl` is the program started, and sets the
 * exit code it returns; an unexpected error prints its message and exits 1.
 */
export function runIfMain(moduleUrl: string, main: (argv: string[]) => Promise<number>): void {
  const entry = process.argv[1];
  if (!entry || moduleUrl !== pathToFileURL(entry).href) return;
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(errorMessage(error));
      process.exitCode = EXIT.failed;
    },
  );
}

/** Where a command reads its settings and writes its output; tests pass their own. */
export interface CommandIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export const processIo = (): CommandIo => ({ env: process.env, stdout: process.stdout, stderr: process.stderr });
