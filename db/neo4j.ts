import neo4j, { type Driver } from 'neo4j-driver';
import { launchNeo4j, type LaunchedNeo4j } from './launcher.ts';

export class Neo4jUnreachableError extends Error {
  override name = 'Neo4jUnreachableError';
}

export interface Neo4jConnection {
  driver: Driver;
  uri: string;
  database: string;
  /** The self-started Neo4j, when no URI was given. */
  launched?: LaunchedNeo4j;
  close(): Promise<void>;
}

/** Where and how the project's own Neo4j runs when no URI is given. */
export interface LocalNeo4jSettings {
  dataDir: string;
  /** The first port tried; the launcher moves to the next free one. */
  port: number;
  heap: string;
  pageCache: string;
  /** Seconds to wait for Bolt to accept connections. */
  startTimeoutSeconds: number;
}

/** The local Neo4j's settings when none are given; the server's configuration defaults to them too. */
export const LOCAL_NEO4J_DEFAULTS: LocalNeo4jSettings = { dataDir: '.data/neo4j', port: 7687, heap: '1g', pageCache: '256m', startTimeoutSeconds: 180 };

export interface Neo4jSettings extends LocalNeo4jSettings {
  /** An existing Neo4j; when unset, the project's own is started. */
  uri?: string | undefined;
  user: string;
  password: string;
  database: string;
}

/** A URI fit for logs and errors: any credentials in it are dropped. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//');
}

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

/** Connects to `settings.uri`, or starts the project's own Neo4j when it is not set. */
export async function openNeo4j(settings: Neo4jSettings, log: (line: string) => void = () => {}): Promise<Neo4jConnection> {
  let launched: LaunchedNeo4j | undefined;
  let uri = settings.uri;
  if (!uri) {
    launched = await launchNeo4j({
      dataDir: settings.dataDir,
      port: settings.port,
      heap: settings.heap,
      pageCache: settings.pageCache,
      startTimeoutSeconds: settings.startTimeoutSeconds,
      password: settings.password || undefined,
      log,
    });
    uri = launched.uri;
  }
  const driver = createDriver(uri, launched?.user ?? settings.user, launched?.password ?? settings.password);
  try {
    await driver.verifyConnectivity({ database: settings.database });
  } catch (error) {
    await driver.close();
    await launched?.stop();
    const cause = error instanceof Error ? error.message : String(error);
    throw new Neo4jUnreachableError(`Neo4j at ${redactUri(uri)} is unreachable: ${cause}`);
  }
  return {
    driver,
    uri,
    database: settings.database,
    launched,
    async close() {
      await driver.close();
      await launched?.stop();
    },
  };
}
