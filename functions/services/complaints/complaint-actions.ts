import type { ConsumerActionBody } from '../../domain/cases/action-schemas';
import { allowedActions } from '../../domain/lifecycle';
import { applyAction, applyWithRetry, closeIfFinished } from '../cases/apply-action';
import { authenticateConsumer, type ConsumerCredentials } from './consumer-access';
import { consumerAnswer, type ConsumerAnswer } from './view-complaint';

/**
 * `POST /v1/complaints/{caseId}/actions`: the consumer answers an offer,
 * withdraws, adds information or rates, with the access code. With
 * `expectedVersion` a change made meanwhile is 409 stale_version; without
 * it the action is decided again on the fresh case (a withdrawal should not
 * fail because a mediator wrote a note).
 */
export async function actOnComplaint(credentials: ConsumerCredentials, body: ConsumerActionBody, now: Date): Promise<ConsumerAnswer> {
  const stored = await authenticateConsumer(credentials, now);
  const command = { action: body.action, role: 'consumer' as const, fields: body.fields, now };
  const consumerActions = (snapshot: Parameters<typeof allowedActions>[0]) => allowedActions(snapshot, 'consumer');
  const changed =
    body.expectedVersion !== undefined
      ? await applyAction(stored, command, { expectedVersion: body.expectedVersion, allowedActions: consumerActions })
      : (await applyWithRetry(stored.record.caseId, () => command, consumerActions, stored)).stored!;
  return consumerAnswer((await closeIfFinished(changed, now)).stored, now);
}
