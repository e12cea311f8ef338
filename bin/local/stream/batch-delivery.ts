import type { DynamoDBRecord } from 'aws-lambda';

/**
 * How Lambda's DynamoDB event source mapping gets one batch of records
 * through a function, with ReportBatchItemFailures and BisectBatchOnFunctionError
 * on and `retryAttempts` retries:
 *
 * - a clean return handles the batch;
 * - `{batchItemFailures}` handles the records before the first failed one and
 *   retries from there;
 * - a throw (or an invalid failure report) splits the batch in two and
 *   delivers each half on its own, until the failing record stands alone;
 * - a record that still fails after `retryAttempts` retries is dead-lettered
 *   and delivery goes on with the next one.
 *
 * Order is kept: a record is never handed over before the ones ahead of it
 * are handled. Where this differs from AWS: after the retries AWS skips the
 * rest of the batch (sending its shard and sequence range to the on-failure
 * destination); here only the record that kept failing is set aside.
 */
export interface DeliveryPolicy {
  retryAttempts: number;
  bisectOnError: boolean;
  /** Wait before retry n (1-based). */
  retryDelayMs(retry: number): number;
}

export type InvokeOutcome = { ok: true } | { ok: false; error: unknown; firstFailedIndex?: number };

export interface DeliveryHooks {
  /** Calls the function with these records as one event. */
  invoke(records: DynamoDBRecord[]): Promise<InvokeOutcome>;
  /** Every record up to and including this one is handled (delivered or dead-lettered). */
  handled(last: DynamoDBRecord): Promise<void>;
  deadLetter(records: DynamoDBRecord[], error: unknown, attempts: number): Promise<void>;
  onFailure?(records: DynamoDBRecord[], error: unknown, attempt: number): void;
}

/** Interprets a function's answer as Lambda does: a partial batch response names the failed records by sequence number. */
export function outcomeOf(records: DynamoDBRecord[], result: unknown): InvokeOutcome {
  const failures = (result as { batchItemFailures?: unknown } | null | undefined)?.batchItemFailures;
  if (failures === undefined || failures === null) return { ok: true };
  if (!Array.isArray(failures)) return { ok: false, error: new Error('batchItemFailures is not a list') };
  if (failures.length === 0) return { ok: true };
  let first = Number.POSITIVE_INFINITY;
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    const index = records.findIndex((r) => r.dynamodb?.SequenceNumber === id);
    // An identifier that names no record in the batch makes the whole batch a failure.
    if (typeof id !== 'string' || index === -1) return { ok: false, error: new Error(`batchItemFailures names an unknown record: ${String(id)}`) };
    first = Math.min(first, index);
  }
  return { ok: false, error: new Error(`the function reported ${failures.length} failed record(s)`), firstFailedIndex: first };
}

export async function deliverBatch(records: DynamoDBRecord[], policy: DeliveryPolicy, hooks: DeliveryHooks): Promise<void> {
  let remaining = records;
  // Failed invocations in a row that began with `remaining[0]`.
  let failures = 0;
  while (remaining.length > 0) {
    const outcome = await hooks.invoke(remaining);
    if (outcome.ok) {
      await hooks.handled(remaining[remaining.length - 1]!);
      return;
    }
    const partial = outcome.firstFailedIndex !== undefined;
    if (partial && outcome.firstFailedIndex! > 0) {
      await hooks.handled(remaining[outcome.firstFailedIndex! - 1]!);
      remaining = remaining.slice(outcome.firstFailedIndex);
      failures = 0;
    }
    if (!partial && policy.bisectOnError && remaining.length > 1) {
      const middle = Math.ceil(remaining.length / 2);
      await deliverBatch(remaining.slice(0, middle), policy, hooks);
      await deliverBatch(remaining.slice(middle), policy, hooks);
      return;
    }
    failures += 1;
    hooks.onFailure?.(remaining, outcome.error, failures);
    if (failures > policy.retryAttempts) {
      // Without bisection a thrown batch cannot be narrowed down: the whole batch is set aside, as AWS does.
      const setAside = partial || policy.bisectOnError ? remaining.slice(0, 1) : remaining;
      await hooks.deadLetter(setAside, outcome.error, failures);
      await hooks.handled(setAside[setAside.length - 1]!);
      remaining = remaining.slice(setAside.length);
      failures = 0;
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, policy.retryDelayMs(failures)));
  }
}
