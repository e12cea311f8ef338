/**
 * `npm run -s token -- --role ROLE [--org ID] [--region CODE] [--merchant CODE]`
 * prints a local staff token on stdout and nothing else, for
 * `TOKEN=$(npm run -s token -- --role admin)`. (`-s` keeps npm's own
 * "> redress@0.1.0 token" banner off stdout.) Bad flags: one line on
 * stderr, exit code 2.
 */
import { signLocalToken } from './local/local-jwt';
import { parseTokenFlags, tokenUsage } from './local/token-flags';

async function main(): Promise<void> {
  const flags = parseTokenFlags(process.argv.slice(2));
  if (flags.kind === 'help') {
    process.stdout.write(`${tokenUsage}\n`);
    return;
  }
  if (flags.kind === 'invalid') {
    process.stderr.write(`token: ${flags.message}\n`);
    process.exit(2);
  }
  process.stdout.write(`${await signLocalToken(flags.identity)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`token: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
