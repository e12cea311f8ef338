import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';

const run = promisify(execFile);

/**
 * The browser for the browser tests: Debian's Chromium package, never a
 * browser download (the machines reach only the npm registry and Debian's
 * archive). A CJK font comes with it so zh-CN pages render as people see
 * them, in screenshots too.
 */
export const chromiumPath = '/usr/bin/chromium';
const debianPackages = ['chromium', 'fonts-wqy-microhei'];
const installHint = `Chromium is missing: run \`apt-get update && apt-get install -y ${debianPackages.join(' ')}\` (as root) and run the tests again.`;

let installing: Promise<string> | undefined;

function isDebian(): boolean {
  try {
    return /^ID=debian$/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

async function install(): Promise<string> {
  const options = { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, maxBuffer: 64 * 1024 * 1024 };
  try {
    // Another test process installing at the same time holds apt's lock: wait for it instead of failing.
    const waitForLock = ['-o', 'DPkg::Lock::Timeout=600'];
    await run('apt-get', [...waitForLock, 'update', '-qq'], options);
    await run('apt-get', [...waitForLock, 'install', '-y', '-qq', ...debianPackages], options);
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? error).trim().split('\n').pop();
    throw new Error(`Installing Chromium with apt-get failed (${stderr}). ${installHint}`);
  }
  if (!existsSync(chromiumPath)) throw new Error(`apt-get installed chromium but ${chromiumPath} is not there. ${installHint}`);
  return chromiumPath;
}

/** `/usr/bin/chromium`, installed once with apt-get when missing and this is root on Debian. */
export function ensureChromium(): Promise<string> {
  if (existsSync(chromiumPath)) return Promise.resolve(chromiumPath);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !isDebian()) return Promise.reject(new Error(installHint));
  // One install however many tests of this process ask at once.
  installing ??= install();
  return installing;
}

/** Flags for a quiet, offline, throwaway headless browser. */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches headless Chromium. Playwright gives every launch a fresh
 * temporary profile (user-data-dir) and deletes it on `close()`; it refuses
 * a `--user-data-dir` flag for `launch`, so none is passed here.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = await ensureChromium();
  return chromium.launch({ executablePath, headless: true, args: chromiumFlags });
}
