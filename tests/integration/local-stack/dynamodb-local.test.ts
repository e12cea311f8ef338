import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ensureDynamoDbLocal } from '../../../bin/local/dynamodb-local';
import { assertJavaAvailable, javaMajorVersion } from '../../../bin/local/java';
import { LocalStackError } from '../../../bin/local/local-stack-error';
import { repoRoot } from '../../../bin/local/paths';
import { temporaryDirectory } from '../../support/dynamodb';

/** Running Amazon's DynamoDB Local: a clear word when Java is missing, and no Java left behind. */
describe('without Java', () => {
  let emptyPath: Awaited<ReturnType<typeof temporaryDirectory>>;
  beforeAll(async () => {
    emptyPath = await temporaryDirectory();
  });
  afterAll(() => emptyPath?.remove());

  it('says in one line what is missing and how to install it', () => {
    let caught: unknown;
    try {
      assertJavaAvailable({ ...process.env, PATH: emptyPath.dir });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LocalStackError);
    const { message } = caught as Error;
    expect(message).toMatch(/java/i);
    expect(message).toContain('apt-get install -y openjdk-17-jre-headless');
    expect(message).not.toContain('\n');
  });

  it('stops ensureDynamoDbLocal before it fetches anything', async () => {
    const target = path.join(emptyPath.dir, 'dynamodb-local');
    await expect(ensureDynamoDbLocal({ dir: target, env: { ...process.env, PATH: emptyPath.dir } })).rejects.toThrow(/apt-get install -y openjdk-17-jre-headless/);
    await expect(fs.stat(target)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reads Java versions old and new', () => {
    expect(javaMajorVersion('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(javaMajorVersion('java version "1.8.0_392"')).toBe(8);
    expect(javaMajorVersion('openjdk version "21" 2023-09-19')).toBe(21);
  });
});

describe('the Java process', () => {
  /** True while some process's command line names this port for DynamoDB Local. */
  async function javaListensOn(port: number): Promise<boolean> {
    for (const pid of await fs.readdir('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
      if (cmdline.includes('DynamoDBLocal.jar') && cmdline.includes(`-port\0${port}\0`)) return true;
    }
    return false;
  }

  it('does not outlive a Node process that is killed outright', async () => {
    const script = `
      const { startDynamoDbLocal } = require(${JSON.stringify(path.join(repoRoot, 'bin', 'local', 'dynamodb-local.ts'))});
      startDynamoDbLocal().then((db) => console.log('PORT ' + db.port));
      setInterval(() => undefined, 1000);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /PORT (\d+)/.exec(out);
        if (match) resolve(Number(match[1]));
      });
      child.once('exit', (code) => reject(new Error(`child exited with ${code} before DynamoDB Local was ready`)));
    });
    expect(await javaListensOn(port)).toBe(true);

    child.kill('SIGKILL');
    const deadline = Date.now() + 10_000;
    while ((await javaListensOn(port)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await javaListensOn(port)).toBe(false);
  }, 60_000);
});
