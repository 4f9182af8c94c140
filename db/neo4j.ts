import neo4j, { type Driver } from 'neo4j-driver';
import { redactUri, type Config } from '../server/config.ts';
import { launchNeo4j, type LaunchedNeo4j } from './launcher.ts';

export class Neo4jUnreachableError extends Error {
  override name = 'Neo4jUnreachableError';
}

export interface Neo4jConnection {
  driver: Driver;
  uri: string;
  database: string;
  /** The self-started Neo4j, when NEO4J_URI was not set. */
  launched?: LaunchedNeo4j;
  close(): Promise<void>;
}

type Neo4jSettings = Pick<Config, 'NEO4J_URI' | 'NEO4J_USER' | 'NEO4J_PASSWORD' | 'NEO4J_DATABASE' | 'NEO4J_DATA_DIR' | 'NEO4J_BOLT_PORT' | 'NEO4J_HEAP' | 'NEO4J_PAGECACHE' | 'NEO4J_START_TIMEOUT'>;

export function createDriver(uri: string, user: string, password: string): Driver {
  // An empty password means none: for a Neo4j whose authentication is off.
  const auth = password ? neo4j.auth.basic(user, password) : undefined;
  return neo4j.driver(uri, auth, {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 100,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
  });
}

/** Connects to NEO4J_URI, or starts the project's own Neo4j when it is not set. */
export async function openNeo4j(settings: Neo4jSettings, log: (line: string) => void = () => {}): Promise<Neo4jConnection> {
  let launched: LaunchedNeo4j | undefined;
  let uri = settings.NEO4J_URI;
  if (!uri) {
    launched = await launchNeo4j({
      dataDir: settings.NEO4J_DATA_DIR,
      port: settings.NEO4J_BOLT_PORT,
      heap: settings.NEO4J_HEAP,
      pageCache: settings.NEO4J_PAGECACHE,
      startTimeoutSeconds: settings.NEO4J_START_TIMEOUT,
      password: settings.NEO4J_PASSWORD || undefined,
      log,
    });
    uri = launched.uri;
  }
  const driver = createDriver(uri, launched?.user ?? settings.NEO4J_USER, launched?.password ?? settings.NEO4J_PASSWORD);
  try {
    await driver.verifyConnectivity({ database: settings.NEO4J_DATABASE });
  } catch (error) {
    await driver.close();
    await launched?.stop();
    const cause = error instanceof Error ? error.message : String(error);
    throw new Neo4jUnreachableError(`Neo4j at ${redactUri(uri)} is unreachable: ${cause}`);
  }
  return {
    driver,
    uri,
    database: settings.NEO4J_DATABASE,
    launched,
    async close() {
      await driver.close();
      await launched?.stop();
    },
  };
}
