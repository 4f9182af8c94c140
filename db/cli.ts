import { buildLauncher } from './launcher.ts';
import { openNeo4j } from './neo4j.ts';
import { loadConfig } from '../server/config.ts';

/** `build` compiles the launcher; `start` runs Neo4j in the foreground until Ctrl-C. */
const commands: Record<string, () => Promise<void>> = {
  async build() {
    buildLauncher(console.log);
    console.log('Neo4j launcher is built.');
  },
  async start() {
    const connection = await openNeo4j(loadConfig(), console.log);
    console.log(`Neo4j is ready at ${connection.uri} (Ctrl-C stops it)`);
    await new Promise<void>((done) => {
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
    });
    await connection.close();
  },
};

const command = commands[process.argv[2] ?? ''];
if (!command) {
  console.error(`usage: db/cli.ts ${Object.keys(commands).join('|')}`);
  process.exit(2);
}
command().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
