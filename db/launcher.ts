import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const DB_DIR = dirname(fileURLToPath(import.meta.url));
const JAR = join(DB_DIR, 'target', 'neo4j-launcher.jar');
const LIB = join(DB_DIR, 'target', 'lib');
const JAVA_SOURCES = join(DB_DIR, 'src', 'main', 'java', 'graph', 'launcher');
const READY = /^NEO4J_BOLT_READY (bolt:\/\/\S+)$/;
/** The local Neo4j's only user. */
const USER = 'neo4j';
/** The generated password's file, in the data folder. */
const PASSWORD_FILE = 'neo4j-password';

export class LauncherError extends Error {
  override name = 'LauncherError';
}

export interface LaunchOptions {
  dataDir: string;
  host?: string;
  port?: number;
  heap?: string;
  pageCache?: string;
  startTimeoutSeconds?: number;
  /** The password of the user neo4j; by default the one generated at the data folder's first start. */
  password?: string;
  /** Receives the launcher's own lines (port moves, errors). */
  log?: (line: string) => void;
}

export interface LaunchedNeo4j {
  uri: string;
  user: string;
  password: string;
  pid: number;
  /** Shuts Neo4j down cleanly and waits for the JVM to exit. */
  stop(): Promise<void>;
}

function requireTool(command: string, args: string[], install: string): void {
  const probe = spawnSync(command, args, { stdio: 'ignore' });
  if (probe.error) {
    throw new LauncherError(`${command} was not found on PATH; the local Neo4j needs it. Install ${install}, or set NEO4J_URI to use an existing Neo4j 5.`);
  }
}

function isBuilt(): boolean {
  if (!existsSync(JAR) || !existsSync(LIB)) return false;
  const built = statSync(JAR).mtimeMs;
  const sources = [join(DB_DIR, 'pom.xml'), ...readdirSync(JAVA_SOURCES).map((name) => join(JAVA_SOURCES, name))];
  return sources.every((source) => statSync(source).mtimeMs <= built);
}

/** The data folder, readable by this user only (the graph and the password file are in it). */
function privateFolder(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  // A folder made before, or by hand, is closed too.
  chmodSync(path, 0o700);
}

/**
 * The password kept in the data folder, made at its first start: 256 random bits in a file only this
 * user can read, so the database is closed to other local users and to web pages alike.
 */
export function localPassword(dataDir: string, log: (line: string) => void = () => {}): string {
  const file = join(resolve(dataDir), PASSWORD_FILE);
  try {
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
    log(`the local Neo4j's user ${USER} has a new password, in ${file} (readable by this user only)`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  chmodSync(file, 0o600);
  const password = readFileSync(file, 'utf8').split('\n')[0]?.trim() ?? '';
  if (!password) throw new LauncherError(`${file} holds no password; delete it to have a new one made`);
  return password;
}

/** Builds the launcher with Maven once; later calls reuse the jar until its sources change. */
export function buildLauncher(log: (line: string) => void = () => {}): void {
  requireTool('java', ['-version'], 'a Java 17 JDK (Debian: openjdk-17-jdk-headless)');
  if (isBuilt()) return;
  requireTool('mvn', ['-v'], 'Maven (Debian: maven)');
  log('building the Neo4j launcher with Maven (the first time downloads Neo4j from Maven Central)...');
  const build = spawnSync('mvn', ['-q', '-B', 'package', '-DskipTests'], { cwd: DB_DIR, encoding: 'utf8' });
  if (build.status !== 0) {
    const output = `${build.stdout ?? ''}${build.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new LauncherError(`building the Neo4j launcher failed (mvn exit ${build.status}):\n${output}`);
  }
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Last resort: a JVM must never outlive this process, even on an abrupt exit. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

/** Starts a real Neo4j Community on a loopback port and resolves once Bolt is ready. */
export async function launchNeo4j(options: LaunchOptions): Promise<LaunchedNeo4j> {
  const log = options.log ?? (() => {});
  buildLauncher(log);
  const dataDir = resolve(options.dataDir);
  privateFolder(dataDir);
  const password = options.password ?? localPassword(dataDir, log);
  if (/[\r\n]/.test(password)) throw new LauncherError('the Neo4j password must be a single line');

  const args = [
    `-Xmx${options.heap ?? '1g'}`,
    '-XX:+UseSerialGC',
    '-cp',
    `${JAR}:${LIB}/*`,
    'graph.launcher.Launcher',
    '--data', dataDir,
    '--host', options.host ?? '127.0.0.1',
    '--port', String(options.port ?? 7687),
    '--pagecache', options.pageCache ?? '128m',
  ];
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  running.add(child);
  installExitHook();
  // The launcher reads the password from its first line of input: arguments are visible to every user.
  // A launcher that died cannot take it (EPIPE); its exit is reported below.
  child.stdin!.on('error', () => {});
  child.stdin!.write(`${password}\n`);

  const stderrTail: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
    if (line.startsWith('neo4j-launcher:')) log(line);
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => {
    running.delete(child);
    done(code);
  }));

  const timeoutMs = (options.startTimeoutSeconds ?? 180) * 1000;
  const uri = await new Promise<string>((ready, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new LauncherError(`Neo4j did not become ready within ${timeoutMs / 1000} s (data folder ${dataDir})`));
    }, timeoutMs);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = READY.exec(line.trim());
      if (match?.[1]) {
        clearTimeout(timer);
        ready(match[1]);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new LauncherError(`Neo4j exited before it was ready (exit ${code}):\n${stderrTail.slice(-8).join('\n')}`));
    });
  });

  return {
    uri,
    user: USER,
    password,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // Closing stdin is the launcher's signal to shut the database down cleanly.
      child.stdin!.end();
      const forced = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(forced);
    },
  };
}
