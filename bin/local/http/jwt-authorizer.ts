import type { JWTPayload } from 'jose';
import type { JwtAuthorizerContext } from './api-gateway-event';

/**
 * What an HTTP API's JWT authorizer does before a `jwt` route's handler runs:
 * take the token from `Authorization` (with or without `Bearer `), verify it,
 * and hand the claims on as strings. Any failure is a 401 and the handler is
 * never called.
 */
export type TokenVerifier = (token: string) => Promise<JWTPayload>;

export type AuthorizerDecision = { allowed: true; context: JwtAuthorizerContext } | { allowed: false; wwwAuthenticate: string };

/** Claim values as an HTTP API renders them: strings, arrays as `[a b]`. */
export function renderClaims(payload: JWTPayload): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) claims[name] = `[${value.map(String).join(' ')}]`;
    else if (typeof value === 'object') claims[name] = JSON.stringify(value);
    else claims[name] = String(value);
  }
  return claims;
}

function scopesOf(payload: JWTPayload): string[] | null {
  const raw = payload.scope ?? payload.scp;
  if (typeof raw === 'string') return raw.split(' ').filter(Boolean);
  if (Array.isArray(raw)) return raw.map(String);
  return null;
}

export async function authorize(authorization: string | undefined, verify: TokenVerifier): Promise<AuthorizerDecision> {
  const token = authorization?.trim().replace(/^Bearer\s+/i, '');
  if (!token) return { allowed: false, wwwAuthenticate: 'Bearer' };
  try {
    const payload = await verify(token);
    return { allowed: true, context: { jwt: { claims: renderClaims(payload), scopes: scopesOf(payload) } } };
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'invalid token';
    return { allowed: false, wwwAuthenticate: `Bearer scope="" error="invalid_token" error_description="${reason.replace(/["\\]/g, '')}"` };
  }
}
