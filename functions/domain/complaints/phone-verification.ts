import { createHash, createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { mobilePhoneSchema } from '../complaints/intake-schema';

/**
 * Verified phones (SPEC section 10): a 6-digit code sent by SMS, valid 10
 * minutes, single use, dead after 5 wrong tries; at most one send per 60 s
 * and 10 per China day per phone, and 20 per China day per client address.
 */
export const verificationPolicy = {
  codeDigits: 6,
  validSeconds: 10 * 60,
  maxWrongTries: 5,
  resendAfterSeconds: 60,
  sendsPerPhonePerDay: 10,
  sendsPerClientPerDay: 20,
} as const;

export const verificationRequestSchema = z.strictObject({ phone: mobilePhoneSchema });
export type VerificationRequest = z.output<typeof verificationRequestSchema>;

export type { VerificationProof } from './intake-schema';

export function newVerificationCode(): string {
  return String(randomInt(0, 10 ** verificationPolicy.codeDigits)).padStart(verificationPolicy.codeDigits, '0');
}

/**
 * The stored form of a code: an HMAC under a per-verification secret salt.
 * A million codes are quickly searched offline, so the hash alone does not
 * protect a code; the short life and the 5 tries do. The hash keeps codes out
 * of backups, exports and logs.
 */
export function hashVerificationCode(salt: string, code: string): string {
  return createHmac('sha256', salt).update(code).digest('base64url');
}

export function verificationCodeMatches(salt: string, code: string, storedHash: string): boolean {
  const expected = Buffer.from(storedHash, 'base64url');
  const actual = Buffer.from(hashVerificationCode(salt, code), 'base64url');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Phones and client addresses appear in keys only as hashes (keys end up in logs and metrics). */
export function limitKeyHash(kind: 'phone' | 'client', value: string): string {
  return createHash('sha256').update(`${kind}:${value}`).digest('base64url').slice(0, 32);
}

const secondsPerDay = 86_400;
const chinaOffsetSeconds = 8 * 3600;

/** The China date of an epoch-seconds instant, and the seconds until the next China midnight. */
export function chinaDay(nowEpochSeconds: number): { day: string; secondsLeft: number } {
  const local = nowEpochSeconds + chinaOffsetSeconds;
  const day = new Date(Math.floor(local / secondsPerDay) * secondsPerDay * 1000).toISOString().slice(0, 10);
  return { day, secondsLeft: secondsPerDay - (local % secondsPerDay) };
}

/** Why a send was refused and for how long. */
export type SendRefusal = 'phone_too_soon' | 'phone_daily_limit' | 'client_daily_limit';

export function retryAfterSeconds(refusal: SendRefusal, nowEpochSeconds: number, lastSentAt: number | undefined): number {
  if (refusal === 'phone_too_soon') return Math.max(1, (lastSentAt ?? nowEpochSeconds) + verificationPolicy.resendAfterSeconds - nowEpochSeconds);
  return Math.max(1, chinaDay(nowEpochSeconds).secondsLeft);
}

export const refusalMessages: Record<SendRefusal, string> = {
  phone_too_soon: 'A code was sent to this phone less than 60 seconds ago; wait before asking again.',
  phone_daily_limit: 'This phone has had 10 codes today; try again tomorrow.',
  client_daily_limit: 'Too many codes were asked for from this address today; try again tomorrow.',
};

/** The SMS text of a code; never more than one 70-character segment. */
export function verificationSms(code: string, lang: 'zh-CN' | 'en'): string {
  return lang === 'en'
    ? `Redress code ${code}, valid 10 min. Never share it.`
    : `【维权通】验证码${code}，10分钟内有效，请勿告诉他人。`;
}
