import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmbeddedNeo4jConfig, PROJECT_ROOT } from '../config/app-config';

/**
 * The embedded default database: Neo4j Community resolved from Maven Central
 * by embedded/pom.xml and run in a child JVM by embedded/EmbeddedNeo4j.java,
 * with Bolt on loopback and its store under the configured data folder.
 */

const EMBEDDED_DIR = path.join(PROJECT_ROOT, 'embedded');
const POM = path.join(EMBEDDED_DIR, 'pom.xml');
const LAUNCHER = path.join(EMBEDDED_DIR, 'EmbeddedNeo4j.java');
const READY_TIMEOUT_MS = 180_000;

export class EmbeddedNeo4jError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedNeo4jError';
  }
}

export interface EmbeddedNeo4j {
  uri: string;
  dataDir: string;
  /** The process id of the current JVM (it changes with each restart), or undefined while none runs. */
  pid(): number | undefined;
  /** Shuts the database down cleanly and ends the restarts, also while one is pending or under way. */
  stop(): Promise<void>;
}

type Log = (line: string) => void;

const HOW_ELSE =
  'or point the app at a Neo4j 5 server with NEO4J_URI (and NEO4J_USERNAME, NEO4J_PASSWORD), ' +
  'or run Neo4j and the app together with `docker compose up`.';

function requireTool(command: string, args: string[], what: string): void {
  const probe = spawnSync(command, args, { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new EmbeddedNeo4jError(
      `The embedded Neo4j needs ${what}, and \`${command}\` was not found or failed. ` +
        `Install ${what} (for example \`apt-get install openjdk-17-jdk-headless maven\`), ${HOW_ELSE}`,
    );
  }
}

function neo4jVersion(): string {
  const pom = fs.readFileSync(POM, 'utf8');
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom);
  if (!match) throw new EmbeddedNeo4jError(`${POM} names no <neo4j.version>`);
  return match[1];
}

/**
 * The runtime classpath of Neo4j, resolved by Maven into the local repository
 * once and remembered in a file under the data folder's parent; resolved again
 * when the version changes or a jar has gone.
 */
async function resolveClasspath(cacheDir: string, log: Log): Promise<string> {
  const version = neo4jVersion();
  const classpathFile = path.join(cacheDir, `neo4j-${version}.classpath`);
  if (fs.existsSync(classpathFile)) {
    const classpath = fs.readFileSync(classpathFile, 'utf8').trim();
    if (classpath && classpath.split(path.delimiter).every((jar) => fs.existsSync(jar))) return classpath;
  }
  requireTool('mvn', ['-v'], 'Maven');
  fs.mkdirSync(cacheDir, { recursive: true });
  log(`Resolving Neo4j Community ${version} from Maven Central (first start only; about 120 MB)...`);
  const tmpFile = `${classpathFile}.tmp`;
  await runMaven(
    ['-B', '-f', POM, 'dependency:build-classpath', '-DincludeScope=runtime', `-Dmdep.outputFile=${tmpFile}`],
    log,
  );
  fs.renameSync(tmpFile, classpathFile);
  log(`Neo4j ${version} is ready.`);
  return fs.readFileSync(classpathFile, 'utf8').trim();
}

function runMaven(args: string[], log: Log): Promise<void> {
  return new Promise((resolve, reject) => {
    const maven = spawn('mvn', args, { cwd: EMBEDDED_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    let downloaded = 0;
    let bytes = 0;
    let lastReport = 0;
    const tail: string[] = [];
    const onLine = (line: string) => {
      tail.push(line);
      if (tail.length > 30) tail.shift();
      const match = /^\[INFO\] Downloaded from [^:]+: \S+ \(([\d.]+) (kB|MB|B)/.exec(line);
      if (!match) return;
      downloaded++;
      const unit = match[2] === 'MB' ? 1e6 : match[2] === 'kB' ? 1e3 : 1;
      bytes += Number(match[1]) * unit;
      const now = Date.now();
      if (now - lastReport > 2000) {
        lastReport = now;
        log(`  downloaded ${downloaded} files, ${(bytes / 1e6).toFixed(1)} MB`);
      }
    };
    splitLines(maven.stdout!, onLine);
    splitLines(maven.stderr!, onLine);
    maven.on('error', (error) => reject(new EmbeddedNeo4jError(`could not run Maven: ${error.message}`)));
    maven.on('close', (code) => {
      if (code === 0) {
        log(`  downloaded ${downloaded} files, ${(bytes / 1e6).toFixed(1)} MB`);
        resolve();
      } else {
        reject(
          new EmbeddedNeo4jError(
            `Maven could not resolve Neo4j (exit ${code}). Its last lines:\n${tail.join('\n')}\n` +
              `Check the network access to Maven Central, ${HOW_ELSE}`,
          ),
        );
      }
    });
  });
}

function splitLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let buffer = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffer += chunk;
    let at: number;
    while ((at = buffer.indexOf('\n')) >= 0) {
      onLine(buffer.slice(0, at).replace(/\r$/, ''));
      buffer = buffer.slice(at + 1);
    }
  });
}

export async function startEmbeddedNeo4j(config: EmbeddedNeo4jConfig, log: Log = console.log): Promise<EmbeddedNeo4j> {
  requireTool('java', ['-version'], 'Java 17 or newer');
  const classpath = await resolveClasspath(path.join(path.dirname(config.dataDir), 'classpath'), log);
  fs.mkdirSync(config.dataDir, { recursive: true });
  log(`Starting the embedded Neo4j (data in ${config.dataDir}, Bolt on 127.0.0.1:${config.boltPort})...`);
  const jvm = spawnJvm(classpath, config);
  const uri = await waitUntilReady(jvm, config);
  return supervise(jvm, uri, classpath, config, log);
}

const FIRST_RESTART_DELAY_MS = 1_000;
const MAX_RESTART_DELAY_MS = 30_000;
/** Up this long, a JVM that exits counts as a fresh failure, not one more of a crash loop. */
const STABLE_UPTIME_MS = 60_000;

/**
 * Restarts the JVM on the same port and data folder whenever it exits without
 * stop(), waiting 1 s, 2 s, 4 s ... up to 30 s between attempts. The driver
 * reconnects by itself once Bolt answers again, and Neo4j recovers its store
 * from the transaction log after a kill.
 */
function supervise(first: ChildProcess, uri: string, classpath: string, config: EmbeddedNeo4jConfig, log: Log): EmbeddedNeo4j {
  let jvm = first;
  let upSince = Date.now();
  let exitedAt = 0;
  let nextDelayMs = FIRST_RESTART_DELAY_MS;
  let attempt = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let stopping = false;
  let stopped: Promise<void> | undefined;

  const watch = (running: ChildProcess) =>
    running.once('exit', (code, signal) => {
      if (stopping) return;
      exitedAt = Date.now();
      if (exitedAt - upSince >= STABLE_UPTIME_MS) nextDelayMs = FIRST_RESTART_DELAY_MS;
      attempt = 0;
      scheduleRestart(`The embedded Neo4j (pid ${running.pid}) exited unexpectedly (${exitReason(code, signal)})`);
    });

  const scheduleRestart = (reason: string) => {
    log(`${reason}; restarting it in ${nextDelayMs / 1000} s`);
    restartTimer = setTimeout(restart, nextDelayMs);
    nextDelayMs = Math.min(nextDelayMs * 2, MAX_RESTART_DELAY_MS);
  };

  const restart = async () => {
    restartTimer = undefined;
    attempt++;
    log(`Restarting the embedded Neo4j (attempt ${attempt}, data in ${config.dataDir}, Bolt on 127.0.0.1:${config.boltPort})...`);
    jvm = spawnJvm(classpath, config);
    try {
      await waitUntilReady(jvm, config);
    } catch (error) {
      if (!stopping) scheduleRestart(`The embedded Neo4j did not start again: ${(error as Error).message}`);
      return;
    }
    // A stop() during the start has already asked this JVM to shut down.
    if (stopping) return;
    upSince = Date.now();
    watch(jvm);
    log(`The embedded Neo4j is back on ${uri} (pid ${jvm.pid}), ${((upSince - exitedAt) / 1000).toFixed(1)} s after it exited`);
  };

  watch(first);
  return {
    uri,
    dataDir: config.dataDir,
    pid: () => (isRunning(jvm) ? jvm.pid : undefined),
    stop: () =>
      (stopped ??= (() => {
        stopping = true;
        clearTimeout(restartTimer);
        return stopJvm(jvm);
      })()),
  };
}

function spawnJvm(classpath: string, config: EmbeddedNeo4jConfig): ChildProcess {
  return spawn(
    'java',
    [`-Xmx${config.heap}`, '-XX:+UseG1GC', '-cp', classpath, LAUNCHER, config.dataDir, String(config.boltPort), config.pageCache],
    // A process group of its own: a Ctrl-C for the app would otherwise end the JVM before stop() and look
    // like a crash to restart. It still dies with the app, whose end closes its stdin.
    { stdio: ['pipe', 'pipe', 'pipe'], detached: true },
  );
}

function isRunning(jvm: ChildProcess): boolean {
  return jvm.exitCode === null && jvm.signalCode === null;
}

function exitReason(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

function waitUntilReady(jvm: ChildProcess, config: EmbeddedNeo4jConfig): Promise<string> {
  return new Promise((resolve, reject) => {
    const output: string[] = [];
    const fail = (reason: string) => {
      clearTimeout(timer);
      jvm.kill('SIGKILL');
      const logFile = path.join(config.dataDir, 'logs', 'debug.log');
      reject(
        new EmbeddedNeo4jError(
          `The embedded Neo4j did not start: ${reason}.\n${output.slice(-20).join('\n')}\n` +
            `See ${logFile}. If another Neo4j uses port ${config.boltPort}, set EMBEDDED_NEO4J_BOLT_PORT; ` +
            `if another app uses ${config.dataDir}, stop it or set EMBEDDED_NEO4J_DATA; ${HOW_ELSE}`,
        ),
      );
    };
    const timer = setTimeout(() => fail(`no answer within ${READY_TIMEOUT_MS / 1000} s`), READY_TIMEOUT_MS);
    const onLine = (line: string) => {
      output.push(line);
      if (output.length > 200) output.shift();
      const ready = /^READY (bolt:\/\/\S+)/.exec(line);
      if (ready) {
        clearTimeout(timer);
        jvm.removeListener('exit', onExit);
        resolve(ready[1]);
      }
    };
    const onExit = (code: number | null) => fail(`the JVM exited with code ${code}`);
    splitLines(jvm.stdout!, onLine);
    splitLines(jvm.stderr!, onLine);
    jvm.once('exit', onExit);
    jvm.once('error', (error) => fail(error.message));
  });
}

function stopJvm(jvm: ChildProcess): Promise<void> {
  if (!isRunning(jvm)) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => jvm.kill('SIGKILL'), 30_000);
    jvm.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    // Closing its stdin asks the launcher to shut the database down cleanly.
    jvm.stdin?.end();
  });
}
