import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { calculateJwkThumbprint, createLocalJWKSet, exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import * as z from 'zod';
import { localJwtDir } from './paths';
import { PromiseCache } from '../../functions/shared/promise-cache';

/**
 * Local stand-ins for Cognito ID tokens. The claims are the ones a Cognito
 * user pool puts in an ID token (groups = role, `custom:` attributes), so
 * `functions/http/principal.ts` reads local and deployed tokens alike. The
 * ES256 key pair is made on first use and kept in `.data/local-jwt/`.
 */
export const localJwtIssuer = 'urn:redress:local-issuer';
export const localJwtAudience = 'redress-local-client';
export const localTokenLifetimeSeconds = 12 * 60 * 60;
const keyFileName = 'signing-key.jwk.json';

const sixDigitCode = (role: string, flag: string, what: string, example: string) =>
  z.string({ error: `--${flag} is required for role ${role}: ${what}, e.g. ${example}` }).regex(/^\d{6}$/, `--${flag} must be ${what}, e.g. ${example}`);

/** GB 32100 unified social credit code: 18 characters from 0-9 and A-Z without I, O, S, V, Z. */
const creditCode = z
  .string({ error: '--merchant is required for role merchant: an 18-character unified social credit code' })
  .regex(/^[0-9A-HJ-NP-RTUWXY]{18}$/, '--merchant must be an 18-character unified social credit code (digits and capital letters)');

export const localIdentitySchema = z.discriminatedUnion(
  'role',
  [
    z.strictObject({ role: z.literal('mediator'), org: sixDigitCode('mediator', 'org', 'a 6-digit association id', '410700') }),
    z.strictObject({ role: z.literal('merchant'), merchant: creditCode }),
    z.strictObject({ role: z.literal('regulator'), region: sixDigitCode('regulator', 'region', 'a 6-digit region code', '410100') }),
    z.strictObject({ role: z.literal('admin') }),
  ],
  { error: '--role must be one of mediator, merchant, regulator, admin' },
);
export type LocalIdentity = z.infer<typeof localIdentitySchema>;

/** The identity's claims as Cognito would put them in an ID token. */
export interface LocalTokenClaims extends JWTPayload {
  sub: string;
  token_use: 'id';
  'cognito:groups': string[];
  'cognito:username': string;
  'custom:org'?: string;
  'custom:region'?: string;
  'custom:merchant'?: string;
}

interface KeyPair {
  privateKey: CryptoKey;
  publicJwk: JWK;
  kid: string;
}

const keyPairs = new PromiseCache<KeyPair>();

/** The key pair in `keyDir`, made (mode 600) when there is none. */
function keyPair(keyDir: string): Promise<KeyPair> {
  return keyPairs.get(keyDir, () => loadOrCreateKeyPair(keyDir));
}

async function loadOrCreateKeyPair(keyDir: string): Promise<KeyPair> {
  const keyFile = path.join(keyDir, keyFileName);
  let privateJwk = await readJwk(keyFile);
  if (!privateJwk) {
    await fs.mkdir(keyDir, { recursive: true, mode: 0o700 });
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const fresh = await exportJWK(privateKey);
    fresh.kid = await calculateJwkThumbprint(fresh);
    fresh.alg = 'ES256';
    // Written aside and linked into place: if another process made a key meanwhile, theirs wins and we use it.
    const staged = `${keyFile}.${process.pid}.${randomUUID()}`;
    await fs.writeFile(staged, `${JSON.stringify(fresh, null, 2)}\n`, { mode: 0o600 });
    try {
      await fs.link(staged, keyFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await fs.rm(staged, { force: true });
    }
    privateJwk = await readJwk(keyFile);
    if (!privateJwk) throw new Error(`could not create ${keyFile}`);
  }
  const { d: _private, ...publicJwk } = privateJwk;
  const privateKey = (await importJWK(privateJwk, 'ES256')) as CryptoKey;
  return { privateKey, publicJwk, kid: privateJwk.kid ?? (await calculateJwkThumbprint(publicJwk)) };
}

async function readJwk(file: string): Promise<JWK | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as JWK;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A stable user id per identity, so the same flags always name the same local user. */
function subjectOf(identity: LocalIdentity): string {
  const scope = 'org' in identity ? identity.org : 'region' in identity ? identity.region : 'merchant' in identity ? identity.merchant : '';
  const hex = createHash('sha256').update(`${identity.role}:${scope}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function claimsFor(identity: LocalIdentity): LocalTokenClaims {
  const claims: LocalTokenClaims = {
    sub: subjectOf(identity),
    token_use: 'id',
    'cognito:groups': [identity.role],
    'cognito:username': `local-${identity.role}`,
  };
  if (identity.role === 'mediator') claims['custom:org'] = identity.org;
  if (identity.role === 'regulator') claims['custom:region'] = identity.region;
  if (identity.role === 'merchant') claims['custom:merchant'] = identity.merchant;
  return claims;
}

export interface LocalJwtOptions {
  /** Default `LOCAL_JWT_DIR` or `.data/local-jwt/`. */
  keyDir?: string;
}

function keyDirOf(options: LocalJwtOptions): string {
  return options.keyDir ?? process.env.LOCAL_JWT_DIR ?? localJwtDir;
}

/** A signed ES256 token for `identity`, valid for 12 hours. */
export async function signLocalToken(identity: LocalIdentity, options: LocalJwtOptions & { lifetimeSeconds?: number } = {}): Promise<string> {
  const { privateKey, kid } = await keyPair(keyDirOf(options));
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claimsFor(identity), auth_time: now })
    .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
    .setIssuer(localJwtIssuer)
    .setAudience(localJwtAudience)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.lifetimeSeconds ?? localTokenLifetimeSeconds))
    .setJti(randomUUID())
    .sign(privateKey);
}

/**
 * What the HTTP API's JWT authorizer checks: signature by a known key id,
 * issuer, audience, expiry and not-before. Resolves to the claims; rejects
 * (with a jose error) when any check fails.
 */
export async function verifyLocalToken(token: string, options: LocalJwtOptions = {}): Promise<JWTPayload> {
  const { publicJwk } = await keyPair(keyDirOf(options));
  const keySet = createLocalJWKSet({ keys: [publicJwk] });
  const { payload } = await jwtVerify(token, keySet, { issuer: localJwtIssuer, audience: localJwtAudience, algorithms: ['ES256'] });
  return payload;
}
