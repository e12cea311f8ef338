import { accessCodeMatches } from '../../domain/complaints/access-code';
import { accessThrottlePolicy, secondsUntilUnblocked } from '../../domain/complaints/access-throttle';
import { normalizeCaseId } from '../../domain/complaints/case-id';
import { NotFoundError, TooManyRequestsError } from '../../domain/errors';
import { logger } from '../../shared/logger';
import { readCase, recordAccessFailure, type StoredCase } from '../../store/cases-store';

const noSuchCase = () => new NotFoundError('No case matches this case id and access code.');

/**
 * The consumer's key to their case: the case id and the access code. An
 * unknown case and a wrong code get the same 404, so the answer never tells
 * whether a case exists; wrong codes are counted and, past the limit, every
 * try waits (429) — for reading and for acting alike.
 */
export async function authenticateConsumer(rawCaseId: string, accessCode: string | undefined, now: Date): Promise<StoredCase> {
  const caseId = normalizeCaseId(rawCaseId);
  if (!caseId || !accessCode) throw noSuchCase();
  const stored = await readCase(caseId);
  if (!stored) throw noSuchCase();

  const nowSeconds = Math.floor(now.getTime() / 1000);
  const wait = secondsUntilUnblocked(stored.accessFailures, nowSeconds);
  if (wait > 0) throw new TooManyRequestsError('Too many wrong access codes for this case; try again later.', wait);

  if (!accessCodeMatches(accessCode, stored.record.accessCode)) {
    await recordAccessFailure(caseId, nowSeconds, accessThrottlePolicy.windowSeconds);
    logger.warn('wrong access code', { caseId });
    throw noSuchCase();
  }
  return stored;
}
