import { accessCodeMatches } from '../../domain/complaints/access-code';
import { accessThrottlePolicy, secondsUntilUnblocked, throttleSubject } from '../../domain/complaints/access-throttle';
import { normalizeCaseId } from '../../domain/complaints/case-id';
import { NotFoundError, TooManyRequestsError } from '../../domain/errors';
import { logger } from '../../shared/logger';
import { readAccessFailures, readCase, recordAccessFailure, type StoredCase } from '../../store/cases-store';

const noSuchCase = () => new NotFoundError('No case matches this case id and access code.');

/** Who is asking: the case id and access code they sent, and the address they sent it from (API Gateway's `sourceIp`). */
export interface ConsumerCredentials {
  caseId: string;
  accessCode: string | undefined;
  clientAddress: string;
}

/**
 * The consumer's key to their case: the case id and the access code. An
 * unknown case and a wrong code get the same 404, so the answer never tells
 * whether a case exists. Wrong codes are counted per client (SPEC section
 * 4): past the limit that client waits (429) for every case id — checked
 * before the case is even read, so the 429 is the same whether it exists —
 * while the consumer, from their own address, still gets in.
 */
export async function authenticateConsumer(credentials: ConsumerCredentials, now: Date): Promise<StoredCase> {
  const { accessCode } = credentials;
  const caseId = normalizeCaseId(credentials.caseId);
  if (!accessCode) throw noSuchCase();

  const subject = throttleSubject(credentials.clientAddress);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const wait = secondsUntilUnblocked(await readAccessFailures(subject), nowSeconds);
  if (wait > 0) throw new TooManyRequestsError('Too many wrong access codes from this client; try again later.', wait);

  const stored = caseId ? await readCase(caseId) : undefined;
  if (!stored || !accessCodeMatches(accessCode, stored.record.accessCode)) {
    // A made-up case id counts like a wrong code: probing ids is guessing too.
    await recordAccessFailure(subject, nowSeconds, accessThrottlePolicy.windowSeconds);
    logger.warn('wrong access code', { caseId: caseId ?? 'malformed' });
    throw noSuchCase();
  }
  return stored;
}
