/**
 * The signed-in staff member: the ID token (kept in sessionStorage, so it
 * dies with the tab and never reaches other tabs or disk beyond it) and what
 * its claims say. The claims are read here only to choose pages; the API
 * checks the signature and decides what the caller may do.
 */
export type ConsoleRole = 'mediator' | 'merchant' | 'regulator' | 'admin';

export interface Session {
  token: string;
  role: ConsoleRole;
  org?: string;
  region?: string;
  merchant?: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

const storageKey = 'redress.console.token';
const roles: readonly ConsoleRole[] = ['mediator', 'merchant', 'regulator', 'admin'];

function claimsOf(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** A session from a token, or `undefined` when it is no staff ID token or has expired. */
export function sessionFromToken(token: string, now: number = Date.now() / 1000): Session | undefined {
  const claims = claimsOf(token.trim());
  if (!claims || typeof claims.exp !== 'number' || claims.exp <= now) return undefined;
  const groups = claims['cognito:groups'];
  const list = Array.isArray(groups) ? groups.map(String) : typeof groups === 'string' ? [groups] : [];
  // As the API does: the most specific role first, admin last.
  const role = list.find((g): g is ConsoleRole => roles.includes(g as ConsoleRole) && g !== 'admin') ?? (list.includes('admin') ? 'admin' : undefined);
  if (!role) return undefined;
  const text = (name: string) => (typeof claims[`custom:${name}`] === 'string' ? (claims[`custom:${name}`] as string) : undefined);
  return { token: token.trim(), role, org: text('org'), region: text('region'), merchant: text('merchant'), expiresAt: claims.exp };
}

export function storedSession(): Session | undefined {
  try {
    const token = sessionStorage.getItem(storageKey);
    return token ? sessionFromToken(token) : undefined;
  } catch {
    return undefined;
  }
}

export function keepSession(session: Session): void {
  try {
    sessionStorage.setItem(storageKey, session.token);
  } catch {
    // Storage blocked: the session lives in memory until the page reloads.
  }
}

export function forgetSession(): void {
  try {
    sessionStorage.removeItem(storageKey);
  } catch {
    // nothing stored
  }
}

/** "调解员 410100" — the scope beside the role, as the header shows it. */
export function scopeOf(session: Session): string {
  return session.org ?? session.region ?? session.merchant ?? '';
}
