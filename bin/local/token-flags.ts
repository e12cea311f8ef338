import { parseArgs } from 'node:util';
import { localIdentitySchema, type LocalIdentity } from './local-jwt';

export const tokenUsage = 'usage: npm run -s token -- --role mediator|merchant|regulator|admin [--org ID] [--region CODE] [--merchant CREDIT_CODE]';

export type TokenFlags = { kind: 'identity'; identity: LocalIdentity } | { kind: 'help' } | { kind: 'invalid'; message: string };

/** Reads `npm run token`'s flags; an invalid set comes back as one line that says what to fix. */
export function parseTokenFlags(argv: readonly string[]): TokenFlags {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        role: { type: 'string' },
        org: { type: 'string' },
        region: { type: 'string' },
        merchant: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { kind: 'invalid', message: `${(error as Error).message.split('\n')[0]} (${tokenUsage})` };
  }
  if (values.help) return { kind: 'help' };
  const { help: _help, ...flags } = values;
  const given = Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined));
  if (given.role === undefined) return { kind: 'invalid', message: `--role is required (${tokenUsage})` };

  const parsed = localIdentitySchema.safeParse(given);
  if (parsed.success) return { kind: 'identity', identity: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { kind: 'invalid', message: issue.code === 'unrecognized_keys' ? `--${issue.keys[0]} does not apply to role ${String(given.role)}` : issue.message };
}
