import { randomBytes } from 'node:crypto';
import {
  chinaDay,
  hashVerificationCode,
  limitKeyHash,
  newVerificationCode,
  refusalMessages,
  retryAfterSeconds,
  verificationCodeMatches,
  verificationPolicy,
  verificationSms,
  type VerificationProof,
} from '../../domain/complaints/phone-verification';
import { TooManyRequestsError, ValidationError } from '../../domain/errors';
import type { Language } from '../../domain/i18n';
import { message } from '../../domain/validation/messages';
import { sendMessage } from '../../messaging/sender';
import { logger } from '../../shared/logger';
import { markVerificationUsed, storeVerificationSend, takeVerificationTry } from '../../store/verification-store';

/**
 * `POST /v1/verifications`: stores a new code within the send limits (one
 * conditional transaction), then texts it. A failed SMS leaves the send
 * counted: limits bound what a sender can cost, whether or not SMS arrives.
 */
export async function requestVerification(phone: string, client: { address: string; lang: Language }, now: Date): Promise<{ verificationId: string }> {
  const nowEpochSeconds = Math.floor(now.getTime() / 1000);
  const verificationId = randomBytes(12).toString('base64url');
  const code = newVerificationCode();
  const salt = randomBytes(16).toString('base64url');
  const outcome = await storeVerificationSend({
    verification: {
      verificationId,
      phoneHash: limitKeyHash('phone', phone),
      salt,
      codeHash: hashVerificationCode(salt, code),
      validUntil: nowEpochSeconds + verificationPolicy.validSeconds,
      tries: 0,
    },
    clientHash: limitKeyHash('client', client.address),
    day: chinaDay(nowEpochSeconds).day,
    nowEpochSeconds,
    limits: verificationPolicy,
  });
  if (outcome.kind === 'refused') {
    throw new TooManyRequestsError(refusalMessages[outcome.limit], retryAfterSeconds(outcome.limit, nowEpochSeconds, outcome.lastSentAt));
  }
  await sendMessage({ channel: 'sms', to: phone, text: verificationSms(code, client.lang), kind: 'verification', lang: client.lang });
  logger.info('verification code sent', { verificationId });
  return { verificationId };
}

function verificationFailed(lang: Language): ValidationError {
  return new ValidationError([{ path: 'verification', message: message('verificationFailed', lang) }]);
}

/**
 * Checks and uses the code a filing carries. The phone must be the one the
 * code was sent to (else the code does not fit it: the same 400). `usedFor`
 * names the filing; a retry of the same filing (same Idempotency-Key) does
 * not come here, the case already exists.
 */
export async function consumeVerification(proof: VerificationProof, phone: string, usedFor: string, now: Date, lang: Language): Promise<void> {
  const nowEpochSeconds = Math.floor(now.getTime() / 1000);
  const stored = await takeVerificationTry(proof.verificationId, nowEpochSeconds, verificationPolicy.maxWrongTries);
  if (!stored) throw verificationFailed(lang);
  const fits = verificationCodeMatches(stored.salt, proof.code, stored.codeHash) && stored.phoneHash === limitKeyHash('phone', phone);
  if (!fits || !(await markVerificationUsed(proof.verificationId, usedFor))) throw verificationFailed(lang);
}
