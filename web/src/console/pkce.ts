/**
 * Cognito managed login with the OAuth 2.0 authorization code grant and
 * PKCE (RFC 7636), by hand on WebCrypto: a verifier and state in
 * sessionStorage, a redirect to `/oauth2/authorize`, the code exchanged at
 * `/oauth2/token` for tokens. No client secret exists (a browser cannot keep
 * one); PKCE binds the code to this tab.
 */
export interface CognitoConfig {
  auth: 'cognito';
  /** `https://<prefix>.auth.<region>.amazoncognito.com` */
  signInUrl: string;
  userPoolClientId: string;
}

const verifierKey = 'redress.console.pkce';

const base64Url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function randomString(bytes = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challengeOf(verifier: string): Promise<string> {
  return base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/** Where Cognito sends the browser back: the console's own address, without query or hash. */
export function redirectUri(): string {
  return `${location.origin}${location.pathname}`;
}

export async function startCognitoSignIn(config: CognitoConfig): Promise<void> {
  const verifier = randomString(48);
  const state = randomString(16);
  sessionStorage.setItem(verifierKey, JSON.stringify({ verifier, state, hash: location.hash }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.userPoolClientId,
    redirect_uri: redirectUri(),
    scope: 'openid email profile',
    state,
    code_challenge_method: 'S256',
    code_challenge: await challengeOf(verifier),
  });
  location.assign(`${config.signInUrl}/oauth2/authorize?${query}`);
}

/**
 * On return from Cognito (`?code=&state=`): the ID token, and the page the
 * user was on; `undefined` when this is no such return or the state does not match.
 */
export async function finishCognitoSignIn(config: CognitoConfig): Promise<{ idToken: string; hash: string } | undefined> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const saved = sessionStorage.getItem(verifierKey);
  if (!code || !saved) return undefined;
  sessionStorage.removeItem(verifierKey);
  history.replaceState(null, '', redirectUri() + location.hash);
  const { verifier, state, hash } = JSON.parse(saved) as { verifier: string; state: string; hash: string };
  if (params.get('state') !== state) return undefined;
  const response = await fetch(`${config.signInUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: config.userPoolClientId, code, redirect_uri: redirectUri(), code_verifier: verifier }),
  });
  if (!response.ok) return undefined;
  const tokens = (await response.json()) as { id_token?: string };
  return tokens.id_token ? { idToken: tokens.id_token, hash } : undefined;
}

/** Ends the Cognito session too, so the next sign-in asks for the password again. */
export function cognitoSignOut(config: CognitoConfig): void {
  const query = new URLSearchParams({ client_id: config.userPoolClientId, logout_uri: redirectUri() });
  location.assign(`${config.signInUrl}/logout?${query}`);
}
