import { newAccessCode, hashAccessCode } from '../../domain/complaints/access-code';
import { chinaDate } from '../../domain/calendar/working-days';
import { newCase, type Deadline } from '../../domain/complaints/case';
import { newCaseId } from '../../domain/complaints/case-id';
import {
  idempotencyKeyHash,
  idempotencyTtlSeconds,
  openSecret,
  requestFingerprint,
  sealSecret,
} from '../../domain/complaints/idempotency';
import type { ComplaintInput } from '../../domain/complaints/intake-schema';
import { ConflictError } from '../../domain/errors';
import { calendar } from '../../reference';
import { logger } from '../../shared/logger';
import { createCase, type IntakeReplay } from '../../store/cases-store';

export interface FiledComplaint {
  caseId: string;
  accessCode: string;
  status: string;
  deadline: Deadline | null;
}

const caseIdAttempts = 5;

function replayAnswer(idempotencyKey: string, replay: IntakeReplay, fingerprint: string): FiledComplaint {
  if (replay.fingerprint !== fingerprint) {
    throw new ConflictError('idempotency_key_reused', 'This Idempotency-Key was already used for a different complaint; use a new key.');
  }
  const { caseId, status, deadline, accessCode } = replay.response;
  return { caseId, status, deadline: deadline as Deadline | null, accessCode: openSecret(idempotencyKey, accessCode) };
}

/**
 * Files a complaint exactly once per Idempotency-Key: a retry, even one racing
 * the first request, gets the first answer back.
 */
export async function fileComplaint(
  input: ComplaintInput,
  request: { now: Date; rawBody: string; idempotencyKey?: string },
): Promise<{ filed: FiledComplaint; replayed: boolean }> {
  const { idempotencyKey, now } = request;
  const fingerprint = requestFingerprint(request.rawBody);
  // No read first: the transaction's condition on the replay record finds a
  // retry, and the common case (a first request) costs one round trip.
  const keyHash = idempotencyKey ? idempotencyKeyHash(idempotencyKey) : undefined;

  const accessCode = newAccessCode();
  for (let attempt = 1; attempt <= caseIdAttempts; attempt++) {
    const caseId = newCaseId(chinaDate(now));
    const { record, event } = newCase(input, { caseId, now, accessCode: hashAccessCode(accessCode), calendar });
    const filed: FiledComplaint = { caseId: record.caseId, accessCode, status: record.status, deadline: record.deadline };
    const replay: IntakeReplay | undefined =
      idempotencyKey && keyHash
        ? {
            keyHash,
            fingerprint,
            response: { caseId: filed.caseId, status: filed.status, deadline: filed.deadline, accessCode: sealSecret(idempotencyKey, accessCode) },
            expiresAt: Math.floor(now.getTime() / 1000) + idempotencyTtlSeconds,
          }
        : undefined;
    const outcome = await createCase(record, event, replay);
    if (outcome.kind === 'created') {
      logger.info('complaint filed', { caseId: record.caseId });
      return { filed, replayed: false };
    }
    if (outcome.kind === 'replay') return { filed: replayAnswer(idempotencyKey!, outcome.replay, fingerprint), replayed: true };
    logger.warn('case id collision, drawing another', { attempt });
  }
  throw new Error('Could not draw a free case id');
}
