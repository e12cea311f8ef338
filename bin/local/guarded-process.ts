import { spawn } from 'node:child_process';

/**
 * A child process that cannot outlive this Node process.
 *
 * The command runs under a tiny `sh` watchdog that holds the read end of a
 * pipe from us: when we close it (stop) or the kernel closes it (we exited,
 * crashed or were killed, even with SIGKILL), the watchdog sends the command
 * SIGTERM. The child gets its own process group, so a terminal's Ctrl-C
 * reaches only us and we shut it down in order.
 */
const watchdogScript = [
  'exec 3<&0',
  '"$@" </dev/null &',
  'child=$!',
  '( cat <&3 >/dev/null; kill -TERM "$child" 2>/dev/null ) &',
  'watcher=$!',
  'exec 3<&-',
  'wait "$child"; status=$?',
  'kill "$watcher" 2>/dev/null',
  'exit "$status"',
].join('\n');

const outputTailBytes = 8 * 1024;

export interface GuardedProcess {
  readonly pid: number;
  /** Resolves with the exit code (or `null` when a signal ended it). */
  readonly exited: Promise<number | null>;
  /** The last few KB of the command's stdout and stderr, for error messages. */
  outputTail(): string;
  /** SIGTERM, then SIGKILL to the whole group if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export function spawnGuarded(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): GuardedProcess {
  const child = spawn('sh', ['-c', watchdogScript, 'watchdog', command, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const pid = child.pid;

  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-outputTailBytes);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  // The pipe closes when the watchdog is gone; nothing to report.
  child.stdin.on('error', () => undefined);

  let hasExited = false;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      hasExited = true;
      child.stdin.destroy();
      process.removeListener('exit', killOnExit);
      resolve(code);
    });
  });

  // Belt and braces for a normal or uncaught-error exit: signal at once rather than wait for the pipe.
  const killOnExit = () => signalGroup(pid, 'SIGTERM');
  process.on('exit', killOnExit);

  return {
    pid,
    exited,
    outputTail: () => tail,
    async stop(graceMs = 10_000) {
      if (hasExited) return;
      child.stdin.end();
      const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
      try {
        await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
