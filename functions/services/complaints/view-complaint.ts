import { chinaDate } from '../../domain/calendar/dates';
import { snapshotOf } from '../../domain/cases/snapshot';
import { consumerView } from '../../domain/complaints/case';
import { allowedActions } from '../../domain/lifecycle';
import type { StoredCase } from '../../store/cases-store';
import { authenticateConsumer, type ConsumerCredentials } from './consumer-access';

/** The consumer's view of their case, with what they may do now (answer an offer, withdraw, add information, rate). */
export function consumerAnswer(stored: StoredCase, now: Date) {
  return { ...consumerView(stored.record, stored.timeline), allowedActions: allowedActions(snapshotOf(stored.record, chinaDate(now)), 'consumer') };
}

export type ConsumerAnswer = ReturnType<typeof consumerAnswer>;

/** `GET /v1/complaints/{caseId}` with the access code. */
export async function viewComplaint(credentials: ConsumerCredentials, now: Date): Promise<ConsumerAnswer> {
  return consumerAnswer(await authenticateConsumer(credentials, now), now);
}
