import fs from 'node:fs/promises';
import type { StreamConsumer } from '../stream-poller';
import { lambdaContext } from '../lambda-context';
import { outcomeOf } from './batch-delivery';
import { describeError, readDeadLetters, type DeadLetter } from './dead-letters';

export interface RedriveReport {
  /** Handed to their consumer again and handled: removed from the file. */
  replayed: number;
  /** Failed again: kept in the file, with the new error and one more attempt. */
  failedAgain: number;
  /** Dead letters of a consumer that no longer exists: kept, untouched. */
  unknownConsumer: number;
}

/**
 * `npm run redrive`: each dead letter goes to its consumer once more, as a
 * batch of one record (the handlers are idempotent, so a record handled in
 * the meantime is harmless). What works leaves the file; what fails stays,
 * with its new error, for the next try. Lines appended while this ran (by a
 * running `npm start`) are kept.
 */
export async function redriveDeadLetters(file: string, consumers: readonly StreamConsumer[], log: (line: string) => void = console.log): Promise<RedriveReport> {
  const letters = await readDeadLetters(file);
  const report: RedriveReport = { replayed: 0, failedAgain: 0, unknownConsumer: 0 };
  const settled = new Map<string, DeadLetter | undefined>();
  for (const letter of letters) {
    const line = JSON.stringify(letter);
    const consumer = consumers.find((c) => c.name === letter.consumer);
    const sequenceNumber = letter.record.dynamodb?.SequenceNumber;
    if (!consumer) {
      report.unknownConsumer += 1;
      log(`[redrive] ${sequenceNumber}: no consumer named ${letter.consumer}; kept`);
      continue;
    }
    let outcome;
    try {
      outcome = outcomeOf([letter.record], await consumer.handler({ Records: [letter.record] }, lambdaContext(consumer.name, 60_000)));
    } catch (error) {
      outcome = { ok: false as const, error };
    }
    if (outcome.ok) {
      report.replayed += 1;
      settled.set(line, undefined);
      log(`[redrive] ${letter.consumer} ${sequenceNumber}: handled`);
    } else {
      report.failedAgain += 1;
      settled.set(line, { ...letter, attempts: letter.attempts + 1, failedAt: new Date().toISOString(), error: describeError(outcome.error) });
      log(`[redrive] ${letter.consumer} ${sequenceNumber}: failed again, kept: ${describeError(outcome.error).message}`);
    }
  }
  // Re-read, so letters appended meanwhile survive; then replace the file in one rename.
  const now = await readDeadLetters(file);
  const remaining = now.flatMap((letter) => {
    const line = JSON.stringify(letter);
    if (!settled.has(line)) return [letter];
    const again = settled.get(line);
    return again ? [again] : [];
  });
  const staging = `${file}.redrive-${process.pid}`;
  await fs.writeFile(staging, remaining.map((letter) => `${JSON.stringify(letter)}\n`).join(''), { mode: 0o600 });
  await fs.rename(staging, file);
  return report;
}
