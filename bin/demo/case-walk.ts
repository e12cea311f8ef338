import { chinaDate } from '../../functions/domain/calendar/dates';
import { parseConsumerAction, parseStaffAction } from '../../functions/domain/cases/action-schemas';
import { associationOf, type StaffIdentity } from '../../functions/domain/cases/rights';
import { caseIdForIdempotencyKey } from '../../functions/domain/complaints/case-id';
import { idempotencyKeyHash } from '../../functions/domain/complaints/idempotency';
import { parseComplaint } from '../../functions/domain/complaints/intake-schema';
import { ConflictError, StaleVersionError } from '../../functions/domain/errors';
import { allowedActions } from '../../functions/domain/lifecycle';
import { actOnCase } from '../../functions/services/cases/act-on-case';
import { applyWithRetry, closeIfFinished } from '../../functions/services/cases/apply-action';
import { fileComplaint } from '../../functions/services/complaints/file-complaint';
import { requestVerification } from '../../functions/services/verification/phone-verification';
import { readOutbox } from '../../functions/messaging/outbox';
import { routeCase } from '../../functions/services/routing/route-case';
import { routingClock } from '../../functions/services/routing/routing-clock';
import type { CaseRecord } from '../../functions/domain/complaints/case';
import { getCase, readCase, type StoredCase } from '../../functions/store/cases-store';
import type { DemoComplaint } from './complaints';
import { DemoRandom } from './random';
import { scriptFor, type DemoStep } from './scripts';

/**
 * One demo complaint through the service's own code: filed with the filing
 * service at its simulated receipt time (with its Idempotency-Key), routed
 * by the routing service as of that time (the stream consumer of the
 * running stack may get there first and decides the same), then each
 * scripted action through the staff action service or, for the consumer,
 * the one action path the consumer endpoint uses, each at its simulated
 * time. Before acting it looks: a case already filed is not filed again,
 * and a step already on the timeline (same action, same instant) is not
 * taken again, so a second run adds nothing.
 */
export interface WalkTally {
  filed: number;
  alreadyFiled: number;
  actions: number;
  alreadyDone: number;
  /** Cases whose script stopped early: overtaken by the deadline sweeper or a limit (e.g. the fund's money). */
  overtaken: number;
  /** Why, by `action: error code`. */
  stoppedAt: Record<string, number>;
}

export interface WalkContext {
  /** Nothing later than this is done: later steps are the future of a case still open. */
  anchor: Date;
  tally: WalkTally;
  /** Every demo case's id, as filed or found. */
  caseIds: string[];
  /** Extra fields for fund actions when guarantee funds exist (the ledger wants a reference). */
  fundFields?: (step: DemoStep, caseId: string) => Record<string, unknown>;
}

/**
 * A disclosure-only complaint needs a verified phone (SPEC section 10): the
 * demo consumer asks for a code and reads it from the stack's outbox, as a
 * person trying the local stack would.
 */
async function withVerificationCode(body: DemoComplaint['body'], receivedAt: Date): Promise<DemoComplaint['body'] & { verification: { verificationId: string; code: string } }> {
  const phone = (body.consumer as { phone: string }).phone;
  const { verificationId } = await requestVerification(phone, { address: `demo-consumer:${phone}`, lang: 'zh-CN' }, receivedAt);
  const outbox = process.env.OUTBOX_FILE;
  const sent = outbox ? (await readOutbox(outbox, phone)).filter((message) => message.kind === 'verification') : [];
  const code = sent.at(-1)?.text.match(/\d{6}/)?.[0];
  if (!code) throw new Error(`the demo asked for a verification code for a disclosure-only complaint, but none reached the outbox (${outbox ?? 'OUTBOX_FILE not set'})`);
  return { ...body, verification: { verificationId, code } };
}

async function fileOnce(key: string, body: DemoComplaint['body'], receivedAt: Date, tally: WalkTally): Promise<{ caseId: string; existed: boolean }> {
  const receivedOn = chinaDate(receivedAt);
  // Check before acting: the id a keyed filing gets is derived from the key and the day.
  const expectedId = caseIdForIdempotencyKey(receivedOn, idempotencyKeyHash(key), 1);
  if (await getCase(expectedId)) {
    tally.alreadyFiled += 1;
    return { caseId: expectedId, existed: true };
  }
  const filing = (body.claim as { type: string }).type === 'disclosure_only' ? await withVerificationCode(body, receivedAt) : body;
  const input = parseComplaint(filing, receivedOn, 'zh-CN');
  const { filed, replayed } = await fileComplaint(input, { now: receivedAt, rawBody: JSON.stringify(filing), idempotencyKey: key });
  if (replayed) tally.alreadyFiled += 1;
  else tally.filed += 1;
  return { caseId: filed.caseId, existed: replayed };
}

/**
 * The case as routed. Filing routes it (as of its simulated receipt); the
 * router's follow-ups (collective counting, closing a refusal, disclosure
 * candidacy) run here too, with the clock the stream consumer uses
 * (`routingClock`), so whoever is first does them and the other finds them
 * done; waiting for the consumer alone made a busy machine's run several
 * times slower. Answers the case as routed.
 */
async function routed(caseId: string, receivedAt: Date): Promise<CaseRecord> {
  await routeCase(caseId, { now: routingClock({ receivedAt: receivedAt.toISOString() }, new Date()) });
  const record = await getCase(caseId);
  if (!record?.routing) throw new Error(`Demo case ${caseId} was not routed`);
  return record;
}

async function fileAndRoute(key: string, body: DemoComplaint['body'], receivedAt: Date, context: WalkContext): Promise<StoredCase> {
  const { caseId, existed } = await fileOnce(key, body, receivedAt, context.tally);
  context.caseIds.push(caseId);
  if (existed) {
    // Walked before, perhaps in part: its timeline says which steps are done.
    const stored = await readCase(caseId);
    if (stored?.record.routing) return stored;
  }
  // Just filed: nothing on the timeline but filing and routing, so the case item alone will do.
  return { record: await routed(caseId, receivedAt), timeline: [] };
}

function identityFor(step: DemoStep, stored: StoredCase): { identity: StaffIdentity; subject: string } {
  const association = associationOf(stored.record);
  switch (step.by) {
    case 'merchant':
      return { identity: { role: 'merchant', merchant: stored.record.complaint.merchant.creditCode! }, subject: `demo-merchant-${stored.record.complaint.merchant.creditCode}` };
    case 'regulator':
      return { identity: { role: 'regulator', region: association }, subject: `demo-regulator-${association}` };
    default:
      // The fund is run by the association that holds the case: its mediators act for it.
      return { identity: { role: 'mediator', org: association }, subject: `demo-mediator-${association}` };
  }
}

/** One step; answers the case's version afterwards. */
async function take(step: DemoStep, stored: StoredCase, context: WalkContext): Promise<number> {
  const { caseId } = stored.record;
  if (step.by === 'consumer') {
    const body = parseConsumerAction({ action: step.action, ...step.fields }, 'zh-CN');
    const command = { action: body.action, role: 'consumer' as const, fields: body.fields, now: step.at };
    // Read afresh (no first read passed): the consumer answers the case as it is now, like the consumer endpoint without expectedVersion.
    const { stored: changed } = await applyWithRetry(caseId, () => command, (snapshot) => allowedActions(snapshot, 'consumer'));
    return (await closeIfFinished(changed!, step.at)).stored.record.version;
  }
  const extra = step.by === 'fund' && context.fundFields ? context.fundFields(step, caseId) : {};
  const { identity, subject } = identityFor(step, stored);
  let version = stored.record.version;
  for (let attempt = 1; ; attempt++) {
    const body = parseStaffAction({ action: step.action, expectedVersion: version, ...step.fields, ...extra }, 'zh-CN');
    try {
      return (await actOnCase(identity, subject, caseId, body, step.at)).version;
    } catch (error) {
      // The system wrote meanwhile (closing a refusal, counting towards collective action): reload and act again, as a person would.
      if (!(error instanceof StaleVersionError) || attempt >= 3) throw error;
      version = error.currentVersion;
    }
  }
}

async function walk(stored: StoredCase, steps: readonly DemoStep[], context: WalkContext): Promise<void> {
  const done = new Set(stored.timeline.map((event) => `${event.type}@${event.at}`));
  let current = stored;
  for (const step of steps) {
    if (step.at > context.anchor) return; // the case's future: it stays where it is, in the queues
    if (done.has(`${step.action}@${step.at.toISOString()}`)) {
      context.tally.alreadyDone += 1;
      continue;
    }
    try {
      const version = await take(step, current, context);
      current = { ...current, record: { ...current.record, version } };
      context.tally.actions += 1;
    } catch (error) {
      // Not allowed any more (the sweeper timed the case out first), changed meanwhile, or a fund limit: the script ends here.
      if (!(error instanceof ConflictError)) throw error;
      context.tally.overtaken += 1;
      const reason = `${step.action}: ${error.code}`;
      context.tally.stoppedAt[reason] = (context.tally.stoppedAt[reason] ?? 0) + 1;
      return;
    }
  }
}

export async function fileAndWalk(complaint: DemoComplaint, context: WalkContext): Promise<void> {
  const stored = await fileAndRoute(complaint.idempotencyKey, complaint.body, complaint.receivedAt, context);
  if (complaint.refiledAt) {
    // The same consumer files the same order again a few days later: the router refuses it as a duplicate while the first is open.
    const again = { ...complaint.body, description: `再次投诉：${complaint.body.description}` };
    await fileAndRoute(`${complaint.idempotencyKey}-again`, again, complaint.refiledAt, context);
  }
  const routedAt = new Date(stored.record.routing?.routedAt ?? complaint.receivedAt);
  await walk(stored, scriptFor(stored.record, new DemoRandom(complaint.seed + 1), routedAt), context);
}
