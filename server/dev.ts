import { createServer } from 'vite';
import { boot, exitWith } from './boot.ts';
import { loadConfig } from './config.ts';

/** `npm run dev`: the API as in production, plus Vite's dev server with hot reload proxying /api to it. */
try {
  const config = loadConfig();
  const api = await boot(config, { serveWeb: false });
  const vite = await createServer({
    configFile: 'vite.config.ts',
    server: { host: config.HOST, proxy: { '/api': api, '/openapi.json': api, '/docs': api } },
  });
  await vite.listen();
  console.log(`Explorer (hot reload): ${vite.resolvedUrls?.local[0] ?? ''}   API: ${api}/api/v1`);
} catch (error) {
  exitWith(error);
}
