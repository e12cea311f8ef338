import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { BadRequestError } from '../errors';

/**
 * `Idempotency-Key` on `POST /v1/complaints`: a retry returns the first
 * answer, access code included. The table must not hold access codes in the
 * clear, so the first answer's code is sealed with a key derived from the
 * idempotency key itself — which only the client holds; the record is found
 * by the key's SHA-256 and never stores the key.
 */
export const idempotencyTtlSeconds = 24 * 60 * 60;

export function checkIdempotencyKey(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const key = raw.trim();
  if (!/^[\x21-\x7e]{8,200}$/.test(key)) {
    throw new BadRequestError('invalid_idempotency_key', 'Idempotency-Key must be 8 to 200 visible ASCII characters (a UUID is ideal).');
  }
  return key;
}

export function idempotencyKeyHash(key: string): string {
  return createHash('sha256').update(`idempotency:${key}`).digest('base64url');
}

/** Tells a true retry (same body) from a reused key with a different body. */
export function requestFingerprint(body: string): string {
  return createHash('sha256').update(body).digest('base64url');
}

export interface SealedSecret {
  iv: string;
  data: string;
  tag: string;
}

function sealingKey(key: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, 'redress', 'access-code-seal', 32));
}

export function sealSecret(idempotencyKey: string, secret: string): SealedSecret {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(idempotencyKey), iv);
  const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64url'), data: data.toString('base64url'), tag: cipher.getAuthTag().toString('base64url') };
}

export function openSecret(idempotencyKey: string, sealed: SealedSecret): string {
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(idempotencyKey), Buffer.from(sealed.iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64url')), decipher.final()]).toString('utf8');
}
