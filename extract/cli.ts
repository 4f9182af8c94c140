import { EXIT, runIfMain, usageError } from './command-line.ts';

/**
 * The extraction command line: `tsx extract/cli.ts <command> [options]`. One module per command,
 * each exporting `main(argv): Promise<number>` (the exit code).
 */
type Command = () => Promise<{ main(argv: string[]): Promise<number> }>;

const commands: Record<string, Command> = {
  check: () => import('./check.ts'),
  compile: () => import('./compile.ts'),
};

const USAGE = `usage: tsx extract/cli.ts <${Object.keys(commands).join('|')}> [options]   (--help after a command for its options)`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (command) return (await command()).main(rest);
  if (name !== '--help' && name !== '-h') return usageError(name === undefined ? 'no command given' : `unknown command: ${name}`, USAGE);
  console.error(USAGE);
  return EXIT.ok;
}

runIfMain(import.meta.url, main);
