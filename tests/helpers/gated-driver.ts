import type { Driver, Session } from 'neo4j-driver';
import { activeGenerationKeyQuery } from '../../server/graph/generations.ts';

/**
 * The real driver, with the first query that `holds` picks kept waiting until `open()`: a test can
 * then act while a request is surely in the middle of its query. Every query still runs on Neo4j.
 */
export function gatedDriver(real: Driver, holds: (cypher: string) => boolean) {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const generationCypher = activeGenerationKeyQuery('').cypher;
  const state = { held: 0, generationLookups: 0, open: () => open() };

  const gatedSession = (session: Session): Session =>
    new Proxy(session, {
      get(target, prop) {
        if (prop !== 'run') {
          const value = Reflect.get(target, prop, target) as unknown;
          return typeof value === 'function' ? value.bind(target) : value;
        }
        return async (cypher: string, ...rest: unknown[]) => {
          if (state.held === 0 && holds(cypher)) {
            state.held += 1;
            await gate;
          }
          const result = await (target.run as (...args: unknown[]) => Promise<unknown>)(cypher, ...rest);
          if (cypher === generationCypher) state.generationLookups += 1;
          return result;
        };
      },
    });

  const driver = new Proxy(real, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (prop === 'session') return (...args: Parameters<Driver['session']>) => gatedSession(target.session(...args));
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return Object.assign(state, { driver });
}
