import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** The explorer: sources in web/, built into dist/web, which the Fastify server serves in production. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'web'),
  base: '/',
  publicDir: false,
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    // `npm run dev` passes the API's own address; this default serves a bare `vite` run.
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}` },
  },
});
