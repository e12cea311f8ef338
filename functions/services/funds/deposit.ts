import type { StaffIdentity } from '../../domain/cases/rights';
import { checkIdempotencyKey, idempotencyKeyHash, idempotencyTtlSeconds, requestFingerprint } from '../../domain/complaints/idempotency';
import { BadRequestError, ConflictError, ValidationError } from '../../domain/errors';
import { depositSchema, fundView } from '../../domain/funds/fund';
import { numberEntries } from '../../domain/funds/ledger';
import { FundBusyError } from '../../domain/funds/limits';
import type { Language } from '../../domain/i18n';
import { toFieldIssues } from '../../domain/validation/issues';
import { logger } from '../../shared/logger';
import { ConcurrentWriteError } from '../../store/case-changes';
import { applyFundMovement, getFund, getIdempotentAnswer, IdempotencyKeyTaken } from '../../store/funds-store';
import { backOffAfterContention, fundRetryAttempts } from './case-money';
import { readFundFor } from './fund-access';

/**
 * `POST /v1/funds/{fundId}/deposits` (admin). Money arriving twice because
 * a client retried would be money that does not exist, so the
 * `Idempotency-Key` header is required: a retry with the same key and body
 * answers the first answer and writes nothing; the same key with another
 * body is 409. The answer: 201 `{entry, fund}`.
 */
export async function depositToFund(identity: StaffIdentity, rawFundId: string, body: unknown, rawKey: string | undefined, lang: Language, now: Date): Promise<{ status: number; body: unknown }> {
  const key = checkIdempotencyKey(rawKey);
  if (!key) throw new BadRequestError('idempotency_key_required', 'A deposit needs an Idempotency-Key header (a UUID), so that a retried request cannot deposit twice.');
  const parsed = depositSchema.safeParse(body ?? {});
  if (!parsed.success) throw new ValidationError(toFieldIssues(parsed.error.issues, body ?? {}, lang));
  let fund = await readFundFor(identity, rawFundId);
  const keyHash = idempotencyKeyHash(key);
  // The parsed body, so whitespace or key order in a retry does not matter.
  const fingerprint = requestFingerprint(JSON.stringify([parsed.data.amountFen, parsed.data.reference]));

  for (let attempt = 1; ; attempt++) {
    const earlier = await getIdempotentAnswer(fund.fundId, keyHash);
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) throw new ConflictError('idempotency_key_reused', 'This Idempotency-Key was used for a different deposit.');
      return { status: earlier.status, body: earlier.body };
    }
    const at = now.toISOString();
    const [entry] = numberEntries([{ kind: 'deposit', amountFen: parsed.data.amountFen, reference: parsed.data.reference }], fund.seq, at);
    const after = { ...fund, seq: entry!.seq, depositedFen: fund.depositedFen + entry!.amountFen, version: fund.version + 1, updatedAt: at };
    const answer = { fingerprint, status: 201, body: { entry, fund: fundView(after) } };
    try {
      await applyFundMovement(fund, [entry!], at, { keyHash, answer, expiresAt: Math.floor(now.getTime() / 1000) + idempotencyTtlSeconds });
      logger.info('fund deposit', { fundId: fund.fundId, seq: entry!.seq, amountFen: entry!.amountFen });
      return { status: answer.status, body: answer.body };
    } catch (error) {
      if (error instanceof IdempotencyKeyTaken) continue; // a concurrent retry won: answer what it wrote
      if (!(error instanceof ConcurrentWriteError)) throw error;
      if (attempt >= fundRetryAttempts) throw new FundBusyError();
      await backOffAfterContention(attempt);
      fund = (await getFund(fund.fundId)) ?? fund;
    }
  }
}
