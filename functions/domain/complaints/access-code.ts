import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { randomSymbolsOf } from './case-id';

/**
 * The consumer's secret for a case: 12 Crockford symbols (60 random bits),
 * shown as `7K3M-9QXA-H2PD`, shown once and stored only as a salted SHA-256.
 * 60 bits make an offline search of one leaked hash cost ~2^59 hashes;
 * online guessing is throttled per client (see `access-throttle.ts`). A slow
 * KDF would add little to that and cost intake throughput.
 */
export interface AccessCodeHash {
  algorithm: 'sha256-salted';
  salt: string;
  hash: string;
}

export function newAccessCode(): string {
  const symbols = randomSymbolsOf(12);
  return `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8)}`;
}

/** What people type: any case, with or without hyphens or spaces, O for 0, I/L for 1. */
export function normalizeAccessCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

function digest(salt: string, code: string): Buffer {
  return createHash('sha256').update(salt).update(':').update(normalizeAccessCode(code)).digest();
}

export function hashAccessCode(code: string): AccessCodeHash {
  const salt = randomBytes(16).toString('base64url');
  return { algorithm: 'sha256-salted', salt, hash: digest(salt, code).toString('base64url') };
}

/** Constant-time: how much of a guess is right never shows in the timing. */
export function accessCodeMatches(code: string, stored: AccessCodeHash): boolean {
  const expected = Buffer.from(stored.hash, 'base64url');
  const actual = digest(stored.salt, code);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
