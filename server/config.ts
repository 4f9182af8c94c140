import { z } from 'zod';
import { LOCAL_NEO4J_DEFAULTS, type Neo4jSettings } from '../db/neo4j.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const size = z.string().regex(/^\d+[kmg]$/i, 'must be a size like 512m or 2g');

/** The least a token must carry, in bits, by the spread of its characters (Shannon entropy times length). */
const TOKEN_MIN_BITS = 96;

/**
 * A token's bits by the spread of its own characters: 0 for `aaaa…`, about 4 per character for random
 * hex. A guard against the obvious (repeats, a word), not a proof of randomness.
 */
export function tokenBits(token: string): number {
  const counts = new Map<string, number>();
  for (const c of token) counts.set(c, (counts.get(c) ?? 0) + 1);
  const length = [...token].length;
  let perCharacter = 0;
  for (const n of counts.values()) perCharacter -= (n / length) * Math.log2(n / length);
  return perCharacter * length;
}

const GENERATE = 'e.g. openssl rand -hex 32';
const adminToken = z
  .string()
  .min(24, `must be at least 24 characters (${GENERATE})`)
  .regex(/^\S+$/, 'must hold no whitespace: the bearer token of an Authorization header never does, so no request could match it')
  .refine((token) => tokenBits(token) >= TOKEN_MIN_BITS, `is too predictable: it must carry ${TOKEN_MIN_BITS} bits or more (repeated or few distinct characters carry less); use a random one, ${GENERATE}`);

/** Every setting of the project, read from the environment in this one place. */
export const ConfigSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** When unset, the project starts its own Neo4j (db/). */
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|bolt\+s|bolt\+ssc|neo4j|neo4j\+s|neo4j\+ssc):\/\/.+/, 'must be a bolt://, neo4j:// or neo4j+s:// URI')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  /** Where the self-started Neo4j keeps its files. */
  NEO4J_DATA_DIR: z.string().min(1).default(LOCAL_NEO4J_DEFAULTS.dataDir),
  /** First port the self-started Neo4j tries; it moves to the next free one. */
  NEO4J_BOLT_PORT: port.default(LOCAL_NEO4J_DEFAULTS.port),
  NEO4J_HEAP: size.default(LOCAL_NEO4J_DEFAULTS.heap),
  NEO4J_PAGECACHE: size.default(LOCAL_NEO4J_DEFAULTS.pageCache),
  /** Seconds to wait for the self-started Neo4j to accept Bolt connections. */
  NEO4J_START_TIMEOUT: positiveInt.default(LOCAL_NEO4J_DEFAULTS.startTimeoutSeconds),
  /** Milliseconds a single read query may run before Neo4j stops it. */
  QUERY_TIMEOUT_MS: positiveInt.default(5000),
  /** The named graph the API serves; tests and benchmarks load others beside it. */
  GRAPH_DATASET: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).default('seed'),
  /** Load the curated seed graph on start. */
  LOAD_SEED: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /**
   * Comma-separated host names the server answers to besides loopback ones (localhost, 127.0.0.1, [::1]),
   * while HOST is loopback; e.g. the name a reverse proxy on this machine passes on. Others get 403.
   */
  ALLOWED_HOSTS: z.string().default(''),
  /** Comma-separated origins allowed by CORS; empty means same-origin only. */
  CORS_ORIGINS: z.string().default(''),
  /** The most nodes one export may hold; a larger selection is refused with a way to narrow it. */
  EXPORT_MAX_NODES: positiveInt.default(20_000),
  /** The most edges one export may hold. */
  EXPORT_MAX_EDGES: positiveInt.default(100_000),
  /** Requests one client (IP address) may make per RATE_LIMIT_WINDOW_MS under /api; 0 turns the limit off. */
  RATE_LIMIT_MAX: z.coerce.number().int().min(0).default(300),
  /** The window RATE_LIMIT_MAX counts over, in milliseconds. */
  RATE_LIMIT_WINDOW_MS: positiveInt.default(60_000),
  /** Trust X-Forwarded-For from a reverse proxy, so the rate limit sees each client's address (only behind one). */
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** API requests served at once; more wait in line (back-pressure in front of Neo4j). 0: no limit. */
  API_MAX_CONCURRENCY: z.coerce.number().int().min(0).default(16),
  /** Requests that may wait for a turn; past that, 503 OVERLOADED at once. */
  API_MAX_QUEUE: z.coerce.number().int().min(0).default(1000),
  /** The largest request body accepted, in bytes; the read API takes none, the admin route a small one. */
  BODY_LIMIT: positiveInt.default(65_536),
  /** Milliseconds a client may take to send a whole request (headers and body); slower ones get 408. */
  REQUEST_TIMEOUT_MS: positiveInt.default(30_000),
  /** Memory (MiB) for answers of the read routes, kept while the generation they came from is served; 0 turns it off. */
  RESPONSE_CACHE_MB: z.coerce.number().int().min(0).default(64),
  /**
   * Turns the admin routes (POST /api/v1/admin/reload) on; they then require `Authorization: Bearer
   * <token>`. Unset: the API is read-only and those routes do not exist.
   */
  ADMIN_TOKEN: adminToken.optional(),
});
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates the environment once; a bad value stops start-up with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = ConfigSchema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
  throw new ConfigError(`invalid configuration in the environment:\n${problems}`);
}

/** The Neo4j settings of a configuration, as the launcher and driver side (db/) takes them. */
export function neo4jSettings(config: Config): Neo4jSettings {
  return {
    uri: config.NEO4J_URI,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
    dataDir: config.NEO4J_DATA_DIR,
    port: config.NEO4J_BOLT_PORT,
    heap: config.NEO4J_HEAP,
    pageCache: config.NEO4J_PAGECACHE,
    startTimeoutSeconds: config.NEO4J_START_TIMEOUT,
  };
}
