import * as z from 'zod';
import type { StaffIdentity } from '../domain/cases/rights';
import { ForbiddenError, UnauthorizedError } from '../domain/errors';

/**
 * Who is calling, from the JWT claims the HTTP API's authorizer validated.
 * Cognito puts the role in `cognito:groups` (an HTTP API hands arrays over as
 * the string "[a b]") and custom attributes under `custom:`; local tokens
 * (`npm run token`) use the same claim names, so one parser serves both.
 */
export const staffRoles = ['mediator', 'merchant', 'regulator', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** The caller as the case rules know it (domain/cases/rights.ts): one type for both. */
export type StaffPrincipal = StaffIdentity;

type Claims = Record<string, unknown>;

const regionCode = z.string().regex(/^\d{6}$/);

function groupsOf(claims: Claims): string[] {
  const raw = claims['cognito:groups'] ?? claims.role;
  if (Array.isArray(raw)) return raw.map(String);
  if (typeof raw === 'string') return raw.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
  return [];
}

function claim(claims: Claims, name: string): unknown {
  return claims[`custom:${name}`] ?? claims[name];
}

/**
 * The token's subject (`sub`) of a principal: which person acted, for
 * staff-only records such as who claimed a case. Kept beside the principal
 * rather than in it, so principals compare by role and scope alone.
 */
const subjects = new WeakMap<StaffPrincipal, string>();

export function subjectOf(principal: StaffPrincipal): string | undefined {
  return subjects.get(principal);
}

/** `undefined` when no token was presented; 403 when the token names no usable role. */
export function principalFromClaims(claims: Claims | undefined): StaffPrincipal | undefined {
  if (!claims) return undefined;
  const principal = principalOfRole(claims);
  if (typeof claims.sub === 'string' && claims.sub.length > 0) subjects.set(principal, claims.sub);
  return principal;
}

function principalOfRole(claims: Claims): StaffPrincipal {
  const roles = groupsOf(claims).filter((g): g is StaffRole => (staffRoles as readonly string[]).includes(g));
  // A token with several groups acts with the most specific one; admin last.
  const role = roles.find((r) => r !== 'admin') ?? roles[0];
  switch (role) {
    case 'mediator': {
      const org = regionCode.safeParse(claim(claims, 'org'));
      if (!org.success) throw new ForbiddenError('A mediator token needs an `org` claim (an association id).');
      return { role, org: org.data };
    }
    case 'merchant': {
      const merchant = z.string().min(1).safeParse(claim(claims, 'merchant'));
      if (!merchant.success) throw new ForbiddenError('A merchant token needs a `merchant` claim (a credit code).');
      return { role, merchant: merchant.data };
    }
    case 'regulator': {
      const region = regionCode.safeParse(claim(claims, 'region'));
      if (!region.success) throw new ForbiddenError('A regulator token needs a `region` claim (a region code).');
      return { role, region: region.data };
    }
    case 'admin':
      return { role };
    default:
      throw new ForbiddenError('The token carries no Redress role.');
  }
}

/** 401 without a token, 403 when the caller's role is not one of `roles`. */
export function requireStaff<R extends StaffRole>(principal: StaffPrincipal | undefined, roles: readonly R[]): Extract<StaffPrincipal, { role: R }> {
  if (!principal) throw new UnauthorizedError();
  if (!(roles as readonly string[]).includes(principal.role)) throw new ForbiddenError(`This needs one of the roles: ${roles.join(', ')}.`);
  return principal as Extract<StaffPrincipal, { role: R }>;
}
