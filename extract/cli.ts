/**
 * The extraction command line: `tsx extract/cli.ts <command> [options]`. One module per command,
 * each exporting `main(argv): Promise<number>` (the exit code).
 */
type Command = () => Promise<{ main(argv: string[]): Promise<number> }>;

const commands: Record<string, Command> = {
  check: () => import('./check.ts'),
  compile: () => import('./compile.ts'),
  load: () => import('./load.ts'),
};

const [name, ...argv] = process.argv.slice(2);
const command = name === undefined ? undefined : commands[name];
if (!command) {
  console.error(`usage: tsx extract/cli.ts <${Object.keys(commands).join('|')}> [options]`);
  process.exitCode = 2;
} else {
  process.exitCode = await (await command()).main(argv);
}
