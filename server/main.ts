import { boot, exitWith } from './boot.ts';
import { loadConfig } from './config.ts';

/** `npm start`: Neo4j up, the curated seed graph loaded, API and built web UI served. */
try {
  const address = await boot(loadConfig(), { serveWeb: true });
  console.log(`Explorer: ${address}/   API: ${address}/api/v1   API docs: ${address}/docs`);
} catch (error) {
  exitWith(error);
}
