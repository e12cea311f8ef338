import { spawnSync } from 'node:child_process';
import { LocalStackError } from './local-stack-error';

/** DynamoDB Local 1.25 needs Java 11 or later; we test on 17. */
const minimumJavaMajor = 11;
const installHint = 'install Java 17 (Debian/Ubuntu: apt-get install -y openjdk-17-jre-headless; macOS: brew install openjdk@17)';

/** `java -version` prints e.g. `openjdk version "17.0.15" 2025-04-15` (or `"1.8.0_392"` for Java 8) on stderr. */
export function javaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

/** Throws a one-line `LocalStackError` when `java` is missing or too old for DynamoDB Local. */
export function assertJavaAvailable(env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync('java', ['-version'], { env, encoding: 'utf8', timeout: 30_000 });
  if (result.error || result.status !== 0) {
    throw new LocalStackError(`DynamoDB Local needs Java, but \`java\` was not found on PATH: ${installHint}.`);
  }
  const major = javaMajorVersion(`${result.stderr}${result.stdout}`);
  if (major !== undefined && major < minimumJavaMajor) {
    throw new LocalStackError(`DynamoDB Local needs Java ${minimumJavaMajor}+, but \`java\` is version ${major}: ${installHint}.`);
  }
}
