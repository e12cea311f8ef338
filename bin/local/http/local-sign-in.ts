import { localIdentitySchema, signLocalToken, type LocalJwtOptions } from '../local-jwt';
import type { HttpResponse } from './handler-result';

/**
 * `POST /local/token` with `{role, org?, region?, merchant?}`: the staff
 * console's "sign in as" on the local stack, the same token `npm run token`
 * prints. It lives here, in the local server, and NOT in
 * `functions/routes.ts`: the deployed API never has it (tests/cdk proves it).
 * `GET /config.json` tells the console which sign-in to show.
 */
export const localSignInPath = '/local/token';
export const localConfigPath = '/config.json';

const json = (statusCode: number, body: unknown): HttpResponse => ({
  statusCode,
  headers: [
    ['content-type', 'application/json; charset=utf-8'],
    ['cache-control', 'no-store'],
  ],
  body: Buffer.from(JSON.stringify(body)),
});

/** What the console reads at start: no Cognito, the local sign-in endpoint instead. */
export function localRuntimeConfig(): HttpResponse {
  return json(200, { auth: 'local', signInUrl: localSignInPath });
}

export async function localSignIn(method: string, body: Buffer, options: LocalJwtOptions = {}): Promise<HttpResponse> {
  if (method !== 'POST') return json(405, { error: 'method_not_allowed', message: `${localSignInPath} takes POST.` });
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8'));
  } catch {
    return json(400, { error: 'invalid_json', message: 'The body is not JSON.' });
  }
  const parsed = localIdentitySchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || 'role', message: issue.message.replace(/--/g, '') }));
    return json(400, { error: 'invalid_input', message: 'The identity is not valid.', issues });
  }
  return json(200, { token: await signLocalToken(parsed.data, options), identity: parsed.data });
}
