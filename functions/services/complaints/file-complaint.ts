import { chinaDate } from '../../domain/calendar/working-days';
import { addDays } from '../../domain/calendar/dates';
import { hashAccessCode, newAccessCode } from '../../domain/complaints/access-code';
import { newCase, type CaseRecord, type Deadline } from '../../domain/complaints/case';
import { caseIdForIdempotencyKey, newCaseId } from '../../domain/complaints/case-id';
import { idempotencyKeyHash, idempotencyTtlSeconds, openSecret, requestFingerprint, sealSecret } from '../../domain/complaints/idempotency';
import type { ComplaintInput } from '../../domain/complaints/intake-schema';
import { ConflictError } from '../../domain/errors';
import type { Language } from '../../domain/i18n';
import { calendar } from '../../reference';
import { logger } from '../../shared/logger';
import { countComplaintFiled } from '../../observability/metrics';
import { getCase } from '../../store/cases-store';
import { fileRoutedCase } from '../routing/route-case';
import { consumeVerification } from '../verification/phone-verification';

export interface FiledComplaint {
  caseId: string;
  accessCode: string;
  status: string;
  deadline: Deadline | null;
}

const caseIdAttempts = 6;

interface KeyedRequest {
  key: string;
  keyHash: string;
  fingerprint: string;
}

/** The first answer again, if `existing` was filed with this key; undefined if it is someone else's case. */
function replayOf(existing: CaseRecord, request: KeyedRequest, now: Date): FiledComplaint | undefined {
  if (existing.intake?.keyHash !== request.keyHash) return undefined;
  if (existing.intake.fingerprint !== request.fingerprint) {
    throw new ConflictError('idempotency_key_reused', 'This Idempotency-Key was already used for a different complaint; use a new key.');
  }
  if (now.getTime() - Date.parse(existing.receivedAt) > idempotencyTtlSeconds * 1000) {
    throw new ConflictError('idempotency_key_expired', 'This Idempotency-Key was used more than 24 hours ago; use a new key.');
  }
  // The first answer, not today's state: a retry must see what the first request saw.
  return { caseId: existing.caseId, accessCode: openSecret(request.key, existing.intake.accessCode), status: existing.intake.status ?? 'received', deadline: existing.intake.deadline ?? existing.deadline };
}

/**
 * A retry just after midnight on the first of a month derives ids with the
 * new month; the first request's case may carry the old one.
 */
async function replayFromLastMonth(request: KeyedRequest, now: Date): Promise<FiledComplaint | undefined> {
  const today = chinaDate(now);
  if (!today.endsWith('-01')) return undefined;
  return replayOn(addDays(today, -1), request, now);
}

async function replayOn(day: string, request: KeyedRequest, now: Date): Promise<FiledComplaint | undefined> {
  for (let attempt = 1; attempt <= caseIdAttempts; attempt++) {
    const existing = await getCase(caseIdForIdempotencyKey(day, request.keyHash, attempt));
    if (!existing) return undefined;
    const replay = replayOf(existing, request, now);
    if (replay) return replay;
  }
  return undefined;
}

/**
 * Files a complaint exactly once per Idempotency-Key with a single
 * conditional write. With a key, the case id is derived from it: a retry,
 * even one racing the first request, lands on the same id, finds the case
 * and gets the first answer back (the access code sealed under the key).
 */
export async function fileComplaint(
  input: ComplaintInput,
  request: { now: Date; rawBody: string; idempotencyKey?: string; lang?: Language },
): Promise<{ filed: FiledComplaint; replayed: boolean }> {
  const { idempotencyKey, now } = request;
  const keyed: KeyedRequest | undefined = idempotencyKey
    ? { key: idempotencyKey, keyHash: idempotencyKeyHash(idempotencyKey), fingerprint: requestFingerprint(request.rawBody) }
    : undefined;
  if (keyed) {
    const earlier = await replayFromLastMonth(keyed, now);
    if (earlier) return { filed: earlier, replayed: true };
  }

  const receivedOn = chinaDate(now);
  const { verification, ...complaint } = input;
  if (verification) {
    // A retry finds its case before the code (already used by the first request) is checked again.
    const earlier = keyed && (await replayOn(receivedOn, keyed, now));
    if (earlier) return { filed: earlier, replayed: true };
    await consumeVerification(verification, complaint.consumer.phone, keyed?.keyHash ?? 'filing', now, request.lang ?? 'zh-CN');
  }
  const accessCode = newAccessCode();
  for (let attempt = 1; attempt <= caseIdAttempts; attempt++) {
    const caseId = keyed ? caseIdForIdempotencyKey(receivedOn, keyed.keyHash, attempt) : newCaseId(receivedOn);
    const { record } = newCase(complaint, { caseId, now, accessCode: hashAccessCode(accessCode), calendar });
    if (verification) record.phoneVerified = true;
    if (request.lang) record.lang = request.lang;
    if (keyed) record.intake = { keyHash: keyed.keyHash, fingerprint: keyed.fingerprint, accessCode: sealSecret(keyed.key, accessCode), deadline: record.deadline };

    // Routed in the filing's own transaction: the answer carries the decision (the intake record keeps it for a retry).
    const outcome = await fileRoutedCase(record, now);
    if (outcome.kind === 'created') {
      logger.info('complaint filed', { caseId });
      countComplaintFiled();
      const { status, deadline } = outcome.record;
      return { filed: { caseId, accessCode, status, deadline }, replayed: false };
    }
    const replay = keyed && replayOf(outcome.existing, keyed, now);
    if (replay) return { filed: replay, replayed: true };
    logger.warn('case id taken by another case, trying the next', { attempt });
  }
  throw new Error('Could not find a free case id');
}
