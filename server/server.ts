import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';

/**
 * Listens, and closes gracefully on SIGINT/SIGTERM: in-flight requests finish, then `onClose`
 * (driver, self-started Neo4j) runs. A second signal exits at once.
 */
export async function serve(app: FastifyInstance, config: Config, onClose: () => Promise<void>): Promise<string> {
  const address = await app.listen({ host: config.HOST, port: config.PORT });
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) process.exit(1);
    closing = true;
    app.log.info({ signal }, 'shutting down');
    app
      .close()
      .then(onClose)
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  return address;
}
